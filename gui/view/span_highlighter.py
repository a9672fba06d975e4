"""Draws spans in their label colours with a per-block index, so that an edit
re-highlights only the blocks it touches (thousands of ExtraSelections would be
repainted on every paint).

Re-highlighting a block lays its whole paragraph out again (Qt shapes every character
of it), so an edit's blocks wait for the selection that always follows it (the session
announces the changed spans, then the selected span): both are drawn in one pass
instead of two; a zero timer, or the next paint (:meth:`flush`), draws them otherwise."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (QBrush, QColor, QFont, QSyntaxHighlighter, QTextCharFormat,
                           QTextDocument)

from corpus.colours import text_colour
from corpus.labels import LabelScheme
from corpus.text.offsets import OffsetMap
from corpus.span import Span
from corpus.text.token_bounds import TokenBounds

_LINE_BREAK = re.compile("\n")
TINT = 0.30
DAMAGE_COLOUR = QColor("#d32f2f")
TOKEN_COLOUR = QColor("#ccd2da")   # faint: word boundaries are a hint, not a mark
CURRENT_SUGGESTION = QColor("#e4e4e4")
SUGGESTION_TINT = 0.55   # share of the label colour in a suggestion's hatching


def _tint(color: QColor, share: float) -> QColor:
    white = 255 * (1 - share)
    return QColor(int(color.red() * share + white), int(color.green() * share + white),
                  int(color.blue() * share + white))


def _drawing_order(span: Span) -> tuple[int, int]:
    return (-(span.end - span.start), span.start)


def _overlapping(segments) -> bool:
    """Whether any two of a block's span pieces share a character."""
    end = -1
    for start, length in sorted((start, length) for start, length, _s in segments):
        if start < end:
            return True
        end = max(end, start + length)
    return False


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._segments: dict[int, list[tuple[int, int, Span]]] = defaultdict(list)
        self._formats: dict[str, QTextCharFormat] = {}
        self._selected_formats: dict[str, QTextCharFormat] = {}
        self._colours: dict[str, str] = {}
        self._suggested: dict[int, list] = {}
        self._layers: dict[int, list] = {}     # other annotators' spans, shown read-only
        self._offsets = OffsetMap("")
        self._block_starts = [0]
        self._damage: dict[int, list[int]] = {}  # block → UTF-16 offsets of lost characters
        self._tokens = TokenBounds([])
        self._token_blocks: set[int] = set()  # blocks drawn with the current tokens
        self._token_format = QTextCharFormat()
        self._token_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self._token_format.setUnderlineColor(TOKEN_COLOUR)
        self.selected_id: int | None = None
        self._pending: set[int] = set()      # blocks an edit changed, not yet redrawn

    def set_scheme(self, scheme: LabelScheme) -> None:
        self._formats.clear()
        self._selected_formats.clear()
        self._colours = {label.name: label.color for label in scheme}
        for label in scheme:
            color = QColor(label.color)
            normal = QTextCharFormat()
            normal.setBackground(_tint(color, TINT))
            normal.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            normal.setUnderlineColor(color)
            selected = QTextCharFormat()
            selected.setBackground(color)
            selected.setForeground(QColor(text_colour(label.color)))   # WCAG AA on it
            selected.setFontWeight(QFont.Weight.Bold)
            self._formats[label.name] = normal
            self._selected_formats[label.name] = selected

    def set_text(self, text: str, offsets: OffsetMap) -> None:
        """The text about to be shown: block boundaries come from its line breaks, so the
        index can be built before (or without) the QTextDocument holding the text."""
        self._offsets = offsets
        self._block_starts = [0] + [offsets.to_utf16(m.start() + 1)
                                    for m in _LINE_BREAK.finditer(text)]

    def set_suggestions(self, suggestions: list, current) -> None:
        """Open suggestions, drawn as a dashed underline in the label colour (the current one
        on a grey ground); only the blocks whose suggestions changed are redrawn."""
        old = set(self._suggested)
        self._suggested = defaultdict(list)
        for suggestion in suggestions:
            for number, (lo, length, _s) in self._pieces(suggestion):
                self._suggested[number].append((lo, length, suggestion, suggestion is current))
        self._redraw(old | set(self._suggested))

    def forget_suggestions(self) -> None:
        """Before another document's text is shown (nothing to redraw)."""
        self._suggested = {}
        self._layers = {}

    def set_layer_spans(self, spans: list[Span]) -> None:
        """Other annotators' spans, read-only: their characters in the label's colour, with
        no tint or underline, so they differ from your spans and from suggestions."""
        old = set(self._layers)
        self._layers = defaultdict(list)
        for span in spans:
            for number, (lo, length, _s) in self._pieces(span):
                self._layers[number].append((lo, length, span))
        self._redraw(old | set(self._layers))

    def _highlight_layers(self, number: int) -> None:
        for start, length, span in self._layers.get(number, ()):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(self._colours.get(span.label, "#777777")).darker(130))
            fmt.setFontWeight(QFont.Weight.DemiBold)
            self.setFormat(start, length, fmt)

    def _highlight_suggestions(self, number: int) -> None:
        """A suggestion: hatched in its label's colour over a dashed underline, so it differs
        from a span (solid tint) and from the word marks (faint dots) under it; the current
        one on a grey ground."""
        for start, length, suggestion, current in self._suggested.get(number, ()):
            colour = QColor(self._colours.get(suggestion.label, "#777777"))
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(colour)
            fmt.setBackground(CURRENT_SUGGESTION if current else QBrush(
                _tint(colour, SUGGESTION_TINT), Qt.BrushStyle.BDiagPattern))
            self.setFormat(start, length, fmt)

    def set_tokens(self, tokens: TokenBounds) -> None:
        """New token boundaries; blocks pick them up as they are drawn (see draw_tokens)."""
        self._tokens = tokens
        self._token_blocks = set()

    def draw_tokens(self, block) -> None:
        """Re-highlight ``block`` once with the current tokens."""
        if self._tokens and block.blockNumber() not in self._token_blocks:
            self.rehighlightBlock(block)

    def _highlight_tokens(self, number: int, text: str) -> None:
        """Every other token gets a faint dotted underline, so boundaries show quietly."""
        if not self._tokens:
            return
        self._token_blocks.add(number)
        base = self._block_starts[number] if number < len(self._block_starts) else 0
        first = self._offsets.from_utf16(base)
        last = self._offsets.from_utf16(min(base + len(text), self._offsets.utf16_length))
        for index, start, end in self._tokens.in_range(first, last):
            if index % 2:
                lo = self._offsets.to_utf16(max(start, first)) - base
                hi = self._offsets.to_utf16(min(end, last)) - base
                self.setFormat(lo, hi - lo, self._token_format)

    def set_damage(self, offsets: list[int]) -> None:
        """Code-point offsets of damage markers (characters the source lost)."""
        self._damage = defaultdict(list)
        for offset in offsets:
            if 0 <= offset < self._offsets.length:
                unit = self._offsets.to_utf16(offset)
                number = bisect_right(self._block_starts, unit) - 1
                self._damage[number].append(unit - self._block_starts[number])

    def set_spans(self, spans, *, rehighlight: bool = True) -> None:
        """Index the spans by block; longer spans first so nested ones draw on top."""
        self._segments = defaultdict(list)
        self._pending = set()
        for span in sorted(spans, key=_drawing_order):
            for number, segment in self._pieces(span):
                self._segments[number].append(segment)
        if rehighlight:
            self.rehighlight()

    def update(self, removed: list[Span], added: list[Span]) -> None:
        """After an edit: change only the touched blocks' segments; they are redrawn with
        the selection that follows (:meth:`select`), else at the next paint or event-loop
        turn (:meth:`flush`)."""
        touched: set[int] = set()
        for span in removed:
            for number, _segment in self._pieces(span):
                self._segments[number] = [g for g in self._segments[number] if g[2].id != span.id]
                touched.add(number)
        for span in added:
            for number, segment in self._pieces(span):
                self._segments[number].append(segment)
                self._segments[number].sort(key=lambda g: _drawing_order(g[2]))
                touched.add(number)
        if touched and not self._pending:
            QTimer.singleShot(0, self.flush)
        self._pending |= touched

    def flush(self) -> None:
        """Redraw the blocks an edit changed, if they still wait."""
        if self._pending:
            numbers, self._pending = self._pending, set()
            self._redraw(numbers)

    def _pieces(self, span: Span) -> list[tuple[int, tuple[int, int, Span]]]:
        """(block number, (start in block, length, span)) for each block the span covers."""
        starts = self._block_starts
        start, end = self._offsets.range_to_utf16(span.start, span.end)
        number = bisect_right(starts, start) - 1
        pieces = []
        while number < len(starts) and starts[number] < end:
            block_end = starts[number + 1] - 1 if number + 1 < len(starts) else end
            lo, hi = max(start, starts[number]), min(end, block_end)
            if hi > lo:
                pieces.append((number, (lo - starts[number], hi - lo, span)))
            number += 1
        return pieces

    def _redraw(self, numbers: set[int]) -> None:
        document = self.document()
        for number in numbers:
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def select(self, span: Span | None, previous: Span | None) -> None:
        """Draw ``span`` selected and ``previous`` not, with the blocks an edit left to
        redraw: each block once."""
        self.selected_id = span.id if span else None
        numbers, self._pending = self._pending, set()
        self._redraw(numbers | self._blocks_of([s for s in (span, previous) if s is not None]))

    def _blocks_of(self, spans: list[Span]) -> set[int]:
        """Numbers of the blocks the spans cover (spans of another text are skipped)."""
        return {number for span in spans if span.end <= self._offsets.length
                for number, _segment in self._pieces(span)}

    def _format_of(self, span: Span) -> QTextCharFormat | None:
        chosen = self._selected_formats if span.id == self.selected_id else self._formats
        return chosen.get(span.label)

    def _colour_of(self, span: Span) -> QColor:
        if span.id == self.selected_id:
            return QColor(self._colours[span.label])
        return self._formats[span.label].underlineColor()

    def _draw_stacked(self, segments: list[tuple[int, int, Span]]) -> None:
        """Spans that nest or overlap, piece by piece: each piece takes the tint of the
        innermost span over it and a wavy underline in the colour of the span around that
        one, so both stay visible wherever (and only where) they overlap."""
        cuts = sorted({start for start, _l, _s in segments}
                      | {start + length for start, length, _s in segments})
        for lo, hi in zip(cuts, cuts[1:]):
            over = [span for start, length, span in segments   # outermost first
                    if start < hi and lo < start + length and span.label in self._formats]
            if not over:
                continue
            fmt = self._format_of(over[-1])
            if len(over) > 1:
                fmt = QTextCharFormat(fmt)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(self._colour_of(over[-2]))
            self.setFormat(lo, hi - lo, fmt)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._highlight_tokens(self.currentBlock().blockNumber(), text)
        self._highlight_suggestions(self.currentBlock().blockNumber())
        self._highlight_layers(self.currentBlock().blockNumber())
        segments = self._segments.get(self.currentBlock().blockNumber(), ())
        if _overlapping(segments):
            self._draw_stacked(segments)
        else:   # the common block: one format per span, no cutting into pieces
            for start, length, span in segments:
                fmt = self._format_of(span)
                if fmt is not None:
                    self.setFormat(start, length, fmt)
        for position in self._damage.get(self.currentBlock().blockNumber(), ()):
            fmt = self.format(position)  # keep a span's background, mark the loss on top
            fmt.setForeground(DAMAGE_COLOUR)
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(DAMAGE_COLOUR)
            self.setFormat(position, 1, fmt)
