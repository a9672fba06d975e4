import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.textmap import TextMap, TextMapBuilder


def crlf_to_lf(source):
    builder = TextMapBuilder(source)
    position = 0
    while (found := source.find("\r\n", position)) >= 0:
        builder.copy(position, found)
        builder.emit("\n", found, found + 2)
        position = found + 2
    builder.copy(position, len(source))
    return builder.build()


def drop(source, char):
    builder = TextMapBuilder(source)
    for i, c in enumerate(source):
        if c != char:
            builder.copy(i, i + 1)
    return builder.build()


def test_copies_map_one_to_one_and_emits_to_their_source():
    raw = "a\r\nb&amp;c"
    builder = TextMapBuilder(raw)
    builder.copy(0, 1)
    builder.emit("\n", 1, 3)
    builder.copy(3, 4)
    builder.emit("&", 4, 9)
    builder.copy(9, 10)
    text, tmap = builder.build()
    assert text == "a\nb&c"
    assert [tmap.to_source(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 9, 10]
    assert tmap.source_range(3, 4) == (4, 9)
    assert raw[slice(*tmap.source_range(2, 5))] == "b&amp;c"


def test_composition_maps_back_through_every_pass():
    raw = "平\r\n原(yuán)县\r\n委"
    first, first_map = crlf_to_lf(raw)
    second, second_map = drop(first, "(")
    composed = second_map.then(first_map)
    for i, char in enumerate(second):
        source = composed.to_source(i)
        assert raw[source] == char or (char == "\n" and raw[source:source + 2] == "\r\n")
    assert composed.source_length == len(raw)
    assert composed.length == len(second)


def test_json_round_trip():
    text, tmap = crlf_to_lf("x\r\ny\r\n")
    again = TextMap.from_json(tmap.to_json(), tmap.source_length)
    assert [again.to_source(i) for i in range(len(text) + 1)] == \
        [tmap.to_source(i) for i in range(len(text) + 1)]


def test_identity_and_bounds():
    tmap = TextMap.identity(3)
    assert tmap.to_source(3) == 3 and tmap.source_range(1, 2) == (1, 2)
    with pytest.raises(IndexError):
        tmap.to_source(4)


# -- composition against a character-by-character reference ------------------------------------

@st.composite
def edited(draw, source):
    """``source`` with random sorted edits applied: deletions, replacements, insertions."""
    cuts = sorted(draw(st.lists(st.integers(0, len(source)), max_size=12)))
    edits, position = [], 0
    for low, high in zip(cuts[::2], cuts[1::2]):
        if low >= position:
            edits.append((low, high, draw(st.sampled_from(["", "\n", "&", "\ufffd", "xy"]))))
            position = high + 1 if high == low else high
    return TextMap.from_edits(source, edits)


def expected_source(outer, inner, offset):
    """Where a character of the outer text comes from, following both maps one step each."""
    start, end = outer.source_range(offset, offset + 1)
    return inner.source_range(start, end)[0] if start < end else inner.to_source(start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab時間\n𠮷", min_size=1, max_size=40).flatmap(
    lambda raw: st.tuples(st.just(raw), edited(raw))).flatmap(
    lambda pair: st.tuples(st.just(pair[0]), st.just(pair[1]), edited(pair[1][0]))))
def test_composition_agrees_with_following_both_maps(case):
    raw, (_middle, inner), (text, outer) = case
    composed = outer.then(inner)
    assert composed.length == len(text) and composed.source_length == len(raw)
    for offset in range(len(text)):
        assert composed.to_source(offset) == expected_source(outer, inner, offset)
        low, high = composed.source_range(offset, offset + 1)
        mid_low, mid_high = outer.source_range(offset, offset + 1)
        assert (low, high) == inner.source_range(mid_low, mid_high) or mid_low == mid_high
    segments = composed.segments
    assert [s.start for s in segments] == sorted({s.start for s in segments})
    assert all(s.length > 0 for s in segments)


def test_a_pickled_map_arrives_as_its_stored_json_and_reads_the_same():
    import pickle

    text, tmap = crlf_to_lf("甲\r\n乙𠮷\r\n丙")
    again = pickle.loads(pickle.dumps(tmap))
    assert again.json_text() == tmap.json_text()
    assert "_segments" not in again.__dict__     # nothing parsed until someone reads it
    assert [again.to_source(i) for i in range(len(text) + 1)] == \
        [tmap.to_source(i) for i in range(len(text) + 1)]
    assert again.segments == tmap.segments
