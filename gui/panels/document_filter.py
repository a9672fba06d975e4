"""Above the document list: search its titles, show one status only, show another
annotator's statuses; with the header's sort (any column), the list's ids are re-read from
the project in SQL (never filtered in Python), its rows a page at a time.  Below it: how many
documents are done, of how many."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from corpus.document import Status
from gui.commands.spans import status_name
from gui.panels.document_rows import PagedRows
from storage import document_pages

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
        self.annotator = QComboBox()
        self.annotator.setObjectName("documentAnnotatorFilter")
        self.annotator.setToolTip(self.tr("Whose statuses and spans the list shows"))
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.annotator.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout = QVBoxLayout(self)       # the search gets the panel's width
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        boxes = QHBoxLayout()
        boxes.addWidget(self.status, 1)
        boxes.addWidget(self.annotator, 1)
        layout.addLayout(boxes)

    def set_annotators(self, names: list[str], own: str) -> None:
        """The annotators to choose from; ``own`` (the window's) first and chosen."""
        self.annotator.blockSignals(True)
        self.annotator.clear()
        for name in [own, *(n for n in names if n != own)]:
            self.annotator.addItem(name, name)
        self.annotator.blockSignals(False)

    def query(self) -> dict:
        return {"title": self.search.text().strip(), "status": self.status.currentData(),
                "annotator": self.annotator.currentData()}


class DocumentPanel(QWidget):
    """The filter above the list and the done counter below it; re-reads the list when the
    filter or the sort changes."""

    def __init__(self, document_list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = document_list
        self.filter = DocumentFilter(self)
        self.counter = QLabel()
        self.counter.setObjectName("documentCounter")
        self.session = None
        self.sort: dict = {"order": "id", "descending": False}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(document_list)
        layout.addWidget(self.counter)
        self.filter.changed.connect(self._refresh)
        document_list.model_.countsChanged.connect(self._show_counts)
        header = document_list.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # id order at first
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)

    def reload(self, session) -> None:
        """Read the list, as filtered and sorted now (a new session: as its annotator's)."""
        if session is not self.session:
            self.session = session
            self.filter.set_annotators(session.project.annotators(), session.annotator)
        query = self.filter.query()
        annotator = query.pop("annotator") or session.annotator
        project = session.project
        ids = document_pages.document_ids(project, annotator, **query, **self.sort)
        model = self.list.model_
        model.follows = annotator == session.annotator
        model.set_rows(
            PagedRows(ids, lambda page: document_pages.summaries(project, page, annotator),
                      ascending_ids=self.sort == {"order": "id", "descending": False}),
            recount=lambda: document_pages.done_and_total(project, annotator))

    def _show_counts(self) -> None:
        model = self.list.model_
        self.counter.setText(self.tr("%1 of %2 done").replace("%1", f"{model.done_count:,}")
                             .replace("%2", f"{model.total:,}"))

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
