"""Word documents (.docx) → text: the body's paragraphs, one per line.

The XML inside a .docx is no use as raw text, so ``raw`` is the joined
paragraphs and the map is the identity.  Tables are read cell by cell in
document order; headers, footers, comments and text boxes are not article
text.  Line breaks inside a paragraph come through as ``\\n``, tabs as ``\\t``.
"""

from __future__ import annotations

import io
import zipfile

from corpus.article import RawArticle
from corpus.readers.decoding import ReadError
from corpus.text.textmap import TextMap

CORE_FIELDS = ("title", "author", "created", "modified", "subject", "keywords", "category")


def read_docx(data: bytes, name: str, max_bytes: int | None = None) -> RawArticle:
    """``max_bytes`` bounds what the archive expands to (a zip bomb posing as a .docx)."""
    if max_bytes is not None:
        _check_expanded(data, name, max_bytes)
    document = _open(data, name)
    try:
        raw = "\n".join(_paragraphs(document))
        meta = _core_properties(document)
    except Exception as error:  # noqa: BLE001 - malformed XML inside a valid zip
        raise ReadError(name, f"not a readable .docx file ({_why(error)})") from None
    return RawArticle(name=name, raw=raw, text=raw, text_map=TextMap.identity(len(raw)),
                      format="docx", meta=meta)


def _open(data: bytes, name: str):
    import docx  # python-docx, imported on first need: it loads lxml

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - zipfile, lxml, KeyError, ValueError …
        raise ReadError(name, f"not a readable .docx file ({_why(error)})") from None


def _paragraphs(document) -> list[str]:
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):          # a table: each cell's paragraphs in order
            seen = set()                    # a merged cell is listed once per grid cell
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        lines.extend(paragraph.text for paragraph in cell.paragraphs)
        else:
            lines.append(block.text)
    return lines


def _core_properties(document) -> dict:
    properties = document.core_properties
    meta = {}
    for field in CORE_FIELDS:
        value = getattr(properties, field, None)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if value:
            meta[field] = value
    return meta


def _check_expanded(data: bytes, name: str, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return          # _open says what is wrong with it
    if expanded > max_bytes:
        raise ReadError(name, f"expands to {expanded / 1024 / 1024:.0f} MB, more than the "
                              f"{max_bytes / 1024 / 1024:g} MB limit (--max-size)")


def _why(error: Exception) -> str:
    """What is wrong, in words (the exception's own text is for the log)."""
    if isinstance(error, zipfile.BadZipFile) or "zip" in type(error).__name__.lower():
        return "not a zip archive, or a damaged one"
    if isinstance(error, KeyError):
        return "a part of the document is missing"
    if type(error).__module__.startswith("lxml") or "XML" in type(error).__name__:
        return "its XML is damaged"
    if "content type" in str(error).lower():
        return "it is not a Word document (wrong content type)"
    return "its content is damaged"
