"""The view with real jieba tokens: snapping, character mode, double-click, moving by
token, Tab between spans, sticky labels, zoom and the project's own words."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from corpus.text.tokenizer import Tokenizer
from gui.main_window import MainWindow
from gui.workers.token_service import TokenService
from storage.project import Project
from tests.conftest import ASTRAL_TEXT


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    return Tokenizer(tmp_path_factory.mktemp("jieba")).initialize()


@pytest.fixture
def tokened_window(qtbot, tokenizer, astral_path):
    """A window on the astral project whose first document's tokens have arrived."""
    service = TokenService(tokenizer)
    with qtbot.waitSignal(service.tokensReady, timeout=20000):
        window = MainWindow(Project.open(astral_path), "tester", tokens=service)
        qtbot.addWidget(window)
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    yield window
    window.close()


def point_of(view, offset):
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot, view, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, point_of(view, start))
    qtbot.mouseMove(viewport, point_of(view, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, point_of(view, end))


def test_tokens_arrive_are_cached_and_drawn(tokened_window, tokenizer):
    view = tokened_window.view
    assert view.tokens.ends[-1] == len(ASTRAL_TEXT)
    project = tokened_window.session.project
    assert project.cached_tokens(1, tokenizer.key) == view.tokens.ends
    formats = view.document().firstBlock().layout().formats()
    assert any(r.format.underlineStyle().name == "DotLine" for r in formats)


def test_a_drag_snaps_to_whole_tokens_after_astral_characters(tokened_window, qtbot):
    view = tokened_window.view
    token = view.tokens.token_at(8)  # inside 书记 / 县委书记, after 𠮷 and 😀
    drag(qtbot, view, token[0] + 1, token[1] - 1 if token[1] - token[0] > 2 else token[1])
    assert view.selection() == token
    qtbot.keyClick(view, Qt.Key.Key_4)
    span = tokened_window.session.spans[0]
    assert (span.start, span.end) == token and span.text == ASTRAL_TEXT[token[0]:token[1]]


def test_alt_and_character_mode_keep_exact_characters(tokened_window, qtbot):
    view = tokened_window.view
    drag(qtbot, view, 5, 6, Qt.KeyboardModifier.AltModifier)
    assert view.selection() == (5, 6)
    tokened_window.view_actions.character_mode.trigger()
    drag(qtbot, view, 4, 5)
    assert view.selection() == (4, 5)


def test_double_click_selects_a_token(tokened_window, qtbot):
    view = tokened_window.view
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, 11))
    assert view.selection() == view.tokens.token_at(11)


def test_keyboard_only_span_by_token_and_relabel(tokened_window, qtbot):
    view = tokened_window.view
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    bounds = view.tokens.bounds
    for _ in range(bounds.index(4) if 4 in bounds else 3):  # caret to a token boundary
        qtbot.keyClick(view, Qt.Key.Key_Right, ctrl)
    start = view.offsets.from_utf16(view.textCursor().position())
    assert start in bounds
    qtbot.keyClick(view, Qt.Key.Key_Right, ctrl | shift)  # extend by one token
    selection = view.selection()
    assert selection == (start, view.tokens.next_boundary(start))
    qtbot.keyClick(view, Qt.Key.Key_2)
    span = tokened_window.session.spans[0]
    assert (span.start, span.end, span.label) == (*selection, "ORG")
    qtbot.keyClick(view, Qt.Key.Key_3)  # the new span is selected: a label key relabels it
    assert tokened_window.session.spans[0].label == "LOC"


def test_tab_moves_between_spans_and_delete_acts_on_the_selected(tokened_window, qtbot):
    session, view = tokened_window.session, tokened_window.view
    session.apply_label("LOC", (4, 7))
    session.apply_label("PER", (10, 13))
    session.select_span(None)
    view.moveCursor(view.textCursor().MoveOperation.Start)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert session.selected.text == "平原县"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert session.selected.text == "王玉东"
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert session.selected.text == "平原县"
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [s.text for s in session.spans] == ["王玉东"]


def test_sticky_label_applies_to_every_new_selection(tokened_window, qtbot):
    view = tokened_window.view
    tokened_window.last_label = "METRIC"
    tokened_window.view_actions.sticky_label.trigger()
    drag(qtbot, view, 18, 20, Qt.KeyboardModifier.AltModifier)
    assert [(s.start, s.end, s.label) for s in tokened_window.session.spans] == \
        [(18, 20, "METRIC")]


def test_zoom_changes_the_font_and_reports_it(tokened_window, qtbot):
    view = tokened_window.view
    size = view.font().pointSize()
    with qtbot.waitSignal(tokened_window.fontSizeChanged) as changed:
        qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [size + 1] and view.font().pointSize() == size + 1
    tokened_window.view_actions.zoom_reset.trigger()
    assert view.font().pointSize() != size + 1


def test_a_new_word_retokenizes_only_the_documents_containing_it(tokened_window, qtbot,
                                                                 tokenizer):
    view, service = tokened_window.view, tokened_window.tokens
    project = tokened_window.session.project
    service.request(2, project.text_of(2))  # cache the second document too
    qtbot.waitUntil(lambda: project.cached_tokens(2, tokenizer.key) is not None, timeout=20000)
    word_start = ASTRAL_TEXT.index("王玉东说")
    view.select_range(word_start, word_start + 4)
    try:
        with qtbot.waitSignal(service.tokensReady, timeout=20000):
            tokened_window.view_actions.add_word.trigger()
        assert project.user_words() == ["王玉东说"]
        assert (word_start, word_start + 4) == view.tokens.token_at(word_start)
        assert project.cached_tokens(2, tokenizer.key) is not None  # not affected: kept
    finally:
        tokenizer.remove_word("王玉东说")  # the tokenizer is shared by this module's tests


def test_the_project_words_dialog_lists_adds_and_removes_words(tokened_window, qtbot,
                                                               tokenizer):
    view, service = tokened_window.view, tokened_window.tokens
    project = tokened_window.session.project
    dialog = tokened_window.tools.show_project_words()
    qtbot.addWidget(dialog)
    word_start = ASTRAL_TEXT.index("王玉东说")
    try:
        dialog.entry.setText("王玉东说")
        with qtbot.waitSignal(service.tokensReady, timeout=20000):
            qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
        assert project.user_words() == ["王玉东说"]
        assert [dialog.words.item(i).text() for i in range(dialog.words.count())] == ["王玉东说"]
        assert (word_start, word_start + 4) == view.tokens.token_at(word_start)
        assert "1 documents" in dialog.note.text()
        dialog.words.setCurrentRow(0)
        with qtbot.waitSignal(service.tokensReady, timeout=20000):
            qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
        assert project.user_words() == [] and dialog.words.count() == 0
        assert view.tokens.token_at(word_start) != (word_start, word_start + 4)
        dialog.entry.setText("两 个")
        qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
        assert project.user_words() == [] and "spaces" in dialog.note.text()
    finally:
        tokenizer.remove_word("王玉东说")


def test_keyboard_adjusts_the_selected_span_and_undo_restores_it(tokened_window, qtbot):
    session, view = tokened_window.session, tokened_window.view
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    session.apply_label("LOC", (4, 7))  # 平原县, selected
    qtbot.keyClick(view, Qt.Key.Key_Right, alt | shift)  # end + 1 character
    assert (session.selected.start, session.selected.end, session.selected.text) == (4, 8, "平原县委")
    qtbot.keyClick(view, Qt.Key.Key_Right, alt)  # start + 1 character
    assert session.selected.text == "原县委"
    qtbot.keyClick(view, Qt.Key.Key_Left, alt | Qt.KeyboardModifier.ControlModifier)  # by token
    assert session.selected.start == view.tokens.previous_boundary(5)
    stored = session.project.span(session.selected.id)
    assert (stored.start, stored.end, stored.text) == (session.selected.start, 8,
                                                       ASTRAL_TEXT[session.selected.start:8])
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.span(stored.id).text == "平原县"


def test_enter_offers_the_labels_for_the_selection(tokened_window, qtbot):
    view = tokened_window.view
    view.select_range(10, 13)
    menus = []
    original = tokened_window.tools.label_menu
    tokened_window.view.labelMenuRequested.disconnect()
    tokened_window.view.labelMenuRequested.connect(lambda: menus.append(original()))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    menu = menus[0]
    assert [a.data() for a in menu.actions()] == ["PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"]
    menu.actions()[0].trigger()
    menu.close()
    span = tokened_window.session.spans[0]
    assert (span.start, span.end, span.label) == (10, 13, "PER")


def test_nested_spans_keep_the_outer_colour_visible(tokened_window):
    session, view = tokened_window.session, tokened_window.view
    session.apply_label("ORG", (4, 8))   # 平原县委
    session.apply_label("LOC", (4, 7))   # 平原县 inside it
    session.select_span(None)
    block = view.document().firstBlock()
    unit = view.offsets.to_utf16(5)
    inner = [(r.format.background().color().name(), r.format.underlineColor().name())
             for r in block.layout().formats() if r.start <= unit < r.start + r.length]
    org = view.highlighter._formats["ORG"].underlineColor().name()
    loc_tint = view.highlighter._formats["LOC"].background().color().name()
    assert (loc_tint, org) in inner


def test_partly_overlapping_spans_are_stacked_only_where_they_overlap(tokened_window):
    session, view = tokened_window.session, tokened_window.view
    session.apply_label("ORG", (4, 8))   # 平原县委
    session.apply_label("POST", (6, 10))  # 县委书记: overlaps it on 县委 only
    session.select_span(None)
    block = view.document().firstBlock()
    formats = view.highlighter._formats
    tint = {name: formats[name].background().color().name() for name in ("ORG", "POST")}

    def drawn(offset):
        unit = view.offsets.to_utf16(offset) - block.position()
        ranges = block.layout().formats()   # kept alive while their formats are read
        found = [(r.format.background().color().name(),
                  r.format.underlineColor().name()
                  if r.format.underlineStyle().name == "WaveUnderline" else None)
                 for r in ranges
                 if r.start <= unit < r.start + r.length and r.format.background().style()]
        return found[-1]

    org_line = formats["ORG"].underlineColor().name()
    assert drawn(5) == (tint["ORG"], None)          # 原: the ORG alone
    assert drawn(6) == (tint["POST"], org_line)     # 县: both, the ORG as a wave
    assert drawn(9) == (tint["POST"], None)         # 记: the POST alone, no stray wave
    tooltip = view.tooltip_at(7)
    assert "平原县委" in tooltip and "县委书记" in tooltip


def test_entity_suggestions_arrive_from_the_worker(tokened_window, qtbot):
    tools = tokened_window.suggestion_tools
    tools.run.trigger()
    qtbot.waitUntil(lambda: any(s.source == "entities" for _i, s in tools.suggestions.items),
                    timeout=20000)
    entities = {(s.text, s.label) for _i, s in tools.suggestions.items if s.source == "entities"}
    assert ("王玉东", "PER") in entities


def test_an_opened_document_is_tagged_in_the_background(tokened_window, tokenizer, qtbot,
                                                        monkeypatch):
    project, service = tokened_window.session.project, tokened_window.tokens
    qtbot.waitUntil(lambda: project.cached_pos(1, tokenizer.key) is not None, timeout=20000)
    monkeypatch.setattr("gui.workers.token_service.PREPARE_TAGS_LIMIT", 5)   # document 2 is "long"
    service.prepare_tags(2, project.text_of(2))
    finished: list = []
    service._run(lambda: None, finished.append)     # the worker serves requests in turn
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    assert project.cached_pos(2, tokenizer.key) is None


def test_entity_suggestions_come_from_the_cached_tags_next_time(tokened_window, tokenizer,
                                                                 qtbot, monkeypatch):
    session, service = tokened_window.session, tokened_window.tokens
    text = session.document.text
    first: list = []
    service.entities(1, text, lambda document_id, found: first.append(found))
    qtbot.waitUntil(lambda: bool(first), timeout=20000)
    assert session.project.cached_pos(1, tokenizer.key) == tokenizer.pos(text)

    def no_tagger(_text):
        raise AssertionError("the tagger ran again")

    monkeypatch.setattr(tokenizer, "pos", no_tagger)
    again: list = []
    service.entities(1, text, lambda document_id, found: again.append(found))
    qtbot.waitUntil(lambda: bool(again), timeout=20000)
    assert again == first and ("王玉东", "PER") in {(s.text, s.label) for s in again[0]}
