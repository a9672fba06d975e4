"""Arcs stay legible however deep they nest: the room above lines grows with the
document's nesting up to LEVELS, a line nesting deeper is drawn compact (every run at a
height of its own, inside the room), and no tag covers another."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from gui.view.arc_stacking import MIN_PITCH
from gui.view.relation_arcs import LEVELS
from storage.project import Project
from tests.conftest import new_document

PEOPLE = "王李张刘陈杨黄赵"       # eight PER spans, one character each
POSTS = "长令官员卿尉丞史"        # eight POST spans, the other way round
TEXT = PEOPLE + "说" + POSTS + "。\n" + "德州市审计局召开会议。" * 6


def make(tmp_path, depth):
    """``depth`` HOLDS relations nested on one line: the innermost from the last person
    to the first post, each next one around it."""
    path = tmp_path / "nest.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        posts_at = len(PEOPLE) + 1
        for i in range(depth):
            per = project.add_span(1, len(PEOPLE) - 1 - i, len(PEOPLE) - i, "PER",
                                   annotator="tester")
            post = project.add_span(1, posts_at + i, posts_at + i + 1, "POST",
                                    annotator="tester")
            project.add_relation(per.id, post.id, "HOLDS")
    return path


def laid_out(window):
    QApplication.processEvents()
    window.view.viewport().repaint()
    geometry = window.view.geometry()
    arcs = window.relation_tools.arcs.arcs(geometry)
    return geometry, sorted(arcs, key=lambda arc: -arc.path.boundingRect().top())


def heights(arcs):
    return [arc.path.boundingRect().top() for arc in arcs]   # each one run: its y


def test_nesting_within_the_room_gets_a_full_level_each(open_window, tmp_path):
    window = open_window(make(tmp_path, LEVELS))
    tools = window.relation_tools.arcs
    assert tools.levels == LEVELS and window.view.line_layout.above >= tools.above
    _geometry, arcs = laid_out(window)
    ys = heights(arcs)
    assert all(lower - upper >= tools.step - 0.01 for lower, upper in zip(ys, ys[1:]))
    assert all(arc.tag is not None for arc in arcs)                   # every tag shown
    tags = [arc.tag for arc in arcs]
    assert not any(a.intersects(b) for i, a in enumerate(tags) for b in tags[i + 1:])


def test_a_line_nesting_deeper_than_the_room_is_drawn_compact(open_window, tmp_path, qtbot):
    window = open_window(make(tmp_path, 8))
    window.resize(900, 500)
    tools, view = window.relation_tools.arcs, window.view
    geometry, arcs = laid_out(window)
    assert len(arcs) == 8 and tools.levels == LEVELS          # the room is capped
    ys = heights(arcs)
    assert all(lower - upper >= MIN_PITCH - 0.01 for lower, upper in zip(ys, ys[1:]))
    line = geometry.lines[0].rect
    room_top = line.top() - view.line_layout.above
    assert ys[-1] >= room_top and ys[0] < line.top()         # all inside the room above
    tags = [arc.tag for arc in arcs if arc.tag is not None]
    assert len(tags) >= 3                                     # some room for tags
    assert not any(a.intersects(b) for i, a in enumerate(tags) for b in tags[i + 1:])
    view.viewport().grab().save(str(tmp_path / "nested.png"))
    hidden = next((arc for arc in arcs if arc.tag is None), None)
    if hidden is not None:          # hovered, an arc without room for its tag shows it
        point = QPointF(hidden.path.pointAtPercent(0.5))
        move = QMouseEvent(QMouseEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), move)
        assert tools.hovered == hidden.relation.id
        assert "HOLDS" in view._overlay_tooltip(point.toPoint())


def test_the_room_grows_as_relations_added_nest_deeper(open_window, tmp_path):
    """Each relation added nests one deeper: the room follows, found where it was added
    (the same as a count over all of them), and stops at LEVELS."""
    window = open_window(make(tmp_path, 0))
    session, arcs = window.session, window.relation_tools.arcs
    from gui.commands.relations import AddRelation

    posts_at = len(PEOPLE) + 1
    for i in range(LEVELS + 2):
        per = window.session.project.add_span(1, len(PEOPLE) - 1 - i, len(PEOPLE) - i, "PER",
                                              annotator="tester")
        post = window.session.project.add_span(1, posts_at + i, posts_at + i + 1, "POST",
                                               annotator="tester")
        session.spans.add(per)
        session.spans.add(post)
        session.push(AddRelation(session, per.id, post.id, "HOLDS"))
        assert arcs.levels == min(i + 1, LEVELS) == arcs._depth()
    session.undo_stack.undo()
    assert arcs.levels == LEVELS            # undoing never lays the text out again
