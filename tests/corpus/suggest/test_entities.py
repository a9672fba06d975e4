import pytest

from corpus.suggest.entities import EntitySuggester, from_pos
from corpus.tokenizer import Tokenizer


def test_rules_on_tagged_words():
    text = "县发改局局长潘吉兵在王庙镇"
    tagged = [(0, 4, "nt"), (4, 6, "post"), (6, 9, "nr"), (9, 10, "p"), (10, 13, "nr")]
    found = {(s.text, s.label) for s in from_pos(text, tagged)}
    assert found == {("县发改局", "ORG"), ("县发改局局长", "POST"), ("潘吉兵", "PER"),
                     ("王庙镇", "LOC")}  # a person-tagged word with a place suffix is a place


def test_place_then_organisation_is_one_organisation():
    text = "德州市审计局"
    found = [(s.text, s.label) for s in from_pos(text, [(0, 2, "ns"), (2, 6, "nt")])]
    assert found == [("德州市审计局", "ORG")]


@pytest.fixture(scope="module")
def suggester(tmp_path_factory):
    return EntitySuggester(Tokenizer(tmp_path_factory.mktemp("jieba")).initialize())


def test_real_jieba_finds_the_design_examples(suggester):
    text = "平原县委书记王玉东介绍，德州市审计局和县发改局局长潘吉兵在王庙镇调研。浙江省委组织部齐强参加。"
    found = {(s.text, s.label) for s in suggester.suggest(text)}
    for expected in (("王玉东", "PER"), ("潘吉兵", "PER"), ("齐强", "PER"),
                     ("德州市审计局", "ORG"), ("浙江省委组织部", "ORG"),
                     ("县发改局局长", "POST"), ("王庙镇", "LOC")):
        assert expected in found, expected
    assert all(text[s.start:s.end] == s.text and s.source == "entities"
               for s in suggester.suggest(text))


def test_traditional_text_is_tagged_through_its_shadow(suggester):
    text = "商南縣委組織部部長韓壽山說"
    found = {(s.text, s.label) for s in suggester.suggest(text)}
    assert ("商南縣委組織部", "ORG") in found  # Traditional characters, offsets unchanged
    assert ("商南縣委組織部部長", "POST") in found
