"""The main window: assembles the panels and routes user intents to the session.
It delegates; the work lives in the session, the commands and the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMainWindow, QMessageBox

from corpus.document import Document, Status
from corpus.span import Span
from gui import errors, window_layout, window_tools
from gui.actions import Actions, label_actions
from gui.dialogs import read_only
from gui.dialogs.agreement import open_agreement
from gui.panels.document_filter import DocumentPanel
from gui.panels.document_info import DocumentInfo
from gui.panels.document_list import DocumentList
from gui.panels.label_bar import LabelBar
from gui.panels.span_list import SpanList
from gui.panels.status_area import StatusArea
from gui.project_lock import ProjectLock
from gui.session import AnnotationSession
from gui.view.document_view import DocumentView
from gui.view_actions import ViewActions
from gui.workers.token_service import TokenService
from storage.errors import ProjectError
from storage.project import Project


class MainWindow(QMainWindow):
    annotatorChanged = Signal(str)
    fontSizeChanged = Signal(int)

    def __init__(self, project: Project, annotator: str, point_size: int = 0,
                 state_file: Path | None = None, tokens: TokenService | None = None,
                 model_cache: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.annotator = annotator
        self.state_file = state_file
        self.tokens = tokens
        self.last_label: str | None = None
        self.session: AnnotationSession | None = None
        self.project_lock: ProjectLock | None = None   # held while the project is shown
        self.view = DocumentView(self, point_size)
        self.label_bar = LabelBar(self)
        self.document_list = DocumentList(self)
        self.document_panel = DocumentPanel(self.document_list)   # search, filter, sort
        self.span_list = SpanList(self)
        self.document_info = DocumentInfo(self)
        self.tokenizer_state = QLabel(self.tr("Loading the word list…"))
        self._layout()
        self.actions = Actions(self)
        self.labels_menu = self.actions.build_menus()
        self.view_actions = ViewActions(self)
        self.view_actions.build_menu()
        self.view_actions.menu.addMenu(window_layout.panels_menu(self))   # show/hide panels
        window_tools.install_view_tools(self)
        self._connect_actions()
        window_tools.install_tools(self, model_cache, state_file)
        self._shown_selection: Span | None = None  # the span drawn as selected
        self.view.spanClicked.connect(lambda span_id: self.session.select_span(span_id))
        self.span_list.spanChosen.connect(self._span_chosen)
        self.document_list.documentChosen.connect(lambda i: self.session.open_document(i))
        self.setAcceptDrops(True)
        for widget in (self.view, self.view.viewport(), self.document_list, self.span_list):
            widget.setAcceptDrops(False)  # drops reach the window, which imports them
        self.resize(1280, 800)
        self.set_project(project)
        window_layout.restore_state(self, self.state_file)

    # -- layout ----------------------------------------------------------------
    def _layout(self) -> None:
        self.setCentralWidget(self.view)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_bar)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        window_layout.dock_panels(self, [
            (self.document_panel, self.tr("Documents"), left, "documentsDock"),
            (self.span_list, self.tr("Spans"), right, "spansDock"),
            (self.document_info, self.tr("Document"), right, "documentInfoDock"),
        ])
        self.statusBar().addPermanentWidget(self.tokenizer_state)
        self.status_area = StatusArea(self)

    def _connect_actions(self) -> None:
        a = self.actions
        a.quit.triggered.connect(self.close)
        a.annotator.triggered.connect(self.choose_annotator)
        a.undo.triggered.connect(lambda: self.session.undo_stack.undo())
        a.redo.triggered.connect(lambda: self.session.undo_stack.redo())
        a.delete_span.triggered.connect(self.delete_or_reject)
        a.done_next.triggered.connect(self.mark_done_and_next)
        a.skip.triggered.connect(lambda: self._set_status_and_next(Status.SKIPPED))
        a.next_document.triggered.connect(lambda: self._step_document(1))
        a.previous_document.triggered.connect(lambda: self._step_document(-1))
        a.about.triggered.connect(self.about)
        a.agreement.triggered.connect(lambda: open_agreement(self))

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
        session.message.connect(self._show_message)
        window_tools.set_session(self, session)
        self.model_tools.project_changed()
        session.statusChanged.connect(lambda _document: self.model_tools.status_changed())
        if self.tokens is not None:
            self.tokens.set_project(project)
        session.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        session.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self._undo_text_changed("")
        self._redo_text_changed("")
        self._install_labels()
        self.view.set_scheme(session.scheme)
        self.span_list.model_.set_scheme(session.scheme)
        self.document_panel.reload(session)
        self.status_area.watch(session)
        title = self.tr("Hanmark")
        suffix = f" {read_only.ReadOnlyTexts().title_suffix()}" if project.readonly else ""
        self.setWindowTitle(f"{title} — {project.path.name}{suffix}")
        if old is not None:
            if old.project is not project:
                old.project.close()
            old.deleteLater()
        first = session.next_document(not_done=True) or session.next_document(not_done=False)
        if first is not None:
            session.open_document(first)
        else:
            self.view.show_empty(self.tr("This project has no documents yet. Import articles "
                                         "with File → Import (Ctrl+I), or drop files here."))
            self.span_list.show_rows([])

    def _undo_text_changed(self, command: str) -> None:
        text = self.tr("&Undo %1").replace("%1", command) if command else self.tr("&Undo")
        self.actions.undo.setText(text)
        self.actions.undo.setEnabled(bool(command))

    def _redo_text_changed(self, command: str) -> None:
        text = self.tr("&Redo %1").replace("%1", command) if command else self.tr("&Redo")
        self.actions.redo.setText(text)
        self.actions.redo.setEnabled(bool(command))

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def set_annotator(self, name: str) -> None:
        """Work as another annotator: statuses are theirs; the undo history starts afresh."""
        name = name.strip()
        if name and name != self.annotator:
            self.annotator = name
            self.set_project(self.session.project)
            self.annotatorChanged.emit(name)
            self.statusBar().showMessage(self.tr("Annotator: %1").replace("%1", name), 5000)

    def choose_annotator(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Annotator Name"),
                                        self.tr("Your name, recorded on your spans and statuses:"),
                                        text=self.annotator)
        if ok:
            self.set_annotator(name)

    def reload_documents(self) -> None:
        """Re-read the document list (after an import); the current document stays open."""
        self.document_panel.reload(self.session)
        if self.session.document is not None:
            self.document_list.show_current(self.session.document.id)
        elif self.document_list.model_.rows:
            self.session.open_document(self.document_list.model_.rows[0].id)

    # -- drag and drop: files dropped on the window are imported ---------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.start_import(paths)

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
        self.reserved_keys.check(self.session.project.path, self.session.scheme)

    def label_actions(self) -> dict:
        return dict(self._label_actions)

    def open_project_file(self, path: Path) -> bool:
        return self.files.open(path)

    def start_export(self, out_path: Path):
        return self.files.start_export(out_path)

    # -- user intents ------------------------------------------------------------
    def apply_label(self, name: str) -> None:
        self.last_label = name
        self.session.apply_label(name, self.view.selection())

    def delete_or_reject(self) -> None:
        """Delete rejects the current suggestion if there is one, else deletes the span."""
        if not self.suggestion_tools.reject_current() \
                and not self.relation_tools.delete_selected():
            self.session.delete_selected()

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
        self._shown_selection = None
        self.tools.document_opened(document)
        self.view.show_document(document, self.session.spans)
        self.suggestion_tools.document_opened()  # mapped through the new text's offsets
        self.document_info.show_document(document)
        self.span_list.show_rows(self.session.spans.list())
        self.document_list.show_current(document.id)
        self.actions.delete_span.setEnabled(False)

    def _spans_changed(self, document_id: int, removed: list[Span], added: list[Span]) -> None:
        if self.session.document is not None and self.session.document.id == document_id:
            self.view.update_spans(removed, added)
            self.span_list.follow(removed, added)
        self._status_changed(document_id)

    def _status_changed(self, document_id: int) -> None:
        self.document_list.model_.update_row(self.session.summary(document_id))

    def _selected_changed(self, span: Span | None) -> None:
        previous, self._shown_selection = self._shown_selection, span
        self.view.select_span(span, previous)
        self.span_list.follow_selection(span)
        self.actions.delete_span.setEnabled(span is not None or self.suggestion_tools.has_current())

    def _edit_failed(self, error: Exception) -> None:
        if read_only.is_refused_edit(self.session and self.session.project, error):
            self.statusBar().showMessage(read_only.ReadOnlyTexts().refused(), 8000)
        elif isinstance(error, ProjectError):
            errors.show_project_error(self, error)
        else:
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(error)), 8000)

    def set_tokenizer_ready(self, ready: bool, detail: str = "") -> None:
        self.tokenizer_state.setText(
            self.tr("Word list ready") if ready else self.tr("Word list unavailable: %1")
            .replace("%1", detail))

    def about(self) -> None:
        title = self.tr("Hanmark")
        QMessageBox.about(self, self.tr("About Hanmark"),
                          f"{title} {QApplication.applicationVersion()}\n"
                          + self.tr("Annotate Chinese news: entities, metrics and slogans."))

    def hold_lock(self, lock: ProjectLock | None) -> None:
        """Keep ``lock`` (the shown project's) and let go of the previous project's."""
        if self.project_lock is not None and self.project_lock is not lock:
            self.project_lock.release()
        self.project_lock = lock

    def closeEvent(self, event) -> None:  # noqa: N802
        window_layout.save_state(self, self.state_file)
        if self.tokens is not None:
            self.tokens.project = None  # late results are not stored into a closed project
        if self.session is not None:
            self.session.project.close()
        self.hold_lock(None)
        super().closeEvent(event)

