"""'Next not-done document' is one query; it agrees with walking the list in id order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.document import Status
from storage.project import Project
from tests.conftest import new_document

STATES = [Status.TODO, Status.IN_PROGRESS, Status.DONE, Status.SKIPPED]


def walk(ids, statuses, current, not_done):
    start = ids.index(current) + 1 if current in ids else 0
    for i in ids[start:] + ids[:start]:
        if i != current and (not not_done or statuses[i] not in (Status.DONE, Status.SKIPPED)):
            return i
    return None


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(STATES), min_size=0, max_size=8), st.integers(0, 9),
       st.booleans())
def test_next_document_agrees_with_walking_the_list(tmp_path_factory, states, pick, not_done):
    path = tmp_path_factory.mktemp("n") / "p.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(f"文{i}", f"{i}.txt"))
               for i in range(len(states))]
        statuses = dict(zip(ids, states))
        for document_id, status in statuses.items():
            project.set_status(document_id, "alice", status)
            project.set_status(document_id, "bob", Status.DONE)   # another's: ignored
        current = ids[pick % len(ids)] if ids and pick < 9 else None
        assert project.next_document(current, "alice", not_done=not_done) == \
            walk(ids, statuses, current, not_done)


def test_documents_filtered_and_sorted_in_sql(tmp_path):
    with Project.create(tmp_path / "p.hanmark") as project:
        ids = [project.add_document(new_document(t, f"{i}.txt"))
               for i, t in enumerate(["乙 报道", "甲 50% 报道", "丙"])]
        project.set_status(ids[2], "alice", Status.SKIPPED)
        project.add_span(ids[0], 0, 1, "LOC", annotator="alice")
        titles = [s.title for s in project.documents("alice", title="报道")]
        assert titles == ["乙 报道", "甲 50% 报道"]
        assert [s.title for s in project.documents("alice", title="%")] == ["甲 50% 报道"]
        assert [s.id for s in project.documents("alice", status=Status.SKIPPED)] == [ids[2]]
        by_spans = project.documents("alice", order="spans", descending=True)
        assert [s.id for s in by_spans] == [ids[0], ids[1], ids[2]]
        assert [s.id for s in project.documents("alice", order="status")][-1] == ids[2]


def test_done_count_is_one_annotators(tmp_path):
    with Project.create(tmp_path / "p.hanmark") as project:
        ids = [project.add_document(new_document(f"文{i}", f"{i}.txt")) for i in range(3)]
        project.set_status(ids[0], "alice", Status.DONE)
        project.set_status(ids[1], "alice", Status.SKIPPED)
        project.set_status(ids[2], "bob", Status.DONE)
        assert project.done_count("alice") == 1
