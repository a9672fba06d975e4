"""Traditional text through the Simplified shadow (corpus.text.shadow): every suggester reads the
same-length OpenCC t2s shadow, so its word lists are written once, in Simplified, and the
spans are cut from the Traditional text at the same offsets."""

import pytest

from corpus.text.shadow import simplified_shadow
from corpus.suggest.entities import from_pos
from corpus.suggest.metrics import MetricSuggester
from corpus.suggest.slogans import SloganSuggester
from corpus.suggest.surnames import has_surname


def metrics(text):
    return [(s.text, s.attributes["unit"], s.attributes["kind"])
            for s in MetricSuggester().suggest(text)]


def test_the_shadow_keeps_the_length_and_simplifies():
    text = "鄒平市把全市劃分為1268個網格𠀀"
    shadow = simplified_shadow(text)
    assert len(shadow) == len(text)
    assert shadow.startswith("邹平市把全市划分为1268个网格")


@pytest.mark.parametrize(("text", "expected"), [
    ("會議開了3個小時", [("3個小時", "個小時", "duration")]),      # a duration, as in Simplified
    ("投資2億英鎊", [("2億英鎊", "英鎊", "quantity")]),             # the unit is kept whole
    ("年發電500千瓦時", [("500千瓦時", "千瓦時", "quantity")]),      # not cut to 500千瓦
    ("配備網格員3200餘名", [("3200餘名", "名", "quantity")]),
    ("兩年來共召開議事會210場", [("兩年", "年", "duration"), ("210場", "場", "quantity")]),
])
def test_traditional_metrics_keep_their_units(text, expected):
    assert metrics(text) == expected


def test_the_scale_of_a_traditional_metric_is_as_written():
    found = MetricSuggester().suggest("發放補貼86萬元")[0]
    assert (found.text, found.attributes["scale"], found.attributes["value"]) == \
        ("86萬元", "萬", 860000)


def test_traditional_names_start_with_a_simplified_surname():
    assert has_surname(simplified_shadow("蔣中正"))
    text = "蔣中正說"
    found = from_pos(text, [(0, 3, "nr"), (3, 4, "v")])
    assert [(s.text, s.label) for s in found] == [("蔣中正", "PER")]


def test_traditional_organisations_and_places_by_their_suffixes():
    text = "武城縣商務局局長"
    found = from_pos(text, [(0, 3, "ns"), (3, 6, "n"), (6, 8, "post")])
    assert ("武城縣商務局", "ORG") in {(s.text, s.label) for s in found}


def test_traditional_slogans_and_speech():
    text = "推行“有事好商量”議事機制。“老百姓的事再小也是大事。”她說。"
    found = [s.text for s in SloganSuggester().suggest(text)]
    assert found == ["有事好商量"]


def test_a_traditional_dictionary_phrase_is_found_in_either_script():
    suggester = SloganSuggester(["網格化管理"])
    assert [s.text for s in suggester.suggest("推進網格化管理，网格化管理")] == \
        ["網格化管理", "网格化管理"]
