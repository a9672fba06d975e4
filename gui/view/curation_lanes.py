"""Curation lanes: under each line of text, one thin lane per compared annotator, each
of their spans a bar in its label's colour (with the label's name where it fits).

Open candidates (the conflicts: not agreed by enough annotators, not in the curator's
layer, not rejected) are drawn strong — full colour, hatched, outlined — and their
range is outlined in the text; agreed and settled candidates are drawn quietly
(tinted), rejected ones hollow.  The current conflict is framed in every lane that
has it, with an accept (✓) and a reject (✗) button after its bar.  The curator's own
layer stays in the text, editable, as always.

Only the visible lines are drawn, each lane's spans looked up by range in its own
:class:`SpanIndex`.  A change of states repaints only the lines the changed
candidates are on.  The lanes take the part of the view's room below lines that
follows the room of the overlays added before them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter

from corpus.span import Span
from corpus.span_index import SpanIndex
from corpus.team.curating import AGREED, OPEN, REJECTED, SETTLED
from gui.i18n import titled
from gui.view import lane_paint as paint
from gui.view.overlays import LineBox, Overlay, TextGeometry

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
Key = tuple[int, int, str]
LANE_EMS = 0.6          # a lane's height, in ems of the text font
PAD_EMS = 0.2           # air between the text and the first lane
CONFLICT = paint.CONFLICT


def tags(names: list[str]) -> list[str]:
    """The shortest prefixes (first one capitalised) that tell the names apart."""
    for size in range(1, max((len(n) for n in names), default=1) + 1):
        cut = [n[:size] for n in names]
        if len(set(cut)) == len(cut):
            return [c[:1].upper() + c[1:] for c in cut]
    return list(names)


class Ranges:
    """Sorted [start, end) ranges that do not overlap (the conflicts), found by range."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self._ends = [end for _start, end in self.ranges]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self._ends, start)
        out = []
        while i < len(self.ranges) and self.ranges[i][0] < end:
            out.append(self.ranges[i])
            i += 1
        return out


@dataclass(frozen=True)
class Bar:
    lane: int
    key: Key
    rect: QRectF
    last: bool           # the piece where it ends (the buttons go after it)


class CurationLanes(Overlay):
    def __init__(self, view) -> None:
        self.view = view
        self.enabled = False
        self.names: list[str] = []
        self.tags: list[str] = []
        self.layers: list[SpanIndex] = []
        self.states: dict[Key, str] = {}
        self.holders: dict[Key, tuple[str, ...]] = {}
        self.conflicts = Ranges([])
        self.current: Key | None = None
        self.layer = ""                      # the curator's layer, named in tooltips
        self.lane = self.pad = 0.0
        self.on_choose: Callable[[Key], None] = lambda key: None
        self.on_accept: Callable[[Key], None] = lambda key: None
        self.on_reject: Callable[[Key], None] = lambda key: None
        self.fit(view.font())

    # -- content -----------------------------------------------------------------
    def fit(self, font: QFont) -> None:
        """Lane height from the text font (on zoom); the room follows."""
        em = QFontInfo(font).pixelSize()
        self.lane = float(max(6, round(em * LANE_EMS)))
        self.pad = float(max(2, round(em * PAD_EMS)))
        self.small = QFont(font)
        self.small.setPixelSize(max(6, int(self.lane) - 2))
        self.small.setBold(False)
        self.below = self.pad + self.lane * len(self.names) + 1 if self.names else 0.0

    def set_lanes(self, names: list[str], layers: dict[str, list[Key]]) -> None:
        """One lane per name, in this order, with that annotator's spans."""
        self.names, self.tags = list(names), tags(list(names))
        self.layers = [SpanIndex([Span(0, s, e, label, "", annotator=name)
                                  for s, e, label in layers.get(name, ())]) for name in names]
        self.fit(self.view.font())

    def set_states(self, states: dict[Key, str], holders: dict[Key, tuple[str, ...]],
                   conflicts: list[tuple[int, int]], current: Key | None) -> None:
        """New states; only the lines of what changed are repainted."""
        changed = {key for key, _state in states.items() ^ self.states.items()}
        changed |= {(s, e, "") for s, e in set(self.conflicts.ranges) ^ set(conflicts)}
        if current != self.current:
            changed |= {k for k in (current, self.current) if k is not None}
        self.states, self.holders, self.current = dict(states), holders, current
        self.conflicts = Ranges(conflicts)
        self.repaint_keys(changed)

    def set_current(self, key: Key | None) -> None:
        if key != self.current:
            old, self.current = self.current, key
            self.repaint_keys({k for k in (old, key) if k is not None})

    def repaint_keys(self, keys: set[Key]) -> None:
        """Ask for a repaint of the visible lines' parts that show ``keys``."""
        if not self.enabled or not keys or not self.view.text:
            return
        geometry, viewport = TextGeometry(self.view), self.view.viewport()
        reach = 2 * self.lane + 12                           # the buttons beside a bar
        for start, end, _label in keys:
            for line in geometry.lines:
                if line.start < end and line.end > start and line.start < line.end:
                    x = self.x_on(line)
                    left, right = x(max(start, line.start)), x(min(end, line.end))
                    viewport.update(QRectF(left - reach, line.rect.top() - 2,
                                           right - left + 2 * reach,
                                           line.rect.height() + line.below + 4).toAlignedRect())

    # -- where things are ----------------------------------------------------------
    def _top(self, line: LineBox) -> float:
        """Where the first lane begins under ``line``: after the room the overlays
        before this one take."""
        before = 0.0
        for overlay in self.view.overlays:
            if overlay is self:
                break
            if overlay.enabled:
                before += overlay.below
        return line.rect.bottom() + before + self.pad

    def x_on(self, line: LineBox) -> Callable[[int], float]:
        """offset → its x on ``line`` (viewport coordinates): one block and text line
        found per line, not per span."""
        view, offsets = self.view, self.view.offsets
        unit = offsets.to_utf16(line.start)
        block = view.document().findBlock(unit)
        layout, base = block.layout(), block.position()
        text_line = layout.lineForTextPosition(unit - base)
        dx = layout.position().x() + view.contentOffset().x()
        return lambda offset: text_line.cursorToX(offsets.to_utf16(offset) - base)[0] + dx

    def bars(self, geometry: TextGeometry, line: LineBox, x=None) -> Iterator[Bar]:
        top, x = self._top(line), x or self.x_on(line)
        for lane, index in enumerate(self.layers):
            y = top + lane * self.lane
            for span in index.overlapping(line.start, line.end):
                left, right = x(max(span.start, line.start)), x(min(span.end, line.end))
                rect = QRectF(left + 0.5, y + 1, max(2.0, right - left - 1), self.lane - 2)
                yield Bar(lane, (span.start, span.end, span.label), rect, span.end <= line.end)

    def buttons(self, bar: Bar, line: LineBox) -> tuple[QRectF, QRectF]:
        """The accept and reject buttons after (or, at the right edge, before) a bar."""
        size = self.lane + 2
        x = bar.rect.right() + 3
        if x + 2 * size + 2 > self.view.viewport().width():
            x = bar.rect.left() - 2 * size - 5
        y = bar.rect.center().y() - size / 2
        return QRectF(x, y, size, size), QRectF(x + size + 2, y, size, size)

    def _lines(self, geometry: TextGeometry) -> Iterator[LineBox]:
        return (line for line in geometry.lines if line.start < line.end)

    # -- painting --------------------------------------------------------------------
    def paint(self, painter: QPainter, geometry: TextGeometry) -> None:
        if not self.names:
            return
        colours = {label.name: QColor(label.color) for label in (self.view.scheme or [])}
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small)
        for line in self._lines(geometry):
            x = self.x_on(line)
            self._paint_tags(painter, line)
            self._paint_conflicts(painter, x, line)
            current = []
            for bar in self.bars(geometry, line, x):
                paint.bar(painter, bar.rect, self.states.get(bar.key, SETTLED), bar.key[2],
                          colours.get(bar.key[2], paint.GREY), metrics)
                if bar.key == self.current:
                    current.append(bar)
            for bar in current:
                paint.current(painter, bar.rect)
            last = next((b for b in current if b.last), None)
            if last is not None and self.states.get(last.key) == OPEN:
                paint.buttons(painter, *self.buttons(last, line))

    def _paint_tags(self, painter: QPainter, line: LineBox) -> None:
        painter.setPen(QColor("#616161"))
        top = self._top(line)
        for lane, tag in enumerate(self.tags):
            rect = QRectF(0, top + lane * self.lane, line.rect.left() - 3, self.lane)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tag)

    def _paint_conflicts(self, painter: QPainter, x, line: LineBox) -> None:
        for start, end in self.conflicts.overlapping(line.start, line.end):
            left, right = x(max(start, line.start)), x(min(end, line.end))
            paint.conflict_in_text(painter, QRectF(left - 1, line.rect.top(), right - left + 2,
                                                   line.rect.height()))

    # -- clicks and tooltips -------------------------------------------------------------
    def hit(self, point, geometry: TextGeometry) -> tuple[str, object] | None:
        """What is at ``point``: ("accept" | "reject", key), ("bar", Bar) or ("tag", lane)."""
        x, y = point.x(), point.y()
        for line in self._lines(geometry):
            top = self._top(line)
            if not top - 2 <= y < top + self.lane * len(self.names) + 2:
                continue
            bars = list(self.bars(geometry, line))
            for bar in bars:
                if bar.key == self.current and bar.last and self.states.get(bar.key) == OPEN:
                    accept, reject = self.buttons(bar, line)
                    if accept.contains(x, y):
                        return ("accept", bar.key)
                    if reject.contains(x, y):
                        return ("reject", bar.key)
            lane = int((y - top) // self.lane)
            if not 0 <= lane < len(self.names):
                continue
            if x < line.rect.left():
                return ("tag", lane)
            for bar in bars:
                if bar.lane == lane and bar.rect.left() - 1 <= x <= bar.rect.right() + 1:
                    return ("bar", bar)
        return None

    def click(self, point, geometry: TextGeometry) -> bool:
        found = self.hit(point, geometry)
        if found is None or found[0] == "tag":
            return False
        what, value = found
        if what == "accept":
            self.on_accept(value)
        elif what == "reject":
            self.on_reject(value)
        else:
            self.on_choose(value.key)
        return True

    def tooltip(self, point, geometry: TextGeometry) -> str:
        found = self.hit(point, geometry)
        if found is None:
            return ""
        what, value = found
        if what == "tag":
            return translate("CurationLanes", "%1's spans").replace("%1", self.names[value])
        if what == "accept":
            return translate("CurationLanes", "Accept into %1 (Ctrl+Alt+A)").replace(
                "%1", self.layer)
        if what == "reject":
            return translate("CurationLanes", "Reject (Ctrl+Alt+R)")
        return self.describe(self.names[value.lane], value.key)

    def describe(self, name: str, key: Key) -> str:
        start, end, label = key
        scheme = {lab.name: titled(lab) for lab in (self.view.scheme or [])}
        holders = self.holders.get(key, (name,))
        others = [n for n in holders if n != name]
        agreement = (translate("CurationLanes", "Also marked by %1").replace(
            "%1", ", ".join(others)) if others else
            translate("CurationLanes", "Marked by %1 alone").replace("%1", name))
        state = {OPEN: translate("CurationLanes", "Conflict: not agreed, not settled"),
                 AGREED: translate("CurationLanes", "Agreed"),
                 SETTLED: translate("CurationLanes", "Settled in %1").replace("%1", self.layer),
                 REJECTED: translate("CurationLanes", "Rejected")}[self.states.get(key, SETTLED)]
        count = translate("CurationLanes", "%1 of %2 annotators").replace(
            "%1", str(len(holders))).replace("%2", str(len(self.names)))
        return "\n".join([f"{name}: {scheme.get(label, label)} · "
                          f"{self.view.text[start:end]} [{start}, {end})",
                          f"{agreement} ({count})", state])
