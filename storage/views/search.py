"""Searching a project: every hit of a pattern in its documents (or in its spans' text),
with context and the labels that cover it, filtered by status, annotator and label.

Hits stream out document by document (``Search.hits``), so the first page shows at
once and a caller stops a search by no longer asking.  A plain pattern first goes to
SQLite: ``instr`` picks the documents that contain it, and ``count`` is one SQL
sum when nothing but the text decides.  Whole-words mode asks ``tokens`` for a
document's token ends only when the document has a candidate hit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from corpus.document import Status
from corpus.search import CONTEXT, Covering, Hit, Matcher, PatternError, concordance, token_bounds
from storage.views import search_parallel

FIRST_BATCH, LAST_BATCH = 8, 512  # documents read before their spans are looked up at once
NO_SPANS = Covering([])
TokenEnds = Callable[[int, str], list[int]]  # (document id, text) → token ends
STATUSES = tuple(s.value for s in Status)


@dataclass(frozen=True)
class SearchRequest:
    pattern: str
    regex: bool = False
    words: bool = False          # hits start and end on token boundaries
    in_spans: bool = False       # search each span's text (of ``labels``, if given)
    labels: tuple[str, ...] = ()  # hits covered by a span with one of these labels
    statuses: tuple[str, ...] = ()  # documents with one of these statuses (any annotator's)
    annotator: str | None = None  # whose layer (and statuses); None: every layer
    context: int = CONTEXT
    ids: tuple[int, int] | None = None  # only documents with first <= id <= last

    @property
    def text_only(self) -> bool:
        """Nothing but the documents' text decides what is a hit."""
        return not (self.words or self.in_spans or self.labels)


class Search:
    def __init__(self, project, request: SearchRequest, tokens: TokenEnds | None = None,
                 workers: int = 1) -> None:
        """``workers`` > 1: a regular expression over a large project is searched by that
        many processes (storage/views/search_parallel.py)."""
        self.project, self.request, self.workers = project, request, workers
        self.matcher = Matcher.build(request.pattern, request.regex)
        bad = sorted(set(request.statuses) - set(STATUSES))
        if bad:
            raise PatternError(f"unknown status {bad[0]!r}; use {', '.join(STATUSES)}")
        known = {label.name for label in project.scheme()}
        missing = [name for name in request.labels if name not in known]
        if missing:
            raise PatternError(f"no label {missing[0]!r} in the project; it has "
                               f"{', '.join(sorted(known))}")
        if request.words and tokens is None:
            raise ValueError("whole-words search needs token ends")
        self.tokens = tokens
        self._names: dict[int, str] | None = None

    # -- the hits ------------------------------------------------------------------
    def hits(self) -> Iterator[Hit]:
        """Every hit, in document order then text order."""
        if self.request.in_spans:
            yield from self._span_hits()
            return
        if search_parallel.worth_it(self, self.workers):
            yield from search_parallel.parallel(self, self.workers)
            return
        documents, size = self.documents(), FIRST_BATCH
        while batch := list(islice(documents, size)):
            found = [(d, text, ranges) for d, text in batch
                     if (ranges := list(self._ranges(d, text)))]
            coverings = self._coverings([d for d, _text, _ranges in found])
            for document_id, text, ranges in found:
                yield from self._document_hits(document_id, text, ranges,
                                               coverings.get(document_id, NO_SPANS))
            size = min(2 * size, LAST_BATCH)

    def _document_hits(self, document_id: int, text: str, found: list[tuple[int, int]],
                       covering: Covering) -> Iterator[Hit]:
        wanted = set(self.request.labels)
        for start, end in found:
            labels = covering.labels(start, end)
            if wanted and not wanted.intersection(labels):
                continue
            yield concordance(document_id, text, start, end, self.request.context, labels)

    def _coverings(self, documents: list[int]) -> dict[int, Covering]:
        """The covering spans of a batch of documents, in one query (label ids are named
        here: a join would cost a third of a regular-expression search)."""
        if not documents:
            return {}
        where = [f"document_id IN ({', '.join('?' * len(documents))})"]
        params: list = list(documents)
        if self.request.annotator is not None:
            where.append("annotator = ?")
            params.append(self.request.annotator)
        names = self._label_names()
        rows: dict[int, list] = {}
        for document_id, start, end, label_id in self.project.db.execute(
                f'SELECT document_id, start, "end", label_id FROM spans WHERE '
                f'{" AND ".join(where)}', params):
            rows.setdefault(document_id, []).append((start, end, names[label_id]))
        return {d: Covering(spans) for d, spans in rows.items()}

    def _label_names(self) -> dict[int, str]:
        if self._names is None:
            self._names = dict(self.project.db.execute("SELECT id, name FROM labels"))
        return self._names

    def _ranges(self, document_id: int, text: str) -> Iterator[tuple[int, int]]:
        if not self.request.words:
            return self.matcher.hits(text)
        first = next(self.matcher.hits(text), None)
        if first is None:  # no candidate: no need for the document's tokens
            return iter(())
        return self.matcher.hits(text, token_bounds(self.tokens(document_id, text)))

    def _span_hits(self) -> Iterator[Hit]:
        """Hits inside the text of each chosen span: a regular expression's ^ and $ are the
        span's edges, and no hit crosses one."""
        current, text, found = None, "", set()
        for document_id, start, end in self._chosen_spans():
            if document_id != current:
                yield from self._emit(current, text, found)
                current, text, found = document_id, self.project.text_of(document_id), set()
            piece = text[start:end]
            bounds = None
            if self.request.words:
                ends = self.tokens(document_id, text)
                bounds = {b - start for b in token_bounds(ends) if start <= b <= end}
                bounds |= {0, end - start}
            found.update((start + s, start + e) for s, e in self.matcher.hits(piece, bounds))
        yield from self._emit(current, text, found)

    def _emit(self, document_id: int | None, text: str, found: set) -> Iterator[Hit]:
        if document_id is None or not found:
            return
        covering = self._covering(document_id)
        for start, end in sorted(found):
            yield concordance(document_id, text, start, end, self.request.context,
                              covering.labels(start, end))

    def _chosen_spans(self) -> Iterator[tuple[int, int, int]]:
        where, params = self._document_filter("s.document_id")
        literal = self.matcher.literal
        if literal is not None:
            where.append("instr(s.text, ?) > 0")
            params.append(literal)
        where, params = self._layer_filter(where, params, labels=True)
        sql = ('SELECT s.document_id, s.start, s."end" FROM spans s JOIN labels l ON '
               f'l.id = s.label_id WHERE {" AND ".join(where) or "1"} '
               'ORDER BY s.document_id, s.start, s."end"')
        yield from self.project.db.execute(sql, params)

    def _covering(self, document_id: int) -> Covering:
        where, params = self._layer_filter(["s.document_id = ?"], [document_id], labels=False)
        rows = self.project.db.execute(
            'SELECT s.start, s."end", l.name FROM spans s JOIN labels l ON l.id = s.label_id '
            f'WHERE {" AND ".join(where)}', params).fetchall()
        return Covering(rows)

    # -- which documents -------------------------------------------------------------
    def documents(self) -> Iterator[tuple[int, str]]:
        """(id, text) of the documents that pass the filters and may hold a hit."""
        where, params = self._document_filter("d.id")
        if self.matcher.literal is not None:
            where.append("instr(d.text, ?) > 0")
            params.append(self.matcher.literal)
        if self.request.labels:
            where.append("EXISTS (SELECT 1 FROM spans s JOIN labels l ON l.id = s.label_id "
                         "WHERE s.document_id = d.id AND " + self._label_sql(params) + ")")
        sql = f"SELECT d.id, d.text FROM documents d WHERE {' AND '.join(where) or '1'} " \
              "ORDER BY d.id"
        yield from self.project.db.execute(sql, params)

    def _label_sql(self, params: list) -> str:
        params.extend(self.request.labels)
        sql = f"l.name IN ({', '.join('?' * len(self.request.labels))})"
        if self.request.annotator is not None:
            params.append(self.request.annotator)
            sql += " AND s.annotator = ?"
        return sql

    def _layer_filter(self, where: list, params: list, labels: bool) -> tuple[list, list]:
        if labels and self.request.labels:
            where.append(self._label_sql(params))
        elif self.request.annotator is not None:
            where.append("s.annotator = ?")
            params.append(self.request.annotator)
        return where, params

    def _document_filter(self, column: str) -> tuple[list, list]:
        where, params = self._status_filter(column)
        if self.request.ids is not None:
            where.append(f"{column} BETWEEN ? AND ?")
            params.extend(self.request.ids)
        return where, params

    def _status_filter(self, column: str) -> tuple[list, list]:
        statuses = self.request.statuses
        if not statuses:
            return [], []
        marks = ", ".join("?" * len(statuses))
        if self.request.annotator is not None:
            return ([(f"coalesce((SELECT status FROM document_status WHERE document_id = "
                     f"{column} AND annotator = ?), 'todo') IN ({marks})")],
                    [self.request.annotator, *statuses])
        # anyone's status; a document nobody has a status for is to do
        sql = (f"(EXISTS (SELECT 1 FROM document_status WHERE document_id = {column} AND "
               f"status IN ({marks}))")
        if "todo" in statuses:
            sql += (f" OR NOT EXISTS (SELECT 1 FROM document_status WHERE document_id = "
                    f"{column})")
        return [sql + ")"], list(statuses)

    # -- counting --------------------------------------------------------------------
    def count(self, cancelled: Callable[[], bool] = lambda: False) -> int | None:
        """How many hits there are (None when cancelled); a plain search with no filter on
        spans or tokens is counted by SQLite alone."""
        if self.request.text_only and self.matcher.literal is not None:
            return self._sql_count()
        total = 0
        if self.request.text_only and search_parallel.worth_it(self, self.workers):
            return sum(search_parallel.parallel(self, self.workers, count_only=True))
        if self.request.text_only:
            for _id, text in self.documents():
                if cancelled():
                    return None
                total += sum(1 for _hit in self.matcher.hits(text))
            return total
        for _hit in self.hits():
            if cancelled():
                return None
            total += 1
        return total

    def _sql_count(self) -> int:
        where, params = self._document_filter("d.id")
        needle = self.matcher.literal
        where.append("instr(d.text, ?) > 0")
        # replace() removes the non-overlapping occurrences, left to right, as str.count
        # counts them; length() counts characters
        row = self.project.db.execute(
            "SELECT coalesce(sum((length(d.text) - length(replace(d.text, ?, ''))) / ?), 0) "
            f"FROM documents d WHERE {' AND '.join(where)}", [needle, len(needle), *params,
                                                               needle]).fetchone()
        return row[0]


class ProjectTokens:
    """Token ends of a project's documents for whole-words search and word snapping: the
    project's cache, else computed by ``tokenizer`` (with the project's own words, unless
    the tokenizer has them already) and cached when the project is open for writing.  On a
    read-only connection (a worker's) what was computed waits in ``computed`` for
    :meth:`store` on a writable one."""

    def __init__(self, project, tokenizer, load_words: bool = True) -> None:
        self.project, self.tokenizer = project, tokenizer
        self.load_words = load_words
        self.computed: list[tuple[int, list[int], int]] = []  # document, ends, revision

    def __call__(self, document_id: int, text: str) -> list[int]:
        cached = self.project.cached_tokens(document_id, self.tokenizer.key)
        if cached is not None:
            return cached
        if self.load_words:
            for word in self.project.user_words():
                self.tokenizer.add_word(word)
            self.load_words = False
        revision = self.project.words_revision
        ends = self.tokenizer.token_ends(text)
        if self.project.readonly:
            self.computed.append((document_id, ends, revision))
        else:
            self.project.store_tokens(document_id, self.tokenizer.key, ends, revision)
        return ends

    def store(self, project) -> None:
        """Cache what a read-only search computed, in ``project`` (the same file)."""
        for document_id, ends, revision in self.computed:
            project.store_tokens(document_id, self.tokenizer.key, ends, revision)
        self.computed = []


def document_titles(project) -> dict[int, str]:
    """Every document's title, for naming the documents of hits."""
    return dict(project.db.execute("SELECT id, title FROM documents"))
