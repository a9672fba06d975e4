"""File menu work: open, create, write the sample, import and export (with progress)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from gui import errors
from gui.import_report import ImportReportDialog
from gui.progress_job import ProgressJob
from storage.errors import ProjectError
from storage.export import ExportCancelled, ExportFailed, ExportResult, export_jsonl
from storage.importer import ImportReport, import_files
from storage.project import Project
from storage.sample import build_sample

PROJECT_FILTER = "Hanmark (*.hanmark)"
IMPORT_FILTER = "*.txt *.md *.markdown *.html *.htm *.docx *.csv *.tsv *.jsonl *.json"


def with_suffix(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix == ".hanmark" else path.with_name(path.name + ".hanmark")


class ProjectFiles(QObject):
    """Owned by the main window; asks it to show a project once one is ready."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: ProgressJob | None = None
        actions = window.actions
        actions.open_project.triggered.connect(self.choose_project)
        actions.new_project.triggered.connect(self.choose_new_project)
        actions.save_sample.triggered.connect(self.choose_sample_path)
        actions.import_files.triggered.connect(self.choose_import_files)
        actions.import_folder.triggered.connect(self.choose_import_folder)
        actions.export.triggered.connect(self.choose_export_path)

    # -- projects --------------------------------------------------------------
    def open(self, path: Path) -> bool:
        """Open ``path`` in the window; on failure explain and keep the current project."""
        try:
            project = Project.open(path)
        except ProjectError as error:
            errors.show_project_error(self.window, error)
            return False
        self.window.set_project(project)
        return True

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Project"), "",
                                              PROJECT_FILTER)
        if path:
            self.open(Path(path))

    def choose_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New Project"), "",
                                              PROJECT_FILTER)
        if path:
            self.create_then_open(lambda p: Project.create(p).close(), with_suffix(path))

    def choose_sample_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save Sample Project As"),
                                              "sample.hanmark", PROJECT_FILTER)
        if path:
            self.create_then_open(build_sample, with_suffix(path))

    def create_then_open(self, create, path: Path) -> bool:
        try:
            create(path)
        except ProjectError as error:
            errors.show_project_error(self.window, error)
            return False
        return self.open(path)

    # -- import ------------------------------------------------------------------
    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import Articles"), "",
            self.tr("Articles (%1)").replace("%1", IMPORT_FILTER))
        if paths:
            self.start_import([Path(p) for p in paths])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a Folder"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> ProgressJob:
        project_path = self.window.session.project.path
        return self._start(self.tr("Import"), self.tr("Importing file %1 of %2…"),
                           lambda progress, cancel: import_files(
                               project_path, paths, progress=progress, cancel=cancel),
                           self._import_finished)

    def _import_finished(self, report: ImportReport) -> None:
        self.window.reload_documents()
        dialog = ImportReportDialog(report, self.window)
        dialog.open()
        self.window.import_report = dialog

    # -- export ------------------------------------------------------------------
    def choose_export_path(self) -> None:
        default = str(self.window.session.project.path.with_suffix(".jsonl"))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export JSONL"), default,
                                              "JSON Lines (*.jsonl)")
        if path:
            self.start_export(Path(path))

    def start_export(self, out_path: Path) -> ProgressJob:
        project_path = self.window.session.project.path
        return self._start(self.tr("Export"), self.tr("Exporting document %1 of %2…"),
                           lambda progress, cancel: export_jsonl(
                               project_path, out_path, progress=progress, cancel=cancel),
                           self._export_finished)

    def _start(self, title: str, step: str, work, on_done) -> ProgressJob:
        """Run ``work`` in a worker behind a progress dialog; errors are explained."""
        self.job = ProgressJob(self.window, title, step, work)
        self.job.finished.connect(on_done)
        self.job.failed.connect(self._job_failed)
        return self.job

    def _export_finished(self, result: ExportResult) -> None:
        text = self.tr("Exported %1 documents and %2 spans to %3")
        text = text.replace("%1", str(result.documents)).replace("%2", str(result.spans))
        self._status(text.replace("%3", str(result.path)))

    def _job_failed(self, error: BaseException) -> None:
        if isinstance(error, ExportCancelled):
            self._status(self.tr("Export cancelled; nothing written."))
        elif isinstance(error, ProjectError):
            errors.show_project_error(self.window, error)
        elif isinstance(error, ExportFailed):
            errors.show_message(self.window, self.tr("Export failed"), str(error))
        else:
            errors.show_message(self.window, self.tr("Something went wrong"),
                                f"{type(error).__name__}: {error}")

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)
