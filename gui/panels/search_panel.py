"""Edit → Search the Corpus (Ctrl+Shift+F): a docked concordance of every hit in the project.

The search runs in a worker (gui/workers/search_job.py): the table fills while it runs,
the count says how far it got, Cancel stops it.  The columns sort by document, left context
(read backwards from the hit), hit, right context and covering label.  Double-click opens
the document at the hit; the selected hits (Select All for all) get a label in one
undoable step, grown to whole words unless View → Character Precision is on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from corpus.document import Status
from corpus.search import Hit, Matcher, PatternError
from gui import crash_report
from gui.commands.spans import status_name
from gui.i18n import titled
from gui.panels.search_model import HitTableModel
from gui.workers.search_job import SHOWN, SearchJob
from storage.errors import ProjectError
from storage.views.search import SearchRequest, document_titles

EVERY_LAYER = "\x00every"  # the annotator box's "every layer" item


class ElideLeft(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SearchPanel(QWidget):
    hitChosen = Signal(object)                 # Hit: open its document there
    labelRequested = Signal(list, str)         # hits, label name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.project = None
        self.annotator = ""
        self.tokenizer = None
        self.job: SearchJob | None = None
        self.shown: SearchRequest | None = None   # what the table holds the hits of
        self.model_ = HitTableModel(self)
        self.pattern = QLineEdit(self)
        self.pattern.setObjectName("searchPattern")
        self.pattern.setPlaceholderText(self.tr("Search every document…"))
        self.regex = QCheckBox(self.tr("Regular expression"), self)
        self.words = QCheckBox(self.tr("Whole words"), self)
        self.in_spans = QCheckBox(self.tr("In span text"), self)
        self.in_spans.setToolTip(self.tr("Search the text of each span (of the chosen label)"))
        self.label = QComboBox(self)
        self.status = QComboBox(self)
        self.layer = QComboBox(self)
        self.run_button = QPushButton(self.tr("Search"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.count = QLabel(self)
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)
        self.table = QTableView(self)
        self.apply_label = QComboBox(self)
        self.select_all = QPushButton(self.tr("Select All"), self)
        self.apply_button = QPushButton(self.tr("Label Selected Hits"), self)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.table.setModel(self.model_)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in ((0, 130), (1, 320), (2, 90), (3, 320), (4, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(HitTableModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        # the left context is cut on its far side, so the characters next to the hit show
        self.table.setItemDelegateForColumn(HitTableModel.LEFT, ElideLeft(self.table))
        header.setSortIndicator(HitTableModel.DOCUMENT, Qt.SortOrder.AscendingOrder)
        filters = QGridLayout()
        for row, (text, box) in enumerate(((self.tr("Label"), self.label),
                                           (self.tr("Status"), self.status),
                                           (self.tr("Annotator"), self.layer))):
            filters.addWidget(QLabel(text, self), 0, 2 * row)
            filters.addWidget(box, 0, 2 * row + 1)
        top = QHBoxLayout()
        for widget in (self.pattern, self.run_button, self.cancel_button):
            top.addWidget(widget)
        modes = QHBoxLayout()
        for widget in (self.regex, self.words, self.in_spans):
            modes.addWidget(widget)
        modes.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.select_all)
        bottom.addStretch(1)
        bottom.addWidget(self.apply_label)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        for part in (top, modes, filters):
            layout.addLayout(part)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.pattern.returnPressed.connect(self.start)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.doubleClicked.connect(lambda index: self.hitChosen.emit(
            self.model_.rows[index.row()]))
        self.select_all.clicked.connect(self.table.selectAll)
        self.apply_button.clicked.connect(self._label_selected)

    # -- the project -------------------------------------------------------------
    def set_project(self, project, annotator: str, scheme, tokenizer=None) -> None:
        self._drop_job()
        self.cancel_button.setEnabled(False)
        self.project, self.annotator, self.tokenizer = project, annotator, tokenizer
        self.model_.names = {label.name: titled(label) for label in scheme}
        self.model_.titles = {}   # read when a search starts, not whenever a project opens
        self.model_.set_rows([])
        self.shown = None
        self.count.setText("")
        self.label.clear()
        self.label.addItem(self.tr("Any label"), "")
        self.apply_label.clear()
        for label in scheme:
            self.label.addItem(titled(label), label.name)
            self.apply_label.addItem(titled(label), label.name)
        self.status.clear()
        self.status.addItem(self.tr("Any status"), "")
        for status in Status:
            self.status.addItem(status_name(status), status.value)
        self.load_annotators()

    def load_annotators(self) -> None:
        """Yours, every layer, then every other annotator of the project (read when the
        panel opens: a scan of every span, too slow for each opening of a project)."""
        chosen = self.layer.currentData()
        self.layer.clear()
        self.layer.addItem(self.tr("Yours (%1)").replace("%1", self.annotator), self.annotator)
        self.layer.addItem(self.tr("Every layer"), EVERY_LAYER)
        if self.isVisible():
            for name in self.project.annotators():
                if name != self.annotator:
                    self.layer.addItem(name, name)
        self.layer.setCurrentIndex(max(0, self.layer.findData(chosen)))

    def request(self) -> SearchRequest:
        layer = self.layer.currentData()
        label, status = self.label.currentData(), self.status.currentData()
        return SearchRequest(self.pattern.text(), regex=self.regex.isChecked(),
                             words=self.words.isChecked(), in_spans=self.in_spans.isChecked(),
                             labels=(label,) if label else (),
                             statuses=(status,) if status else (),
                             annotator=None if layer == EVERY_LAYER else layer)

    # -- running -----------------------------------------------------------------
    def start(self) -> None:
        if self.project is None:
            return
        self._drop_job()
        request = self.request()
        try:
            Matcher.build(request.pattern, request.regex)
        except PatternError as error:
            self.count.setText(str(error))
            return
        if request.words and self.tokenizer is None:
            self.count.setText(self.tr("Whole words need the word list, which is not loaded."))
            return
        self.table.setSortingEnabled(False)
        self.model_.set_rows([])
        self.model_.titles = document_titles(self.project)   # new imports have titles too
        self.shown = request
        self.count.setText(self.tr("Searching…"))
        self.cancel_button.setEnabled(True)
        self.job = SearchJob(self.project.path, request, self.tokenizer, self)
        self.job.hitsFound.connect(self._found)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _drop_job(self) -> None:
        """Cancel the running search and stop listening to it (a new one starts)."""
        if self.job is not None:
            self.job.cancel()
            for signal in (self.job.hitsFound, self.job.finished, self.job.failed):
                signal.disconnect()
            self.job = None

    def running(self) -> bool:
        return self.job is not None

    def _found(self, hits: list[Hit], total: int, documents: int) -> None:
        self.model_.add_hits(hits)
        self.count.setText(self.tr("%1 hits in %2 documents so far…").replace("%1", str(total))
                           .replace("%2", str(documents)))

    def _finished(self, total: int, documents: int, cancelled: bool) -> None:
        if self.job is not None and self.job.tokens is not None:
            self.keep_tokens(self.job.tokens)
        self.job = None
        self.cancel_button.setEnabled(False)
        self.table.setSortingEnabled(True)
        text = self.tr("%1 hits in %2 documents.").replace("%1", str(total)).replace(
            "%2", str(documents))
        if cancelled:
            text = self.tr("Cancelled: %1 hits in %2 documents up to there.").replace(
                "%1", str(total)).replace("%2", str(documents))
        if total > SHOWN:
            text += " " + self.tr("The table shows the first %1.").replace("%1", str(SHOWN))
        self.count.setText(text)

    def keep_tokens(self, tokens) -> None:
        try:
            tokens.store(self.project)
        except ProjectError:
            pass   # a read-only project keeps no cache; the search itself is complete

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.cancel_button.setEnabled(False)
        self.show_failure(error)

    def show_failure(self, error: BaseException) -> None:
        if isinstance(error, ProjectError):
            detail = f"{error.message}. {error.hint}".strip()
        elif isinstance(error, PatternError):
            detail = str(error)
        else:   # a bug: the crash report has the details, the panel says what happened
            crash_report.report_error(error)
            detail = self.tr("an unexpected error")
        self.count.setText(self.tr("The search failed: %1").replace("%1", detail))

    # -- labelling -----------------------------------------------------------------
    def selected_hits(self) -> list[Hit]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model_.rows[row] for row in rows]

    def _label_selected(self) -> None:
        hits = self.selected_hits()
        if not hits:
            self.count.setText(self.tr("Select the hits to label first (Select All for all)."))
            return
        self.labelRequested.emit(hits, self.apply_label.currentData())

    def refresh_labels(self, covering: dict[tuple[int, int, int], tuple[str, ...]]) -> None:
        """Show new covering labels of the hits at these places (after labelling them)."""
        for row, hit in enumerate(self.model_.rows):
            labels = covering.get((hit.document_id, hit.start, hit.end))
            if labels is not None and labels != hit.labels:
                self.model_.rows[row] = Hit(hit.document_id, hit.start, hit.end, hit.left,
                                            hit.text, hit.right, labels)
        self.model_.dataChanged.emit(self.model_.index(0, 4),
                                     self.model_.index(max(0, len(self.model_.rows) - 1), 4))
