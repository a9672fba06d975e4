"""Edit → Find (Ctrl+F): a bar under the document that finds a term in the open document.

Enter or Next goes to the next hit, Shift+Enter or Previous to the one before (both
wrap around); the hit is selected through the view's own selection (code points, through
its OffsetMap), so a label key labels it at once.  Esc closes the bar.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolBar,
    QWidget,
)

from corpus.search import Matcher, PatternError, token_bounds


class FindBar(QToolBar):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("findBar")
        self.setWindowTitle(self.tr("Find"))
        self.setMovable(False)
        self.window = window
        box = QWidget(self)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.pattern = QLineEdit(box)
        self.pattern.setObjectName("findPattern")
        self.pattern.setPlaceholderText(self.tr("Find in this document…"))
        self.pattern.setClearButtonEnabled(True)
        self.regex = QCheckBox(self.tr("Regular expression"), box)
        self.words = QCheckBox(self.tr("Whole words"), box)
        self.previous = QPushButton(self.tr("Previous"), box)
        self.next = QPushButton(self.tr("Next"), box)
        self.close_button = QPushButton(self.tr("Close"), box)
        self.count = QLabel(box)
        self.count.setObjectName("findCount")
        layout = QHBoxLayout(box)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.pattern, self.regex, self.words, self.previous, self.next,
                       self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.addWidget(box)
        self.pattern.textChanged.connect(self.refresh)
        self.regex.toggled.connect(self.refresh)
        self.words.toggled.connect(self.refresh)
        self.pattern.returnPressed.connect(lambda: self.step(1))
        QShortcut(QKeySequence("Shift+Return"), self.pattern, lambda: self.step(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Escape"), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next.clicked.connect(lambda: self.step(1))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        selected = self.window.view.selection()
        if selected is not None and self.window.session.document is not None:
            text = self.window.session.document.text[selected[0]:selected[1]]
            if text and "\n" not in text:
                self.pattern.setText(text)
        self.show()
        self.pattern.setFocus()
        self.pattern.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.window.view.setFocus()

    def refresh(self) -> None:
        """Find the hits again (the pattern, a mode or the document changed)."""
        self.hits, self.current = [], -1
        document = self.window.session.document if self.window.session else None
        text = self.pattern.text()
        if not self.isVisible() or document is None or not text:
            self.count.setText("")
            return
        try:
            matcher = Matcher.build(text, self.regex.isChecked())
        except PatternError as error:
            self.count.setText(str(error))
            return
        bounds = None
        if self.words.isChecked():
            tokens = self.window.view.tokens
            if not tokens:
                self.count.setText(self.tr("The words of this document are not ready yet."))
                return
            bounds = token_bounds(tokens.ends)
        self.hits = list(matcher.hits(document.text, bounds))
        self._show_count()

    def step(self, direction: int) -> None:
        if not self.hits:
            self.refresh()
        if not self.hits:
            return
        selected = self.window.view.selection()
        here = selected if selected is not None else (self._cursor(), self._cursor())
        starts = [start for start, _end in self.hits]
        if direction > 0:
            index = bisect_right(starts, here[0]) if selected is not None else bisect_left(
                starts, here[0])
            index %= len(self.hits)
        else:
            index = (bisect_left(starts, here[0]) - 1) % len(self.hits)
        self.show_hit(index)

    def show_hit(self, index: int) -> None:
        self.current = index
        start, end = self.hits[index]
        view = self.window.view
        view.select_range(start, end)
        view.ensureCursorVisible()
        self._show_count()

    def _cursor(self) -> int:
        view = self.window.view
        return view.offsets.from_utf16(view.textCursor().position())

    def _show_count(self) -> None:
        if not self.hits:
            self.count.setText(self.tr("No hits"))
        elif self.current < 0:
            self.count.setText(self.tr("%1 hits").replace("%1", str(len(self.hits))))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1))
                               .replace("%2", str(len(self.hits))))
