"""A regular-expression search of a large project spread over worker processes.

A regular expression cannot be handed to SQLite, so every text goes through Python's
``re``: one core scans about 50M characters a second.  The documents are split into as
many id ranges as there are workers; this process searches the first range (so the
first page still comes at once) while the others search theirs, and their hits follow
in document order.  Each worker opens the file read-only on its own connection.
Starting a worker costs a few hundred milliseconds, so small projects stay in one
process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context

from corpus.search import Hit

PARALLEL_CHARS = 20_000_000   # below this one process is quicker than starting others
MAX_WORKERS = 8


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def worth_it(search, workers: int) -> bool:
    request = search.request
    if workers < 2 or not request.regex or request.words or request.in_spans or request.ids:
        return False
    chars = search.project.db.execute("SELECT coalesce(sum(length), 0) FROM documents")
    return chars.fetchone()[0] >= PARALLEL_CHARS


def id_ranges(project, parts: int) -> list[tuple[int, int]]:
    """Consecutive (first id, last id) ranges with about as many documents each."""
    ids = [row[0] for row in project.db.execute("SELECT id FROM documents ORDER BY id")]
    if not ids:
        return []
    size = -(-len(ids) // parts)
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def _part(path: str, request, count_only: bool) -> list[Hit] | int:
    from storage.project import Project
    from storage.views.search import Search

    with Project.open(path, readonly=True) as project:
        search = Search(project, request)
        return search.count() if count_only else list(search.hits())


def parallel(search, workers: int, count_only: bool = False) -> Iterator:
    """The hits (or, with ``count_only``, one count per range) of ``search``, the ranges
    after the first searched by ``workers - 1`` processes."""
    from storage.views.search import Search

    ranges = id_ranges(search.project, workers)
    pool = ProcessPoolExecutor(max_workers=max(1, len(ranges) - 1),
                               mp_context=get_context("spawn"))
    try:
        futures = [pool.submit(_part, str(search.project.path), replace(search.request, ids=r),
                               count_only) for r in ranges[1:]]
        first = Search(search.project, replace(search.request, ids=ranges[0]))
        if count_only:
            yield first.count()
        else:
            yield from first.hits()
        for future in futures:
            if count_only:
                yield future.result()
            else:
                yield from future.result()
    finally:   # also when the caller stops early (Cancel): no new range is started
        pool.shutdown(wait=False, cancel_futures=True)
