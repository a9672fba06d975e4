"""The model in the loop, in the window: trained in the background on the done
documents (again after every few more), its held-out F1 shown, its predictions
among the suggestions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from corpus.document import Status
from corpus.suggest.crf import train_with_held_out
from gui.tasks import run_task
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

    def project_changed(self) -> None:
        self.model, self.f1, self.trained_on = None, None, 0

    def status_changed(self) -> None:
        """Retrain in the background once enough more documents are done."""
        if self.model is not None and self._done_count() >= self.trained_on + RETRAIN_EVERY:
            self.start_training()

    def _done_count(self) -> int:
        return sum(1 for s in self.window.session.summaries() if s.status is Status.DONE)

    def start_training(self) -> None:
        if self.training:
            return
        self.training = True
        path, annotator = self.window.session.project.path, self.window.annotator
        folder = self.cache / "crf"
        self.window.statusBar().showMessage(self.tr("Training the model…"), 3000)
        run_task(lambda _progress: _train(path, annotator, folder),
                 on_done=self._trained, on_error=self._failed)

    def _trained(self, result) -> None:
        self.training = False
        model, f1, count = result
        if model is None:
            self.window.statusBar().showMessage(
                self.tr("The model has nothing to learn from yet: mark annotated documents "
                        "done."), 8000)
            return
        self.model, self.f1, self.trained_on = model, f1, count
        text = self.tr("Model trained on %1 done documents; held-out F1 %2.")
        score = "—" if f1 is None else f"{f1:.2f}"
        self.window.statusBar().showMessage(
            text.replace("%1", str(count)).replace("%2", score), 10000)
        self.train.setToolTip(text.replace("%1", str(count)).replace("%2", score))

    def _failed(self, error: BaseException) -> None:
        self.training = False
        self.window.statusBar().showMessage(
            self.tr("The model could not be trained: %1").replace("%1", str(error)), 8000)


def _train(path: Path, annotator: str, folder: Path):
    """On a worker thread, with its own read-only connection."""
    with Project.open(path, readonly=True) as project:
        examples = project.training_examples(annotator)
        rejections = project.rejections(annotator)
    model, f1 = train_with_held_out(examples, folder, rejections)
    return model, f1, len(examples)
