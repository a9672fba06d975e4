"""The fast CoNLL writer writes exactly what the one-character-at-a-time reference does."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.formats import conll_lines
from corpus.formats.conll_lines import documents_lines, reference_lines
from corpus.formats.model import FormatSpan

# Characters that each take a different path: plain CJK, astral, sentence enders, the
# escaped ones (common and rare white space, backslash), control characters that the
# writer would otherwise use as stand-ins, and "%" (the span lines are %-templates).
ALPHABET = ("德州市审计局𠮷😀。！？ \n\r\t\\\u3000\xa0\u2028\x85\x0b\x1c%a"
            + conll_lines._STAND_INS)
LABELS = ("PER", "LOC", "A%B", "%s")


@st.composite
def documents(draw):
    text = draw(st.text(st.sampled_from(ALPHABET), max_size=40))
    spans, pos = [], 0
    while True:
        start = pos + draw(st.integers(0, 5))
        end = start + draw(st.integers(1, 4))
        if end > len(text) or not draw(st.booleans()):
            return text, spans
        spans.append(FormatSpan(start, end, draw(st.sampled_from(LABELS))))
        pos = end


@settings(max_examples=300, deadline=None)
@given(st.lists(documents(), max_size=6), st.sampled_from(("bio", "bioes", "bmes")),
       st.booleans())
def test_fast_lines_are_the_reference_lines(batch, scheme, sentences):
    expected = "".join(reference_lines(text, spans, scheme, sentences) for text, spans in batch)
    assert documents_lines(batch, scheme, sentences).decode() == expected


def test_one_line_per_character_astral_included():
    text = "𠮷野家 😀\n。"
    out = documents_lines([(text, [FormatSpan(0, 3, "ORG")])]).decode()
    assert out == "𠮷 B-ORG\n野 I-ORG\n家 I-ORG\n\\s O\n😀 O\n\\n O\n。 O\n\n"


def test_sentences_break_after_enders_outside_spans_only():
    text = "好。严真细实快！"
    out = documents_lines([(text, [FormatSpan(2, 8, "SLOGAN")])], "bioes", True).decode()
    slogan = "严 B-SLOGAN\n真 I-SLOGAN\n细 I-SLOGAN\n实 I-SLOGAN\n快 I-SLOGAN\n！ E-SLOGAN"
    assert out.split("\n\n") == ["-DOCSTART- O", "好 O\n。 O", slogan, ""]


def test_rare_white_space_is_escaped_and_reads_back():
    text = "德州\u3000市\xa0局"
    lines = documents_lines([(text, [])]).decode().split("\n")
    assert lines[2] == "\\u3000 O" and lines[4] == "\\u00a0 O"
    assert "".join(conll_lines.unescape(line.split()[0]) for line in lines if line) == text


def test_stand_ins_are_single_bytes_that_are_not_white_space():
    stand_ins = conll_lines._STAND_INS
    assert len(set(stand_ins)) == len(stand_ins) > 10
    assert all(len(c.encode()) == 1 and not c.isspace() and c != "\0" for c in stand_ins)


@pytest.mark.parametrize("held", [8, len(conll_lines._STAND_INS) - 1, len(conll_lines._STAND_INS)])
def test_texts_holding_stand_ins_keep_them_and_escape_the_rest(held):
    text = conll_lines._STAND_INS[:held] + " \n\u3000德"
    spans = [FormatSpan(len(text) - 3, len(text), "LOC")]
    assert documents_lines([(text, spans), ("好 ", [])]).decode() == \
        reference_lines(text, spans) + reference_lines("好 ", [])
