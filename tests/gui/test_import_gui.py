from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from corpus.resources import seeds_dir
from storage.project import Project


def test_import_from_the_window_fills_the_list_and_shows_a_report(open_window, tmp_path, qtbot):
    path = tmp_path / "empty.hanmark"
    Project.create(path).close()
    window = open_window(path)
    (tmp_path / "empty.txt").write_bytes(b"")
    job = window.files.start_import([seeds_dir(), tmp_path / "empty.txt"])
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert len(window.document_list.model_.rows) == 5
    assert window.session.document is not None  # the first document opens
    report = window.import_report
    assert report.isVisible()
    assert "5" in report.summary.text() and report.table.rowCount() == 6
    assert report.table.item(0, 1).text() == "empty.txt"  # failures first
    report.close()


def test_files_dropped_on_the_window_are_imported(open_window, tmp_path, qtbot):
    path = tmp_path / "empty.hanmark"
    Project.create(path).close()
    window = open_window(path)
    article = tmp_path / "a.txt"
    article.write_text("平原县委书记王玉东介绍。", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, drop)
    with qtbot.waitSignal(window.files.job.finished, timeout=30000):
        pass
    assert [row.title for row in window.document_list.model_.rows] == ["平原县委书记王玉东介绍"]
    window.import_report.close()


def test_damage_markers_are_drawn_and_explained(open_window, tmp_path, qtbot):
    path = tmp_path / "p.hanmark"
    Project.create(path).close()
    from storage.interchange.importer import import_files

    import_files(path, [seeds_dir() / "002_6a98f27c38d72baf.txt"])
    window = open_window(path)
    view = window.view
    damage = [d for d in window.session.document.meta["damage"] if d["kind"] == "lost"]
    assert damage and window.session.document.text[damage[0]["offset"]] == "\ufffd"
    offset = damage[0]["offset"]
    assert damage[0]["hint"] in view.tooltip_at(offset)
    unit = view.offsets.to_utf16(offset)
    block = view.document().findBlock(unit)
    formats = [r for r in block.layout().formats()
               if r.start <= unit - block.position() < r.start + r.length]
    assert any(r.format.foreground().color().name() == "#d32f2f" for r in formats)
    lost = [d for d in damage if d["kind"] == "lost"]
    assert window.document_info.value_of("Lost characters").startswith(str(len(lost)))
    assert window.document_info.value_of("Title taken from") == "the text's heading"


def test_private_use_characters_are_explained_not_called_lost(open_window, tmp_path):
    path = tmp_path / "p.hanmark"
    Project.create(path).close()
    from storage.interchange.importer import import_files

    import_files(path, [seeds_dir() / "002_6a98f27c38d72baf.txt"])
    window = open_window(path)
    damage = window.session.document.meta["damage"]
    unusual = next(d for d in damage if d["kind"] == "private_use")
    assert "U+E" in window.view.tooltip_at(unusual["offset"])
    lost = [d for d in damage if d["kind"] == "lost"]
    assert window.document_info.value_of("Lost characters").startswith(f"{len(lost)} (")
    garbled = [d for d in damage if d["kind"] == "garbled"]
    assert window.document_info.value_of("Garbled characters") == str(len(garbled)) == "14"
    assert window.document_info.value_of("Unusual characters") == str(
        len(damage) - len(lost) - len(garbled))
    assert "??h" in window.view.tooltip_at(next(d["offset"] for d in garbled
                                                if d["hint"] == "??h"))


def test_import_with_options_forces_encoding_and_text_column(open_window, tmp_path, qtbot):
    from gui.dialogs.import_options import ImportOptionsDialog

    path = tmp_path / "p.hanmark"
    Project.create(path).close()
    window = open_window(path)
    table = tmp_path / "t.csv"
    table.write_bytes("编号,正文\n1,德州市审计局\n".encode("gb18030"))  # too short to detect
    dialog = ImportOptionsDialog(window)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("gb18030"))
    dialog.text_field.setText("正文")
    job = window.files.start_import([table], dialog.choices())
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert [row.title for row in window.document_list.model_.rows] == ["德州市审计局"]
    window.import_report.close()


def test_import_with_options_keeps_repeated_records_and_reports_rejected_spans(
        open_window, tmp_path, qtbot):
    import orjson

    from gui.dialogs.import_options import ImportOptionsDialog

    path = tmp_path / "p.hanmark"
    Project.create(path).close()
    window = open_window(path)
    data = tmp_path / "gold.jsonl"
    data.write_bytes(b"\n".join(orjson.dumps(r) for r in [
        {"text": "（全文另发）", "label": []},
        {"text": "德州市审计局", "label": [[0, 3, "LOC"], [0, 99, "ORG"]]},
        {"text": "（全文另发）", "label": []}]))
    dialog = ImportOptionsDialog(window)
    dialog.offsets.setCurrentIndex(dialog.offsets.findData("codepoint"))
    qtbot.mouseClick(dialog.keep_duplicates, Qt.MouseButton.LeftButton,
                     pos=QPoint(5, dialog.keep_duplicates.height() // 2))
    assert dialog.keep_duplicates.isChecked()
    job = window.files.start_import([data], dialog.choices())
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert len(window.document_list.model_.rows) == 3
    table = window.import_report.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    rejected = [row for row in rows if row[0] == "span rejected"]
    assert len(rejected) == 1 and rejected[0][1] == "gold.jsonl:2"
    assert "[0, 99, 'ORG']" in rejected[0][2] and "outside the text" in rejected[0][2]
    window.import_report.close()
