"""A relation's note in the Span Details panel: shown while the relation is selected,
saved when typing pauses or the focus leaves, one undo step, named in the arc's tooltip."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.test_relations import make


def note_of(path):
    conn = sqlite3.connect(path)
    (note,) = conn.execute("SELECT note FROM relations").fetchone()
    conn.close()
    return note


def test_the_selected_relations_note_is_edited_saved_and_undone(open_window, tmp_path, qtbot):
    path = make(tmp_path, [("PER", "HOLDS", "POST")])
    window = open_window(path)
    box = window.details.relation
    assert box.isHidden()
    (relation,) = list(window.session.relations)
    window.relation_tools.arc_clicked(relation.id)        # as a click on its arc does
    assert not box.isHidden()
    assert box.type_label.text() == "holds post · HOLDS"
    assert box.ends_label.text() == "王玉东 → 县委书记"
    box.note.setFocus()
    qtbot.keyClicks(box.note, "acting post")
    box.note.flush()
    assert note_of(path) == "acting post"
    assert window.session.relations.selected.note == "acting post"     # still selected
    QApplication.processEvents()
    window.view.viewport().repaint()
    (arc,) = window.relation_tools.arcs.arcs(window.view.geometry())
    assert window.view._overlay_tooltip(arc.tag.center().toPoint()).endswith("\nacting post")
    window.session.undo_stack.undo()                    # the whole typing is one step
    assert note_of(path) == ""
    assert window.session.undo_stack.undoText() == ""
    window.session.undo_stack.redo()
    assert note_of(path) == "acting post"
    window.session.select_span(window.session.spans[0].id)   # a span selected: box hidden
    assert box.isHidden()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
