"""Idle work for the document view: the paragraphs just below the screen are laid out
(and given their token underlines) while the annotator reads, so that the next page
down only has to paint.

Laying out newly visible paragraphs was most of a page-down's time (shaping Chinese
text with its span formats); done ahead in slices of a few milliseconds on a
zero-delay timer, it never holds up input.  Scrolling, resizing or opening another
document starts the work again from the new screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock

AHEAD_SCREENS = 2       # how far below the screen to lay out
SLICE_SECONDS = 0.004   # work per event-loop turn


class Prelayout(QObject):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)
        self._next: int | None = None   # the next block's number (None: find the first one
        self._left = 0.0                # below the screen); pixels still to lay out ahead

    def restart(self, *_args) -> None:
        """Lay out ahead of the screen as it is now (cheap: the work waits for idle time)."""
        self._next = None
        self.timer.start()

    @property
    def busy(self) -> bool:
        return self.timer.isActive()

    def _step(self) -> None:
        document = self.view.document()
        if self._next is None:
            block = self._below_screen()
            self._left = AHEAD_SCREENS * self.view.viewport().height()
        else:   # by number: a block kept across turns could outlive its document's text
            block = document.findBlockByNumber(self._next)
        deadline = time.perf_counter() + SLICE_SECONDS
        layout, highlighter = document.documentLayout(), self.view.highlighter
        while block.isValid() and self._left > 0 and time.perf_counter() < deadline:
            highlighter.draw_tokens(block)                     # before: it re-lays the block out
            self._left -= layout.blockBoundingRect(block).height()
            block = block.next()
        self._next = block.blockNumber()
        if not block.isValid() or self._left <= 0:
            self.timer.stop()

    def _below_screen(self) -> QTextBlock:
        view = self.view
        block, bottom = view.firstVisibleBlock(), view.viewport().height()
        offset = view.contentOffset()
        while block.isValid() and view.blockBoundingGeometry(block).translated(offset).top() \
                <= bottom:
            block = block.next()
        return block
