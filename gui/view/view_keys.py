"""Keyboard and mouse behaviour of the document view that knows about tokens:
snapping a selection to tokens, double-click on a token, moving by token, and
keys that act on spans.  Kept apart from the view's drawing code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def snap_selection(view, event: QMouseEvent) -> None:
    """After a mouse selection: grow it to whole tokens unless Alt is held or the view
    is in character mode; then announce it (sticky-label mode acts on it)."""
    selection = view.selection()
    if selection is None:
        return
    precise = view.character_mode or bool(event.modifiers() & ALT)
    if not precise and view.tokens:
        start, end = view.tokens.snap(*selection)
        if (start, end) != selection:
            view.select_range(start, end)
    view.selectionFinished.emit()


def select_token_under(view, event: QMouseEvent) -> bool:
    """Double-click selects the token under the pointer; False when there are no tokens."""
    offset = view._offset_under(event.position().toPoint())
    if offset is None or not view.tokens:
        return False
    view.select_range(*view.tokens.token_at(offset))
    view.selectionFinished.emit()
    return True


def handle_key(view, event: QKeyEvent) -> bool:
    """Token and span keys; True when the event was handled here."""
    key, mods = event.key(), event.modifiers()
    if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & CTRL:
        view.spanStep.emit(-1 if key == Qt.Key.Key_Backtab or mods & SHIFT else 1)
        return True
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & ALT:
        # Alt+←/→ moves the selected span's start, Alt+Shift+←/→ its end; with Ctrl by token
        view.spanAdjust.emit("end" if mods & SHIFT else "start",
                             1 if key == Qt.Key.Key_Right else -1, bool(mods & CTRL))
        return True
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & (CTRL | ALT | SHIFT):
        view.labelMenuRequested.emit()  # choose a label for the selection or selected span
        return True
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & CTRL and view.tokens:
        move_by_token(view, forward=key == Qt.Key.Key_Right, extend=bool(mods & SHIFT))
        return True
    return False


def move_by_token(view, *, forward: bool, extend: bool) -> None:
    """Ctrl+←/→ moves the caret to the previous/next token boundary; with Shift it
    extends the selection."""
    cursor = view.textCursor()
    here = view.offsets.from_utf16(cursor.position())
    target = view.tokens.next_boundary(here) if forward else view.tokens.previous_boundary(here)
    mode = QTextCursor.MoveMode.KeepAnchor if extend else QTextCursor.MoveMode.MoveAnchor
    cursor.setPosition(view.offsets.to_utf16(target), mode)
    view.setTextCursor(cursor)


def is_tab(event: QEvent) -> bool:
    """Tab would move the focus away before keyPressEvent sees it."""
    return event.type() == QEvent.Type.KeyPress and event.key() in (
        Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
