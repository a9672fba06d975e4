"""hanmark export --format F and hanmark import of annotated files, as a user runs them."""

import orjson
import pytest

from corpus.formats import spacy as spacy_format
from hanmark.cli import main
from storage.project import Project
from tests.conftest import ASTRAL_TEXT, require_spacy, run_hanmark
from tests.corpus.formats.helpers import make_project, stored


@pytest.mark.parametrize("fmt,name,extra", [
    ("doccano", "out.jsonl", ["--offsets", "utf16"]),
    ("doccano", "out.jsonl", ["--entities", "--offsets", "utf16"]),
    ("labelstudio", "out.json", ["--predictions"]),
    ("cluener", "out.jsonl", []),
    ("conll", "out.conll", ["--tags", "bmes", "--sentences"]),
    ("hf", "out.jsonl", ["--tags", "bioes"]),
    ("brat", "out", []),
])
def test_export_then_import_detects_the_format_and_keeps_the_spans(tmp_path, fmt, name, extra):
    source = make_project(tmp_path / "source.hanmark")
    out = tmp_path / name
    result = run_hanmark("export", str(source), "-o", str(out), "--format", fmt, *extra)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("exported 2 documents, 7 spans")
    copy = tmp_path / "copy.hanmark"
    Project.create(copy).close()
    imported = run_hanmark("import", str(copy), str(out), "--annotator", "cli")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    shown = "doc-000001.ann" if fmt == "brat" else out.name   # a brat folder: each .ann
    assert f"detected   {shown}: {fmt}" in imported.stdout
    # a brat folder: each document is its .txt and its .ann (two files given), and its
    # annotation.conf is said skipped: every file of the folder counted
    counts = "failed 0, skipped 1 (5 files)" if fmt == "brat" else "failed 0 (1 files)"
    assert f"imported 2, skipped as duplicate 0, {counts}; 7 spans" in imported.stdout
    if fmt == "brat":
        assert f"skipped    {out / 'annotation.conf'}: brat's configuration, not a " \
            "document" in imported.stdout
    assert stored(copy) == stored(source)


def test_doccano_import_defaults_to_utf16_and_reports_bad_records(tmp_path):
    path = tmp_path / "from-doccano.jsonl"
    path.write_bytes(b"\n".join([
        orjson.dumps({"text": ASTRAL_TEXT, "label": [[6, 10, "ORG"], [12, 15, "PER"]]}),
        orjson.dumps({"text": ASTRAL_TEXT + "!", "label": [[1, 4, "ORG"]]}),
        b"{oops",
        orjson.dumps({"text": "德州", "label": [[0, 2, "GPE"]]})]))
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    result = run_hanmark("import", str(project), str(path))
    assert result.returncode == 1
    assert "failed     from-doccano.jsonl:2: ORG" not in result.stdout
    assert "span rejected from-doccano.jsonl:2: [1, 4, 'ORG']: splits a character" \
        in result.stdout
    assert "imported   from-doccano.jsonl:2 (doccano, 0 spans)" in result.stdout
    assert "failed     from-doccano.jsonl:3: not valid JSON" in result.stdout
    assert "labels added: GPE" in result.stdout
    assert stored(project)[0][1] == [(4, 8, "ORG", "平原县委"), (10, 13, "PER", "王玉东")]
    again = tmp_path / "q.hanmark"
    Project.create(again).close()
    code_points = run_hanmark("import", str(again), str(path), "--offsets", "codepoint",
                              "--format", "doccano", "--json")
    report = orjson.loads(code_points.stdout)
    assert report["detected"] == {"from-doccano.jsonl": "doccano"}
    assert stored(again)[0][1] == [(6, 10, "ORG", "县委书记"), (12, 15, "PER", "东说：")]


def test_plain_articles_still_import_as_before(tmp_path):
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    (tmp_path / "a.txt").write_text("平原县委书记王玉东介绍。", encoding="utf-8")
    result = run_hanmark("import", str(project), str(tmp_path / "a.txt"))
    assert result.returncode == 0
    assert "detected" not in result.stdout
    assert result.stdout.strip().endswith("imported 1, skipped as duplicate 0, failed 0 (1 files)")


@pytest.mark.parametrize("args,message", [
    (["--split", "a/b"], "split 'a/b'"),
    (["--status", "finished"], "unknown status 'finished'"),
    (["--documents", "x"], "expected ids like"),
    (["--format", "conll", "--overlap", "fail"], "overlapping spans cannot be written"),
])
def test_export_errors_are_one_line(tmp_path, args, message, capsys):
    from tests.corpus.formats.helpers import NESTED_SPANS

    source = make_project(tmp_path / "p.hanmark", NESTED_SPANS)
    code = main(["export", str(source), "-o", str(tmp_path / "o.txt"), *args])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "o.txt").exists()


def test_spacy_missing_is_explained(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(spacy_format, "load_spacy", lambda: None)
    source = make_project(tmp_path / "p.hanmark")
    code = main(["export", str(source), "-o", str(tmp_path / "o.spacy"), "--format", "spacy"])
    err = capsys.readouterr().err
    assert code == 1 and "needs spaCy, which is not installed" in err
    assert err.count("\n") == 1 and not (tmp_path / "o.spacy").exists()


def test_spacy_docbin_loads_in_spacy(tmp_path):
    spacy = require_spacy()
    from spacy.tokens import DocBin

    source = make_project(tmp_path / "p.hanmark")
    assert main(["export", str(source), "-o", str(tmp_path / "o.spacy"), "--format",
                 "spacy"]) == 0
    docs = list(DocBin().from_disk(tmp_path / "o.spacy").get_docs(spacy.blank("zh").vocab))
    assert docs[0].text == ASTRAL_TEXT
    assert [(e.text, e.label_) for e in docs[0].ents][1] == ("平原县委", "ORG")
