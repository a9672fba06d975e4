"""Help → Annotation Guidelines: the project's standard, rendered, searchable, editable.

Shows the project's own guidelines when it has them, else the shipped ones in the
interface language.  Find highlights every match and steps through them; the section
box (and a label's "Guidelines" link) jumps to a heading.  Edit turns the page into its
Markdown source; Save stores it in the project (one transaction), Use Shipped removes
the project's own copy.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from corpus.guidelines import sections


class GuidelinesDialog(QDialog):
    def __init__(self, parent: QWidget | None, markdown: str, own: bool, save) -> None:
        super().__init__(parent)
        self.setObjectName("guidelinesDialog")
        self.setWindowTitle(self.tr("Annotation Guidelines"))
        self.resize(820, 720)
        self.save_guidelines = save         # markdown → None (raises ProjectError on failure)
        self.markdown, self.own = markdown, own
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.source = QPlainTextEdit(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(self._find_row())
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._edit_row())
        self._show(markdown, own)

    # -- building --------------------------------------------------------------
    def _find_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find in the guidelines"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.highlight)
        self.find.returnPressed.connect(lambda: self.step(1))
        self.matches = QLabel(self)
        self.section_box = QComboBox(self)
        self.section_box.activated.connect(self._jump_to_box)
        row.addWidget(self.find, 2)
        row.addWidget(self.matches)
        row.addWidget(self.section_box, 1)
        return row

    def _edit_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.origin = QLabel(self)
        self.edit = QPushButton(self.tr("&Edit"), self)
        self.edit.clicked.connect(self.start_editing)
        self.save = QPushButton(self.tr("&Save to Project"), self)
        self.save.clicked.connect(self.save_edit)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(lambda: self._show(self.markdown, self.own))
        self.shipped = QPushButton(self.tr("Use the Shipped Guidelines"), self)
        self.shipped.clicked.connect(lambda: self._store(""))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for widget in (self.origin, self.edit, self.save, self.cancel, self.shipped):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _show(self, markdown: str, own: bool) -> None:
        self.markdown, self.own = markdown, own
        self.browser.setMarkdown(markdown)
        self.pages.setCurrentWidget(self.browser)
        self.origin.setText(self.tr("The project's own guidelines") if own
                            else self.tr("The guidelines shipped with Hanmark"))
        self.section_box.clear()
        for section in sections(markdown):
            self.section_box.addItem("  " * (section.level - 1) + section.title, section.title)
        self.edit.setVisible(True)
        self.save.setVisible(False)
        self.cancel.setVisible(False)
        self.shipped.setVisible(own)
        self.highlight(self.find.text())

    # -- sections ----------------------------------------------------------------
    def _jump_to_box(self, index: int) -> None:
        self.go_to_heading(self.section_box.itemData(index))

    def go_to_heading(self, title: str) -> bool:
        """Scroll the heading whose text starts with ``title`` to the top."""
        pattern = re.compile(rf"^{re.escape(title)}(?![A-Za-z0-9_])", re.IGNORECASE)
        block = self.browser.document().firstBlock()
        while block.isValid():
            if block.blockFormat().headingLevel() and pattern.match(block.text()):
                self.browser.verticalScrollBar().setValue(self.browser.verticalScrollBar().maximum())
                self.browser.setTextCursor(QTextCursor(block))
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False

    # -- find ----------------------------------------------------------------------
    def highlight(self, text: str) -> int:
        """Mark every match of ``text``; returns how many there are."""
        marks, document = [], self.browser.document()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe066"))
        cursor = document.find(text) if text else QTextCursor()
        while text and not cursor.isNull():
            mark = QTextEdit.ExtraSelection()
            mark.cursor, mark.format = cursor, fmt
            marks.append(mark)
            cursor = document.find(text, cursor)
        self.browser.setExtraSelections(marks)
        self.matches.setText(self.tr("%n match(es)", "", len(marks)) if text else "")
        if marks:
            self.browser.setTextCursor(QTextCursor(marks[0].cursor.block()))
            self.step(1, from_start=True)
        return len(marks)

    def step(self, direction: int, *, from_start: bool = False) -> bool:
        text = self.find.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if direction < 0 \
            else QTextDocument.FindFlag(0)
        if from_start:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        if self.browser.find(text, flags):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.End if direction < 0
                                else QTextCursor.MoveOperation.Start)   # wrap around
        return self.browser.find(text, flags)

    # -- editing -------------------------------------------------------------------
    def start_editing(self) -> None:
        self.source.setPlainText(self.markdown)
        self.pages.setCurrentWidget(self.source)
        self.edit.setVisible(False)
        self.save.setVisible(True)
        self.cancel.setVisible(True)
        self.source.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_edit(self) -> None:
        self._store(self.source.toPlainText())

    def _store(self, markdown: str) -> None:
        result = self.save_guidelines(markdown)
        if result is not None:
            self._show(*result)
