"""The document info panel: the current document's metadata from import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from corpus.document import Document

SKIP = {"title", "damage", "offset_unit"}  # shown elsewhere, or not for people
LIST_JOIN = "、"


def _text(value) -> str:
    if isinstance(value, list):
        return LIST_JOIN.join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


class DocumentInfo(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentInfo")
        self.setWidgetResizable(True)
        self._body = QWidget(self)
        self.form = QFormLayout(self._body)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.setWidget(self._body)

    def names(self) -> dict[str, str]:
        """Display names of the metadata keys the importer writes."""
        return {
            "date": self.tr("Date"), "source": self.tr("Source"),
            "subtitle": self.tr("Subtitle"), "byline": self.tr("Byline"),
            "reporters": self.tr("Reporters"), "editors": self.tr("Editors"),
            "authors": self.tr("Authors"), "file": self.tr("File"),
            "format": self.tr("Format"), "encoding": self.tr("Encoding"),
            "boilerplate": self.tr("Removed lines"),
            "pinyin_removed": self.tr("Pinyin glosses removed"),
            "title_from": self.tr("Title taken from"),
            "page_title": self.tr("Page title"), "dateline": self.tr("Dateline"),
            "note": self.tr("Note"),
        }

    def title_sources(self) -> dict[str, str]:
        """Display names of where the importer took the title from (``title_from``)."""
        return {"container": self.tr("the file's own title"),
                "heading": self.tr("the text's heading"),
                "first_clause": self.tr("the text's first clause")}

    def show_document(self, document: Document | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        if document is None:
            return
        self._row(self.tr("Title"), document.title)
        self._row(self.tr("Characters"), str(len(document.text)))
        damage = document.meta.get("damage") or []
        lost = [d for d in damage if d.get("kind", "lost") == "lost"]
        if lost:
            hints = LIST_JOIN.join(d.get("hint") or "?" for d in lost[:20])
            self._row(self.tr("Lost characters"), f"{len(lost)} ({hints})")
        garbled = [d for d in damage if d.get("kind") == "garbled"]
        if garbled:
            self._row(self.tr("Garbled characters"), str(len(garbled)))
        if len(damage) > len(lost) + len(garbled):
            self._row(self.tr("Unusual characters"), str(len(damage) - len(lost) - len(garbled)))
        names, title_sources = self.names(), self.title_sources()
        for key, value in document.meta.items():
            if key not in SKIP and value not in (None, "", [], {}):
                shown = title_sources.get(value, value) if key == "title_from" else value
                self._row(names.get(key, key), _text(shown))

    def _row(self, name: str, value: str) -> None:
        label = QLabel(value)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(name + ":", label)

    def value_of(self, name: str) -> str | None:
        """The shown value for a row name (for tests and accessibility)."""
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label and label.widget().text() == name + ":":
                return self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()
        return None
