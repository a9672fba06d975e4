"""View → Curate: the conflicts of the open document between the annotators who cover it,
settled into the layer you edit (run as `--annotator gold` to curate gold).

The annotators' layers are shown read-only beside yours (View → Annotators' drawing);
F8 / Shift+F8 go to the next / previous conflicting span, Ctrl+Alt+A accepts it into your
layer, Ctrl+Alt+R rejects it (remembered, so `hanmark adjudicate` never brings it back);
both undo.  The status bar counts the conflicts left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem

from corpus.team.adjudication import GOLD, adjudicate
from gui.commands.layers import AcceptCandidate, RejectCandidate
from storage.team.adjudicate import covers


class CurationTools(QListWidget):
    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.candidates: list = []
        self.toggle = self._action(menu, self.tr("&Curate"), "Ctrl+Shift+U", None)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.set_on)
        self.next = self._action(menu, self.tr("Next Conflict"), "F8", lambda: self.step(1))
        self.previous = self._action(menu, self.tr("Previous Conflict"), "Shift+F8",
                                     lambda: self.step(-1))
        self.accept = self._action(menu, self.tr("Accept Conflicting Span"), "Ctrl+Alt+A",
                                   self.accept_current)
        self.reject = self._action(menu, self.tr("Reject Conflicting Span"), "Ctrl+Alt+R",
                                   self.reject_current)
        self.dock = QDockWidget(self.tr("Curation"), window)
        self.dock.setObjectName("curationDock")
        self.dock.setWidget(self)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.itemActivated.connect(lambda item: self.go_to(self.row(item)))

    def _action(self, menu, text: str, key: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def set_session(self, session) -> None:
        self.session = session
        session.documentOpened.connect(lambda _d: self.refresh())
        session.spansChanged.connect(lambda *_: self.refresh())

    def set_on(self, on: bool) -> None:
        self.dock.setVisible(on)
        self.refresh()

    def conflicts(self) -> list:
        """The open candidates of the open document, in text order."""
        session = self.session
        if session is None or session.document is None:
            return []
        document_id = session.document.id
        # One document's layers and statuses: this runs after every edit while curating.
        layers = session.project.layer_keys([document_id]).get(document_id, {})
        statuses = session.project.statuses(document_id)
        others = [a for a in sorted(set(layers) | set(statuses))
                  if a not in (session.annotator, GOLD)]
        names = covers(others, statuses, layers)
        outcome = adjudicate({a: layers.get(a, set()) for a in names},
                             gold={(s.start, s.end, s.label) for s in session.spans},
                             rejected=session.project.rejected_candidates(document_id,
                                                                          session.annotator))
        self._show_layers(names)
        return [c for conflict in outcome.conflicts for c in conflict.candidates]

    def _show_layers(self, names: list[str]) -> None:
        tools = self.window.layer_tools
        if self.toggle.isChecked() and not set(names) <= tools.shown:
            tools.shown |= set(names)
            tools.redraw()

    def refresh(self) -> None:
        if not self.toggle.isChecked():
            return
        text = self.session.document.text if self.session.document else ""
        self.candidates = self.conflicts()
        self.clear()
        for c in self.candidates:
            QListWidgetItem(f"{text[c.start:c.end]}  {c.label}  ← {', '.join(c.annotators)}",
                            self)
        self.window.statusBar().showMessage(
            self.tr("%n conflict(s) left in this document", "", len(self.candidates)), 8000)

    def go_to(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self.setCurrentRow(row)
            self.window.view.select_range(self.candidates[row].start, self.candidates[row].end)

    def step(self, direction: int) -> None:
        if self.candidates:
            self.go_to((self.currentRow() + direction) % len(self.candidates))

    def _current(self):
        row = self.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def accept_current(self) -> None:
        candidate = self._current()
        if candidate is not None:
            self.session.push(AcceptCandidate(self.session, self.session.document.id, candidate))

    def reject_current(self) -> None:
        candidate = self._current()
        if candidate is not None:
            self.session.push(RejectCandidate(self.session, self.session.document.id, candidate,
                                              self.refresh))
