"""Above the document list: search its titles and show one status only; with the header's
sort (any column), the list is re-read from the project in SQL, never filtered in Python."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from corpus.document import Status
from gui.commands.spans import status_name

SORT_KEYS = ("title", "status", "spans")    # the list's columns, in order
TYPING_PAUSE_MS = 250


class DocumentFilter(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText(self.tr("Search titles…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("documentStatusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status.addItem(status_name(status), status)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.status)

    def query(self) -> dict:
        return {"title": self.search.text().strip(), "status": self.status.currentData()}


class DocumentPanel(QWidget):
    """The filter above the list; re-reads the list when the filter or the sort changes."""

    def __init__(self, document_list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = document_list
        self.filter = DocumentFilter(self)
        self.session = None
        self.sort: dict = {"order": "id", "descending": False}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(document_list)
        self.filter.changed.connect(self._refresh)
        header = document_list.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # id order at first
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)

    def reload(self, session) -> None:
        """Read the list of ``session``'s annotator, as filtered and sorted now."""
        self.session = session
        self.list.model_.set_rows(session.project.documents(
            session.annotator, **self.filter.query(), **self.sort))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.sort = {"order": SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else "id",
                     "descending": order == Qt.SortOrder.DescendingOrder}
        self._refresh()

    def _refresh(self) -> None:
        if self.session is None:
            return
        self.reload(self.session)
        if self.session.document is not None:
            self.list.show_current(self.session.document.id)
