"""``hanmark import`` and File → Import: annotated files and plain articles in one go.

Each input is classified: a folder of brat ``.ann`` files, or a file whose
content is an annotated format (detected, or forced with a format name), goes
to :mod:`storage.annotated_import`; everything else (and inputs that name
nothing, so that they are reported) to the plain-article :mod:`storage.importer`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from corpus import formats
from corpus.readers import expand_inputs
from storage.annotated_import import (
    AnnotatedImporter,
    AnnotatedOptions,
    AnnotatedReport,
    Progress,
)
from storage.importer import Importer, ImportOptions
from storage.project import Project

EXTRA_SUFFIXES = (".conll", ".bio", ".bmes", ".bioes", ".spacy", ".ann")


def classify(inputs: list[str | Path], format: str | None = None
             ) -> tuple[list[tuple[Path, str]], list[str | Path]]:
    """(annotated (file, format) pairs, plain inputs); ``format`` forces an annotated format."""
    annotated: dict[Path, str] = {}
    plain: list[str | Path] = []
    for item in map(str, inputs):
        path = Path(item)
        if path.is_dir() and (format == "brat" or (format is None and formats.detect(path))):
            annotated[path] = "brat"
            continue
        files, missing = expand_inputs([item])
        plain += [failure.name for failure in missing]
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in EXTRA_SUFFIXES
                            and not p.name.startswith(".") and p not in files)
        for file in files:
            found = format or formats.detect(file)
            if found == "brat" and file.suffix.lower() != ".ann":
                file = file.with_suffix(".ann")
            if found:
                annotated.setdefault(file, found)
            elif file.suffix.lower() not in EXTRA_SUFFIXES:
                plain.append(file)
    return list(annotated.items()), plain


def import_paths(project_path: Path, inputs: list[str | Path],
                 options: ImportOptions = ImportOptions(),
                 annotated: AnnotatedOptions = AnnotatedOptions(), *,
                 format: str | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None,
                 workers: int | None = None) -> AnnotatedReport:
    """Import everything named: annotated files with their spans, plain articles cleaned."""
    report = AnnotatedReport()
    if format is not None and format not in formats.FORMATS:   # a plain format, forced
        pairs, plain = [], list(inputs)
    else:
        pairs, plain = classify(inputs, format)
    cancel = cancel or threading.Event()
    with Project.open(project_path) as project:
        if pairs:
            AnnotatedImporter(project, annotated, progress=progress, cancel=cancel,
                              report=report).run(pairs)
        if plain and not cancel.is_set():
            plain_report = Importer(project, options, progress=progress, cancel=cancel,
                                    workers=workers).run(plain)
            _merge(report, plain_report)
    return report


def _merge(report: AnnotatedReport, plain) -> None:
    report.imported += plain.imported
    report.duplicates += plain.duplicates
    report.failed += plain.failed
    report.files += plain.files
    report.cancelled = report.cancelled or plain.cancelled
