"""Overlap resolution costs what the spans are, not their square: a kept span's rival is
found by bisection; the result is the same as comparing each span with every kept one."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from corpus.formats import overlap


@dataclass(frozen=True)
class S:
    start: int
    end: int
    label: str


class Counted:
    """A span that counts how often its offsets are read (the work of resolving)."""
    reads = 0

    def __init__(self, start, end, label):
        self._s = S(start, end, label)

    def __getattr__(self, name):
        Counted.reads += 1
        return getattr(self._s, name)


def naive(spans, policy, labels):
    """The reference: each span compared with every span kept before it."""
    rank = {label: i for i, label in enumerate(labels)}

    def key(s):
        length, order = -(s.end - s.start), rank.get(s.label, len(rank))
        return (order, length, s.start) if policy == "priority" else (length, s.start, order)
    kept, dropped = [], []
    for s in sorted(sorted(spans, key=lambda s: (s.start, s.end)), key=key):
        if any(k.start < s.end and s.start < k.end for k in kept):
            dropped.append(s)
        else:
            kept.append(s)
    return sorted(kept, key=lambda s: s.start), dropped


spans_strategy = st.lists(st.builds(
    lambda a, n, label: S(a, a + n, label),
    st.integers(0, 40), st.integers(1, 12), st.sampled_from("ABC")), max_size=30)


@given(spans_strategy, st.sampled_from(["longest", "priority"]))
def test_resolution_equals_comparing_with_every_kept_span(spans, policy):
    kept, conflicts = overlap.resolve(1, spans, policy, ("A", "B", "C"))
    want_kept, want_dropped = naive(spans, policy, ("A", "B", "C"))
    assert kept == want_kept
    assert sorted(c.dropped for c in conflicts) == \
        sorted((s.start, s.end, s.label) for s in want_dropped)
    for c in conflicts:   # each reported rival is kept and overlaps what was dropped
        (ks, ke, kl), (ds, de, _dl) = c.kept, c.dropped
        assert S(ks, ke, kl) in kept and ks < de and ds < ke


def test_twenty_thousand_overlapping_spans_cost_linearithmic_work():
    n = 20_000
    nested = [Counted(i, 2 * n - i, "A") for i in range(n // 2)]          # all nested
    chain = [Counted(4 * n + 2 * i, 4 * n + 2 * i + 3, "B") for i in range(n // 2)]
    Counted.reads = 0
    kept, conflicts = overlap.resolve(1, nested + chain, "longest", ("A", "B"))
    assert len(kept) + len(conflicts) == n
    # comparing each dropped chain span with every kept one would read ~n²/8 = 5e7
    assert Counted.reads < 200 * n, Counted.reads
