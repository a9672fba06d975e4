import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.formats import conll, overlap, tags
from corpus.formats.model import ExportError, FormatSpan


@pytest.mark.parametrize("scheme,expected", [
    ("bio", ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]),
    ("bioes", ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "O"]),
    ("bmes", ["B-PER", "M-PER", "E-PER", "O", "S-LOC", "O"]),
])
def test_encode_and_decode_each_scheme(scheme, expected):
    spans = [(0, 3, "PER"), (4, 5, "LOC")]
    assert tags.encode(6, spans, scheme) == expected
    assert tags.decode(expected) == spans


def test_adjacent_spans_of_one_label_stay_apart():
    encoded = tags.encode(4, [(0, 2, "ORG"), (2, 4, "ORG")], "bio")
    assert encoded == ["B-ORG", "I-ORG", "B-ORG", "I-ORG"]
    assert tags.decode(encoded) == [(0, 2, "ORG"), (2, 4, "ORG")]


def test_decode_is_lenient_like_common_taggers():
    assert tags.decode(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == \
        [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]


def test_tag_names_start_with_outside():
    assert tags.tag_names(["PER", "ORG"], "bio") == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    assert len(tags.tag_names(["PER"], "bioes")) == 5


@given(st.text())
def test_conll_escape_round_trips_and_leaves_no_white_space(token):
    escaped = conll.escape(token)
    assert conll.unescape(escaped) == token
    assert not any(c.isspace() for c in escaped)


def spans(*triples):
    return [FormatSpan(s, e, label) for s, e, label in triples]


def test_overlap_longest_and_priority():
    nested = spans((0, 8, "SLOGAN"), (0, 3, "LOC"), (4, 8, "ORG"), (10, 12, "PER"))
    kept, conflicts = overlap.resolve(1, nested, "longest", ("PER", "ORG", "LOC"))
    assert [(s.start, s.end, s.label) for s in kept] == [(0, 8, "SLOGAN"), (10, 12, "PER")]
    assert len(conflicts) == 2
    kept, _ = overlap.resolve(1, nested, "priority", ("PER", "ORG", "LOC", "SLOGAN"))
    assert [(s.start, s.end, s.label) for s in kept] == \
        [(0, 3, "LOC"), (4, 8, "ORG"), (10, 12, "PER")]


def test_overlap_fail_names_the_conflicts():
    with pytest.raises(ExportError, match=r"document 3: \[0, 3\) LOC overlaps \[0, 8\) SLOGAN"):
        overlap.resolve(3, spans((0, 8, "SLOGAN"), (0, 3, "LOC")), "fail")
    assert overlap.resolve(3, spans((0, 3, "LOC"), (3, 4, "PER")), "fail")[1] == []
