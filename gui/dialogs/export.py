"""File → Export: format, output, filters, split, overlap policy and the format's options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from corpus import formats
from corpus.document import Status
from corpus.formats.model import WriteOptions
from corpus.labels import LabelScheme
from gui.i18n import titled
from storage.interchange.export import ExportOptions
from storage.interchange.export_select import Selection

TAGGED = {"conll", "wordbio", "hf"}


class ExportDialog(QDialog):
    def __init__(self, scheme: LabelScheme, default_path: Path, parent: QWidget | None = None,
                 tokens=None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.tokens = tokens
        self.default_stem = default_path.with_suffix("")
        form = QFormLayout(self)
        self.format = QComboBox(objectName="exportFormat")
        for fmt in formats.FORMATS.values():
            self.format.addItem(f"{fmt.name} — {fmt.description}", fmt.name)
        form.addRow(self.tr("Format"), self.format)
        self.path = QLineEdit(str(default_path.with_suffix(".jsonl")), objectName="exportPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        form.addRow(self.tr("Save to"), _row(self.path, browse))
        self._filters(form, scheme)
        self._split(form)
        self._format_options(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _filters(self, form: QFormLayout, scheme: LabelScheme) -> None:
        self.statuses = {}
        boxes = []
        for status, text in ((Status.TODO, self.tr("to do")),
                             (Status.IN_PROGRESS, self.tr("in progress")),
                             (Status.DONE, self.tr("done")), (Status.SKIPPED, self.tr("skipped"))):
            self.statuses[status.value] = box = QCheckBox(text)
            boxes.append(box)
        form.addRow(self.tr("Only documents (none checked: all)"), _row(*boxes))
        self.annotators = QLineEdit(objectName="exportAnnotators")
        self.annotators.setPlaceholderText(self.tr("all annotators; or names, comma-separated"))
        form.addRow(self.tr("Annotators"), self.annotators)
        self.labels = QListWidget(objectName="exportLabels")
        for label in scheme:
            item = QListWidgetItem(titled(label))
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            item.setCheckState(Qt.CheckState.Checked)
            self.labels.addItem(item)
        self.labels.setMaximumHeight(110)
        form.addRow(self.tr("Labels"), self.labels)

    def _split(self, form: QFormLayout) -> None:
        self.split = QCheckBox(self.tr("Split by document into train / dev / test"))
        self.ratios = [QDoubleSpinBox(), QDoubleSpinBox(), QDoubleSpinBox()]
        for box, value in zip(self.ratios, (80, 10, 10)):
            box.setRange(0, 100)
            box.setValue(value)
            box.setSuffix(" %")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        form.addRow(self.split)
        form.addRow(self.tr("Ratios and seed"), _row(*self.ratios, self.seed))

    def _format_options(self, form: QFormLayout) -> None:
        self.overlap = QComboBox()
        for value, text in (("longest", self.tr("keep the longest span")),
                            ("priority", self.tr("keep the label listed first")),
                            ("fail", self.tr("stop and list the conflicts"))):
            self.overlap.addItem(text, value)
        form.addRow(self.tr("Overlapping spans"), self.overlap)
        self.tags = QComboBox()
        for name in ("bio", "bioes", "bmes"):
            self.tags.addItem(name.upper(), name)
        self.offsets = QComboBox()
        self.offsets.addItem(self.tr("code points"), "codepoint")
        self.offsets.addItem(self.tr("UTF-16 units (for doccano)"), "utf16")
        form.addRow(self.tr("Tags / offsets"), _row(self.tags, self.offsets))
        self.sentences = QCheckBox(self.tr("Blank line after 。！？"))
        self.predictions = QCheckBox(self.tr("As predictions (pre-annotation)"))
        self.entities = QCheckBox(self.tr("Entities / relations form"))
        self.metadata = QCheckBox(self.tr("Include metadata"))
        self.metadata.setChecked(True)
        self.attributes = QCheckBox(self.tr("Include attributes and notes"))
        self.attributes.setChecked(True)
        form.addRow(_row(self.sentences, self.predictions, self.entities))
        form.addRow(_row(self.metadata, self.attributes))

    def _format_changed(self) -> None:
        name = self.format.currentData()
        fmt = formats.get(name)
        self.overlap.setEnabled(fmt.flat)
        self.tags.setEnabled(name in TAGGED)
        self.offsets.setEnabled(name == "doccano")
        self.entities.setEnabled(name == "doccano")
        self.sentences.setEnabled(name == "conll")
        self.predictions.setEnabled(name == "labelstudio")
        current = Path(self.path.text() or self.default_stem)
        stem = current.with_suffix("") if current.suffix else current
        self.path.setText(str(stem.with_suffix(fmt.suffix) if fmt.suffix else stem))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), self.path.text())
        if path:
            self.path.setText(path)

    def output_path(self) -> Path:
        return Path(self.path.text())

    def options(self) -> ExportOptions:
        names = [self.labels.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.labels.count())
                 if self.labels.item(i).checkState() == Qt.CheckState.Checked]
        all_labels = len(names) == self.labels.count()
        selection = Selection(
            statuses=tuple(k for k, box in self.statuses.items() if box.isChecked()),
            annotators=tuple(a.strip() for a in self.annotators.text().split(",") if a.strip()),
            labels=() if all_labels else tuple(names) or ("",))
        ratios = [box.value() for box in self.ratios]
        split = tuple(r / sum(ratios) for r in ratios) if self.split.isChecked() \
            and sum(ratios) > 0 else None
        write = WriteOptions(tags=self.tags.currentData(), offsets=self.offsets.currentData(),
                             entities=self.entities.isChecked(),
                             sentences=self.sentences.isChecked(),
                             metadata=self.metadata.isChecked(),
                             attributes=self.attributes.isChecked(),
                             predictions=self.predictions.isChecked(), tokens=self.tokens)
        return ExportOptions(format=self.format.currentData(), write=write, selection=selection,
                             split=split, seed=self.seed.value(),
                             overlap=self.overlap.currentData())


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row
