"""The document view: the current document's text with its spans, read-only.

All positions leaving this widget are code points; Qt's UTF-16 positions are
converted here, through the document's OffsetMap, and nowhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from corpus.document import Document
from corpus.labels import LabelScheme
from corpus.text.offsets import OffsetMap
from corpus.text.script import is_traditional
from corpus.span import Span
from corpus.span_index import SpanIndex
from corpus.text.token_bounds import TokenBounds
from gui.i18n import titled
from gui.view import view_keys
from gui.view.fonts import text_font
from gui.view.overlays import Overlay, TextGeometry
from gui.view.paragraphs import hide_blank_blocks
from gui.view.prelayout import Prelayout
from gui.view.spaced_layout import SpacedLayout, line_gap, paragraph_gap
from gui.view.span_highlighter import SpanHighlighter

ZOOM_RANGE = (8, 40)


class DocumentView(QPlainTextEdit):
    spanClicked = Signal(object)      # span id, or None for a click outside every span
    spanStep = Signal(int)            # Tab (+1) / Shift+Tab (-1): the next or previous span
    selectionFinished = Signal()      # a mouse selection was made (sticky-label mode uses it)
    spanAdjust = Signal(str, int, bool)  # edge ("start"/"end"), step (±1), by token
    labelMenuRequested = Signal()     # Enter: choose a label
    fontSizeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, point_size: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document = QTextDocument(self)
        self.line_layout = SpacedLayout(document)
        document.setDocumentLayout(self.line_layout)
        self.overlays: list[Overlay] = []
        self.setDocument(document)
        self._set_text_font(text_font(point_size))
        self.document().setDocumentMargin(16)
        self.highlighter = SpanHighlighter(self.document())
        self.text = ""
        self.offsets = OffsetMap("")
        self.spans = SpanIndex()
        self.scheme: LabelScheme | None = None
        self._labels: dict[str, str] = {}
        self.damage: dict[int, dict] = {}  # offset of a damage marker → its entry (kind, hint)
        self.tokens = TokenBounds([])
        self.traditional = False  # drawn with Traditional glyph shapes (gui/view/fonts.py)
        self.character_mode = False  # selections snap to tokens unless this is on (or Alt)
        self.verticalScrollBar().valueChanged.connect(self._draw_visible_tokens)
        self.prelayout = Prelayout(self)
        self.tooltip_sources: list = []   # offset → more tooltip lines (the suggestions)
        self.verticalScrollBar().valueChanged.connect(self.prelayout.restart)

    # -- content -------------------------------------------------------------
    def set_scheme(self, scheme: LabelScheme) -> None:
        self.scheme = scheme
        self._labels = {label.name: titled(label) for label in scheme}
        self.highlighter.set_scheme(scheme)

    def show_document(self, document: Document, spans: SpanIndex) -> None:
        self.text = document.text
        self.offsets = OffsetMap(document.text)
        self.spans = spans
        self.highlighter.selected_id = None
        self.highlighter.set_text(document.text, self.offsets)
        self.damage = {d["offset"]: d for d in document.meta.get("damage", [])}
        self.highlighter.set_damage(list(self.damage))
        self.highlighter.set_spans(spans, rehighlight=False)
        self.highlighter.forget_suggestions()
        self.tokens = TokenBounds([])
        self.highlighter.set_tokens(self.tokens)
        self._use_script(is_traditional(document.text))
        for overlay in self.overlays:     # their room is set before the text is laid out
            overlay.document_shown(spans)
        self._take_overlay_room()
        self.setPlainText(document.text)  # highlights every block once, with the new index
        hide_blank_blocks(self.document())
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.prelayout.restart()

    def set_tokens(self, ends: list[int]) -> None:
        """Token boundaries for snapping and drawing (they arrive from a worker)."""
        if ends and ends[-1] != len(self.text):
            return  # computed for another text
        self.tokens = TokenBounds(ends)
        self.highlighter.set_tokens(self.tokens)
        self._draw_visible_tokens()
        self.prelayout.restart()

    def _draw_visible_tokens(self, *_args) -> None:
        """Token underlines are drawn block by block as blocks come into view, so that a
        1,000,000-character document does not re-highlight all of itself at once."""
        if not self.tokens:
            return
        block = self.firstVisibleBlock()
        bottom = self.viewport().height()
        while block.isValid() and self.blockBoundingGeometry(block).translated(
                self.contentOffset()).top() <= bottom:
            self.highlighter.draw_tokens(block)
            block = block.next()

    def show_empty(self, placeholder: str) -> None:
        self.text = ""
        self.offsets = OffsetMap("")
        self.spans = SpanIndex()
        self.highlighter.set_text("", self.offsets)
        self.damage = {}
        self.highlighter.set_damage([])
        self.highlighter.set_spans([], rehighlight=False)
        self.setPlainText("")
        self.prelayout.restart()
        self.setPlaceholderText(placeholder)

    # -- zoom ------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """Ctrl + / Ctrl − : one point larger or smaller (0: back to the default)."""
        font = self.font()
        size = text_font().pointSize() if step == 0 else font.pointSize() + step
        size = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], size))
        if size != font.pointSize():
            font.setPointSize(size)
            self._set_text_font(font)
            self.fontSizeChanged.emit(size)
            self.prelayout.restart()

    def _use_script(self, traditional: bool) -> None:
        """Traditional or Simplified glyph shapes for the document about to be shown."""
        if traditional != self.traditional:
            self.traditional = traditional
            self.setPlainText("")   # the old text is not laid out again in the new font
            self._set_text_font(text_font(self.font().pointSize(), traditional))

    def _set_text_font(self, font: QFont) -> None:
        self.line_layout.gap = line_gap(font)   # before the font change lays the text out again
        self.line_layout.paragraph = paragraph_gap(font)
        self.setFont(font)

    # -- overlays ----------------------------------------------------------------
    def add_overlay(self, overlay: Overlay) -> None:
        """Add a drawing; the overlays stay sorted by their ``order`` (nearest the text
        first), then by when they were added."""
        self.overlays.append(overlay)
        self.overlays.sort(key=lambda o: o.order)
        self.overlay_room_changed()

    def overlay_room_changed(self) -> None:
        """Lay the text out again when the overlays' room above or below lines changed
        (an overlay turned on or off, or a zoom)."""
        if self._take_overlay_room():
            document = self.document()
            document.markContentsDirty(0, document.characterCount())
        self.viewport().update()

    def _take_overlay_room(self) -> bool:
        """Give the layout the room the overlays ask for; True if it changed."""
        on = [o for o in self.overlays if o.enabled]
        above = float(sum(o.above for o in on))
        below = float(sum(o.below for o in on))
        layout = self.line_layout
        if (above, below) == (layout.above, layout.below):
            return False
        layout.above, layout.below = above, below
        return True

    def geometry(self) -> TextGeometry:
        return TextGeometry(self)

    def paintEvent(self, event) -> None:  # noqa: N802
        self.highlighter.flush()    # an edit's blocks, if no selection has drawn them yet
        super().paintEvent(event)
        on = [o for o in self.overlays if o.enabled]
        if not on or not self.text:
            return
        geometry, painter = TextGeometry(self), QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for overlay in on:
            painter.save()
            overlay.paint(painter, geometry)
            painter.restore()
        painter.end()

    def update_spans(self, removed: list[Span], added: list[Span]) -> None:
        """Redraw what an edit changed; ``self.spans`` is the session's index, already updated."""
        self.highlighter.update(removed, added)

    def select_span(self, span: Span | None, previous: Span | None = None) -> None:
        self.highlighter.select(span, previous)
        if span is not None:
            start, end = self.offsets.range_to_utf16(span.start, span.end)
            cursor = self.textCursor()
            cursor.setPosition(start)
            self.setTextCursor(cursor)  # caret at the span, no selection
            self.ensureCursorVisible()

    # -- selection in code points -------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected range in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.range_from_utf16(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select [start, end) given in code points (as a user dragging would)."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def span_at(self, offset: int) -> Span | None:
        """The innermost span containing ``offset``."""
        return self.spans.innermost(offset)

    # -- events ----------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.prelayout.restart()    # lines wrap anew: what lies ahead is laid out again

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            view_keys.snap_selection(self, event)
        elif self._overlay_click(event.position().toPoint()):
            return
        else:
            span = self._span_under(event.position().toPoint())
            self.spanClicked.emit(span.id if span else None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not view_keys.select_token_under(self, event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not view_keys.handle_key(self, event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if view_keys.is_tab(event):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def _overlay_click(self, point) -> bool:
        on = [o for o in self.overlays if o.enabled]
        if not on:
            return False
        geometry = TextGeometry(self)
        return any(overlay.click(point, geometry) for overlay in reversed(on))

    def _overlay_tooltip(self, point) -> str:
        on = [o for o in self.overlays if o.enabled]
        geometry = TextGeometry(self) if on else None
        return next((t for o in reversed(on) if (t := o.tooltip(point, geometry))), "")

    def _offset_under(self, point) -> int | None:
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        # cursorForPosition returns the nearest boundary: take the character on
        # the side the click was on.
        unit = cursor.position() - (1 if point.x() < rect.left() else 0)
        if unit < 0 or unit >= self.offsets.utf16_length:
            return None
        return self.offsets.from_utf16(unit)

    def _span_under(self, point) -> Span | None:
        offset = self._offset_under(point)
        return None if offset is None else self.span_at(offset)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            text = self._overlay_tooltip(event.pos()) \
                or self.tooltip_at(self._offset_under(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _damage_text(self, entry: dict, char: str) -> str:
        kind = entry.get("kind", "lost")
        if kind == "lost":
            return self.tr("A character lost by the source (pinyin: %1); not guessed.") \
                .replace("%1", entry.get("hint") or "?")
        if kind == "undecodable":
            return self.tr("Bytes the source could not decode.")
        if kind == "garbled":
            return self.tr("Garbled by the source (%1): characters it lost in a wrong encoding; "
                           "kept as found.").replace("%1", entry.get("hint", ""))
        code = f"U+{ord(char):04X}" if char else ""
        return self.tr("An unusual character from the source (%1), kept as it is.") \
            .replace("%1", code)

    def tooltip_at(self, offset: int | None) -> str:
        """What a damage marker stands for, then every span over ``offset`` (outermost
        first: nested and overlapping spans are all named)."""
        if offset is None:
            return ""
        lines = []
        if offset in self.damage:
            lines.append(self._damage_text(self.damage[offset], self.text[offset]))
        for span in sorted(self.spans.containing(offset), key=lambda s: (-s.length, s.start)):
            label = self._labels.get(span.label, span.label)
            lines.append(f"{label} · {span.text} [{span.start}, {span.end})")
        for source in self.tooltip_sources:
            lines.extend(source(offset))
        return "\n".join(lines)
