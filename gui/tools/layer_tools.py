"""View → Annotators: the other layers of the open document, each shown read-only (drawn in
its labels' colours, unlike your spans and suggestions), hidden, or copied into your layer."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.commands.layers import copy_layer


class LayerTools(QObject):
    def __init__(self, window, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.shown: set[str] = set()            # by name, kept across documents
        self.menu = menu.addMenu(self.tr("A&nnotators"))
        self.menu.aboutToShow.connect(self.rebuild)

    def set_session(self, session) -> None:
        self.session = session
        session.documentOpened.connect(lambda _document: self.redraw())

    def layers(self) -> dict[str, int]:
        """The other annotators' layers of the open document → span counts."""
        if self.session is None or self.session.document is None:
            return {}
        counts = self.session.project.layers(self.session.document.id)
        counts.pop(self.session.annotator, None)
        return counts

    def rebuild(self) -> None:
        self.menu.clear()
        layers = self.layers()
        if not layers:
            self.menu.addAction(self.tr("No other annotator marked this document")).setEnabled(
                False)
            return
        for name, count in layers.items():
            show = QAction(self.tr("Show %1 (%2 spans)").replace("%1", name)
                           .replace("%2", str(count)), self.menu)
            show.setCheckable(True)
            show.setChecked(name in self.shown)
            show.toggled.connect(lambda on, n=name: self.show_layer(n, on))
            self.menu.addAction(show)
        self.menu.addSeparator()
        for name in layers:
            copy = self.menu.addAction(self.tr("Copy %1's Spans into My Layer").replace("%1", name))
            copy.triggered.connect(lambda _=False, n=name: self.copy(n))

    def show_layer(self, name: str, on: bool) -> None:
        (self.shown.add if on else self.shown.discard)(name)
        self.redraw()

    def redraw(self) -> None:
        session = self.session
        if session is None or session.document is None:
            return
        spans = [s for name in sorted(self.shown)
                 for s in session.project.spans(session.document.id, name)
                 if name != session.annotator]
        self.window.view.highlighter.set_layer_spans(spans)

    def copy(self, name: str) -> int:
        session = self.session
        copied = copy_layer(session, session.project.spans(session.document.id, name), name)
        self.window.statusBar().showMessage(
            self.tr("Copied %1 of %2's spans into your layer").replace("%1", str(copied))
            .replace("%2", name), 5000)
        return copied
