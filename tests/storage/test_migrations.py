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
