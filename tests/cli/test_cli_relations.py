"""Relations through the command line as a user runs it: import a doccano relation export,
export it in each relation format, import those into new projects, merge a split file."""

import json

import orjson

from storage.project import Project
from tests.conftest import run_hanmark
from tests.storage.test_relation_roundtrip import DOCCANO_EXPORT, LABEL_STUDIO_EXPORT


def relations(path):
    with Project.open(path, readonly=True) as project:
        out = []
        for document_id in project.document_ids():
            spans = {s.id: s.text for s in project.spans(document_id)}
            out += [(spans[r.from_span_id], r.type, spans[r.to_span_id])
                    for r in project.relations(document_id)]
        return sorted(out)


def test_import_and_export_relations_in_every_format(tmp_path):
    source = tmp_path / "doccano.jsonl"
    source.write_bytes(orjson.dumps(DOCCANO_EXPORT) + b"\n")
    project = tmp_path / "p.hanmark"
    assert run_hanmark("new", str(project)).returncode == 0
    done = run_hanmark("import", str(project), str(source), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["relations"] == 3 and report["relation_types_added"] == ["发起"]
    expected = relations(project)
    assert expected == [("平原县委", "发起", "严真细实快"), ("王玉东", "HOLDS", "县委书记"),
                        ("王玉东", "PROPOSES", "严真细实快")]
    for name, extra, out in (("doccano", ["--entities", "--offsets", "utf16"], "d.jsonl"),
                             ("labelstudio", [], "ls.json"), ("brat", [], "brat")):
        exported = run_hanmark("export", str(project), "-o", str(tmp_path / out),
                               "--format", name, *extra)
        assert exported.returncode == 0, exported.stderr
        assert "3 relations" in exported.stdout
        copy = tmp_path / f"{name}.hanmark"
        run_hanmark("new", str(copy))
        again = run_hanmark("import", str(copy), str(tmp_path / out))
        assert again.returncode == 0, again.stdout + again.stderr
        assert "3 relations" in again.stdout
        assert relations(copy) == expected
    plain = run_hanmark("export", str(project), "-o", str(tmp_path / "plain.jsonl"))
    assert "3 not written" in plain.stdout and "--entities" in plain.stdout


def test_label_studio_relations_and_a_refused_type(tmp_path):
    source = tmp_path / "ls.json"
    source.write_bytes(orjson.dumps(LABEL_STUDIO_EXPORT))
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    done = run_hanmark("import", str(project), str(source), "--annotator", "bob")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 relations" in done.stdout and "nowhere" in done.stdout
    assert relations(project) == [("86.72%", "INDICATOR_OF", "德州市审计局"),
                                  ("齐强", "HOLDS", "局长")]
    doccano = tmp_path / "d.jsonl"
    doccano.write_bytes(orjson.dumps(DOCCANO_EXPORT) + b"\n")
    refused = run_hanmark("import", str(project), str(doccano), "--no-new-labels")
    assert refused.returncode == 1
    assert "relation: unknown relation type '发起'" in refused.stdout


def test_split_and_merge_carry_relations_on_the_command_line(tmp_path):
    source = tmp_path / "d.jsonl"
    source.write_bytes(orjson.dumps(DOCCANO_EXPORT) + b"\n")
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    run_hanmark("import", str(project), str(source), "--annotator", "alice")
    split = run_hanmark("split", str(project), "-o", str(tmp_path / "out"),
                        "--annotators", "alice")
    assert split.returncode == 0, split.stderr
    alice = tmp_path / "out" / "alice.hanmark"
    assert relations(alice) == relations(project)
    with Project.open(alice) as mine:
        relation = mine.relations(1, "alice")[0]
        mine.delete_relation(relation.id)
    merged = run_hanmark("merge", str(project), str(alice))
    assert merged.returncode == 0, merged.stderr
    assert "relations +0 ~0 -1" in merged.stdout
    assert len(relations(project)) == 2
