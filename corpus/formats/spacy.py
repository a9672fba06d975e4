"""spaCy: a ``.spacy`` DocBin of a blank ``zh`` pipeline with one token per character.

spaCy is an optional extra (``pip install spacy``); without it writing and
reading stop with a message that says so.  Entities cannot overlap in a Doc,
so this is a flat format.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from corpus.document import Document
from corpus.formats.jsonio import read_bytes
from corpus.formats.model import (
    Annotated,
    ExportError,
    FormatError,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
)

MISSING = ("the spaCy format needs spaCy, which is not installed "
           "(pip install spacy, or install Hanmark with its 'spacy' extra)")
MAGIC = (b"x\x9c", b"x\xda", b"x\x01", b"x^")   # zlib: DocBin.to_bytes compresses


def load_spacy():
    try:
        import spacy
        from spacy.tokens import Doc, DocBin
    except ImportError:
        return None
    return spacy, Doc, DocBin


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        loaded = load_spacy()
        if loaded is None:
            raise ExportError(MISSING)
        spacy, self.Doc, DocBin = loaded
        self.vocab = spacy.blank("zh").vocab
        self.bin = DocBin(store_user_data=True)
        self.path = path

    def write(self, document: Document, spans: list, meta: dict) -> None:
        text = document.text
        doc = self.Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.ents = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
        doc.user_data["id"] = document.id
        doc.user_data["title"] = document.title
        self.bin.add(doc)

    def close(self) -> None:
        self.path.write_bytes(self.bin.to_bytes())


def sniff_bytes(data: bytes) -> bool:
    return data[:2] in MAGIC


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    loaded = load_spacy()
    if loaded is None:
        raise FormatError(MISSING)
    spacy, _Doc, DocBin = loaded
    try:
        docs = list(DocBin().from_bytes(read_bytes(path)).get_docs(spacy.blank("zh").vocab))
    except Exception:  # noqa: BLE001 - spaCy's own message names its internals
        raise FormatError("not a spaCy DocBin (.spacy) file, or a damaged one") from None
    for index, doc in enumerate(docs, 1):
        spans = [FormatSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        title = str(doc.user_data.get("title") or doc.text.split("\n", 1)[0][:40])
        yield Annotated(f"{path.name}[{index}]", doc.text, spans, title)
