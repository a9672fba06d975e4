"""File → Merge Annotators' Files…: bring the layers back from the files `hanmark split`
made, in the background, then show what each file changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.workers.tasks import run_task
from storage.errors import ProjectError
from storage.project import Project
from storage.team.merge import merge_file

PROJECT_FILTER = "Hanmark (*.hanmark)"


def merge_files(project_path: Path, files: list[Path]) -> list[tuple[Path, object]]:
    """Each file's report, or the ProjectError that stopped it (on a worker thread, with the
    worker's own connection)."""
    out = []
    with Project.open(project_path) as project:
        for path in files:
            try:
                out.append((path, merge_file(project, path)))
            except ProjectError as error:
                out.append((path, error))
    return out


class TeamFiles(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.task = None
        window.actions.merge_files.triggered.connect(self.choose_files)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Merge Annotators' Files"), "", PROJECT_FILTER)
        if names:
            self.start([Path(n) for n in names])

    def start(self, files: list[Path]):
        project = self.window.session.project
        self.window.statusBar().showMessage(self.tr("Merging %n file(s)…", "", len(files)))
        self.task = run_task(lambda _progress: merge_files(project.path, files),
                             on_done=self.finished)
        return self.task

    def finished(self, results: list) -> None:
        self.window.session.undo_stack.clear()   # merged spans are not edits to undo
        session = self.window.session
        self.window.reload_documents()
        if session.document is not None:     # its spans may have changed: read them again
            current, session.document = session.document.id, None
            session.open_document(current)
        lines = [self._line(path, result) for path, result in results]
        failed = any(isinstance(result, ProjectError) for _, result in results)
        show = QMessageBox.warning if failed else QMessageBox.information
        show(self.window, self.tr("Merge Annotators' Files"), "\n\n".join(lines))

    def _line(self, path: Path, result) -> str:
        if isinstance(result, ProjectError):
            return self.tr("%1: not merged — %2").replace("%1", path.name).replace(
                "%2", f"{result.message}. {result.hint}")
        r = result
        text = self.tr("%1 (%2): %3 documents matched; spans added %4, changed %5, removed "
                       "%6; statuses updated %7")
        for i, value in enumerate((path.name, ", ".join(r.annotators), r.documents_matched,
                                   r.spans_added, r.spans_changed, r.spans_removed,
                                   r.statuses_updated), 1):
            text = text.replace(f"%{i}", str(value))
        if r.relations_added or r.relations_changed or r.relations_removed:
            text += self.tr("; relations added %1, changed %2, removed %3").replace(
                "%1", str(r.relations_added)).replace("%2", str(r.relations_changed)).replace(
                "%3", str(r.relations_removed))
        if r.documents_missing:
            text += self.tr("; %1 documents are not in this project").replace(
                "%1", str(len(r.documents_missing)))
        return text
