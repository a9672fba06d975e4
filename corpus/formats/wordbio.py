"""Word-level BIO: one jieba token per line, ``WORD TAG``, a blank line between documents.

Spans whose ends fall inside a token are reported (count and examples) and,
by the ``unaligned`` policy, grown to the token bounds (``expand``) or left out
(``skip``).  Tokens are escaped as in :mod:`corpus.formats.conll`, whose reader
reads these files too.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from corpus.document import Document
from corpus.formats import conll
from corpus.formats import tags as tagging
from corpus.formats.model import ExportError, WriteOptions

EXAMPLES = 5
read = conll.read
POLICIES = ("expand", "skip")


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        tagging.check_scheme(options.tags)
        if options.tokens is None:
            raise ExportError("word-level BIO needs a tokenizer")
        if options.unaligned not in POLICIES:
            raise ExportError(f"unknown policy for unaligned spans {options.unaligned!r}")
        self.options, self.out = options, path.open("w", encoding="utf-8", newline="\n")
        self.unaligned, self.dropped = 0, 0
        self.examples: list[str] = []

    def write(self, document: Document, spans: list, meta: dict) -> None:
        text = document.text
        tokens = self.options.tokens(text)
        words = [text[s:e] for s, e in tokens]
        on_tokens = self._align(document, [s for s, _ in tokens], spans)
        tags = tagging.encode(len(words), on_tokens, self.options.tags)
        self.out.write("".join(f"{conll.escape(w)} {t}\n" for w, t in zip(words, tags)) + "\n")

    def _align(self, document: Document, starts: list[int], spans: list) -> list:
        """Spans in token indices; unaligned ones expanded or skipped, overlaps dropped."""
        out, reach = [], 0
        bounds = starts + [len(document.text)]
        for span in spans:
            first = bisect_right(starts, span.start) - 1
            last = bisect_right(starts, span.end - 1)
            if bounds[first] != span.start or bounds[last] != span.end:
                self._report(document, span)
                if self.options.unaligned == "skip":
                    continue
            if first < reach:  # grown into the span before it
                self.dropped += 1
                continue
            out.append((first, last, span.label))
            reach = last
        return out

    def _report(self, document: Document, span) -> None:
        self.unaligned += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(f"document {document.id}: [{span.start}, {span.end}) "
                                 f"{span.label} {span.text!r}")

    def report(self) -> dict:
        return {"unaligned": self.unaligned, "unaligned_examples": self.examples,
                "unaligned_policy": self.options.unaligned, "dropped_after_expand": self.dropped}

    def close(self) -> None:
        self.out.close()
