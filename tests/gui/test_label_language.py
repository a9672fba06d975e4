"""Labels and relation types speak the interface language: in an English window every
place a label or type is named (tags, the label bar, menus, the span list, the span
panel, arcs and their menus) shows the English display text, else the name; in a Chinese
window the Chinese one."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.view.label_tags import PAD_X
from storage.project import Project
from storage.scheme import scheme_changes as sc
from tests.conftest import new_document
from tests.gui.test_annotate import click_on

TEXT = "平原县委书记王玉东讲话，会议持续365天。"
SPANS = [(2, 6, "POST"), (6, 9, "PER"), (15, 19, "TIME")]

EXPECTED = {
    "en": {"tags": {"POST": "Post", "PER": "Person", "TIME": "TIME"},
           "button": "Person PER · 1", "time_button": "TIME", "detail": "Person PER",
           "list": "Person PER", "arc": "holds post", "menu": "holds post · HOLDS",
           "tooltip": "holds post · HOLDS: 王玉东 → 县委书记",
           "relations": "→ holds post 县委书记"},
    "zh_CN": {"tags": {"POST": "职务", "PER": "人名", "TIME": "时间"},
              "button": "人名 PER · 1", "time_button": "时间 TIME", "detail": "人名 PER",
              "list": "人名 PER", "arc": "任职", "menu": "任职 HOLDS",
              "tooltip": "任职 HOLDS: 王玉东 → 县委书记", "relations": "→ 任职 县委书记"},
}


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    try:
        i18n.install(qapp, request.param)
        yield request.param
    finally:
        i18n.install(qapp, "en")


def make(tmp_path, with_relation=True):
    """A project whose extra label TIME has a Chinese display text and no English one."""
    path = tmp_path / "l.hanmark"
    with Project.create(path) as project:
        sc.add_label(project, sc.new_label("TIME", "metric", display="时间"))
        project.add_document(new_document(TEXT, "a.txt"))
        ids = {label: project.add_span(1, s, e, label, annotator="tester").id
               for s, e, label in SPANS}
        if with_relation:
            project.add_relation(ids["PER"], ids["POST"], "HOLDS")
    return path


def tag_widths(window):
    QApplication.processEvents()
    window.view.viewport().repaint()
    return {span.label: rect.width() for rect, span in window.tags.overlay.painted}


def test_tags_bar_list_and_panel_name_labels_in_the_interface_language(open_window, tmp_path,
                                                                        language):
    expected = EXPECTED[language]
    window = open_window(make(tmp_path))
    metrics = QFontMetricsF(window.tags.overlay.font)
    widths = tag_widths(window)
    for label, text in expected["tags"].items():     # each tag is drawn with its text
        assert widths[label] == pytest.approx(metrics.horizontalAdvance(text) + 2 * PAD_X)
    buttons = window.label_bar.buttons
    assert buttons["PER"].text() == expected["button"]
    assert buttons["TIME"].text() == expected["time_button"]
    model = window.span_list.model_
    assert expected["list"] in [model.data(model.index(row, 1)) for row in range(len(SPANS))]
    window.session.select_span(next(s.id for s in window.session.spans if s.label == "PER"))
    assert window.details.panel.label_label.text() == expected["detail"]


def test_arcs_their_tooltip_menu_and_the_relations_column_follow_the_language(
        open_window, tmp_path, qtbot, language):
    expected = EXPECTED[language]
    window = open_window(make(tmp_path))
    view, tools = window.view, window.relation_tools
    QApplication.processEvents()
    view.viewport().repaint()
    (arc,) = tools.arcs.arcs(view.geometry())
    assert arc.text == expected["arc"]
    assert view._overlay_tooltip(arc.tag.center().toPoint()) == expected["tooltip"]
    model = window.span_list.model_
    relations = [model.data(model.index(row, model.RELATIONS)) for row in range(len(SPANS))]
    assert expected["relations"] in relations
    click_on(qtbot, view, 7)                     # 王玉东, then R and the post: the type menu
    qtbot.keyClick(view, Qt.Key.Key_R)
    click_on(qtbot, view, 4)
    assert [a.text() for a in tools.type_menu.actions()] == [expected["menu"]]
    tools.type_menu.close()


def test_an_edited_english_text_shows_at_once_on_the_tags(open_window, tmp_path):
    path = make(tmp_path, with_relation=False)
    window = open_window(path)
    metrics = QFontMetricsF(window.tags.overlay.font)
    with Project.open(path) as project:
        sc.edit_label(project, "PER", display_en="Name")
    window.scheme_tools.refresh()
    assert tag_widths(window)["PER"] == pytest.approx(metrics.horizontalAdvance("Name")
                                                      + 2 * PAD_X)
    assert window.label_bar.buttons["PER"].text() == "Name PER · 1"
