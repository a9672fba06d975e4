"""Suggestions → Settings: each suggester on or off for the project, dates as metrics,
and adding the selected span to the project's gazetteer or slogan dictionary."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from corpus.suggest.settings import GAZETTEER


class SuggestSettingsMenu(QObject):
    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window = window
        sub = menu.addMenu(self.tr("Se&ttings"))
        self.switches: dict[str, QAction] = {}
        for name, text in (("metrics", self.tr("Metrics")), ("slogans", self.tr("Slogans")),
                           ("entities", self.tr("Entities")),
                           (GAZETTEER, self.tr("Gazetteer"))):
            action = sub.addAction(text)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=name: self._switch(n, on))
            self.switches[name] = action
        sub.addSeparator()
        self.dates = sub.addAction(self.tr("Count Dates as Metrics"))
        self.dates.setCheckable(True)
        self.dates.toggled.connect(self._dates)
        sub.addSeparator()
        self.to_gazetteer = sub.addAction(self.tr("Add the Selected Span to the Gazetteer"))
        self.to_slogans = sub.addAction(self.tr("Add the Selected Span to the Slogan Dictionary"))
        self.edit_gazetteer = sub.addAction(self.tr("&Gazetteer…"))
        self.edit_gazetteer.triggered.connect(self.show_gazetteer)
        self.to_gazetteer.triggered.connect(lambda: self._add(gazetteer=True))
        self.to_slogans.triggered.connect(lambda: self._add(gazetteer=False))

    def show_settings(self) -> None:
        """Reflect the open project's settings (without writing them back)."""
        settings = self.window.session.project.suggest_settings()
        for name, action in self.switches.items():
            action.blockSignals(True)
            action.setChecked(name in settings.enabled)
            action.blockSignals(False)
        self.dates.blockSignals(True)
        self.dates.setChecked(settings.dates_are_metrics)
        self.dates.blockSignals(False)

    def show_gazetteer(self):
        from gui.dialogs.gazetteer_dialog import GazetteerDialog

        dialog = GazetteerDialog(self.window)
        dialog.show()
        return dialog

    def _change(self, change) -> None:
        project = self.window.session.project
        settings = project.suggest_settings()
        change(settings)
        project.set_suggest_settings(settings)

    def _switch(self, name: str, on: bool) -> None:
        def change(settings) -> None:
            settings.enabled = [n for n in settings.enabled if n != name] + ([name] if on else [])

        self._change(change)

    def _dates(self, on: bool) -> None:
        self._change(lambda settings: setattr(settings, "dates_are_metrics", on))

    def _add(self, gazetteer: bool) -> None:
        span = self.window.session.selected
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select a span first."), 5000)
            return

        def change(settings) -> None:
            if gazetteer:
                settings.gazetteer[span.text] = span.label
            elif span.text not in settings.slogans:
                settings.slogans.append(span.text)

        self._change(change)
        self.window.statusBar().showMessage(
            self.tr("“%1” will be suggested wherever it occurs.").replace("%1", span.text), 5000)
