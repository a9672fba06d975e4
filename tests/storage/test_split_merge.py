"""Split a project into annotators' files, annotate them, merge them back."""

import shutil

import pytest

from corpus.document import Status
from corpus.relations import RelationType
from storage.errors import NotAProject, ProjectDamaged, ProjectExists, RecordRejected
from storage.project import Project
from storage.team.adjudicate import run_adjudication
from storage.team.merge import MergeOptions, MergeRefused, merge_file
from storage.team.split import SplitOptions, assign, split_project
from tests.conftest import new_document

TEXTS = [f"第{i}篇：平原县委书记王玉东在德州市审计局讲话，投资{i}万元。" * (1 + i % 3)
         for i in range(12)]


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "lead.hanmark") as lead:
        for i, text in enumerate(TEXTS):
            lead.add_document(new_document(text, f"{i}.txt"))
        lead.add_span(1, 3, 6, "LOC", annotator="model")
        lead.set_info("suggest_settings", '{"gazetteer": {"平原县": "LOC"}}')
    return tmp_path / "lead.hanmark"


def split(project, folder, **kwargs):
    options = SplitOptions(annotators=("alice", "bob", "carol"), **kwargs)
    with Project.open(project, readonly=True) as source:
        return split_project(source, folder, options)


def test_the_assignment_is_balanced_reproducible_and_overlapping():
    lengths = {i: 10 * (1 + i % 3) for i in range(1, 21)}
    options = SplitOptions(annotators=("a", "b", "c"), overlap=0.2, copies=2, seed=7)
    overlap, shares = assign(lengths, options)
    assert (overlap, shares) == assign(lengths, options)
    assert len(overlap) == 4
    assert all(sum(doc in share for share in shares.values()) == 2 for doc in overlap)
    rest = set(lengths) - set(overlap)
    assert all(sum(doc in share for share in shares.values()) == 1 for doc in rest)
    loads = [sum(lengths[d] for d in share) for share in shares.values()]
    assert max(loads) - min(loads) <= 30
    assert assign(lengths, SplitOptions(annotators=("a", "b", "c"), overlap=0.2, seed=8)) != \
        (overlap, shares)


def test_each_file_carries_the_scheme_settings_and_its_documents(project, tmp_path):
    report = split(project, tmp_path / "out", overlap=0.25, with_spans="model")
    assert len(report.overlap) == 3
    with Project.open(report.shares["alice"].file, readonly=True) as alice:
        assert alice.info()["annotator"] == "alice"
        assert "平原县" in alice.info()["suggest_settings"]
        assert [label.name for label in alice.scheme()] == \
            ["PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"]
        assert alice.document_ids() == report.shares["alice"].documents
        if 1 in alice.document_ids():
            assert [(s.text, s.annotator) for s in alice.spans(1)] == [("平原县", "alice")]
    with pytest.raises(ProjectExists):
        split(project, tmp_path / "out")
    split(project, tmp_path / "out", force=True)


def test_bad_options_are_refused(project, tmp_path):
    for bad in (dict(overlap=1.5), dict(copies=4), dict(statuses=("finished",))):
        with pytest.raises(RecordRejected):
            split(project, tmp_path / "out", **bad)
    with Project.open(project, readonly=True) as source, pytest.raises(RecordRejected):
        split_project(source, tmp_path / "x", SplitOptions(annotators=("a/b",)))


def annotate(path, document_id, spans, status=Status.DONE):
    with Project.open(path) as mine:
        name = mine.info()["annotator"]
        for start, end, label in spans:
            mine.add_span(document_id, start, end, label, annotator=name)
        mine.set_status(document_id, name, status)


def test_the_whole_loop(project, tmp_path):
    report = split(project, tmp_path / "out", overlap=1.0)     # every document to everyone
    files = {name: share.file for name, share in report.shares.items()}
    annotate(files["alice"], 2, [(4, 8, "ORG"), (10, 13, "PER")])
    annotate(files["bob"], 2, [(4, 8, "ORG"), (10, 13, "PER")])
    annotate(files["carol"], 2, [(4, 8, "ORG"), (10, 13, "POST")])
    with Project.open(project) as lead:
        reports = [merge_file(lead, files[name]) for name in ("alice", "bob", "carol")]
        assert [(r.annotators, r.documents_matched, r.spans_added) for r in reports] == \
            [(["alice"], 12, 2), (["bob"], 12, 2), (["carol"], 12, 2)]
        assert lead.layers(2) == {"alice": 2, "bob": 2, "carol": 2}
        assert lead.status(2, "bob") is Status.DONE
        again = merge_file(lead, files["alice"])
        assert (again.spans_added, again.spans_changed, again.spans_removed,
                again.statuses_updated) == (0, 0, 0, 0)
        adjudicated = run_adjudication(lead, min_agree=2)
        assert adjudicated.written == 2
        assert [(s.text, s.label) for s in lead.spans(2, "gold")] == \
            [("平原县委", "ORG"), ("王玉东", "PER")]


def test_a_newer_copy_makes_the_layer_equal_to_the_file(project, tmp_path):
    report = split(project, tmp_path / "out", overlap=1.0)
    alice = report.shares["alice"].file
    annotate(alice, 2, [(4, 8, "ORG"), (10, 13, "PER"), (14, 16, "LOC")], Status.IN_PROGRESS)
    with Project.open(project) as lead:
        lead.add_span(2, 4, 8, "ORG", annotator="bob")
        merge_file(lead, alice)
    with Project.open(alice) as mine:
        org, per, loc = mine.spans(2)
        mine.relabel_span(per.id, "POST")
        mine.delete_span(loc.id)
        mine.add_span(2, 0, 3, "LOC", annotator="alice")
        mine.set_status(2, "alice", Status.DONE)
    with Project.open(project) as lead:
        newer = merge_file(lead, alice)
        assert (newer.spans_added, newer.spans_changed, newer.spans_removed,
                newer.statuses_updated) == (1, 1, 1, 1)
        assert [(s.text, s.label) for s in lead.spans(2, "alice")] == \
            [("第1篇", "LOC"), ("平原县委", "ORG"), ("王玉东", "POST")]
        assert lead.layers(2)["bob"] == 1          # other layers are never touched
        assert lead.status(2, "alice") is Status.DONE


def test_files_that_cannot_be_merged_leave_the_project_untouched(project, tmp_path):
    other = tmp_path / "other.hanmark"
    with Project.create(other) as foreign:
        foreign.add_document(new_document("另一个项目的文档。", "x.txt"))
        foreign.add_span(1, 0, 3, "ORG", annotator="eve")
    broken = tmp_path / "broken.hanmark"
    shutil.copy(project, broken)
    with broken.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 8192)
    with Project.open(project) as lead:
        before = lead.span_count()
        with pytest.raises(MergeRefused, match="no document in common"):
            merge_file(lead, other)
        with pytest.raises((NotAProject, ProjectDamaged)):
            merge_file(lead, broken)
        assert lead.span_count() == before
        added = merge_file(lead, other, MergeOptions(add_documents=True))
        assert (added.documents_added, added.spans_added) == (1, 1)


def relations_of(project, document_id, annotator):
    spans = {s.id: s.text for s in project.spans(document_id, annotator)}
    return sorted((spans[r.from_span_id], r.type, spans[r.to_span_id])
                  for r in project.relations(document_id, annotator))


def test_split_and_merge_carry_an_annotators_relations(project, tmp_path):
    with Project.open(project) as lead:      # the model's layer, to pre-annotate with
        per = lead.add_span(2, 10, 13, "PER", annotator="model").id
        post = lead.add_span(2, 6, 10, "POST", annotator="model").id
        lead.add_relation(per, post, "HOLDS")
    report = split(project, tmp_path / "out", overlap=1.0, with_spans="model")
    alice = report.shares["alice"].file
    with Project.open(alice) as mine:
        assert relations_of(mine, 2, "alice") == [("王玉东", "HOLDS", "县委书记")]
        assert [t.name for t in mine.relation_types()] == ["INDICATOR_OF", "HOLDS", "PROPOSES"]
        mine.add_relation_type(RelationType("SPEAKS_AT", "讲话", "#336699"))
        spans = {s.text: s.id for s in mine.spans(2, "alice")}
        org = mine.add_span(2, 14, 20, "ORG", annotator="alice").id
        mine.add_relation(spans["王玉东"], org, "SPEAKS_AT")
    with Project.open(project) as lead:
        merged = merge_file(lead, alice)
        assert (merged.relations_added, merged.relations_removed) == (2, 0)
        assert merged.relation_types_added == ["SPEAKS_AT"]
        assert relations_of(lead, 2, "alice") == [("王玉东", "HOLDS", "县委书记"),
                                                  ("王玉东", "SPEAKS_AT", "德州市审计局")]
        again = merge_file(lead, alice)
        assert (again.relations_added, again.relations_changed, again.relations_removed) == \
            (0, 0, 0)
    with Project.open(alice) as mine:       # the post deleted: its relation goes with it
        post = next(s for s in mine.spans(2, "alice") if s.label == "POST")
        mine.delete_span(post.id)
    with Project.open(project) as lead:
        newer = merge_file(lead, alice)
        assert (newer.spans_removed, newer.relations_removed) == (1, 0)   # by the cascade
        assert relations_of(lead, 2, "alice") == [("王玉东", "SPEAKS_AT", "德州市审计局")]
        assert relations_of(lead, 2, "model") == [("王玉东", "HOLDS", "县委书记")]
