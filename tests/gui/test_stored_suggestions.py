"""Suggestions stored before the window opens (hanmark suggest --apply) are drawn as soon
as their document is shown, also when switching between documents of different lengths."""

from corpus.suggest.settings import rule_suggesters
from gui.tools.suggestion_session import find
from storage.project import Project
from tests.conftest import new_document

SHORT = "今年新签约项目25个，投资665万元。"
LONG = "打造“五型”机关，落实“严真细实快”要求。" + "本报讯。" * 200


def _store(project, document_id, text):
    found = find(rule_suggesters(project.suggest_settings()), text)
    assert project.store_suggestions(document_id, found) > 0


def _dashed(view):
    """The texts drawn with the suggestions' dashed underline."""
    out = []
    block = view.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle().name == "DashUnderline":
                out.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return out


def _project(tmp_path):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(t, f"{i}.txt"))
               for i, t in enumerate((SHORT, LONG))]
        for document_id, text in zip(ids, (SHORT, LONG)):
            _store(project, document_id, text)
    return path, ids


def test_stored_suggestions_are_drawn_when_the_document_opens(open_window, tmp_path):
    path, _ids = _project(tmp_path)
    window = open_window(path)
    assert window.session.document.text == SHORT
    assert {"25个", "665万元"} <= set(_dashed(window.view))
    window.suggestion_tools.run.trigger()   # nothing new: they were all there already
    assert window.statusBar().currentMessage().startswith("0 ")


def test_switching_documents_of_different_lengths_draws_each_ones_suggestions(
        open_window, tmp_path):
    path, (short_id, long_id) = _project(tmp_path)
    window = open_window(path)
    window.session.open_document(long_id)
    assert {"五型", "严真细实快"} <= set(_dashed(window.view))
    assert "25个" not in _dashed(window.view)
    window.session.open_document(short_id)
    assert {"25个", "665万元"} <= set(_dashed(window.view))
    assert "五型" not in _dashed(window.view)


def test_a_suggestion_has_a_tooltip_and_the_current_one_is_named(open_window, tmp_path, qtbot):
    from PySide6.QtCore import Qt

    path, _ids = _project(tmp_path)
    window = open_window(path)
    start = SHORT.index("25个")
    assert "Suggested METRIC · 25个 (by metrics, score 1.00)" in window.view.tooltip_at(start)
    assert "Suggested" not in window.view.tooltip_at(0)
    qtbot.keyClick(window.view, Qt.Key.Key_BracketRight)
    total = len(window.suggestion_tools.suggestions.items)
    assert window.statusBar().currentMessage() == \
        f"Suggestion 1 of {total}: Suggested METRIC · 25个 (by metrics, score 1.00)"
