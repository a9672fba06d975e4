"""Exporting a project: runs off the UI thread on its own read-only connection,
reports progress, can be cancelled, and never leaves a half-written file."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus.formats import doccano
from storage.project import Project

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The user cancelled; the target file was left as it was."""


class ExportFailed(Exception):
    """The export could not be written; the message says why."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    documents: int
    spans: int


def export_jsonl(project_path: Path, out_path: Path, *, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ExportResult:
    """Write doccano-style JSONL (code points, end-exclusive) for every document."""
    out_path = Path(out_path)
    partial = out_path.with_name(f".{out_path.name}.partial")
    documents = spans = 0
    try:
        with Project.open(project_path, readonly=True) as project, partial.open("wb") as out:
            statuses = project.statuses_by_document()
            ids = project.document_ids()
            for index, document_id in enumerate(ids):
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled()
                document = project.document(document_id)
                document_spans = project.spans(document_id)
                meta = {"status": statuses.get(document_id, {})}
                doccano.write_record(out, doccano.record(document, document_spans, meta))
                documents, spans = documents + 1, spans + len(document_spans)
                if progress is not None:
                    progress(index + 1, len(ids))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, out_path)
    except doccano.ExportError as error:
        raise ExportFailed(str(error)) from None
    except OSError as error:
        raise ExportFailed(f"{out_path}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return ExportResult(out_path, documents, spans)

