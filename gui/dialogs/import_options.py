"""File → Import with Options…: what the command line's import options do, in a dialog
(force an encoding, pick the text column of records, force a format, doccano offsets)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from corpus import formats, readers
from corpus.preparing import ImportOptions

ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "gbk:replace")


@dataclass(frozen=True)
class ImportChoices:
    options: ImportOptions           # for plain articles
    format: str | None = None        # None: detect per file
    offsets: str | None = None       # doccano files: utf16 | codepoint | None (declared)
    keep_duplicates: bool = False    # annotated files: every record a document


class ImportOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importOptions")
        self.setWindowTitle(self.tr("Import Options"))
        self.encoding = self._combo([(self.tr("detect per file"), None)]
                                    + [(name, name) for name in ENCODINGS])
        self.format = self._combo([(self.tr("detect per file"), None)]
                                  + [(name, name) for name in readers.FORMATS]
                                  + [(f.description, f.name) for f in formats.FORMATS.values()])
        self.offsets = self._combo([(self.tr("as the file declares (else UTF-16)"), None),
                                    (self.tr("UTF-16 units"), "utf16"),
                                    (self.tr("code points"), "codepoint")])
        self.keep_duplicates = QCheckBox(
            self.tr("Keep repeated records (every record of an annotated file becomes a "
                    "document)"), self)
        self.keep_duplicates.setObjectName("keepDuplicates")
        self.keep_duplicates.setToolTip(self.tr(
            "For gold datasets that repeat sentences (MSRA, CLUENER): an export then gives "
            "back every record. Off: a text met before adds its spans to that document."))
        self.text_field = QLineEdit(self)
        self.text_field.setPlaceholderText(self.tr("text, content, body, 正文, 内容 …"))
        form = QFormLayout()
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Text column of records"), self.text_field)
        form.addRow(self.tr("doccano offsets"), self.offsets)
        form.addRow(self.keep_duplicates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _combo(self, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox(self)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def choices(self) -> ImportChoices:
        return ImportChoices(
            ImportOptions(encoding=self.encoding.currentData(),
                          text_field=self.text_field.text().strip() or None),
            format=self.format.currentData(), offsets=self.offsets.currentData(),
            keep_duplicates=self.keep_duplicates.isChecked())
