"""Projects with astral characters, line breaks, escapes and nested spans, for round trips."""

from __future__ import annotations

from pathlib import Path

from storage.project import Project
from tests.conftest import ASTRAL_TEXT, new_document

ODD_TEXT = "第二篇\t文档 德州\\市审计局。\r\n好！😀𠮷"
# (document, start, end, label); LOC [0, 3) and ORG [4, 8) nest inside SLOGAN [0, 8)
FLAT_SPANS = [(1, 0, 3, "LOC"), (1, 4, 8, "ORG"), (1, 10, 13, "PER"), (1, 21, 28, "METRIC"),
              (2, 0, 1, "POST"), (2, 6, 12, "ORG"), (2, 18, 20, "SLOGAN")]
NESTED_SPANS = FLAT_SPANS + [(1, 0, 8, "SLOGAN"), (1, 4, 7, "LOC")]


def make_project(path: Path, spans=FLAT_SPANS) -> Path:
    with Project.create(path) as project:
        project.add_document(new_document(ASTRAL_TEXT, "astral.txt"))
        project.add_document(new_document(ODD_TEXT, "odd.txt"))
        for document_id, start, end, label in spans:
            project.add_span(document_id, start, end, label, annotator="a")
    return path


def stored(path: Path) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    """Every document's text and its spans (start, end, label, text), in order."""
    with Project.open(path, readonly=True) as project:
        return [(project.document(i).text,
                 sorted({(s.start, s.end, s.label, s.text) for s in project.spans(i)}))
                for i in project.document_ids()]
