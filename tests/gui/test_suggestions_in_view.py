"""Suggestions in the window: run, move, accept (Enter), reject (Delete), undo, accept all."""

from PySide6.QtCore import Qt

from storage.project import Project
from tests.conftest import label_counts_done, new_document

TEXT = "今年新签约项目25个，投资665万元，打造“五型”机关，落实“严真细实快”要求。"


def test_suggest_accept_reject_and_undo(open_window, tmp_path, qtbot):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    window = open_window(path)
    view, session = window.view, window.session
    window.suggestion_tools.run.trigger()
    suggestions = window.suggestion_tools.suggestions
    texts = [s.text for _i, s in suggestions.items]
    assert {"25个", "665万元", "五型", "严真细实快"} <= set(texts)

    qtbot.keyClick(view, Qt.Key.Key_BracketRight)  # ] : the first suggestion
    assert suggestions.current[1].text == "25个"
    formats = view.document().firstBlock().layout().formats()
    assert any(r.format.underlineStyle().name == "DashUnderline" for r in formats)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter accepts it
    span = session.spans[0]
    assert (span.text, span.label, span.origin) == ("25个", "METRIC", "suggested:metrics")
    assert span.attributes["value"] == 25
    assert suggestions.current[1].text == "665万元"  # on to the next one
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # Delete rejects it
    assert "665万元" not in [s.text for _i, s in suggestions.items]
    assert [s.text for s in session.spans] == ["25个"]

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the reject
    assert "665万元" in [s.text for _i, s in suggestions.items]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the accept
    assert len(session.spans) == 0 and "25个" in [s.text for _i, s in suggestions.items]

    window.suggestion_tools.run.trigger()  # a rejected one is never offered again
    project = session.project
    project.decide_suggestion(suggestions.items[0][0], "rejected")
    suggestions.load()
    window.suggestion_tools.run.trigger()
    assert "25个" not in [s.text for _i, s in suggestions.items]


def test_accept_all_of_one_label_is_one_undo_step(open_window, tmp_path, qtbot):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    window = open_window(path)
    tools = window.suggestion_tools
    tools.run.trigger()
    tools.step(1)
    while tools.suggestions.current[1].label != "SLOGAN":
        tools.step(1)
    tools.accept_all.trigger()
    assert sorted(s.text for s in window.session.spans) == ["严真细实快", "五型"]
    assert all(s.origin == "suggested:slogans" for s in window.session.spans)
    window.actions.undo.trigger()
    assert len(window.session.spans) == 0


def test_label_all_occurrences_across_documents(open_window, tmp_path, qtbot):
    path = tmp_path / "o.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document("德州市审计局召开会议。德州市审计局表示……", "a.txt"))
        project.add_document(new_document("省里表扬了德州市审计局。", "b.txt"))
    window = open_window(path)
    session = window.session
    session.apply_label("ORG", (0, 6))
    dialog = window.suggestion_tools.label_all_occurrences()
    assert dialog.table.rowCount() == 2
    assert "【德州市审计局】" in dialog.table.item(1, 1).text()
    dialog.accept_checked.click()
    assert [s.text for s in session.spans] == ["德州市审计局", "德州市审计局"]
    with Project.open(path, readonly=True) as reopened:
        spans = reopened.spans(2)
        assert [(s.start, s.label, s.origin) for s in spans] == [(5, "ORG", "suggested:occurrences")]
    assert session.document.id == 1  # the shown document stayed
    window.actions.undo.trigger()  # one step undoes all of them
    with Project.open(path, readonly=True) as reopened:
        assert reopened.spans(2) == []


def test_the_model_trains_in_the_background_and_suggests(open_window, tmp_path, qtbot):
    texts = ["今年签约项目25个，投资665万元。", "全年完成130个项目，投入88万元。",
             "去年新建31个站点，花费19万元。", "共有17个村，筹资42万元。"]
    path = tmp_path / "m.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(t, f"{i}.txt")) for i, t in enumerate(texts)]
        for document_id, text in zip(ids[:3], texts[:3]):
            label_counts_done(project, document_id, text, "tester")
    window = open_window(path)
    model = window.model_tools
    model.train.trigger()
    qtbot.waitUntil(lambda: model.model is not None, timeout=30000)
    assert model.trained_on == 3 and model.f1 is not None
    assert "F1" in model.train.toolTip()
    assert {s.text for s in model.model.suggest(texts[3])} == {"17个", "42万元"}
    window.session.open_document(ids[3])
    window.suggestion_tools.run.trigger()  # the model's share: what the rules did not find
    items = window.suggestion_tools.suggestions.items
    assert {s.text for _i, s in items} >= {"17个", "42万元"}
    with Project.open(path, readonly=True) as reopened:  # kept in the project
        kept = reopened.stored_model()
        assert (kept.documents, kept.annotator, kept.held_out_f1) == (3, "tester", model.f1)
        assert kept.data == model.model.data


def test_the_kept_model_is_there_when_the_project_opens(open_window, tmp_path, qtbot):
    from corpus.suggest.crf import train_with_held_out
    from corpus.suggest.settings import SuggestSettings

    texts = ["今年签约项目25个，投资665万元。", "全年完成130个项目，投入88万元。",
             "去年新建31个站点，花费19万元。", "共有17个村，筹资42万元。"]
    path = tmp_path / "k.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(t, f"{i}.txt")) for i, t in enumerate(texts)]
        for document_id, text in zip(ids[:3], texts[:3]):
            label_counts_done(project, document_id, text, "tester")
        trained, f1 = train_with_held_out(project.training_examples(), tmp_path / "crf")
        project.store_model(trained.data, documents=3, held_out_f1=f1,
                            training_data=project.training_data())
        project.set_suggest_settings(SuggestSettings(enabled=["slogans"]))  # only the model
    window = open_window(path)
    model = window.model_tools
    assert not model.training and model.model is not None  # no training: it was kept
    assert model.trained_on == 3 and model.f1 == f1 and "F1" in model.train.toolTip()
    window.session.open_document(ids[3])
    window.suggestion_tools.run.trigger()
    found = {(s.text, s.source) for _i, s in window.suggestion_tools.suggestions.items}
    assert {("17个", "model"), ("42万元", "model")} <= found


def test_suggester_switches_and_gazetteer_are_project_settings(open_window, tmp_path, qtbot):
    path = tmp_path / "g.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document("德州市审计局查出665万元，德州市审计局表示……", "a.txt"))
    window = open_window(path)
    tools = window.suggestion_tools
    tools.settings.switches["metrics"].setChecked(False)  # metrics off for this project
    window.session.apply_label("ORG", (0, 6))
    tools.settings.to_gazetteer.trigger()
    tools.run.trigger()
    found = {(s.text, s.source) for _i, s in tools.suggestions.items}
    assert ("德州市审计局", "gazetteer") in found
    assert not any(source == "metrics" for _t, source in found)
    with Project.open(path, readonly=True) as reopened:
        settings = reopened.suggest_settings()
    assert "metrics" not in settings.enabled and settings.gazetteer == {"德州市审计局": "ORG"}


def test_a_long_document_is_searched_off_the_ui_thread(open_window, tmp_path, qtbot,
                                                       monkeypatch):
    import gui.tools.suggestion_tools as tools_module

    monkeypatch.setattr(tools_module, "IN_PLACE_LIMIT", len(TEXT))   # TEXT counts as long
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    window = open_window(path)
    suggestions = window.suggestion_tools.suggestions
    window.suggestion_tools.run.trigger()
    assert suggestions.items == []      # nothing yet: the rules run in a worker
    qtbot.waitUntil(lambda: len(suggestions.items) >= 4, timeout=10_000)
    assert {"25个", "665万元", "五型", "严真细实快"} <= {s.text for _i, s in suggestions.items}
    assert "new suggestions" in window.statusBar().currentMessage()


def test_the_gazetteer_dialog_lists_adds_imports_and_removes(open_window, tmp_path, qtbot,
                                                             monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "g.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document("旺蒼縣農業農村局局長李強到嘉川鎮調研。", "a.txt"))
    window = open_window(path)
    dialog = window.suggestion_tools.settings.show_gazetteer()
    qtbot.addWidget(dialog)
    dialog.entry.setText("嘉川镇")
    dialog.label.setCurrentText("LOC")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    names = tmp_path / "names.tsv"
    names.write_text("ORG\t旺苍县农业农村局\n", encoding="utf-8")
    dialog.import_names(str(names))
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
            for r in range(dialog.table.rowCount())]
    assert rows == [("嘉川镇", "LOC"), ("旺苍县农业农村局", "ORG")]
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    names.write_text("PLACE\t旺苍\n", encoding="utf-8")
    dialog.import_names(str(names))
    assert "no label PLACE" in warned[0] and dialog.table.rowCount() == 2   # nothing added
    dialog.resize(420, 460)
    dialog.grab().save(str(tmp_path / "gazetteer.png"))
    window.suggestion_tools.run.trigger()
    found = {(s.text, s.label, s.source) for _i, s in window.suggestion_tools.suggestions.items}
    assert {("嘉川鎮", "LOC", "gazetteer"), ("旺蒼縣農業農村局", "ORG", "gazetteer")} <= found
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    with Project.open(path, readonly=True) as reopened:
        assert reopened.suggest_settings().gazetteer == {"旺苍县农业农村局": "ORG"}
