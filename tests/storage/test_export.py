import threading

import orjson
import pytest

from storage.interchange.export import ExportCancelled, export_jsonl
from storage.project import Project
from tests.conftest import ASTRAL_TEXT


def test_export_writes_code_point_spans(astral_path, tmp_path):
    with Project.open(astral_path) as project:
        project.add_span(1, 4, 8, "ORG", annotator="a")
        project.add_span(1, 10, 13, "PER", annotator="a")
    out = tmp_path / "out.jsonl"
    seen = []
    result = export_jsonl(astral_path, out, progress=lambda d, t: seen.append((d, t)))
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert (result.documents, result.spans) == (2, 2)
    assert seen == [(1, 2), (2, 2)]
    first = lines[0]
    assert first["text"] == ASTRAL_TEXT
    assert first["label"] == [[4, 8, "ORG"], [10, 13, "PER"]]
    assert [first["text"][s:e] for s, e, _ in first["label"]] == ["平原县委", "王玉东"]
    assert first["meta"]["offset_unit"] == "codepoint" and first["meta"]["file"] == "astral.txt"
    assert lines[1]["label"] == []


def test_cancelled_export_leaves_the_old_file(astral_path, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        export_jsonl(astral_path, out, cancel=cancel)
    assert out.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == ["out.jsonl"]
