"""Help → Annotation Guidelines: the shipped standard, in the interface language, found and
searched in the window; a label links to its section; a project's own guidelines are
edited in the dialog, saved in the project file and carried by split."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from corpus.guidelines import bundled, section_of_label, sections
from storage.guidelines import guidelines_for, project_guidelines, set_project_guidelines
from storage.project import Project
from tests.conftest import run_hanmark

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")


@pytest.fixture
def window(open_window, sample_path):
    return open_window(sample_path)


def test_the_shipped_guidelines_have_a_section_for_every_default_label():
    for language in ("en", "zh_CN"):
        text = bundled(language)
        for label in LABELS:
            assert section_of_label(text, label) is not None, (language, label)
    assert "德州市纪委监委" in bundled("zh_CN") and "德州市纪委监委" in bundled("en")
    assert bundled("zh_TW").startswith("# 汉标标注规范")    # any Chinese falls back to zh_CN
    assert bundled("fr") == bundled("en")


def test_sections_ignore_hashes_in_code_blocks():
    text = "# Title\n```\n# not a heading\n```\n## ORG — organisation\n"
    assert [s.title for s in sections(text)] == ["Title", "ORG — organisation"]
    assert section_of_label(text, "ORG").line == 4
    assert section_of_label("## ORGANISATION\n", "ORG") is None


def test_help_opens_the_guidelines_and_find_counts_matches(window, qtbot):
    window.actions.help_menu.actions()[0].trigger()
    dialog = window.guidelines.dialog
    assert dialog.isVisible()
    assert "METRIC" in dialog.browser.toPlainText()
    assert dialog.highlight("METRIC") >= 3
    assert len(dialog.browser.extraSelections()) == dialog.highlight("METRIC")
    assert dialog.highlight("no such words anywhere") == 0
    assert dialog.section_box.count() >= 8


def test_a_label_links_to_its_section(window, qtbot):
    button = window.label_bar.buttons["SLOGAN"]
    menu = window.guidelines.label_menu("SLOGAN", button.mapToGlobal(QPoint(2, 2)))
    link = [a for a in menu.actions() if "SLOGAN" in a.text()][0]
    link.trigger()
    dialog = window.guidelines.dialog
    QApplication.processEvents()
    cursor = dialog.browser.textCursor()
    assert cursor.block().text().startswith("SLOGAN")
    assert cursor.block().blockFormat().headingLevel() == 2
    menu.close()


def test_project_guidelines_are_edited_saved_and_reset(window, qtbot):
    dialog = window.guidelines.open()
    dialog.start_editing()
    dialog.source.setPlainText("# Our rules\n\n## ORG\n\nFull names only.\n")
    dialog.save_edit()
    project = window.session.project
    assert project_guidelines(project).startswith("# Our rules")
    assert dialog.own and dialog.browser.toPlainText().startswith("Our rules")
    assert dialog.shipped.isVisible()
    again = Project.open(project.path)
    assert guidelines_for(again, "en") == (project_guidelines(project), True)
    again.close()
    dialog.shipped.click()
    assert project_guidelines(project) == "" and not dialog.own
    assert "Hanmark annotation guidelines" in dialog.browser.toPlainText()


def test_split_carries_the_project_guidelines(tmp_path):
    path = tmp_path / "p.hanmark"
    assert run_hanmark("sample", str(path)).returncode == 0
    with Project.open(path) as project:
        set_project_guidelines(project, "# 我们的规范\n")
    out = tmp_path / "out"
    result = run_hanmark("split", str(path), "-o", str(out), "--annotators", "alice,bob")
    assert result.returncode == 0, result.stderr
    with Project.open(out / "alice.hanmark") as share:
        assert project_guidelines(share) == "# 我们的规范\n"
