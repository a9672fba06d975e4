"""The rows of the document list, read in pages: the ids of every listed document, in list
order, are held (integers: 0.8 MB for 100,000), and the summaries only of the pages the
list has looked at, the last CACHED_PAGES of them."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Sequence

from corpus.document import DocumentSummary, Status

PAGE = 200
CACHED_PAGES = 50


class PagedRows(Sequence):
    def __init__(self, ids: array | list[int] = (), load: Callable[[list[int]], list] = None,
                 *, ascending_ids: bool = False) -> None:
        """``load(ids)`` returns the summaries of ``ids`` (a page); ``ascending_ids`` says
        the ids are sorted, so a row is found by bisection instead of a 100,000-entry map."""
        self.ids = array("q", ids)
        self._load = load or (lambda page: [])
        self._ascending = ascending_ids
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._rows_by_id: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, row: int) -> DocumentSummary:
        if not isinstance(row, int):
            raise TypeError("one row at a time")
        if row < 0:
            row += len(self.ids)
        if not 0 <= row < len(self.ids):
            raise IndexError(row)
        return self._page(row // PAGE)[row % PAGE]

    def id_at(self, row: int) -> int:
        return self.ids[row]

    def _page(self, number: int) -> list[DocumentSummary]:
        page = self._pages.get(number)
        if page is None:
            ids = self.ids[number * PAGE:(number + 1) * PAGE].tolist()
            found = {summary.id: summary for summary in self._load(ids)}
            # a document deleted since the ids were read keeps its row, untitled
            page = [found.get(i) or DocumentSummary(i, "", Status.TODO, 0, 0) for i in ids]
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_of(self, document_id: int | None) -> int | None:
        if document_id is None:
            return None
        if self._ascending:
            row = bisect_left(self.ids, document_id)
            return row if row < len(self.ids) and self.ids[row] == document_id else None
        if self._rows_by_id is None:     # once per filter or sort, only when asked
            self._rows_by_id = {id_: row for row, id_ in enumerate(self.ids)}
        return self._rows_by_id.get(document_id)

    def replace(self, summary: DocumentSummary) -> tuple[int | None, DocumentSummary | None]:
        """Put ``summary`` in its row if that row's page is held; returns the row and the
        summary it replaced (None when the page was not held)."""
        row = self.row_of(summary.id)
        if row is None:
            return None, None
        page = self._pages.get(row // PAGE)
        if page is None:
            return row, None
        old, page[row % PAGE] = page[row % PAGE], summary
        return row, old
