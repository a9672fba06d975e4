"""The fonts Chinese is drawn in: chosen explicitly (Simplified first), whatever the system
locale, so that Qt's fallback never picks Japanese shapes (Noto Sans CJK JP).  Needs a CJK
font: `sudo apt install fonts-noto-cjk` (dnf: google-noto-sans-cjk-fonts)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gui.view import fonts
from tests.conftest import ROOT

NEEDS_CJK = "no CJK font installed (sudo apt install fonts-noto-cjk)"

PROBE = r"""
import json
from PySide6.QtGui import QFontInfo, QTextLayout
from hanmark.launcher import application
from gui.view import fonts

def drawn_in(font, text="骨"):
    layout = QTextLayout(text, font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    return layout.glyphRuns()[0].rawFont().familyName()

app = application()
print(json.dumps({
    "interface": QFontInfo(app.font()).family(), "interface_glyphs": drawn_in(app.font()),
    "interface_pt": app.font().pointSize(),
    "text": QFontInfo(fonts.text_font()).family(), "text_glyphs": drawn_in(fonts.text_font()),
    "traditional": QFontInfo(fonts.text_font(traditional=True)).family(),
    "traditional_glyphs": drawn_in(fonts.text_font(traditional=True), "時間"),
    "simplified_installed": fonts.cjk_families(), "traditional_installed":
        fonts.cjk_families(traditional=True)}))
"""


def _resolved(locale: str, home) -> dict:
    env = {"LANG": locale, "LC_ALL": locale, "LANGUAGE": "", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "HOME": str(home), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def cjk(qapp):
    families = fonts.cjk_families()
    if not families:
        pytest.skip(NEEDS_CJK)
    return families


@pytest.mark.parametrize("locale", ["C", "en_US.UTF-8", "zh_CN.UTF-8"])
def test_interface_and_text_resolve_to_a_simplified_family_under_any_locale(cjk, locale, hermetic_home):
    got = _resolved(locale, hermetic_home)
    first = got["simplified_installed"][0]
    assert first in fonts.SIMPLIFIED
    assert got["interface"] == first and got["interface_glyphs"] == first
    assert got["text"] == first and got["text_glyphs"] == first
    assert "JP" not in got["interface_glyphs"] + got["text_glyphs"]
    assert got["interface_pt"] >= fonts.INTERFACE_MIN_POINT_SIZE


@pytest.mark.parametrize("locale", ["C", "en_US.UTF-8"])
def test_traditional_text_resolves_to_a_traditional_family_when_one_is_installed(cjk, locale, hermetic_home):
    got = _resolved(locale, hermetic_home)
    first = got["traditional_installed"][0]
    assert got["traditional"] == first and got["traditional_glyphs"] == first
    if set(fonts.TRADITIONAL) & set(got["traditional_installed"]):
        assert first in fonts.TRADITIONAL


def test_the_view_draws_a_traditional_document_in_traditional_shapes(cjk, open_window, sample_path):
    window = open_window(sample_path)
    model = window.document_list.model_
    kinds = {}
    for row in model.rows:
        window.session.open_document(row.id)
        kinds.setdefault(window.view.traditional, window.view.fontInfo().family())
    assert set(kinds) == {False, True}          # the seeds hold both scripts
    assert kinds[False] == fonts.cjk_families()[0]
    assert kinds[True] == fonts.cjk_families(traditional=True)[0]
    size = window.view.font().pointSize()
    window.view.zoom(2)                           # zooming keeps the shapes
    assert window.view.fontInfo().family() == kinds[window.view.traditional]
    assert window.view.font().pointSize() == size + 2
