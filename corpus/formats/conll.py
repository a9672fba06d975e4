"""CoNLL, character level: one character per line, ``CHAR TAG``, tags in BIO, BIOES or BMES.

A blank line ends a document.  With ``sentences`` a blank line also follows
。！？ (never inside a span) and each document starts with a ``-DOCSTART- O``
line, so that documents can still be told apart when reading.

White space and the backslash are escaped (:mod:`corpus.formats.conll_lines`,
which also makes the lines).  Reading undoes it, so the text (and every offset)
comes back exactly.  The reader takes any token length, so word-level files
read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from corpus.document import Document
from corpus.formats import tags as tagging
from corpus.formats.conll_lines import DOCSTART, documents_lines, escape, unescape
from corpus.formats.jsonio import read_bytes
from corpus.formats.model import Annotated, FormatSpan, ReadOptions, RecordFailure, WriteOptions

__all__ = ["Writer", "escape", "read", "sniff_text", "unescape"]
_LINE = re.compile(r"^\S+ [BIMES]-\S+$|^\S+ O$|^-DOCSTART-")
BATCH_CHARS = 1 << 14   # documents are written in batches of about this many characters


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        tagging.check_scheme(options.tags)
        self.options, self.out = options, path.open("wb")
        self.pending: list[tuple[str, list]] = []
        self.pending_chars = 0

    def write(self, document: Document, spans: list, meta: dict) -> None:
        self.pending.append((document.text, spans))
        self.pending_chars += len(document.text)
        if self.pending_chars >= BATCH_CHARS:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.out.write(documents_lines(self.pending, self.options.tags,
                                           self.options.sentences))
        self.pending, self.pending_chars = [], 0

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self.out.close()


def sniff_text(head: str) -> bool:
    """Whether the start of a text file looks like CoNLL (``TOKEN TAG`` lines)."""
    lines = [line for line in head.splitlines()[:50] if line.strip()]
    if len(lines) > 1 and len(head) >= 4096:
        lines = lines[:-1]  # the head may cut its last line
    return bool(lines) and all(_LINE.match(line) for line in lines)


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    text = read_bytes(path).decode("utf-8-sig", errors="replace")
    for name, rows in _documents(path.name, text.split("\n")):
        try:
            yield _annotated(name, rows)
        except ValueError as error:
            yield RecordFailure(name, str(error))


def _documents(file_name: str, lines: list[str]) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(name, [(line number, line)]) per document: blocks, or -DOCSTART- sections."""
    by_docstart = any(line.startswith(DOCSTART) for line in lines)
    rows: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        boundary = line.startswith(DOCSTART) if by_docstart else not line.strip()
        if boundary:
            if rows:
                yield f"{file_name}:{rows[0][0]}", rows
            rows = []
        elif line.strip():
            rows.append((number, line))
    if rows:
        yield f"{file_name}:{rows[0][0]}", rows


def _annotated(name: str, rows: list[tuple[int, str]]) -> Annotated:
    tokens, tags = [], []
    for number, line in rows:
        fields = line.split()
        if len(fields) < 2:
            raise ValueError(f"line {number}: expected TOKEN TAG, got {line!r}")
        problem = tagging.check_tag(fields[-1])
        if problem:
            raise ValueError(f"line {number}: {problem}")
        tokens.append(unescape(fields[0]))
        tags.append(fields[-1])
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    text = "".join(tokens)
    spans = [FormatSpan(starts[s], starts[e], label)
             for s, e, label in tagging.decode(tags)]
    return Annotated(name, text, spans, title=text.split("\n", 1)[0][:40])
