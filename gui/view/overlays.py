"""Drawings over the document view's text, in the room the layout keeps around lines.

An :class:`Overlay` is one kind of drawing (relation arcs, label tags, curation lanes).
It says how many pixels it needs above and below each line, paints on the viewport
after the text, and may answer a click or a tooltip where it draws.  The view keeps a
list of them (:meth:`DocumentView.add_overlay`); the room of all of them adds up.

:class:`TextGeometry` is where an overlay finds the text on screen: the visible lines
with their code-point ranges, and the boxes of a code-point range, line by line, in
viewport coordinates.  Positions are code points, converted through the view's
OffsetMap like every position leaving the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QPainter


@dataclass(frozen=True)
class LineBox:
    """One visible line: its code-point range [start, end) and its text's box."""
    start: int
    end: int
    rect: QRectF        # the line's text, in viewport coordinates
    above: float        # room above it, kept for overlays
    below: float        # room below it, kept for overlays


class Overlay:
    """Base class: override what the drawing needs.

    The overlays' rooms stack outward from the text in ``order`` (then in the order they
    were added): label tags (0) sit right above a line, relation arcs (1) above the tags;
    :meth:`TextGeometry.room_before` says where an overlay's own room starts."""
    above = 0.0     # pixels above each line
    below = 0.0     # pixels below each line
    enabled = True
    order = 0

    def paint(self, painter: QPainter, geometry: TextGeometry) -> None:
        raise NotImplementedError

    def document_shown(self, spans) -> None:
        """Another document is about to be laid out, with these spans (a SpanIndex): the
        room may change here at no cost (the text is laid out anew anyway)."""

    def click(self, point: QPoint, geometry: TextGeometry) -> bool:
        """A left click at ``point`` (viewport coordinates): True if it was this overlay's."""
        return False

    def tooltip(self, point: QPoint, geometry: TextGeometry) -> str:
        return ""


class TextGeometry:
    """The visible text's lines of one paint or event (cheap: visible blocks only)."""

    def __init__(self, view) -> None:
        self.view = view
        self.offsets = view.offsets
        layout = view.line_layout
        self.above, self.below = layout.above, layout.below
        self.offset_x = 0.0     # the horizontal scroll, read once by _visible_lines
        self.lines = list(self._visible_lines())

    def room_before(self, overlay: Overlay, side: str = "above") -> float:
        """The room (``"above"`` or ``"below"`` a line) that the enabled overlays nearer
        the text than ``overlay`` take: where its own room starts."""
        before = 0.0
        for other in self.view.overlays:
            if other is overlay:
                break
            if other.enabled:
                before += getattr(other, side)
        return before

    def _visible_lines(self):
        view = self.view
        offset = view.contentOffset()
        self.offset_x = offset.x()
        height = view.viewport().height()
        block = view.firstVisibleBlock()
        if not block.isValid():
            return
        # One geometry call, then the blocks' heights: blockBoundingGeometry walks from the
        # first visible block on every call (each block's rect is Python: SpacedLayout).
        top = view.blockBoundingGeometry(block).translated(offset).top()
        layout = view.document().documentLayout()
        while block.isValid() and top <= height:
            rect = layout.blockBoundingRect(block)
            if block.isVisible():
                yield from self._lines_of(block, top)
            top += rect.height()
            block = block.next()

    def _lines_of(self, block, top: float):
        layout, base = block.layout(), block.position()
        origin = layout.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            rect = line.rect().translated(origin.x(), origin.y() + top)
            first = base + line.textStart()
            start = self.offsets.from_utf16(min(first, self.offsets.utf16_length))
            stop = self.offsets.from_utf16(
                min(first + line.textLength(), self.offsets.utf16_length))
            yield LineBox(start, stop, rect, self.above, self.below)

    def boxes(self, start: int, end: int) -> list[QRectF]:
        """The boxes of [start, end) on the visible lines, one per line it touches."""
        out = []
        for line in self.lines:
            if line.end <= start or line.start >= end or line.start == line.end:
                continue
            left = self.x_of(max(start, line.start))
            right = self.x_of(min(end, line.end), after=True)
            out.append(QRectF(left, line.rect.top(), max(1.0, right - left),
                              line.rect.height()))
        return out

    def x_of(self, offset: int, *, after: bool = False) -> float:
        """The x of the edge before code point ``offset`` (viewport coordinates);
        ``after`` asks for the right edge of the character before it instead (the end
        of a line that wraps there)."""
        view = self.view
        unit = self.offsets.to_utf16(offset)
        block = view.document().findBlock(max(0, unit - 1) if after else unit)
        layout = block.layout()
        inside = unit - block.position()
        line = layout.lineForTextPosition(max(0, inside - 1) if after else inside)
        if not line.isValid():
            return 0.0
        x, _ = line.cursorToX(inside)
        return x + layout.position().x() + self.offset_x
