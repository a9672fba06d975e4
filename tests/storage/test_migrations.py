"""Opening a project from an older Hanmark upgrades it, after a backup."""

from corpus.labels import LabelScheme
from storage import connection, schema
from storage.project import Project, _insert_labels


def make_version_1(path):
    db = connection.connect(path, create=True)
    schema.migrations.apply(db, stop_before="m002_raw_map")
    with db.atomic():
        _insert_labels(db, LabelScheme.default())
        db.execute("INSERT INTO documents (title, text, content_hash) VALUES ('t', '平原县', 'h')")
    db.close()


def test_migrations_are_numbered_in_sequence():
    names = schema.known_names()
    assert [schema.version_of(name) for name in names] == list(range(1, len(names) + 1))


def test_older_project_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old.hanmark"
    make_version_1(path)
    with Project.open(path) as project:
        assert project.schema_version == schema.latest_version()
        assert project.raw_map(1).to_source(3) == 3  # the new column works
        assert project.document(1).text == "平原县"
        assert project.db.execute("SELECT length FROM documents").fetchone()[0] == 3  # m003
        project.add_span(1, 0, 2, "LOC", annotator="a")  # the new span triggers accept it
    backup = tmp_path / "old.v1-backup.hanmark"
    assert backup.exists()
    with Project.open(backup, readonly=True) as old:
        assert old.schema_version == 1
        assert old.document(1).text == "平原县"


def test_read_only_open_of_an_older_project_does_not_upgrade(tmp_path):
    path = tmp_path / "old.hanmark"
    make_version_1(path)
    with Project.open(path, readonly=True) as project:
        assert project.schema_version == 1
    assert not (tmp_path / "old.v1-backup.hanmark").exists()


def make_version_5(path):
    """A project as Hanmark with suggestions (issue 7) but no kept model wrote it."""
    db = connection.connect(path, create=True)
    schema.migrations.apply(db, stop_before="m006_models_and_pos")
    with db.atomic():
        _insert_labels(db, LabelScheme.default())
        db.execute("INSERT INTO documents (title, text, content_hash, length) "
                   "VALUES ('t', '平原县投资665万元', 'h', 10)")
        db.execute("INSERT INTO suggestions (document_id, start, \"end\", label, source, text, "
                   "state) VALUES (1, 5, 10, 'METRIC', 'metrics', '665万元', 'rejected')")
    db.close()


def test_a_version_5_project_gets_a_model_table_and_a_pos_cache(tmp_path):
    path = tmp_path / "v5.hanmark"
    make_version_5(path)
    with Project.open(path, readonly=True) as old:  # read-only: nothing kept, nothing fails
        assert old.schema_version == 5
        assert old.stored_model() is None and old.cached_pos(1, "jieba") is None
    with Project.open(path) as project:
        assert project.schema_version == schema.latest_version() >= 6
        assert project.stored_model() is None
        assert project.suggestions(1, "rejected")[0][1].text == "665万元"  # kept as it was
        project.store_model(b"model bytes", documents=3, held_out_f1=0.5,
                            training_data=project.training_data())
        project.store_pos(1, "jieba", [(0, 3, "ns"), (3, 10, "x")],
                          project.words_revision)
    with Project.open(path, readonly=True) as reopened:
        kept = reopened.stored_model()
        assert (kept.data, kept.documents, kept.held_out_f1) == (b"model bytes", 3, 0.5)
        assert reopened.cached_pos(1, "jieba") == [(0, 3, "ns"), (3, 10, "x")]
    with Project.open(tmp_path / "v5.v5-backup.hanmark", readonly=True) as backup:
        assert backup.schema_version == 5


def test_spans_get_a_uid_on_upgrade_and_an_old_file_reads_without_one(tmp_path):
    path = tmp_path / "v5.hanmark"
    make_version_5(path)
    db = connection.connect(path)
    with db.atomic():
        db.execute("INSERT INTO spans (document_id, start, \"end\", label_id, text) "
                   "VALUES (1, 0, 3, 3, '平原县')")
    db.close()
    with Project.open(path, readonly=True) as old:
        assert [(s.text, s.uid) for s in old.spans(1)] == [("平原县", "")]
    with Project.open(path) as project:
        [kept] = project.spans(1)
        added = project.add_span(1, 5, 10, "METRIC", annotator="a")
        assert len(kept.uid) == len(added.uid) == 32 and kept.uid != added.uid


def test_only_the_last_few_upgrade_backups_are_kept(tmp_path):
    from storage.project import KEEP_BACKUPS, prune_backups

    path = tmp_path / "p[1].hanmark"
    path.write_bytes(b"")
    for version in (1, 2, 3, 4, 10):
        (tmp_path / f"p[1].v{version}-backup.hanmark").write_bytes(b"x")
    (tmp_path / "p[1].vX-backup.hanmark").write_bytes(b"not ours")
    removed = prune_backups(path)
    assert sorted(p.name for p in removed) == ["p[1].v1-backup.hanmark",
                                               "p[1].v2-backup.hanmark"]
    left = sorted(p.name for p in tmp_path.glob("*-backup.hanmark"))
    assert len([n for n in left if n[6].isdigit()]) == KEEP_BACKUPS
    assert "p[1].vX-backup.hanmark" in left


def test_a_version_10_project_gets_the_default_labels_english_texts(tmp_path):
    """m011: labels still as the default scheme had them take its English display texts;
    a label the team renamed, re-displayed or already translated keeps its own."""
    path = tmp_path / "v10.hanmark"
    db = connection.connect(path, create=True)
    schema.migrations.apply(db, stop_before="m011_default_labels_in_english")
    with db.atomic():
        _insert_labels(db, LabelScheme.default())
        db.execute("UPDATE labels SET display_en = ''")
        db.execute("UPDATE labels SET display = '地名' WHERE name = 'LOC'")
        db.execute("UPDATE labels SET display_en = 'Person name' WHERE name = 'PER'")
    db.close()
    with Project.open(path) as project:
        english = {label.name: label.display_en for label in project.scheme()}
    assert english == {"PER": "Person name", "ORG": "Org", "LOC": "", "POST": "Post",
                       "METRIC": "Metric", "SLOGAN": "Slogan"}


def test_a_version_11_project_checks_spans_against_the_length_index(tmp_path):
    """m012: the span checks read a document's length from the (id, length) index, not
    from the row (past its whole text); they still refuse what they refused."""
    import sqlite3

    import pytest

    path = tmp_path / "v11.hanmark"
    db = connection.connect(path, create=True)
    schema.migrations.apply(db, stop_before="m012_document_length_index")
    with db.atomic():
        _insert_labels(db, LabelScheme.default())
        db.execute("INSERT INTO documents (title, text, content_hash, length) "
                   "VALUES ('t', '平原县投资665万元', 'h', 10)")
    db.close()
    with Project.open(path) as project:
        assert project.schema_version == schema.latest_version() >= 12
        triggers = dict(project.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE name LIKE 'spans_check_%'").fetchall())
        assert set(triggers) == {"spans_check_insert", "spans_check_update"}
        assert all(sql.count("INDEXED BY documents_length") == 2 for sql in triggers.values())
        plan = project.db.execute("EXPLAIN QUERY PLAN SELECT length FROM documents INDEXED BY "
                                  "documents_length WHERE id = 1").fetchall()
        assert "COVERING INDEX documents_length" in plan[0][3]
        span = project.add_span(1, 5, 10, "METRIC", annotator="a")
        labels = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        with pytest.raises(sqlite3.IntegrityError, match="outside the document text"):
            project.db.execute('INSERT INTO spans (document_id, start, "end", label_id, text) '
                               "VALUES (1, 8, 11, ?, '万元?')", [labels["METRIC"]])
        with pytest.raises(sqlite3.IntegrityError, match="differs from the document text"):
            project.db.execute('UPDATE spans SET "end" = 9, text = \'665\' WHERE id = ?',
                               [span.id])
        project.resize_span(span.id, 5, 8)   # the update check accepts a true one
        assert project.span(span.id).text == "665"
