"""View → Project Words…: the project's own dictionary, listed, with words added and removed.

Every change goes through the token service like Add/Remove Selection as a Word, so
the documents containing the word are tokenized again in the background.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from corpus.text.tokenizer import project_word


class ProjectWordsDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle(self.tr("Project Words"))
        self.words = QListWidget(self)
        self.words.setObjectName("projectWords")
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(self.tr("A word jieba should keep whole, e.g. 严真细实快"))
        self.add = QPushButton(self.tr("&Add"), self)
        self.remove = QPushButton(self.tr("&Remove"), self)
        self.note = QLabel(self)
        self._lay_out()
        self.add.clicked.connect(self.add_word)
        self.entry.returnPressed.connect(self.add_word)
        self.remove.clicked.connect(self.remove_selected)
        self.words.currentRowChanged.connect(lambda row: self.remove.setEnabled(row >= 0))
        self.refresh()

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.entry, 1)
        adding.addWidget(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Words the tokenizer keeps whole in this project:"), self))
        layout.addWidget(self.words, 1)
        layout.addWidget(self.remove)
        layout.addLayout(adding)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(360, 420)

    def refresh(self) -> None:
        self.words.clear()
        self.words.addItems(self.window.session.project.user_words())
        self.remove.setEnabled(False)

    def add_word(self) -> None:
        word = project_word(self.entry.text())
        if word is None:
            self.note.setText(self.tr("A word cannot be empty or contain spaces."))
            return
        self._change(word, add=True)
        self.entry.clear()

    def remove_selected(self) -> None:
        item = self.words.currentItem()
        if item is not None:
            self._change(item.text(), add=False)

    def _change(self, word: str, add: bool) -> None:
        session = self.window.session
        current = session.document.id if session.document is not None else None
        affected = self.window.tokens.change_word(word, add, current)
        text = self.tr("Added “%1”; %2 documents are being re-tokenized.") if add else \
            self.tr("Removed “%1”; %2 documents are being re-tokenized.")
        self.note.setText(text.replace("%1", word).replace("%2", str(len(affected))))
        self.refresh()
