"""Which documents and spans an export takes, and the train/dev/test split.

The split is by document and deterministic: the selected ids, sorted, are
shuffled by ``random.Random(seed)`` and cut by the ratios (rounded; the last
part takes the rest), so the same project, filters, ratios and seed always
give the same files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import orjson

from corpus.document import Status
from corpus.formats.model import FormatSpan

SPLITS = ("train", "dev", "test")
_new_tuple = tuple.__new__   # a FormatSpan straight from a row's list, skipping NamedTuple.__new__


@dataclass(frozen=True)
class Selection:
    statuses: tuple[str, ...] = ()      # documents with one of these statuses (todo: none set)
    annotators: tuple[str, ...] = ()    # spans (and statuses) of these annotators
    labels: tuple[str, ...] = ()        # spans with these labels
    documents: tuple[int, ...] = ()     # these documents only
    suggestions: bool = False           # the open suggestions instead of the spans


def parse_split(text: str) -> tuple[float, float, float]:
    """``"8/1/1"``, ``"0.8,0.1,0.1"`` or ``"80:20"`` → ratios summing to 1."""
    parts = [p for p in text.replace(",", "/").replace(":", "/").split("/") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"split {text!r}: expected ratios like 8/1/1") from None
    if not 1 < len(values) <= 3 or any(v < 0 for v in values) or sum(values) <= 0:
        raise ValueError(f"split {text!r}: give two or three non-negative ratios, like 8/1/1")
    values += [0.0] * (3 - len(values))
    total = sum(values)
    return (values[0] / total, values[1] / total, values[2] / total)


def split(ids: list[int], ratios: tuple[float, float, float], seed: int) -> dict[int, str]:
    """Document id → "train" | "dev" | "test"."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    train = round(len(order) * ratios[0])
    dev = round(len(order) * ratios[1]) if ratios[2] else len(order) - train
    out = {}
    for index, document_id in enumerate(order):
        out[document_id] = SPLITS[0] if index < train else SPLITS[1] if index < train + dev \
            else SPLITS[2]
    return out


def select_documents(ids: list[int], statuses: dict[int, dict[str, str]],
                     selection: Selection) -> list[int]:
    chosen = set(selection.documents)
    wanted = set(selection.statuses)
    out = []
    for document_id in ids:
        if chosen and document_id not in chosen:
            continue
        if wanted and not wanted & _statuses(statuses.get(document_id, {}), selection):
            continue
        out.append(document_id)
    return out


def _statuses(by_annotator: dict[str, str], selection: Selection) -> set[str]:
    if selection.annotators:
        return {by_annotator.get(a, Status.TODO.value) for a in selection.annotators}
    return set(by_annotator.values()) or {Status.TODO.value}


def span_query(selection: Selection, details: bool = True,
               documents: list[int] | None = None) -> tuple[str, list]:
    """One row per document that has spans, in document order: (id, JSON array of
    ``[start, end, label id, text, attributes, note]``).  Grouping in SQLite and
    parsing with orjson is much faster than a row per span; without ``details``
    attributes and notes are not read.  ``documents``: only these documents' spans."""
    if selection.suggestions:
        return suggestion_query(selection, details, documents)
    extra = "s.attributes, s.note" if details else "NULL, ''"
    where, params = one_of("s.document_id", documents)
    if selection.annotators:
        where.append(f"s.annotator IN ({', '.join('?' * len(selection.annotators))})")
        params += list(selection.annotators)
    if selection.labels:
        where.append("s.label_id IN (SELECT id FROM labels WHERE name IN "
                     f"({', '.join('?' * len(selection.labels))}))")
        params += list(selection.labels)
    return _grouped("spans s", f's.start, s."end", s.label_id, s.text, {extra}', where), params


def suggestion_query(selection: Selection, details: bool = True,
                     documents: list[int] | None = None) -> tuple[str, list]:
    """The open suggestions, shaped like span rows (pre-annotation for another tool);
    their labels are names, not ids."""
    extra = "g.attributes, ''" if details else "NULL, ''"
    where, params = one_of("g.document_id", documents)
    where.append("g.state = 'open'")
    if selection.labels:
        where.append(f"g.label IN ({', '.join('?' * len(selection.labels))})")
        params += list(selection.labels)
    return _grouped("suggestions g", f'g.start, g."end", g.label, g.text, {extra}', where), params


def one_of(column: str, ids: list[int] | None) -> tuple[list[str], list]:
    """The WHERE condition and parameter for ``column`` in ``ids`` (None: no condition):
    one JSON array through json_each, so any number of ids is one statement."""
    if ids is None:
        return [], []
    return [f"{column} IN (SELECT value FROM json_each(?))"], [orjson.dumps(ids).decode()]


def _grouped(table: str, columns: str, where: list[str]) -> str:
    alias = table.split()[1]
    sql = f"SELECT {alias}.document_id, json_group_array(json_array({columns})) FROM {table}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" GROUP BY {alias}.document_id ORDER BY {alias}.document_id"


def spans_by_document(rows, names: dict[int, str]) -> Iterator[tuple[int, list[FormatSpan]]]:
    """(document id, spans sorted by start, end and label) from the rows of
    :func:`span_query`; ``names`` turns label ids into names (a name stays itself).
    Exact duplicates (the same range and label from two annotators) are written once."""
    for document_id, packed in rows:
        found: dict[tuple, list] = {}
        for item in orjson.loads(packed):   # [start, end, label, text, attributes, note]
            item[2] = names.get(item[2], item[2])
            if item[4] is not None:
                item[4] = None if item[4] == "{}" else orjson.loads(item[4])
            found.setdefault((item[0], item[1], item[2]), item)
        yield document_id, [_new_tuple(FormatSpan, found[key]) for key in sorted(found)]
