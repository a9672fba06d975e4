"""Relations in the real window: R starts one at the selected span, a click or Tab + R
picks the target, a menu offers only the allowed types; arcs drawn above the lines in
the type's colour, hovered and clicked; Delete removes the selected one; deleting a span
deletes its relations and undo brings both back."""

import sqlite3

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from storage.project import Project
from tests.conftest import new_document
from tests.gui.test_annotate import click_on

TEXT = ("平原县委书记王玉东提出严真细实快，全县疫苗接种率达86.72%。\n"
        + "德州市审计局召开会议。" * 30 + "局长齐强讲话。")
SPANS = [(0, 4, "ORG"), (2, 6, "POST"), (6, 9, "PER"), (11, 16, "SLOGAN"), (25, 31, "METRIC"),
         (0, 3, "LOC")]


def stored(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT a.text, r.type, b.text, r.annotator FROM relations r "
                            "JOIN spans a ON a.id = r.from_span_id JOIN spans b ON "
                            "b.id = r.to_span_id ORDER BY r.id").fetchall()
    conn.close()
    return rows


def make(tmp_path, relations=()):
    path = tmp_path / "r.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        ids = {label: project.add_span(1, s, e, label, annotator="tester").id
               for s, e, label in SPANS}
        for a, kind, b in relations:
            project.add_relation(ids[a], ids[b], kind)
    return path


def repaint(window):
    QApplication.processEvents()
    window.view.viewport().repaint()


def test_r_then_a_click_then_the_menu_makes_an_undoable_relation(open_window, tmp_path, qtbot):
    path = make(tmp_path)
    window = open_window(path)
    view, tools = window.view, window.relation_tools
    click_on(qtbot, view, 7)                     # 王玉东
    assert window.session.selected.text == "王玉东"
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert tools.source.text == "王玉东"
    click_on(qtbot, view, 4)                     # 县委书记 (POST, the innermost there)
    menu = tools.type_menu
    assert [a.text() for a in menu.actions()] == ["holds post · HOLDS"]   # only the allowed
    menu.actions()[0].trigger()
    assert stored(path) == [("王玉东", "HOLDS", "县委书记", "tester")]
    assert len(window.session.relations) == 1 and tools.source is None
    qtbot.waitUntil(lambda: "holds post 县委书记" in window.span_list.model_.data(
        window.span_list.model_.index(3, 3)))
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(path) == [] and len(window.session.relations) == 0
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(path) == [("王玉东", "HOLDS", "县委书记", "tester")]


def test_tab_reaches_the_target_and_pairs_no_type_allows_are_refused(open_window, tmp_path,
                                                                     qtbot):
    path = make(tmp_path)
    window = open_window(path)
    view, tools, session = window.view, window.relation_tools, window.session
    session.select_span(next(s.id for s in session.spans if s.label == "METRIC"))
    qtbot.keyClick(view, Qt.Key.Key_R)
    session.select_span(next(s.id for s in session.spans if s.label == "LOC"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)          # LOC [0, 3) → the next span, ORG... 
    assert session.selected.label in ("ORG", "POST")
    session.select_span(next(s.id for s in session.spans if s.label == "ORG"))
    qtbot.keyClick(view, Qt.Key.Key_Return)       # Enter links to the span reached
    assert [a.text() for a in tools.type_menu.actions()] == ["indicator of · INDICATOR_OF"]
    tools.type_menu.actions()[0].trigger()
    assert stored(path) == [("86.72%", "INDICATOR_OF", "平原县委", "tester")]
    session.select_span(next(s.id for s in session.spans if s.label == "LOC"))
    qtbot.keyClick(view, Qt.Key.Key_R)
    session.select_span(next(s.id for s in session.spans if s.label == "SLOGAN"))
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert tools.source is None and "No relation type links Place LOC to Slogan SLOGAN" in \
        window.statusBar().currentMessage()
    assert len(stored(path)) == 1


def test_deleting_a_span_deletes_its_relations_and_undo_brings_both_back(open_window,
                                                                         tmp_path, qtbot):
    path = make(tmp_path, [("PER", "HOLDS", "POST"), ("PER", "PROPOSES", "SLOGAN"),
                           ("ORG", "PROPOSES", "SLOGAN")])
    window = open_window(path)
    view, session = window.view, window.session
    before = stored(path)
    assert len(session.relations) == 3
    click_on(qtbot, view, 7)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(path) == [("平原县委", "PROPOSES", "严真细实快", "tester")]
    assert len(session.relations) == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(path) == before
    assert sorted(r.type for r in session.relations) == ["HOLDS", "PROPOSES", "PROPOSES"]
    per = session.selected
    assert [r.type for r in session.relations.of_span(per.id)] == ["HOLDS", "PROPOSES"]
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(path)) == 1


def near(image, rect, colour, tolerance=40):
    """How many pixels inside ``rect`` have about ``colour``."""
    count = 0
    for x in range(int(rect.left()), int(rect.right())):
        for y in range(int(rect.top()), int(rect.bottom())):
            pixel = image.pixelColor(x, y)
            count += abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) + \
                abs(pixel.blue() - colour.blue()) < tolerance
    return count


def arc_point(window, relation_type):
    geometry = window.view.geometry()
    arc = next(a for a in window.relation_tools.arcs.arcs(geometry)
               if a.relation.type == relation_type)
    return arc, arc.tag.center().toPoint()


def test_arcs_are_drawn_above_the_lines_hovered_clicked_and_deleted(open_window, tmp_path,
                                                                    qtbot):
    path = make(tmp_path, [("PER", "HOLDS", "POST"), ("METRIC", "INDICATOR_OF", "LOC")])
    window = open_window(path)
    view, tools = window.view, window.relation_tools
    repaint(window)
    arcs = tools.arcs.arcs(view.geometry())
    assert {a.relation.type for a in arcs} == {"HOLDS", "INDICATOR_OF"}
    holds, point = arc_point(window, "HOLDS")
    first_line = view.geometry().lines[0].rect
    assert point.y() < first_line.top()                   # above the text
    indicator, _ = arc_point(window, "INDICATOR_OF")
    assert indicator.tag.center().y() < holds.tag.center().y()   # the longer one higher
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "arcs.png"))
    assert near(image, holds.tag, QColor("#54278f")) > 10       # drawn in the type's colour
    assert near(image, indicator.tag, QColor("#8c510a")) > 10
    move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(point), QPointF(point),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)
    assert tools.arcs.hovered == holds.relation.id
    assert view._overlay_tooltip(point) == "holds post · HOLDS: 王玉东 → 县委书记"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.relations.selected.type == "HOLDS"
    assert window.session.selected is None and window.actions.delete_span.isEnabled()
    room = view.line_layout.above
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [r[1] for r in stored(path)] == ["INDICATOR_OF"]
    assert view.line_layout.above == room      # no new layout of the text for a delete
    assert len(window.session.spans) == len(SPANS)        # the spans stay
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(r[1] for r in stored(path)) == ["HOLDS", "INDICATOR_OF"]


def test_a_document_without_relations_keeps_no_room_and_a_cross_line_arc_is_split(
        open_window, tmp_path, qtbot):
    path = make(tmp_path)
    window = open_window(path)
    arcs = window.relation_tools.arcs

    def arcs_room():            # the label tags keep their own room above lines
        return arcs.above if arcs.enabled else 0

    assert arcs_room() == 0
    window.resize(700, 700)
    with Project.open(path) as project:
        text = project.document(1).text
        at = text.index("齐强")
        per = project.add_span(1, at, at + 2, "PER", annotator="tester")
    session = window.session
    session.spans.add(per)
    org = next(s for s in session.spans if s.label == "ORG")
    session.select_span(per.id)
    window.relation_tools.start_or_link()
    window.relation_tools.link(org)
    assert window.relation_tools.type_menu is None       # PER → ORG: no type allows it
    post = next(s for s in session.spans if s.label == "POST")
    session.select_span(per.id)
    window.relation_tools.start_or_link()
    window.relation_tools.link(post).actions()[0].trigger()
    repaint(window)
    assert arcs_room() > 0 and window.view.line_layout.above >= arcs_room()
    window.view.verticalScrollBar().setValue(0)
    repaint(window)
    (arc,) = window.relation_tools.arcs.arcs(window.view.geometry())
    assert len(arc.arrows) == 1          # the target, POST, is on screen; 齐强 is further down
    assert arc.path.boundingRect().right() >= window.view.geometry().lines[0].rect.right()
    assert QPoint(0, 0) != arc.tag.center().toPoint()


def test_an_edit_away_from_every_relation_keeps_the_arcs_laid_out(open_window, tmp_path):
    """The sorted ranges of the arcs are kept across edits that touch no relation, and
    follow relations added and removed without being sorted again."""
    window = open_window(make(tmp_path, [("PER", "HOLDS", "POST")]))
    arcs, session = window.relation_tools.arcs, window.session
    repaint(window)
    assert arcs._ranges is not None
    at = TEXT.index("会议")
    session.apply_label("ORG", (at, at + 2))           # a new span: no relation ends there
    assert arcs._ranges is not None
    per = next(s for s in session.spans if s.label == "PER")
    session.select_span(per.id)
    session.delete_selected()               # an end of the relation: the relation goes with it
    assert arcs._sorted_ranges()[0] == []
    repaint(window)
    assert arcs.arcs(window.view.geometry()) == []


def test_relations_added_and_undone_keep_the_ranges_in_order(open_window, tmp_path, qtbot):
    window = open_window(make(tmp_path, [("PER", "HOLDS", "POST")]))
    arcs, session = window.relation_tools.arcs, window.session
    repaint(window)
    metric = next(s for s in session.spans if s.label == "METRIC")
    org = next(s for s in session.spans if s.label == "ORG")
    session.select_span(metric.id)
    window.relation_tools.start_or_link()
    window.relation_tools.link(org).actions()[0].trigger()
    incremental = [(low, high, r.id) for low, high, r, *_ in arcs._sorted_ranges()[0]]
    arcs.invalidate()
    assert incremental == [(low, high, r.id) for low, high, r, *_ in arcs._sorted_ranges()[0]]
    assert len(incremental) == 2
    session.undo_stack.undo()
    assert [r.type for *_x, r, _a, _b in arcs._sorted_ranges()[0]] == ["HOLDS"]
