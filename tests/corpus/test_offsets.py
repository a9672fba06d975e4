import pytest

from corpus.text.offsets import OffsetMap, utf16_length

TEXTS = ["", "平原县", "𠮷野家😀平原县", "😀", "a😀b𠮷c\n𠀀", "😀😀😀", "abc\n德州"]


def naive_to_utf16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", TEXTS)
def test_to_utf16_matches_the_encoded_length(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert offsets.to_utf16(cp) == naive_to_utf16(text, cp)
    assert offsets.utf16_length == utf16_length(text) == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", TEXTS)
def test_round_trip_every_boundary(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert offsets.from_utf16(offsets.to_utf16(cp)) == cp


def test_the_pitfall_example():
    text = "𠮷野家😀平原县"
    start, end = OffsetMap(text).range_from_utf16(4, 7)
    assert text[start:end] == "😀平"
    assert (start, end) == (3, 5)


def test_position_inside_a_surrogate_pair_snaps_to_the_character():
    offsets = OffsetMap("a😀b")
    assert offsets.from_utf16(2) == 1  # between the halves of 😀
    assert offsets.range_from_utf16(0, 2) == (0, 2)  # an end inside grows over it


def test_out_of_range_is_an_error():
    offsets = OffsetMap("😀")
    with pytest.raises(IndexError):
        offsets.to_utf16(2)
    with pytest.raises(IndexError):
        offsets.from_utf16(3)


def test_fast_path_for_bmp_text():
    offsets = OffsetMap("平原县" * 1000)
    assert not offsets.has_astral
    assert offsets.to_utf16(2999) == 2999
