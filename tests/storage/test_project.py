import sqlite3

import pytest

from corpus.document import Status
from storage import schema
from storage.connection import APPLICATION_ID
from storage.errors import ProjectExists, RecordRejected
from storage.project import DuplicateDocument, Project
from storage.sample import SAMPLE_VERSION
from tests.conftest import ASTRAL_TEXT, new_document


def test_new_project_has_pragmas_scheme_and_version(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        pragma = lambda name: project.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("application_id") == APPLICATION_ID
        assert project.info()["offset_unit"] == "codepoint"
        assert project.schema_version == schema.latest_version() == 12
        assert [label.name for label in project.scheme()][:2] == ["PER", "ORG"]
    assert not list(tmp_path.glob("*.partial*"))


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "p.hanmark"
    path.write_text("mine")
    with pytest.raises(ProjectExists):
        Project.create(path)
    assert path.read_text() == "mine"


def test_sample_project_holds_the_seed_articles(sample_path):
    with Project.open(sample_path) as project:
        summaries = project.documents("anyone")
        assert len(summaries) == 5
        assert summaries[0].title == "平原：激活高质量发展原动力"
        assert all(s.status is Status.TODO and s.span_count == 0 for s in summaries)
        damaged = project.document(summaries[2].id)  # built through the cleaning import
        assert "按照\ufffd" in damaged.text and "(shí)" not in damaged.text
        assert any(d["kind"] == "garbled" for d in damaged.meta["damage"])
        assert project.info()["sample_version"] == str(SAMPLE_VERSION)


def test_spans_are_stored_in_code_points(astral_path):
    with Project.open(astral_path) as project:
        document_id = project.document_ids()[0]
        start = ASTRAL_TEXT.index("平原县委")
        span = project.add_span(document_id, start, start + 4, "ORG", annotator="ann")
        assert (span.start, span.text, span.label) == (4, "平原县委", "ORG")
        assert project.spans(document_id) == [span]


@pytest.mark.parametrize("start,end,text", [(0, 200, None), (3, 3, None), (-1, 2, None),
                                            (5, 9, "德州市委")])
def test_spans_that_do_not_fit_are_refused(astral_path, start, end, text):
    with Project.open(astral_path) as project:
        document_id = project.document_ids()[0]
        with pytest.raises(RecordRejected):
            project.add_span(document_id, start, end, "ORG", annotator="a", text=text)
        assert project.span_count() == 0


def test_the_database_itself_refuses_a_mismatched_span(astral_path):
    with Project.open(astral_path) as project:
        with pytest.raises(sqlite3.IntegrityError, match="differs"):
            project.db.execute(
                'INSERT INTO spans (document_id, start, "end", label_id, text) '
                "VALUES (1, 5, 9, 1, '德州市委')")


def test_long_documents_are_checked_by_length_in_sql_and_by_text_in_python(tmp_path):
    from storage.schema import TEXT_CHECK_LIMIT

    path = tmp_path / "long.hanmark"
    text = "德州市审计局" * (TEXT_CHECK_LIMIT // 6 + 10)
    with Project.create(path) as project:
        document_id = project.add_document(new_document(text, "long.txt"))
        with pytest.raises(sqlite3.IntegrityError, match="outside"):
            project.db.execute('INSERT INTO spans (document_id, start, "end", label_id, text) '
                               "VALUES (?, ?, ?, 1, 'x')", [document_id, len(text), len(text) + 1])
        with pytest.raises(RecordRejected, match="covers"):
            project.add_span(document_id, 3, 6, "ORG", annotator="a", text="德州市")
        assert project.add_span(document_id, 3, 6, "ORG", annotator="a").text == "审计局"


def test_document_text_is_immutable(astral_path):
    with Project.open(astral_path) as project:
        with pytest.raises(sqlite3.IntegrityError, match="never changes"):
            project.db.execute("UPDATE documents SET text = 'x' WHERE id = 1")


def test_unknown_label_is_refused(astral_path):
    with Project.open(astral_path) as project:
        with pytest.raises(RecordRejected, match="unknown label"):
            project.add_span(1, 0, 2, "NOPE", annotator="a")


def test_delete_and_restore_keep_the_span_whole(astral_path):
    with Project.open(astral_path) as project:
        span = project.add_span(1, 0, 3, "LOC", annotator="a")
        assert project.delete_span(span.id) == span
        assert project.spans(1) == []
        assert project.restore_span(span) == span
        assert len(span.uid) == 32   # the undo brings back the same span, uid and all


def test_relabel_returns_the_old_span(astral_path):
    with Project.open(astral_path) as project:
        span = project.add_span(1, 0, 3, "LOC", annotator="a")
        assert project.relabel_span(span.id, "ORG").label == "LOC"
        assert project.span(span.id).label == "ORG"


def test_status_is_per_annotator(astral_path):
    with Project.open(astral_path) as project:
        assert project.set_status(1, "ann", Status.DONE) is Status.TODO
        assert project.status(1, "ann") is Status.DONE
        assert project.status(1, "other") is Status.TODO
        stats = project.stats("ann")
        assert stats["status"] == {"todo": 1, "in_progress": 0, "done": 1, "skipped": 0}


def test_duplicate_text_is_not_imported_twice(astral_path):
    with Project.open(astral_path) as project:
        with pytest.raises(DuplicateDocument):
            project.add_document(new_document(ASTRAL_TEXT, "again.txt"))
        assert len(project.document_ids()) == 2


def test_stats_count_spans_per_label(astral_path):
    with Project.open(astral_path) as project:
        project.add_span(1, 0, 3, "LOC", annotator="a")
        project.add_span(1, 5, 9, "ORG", annotator="a")
        project.add_span(2, 6, 11, "ORG", annotator="a")
        stats = project.stats("a")
    assert stats["spans"]["ORG"] == 2 and stats["spans"]["LOC"] == 1 and stats["spans"]["PER"] == 0
    assert stats["span_total"] == 3 and stats["documents"] == 2
