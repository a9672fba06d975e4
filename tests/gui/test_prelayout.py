"""While the annotator reads, the paragraphs just below the screen are laid out (and get
their token underlines), so the next page down only paints; the work stops a couple of
screens ahead and starts again from wherever the view is scrolled to."""

from gui.view.prelayout import AHEAD_SCREENS
from storage.project import Project
from tests.conftest import new_document

PARAGRAPHS = "\n".join(f"第{i}段：德州市审计局召开会议，研究部署全年工作。" for i in range(600))


def laid_out(block) -> bool:
    return block.layout().lineCount() > 0


def window_on(open_window, tmp_path, *texts):
    """The main window on a project of ``texts``, and the documents' ids."""
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(text, f"{i}.txt"))
               for i, text in enumerate(texts)]
    return open_window(path), ids


def test_the_screens_below_are_laid_out_when_idle_and_no_further(open_window, tmp_path,
                                                                  qtbot):
    window, _ids = window_on(open_window, tmp_path, PARAGRAPHS)
    window.resize(900, 500)
    view = window.view
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    below = view.prelayout._below_screen()
    assert below.isValid() and laid_out(below)
    ahead = 0
    block = below
    while block.isValid() and laid_out(block):
        ahead += view.document().documentLayout().blockBoundingRect(block).height()
        block = block.next()
    assert ahead >= AHEAD_SCREENS * view.viewport().height() - 60     # about two screens
    far = view.document().findBlockByNumber(below.blockNumber() + 200)
    assert not laid_out(far)                                          # and no further

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)                                  # a jump: start again there
    assert view.prelayout.busy
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    assert laid_out(view.prelayout._below_screen())


def test_token_underlines_are_drawn_ahead_too(open_window, tmp_path, qtbot):
    window, _ids = window_on(open_window, tmp_path, PARAGRAPHS)
    view = window.view
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    view.set_tokens(list(range(2, len(PARAGRAPHS), 2)) + [len(PARAGRAPHS)])
    assert view.prelayout.busy                                        # new tokens: draw ahead
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    below = view.prelayout._below_screen().blockNumber()
    assert below in view.highlighter._token_blocks


def test_switching_documents_mid_work_starts_again_on_the_new_one(open_window, tmp_path,
                                                                   qtbot):
    window, (long_id, short_id) = window_on(open_window, tmp_path, PARAGRAPHS, "第一段。\n第二段。")
    view = window.view
    window.session.open_document(short_id)
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    window.session.open_document(long_id)
    assert view.prelayout.busy
    window.session.open_document(short_id)        # the long one's blocks are gone
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    assert view.text == "第一段。\n第二段。"
    window.session.open_document(long_id)
    qtbot.waitUntil(lambda: not view.prelayout.busy)
    assert laid_out(view.prelayout._below_screen())
