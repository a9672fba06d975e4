"""The model in the loop, in the window: trained in the background on the done
documents (again after every few more), its held-out F1 shown, its predictions
among the suggestions.  The trained model is kept in the project, so it is there,
without training, when the project opens again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from corpus.suggest.crf import CrfModel, train_with_held_out
from corpus.suggest.learning_curve import learning_curve, split
from gui.dialogs.model_dialog import MIN_DOCUMENTS, ModelDialog
from gui.workers.tasks import run_task
from storage.errors import ProjectError
from storage.project import Project

RETRAIN_EVERY = 5  # more documents done since the last training


class ModelTools(QObject):
    def __init__(self, window, cache: Path) -> None:
        super().__init__(window)
        self.window, self.cache = window, cache
        self.model = None
        self.f1: float | None = None
        self.trained_on = 0
        self.training = False
        self.train = QAction(self.tr("&Train the Model on Done Documents"), window)
        self.train.setShortcut(QKeySequence("Ctrl+Shift+T"))
        window.addAction(self.train)
        window.suggestion_tools.menu.addSeparator()
        window.suggestion_tools.menu.addAction(self.train)
        self.train.triggered.connect(self.start_training)
        self.show_model = QAction(self.tr("&Model…"), window)
        self.show_model.setObjectName("modelDialogAction")
        window.suggestion_tools.menu.addAction(self.show_model)
        self.show_model.triggered.connect(self.open_dialog)
        self.dialog = None
        self.summary = ""

    def project_changed(self) -> None:
        """Use the model the project keeps, if it has one."""
        self.model, self.f1, self.trained_on = None, None, 0
        self.train.setToolTip("")
        self.summary = ""
        stored = self.window.session.project.stored_model()
        if stored is not None:
            self._use(CrfModel(data=stored.data), stored.held_out_f1, stored.documents)

    def _use(self, model: CrfModel, f1: float | None, count: int) -> str:
        self.model, self.f1, self.trained_on = model, f1, count
        text = self.tr("Model trained on %1 done documents; held-out F1 %2.")
        text = text.replace("%1", str(count)).replace("%2", "—" if f1 is None else f"{f1:.2f}")
        self.train.setToolTip(text)
        self.summary = text
        return text

    def status_changed(self) -> None:
        """Retrain in the background once enough more documents are done."""
        if self.model is not None and self._done_count() >= self.trained_on + RETRAIN_EVERY:
            self.start_training()

    def _done_count(self) -> int:
        session = self.window.session   # asked on every Ctrl+Enter: one count in SQL
        return session.project.done_count(session.annotator)

    def start_training(self) -> None:
        if self.training:
            return
        self.training = True
        project, annotator = self.window.session.project, self.window.annotator
        folder = self.cache / "crf"
        self.window.statusBar().showMessage(self.tr("Training the model…"), 3000)
        run_task(lambda _progress: _train(project.path, annotator, folder),
                 on_done=lambda result: self._trained(project, annotator, result),
                 on_error=self._failed)

    def _trained(self, project: Project, annotator: str, result) -> None:
        self.training = False
        model, f1, count, training_data = result
        if project is not self.window.session.project:
            return  # the window moved on to another project
        if model is None:
            self.window.statusBar().showMessage(
                self.tr("The model has nothing to learn from yet: mark annotated documents "
                        "done."), 8000)
            return
        text = self._use(model, f1, count)
        try:
            project.store_model(model.data, documents=count, held_out_f1=f1,
                                training_data=training_data, annotator=annotator)
        except ProjectError as error:
            text = self.tr("The model could not be kept in the project: %1").replace(
                "%1", str(error))
        self.window.statusBar().showMessage(text, 10000)

    def _failed(self, error: BaseException) -> None:
        self.training = False
        self.window.statusBar().showMessage(
            self.tr("The model could not be trained: %1").replace("%1", str(error)), 8000)


    def open_dialog(self) -> ModelDialog:
        summary = self.summary or self.tr("No model trained yet (Ctrl+Shift+T).")
        colours = {label.name: label.color for label in self.window.session.scheme}
        self.dialog = ModelDialog(self.window, summary, colours, self.compute_curve)
        self.dialog.show()
        return self.dialog

    def compute_curve(self, on_done, on_progress, on_error) -> bool:
        """The learning curve of the project's done documents, in the background; False
        when there are too few of them."""
        project, annotator = self.window.session.project, self.window.annotator
        if project.done_count(annotator) < MIN_DOCUMENTS:
            return False
        run_task(lambda progress: _curve(project.path, annotator, progress),
                 on_done=on_done, on_error=on_error, on_progress=on_progress)
        return True


def _curve(path: Path, annotator: str, progress):
    """On a worker thread, with its own read-only connection."""
    with Project.open(path, readonly=True) as project:
        examples = [e for e in project.training_examples(annotator) if e[1]]
    pool, held = split(examples)
    if len(pool) < 2 or not held:
        return [], len(pool), len(held)
    return learning_curve(pool, held, repeats=2, progress=progress), len(pool), len(held)


def _train(path: Path, annotator: str, folder: Path):
    """On a worker thread, with its own read-only connection."""
    with Project.open(path, readonly=True) as project:
        examples = project.training_examples(annotator)
        rejections = project.rejections(annotator)
        training_data = project.training_data(annotator)
    model, f1 = train_with_held_out(examples, folder, rejections)
    return model, f1, len(examples), training_data
