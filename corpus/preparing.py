"""Reading and cleaning one input file: the part of an import that needs no project.

It is pure and picklable, so a large import runs it in worker processes while
the main process stores the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.article import ImportFailure
from corpus.cleaning import CleaningError, clean
from corpus.document import NewDocument
from corpus.readers import MAX_BYTES, read_path


@dataclass(frozen=True)
class ImportOptions:
    encoding: str | None = None     # force a codec instead of detecting one
    text_field: str | None = None   # the text column of CSV/TSV/JSONL/JSON records
    format: str | None = None       # force a format instead of detecting one
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class Prepared:
    """One article ready to store, or the reason it cannot be."""

    name: str
    document: NewDocument | None = None
    reason: str = ""
    format: str = ""
    encoding: str = ""


def prepare(path: Path, options: ImportOptions = ImportOptions()) -> list[Prepared]:
    """Every article of one file, read and cleaned; never raises for bad input."""
    items = read_path(path, encoding=options.encoding, text_field=options.text_field,
                      format=options.format, max_bytes=options.max_bytes)
    out = []
    for item in items:
        if isinstance(item, ImportFailure):
            out.append(Prepared(item.name, reason=item.reason))
            continue
        try:
            document = clean(item)
        except CleaningError as error:  # nothing left to annotate
            out.append(Prepared(item.name, reason=error.reason))
        except Exception as error:  # a bug must not cost the user the rest of the batch
            out.append(Prepared(item.name,
                                reason=f"could not be cleaned ({type(error).__name__}: {error})"))
        else:
            document.content_hash  # noqa: B018  computed here, in the worker, not where it is stored
            out.append(Prepared(item.name, document, "", item.format, item.encoding))
    return out
