"""Relations in the project file: types with their allowed pairs, relations per document
and layer, validation, cascade on span delete and restore by id; the move of the
relations that earlier imports kept in document metadata into the table (m009)."""

import orjson
import pytest

from corpus.labels import LabelScheme
from corpus.relations import RelationType, default_types, types_from_json, types_to_json
from storage import connection, schema
from storage.errors import RecordRejected
from storage.project import Project, _insert_labels
from tests.conftest import new_document

TEXT = "平原县委书记王玉东提出严真细实快，全县疫苗接种率达86.72%。"


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.hanmark") as project:
        document_id = project.add_document(new_document(TEXT, "a.txt"))
        assert document_id == 1
        yield project


def spans(project, annotator="alice"):
    found = {}
    for start, end, label in ((0, 4, "ORG"), (2, 6, "POST"), (6, 9, "PER"),
                              (11, 16, "SLOGAN"), (25, 31, "METRIC"), (0, 3, "LOC")):
        assert TEXT[start:end]
        found[label] = project.add_span(1, start, end, label, annotator=annotator).id
    return found


def test_a_new_project_has_the_default_relation_types(project):
    types = project.relation_types()
    assert [t.name for t in types] == ["INDICATOR_OF", "HOLDS", "PROPOSES"]
    assert [t.display for t in types] == ["指标归属", "任职", "提出"]
    assert types == default_types()
    holds = project.relation_type("HOLDS")
    assert holds.allows("PER", "POST") and not holds.allows("POST", "PER")
    assert [t.name for t in project.allowed_types("METRIC", "LOC")] == ["INDICATOR_OF"]
    assert [t.name for t in project.allowed_types("PER", "SLOGAN")] == ["PROPOSES"]
    assert project.allowed_types("LOC", "ORG") == []


def test_relations_are_added_listed_and_deleted_per_layer(project):
    mine, theirs = spans(project), spans(project, "bob")
    holds = project.add_relation(mine["PER"], mine["POST"], "HOLDS")
    assert (holds.document_id, holds.annotator, holds.type) == (1, "alice", "HOLDS")
    assert len(holds.uid) == 32
    project.add_relation(theirs["METRIC"], theirs["LOC"], "INDICATOR_OF", note="县")
    assert [r.type for r in project.relations(1, "alice")] == ["HOLDS"]
    assert [r.note for r in project.relations(1, "bob")] == ["县"]
    assert len(project.relations(1)) == 2 and project.relation_count() == 2
    assert project.delete_relation(holds.id) == holds
    assert project.relations(1, "alice") == []


@pytest.mark.parametrize("ends, kind, why", [
    (("POST", "PER"), "HOLDS", "cannot link POST to PER"),
    (("PER", "POST"), "NOPE", "unknown relation type"),
    (("PER", "PER"), "HOLDS", "two different spans"),
])
def test_a_relation_that_cannot_stand_is_refused_and_nothing_is_written(project, ends, kind,
                                                                        why):
    mine = spans(project)
    with pytest.raises(RecordRejected, match=why):
        project.add_relation(mine[ends[0]], mine[ends[1]], kind)
    assert project.relation_count() == 0


def test_a_relation_links_one_layer_of_one_document(project):
    mine, theirs = spans(project), spans(project, "bob")
    with pytest.raises(RecordRejected, match="one annotator's layer"):
        project.add_relation(mine["PER"], theirs["POST"], "HOLDS")
    other = project.add_document(new_document("王玉东任县委书记。", "b.txt"))
    post = project.add_span(other, 3, 7, "POST", annotator="alice").id
    with pytest.raises(RecordRejected, match="one document"):
        project.add_relation(mine["PER"], post, "HOLDS")
    with pytest.raises(RecordRejected, match="no span"):
        project.add_relation(mine["PER"], 9999, "HOLDS")


def test_deleting_a_span_deletes_its_relations_and_restoring_brings_them_back(project):
    mine = spans(project)
    holds = project.add_relation(mine["PER"], mine["POST"], "HOLDS")
    proposes = project.add_relation(mine["PER"], mine["SLOGAN"], "PROPOSES")
    project.add_relation(mine["ORG"], mine["SLOGAN"], "PROPOSES")
    linked = project.relations_of_span(mine["PER"])
    assert linked == [holds, proposes]
    span = project.delete_span(mine["PER"])
    assert [r.type for r in project.relations(1)] == ["PROPOSES"]
    project.restore_span(span)
    assert project.restore_relations(linked) == linked     # same ids, uids, times
    assert project.relations(1) == sorted([*linked, *project.relations(1)[2:]],
                                          key=lambda r: r.id)
    assert len(project.relations(1)) == 3


def test_relation_types_can_be_replaced_from_a_scheme_file_but_not_when_in_use(project):
    mine = spans(project)
    project.add_relation(mine["PER"], mine["POST"], "HOLDS")
    data = types_to_json(project.relation_types())
    data[1]["display"] = "担任"
    data.append({"name": "LOCATED_IN", "display": "位于", "color": "#123456",
                 "pairs": [["ORG", "LOC"]]})
    project.set_relation_types(types_from_json(data))
    assert [t.name for t in project.relation_types()][-1] == "LOCATED_IN"
    assert project.relation_type("HOLDS").display == "担任"
    assert project.allowed_types("ORG", "LOC")[0].name == "LOCATED_IN"
    with pytest.raises(RecordRejected, match="HOLDS.*1 relations"):
        project.set_relation_types([t for t in project.relation_types() if t.name != "HOLDS"])
    assert len(project.relation_types()) == 4
    project.add_relation_type(RelationType("PART_OF", "隶属", "#000000"))
    assert project.relation_type("PART_OF").allows("LOC", "ORG")   # no pairs: any pair


def make_version_9(path, relations):
    """A project as Hanmark before relations had a table: a doccano import kept them in
    the document's metadata."""
    db = connection.connect(path, create=True)
    schema.migrations.apply(db, stop_before="m010_relations")
    with db.atomic():
        _insert_labels(db, LabelScheme.default())
        meta = orjson.dumps({"source_id": 9, "relations": relations}).decode()
        db.execute("INSERT INTO documents (title, text, content_hash, length, meta) "
                   "VALUES ('t', ?, 'h', ?, ?)", [TEXT, len(TEXT), meta])
        labels = dict(db.execute("SELECT name, id FROM labels").fetchall())
        for annotator in ("alice", "bob"):
            for start, end, label in ((6, 9, "PER"), (2, 6, "POST"), (11, 16, "SLOGAN")):
                db.execute('INSERT INTO spans (document_id, start, "end", label_id, '
                           "annotator, text) VALUES (1, ?, ?, ?, ?, ?)",
                           [start, end, labels[label], annotator, TEXT[start:end]])
        db.execute('INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
                   "VALUES (1, 0, 4, ?, 'carol', ?)", [labels["ORG"], TEXT[0:4]])
    db.close()


def test_upgrading_moves_meta_relations_into_the_table(tmp_path):
    path = tmp_path / "v9.hanmark"
    stored = [{"type": "HOLDS", "from": [6, 9, "PER"], "to": [2, 6, "POST"]},
              {"type": "member_of", "from": [6, 9, "PER"], "to": [11, 16, "SLOGAN"]},
              {"type": "PROPOSES", "from": [0, 4, "ORG"], "to": [11, 16, "SLOGAN"]},
              {"type": "HOLDS", "from": [1, 2, "PER"], "to": [2, 6, "POST"]}]
    make_version_9(path, stored)
    with Project.open(path) as project:
        assert project.schema_version == schema.latest_version()
        moved = [(r.annotator, r.type, project.span(r.from_span_id).text,
                  project.span(r.to_span_id).text) for r in project.relations(1)]
        assert sorted(moved) == [("alice", "HOLDS", "王玉东", "县委书记"),
                                 ("alice", "member_of", "王玉东", "严真细实快"),
                                 ("bob", "HOLDS", "王玉东", "县委书记"),
                                 ("bob", "member_of", "王玉东", "严真细实快")]
        assert "member_of" in [t.name for t in project.relation_types()]   # type added
        # carol's ORG has no SLOGAN in her layer and nobody has [1, 2, PER]: kept, counted.
        meta = project.document(1).meta
        assert meta["relations"] == stored[2:] and meta["source_id"] == 9
        assert project.info()["relations_left_in_meta"] == "2"
    assert (tmp_path / "v9.v9-backup.hanmark").exists()


def test_upgrading_a_project_whose_meta_relations_all_move_drops_the_key(tmp_path):
    path = tmp_path / "v9.hanmark"
    make_version_9(path, [{"type": "HOLDS", "from": [6, 9, "PER"], "to": [2, 6, "POST"]}])
    with Project.open(path) as project:
        assert "relations" not in project.document(1).meta
        assert project.info()["relations_left_in_meta"] == "0"
        assert len(project.relations(1)) == 2
