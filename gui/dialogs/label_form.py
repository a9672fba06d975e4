"""One label's fields, to add a label or edit one: name, display text in Chinese and in
English, kind, colour (QColorDialog), hotkey and description.  It checks what it can
before closing (a name taken, a hotkey taken, a name the scheme cannot hold) and says so
in the form; the storage checks again."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from corpus import hotkeys
from corpus.labels import Label, LabelScheme
from gui import reserved_keys
from gui.panels.label_bar import swatch
from storage.scheme.scheme_changes import KINDS

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,31}$")
DEFAULT_COLOUR = "#888888"
translate = QCoreApplication.translate


class LabelForm(QDialog):
    def __init__(self, scheme: LabelScheme, label: Label | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelForm")
        self.scheme, self.original = scheme, label
        self.setWindowTitle(self.tr("Edit Label") if label else self.tr("Add Label"))
        self.name = self._line("name", label.name if label else "")
        self.display = self._line("display", label.display if label else "")
        self.display_en = self._line("displayEn", label.display_en if label else "")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        if label is not None:
            self.kind.setCurrentIndex(KINDS.index(label.kind.value))
        self.color = label.color if label else DEFAULT_COLOUR
        self.color_button = QPushButton(self.tr("Choose…"), self)
        self.color_button.setObjectName("colour")
        self.color_button.clicked.connect(self.choose_colour)
        self.hotkey = self._line("hotkey", label.hotkey if label else "")
        self.hotkey.setMaxLength(1)
        self.description = self._line("description", label.description if label else "")
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self._layout()
        self._show_colour()
        self.setMinimumWidth(460)

    def _line(self, name: str, text: str) -> QLineEdit:
        line = QLineEdit(text, self)
        line.setObjectName(name)
        return line

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Name (letters, digits, _ or -):"), self.name)
        form.addRow(self.tr("Display text (Chinese):"), self.display)
        form.addRow(self.tr("Display text (English):"), self.display_en)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Colour:"), self.color_button)
        form.addRow(self.tr("Hotkey (one key):"), self.hotkey)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.color), self, self.tr("Label Colour"))
        if colour.isValid():
            self.color = colour.name()
            self._show_colour()

    def _show_colour(self) -> None:
        self.color_button.setIcon(swatch(self.color))
        self.color_button.setText(self.color)

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "display": self.display.text().strip(),
                "display_en": self.display_en.text().strip(),
                "kind": self.kind.currentData(), "color": self.color,
                "hotkey": self.hotkey.text().strip(),
                "description": self.description.text().strip()}

    def check(self) -> str:
        """Why the values cannot be saved ('' when they can)."""
        values, own = self.values(), self.original.name if self.original else None
        if not _NAME.match(values["name"]):
            return self.tr("A name is a letter, then letters, digits, _ or - (at most 32).")
        others = [label for label in self.scheme if label.name != own]
        if any(label.name == values["name"] for label in others):
            return self.tr("A label named %1 already exists.").replace("%1", values["name"])
        key = values["hotkey"]
        taken = next((label for label in others if hotkeys.same_key(key, label.hotkey)), None)
        if taken is not None:
            return self.tr("The key %1 is already the hotkey of %2.").replace(
                "%1", key).replace("%2", taken.name)
        if reserved_keys.refusal(key):
            return reserved_keys.refusal(key)
        return ""

    def accept(self) -> None:
        problem = self.check()
        self.problem.setText(problem)
        if not problem:
            super().accept()


def kind_name(kind: str) -> str:
    names = {"entity": translate("LabelForm", "entity"),
             "metric": translate("LabelForm", "metric"),
             "slogan": translate("LabelForm", "slogan")}
    return names.get(kind, kind)
