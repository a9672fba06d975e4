"""Project → Labels…: the label scheme in one dialog.  Add, edit (rename, both display
texts, kind, hotkey, description), recolour, reorder, merge a label into another and
delete one.  A change that touches spans first says how many spans, suggestions, curation
rejections and relations it changes; each change is one step on the window's undo stack
(gui/commands/scheme.py), which the dialog's Undo and Redo also work."""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from corpus.labels import Label
from gui import errors
from gui.commands import scheme as commands
from gui.dialogs.label_form import LabelForm
from gui.dialogs.label_table import LabelTableModel
from gui.i18n import titled
from storage.scheme import scheme_changes as sc
from storage.errors import ProjectError

_BUTTONS = ("add", "edit", "colour", "up", "down", "merge", "delete", "undo", "redo", "close")
_CHANGES = _BUTTONS[:7]


class LabelSchemeDialog(QDialog):
    def __init__(self, window, refresh) -> None:
        super().__init__(window)
        self.setObjectName("labelSchemeDialog")
        self.setWindowTitle(self.tr("Labels"))
        self.window_, self.refresh = window, refresh
        self.model = LabelTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("labelTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.model.moveRequested.connect(self.reorder)
        self.note = QLabel(self)
        self.buttons = {key: QPushButton(self._button_text(key), self) for key in _BUTTONS}
        self._layout()
        self._connect()
        self.stack.indexChanged.connect(self._stack_changed)
        self.reload()
        self.resize(820, 420)

    @property
    def session(self):
        return self.window_.session

    @property
    def stack(self):
        return self.session.undo_stack

    def _button_text(self, key: str) -> str:
        texts = {"add": self.tr("Add…"), "edit": self.tr("Edit…"), "colour": self.tr("Colour…"),
                 "up": self.tr("Move Up"), "down": self.tr("Move Down"),
                 "merge": self.tr("Merge Into…"), "delete": self.tr("Delete…"),
                 "undo": self.tr("Undo"), "redo": self.tr("Redo"), "close": self.tr("Close")}
        return texts[key]

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        grid = QGridLayout()
        for i, key in enumerate(_BUTTONS):
            self.buttons[key].setObjectName(f"{key}Label" if key in _CHANGES else key)
            grid.addWidget(self.buttons[key], i // 5, i % 5)
        layout.addLayout(grid)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.DESCRIPTION, QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        b = self.buttons
        for key, slot in (("add", self.add), ("edit", self.edit), ("colour", self.recolour),
                          ("up", lambda: self.move(-1)), ("down", lambda: self.move(1)),
                          ("merge", self.merge), ("delete", self.delete),
                          ("undo", self.stack.undo), ("redo", self.stack.redo),
                          ("close", self.accept)):
            b[key].clicked.connect(slot)

    def _stack_changed(self, _index: int) -> None:
        if self.isVisible() and _is_open(self.session.project):  # not a window closing
            self.reload()

    def done(self, result: int) -> None:
        self.stack.indexChanged.disconnect(self._stack_changed)
        super().done(result)

    def reload(self) -> None:
        chosen = self.current()          # kept by id: a rename or its undo keeps the row
        self.model.load(self.session.project)
        row = self.model.row_of(chosen.id) if chosen is not None else None
        if row is not None or self.model.rows:
            self.table.selectRow(row or 0)
        readonly = self.session.project.readonly
        for key in _CHANGES:
            self.buttons[key].setEnabled(not readonly)
        self.buttons["undo"].setEnabled(self.stack.canUndo())
        self.buttons["redo"].setEnabled(self.stack.canRedo())
        self.note.setText(self.tr("This project is open read-only: the scheme cannot change.")
                          if readonly else "")

    def select(self, name: str) -> None:
        for i, row in enumerate(self.model.rows):
            if row.label.name == name:
                self.table.selectRow(i)

    def current(self) -> Label | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()].label if rows else None

    # -- the changes ---------------------------------------------------------------
    def add(self) -> None:
        form = LabelForm(self.session.scheme, None, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        values = form.values()
        if self._push(commands.add_text(values["name"]),
                      lambda p: sc.add_label(p, sc.new_label(**values))):
            self.select(values["name"])

    def edit(self) -> None:
        label = self.current()
        if label is None:
            return
        form = LabelForm(self.session.scheme, label, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        values = form.values()
        changes = {k: v for k, v in values.items() if v != _field(label, k)}
        if not changes:
            return
        if ("name" in changes or "kind" in changes) and not self._confirm_edit(label, changes):
            return
        if self._push(commands.edit_text(label.name, values["name"]),
                      lambda p: sc.edit_label(p, label.name, **changes)):
            self.select(values["name"])

    def recolour(self) -> None:
        label = self.current()
        if label is None:
            return
        colour = QColorDialog.getColor(QColor(label.color), self, self.tr("Label Colour"))
        if colour.isValid() and colour.name() != label.color:
            self._push(commands.edit_text(label.name, label.name),
                       lambda p: sc.edit_label(p, label.name, color=colour.name()))

    def move(self, step: int) -> None:
        label = self.current()
        names = [row.label.name for row in self.model.rows]
        if label is None or not 0 <= names.index(label.name) + step < len(names):
            return
        i = names.index(label.name)
        names[i], names[i + step] = names[i + step], names[i]
        self.reorder(names)

    def reorder(self, names: list[str]) -> None:
        """Up, Down or a row dragged elsewhere."""
        self._push(commands.reorder_text(), lambda p: sc.reorder_labels(p, names))

    def merge(self) -> None:
        label = self.current()
        others = [row.label for row in self.model.rows if label and row.label.name != label.name]
        if label is None or not others:
            return
        items = [titled(o) for o in others]
        item, ok = QInputDialog.getItem(self, self.tr("Merge Label"),
                                        self.tr("Merge %1 into:").replace("%1", label.name),
                                        items, 0, False)
        if not ok:
            return
        target = others[items.index(item)]
        impact = sc.merge_impact(self.session.project, label.name, target.name)
        text = self.tr("Merge %1 into %2? %3").replace("%1", label.name).replace(
            "%2", target.name).replace("%3", self._counts(impact))
        if impact.duplicates:
            text += " " + self.tr("%1 of the spans equal a %2 span of the same annotator and "
                                  "are removed.").replace("%1", str(impact.duplicates)).replace(
                                      "%2", target.name)
        if target.kind != label.kind:
            text += " " + self.tr("The two labels are of different kinds.")
        if ask(self, self.tr("Merge Label"), text):
            self._push(commands.merge_text(label.name, target.name),
                       lambda p: sc.merge_labels(p, label.name, target.name, force=True))

    def delete(self) -> None:
        label = self.current()
        if label is None:
            return
        impact = sc.impact(self.session.project, label.name)
        text = self.tr("Delete the label %1? %2").replace("%1", label.name).replace(
            "%2", self._counts(impact) if impact.any else self.tr("No span has it."))
        if ask(self, self.tr("Delete Label"), text):
            self._push(commands.delete_text(label.name),
                       lambda p: sc.delete_label(p, label.name, force=True))

    # -- helpers ---------------------------------------------------------------------
    def _confirm_edit(self, label: Label, changes: dict) -> bool:
        impact = sc.impact(self.session.project, label.name)
        if not impact.any:
            return True
        text = self.tr("Change the label %1? %2").replace("%1", label.name).replace(
            "%2", self._counts(impact))
        return ask(self, self.tr("Edit Label"), text)

    def _counts(self, impact: sc.Impact) -> str:
        return (self.tr("This changes %1 spans, %2 suggestions, %3 curation rejections and "
                        "%4 relations.")
                .replace("%1", str(impact.spans)).replace("%2", str(impact.suggestions))
                .replace("%3", str(impact.rejections)).replace("%4", str(impact.relations)))

    def _push(self, text: str, apply) -> bool:
        command = commands.SchemeChange(self.session, text, apply, self.refresh)
        self.stack.push(command)
        if isinstance(command.error, ProjectError):
            errors.show_project_error(self, command.error)
        elif command.error is not None:
            errors.show_message(self, self.tr("Labels"), str(command.error))
        return command.error is None


def _is_open(project) -> bool:
    try:
        project.db.conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:    # the window closed the project under the dialog
        return False
    return True


def _field(label: Label, name: str):
    value = getattr(label, name)
    return value.value if name == "kind" else value


def ask(parent, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("schemeQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
