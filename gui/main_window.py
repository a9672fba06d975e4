"""The main window: assembles the panels and routes user intents to the session.
It delegates; the work lives in the session, the commands and the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout,
    QWidget,
)

from corpus.document import Document, Status
from corpus.span import Span
from gui import errors
from gui.actions import build_actions, build_menus, label_actions
from gui.document_list import DocumentList
from gui.document_view import DocumentView
from gui.export_job import ExportJob
from gui.label_bar import LabelBar
from gui.session import AnnotationSession
from gui.span_list import SpanList
from storage.errors import ProjectError, RecordRejected
from storage.export import ExportResult
from storage.project import Project
from storage.sample import build_sample

FILE_FILTER = "Hanmark (*.hanmark)"


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: str, point_size: int = 0) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.annotator = annotator
        self.session: AnnotationSession | None = None
        self.export_job: ExportJob | None = None
        self.view = DocumentView(self, point_size)
        self.label_bar = LabelBar(self)
        self.document_list = DocumentList(self)
        self.span_list = SpanList(self)
        self.tokenizer_state = QLabel(self.tr("Loading the word list…"))
        self._layout()
        self.actions = build_actions(self)
        self.labels_menu = build_menus(self, self.actions)
        self._connect_actions()
        self.view.spanClicked.connect(lambda span_id: self.session.select_span(span_id))
        self.span_list.spanChosen.connect(self._span_chosen)
        self.document_list.documentChosen.connect(lambda i: self.session.open_document(i))
        self.resize(1280, 800)
        self.set_project(project)

    # -- layout ----------------------------------------------------------------
    def _layout(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.label_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        for widget, title, area, name in (
            (self.document_list, self.tr("Documents"), Qt.DockWidgetArea.LeftDockWidgetArea,
             "documentsDock"),
            (self.span_list, self.tr("Spans"), Qt.DockWidgetArea.RightDockWidgetArea, "spansDock"),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
            self.addDockWidget(area, dock)
        self.resizeDocks([self.findChild(QDockWidget, "documentsDock")], [330],
                         Qt.Orientation.Horizontal)
        self.statusBar().addPermanentWidget(self.tokenizer_state)

    def _connect_actions(self) -> None:
        a = self.actions
        a.open_project.triggered.connect(self.choose_project)
        a.new_project.triggered.connect(self.choose_new_project)
        a.save_sample.triggered.connect(self.choose_sample_path)
        a.export.triggered.connect(self.choose_export_path)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self.session.undo_stack.undo())
        a.redo.triggered.connect(lambda: self.session.undo_stack.redo())
        a.delete_span.triggered.connect(lambda: self.session.delete_selected())
        a.done_next.triggered.connect(self.mark_done_and_next)
        a.skip.triggered.connect(lambda: self._set_status_and_next(Status.SKIPPED))
        a.next_document.triggered.connect(lambda: self._step_document(1))
        a.previous_document.triggered.connect(lambda: self._step_document(-1))
        a.about.triggered.connect(self.about)

    # -- the project ------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """Show ``project``; the previous one is closed (everything is already saved)."""
        old = self.session
        session = AnnotationSession(project, self.annotator, self)
        self.session = session
        session.documentOpened.connect(self._document_opened)
        session.spansChanged.connect(self._spans_changed)
        session.statusChanged.connect(self._status_changed)
        session.selectedSpanChanged.connect(self._selected_changed)
        session.failed.connect(self._edit_failed)
        session.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        stack = session.undo_stack
        stack.canUndoChanged.connect(self.actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.actions.redo.setEnabled)
        self.actions.undo.setEnabled(False)
        self.actions.redo.setEnabled(False)
        self._install_labels()
        self.view.set_scheme(session.scheme)
        self.span_list.model_.set_scheme(session.scheme)
        self.document_list.model_.set_rows(session.summaries())
        self.setWindowTitle(f"{self.tr('Hanmark')} — {project.path.name}")
        if old is not None:
            old.project.close()
            old.deleteLater()
        first = session.next_document(not_done=True) or session.next_document(not_done=False)
        if first is not None:
            session.open_document(first)
        else:
            self.view.setPlainText("")
            self.span_list.model_.set_spans([])

    def _install_labels(self) -> None:
        for action in getattr(self, "_label_actions", {}).values():
            self.removeAction(action)
            action.deleteLater()
        self._label_actions = label_actions(self, self.session.scheme)
        self.labels_menu.clear()
        for name, action in self._label_actions.items():
            action.triggered.connect(lambda _=False, n=name: self.apply_label(n))
            self.addAction(action)  # the hotkey works wherever the focus is in the window
            self.labels_menu.addAction(action)
        self.label_bar.set_actions(self._label_actions)

    def open_project_file(self, path: Path) -> bool:
        try:
            project = Project.open(path)
        except ProjectError as error:
            errors.show_project_error(self, error)
            return False
        self.set_project(project)
        return True

    # -- user intents ------------------------------------------------------------
    def apply_label(self, name: str) -> None:
        self.session.apply_label(name, self.view.selection())

    def mark_done_and_next(self) -> None:
        self._set_status_and_next(Status.DONE)

    def _set_status_and_next(self, status: Status) -> None:
        if self.session.document is None:
            return
        self.session.set_status(status)
        following = self.session.next_document(not_done=True)
        if following is None:
            self.statusBar().showMessage(self.tr("Every document is done or skipped."), 8000)
        else:
            self.session.open_document(following)

    def _step_document(self, step: int) -> None:
        rows = self.document_list.model_.rows
        if not rows or self.session.document is None:
            return
        index = self.document_list.model_.row_of(self.session.document.id) or 0
        self.session.open_document(rows[(index + step) % len(rows)].id)

    def _span_chosen(self, span_id: int) -> None:
        self.session.select_span(span_id)
        self.view.setFocus()

    # -- session → widgets ---------------------------------------------------------
    def _document_opened(self, document: Document) -> None:
        self.view.show_document(document, self.session.spans)
        self.span_list.model_.set_spans(self.session.spans)
        self.document_list.show_current(document.id)
        self.actions.delete_span.setEnabled(False)

    def _spans_changed(self, document_id: int, touched: list[Span]) -> None:
        if self.session.document is not None and self.session.document.id == document_id:
            self.view.refresh_spans(self.session.spans, touched)
            self.span_list.model_.set_spans(self.session.spans)
        self._status_changed(document_id)

    def _status_changed(self, document_id: int) -> None:
        summary = self.session.project.document_summary(document_id, self.annotator)
        self.document_list.model_.update_row(summary)

    def _selected_changed(self, span: Span | None) -> None:
        previous = next((s for s in self.view.spans if s.id == self.view.highlighter.selected_id),
                        None)
        self.view.select_span(span, previous)
        self.span_list.show_selected(span)
        self.actions.delete_span.setEnabled(span is not None)

    def _edit_failed(self, error: Exception) -> None:
        if isinstance(error, ProjectError):
            errors.show_project_error(self, error)
        else:
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(error)), 8000)

    # -- files ---------------------------------------------------------------------
    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Project"), "", FILE_FILTER)
        if path:
            self.open_project_file(Path(path))

    def choose_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Project"), "", FILE_FILTER)
        if path:
            self._create_then_open(lambda p: Project.create(p).close(), _with_suffix(path))

    def choose_sample_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Sample Project As"),
                                              "sample.hanmark", FILE_FILTER)
        if path:
            self._create_then_open(build_sample, _with_suffix(path))

    def _create_then_open(self, create, path: Path) -> None:
        try:
            create(path)
        except ProjectError as error:
            errors.show_project_error(self, error)
            return
        self.open_project_file(path)

    def choose_export_path(self) -> None:
        default = str(self.session.project.path.with_suffix(".jsonl"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export JSONL"), default,
                                              "JSON Lines (*.jsonl)")
        if path:
            self.start_export(Path(path))

    def start_export(self, out_path: Path) -> ExportJob:
        job = ExportJob(self, self.session.project.path, out_path)
        job.finished.connect(self._export_finished)
        job.failed.connect(lambda text: errors.show_message(self, self.tr("Export failed"), text))
        job.cancelled.connect(
            lambda: self.statusBar().showMessage(self.tr("Export cancelled; nothing written."), 8000))
        self.export_job = job
        return job

    def _export_finished(self, result: ExportResult) -> None:
        text = self.tr("Exported %1 documents and %2 spans to %3")
        text = text.replace("%1", str(result.documents)).replace("%2", str(result.spans))
        self.statusBar().showMessage(text.replace("%3", str(result.path)), 10000)

    def set_tokenizer_ready(self, ready: bool, detail: str = "") -> None:
        self.tokenizer_state.setText(
            self.tr("Word list ready") if ready else self.tr("Word list unavailable: %1")
            .replace("%1", detail))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Hanmark"),
                          f"{self.tr('Hanmark')} {QApplication.applicationVersion()}\n"
                          + self.tr("Annotate Chinese news: entities, metrics and slogans."))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.session is not None:
            self.session.project.close()
        super().closeEvent(event)


def _with_suffix(path: str) -> Path:
    p = Path(path)
    return p if p.suffix == ".hanmark" else p.with_name(p.name + ".hanmark")
