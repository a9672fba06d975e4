"""Label tags: each span's label, as a small tag in the label's colour above the start of
the span, as brat draws them (View → Label Tags).

Tags of nested and overlapping spans never overlap: the shorter (inner) spans are
placed first, each at its span's start on the lowest level where it is free, else
moved right past the tags in its way as long as it stays over its own span (an outer
span's tag then sits beside its inner span's: ``[地点][机构]`` over 德州市审计局), else one
level up.  The levels kept are the document's deepest nesting, 1 to :data:`MAX_LEVELS`;
a tag with no room left is not drawn (the span's tooltip still names it).  A tag is
never wider than its span's first box: the label's display name, else its first
character, clipped at worst.  The text is black
or white, whichever contrasts more with the label's colour (WCAG AA, corpus/colours).

Painting looks only at the spans starting on the visible lines.
"""

from __future__ import annotations

from bisect import bisect_right
from math import ceil

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from corpus.colours import text_colour
from corpus.span import Span
from gui.i18n import shown, titled
from gui.view.overlays import Overlay, TextGeometry

MAX_LEVELS = 2
TAG_SCALE = 0.62        # of the text's pixel size
PAD_X, PAD_Y, GAP = 2.0, 1.0, 1.0
PICTURES_KEPT = 512     # tag pictures cached (label × text × width × selected)


def nesting_depth(spans) -> int:
    """The most spans covering one character (spans sorted by start)."""
    ends: list[int] = []        # ends of the spans open at the current start, sorted
    deepest = 0
    for span in spans:
        ends = [e for e in ends if e > span.start]
        ends.insert(bisect_right(ends, span.end), span.end)
        deepest = max(deepest, len(ends))
    return deepest


class LabelTags(Overlay):
    def __init__(self, view) -> None:
        self.view = view
        self.enabled = True
        self.levels = 1
        self.font = QFont()
        self.tag_height = 0.0
        self.painted: list[tuple[QRectF, Span]] = []    # the last paint's tags
        self._pictures: dict[tuple, QPixmap] = {}
        self.font_changed()

    # -- room ------------------------------------------------------------------
    def font_changed(self) -> None:
        """The text's font changed (zoom): the tags follow it."""
        font = QFont(self.view.font())
        font.setPixelSize(max(9, round(self._pixel_size() * TAG_SCALE)))
        self.font = font
        self._pictures = {}
        # CJK fonts' own height is about 1.45 em; a tag needs the glyphs' em and a pad.
        self.tag_height = round(font.pixelSize() * 1.2 + 2 * PAD_Y)
        self._set_room()

    def _pixel_size(self) -> float:
        font = self.view.font()
        return font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * \
            self.view.logicalDpiY() / 72

    def document_shown(self, spans) -> None:
        """The levels a whole document needs, set as it opens (before its layout)."""
        self.levels = max(1, min(MAX_LEVELS, nesting_depth(spans)))
        self._set_room(relayout=False)

    def grow(self, spans, added: list[Span]) -> None:
        """After an edit: more levels if an added span nests deeper than the room kept
        (fewer are not given back until the document opens again: lines stay put)."""
        for span in added:
            depth = max(len(spans.containing(p)) for p in
                        {span.start, *(s.start for s in spans.starting_in(span.start,
                                                                            span.end))})
            self.levels = max(self.levels, min(MAX_LEVELS, depth))
        self._set_room()

    def _set_room(self, relayout: bool = True) -> None:
        above = self.levels * (self.tag_height + GAP) + GAP
        if above != self.above:
            self.above = above
            if relayout:
                self.view.overlay_room_changed()

    # -- drawing -----------------------------------------------------------------
    def paint(self, painter: QPainter, geometry: TextGeometry) -> None:
        self.painted = []
        lines = geometry.lines
        if not lines or self.view.scheme is None:
            return
        spans = self.view.spans.starting_in(lines[0].start, lines[-1].end)
        starts = [line.start for line in lines]
        taken: dict[int, list[list[tuple[float, float]]]] = {}   # line → level → spans
        selected = self.view.highlighter.selected_id
        edges = _LineEdges(self.view, geometry)
        for span in sorted(spans, key=lambda s: (s.length, s.start)):
            index = bisect_right(starts, span.start) - 1
            line = lines[index]
            if not line.start <= span.start < line.end:
                continue
            left, right = edges.x_of(line, span.start), edges.x_of(line, min(span.end, line.end))
            text, width = self._fit(span.label, max(4.0, right - left))
            place = _free_place(taken.setdefault(index, []), left, right, width, self.levels)
            if place is None:
                continue
            x, level = place
            bottom = line.rect.top() - GAP - level * (self.tag_height + GAP)
            rect = QRectF(x, bottom - self.tag_height, width, self.tag_height)
            self._draw(painter, rect, text, span, span.id == selected and span.id is not None)
            self.painted.append((rect, span))

    def _fit(self, name: str, room: float) -> tuple[str, float]:
        """The tag's text and width for a span ``room`` pixels wide."""
        for text, width in self._choices(name):
            if width <= room:
                return text, width
        return text, room          # the shortest, clipped to the span

    def _choices(self, name: str) -> list[tuple[str, float]]:
        """The label's display text (in the interface language), its name, its first
        character, with their widths."""
        scheme = self.view.scheme
        full = shown(scheme.get(name)) if name in scheme else name
        key = ("choices", name, full)       # a display text edited in the scheme: anew
        choices = self._pictures.get(key)
        if choices is None:
            metrics = QFontMetricsF(self.font)
            choices = [(text, metrics.horizontalAdvance(text) + 2 * PAD_X)
                       for text in dict.fromkeys((full, name, full[:1]))]
            self._pictures[key] = choices
        return choices

    def _draw(self, painter: QPainter, rect: QRectF, text: str, span: Span,
              selected: bool) -> None:
        """A tag is drawn once into a picture, then copied: text is the slow part of a
        paint (a screen of dense spans carries a hundred tags, mostly the same few)."""
        scheme = self.view.scheme
        colour = scheme.get(span.label).color if span.label in scheme else "#777777"
        ratio = painter.device().devicePixelRatioF()
        key = (text, colour, round(rect.width() * 4), round(rect.height()), selected, ratio)
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) > PICTURES_KEPT:
                self._pictures.clear()
            picture = self._pictures[key] = self._picture(rect.size(), text, colour,
                                                          selected, ratio)
        painter.drawPixmap(rect.topLeft(), picture)

    def _picture(self, size, text: str, colour: str, selected: bool, ratio: float) -> QPixmap:
        picture = QPixmap(max(1, ceil(size.width() * ratio)), max(1, ceil(size.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        rect = QRectF(0, 0, size.width(), size.height())
        ink = QColor(text_colour(colour))
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(rect, 2.0, 2.0)
        if selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(ink, 1.0))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 2.0, 2.0)
        painter.setPen(ink)
        painter.setClipRect(rect)
        painter.drawText(rect.adjusted(PAD_X, 0, -PAD_X, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()
        return picture

    # -- clicks and tooltips ----------------------------------------------------------
    def span_at(self, point: QPoint) -> Span | None:
        return next((span for rect, span in reversed(self.painted) if rect.contains(point)),
                    None)

    def click(self, point: QPoint, geometry: TextGeometry) -> bool:
        span = self.span_at(point)
        if span is None:
            return False
        self.view.spanClicked.emit(span.id)
        return True

    def tooltip(self, point: QPoint, geometry: TextGeometry) -> str:
        span = self.span_at(point)
        if span is None:
            return ""
        scheme = self.view.scheme
        label = scheme.get(span.label) if span.label in scheme else None
        name = titled(label) if label is not None else span.label
        return f"{name} · {span.text} [{span.start}, {span.end})"


class _LineEdges:
    """x of code-point offsets on the visible lines, one text line looked up per line."""

    def __init__(self, view, geometry: TextGeometry) -> None:
        self.view, self.offsets = view, view.offsets
        self.offset_x = geometry.offset_x
        self.lines: dict[int, tuple] = {}

    def x_of(self, line, offset: int) -> float:
        """The edge before ``offset`` on ``line``; at the line's end, its right edge."""
        found = self.lines.get(line.start)
        if found is None:
            first = self.offsets.to_utf16(line.start)
            block = self.view.document().findBlock(first)
            layout = block.layout()
            text_line = layout.lineForTextPosition(first - block.position())
            found = self.lines[line.start] = (block.position(), text_line,
                                              layout.position().x() + self.offset_x)
        base, text_line, shift = found
        if not text_line.isValid():
            return shift
        x, _ = text_line.cursorToX(self.offsets.to_utf16(offset) - base)
        return x + shift


def _free_place(levels: list[list[tuple[float, float]]], left: float, right: float,
                width: float, count: int) -> tuple[float, int] | None:
    """Where a tag ``width`` wide goes over the span box [left, right): the lowest level
    (< count), and on it the leftmost x from ``left`` on where it meets no tag and ends
    inside the box; taken for it.  None when no level has room."""
    for level in range(count):
        if level == len(levels):
            levels.append([])
        x = left
        for a, b in sorted(levels[level]):
            if x + width <= a:
                break
            if b > x:
                x = b + GAP
        if x == left or x + width <= right + 0.5:
            if all(x + width <= a or x >= b for a, b in levels[level]):
                levels[level].append((x, x + width))
                return x, level
    return None
