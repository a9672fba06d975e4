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


def span_query(selection: Selection, details: bool = True) -> tuple[str, list]:
    """Spans in document order; without ``details`` attributes and notes are not read."""
    if selection.suggestions:
        return suggestion_query(selection, details)
    extra = "s.attributes, s.note" if details else "NULL, NULL"
    sql = (f'SELECT s.document_id, s.start, s."end", l.name, s.text, {extra} '
           "FROM spans s JOIN labels l ON l.id = s.label_id")
    where, params = [], []
    for column, values in (("s.annotator", selection.annotators), ("l.name", selection.labels)):
        if values:
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += list(values)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + ' ORDER BY s.document_id, s.start, s."end", l.name', params


def suggestion_query(selection: Selection, details: bool = True) -> tuple[str, list]:
    """The open suggestions, shaped like span rows (pre-annotation for another tool)."""
    extra = "g.attributes, ''" if details else "NULL, NULL"
    sql = (f'SELECT g.document_id, g.start, g."end", g.label, g.text, {extra} '
           "FROM suggestions g WHERE g.state = 'open'")
    params: list = []
    if selection.labels:
        sql += f" AND g.label IN ({', '.join('?' * len(selection.labels))})"
        params += list(selection.labels)
    return sql + ' ORDER BY g.document_id, g.start, g."end", g.label', params


def spans_by_document(rows) -> Iterator[tuple[int, list[FormatSpan]]]:
    """(document id, spans) from span rows ordered by document; exact duplicates (the same
    range and label from two annotators) are written once."""
    current, spans, last = None, [], None
    for document_id, start, end, label, text, attributes, note in rows:
        if document_id != current:
            if current is not None:
                yield current, spans
            current, spans, last = document_id, [], None
        if (start, end, label) == last:
            continue
        last = (start, end, label)
        if attributes is None or attributes == "{}":
            spans.append(FormatSpan(start, end, label, text, None, note or ""))
        else:
            spans.append(FormatSpan(start, end, label, text, orjson.loads(attributes), note))
    if current is not None:
        yield current, spans
