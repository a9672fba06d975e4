"""File → Export: the dialog's choices become the export's options; the export runs in a worker."""

import orjson
from PySide6.QtCore import Qt

from corpus.labels import LabelScheme
from gui.dialogs.export import ExportDialog
from tests.corpus.formats.helpers import NESTED_SPANS, make_project


def test_dialog_defaults_export_everything_as_doccano(qtbot, tmp_path):
    dialog = ExportDialog(LabelScheme.default(), tmp_path / "p.jsonl")
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options.format == "doccano" and options.split is None
    assert options.selection.labels == () and options.selection.statuses == ()
    assert dialog.output_path() == tmp_path / "p.jsonl"
    assert not dialog.overlap.isEnabled() and dialog.offsets.isEnabled()
    assert dialog.entities.isEnabled() and not options.write.entities
    dialog.entities.setChecked(True)
    assert dialog.options().write.entities
    assert options.write.attributes                      # attributes and notes by default
    dialog.attributes.setChecked(False)
    assert not dialog.options().write.attributes


def test_dialog_choices_become_options(qtbot, tmp_path):
    dialog = ExportDialog(LabelScheme.default(), tmp_path / "p.jsonl")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    assert dialog.output_path() == tmp_path / "p.conll"
    assert dialog.overlap.isEnabled() and dialog.tags.isEnabled()
    assert not dialog.offsets.isEnabled() and not dialog.entities.isEnabled()
    dialog.tags.setCurrentIndex(dialog.tags.findData("bmes"))
    dialog.overlap.setCurrentIndex(dialog.overlap.findData("priority"))
    dialog.statuses["done"].setChecked(True)
    dialog.annotators.setText("王, li")
    dialog.labels.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.split.setChecked(True)
    dialog.seed.setValue(9)
    options = dialog.options()
    assert options.write.tags == "bmes" and options.overlap == "priority"
    assert options.selection.statuses == ("done",)
    assert options.selection.annotators == ("王", "li")
    assert "PER" not in options.selection.labels and "ORG" in options.selection.labels
    assert options.split == (0.8, 0.1, 0.1) and options.seed == 9
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert dialog.output_path() == tmp_path / "p"


def test_export_from_the_window_runs_with_the_dialog_options(open_window, tmp_path, qtbot):
    path = make_project(tmp_path / "p.hanmark", NESTED_SPANS)
    window = open_window(path)
    dialog = ExportDialog(window.session.project.scheme(), tmp_path / "out.jsonl", window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("hf"))
    job = window.files.start_export(dialog.output_path(), dialog.options())
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        pass
    assert blocker.args[0].conflict_count == 3
    assert "3" in window.statusBar().currentMessage()
    rows = [orjson.loads(line) for line in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert len(rows) == 2 and (tmp_path / "out.labels.json").exists()


def test_file_import_takes_annotated_files_with_their_spans(open_window, tmp_path, qtbot):
    from storage.interchange.export import export
    from storage.project import Project
    from tests.corpus.formats.helpers import stored

    source = make_project(tmp_path / "source.hanmark", NESTED_SPANS)
    export(source, tmp_path / "spans.jsonl")
    target = tmp_path / "empty.hanmark"
    Project.create(target).close()
    window = open_window(target)
    job = window.files.start_import([tmp_path / "spans.jsonl"])
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert stored(target) == stored(source)
    assert window.import_report.table.rowCount() == 2
    window.import_report.close()
