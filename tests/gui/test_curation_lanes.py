"""View → Curate's lanes: each compared annotator's spans drawn under the text, conflicts
marked, a click on a bar choosing it, its ✓ / ✗ accepting or rejecting it (one undo step
each), and the room under the lines given back when curation is off."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from corpus.document import Status
from gui.view.curation_lanes import CONFLICT
from storage.project import Project
from storage.team.adjudicate import run_adjudication
from tests.conftest import new_document

TEXT = "𠮷平原县委书记王玉东在德州市审计局调研。县委组织部部长齐强参加调研。"
#        0 1234 5678 901 2 345678
LAYERS = {
    "alice": [(1, 5, "ORG"), (7, 10, "PER"), (11, 17, "ORG")],
    "bob": [(1, 5, "ORG"), (7, 10, "PER"), (11, 14, "LOC")],
    "carol": [(1, 4, "LOC"), (7, 10, "PER"), (32, 34, "PER")],
}
AGREED = (1, 5, "ORG")           # alice and bob: 2 of 3, adjudicated into gold
CONFLICT_KEY = (11, 14, "LOC")   # bob alone, overlapping alice's ORG


@pytest.fixture
def curating(open_window, tmp_path):
    path = tmp_path / "team.hanmark"
    with Project.create(path) as project:
        document_id = project.add_document(new_document(TEXT, "a.txt"))
        for name, spans in LAYERS.items():
            for start, end, label in spans:
                project.add_span(document_id, start, end, label, annotator=name)
            project.set_status(document_id, name, Status.DONE)
        project.add_document(new_document("第二篇：德州市纪委监委。", "b.txt"))
        run_adjudication(project)
    window = open_window(path, annotator="gold")
    window.curation.toggle.trigger()
    settle(window)
    return window


def settle(window):
    QApplication.processEvents()     # the text is laid out again on the next turn
    window.view.viewport().repaint()


def lane_point(window, key, annotator):
    """The middle of ``annotator``'s bar for ``key``, found from the text's boxes."""
    view, lanes = window.view, window.curation.lanes
    box = view.geometry().boxes(key[0], key[1])[0]
    lane = lanes.names.index(annotator)
    y = box.bottom() + lanes.pad + lane * lanes.lane + lanes.lane / 2
    return QPoint(int(box.center().x()), int(y))


def pixel(window, point) -> QColor:
    return window.view.viewport().grab().toImage().pixelColor(point)


def near(colour: QColor, wanted: QColor, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3],
                                                        wanted.getRgb()[:3]))


def label_colour(window, name) -> QColor:
    return QColor(next(label.color for label in window.session.scheme if label.name == name))


def test_every_compared_annotator_gets_a_lane_with_their_spans(curating):
    lanes = curating.curation.lanes
    assert lanes.names == ["alice", "bob", "carol"]
    assert "A alice · B bob · C carol" in curating.curation.dock.windowTitle()
    per = label_colour(curating, "PER")
    for name in lanes.names:               # 王玉东 PER: all three have it, quiet tint
        colour = pixel(curating, lane_point(curating, (7, 10, "PER"), name))
        assert colour.hue() == pytest.approx(per.hue(), abs=12) and colour.saturation() > 40
    # carol has no ORG at 1..5: her lane there shows her LOC 1..4, alice's shows ORG
    org, loc = label_colour(curating, "ORG"), label_colour(curating, "LOC")
    assert pixel(curating, lane_point(curating, AGREED, "alice")).hue() == \
        pytest.approx(org.hue(), abs=12)
    assert pixel(curating, lane_point(curating, (1, 4, "LOC"), "carol")).hue() == \
        pytest.approx(loc.hue(), abs=12)
    # nothing of bob's under 齐强 (carol's span): his lane there is blank
    blank = pixel(curating, lane_point(curating, (32, 34, "PER"), "bob"))
    assert blank.lightness() > 240


def darkest(window, point, reach=6) -> QColor:
    """The darkest pixel of a short run across a bar (hatching leaves light gaps)."""
    image = window.view.viewport().grab().toImage()
    return min((image.pixelColor(point.x() + dx, point.y()) for dx in range(-reach, reach + 1)),
               key=lambda c: c.lightness())


def test_a_conflict_is_drawn_strong_and_an_agreed_span_quiet(curating):
    conflict = darkest(curating, lane_point(curating, CONFLICT_KEY, "bob"))
    agreed = pixel(curating, lane_point(curating, AGREED, "bob"))
    loc = label_colour(curating, "LOC")
    assert agreed.lightness() > 170                     # a pale tint
    assert conflict.lightness() < agreed.lightness() - 40   # full colour (with hatching)
    image = curating.view.viewport().grab().toImage()
    box = curating.view.geometry().boxes(*CONFLICT_KEY[:2])[0]
    outline = [image.pixelColor(x, y) for x in range(int(box.left()), int(box.right()))
               for y in range(int(box.top()) - 1, int(box.top()) + 2)]
    assert any(near(c, CONFLICT) for c in outline)      # the conflict is marked in the text
    agreed_box = curating.view.geometry().boxes(7, 10)[0]     # 王玉东: everyone agrees
    top = [image.pixelColor(x, y) for x in range(int(agreed_box.left()) + 3,
                                                 int(agreed_box.right()) - 3)
           for y in range(int(agreed_box.top()) - 1, int(agreed_box.top()) + 2)]
    assert not any(near(c, CONFLICT) for c in top)
    assert loc.isValid()


def test_a_click_on_a_bar_makes_it_current_and_its_tick_accepts_it(curating, qtbot):
    curation, view = curating.curation, curating.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=lane_point(curating, CONFLICT_KEY, "bob"))
    assert curation.current == CONFLICT_KEY
    assert curation.candidates[curation.currentRow()].key == CONFLICT_KEY   # the list follows
    assert view.selection() == (11, 14)
    settle(curating)
    line = next(li for li in view.geometry().lines if li.start <= 11 < li.end)
    bar = next(b for b in curation.lanes.bars(view.geometry(), line) if b.key == CONFLICT_KEY)
    accept, _reject = curation.lanes.buttons(bar, line)
    assert "Ctrl+Alt+A" in view._overlay_tooltip(accept.center().toPoint())
    before = len(curation.candidates)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=accept.center().toPoint())
    gold = {(s.start, s.end, s.label): s.origin for s in curating.session.spans}
    assert gold[CONFLICT_KEY] == "curated:bob"
    assert len(curation.candidates) < before
    assert curation.lanes.states[CONFLICT_KEY] == "settled"
    assert "conflict" in curating.statusBar().currentMessage()
    curating.session.undo_stack.undo()
    assert CONFLICT_KEY not in {(s.start, s.end, s.label) for s in curating.session.spans}
    assert curation.lanes.states[CONFLICT_KEY] == "open"
    assert [c.key for c in curation.candidates].count(CONFLICT_KEY) == 1


def test_the_cross_rejects_and_the_rejection_is_remembered(curating, qtbot):
    curation, view = curating.curation, curating.view
    key = (11, 17, "ORG")                                # alice's, in the same conflict
    curation.choose(key)
    settle(curating)
    line = next(li for li in view.geometry().lines if li.start <= 11 < li.end)
    bar = next(b for b in curation.lanes.bars(view.geometry(), line) if b.key == key)
    _accept, reject = curation.lanes.buttons(bar, line)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=reject.center().toPoint())
    assert curating.session.project.rejected_candidates(1, "gold") == {key}
    assert curation.lanes.states[key] == "rejected"
    settle(curating)
    assert pixel(curating, lane_point(curating, key, "alice")).lightness() > 240  # hollow
    assert key not in [c.key for c in curation.candidates]
    assert curation.current == (32, 34, "PER")           # the next conflict is current
    curating.session.undo_stack.undo()
    assert curating.session.project.rejected_candidates(1, "gold") == set()
    assert curation.lanes.states[key] == "open"


def test_a_tooltip_names_the_annotator_the_label_the_text_and_who_agrees(curating):
    view = curating.view
    tip = view._overlay_tooltip(lane_point(curating, (7, 10, "PER"), "bob"))
    assert "bob" in tip and "PER" in tip and "王玉东" in tip
    assert "alice, carol" in tip and "3 of 3" in tip
    tip = view._overlay_tooltip(lane_point(curating, CONFLICT_KEY, "bob"))
    assert "Marked by bob alone" in tip and "Conflict" in tip


def pitch(view):
    return view.blockBoundingRect(view.document().firstBlock()).height()


def test_the_lanes_room_grows_with_lanes_and_zoom_and_is_given_back(curating):
    view, lanes = curating.view, curating.curation.lanes
    on = view.line_layout.below
    assert on == lanes.below >= 3 * lanes.lane
    lane = lanes.lane
    view.zoom(+6)
    settle(curating)
    assert lanes.lane > lane and view.line_layout.below > on
    view.zoom(0)
    curating.curation.toggle.trigger()          # off
    settle(curating)
    assert view.line_layout.below == 0
    assert not lanes.enabled
    off = pitch(view)
    curating.curation.toggle.trigger()          # on again: the same room as before
    settle(curating)
    assert view.line_layout.below == on
    assert pitch(view) == off + on


def test_the_keys_and_the_lanes_stay_in_step(curating):
    curation = curating.curation
    curation.next.trigger()
    first = curation.current
    assert curation.lanes.current == first
    curation.accept.trigger()                    # the next conflict becomes current and shown
    assert curation.lanes.current == curation.current != first
    assert curating.view.selection() == curation.current[:2]
    curation.next.trigger()
    assert curation.lanes.current == curation.current
    curation.reject.trigger()
    curating.session.undo_stack.undo()
    curating.session.undo_stack.undo()
    curation.accept.trigger()
    # Settled again around each change only, yet the same as settling everything anew:
    shown, states = [c.key for c in curation.candidates], dict(curation.lanes.states)
    assert [c.key for c in curation.conflicts()] == shown
    assert curation.curating.states == states
    assert [curation.item(i).text() for i in range(curation.count())] == [
        f"{TEXT[c.start:c.end]}  {c.label}  ← {', '.join(c.annotators)}"
        for c in curation.candidates]


def test_settling_the_last_conflict_marks_the_document_done_in_one_undo_step(curating):
    curation, session = curating.curation, curating.session
    assert session.status(1) is Status.IN_PROGRESS       # adjudicated, conflicts left
    curation.next.trigger()
    while len(curation.candidates) > 1:
        curation.reject.trigger()
        assert session.status(1) is Status.IN_PROGRESS
    curation.accept.trigger()
    assert curation.candidates == [] and session.status(1) is Status.DONE
    assert "0 conflict" in curating.statusBar().currentMessage()
    session.undo_stack.undo()                            # the acceptance and the status
    assert len(curation.candidates) == 1 and session.status(1) is Status.IN_PROGRESS


def test_undoing_a_rejection_from_another_document_shows_it_again(curating):
    curation, session = curating.curation, curating.session
    curation.next.trigger()
    rejected = curation.current
    curation.reject.trigger()
    session.open_document(2)
    assert curation.lanes.names == [] and curating.view.line_layout.below == 0
    session.undo_stack.undo()
    assert session.document.id == 1
    assert session.project.rejected_candidates(1, "gold") == set()
    assert curation.lanes.states[rejected] == "open" and curation.lanes.names == [
        "alice", "bob", "carol"]
