"""Draws spans in their label colours with a per-block index, so that an edit
re-highlights only the blocks it touches (thousands of ExtraSelections would be
repainted on every paint)."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from corpus.labels import LabelScheme
from corpus.offsets import OffsetMap
from corpus.span import Span

TINT = 0.30  # share of the label colour in a span's background


def _tint(color: QColor, share: float) -> QColor:
    white = 255 * (1 - share)
    return QColor(int(color.red() * share + white), int(color.green() * share + white),
                  int(color.blue() * share + white))


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._segments: dict[int, list[tuple[int, int, Span]]] = defaultdict(list)
        self._formats: dict[str, QTextCharFormat] = {}
        self._selected_formats: dict[str, QTextCharFormat] = {}
        self._offsets = OffsetMap("")
        self.selected_id: int | None = None

    def set_scheme(self, scheme: LabelScheme) -> None:
        self._formats.clear()
        self._selected_formats.clear()
        for label in scheme:
            color = QColor(label.color)
            normal = QTextCharFormat()
            normal.setBackground(_tint(color, TINT))
            normal.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            normal.setUnderlineColor(color)
            selected = QTextCharFormat()
            selected.setBackground(color)
            selected.setForeground(QColor("white"))
            selected.setFontWeight(QFont.Weight.Bold)
            self._formats[label.name] = normal
            self._selected_formats[label.name] = selected

    def set_spans(self, spans: list[Span], offsets: OffsetMap, *, rehighlight: bool = True) -> None:
        """Index the spans by block; longer spans first so nested ones draw on top."""
        self._offsets = offsets
        self._segments = defaultdict(list)
        document = self.document()
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            start, end = offsets.range_to_utf16(span.start, span.end)
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                lo = max(start, block.position()) - block.position()
                hi = min(end, block.position() + block.length() - 1) - block.position()
                if hi > lo:
                    self._segments[block.blockNumber()].append((lo, hi - lo, span))
                block = block.next()
        if rehighlight:
            self.rehighlight()

    def refresh(self, spans: list[Span], touched: list[Span]) -> None:
        """After an edit: re-index, then redraw only the blocks the touched spans cover."""
        self.set_spans(spans, self._offsets, rehighlight=False)
        for number in self._blocks_of(touched):
            self.rehighlightBlock(self.document().findBlockByNumber(number))

    def select(self, span: Span | None, previous: Span | None) -> None:
        self.selected_id = span.id if span else None
        for number in self._blocks_of([s for s in (span, previous) if s is not None]):
            self.rehighlightBlock(self.document().findBlockByNumber(number))

    def _blocks_of(self, spans: list[Span]) -> set[int]:
        numbers: set[int] = set()
        document = self.document()
        for span in spans:
            if span.end > self._offsets.length:
                continue
            start, end = self._offsets.range_to_utf16(span.start, span.end)
            first = document.findBlock(start).blockNumber()
            last = document.findBlock(max(start, end - 1)).blockNumber()
            numbers.update(range(first, last + 1))
        return numbers

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for start, length, span in self._segments.get(self.currentBlock().blockNumber(), ()):
            chosen = self._selected_formats if span.id == self.selected_id else self._formats
            fmt = chosen.get(span.label)
            if fmt is not None:
                self.setFormat(start, length, fmt)
