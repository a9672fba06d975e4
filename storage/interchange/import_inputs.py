"""``hanmark import`` and File → Import: annotated files and plain articles in one go.

Each input is classified: a folder of brat ``.ann`` files, or a file whose
content is an annotated format (detected, or forced with a format name), goes
to :mod:`storage.interchange.annotated_import`; everything else (and inputs that name
nothing, so that they are reported) to the plain-article :mod:`storage.interchange.importer`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from corpus import formats
from corpus.article import ImportFailure
from corpus.readers import expand_inputs
from storage.interchange.annotated_import import (
    AnnotatedImporter,
    AnnotatedOptions,
    AnnotatedReport,
    Progress,
)
from storage.interchange.importer import Importer, ImportOptions
from storage.project import Project

EXTRA_SUFFIXES = (".conll", ".bio", ".bmes", ".bioes", ".spacy", ".ann")


def classify(inputs: list[str | Path], format: str | None = None
             ) -> tuple[list[tuple[Path, str]], list[Path], list[ImportFailure]]:
    """(annotated (file, format) pairs, plain files, inputs naming nothing); ``format``
    forces an annotated format.

    Only what is known without reading articles is classified here: brat folders,
    a forced format, and the annotated-only extensions (``.conll``, ``.ann`` …) in
    folders.  Every other file goes to the plain importer, whose workers read it
    once and hand back those that turn out to hold spans (doccano JSONL, CoNLL in
    a ``.txt`` …).  Folders are walked once.
    """
    annotated: dict[Path, str] = {}
    plain: list[Path] = []
    missing: list[ImportFailure] = []
    for item in map(str, inputs):
        path = Path(item)
        if path.is_dir() and format == "brat":
            annotated[path] = "brat"
            continue
        # A folder holding brat files is walked like any other: each .ann goes to brat
        # with its .txt, and every other file is handled by what it is.
        files, unknown = expand_inputs([item], EXTRA_SUFFIXES)
        missing += unknown
        for file in files:
            found = None
            if format or (file.suffix.lower() in EXTRA_SUFFIXES and path.is_dir()):
                found = format or formats.detect(file)
            if found:
                annotated.setdefault(formats.annotated_file(file, found), found)
            else:   # an article, or a file the plain readers explain (empty, binary …)
                plain.append(file)
    return list(annotated.items()), plain, missing


def import_paths(project_path: Path, inputs: list[str | Path],
                 options: ImportOptions = ImportOptions(),
                 annotated: AnnotatedOptions = AnnotatedOptions(), *,
                 format: str | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None,
                 workers: int | None = None) -> AnnotatedReport:
    """Import everything named: annotated files with their spans, plain articles cleaned."""
    report = AnnotatedReport()
    if format is not None and format not in formats.FORMATS:   # a plain format, forced
        pairs, (plain, missing) = [], expand_inputs([str(i) for i in inputs])
    else:
        pairs, plain, missing = classify(inputs, format)
    cancel = cancel or threading.Event()
    with Project.open(project_path) as project:
        if plain or missing:
            importer = Importer(project, options, progress=progress, cancel=cancel,
                                workers=workers)
            _merge(report, importer.run_paths(plain, missing))
            pairs = list({**dict(pairs), **dict(importer.annotated)}.items())
        if pairs and not cancel.is_set():
            AnnotatedImporter(project, annotated, progress=progress, cancel=cancel,
                              report=report).run(pairs)
    return report


def _merge(report: AnnotatedReport, plain) -> None:
    report.imported += plain.imported
    report.duplicates += plain.duplicates
    report.failed += plain.failed
    report.skipped += plain.skipped
    report.files += plain.files
    report.cancelled = report.cancelled or plain.cancelled
