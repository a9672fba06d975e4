"""File menu work: open, create, write the sample, import and export (with progress)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from corpus.preparing import ImportOptions
from corpus.text.tokenizer import Tokenizer
from gui import errors, project_lock
from gui.dialogs import read_only
from gui.dialogs.export import ExportDialog
from gui.dialogs.import_options import ImportChoices, ImportOptionsDialog
from gui.dialogs.import_report import ImportReportDialog
from gui.workers.progress_job import ProgressJob
from storage.interchange.annotated_import import AnnotatedOptions
from storage.errors import ProjectError
from storage.interchange.export import (
    ExportCancelled,
    ExportFailed,
    ExportOptions,
    ExportResult,
    export,
)
from storage.interchange.import_inputs import import_paths
from storage.interchange.importer import ImportReport
from storage.project import Project
from storage.sample import build_sample

PROJECT_FILTER = "Hanmark (*.hanmark)"
IMPORT_FILTER = ("*.txt *.md *.markdown *.html *.htm *.docx *.csv *.tsv *.jsonl *.json "
                 "*.conll *.spacy *.ann")


def with_suffix(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix == ".hanmark" else path.with_name(path.name + ".hanmark")


class ProjectFiles(QObject):
    """Owned by the main window; asks it to show a project once one is ready."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: ProgressJob | None = None
        self.export_dialog: ExportDialog | None = None
        self._tokenizer: Tokenizer | None = None
        actions = window.actions
        actions.open_project.triggered.connect(self.choose_project)
        actions.new_project.triggered.connect(self.choose_new_project)
        actions.save_sample.triggered.connect(self.choose_sample_path)
        actions.import_files.triggered.connect(self.choose_import_files)
        actions.import_folder.triggered.connect(self.choose_import_folder)
        actions.import_options.triggered.connect(self.choose_import_with_options)
        actions.export.triggered.connect(self.choose_export_path)

    # -- projects --------------------------------------------------------------
    def open(self, path: Path) -> bool:
        """Open ``path`` in the window; on failure explain and keep the current project.
        A project another Hanmark window has open is opened only if the user says so."""
        held = self.window.project_lock
        same = held is not None and held.project == Path(path).resolve()
        lock = held if same else project_lock.claim(self.window, Path(path))
        if lock is None:
            return False
        try:
            project = read_only.open_project(self.window, Path(path))
        except ProjectError as error:
            if not same:
                lock.release()
            errors.show_project_error(self.window, error)
            return False
        assigned = project.info().get("annotator")   # a file made by `hanmark split`
        if assigned:
            self.window.annotator = assigned
        self.window.set_project(project)
        self.window.hold_lock(lock)
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

    def choose_import_with_options(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import Articles"))
        if not paths:
            return
        dialog = ImportOptionsDialog(self.window)
        if dialog.exec():
            self.start_import([Path(p) for p in paths], dialog.choices())

    def start_import(self, paths: list[Path],
                     choices: ImportChoices | None = None) -> ProgressJob:
        """Articles are cleaned; annotated files (detected) come with their spans."""
        project_path = self.window.session.project.path
        choices = choices or ImportChoices(ImportOptions())
        annotated = AnnotatedOptions(annotator=self.window.session.annotator,
                                     offsets=choices.offsets,
                                     keep_duplicates=choices.keep_duplicates)
        return self._start(self.tr("Import"), self.tr("Importing file %1 of %2…"),
                           lambda progress, cancel: import_paths(
                               project_path, paths, choices.options, annotated,
                               format=choices.format, progress=progress, cancel=cancel),
                           self._import_finished)

    def _import_finished(self, report: ImportReport) -> None:
        self.window.reload_documents()
        dialog = ImportReportDialog(report, self.window)
        dialog.open()
        self.window.import_report = dialog

    # -- export ------------------------------------------------------------------
    def choose_export_path(self) -> None:
        """File → Export: the export dialog, then the export in a worker."""
        project = self.window.session.project
        dialog = ExportDialog(project.scheme(), project.path.with_suffix(".jsonl"), self.window,
                              tokens=self._word_tokens)
        self.export_dialog = dialog
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.start_export(dialog.output_path(), dialog.options())

    def _word_tokens(self, text: str) -> list[tuple[int, int]]:
        """jieba tokens for word-level BIO, from an engine of the export's own."""
        if self._tokenizer is None:
            cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
            self._tokenizer = Tokenizer(Path(cache) / "jieba")
        return self._tokenizer.tokens(text)

    def start_export(self, out_path: Path, options: ExportOptions | None = None) -> ProgressJob:
        project_path = self.window.session.project.path
        return self._start(self.tr("Export"), self.tr("Exporting document %1 of %2…"),
                           lambda progress, cancel: export(
                               project_path, out_path, options or ExportOptions(),
                               progress=progress, cancel=cancel),
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
        text = text.replace("%3", str(result.files[0] if len(result.files) == 1 else result.path))
        if result.conflict_count:
            text += " " + self.tr("(%1 overlapping spans left out)").replace(
                "%1", str(result.conflict_count))
        self._status(text)

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
