from pathlib import Path

import pytest

from corpus.text.script import is_traditional

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("name, traditional", [
    ("000_", False), ("001_", False), ("002_", True), ("003_", False), ("004_", True)])
def test_the_seed_articles_scripts(name, traditional):
    path = next(SEEDS.glob(f"{name}*"))
    assert is_traditional(path.read_text(encoding="utf-8")) is traditional


def test_a_few_traditional_characters_in_simplified_text_do_not_count():
    assert not is_traditional("平原县委书记王玉东说：今年新签约项目25个。臺灣")
    assert is_traditional("平原縣委書記王玉東說：今年新簽約項目25個，投資665萬元。")
    assert not is_traditional("")
    assert not is_traditional("plain English, no Han characters at all")
