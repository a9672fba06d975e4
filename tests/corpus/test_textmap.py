import pytest

from corpus.textmap import TextMap, TextMapBuilder


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
