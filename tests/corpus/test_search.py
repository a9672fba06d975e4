"""Matching and concordance lines, against independent counts (str.count, re.finditer)."""

from __future__ import annotations

import random
import re

import pytest

from corpus.search import SORT_KEYS, Covering, Hit, Matcher, PatternError, concordance


def aligned_reference(text: str, needle: str, bounds: set[int]) -> list[tuple[int, int]]:
    """Every aligned occurrence (overlapping ones included), then greedily left to right."""
    out, last = [], -1
    for i in range(len(text)):
        j = i + len(needle)
        if text.startswith(needle, i) and i in bounds and j in bounds and i >= last:
            out.append((i, j))
            last = j
    return out


@pytest.mark.parametrize("seed", range(20))
def test_plain_and_regex_counts_match_python(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("县委县平原😀𠮷\n") for _ in range(400))
    for needle in ("县", "县委", "县县", "😀𠮷", "平原县委"):
        hits = list(Matcher.build(needle).hits(text))
        assert len(hits) == text.count(needle)
        assert all(text[s:e] == needle for s, e in hits)
    for pattern in (r"县+", r"[😀𠮷]{2}", r"平原?县", r"委$", r"(?m)^县"):
        expected = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        assert list(Matcher.build(pattern, regex=True).hits(text)) == expected


def test_a_regex_that_matches_nothing_gives_no_empty_hits():
    assert list(Matcher.build(r"x*", regex=True).hits("县委县")) == []


@pytest.mark.parametrize("seed", range(20))
def test_whole_words_hits_start_and_end_on_tokens(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("ab") for _ in range(300))
    bounds = {0, len(text), *rng.sample(range(1, len(text)), 120)}
    for needle in ("a", "ab", "aa", "aba"):
        found = list(Matcher.build(needle).hits(text, bounds))
        assert found == aligned_reference(text, needle, bounds)
        regex = list(Matcher.build(re.escape(needle), regex=True).hits(text, bounds))
        assert regex == found


def test_a_misaligned_match_does_not_hide_an_aligned_one():
    # 县委县委 with tokens 县 | 委县 | 委: "县委" at 0 is misaligned, none at 2 is aligned
    assert list(Matcher.build("委县").hits("县委县委", {0, 1, 3, 4})) == [(1, 3)]
    assert list(Matcher.build("县委").hits("县县委", {0, 1, 3})) == [(1, 3)]


@pytest.mark.parametrize("pattern, position", [("平原(县", 2), ("[局", 0), ("a{2,1}", 2),
                                               ("(?P<x>a)(?P<x>b)", 12), ("县)", 1)])
def test_a_bad_regex_names_the_position(pattern, position):
    with pytest.raises(PatternError) as caught:
        Matcher.build(pattern, regex=True)
    message = str(caught.value)
    assert message.startswith(f"bad regular expression at position {position}: ")
    assert f"{pattern[:position]}▶{pattern[position:]}" in message
    assert "\n" not in message


def test_an_empty_pattern_is_refused():
    with pytest.raises(PatternError, match="empty"):
        Matcher.build("")


def test_concordance_and_covering_labels():
    text = "𠮷野家😀平原县委书记王玉东说"
    hit = concordance(1, text, 4, 7, width=3, labels=("LOC",))  # code points: 𠮷 and 😀 are one
    assert (hit.left, hit.text, hit.right) == ("野家😀", "平原县", "委书记")
    assert concordance(1, text, 1, 2, width=3).left == "𠮷"
    covering = Covering([(4, 8, "ORG"), (4, 7, "LOC"), (5, 7, "PER"), (0, 20, "SLOGAN")])
    assert covering.labels(4, 7) == ("LOC", "ORG", "SLOGAN")
    assert covering.labels(3, 7) == ("SLOGAN",)
    assert Covering([]).labels(0, 1) == ()


def test_sorting_by_left_context_reads_it_backwards():
    hits = [Hit(1, 10, 11, "甲乙", "局", "子", ()), Hit(2, 10, 11, "乙甲", "局", "丑", ("ORG",)),
            Hit(3, 10, 11, "丙甲", "局", "", ())]
    by_left = sorted(hits, key=SORT_KEYS["left"])
    # by the character next to the hit first: …乙 (甲乙) before …甲; then 丙甲 before 乙甲
    assert [h.document_id for h in by_left] == [1, 3, 2]
    by_label = sorted(hits, key=SORT_KEYS["label"])
    assert by_label[0].labels == ("ORG",)  # labelled first, unlabelled after
