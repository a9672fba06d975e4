from corpus.text.token_bounds import TokenBounds

# "平原县委书记王玉东" as jieba cuts it: 平原 | 县委书记 | 王玉东
BOUNDS = TokenBounds([2, 6, 9])


def test_snap_grows_to_whole_tokens():
    assert BOUNDS.snap(1, 3) == (0, 6)
    assert BOUNDS.snap(6, 7) == (6, 9)
    assert BOUNDS.snap(2, 6) == (2, 6)
    assert BOUNDS.snap(4, 4) == (4, 4)


def test_token_at_and_moving_by_token():
    assert BOUNDS.token_at(0) == (0, 2) and BOUNDS.token_at(8) == (6, 9)
    assert BOUNDS.next_boundary(0) == 2 and BOUNDS.next_boundary(2) == 6
    assert BOUNDS.next_boundary(9) == 9
    assert BOUNDS.previous_boundary(9) == 6 and BOUNDS.previous_boundary(3) == 2
    assert BOUNDS.previous_boundary(0) == 0


def test_tokens_in_range():
    assert BOUNDS.in_range(1, 7) == [(0, 0, 2), (1, 2, 6), (2, 6, 9)]
    assert BOUNDS.in_range(2, 6) == [(1, 2, 6)]


def test_no_tokens_means_no_snapping():
    empty = TokenBounds([])
    assert not empty and empty.snap(1, 3) == (1, 3)
