"""View → Curate: the conflicts of the open document between the annotators who cover it,
settled into the layer you edit (run as `--annotator gold` to curate gold).

The annotators' layers are drawn as lanes under the text (gui/view/curation_lanes.py),
yours stays in the text, editable; the dock lists the conflicting spans.  F8 / Shift+F8
or a click on a lane's bar make a conflicting span current, Ctrl+Alt+A or its ✓ accepts
it into your layer, Ctrl+Alt+R or its ✗ rejects it (remembered, so `hanmark adjudicate`
never brings it back); both undo, and the next conflict becomes current.  Settling the
last conflict marks the document done in your layer (in the same undo step).  The status bar counts the conflicts left."""

from __future__ import annotations

from bisect import bisect_left
from difflib import SequenceMatcher

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from corpus.document import Status
from corpus.team.adjudication import GOLD, candidates
from corpus.team.curating import Curating
from gui.commands.layers import AcceptCandidate, RejectCandidate, push_relations
from gui.window_layout import RIGHT, add_panel, show_panel
from gui.commands.spans import SetStatus
from gui.view.curation_lanes import CurationLanes
from storage.team.adjudicate import covers


class CurationTools(QListWidget):
    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.candidates: list = []
        self.layers: dict = {}          # the open document's layers, read once per document
        self.current = None             # the current candidate's key
        self.shown = None               # the key last shown in the text
        self.names: list[str] = []      # who is compared on the open document
        self.curating: Curating | None = None   # the open document's candidates, settled
        self.stretch = None             # what the last refresh settled again
        self.lanes = CurationLanes(window.view)
        self.lanes.on_choose, self.lanes.on_accept, self.lanes.on_reject = \
            self.choose, self.accept_key, self.reject_key
        window.view.add_overlay(self.lanes)
        window.view.fontSizeChanged.connect(lambda _size: self._fit())
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
        self.dock = add_panel(window, self, self.tr("Curation"), "curationDock", RIGHT,
                              visible=False)
        self.setUniformItemSizes(True)      # thousands of rows: no per-row layout
        self.itemActivated.connect(lambda item: self.go_to(self.row(item)))
        self.currentRowChanged.connect(self._row_changed)

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
        self.lanes.layer = session.annotator
        session.documentOpened.connect(lambda _d: self.refresh(reload=True))
        session.spansChanged.connect(self._spans_changed)

    def set_on(self, on: bool) -> None:
        if on:
            show_panel(self.dock)
        else:
            self.dock.hide()
        self.lanes.enabled = on
        self.refresh(reload=True)
        self.window.view.overlay_room_changed()     # the lanes' room, or none

    def _fit(self) -> None:
        self.lanes.fit(self.window.view.font())
        self.window.view.overlay_room_changed()

    def conflicts(self, changed: list[tuple[int, int]] | None = None) -> list:
        """The open candidates of the open document, in text order; settled again only
        around the ``changed`` ranges when they are given."""
        session = self.session
        if session is None or session.document is None:
            self.curating = None
            return []
        document_id = session.document.id
        # One document's statuses: this runs after every edit while curating.
        statuses = session.project.statuses(document_id)
        others = [a for a in sorted(set(self.layers) | set(statuses))
                  if a not in (session.annotator, GOLD)]
        names = covers(others, statuses, self.layers)
        rejected = session.project.rejected_candidates(document_id, session.annotator)
        self.stretch = None
        if changed is None or names != self.names or self.curating is None:
            found = candidates({a: self.layers.get(a, set()) for a in names})
            self.curating = Curating(found, len(names), self._gold_in, rejected)
            self.names = names
        else:
            self.stretch = self.curating.update(changed, rejected)
        return self.curating.open()

    def _gold_in(self, start: int, end: int) -> list:
        return [(s.start, s.end, s.label) for s in self.session.spans.overlapping(start, end)]

    def refresh(self, reload: bool = False, changed: list[tuple[int, int]] | None = None) -> None:
        if not self.toggle.isChecked():
            return
        document = self.session.document if self.session else None
        if reload:      # another document, or curation turned on: its layers and no current
            self.layers = {} if document is None else self.session.project.layer_keys(
                [document.id]).get(document.id, {})
            self.current = self.shown = self.curating = None
        new = self.conflicts(None if reload else changed)
        if reload or self.names != self.lanes.names:
            self._set_lanes()
        self._sync_list(document.text if document else "", new)
        self._keep_current()
        c = self.curating
        self.lanes.set_states(c.states if c else {}, c.holders if c else {},
                              [(k.start, k.end) for k in c.conflicts] if c else [],
                              self.current)
        self.window.statusBar().showMessage(
            self.tr("%n conflict(s) left in this document", "", len(self.candidates)), 8000)

    def _spans_changed(self, document_id: int, removed: list, added: list) -> None:
        if self.session.document is not None and document_id == self.session.document.id:
            self.refresh(changed=[(s.start, s.end) for s in removed + added])

    def _set_lanes(self) -> None:
        """One lane per compared annotator; the dock's title is their legend."""
        self.lanes.set_lanes(self.names, self.layers)
        self.window.view.overlay_room_changed()
        legend = " · ".join(f"{tag} {name}" for tag, name in zip(self.lanes.tags, self.names))
        self.dock.setWindowTitle(self.tr("Curation") + (f" — {legend}" if legend else ""))

    def _sync_list(self, text: str, new: list) -> None:
        """Change only the rows that changed (a long document lists thousands): the rows
        of the stretch settled again, else what a diff finds."""
        old, self.candidates = self.candidates, new
        if self.stretch is not None:
            lo, hi = self.stretch
            old_starts, new_starts = [c.start for c in old], [c.start for c in new]
            changes = [("replace", bisect_left(old_starts, lo), bisect_left(old_starts, hi),
                        bisect_left(new_starts, lo), bisect_left(new_starts, hi))]
        else:
            changes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        self.blockSignals(True)
        for tag, i1, i2, j1, j2 in reversed(changes):
            if tag == "equal":
                continue
            for row in range(i2 - 1, i1 - 1, -1):
                self.takeItem(row)
            for offset, c in enumerate(new[j1:j2]):
                self.insertItem(i1 + offset, QListWidgetItem(
                    f"{text[c.start:c.end]}  {c.label}  ← {', '.join(c.annotators)}"))
        self.blockSignals(False)

    def _keep_current(self) -> None:
        """The current candidate stays current; once settled, the next one is current."""
        keys = [c.key for c in self.candidates]
        row = -1
        if self.current is not None and keys:
            row = min(bisect_left(keys, self.current), len(keys) - 1)
        self.current = keys[row] if row >= 0 else None
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        self.current = self.candidates[row].key if 0 <= row < len(self.candidates) else None
        self.lanes.set_current(self.current)

    def go_to(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self.setCurrentRow(row)
            self.current = self.shown = self.candidates[row].key
            self.lanes.set_current(self.current)
            self.window.view.select_range(self.candidates[row].start, self.candidates[row].end)

    def step(self, direction: int) -> None:
        """The next (previous) conflict; after a settle, first the one that became current."""
        if not self.candidates:
            return
        row = self.currentRow()
        if row < 0 or (direction > 0 and self.current != self.shown):
            row = row if row >= 0 else (0 if direction > 0 else len(self.candidates) - 1)
            self.go_to(row)
        else:
            self.go_to((row + direction) % len(self.candidates))

    def choose(self, key) -> None:
        """A click on a lane's bar: a conflicting span becomes current; another span is
        selected in the text."""
        keys = [c.key for c in self.candidates]
        if key in keys:
            self.go_to(keys.index(key))
        else:
            self.window.view.select_range(key[0], key[1])

    def _current(self):
        row = self.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def accept_key(self, key) -> None:
        """✓ beside a conflicting span's bar."""
        self.choose(key)
        if self._current() is not None and self._current().key == key:
            self.accept_current()

    def reject_key(self, key) -> None:
        """✗ beside a conflicting span's bar."""
        self.choose(key)
        if self._current() is not None and self._current().key == key:
            self.reject_current()

    def accept_current(self) -> None:
        candidate = self._current()
        if candidate is not None:
            self._settle(AcceptCandidate(self.session, self.session.document.id, candidate))

    def reject_current(self) -> None:
        candidate = self._current()
        if candidate is not None:
            self._settle(RejectCandidate(self.session, self.session.document.id, candidate,
                                         lambda: self.refresh(changed=[candidate.key[:2]])))

    def _settle(self, command) -> None:
        """One undo step: the decision and, when it settles the document's last conflict,
        your layer's status done (as `hanmark adjudicate` marks a document with none)."""
        session = self.session
        stack, document_id = session.undo_stack, session.document.id
        stack.beginMacro(command.text())
        stack.push(command)
        if isinstance(command, AcceptCandidate):     # its relations to spans gold has
            for name in command.annotators:
                push_relations(session, name, touching=command.key)
        if not self.candidates and session.status(document_id) in (Status.TODO,
                                                                     Status.IN_PROGRESS):
            stack.push(SetStatus(session, document_id, Status.DONE))
        stack.endMacro()
        if self.currentRow() >= 0:
            self.go_to(self.currentRow())       # the next conflict, shown

