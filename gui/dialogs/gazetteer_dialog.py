"""Suggestions → Settings → Gazetteer…: the project's own names per label, listed, added,
removed and imported from a file (``LABEL<tab>NAME`` lines, as ``hanmark gazetteer import``).

Every change is saved to the project at once (one transaction); the next suggestion run
offers the names wherever they occur, with the entities annotators have marked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from corpus.suggest.project_gazetteer import parse_list, suggested_known


class GazetteerDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.setWindowTitle(self.tr("Gazetteer"))
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("gazetteerTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Label")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(self.tr("A name, e.g. 旺苍县农业农村局"))
        self.label = QComboBox(self)
        self.label.addItems([label.name for label in self.project.scheme()])
        self.add = QPushButton(self.tr("&Add"), self)
        self.remove = QPushButton(self.tr("&Remove Selected"), self)
        self.import_file = QPushButton(self.tr("&Import…"), self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self._lay_out()
        self.add.clicked.connect(self.add_name)
        self.entry.returnPressed.connect(self.add_name)
        self.remove.clicked.connect(self.remove_selected)
        self.import_file.clicked.connect(self.choose_file)
        editable = not self.project.readonly
        for widget in (self.entry, self.add, self.remove, self.import_file):
            widget.setEnabled(editable)
        self.refresh()

    @property
    def project(self):
        return self.window.session.project

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.entry, 1)
        adding.addWidget(self.label)
        adding.addWidget(self.add)
        row = QHBoxLayout()
        row.addWidget(self.remove)
        row.addWidget(self.import_file)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Names suggested wherever they occur in this project:"),
                                self))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(adding)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(420, 460)

    def refresh(self) -> None:
        entries = sorted(self.project.suggest_settings().gazetteer.items(),
                         key=lambda item: (item[1], item[0]))
        self.table.setRowCount(len(entries))
        for row, (name, label) in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(label))
        marked = len(suggested_known(self.project.known_entities()))
        self.note.setText(self.tr("The %1 entities your annotators have marked are suggested "
                                  "too.").replace("%1", str(marked)) if marked else "")

    def add_name(self) -> None:
        name = self.entry.text().strip()
        if not name or any(c.isspace() for c in name):
            self.note.setText(self.tr("A name cannot be empty or contain spaces."))
            return
        self._save({name: self.label.currentText()})
        self.entry.clear()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        names = [self.table.item(row, 0).text() for row in rows]
        if not names:
            return
        settings = self.project.suggest_settings()
        for name in names:
            settings.gazetteer.pop(name, None)
        self.project.set_suggest_settings(settings)
        self.refresh()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import Names"), "", self.tr("Name lists (*.tsv *.txt *.csv)"))
        if path:
            self.import_names(path)

    def import_names(self, path: str) -> None:
        labels = {label.name for label in self.project.scheme()}
        try:
            with open(path, encoding="utf-8-sig") as f:
                names = parse_list(f.read().splitlines())
            unknown = sorted(set(names.values()) - labels)
            if unknown:
                raise ValueError(self.tr("no label %1 in this project").replace("%1", unknown[0]))
        except UnicodeDecodeError:
            self._refuse(path, self.tr("The file is not UTF-8 text. Save it as UTF-8 and "
                                       "import it again."))
            return
        except (OSError, ValueError) as error:
            self._refuse(path, getattr(error, "strerror", None) or str(error))
            return
        self._save(names)

    def _refuse(self, path: str, why: str) -> None:
        QMessageBox.warning(self, self.tr("Import Names"),
                            self.tr("Nothing was imported from %1: %2").replace("%1", path)
                            .replace("%2", why))

    def _save(self, names: dict[str, str]) -> None:
        settings = self.project.suggest_settings()
        settings.gazetteer.update(names)
        self.project.set_suggest_settings(settings)
        self.refresh()
        self.note.setText(self.tr("Added %1 names; they are suggested at the next run.")
                          .replace("%1", str(len(names))))
