"""Relations drawn as brat-like arcs above the lines, in their type's colour, with the
type's short name on a small tag in the middle of the arc.

Arcs nest: on each line, a wider run is drawn a level above every narrower one it
overlaps.  The room kept above every line grows with the document's nesting up to
:data:`LEVELS` levels; a line whose runs nest deeper than the room is drawn compact: its
levels closer together in the same room (gui/view/arc_stacking.py), so
every run keeps a height of its own.  Tags never cover one another: a tag that would
slides along its run to a free place, else is left out (the arc's tooltip names it, and
the hovered or selected arc's tag is drawn over the others).  A relation whose ends lie on
different lines is drawn as two half-arcs: from the first end to its line's right edge,
and from the next line's left edge down to the other end.  The arrow head points at
the relation's target.  Hovering an arc draws it bold and outlines both of its spans
(with a tooltip); a click selects it.  The overlay keeps room above the lines only
while the open document has relations, so a document without any is set as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter, QPainterPath,
                           QPainterPathStroker, QPen, QPolygonF)

from corpus.relations import Relation
from gui.i18n import shown, titled
from gui.view import arc_stacking as stacking
from gui.view.overlays import Overlay, TextGeometry

LEVELS = 4              # arc heights kept above every line, at most
TAG_SCALE = 0.56        # the tag's font, relative to the text's
PICK_WIDTH = 7.0        # how near a click must be to an arc's line, in pixels


@dataclass
class Arc:
    relation: Relation
    colour: QColor
    path: QPainterPath = field(default_factory=QPainterPath)
    arrows: list[QPointF] = field(default_factory=list)   # tips, pointing down
    tag: QRectF | None = None     # where its tag is drawn (None: no room on its line)
    spare: QRectF | None = None   # the middle of its first run: its tag when hovered
    text: str = ""
    ends: list[QRectF] = field(default_factory=list)      # both spans' boxes

    def hit(self, point: QPointF) -> bool:
        if self.tag is not None and self.tag.adjusted(-2, -2, 2, 2).contains(point):
            return True
        stroker = QPainterPathStroker()
        stroker.setWidth(PICK_WIDTH)
        return stroker.createStroke(self.path).contains(point)


class RelationArcs(QObject, Overlay):
    order = 1           # above the label tags (Overlay's docstring)

    def __init__(self, view, on_click: Callable[[int | None], None] | None = None) -> None:
        QObject.__init__(self, view)
        self.view = view
        self.layer = None               # a gui.relation_layer.RelationLayer
        self.on_click = on_click or (lambda relation_id: None)
        self.shown = True               # View → Relation Arcs
        self.hovered: int | None = None
        self.pending: int | None = None  # the span a relation being made starts from
        self.enabled = False
        self.levels = 1                 # of arcs kept room for (the nesting, up to LEVELS)
        self._ranges = None             # the relations' ranges, sorted (see _sorted_ranges)
        self._added_depth: int | None = None   # the nesting where relations were just added
        self.painted: list[Arc] = []    # the arcs of the last paint, for the pointer
        self.tag_font = QFont()
        self.step = 0.0
        self.font_changed()
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)

    # -- what is drawn -----------------------------------------------------------
    def set_layer(self, layer) -> None:
        self.layer = layer
        self.hovered = None
        self.invalidate()
        self.refresh(fresh=True)

    def font_changed(self) -> None:
        """The room above lines follows the text's size (zoom)."""
        font = QFont(self.view.font())
        font.setPixelSize(max(9, round(self.view.fontInfo().pixelSize() * TAG_SCALE)))
        self.tag_font = font
        self._tag_sizes: dict[str, tuple[float, float]] = {}    # a tag's text → its size
        self.step = QFontMetricsF(font).height()
        self.above = self.levels * self.step + 3

    def refresh(self, fresh: bool = False, added: bool = True) -> None:
        """After relations changed: room above the lines only when there are any (or one
        is being made), as many levels as they nest (at most LEVELS).  While a document
        stays open the room only grows (``fresh``: another document), so that adding and
        undoing a relation never lays the whole text out again; only ``added`` relations can
        make it grow."""
        enabled = self.shown and self.layer is not None and (
            len(self.layer) > 0 or self.pending is not None)
        levels = 1 if fresh else self.levels
        if enabled and levels < LEVELS and (added or fresh):
            around = None if fresh else self._added_depth   # only where they were added
            levels = max(levels, self._depth() if around is None else min(LEVELS, around))
        self._added_depth = None
        if enabled != self.enabled or levels != self.levels:
            self.enabled, self.levels = enabled, levels
            self.above = levels * self.step + 3
            self.view.overlay_room_changed()
        else:
            self.view.viewport().update()

    def _depth(self) -> int:
        """How many relations overlap at most at one place (capped at LEVELS)."""
        events = []
        for low, high, *_ in self._sorted_ranges()[0]:
            events += [(low, 1), (high, -1)]
        depth = deepest = 0
        for _at, step in sorted(events):
            depth += step
            deepest = max(deepest, depth)
        return min(LEVELS, deepest)

    def _depth_over(self, low: int, high: int) -> int:
        """How many relations overlap at most at one place of [low, high) (counted as
        :meth:`_depth` counts: a range ending where another starts does not overlap it)."""
        ranges, lows, longest = self._sorted_ranges()
        events = []
        for start, end, *_ in ranges[bisect_left(lows, low - longest):bisect_left(lows, high)]:
            if end > low:
                events += [(max(start, low), 1), (min(end, high), -1)]
        depth = deepest = 0
        for _at, step in sorted(events):
            depth += step
            deepest = max(deepest, depth)
        return deepest

    # -- layout ----------------------------------------------------------------
    def _spans(self):
        """The spans of the layer the relations belong to (the session's index, which the
        view shows; already the new document's when the relations are loaded)."""
        return self.layer.session.spans if self.layer is not None else self.view.spans

    def spans_changed(self, removed: list, added: list) -> None:
        """An edit of spans: the arcs are laid out again only when a changed span is an end
        of a relation (a new span has none; a span edited keeps its id)."""
        if self.layer is None:
            self.invalidate()
            return
        if any(self.layer.by_span.get(span.id) for span in (*removed, *added)):
            self.invalidate()       # the layer's index by span: no walk over every relation

    def relations_changed(self, removed: list, added: list) -> None:
        """Relations added or removed: their ranges are taken out of or put into the sorted
        ranges (a few list operations), not all of them sorted again at the next paint."""
        if self._ranges is None or self._ranges[3] is not self._spans():
            self.invalidate()
            return
        ranges, _lows, _longest, spans = self._ranges
        gone = {relation.id for relation in removed}
        if gone:
            ranges = [item for item in ranges if item[2].id not in gone]
        new = []
        for relation in added:
            a, b = spans.get(relation.from_span_id), spans.get(relation.to_span_id)
            if a is None or b is None:
                continue
            item = (min(a.start, b.start), max(a.end, b.end), relation, a, b)
            new.append(item)
            keys = [(low, other.id) for low, _high, other, *_ends in ranges]
            ranges.insert(bisect_left(keys, (item[0], relation.id)), item)
        longest = max((high - low for low, high, *_ in ranges), default=0)
        self._ranges = (ranges, [item[0] for item in ranges], longest, spans)
        self.painted = []
        self._added_depth = max((self._depth_over(low, high) for low, high, *_ in new),
                                default=0) if added else None   # for refresh(), no full sweep

    def invalidate(self) -> None:
        """Relations or spans changed: the ranges are found again at the next paint."""
        self._ranges = None
        self.painted = []
        self._added_depth = None

    def _sorted_ranges(self) -> tuple[list, list[int], int]:
        """(low, high, relation, from span, to span) by low, the lows, the longest range."""
        if self._ranges is None or self._ranges[3] is not self._spans():
            spans, ranges = self._spans(), []
            for relation in self.layer:
                a, b = spans.get(relation.from_span_id), spans.get(relation.to_span_id)
                if a is not None and b is not None:
                    ranges.append((min(a.start, b.start), max(a.end, b.end), relation, a, b))
            ranges.sort(key=lambda item: (item[0], item[2].id))
            longest = max((high - low for low, high, *_ in ranges), default=0)
            self._ranges = (ranges, [item[0] for item in ranges], longest, spans)
        return self._ranges[:3]

    def arcs(self, geometry: TextGeometry) -> list[Arc]:
        """The arcs on screen.  Each is one run above a line (both ends on it) or two
        half-runs to the lines' edges; on each line the runs are stacked narrowest first,
        a run one level above every narrower one it overlaps."""
        if self.layer is None or not geometry.lines:
            return []
        first, last = geometry.lines[0].start, geometry.lines[-1].end
        ranges, lows, longest = self._sorted_ranges()
        out, runs = [], []
        for low, high, relation, a, b in ranges[bisect_left(lows, first - longest):
                                                bisect_right(lows, last)]:
            if high >= first:
                arc = self._arc(relation)
                out.append(arc)
                runs += self._runs(geometry, arc, a, b)
        base = geometry.room_before(self)          # the label tags' room, nearer the text
        by_line: dict[float, list] = {}
        for run in runs:
            by_line.setdefault(run[1], []).append(run)
        for line in by_line.values():
            self._stack(line, base)
        return out

    def _stack(self, line: list[tuple], base: float) -> None:
        """One line's runs at their levels (gui/view/arc_stacking.py), with their tags."""
        line.sort(key=lambda run: (run[3] - run[2], run[2], run[0].relation.id))
        found = stacking.levels([(x1, x2) for _arc, _top, x1, x2, *_rest in line])
        apart = stacking.pitch(max(found), self.levels, self.step)
        top_lift = 3 + (self.levels - 0.5) * self.step
        tags: list[QRectF] = []
        for (arc, top, x1, x2, arrows, down), level in zip(line, found):
            y = self._segment(arc, x1, x2, top - base,
                              min(top_lift, 3 + (level - 0.5) * apart), arrows, down)
            size = self._tag_size(arc.text)
            if arc.tag is None:
                arc.tag = stacking.place_tag(size, x1, x2, y, tags)
            if arc.spare is None:
                arc.spare = stacking.place_tag(size, x1, x2, y, [])

    def _tag_size(self, text: str) -> tuple[float, float]:
        size = self._tag_sizes.get(text)
        if size is None:
            metrics = QFontMetricsF(self.tag_font)
            size = self._tag_sizes[text] = (metrics.horizontalAdvance(text) + 6,
                                            metrics.height())
        return size

    def _arc(self, relation: Relation) -> Arc:
        kind = self.layer.types.get(relation.type)
        colour = QColor(kind.color if kind else "#555555")
        text = shown(kind) if kind else relation.type
        return Arc(relation, colour, text=text)

    def _runs(self, geometry: TextGeometry, arc: Arc, a, b) -> list[tuple]:
        """(arc, line top, x1, x2, arrow at each end, down to a span at each end) of the
        runs the relation needs on screen."""
        boxes_a, boxes_b = geometry.boxes(a.start, a.end), geometry.boxes(b.start, b.end)
        arc.ends = boxes_a + boxes_b
        ends = sorted([(boxes_a[0] if boxes_a else None, a.start, False),
                       (boxes_b[0] if boxes_b else None, b.start, True)], key=lambda e: e[1])
        (left, _, left_is_target), (right, _, right_is_target) = ends
        if left is not None and right is not None and left.top() == right.top():
            return [(arc, left.top(), left.center().x(), right.center().x(),
                     (left_is_target, right_is_target), (True, True))]
        runs = []
        if left is not None:
            edge = _line_of(geometry, left).rect.right() + 4
            runs.append((arc, left.top(), left.center().x(), edge, (left_is_target, False),
                         (True, False)))
        if right is not None:
            edge = _line_of(geometry, right).rect.left() - 4
            runs.append((arc, right.top(), edge, right.center().x(), (False, right_is_target),
                         (False, True)))
        return runs

    def _segment(self, arc: Arc, x1: float, x2: float, top: float, lift: float,
                 arrows: tuple[bool, bool], down: tuple[bool, bool]) -> float:
        """A horizontal run ``lift`` above ``top`` from x1 to x2, going down to the text at
        the ends that are spans; returns the run's y."""
        y, foot, bend = top - lift, top - 1, min(4.0, lift / 2)
        path = arc.path
        path.moveTo(x1, foot if down[0] else y)
        if down[0]:
            path.lineTo(x1, y + bend)
            path.quadTo(x1, y, x1 + (bend if x2 >= x1 else -bend), y)
        path.lineTo(x2 - (bend if down[1] and x2 >= x1 else -bend if down[1] else 0), y)
        if down[1]:
            path.quadTo(x2, y, x2, y + bend)
            path.lineTo(x2, foot)
        for tip, x in zip(arrows, (x1, x2)):
            if tip:
                arc.arrows.append(QPointF(x, foot))
        return y

    # -- painting ----------------------------------------------------------------
    def paint(self, painter: QPainter, geometry: TextGeometry) -> None:
        selected = self.layer.selected.id if self.layer and self.layer.selected else None
        painter.setFont(self.tag_font)
        arcs = self.painted = self.arcs(geometry)
        strong = [arc for arc in arcs if arc.relation.id in (selected, self.hovered)]
        for arc in arcs:
            if arc not in strong:
                self._paint_arc(painter, arc, False)
        for arc in strong:                      # over the others, with its tag
            self._paint_arc(painter, arc, True)
        if self.pending is not None and (source := self._spans().get(self.pending)):
            painter.setPen(QPen(QColor("#333333"), 1.4, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for box in geometry.boxes(source.start, source.end):
                painter.drawRect(box.adjusted(-2, -1, 2, 1))
        for arc in strong:                     # their spans outlined, drawn last
            painter.setPen(QPen(arc.colour, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for box in arc.ends:
                painter.drawRoundedRect(box.adjusted(-1, 0, 1, 1), 2, 2)

    def _paint_arc(self, painter: QPainter, arc: Arc, strong: bool) -> None:
        painter.setPen(QPen(arc.colour, 2.4 if strong else 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(arc.path)
        painter.setBrush(arc.colour)
        for tip in arc.arrows:
            painter.drawPolygon(QPolygonF([tip, tip + QPointF(-3.5, -6), tip + QPointF(3.5, -6)]))
        tag = arc.tag or (arc.spare if strong else None)
        if tag is not None:
            painter.setPen(QPen(QColor("#ffffff") if strong else arc.colour, 1))
            painter.setBrush(arc.colour if strong else QColor(255, 255, 255, 235))
            painter.drawRoundedRect(tag, 3, 3)
            painter.setPen(QColor("#ffffff") if strong else arc.colour)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, arc.text)

    # -- the pointer -------------------------------------------------------------
    def arc_at(self, point, geometry: TextGeometry | None = None) -> Arc | None:
        """The arc drawn at ``point``: among those of the last paint (anything that moves
        them repaints first), else laid out anew."""
        if not self.enabled:
            return None
        arcs = self.painted or self.arcs(geometry or self.view.geometry())
        where = QPointF(point)
        hits = [arc for arc in arcs if arc.hit(where)]
        return hits[0] if hits else None

    def click(self, point, geometry: TextGeometry) -> bool:
        arc = self.arc_at(point, geometry)
        if arc is None:
            return False
        self.on_click(arc.relation.id)
        return True

    def tooltip(self, point, geometry: TextGeometry) -> str:
        arc = self.arc_at(point, geometry)
        if arc is None:
            return ""
        spans, relation = self._spans(), arc.relation
        kind = self.layer.types.get(relation.type)
        name = titled(kind) if kind else relation.type
        text = f"{name}: {spans.get(relation.from_span_id).text} → " \
               f"{spans.get(relation.to_span_id).text}"
        return text + (f"\n{relation.note}" if relation.note else "")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseMove and self.enabled:
            arc = self.arc_at(event.position().toPoint())
            hovered = arc.relation.id if arc else None
            if hovered != self.hovered:
                self.hovered = hovered
                self.view.viewport().update()
        elif event.type() == QEvent.Type.Leave and self.hovered is not None:
            self.hovered = None
            self.view.viewport().update()
        return False


def _line_of(geometry: TextGeometry, box: QRectF):
    return next((line for line in geometry.lines if line.rect.top() <= box.center().y()
                 <= line.rect.bottom()), geometry.lines[0])
