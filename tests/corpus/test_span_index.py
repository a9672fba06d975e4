from corpus.span import Span
from corpus.span_index import SpanIndex


def span(i, start, end):
    return Span(1, start, end, "ORG", "x" * (end - start), id=i)


def test_add_remove_keep_order():
    index = SpanIndex([span(1, 10, 12), span(2, 0, 5)])
    assert [s.id for s in index] == [2, 1]
    assert index.add(span(3, 6, 8)) == 1
    assert index.remove(span(2, 0, 5)) == 0
    assert [s.id for s in index] == [3, 1]
    assert index.remove(span(9, 6, 8)) is None  # same offsets, other id: not removed


def test_containing_and_innermost_with_nesting():
    index = SpanIndex([span(1, 0, 20), span(2, 5, 8), span(3, 30, 31)])
    assert {s.id for s in index.containing(6)} == {1, 2}
    assert index.innermost(6).id == 2
    assert index.innermost(8).id == 1
    assert index.innermost(25) is None
    assert index.innermost(30).id == 3


def test_after_and_before_for_tab_navigation():
    index = SpanIndex([span(1, 0, 2), span(2, 5, 8), span(3, 9, 10)])
    assert index.after(0).id == 2 and index.after(5).id == 3 and index.after(9) is None
    assert index.before(9).id == 2 and index.before(0) is None


def test_get_by_id_follows_add_and_remove():
    index = SpanIndex([span(1, 0, 2), span(2, 3, 5)])
    assert index.get(2).start == 3 and index.get(None) is None and index.get(9) is None
    added = span(3, 1, 4)
    index.add(added)
    assert index.get(3) is added
    index.remove(index.get(1))
    assert index.get(1) is None and [s.id for s in index] == [3, 2]


def test_overlapping_finds_every_span_sharing_a_character_with_a_range():
    import random
    rng = random.Random(5)
    spans = []
    for i in range(1, 400):
        start = rng.randrange(0, 1000)
        spans.append(span(i, start, start + rng.randrange(1, 40)))
    index = SpanIndex(spans)
    for start, end in ((0, 1), (100, 160), (500, 501), (990, 1100), (37, 37)):
        expected = [s.id for s in sorted(spans, key=lambda s: (s.start, s.end, s.id))
                    if s.start < end and s.end > start]
        assert [s.id for s in index.overlapping(start, end)] == expected
