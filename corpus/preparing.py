"""Reading and cleaning one input file: the part of an import that needs no project.

It is pure and picklable, so a large import runs it in worker processes while
the main process stores the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus import formats
from corpus.article import ImportFailure, RawArticle
from corpus.cleaning import CleaningError, clean
from corpus.document import NewDocument
from corpus.readers import MAX_BYTES, ReadError, read_bytes, read_file


@dataclass(frozen=True)
class ImportOptions:
    encoding: str | None = None     # force a codec instead of detecting one
    text_field: str | None = None   # the text column of CSV/TSV/JSONL/JSON records
    format: str | None = None       # force a format instead of detecting one
    max_bytes: int = MAX_BYTES
    annotated: bool = True          # tell annotated files (doccano, CoNLL …) from articles


@dataclass(frozen=True)
class Prepared:
    """One article ready to store, or the reason it cannot be."""

    name: str
    document: NewDocument | None = None
    reason: str = ""
    format: str = ""
    encoding: str = ""
    annotated: str = ""             # an annotated format: the file holds spans, not an article


def prepare(path: Path, options: ImportOptions = ImportOptions(),
            name: str | None = None) -> list[Prepared]:
    """Every article of one file, read and cleaned; never raises for bad input.

    ``name`` is what the report calls the file (default: its file name).  A file
    in an annotated format comes back as one :class:`Prepared` naming the format,
    for the annotated importer: the file is read once either way.
    """
    path = Path(path)
    name = name or path.name
    try:
        data = read_file(path, name, options.max_bytes)
    except ReadError as error:
        return [Prepared(error.failure.name, reason=error.failure.reason)]
    if options.annotated and options.format is None and (found := _annotated(path, data)):
        return [Prepared(name, annotated=found)]
    items = read_bytes(data, name, suffix=path.suffix, encoding=options.encoding,
                       text_field=options.text_field, format=options.format,
                       max_bytes=options.max_bytes)
    return [_prepared(item) for item in items]


def _annotated(path: Path, data: bytes) -> str | None:
    try:
        return formats.detect_file(path, data)
    except Exception:  # noqa: BLE001 - a sniffer's bug: read the file as an article
        return None


def _prepared(item: RawArticle | ImportFailure) -> Prepared:
    if isinstance(item, ImportFailure):
        return Prepared(item.name, reason=item.reason)
    try:
        document = clean(item)
    except CleaningError as error:  # nothing left to annotate
        return Prepared(item.name, reason=error.reason)
    except Exception as error:  # noqa: BLE001 - a bug must not cost the user the batch
        return Prepared(item.name,
                        reason=f"could not be cleaned ({type(error).__name__}: {error})")
    document.content_hash  # noqa: B018 - computed here, in the worker, not where it is stored
    return Prepared(item.name, document, "", item.format, item.encoding)
