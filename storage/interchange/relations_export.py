"""The relations an export writes: per document, in document order, ends by (start, end,
label) like the spans the writers get, so that a writer finds each end among them."""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from corpus.relations import FormatRelation
from storage.interchange.export_select import Selection, one_of

_QUERY = """
SELECT r.document_id, json_group_array(json_array(a.start, a."end", la.name, b.start, b."end",
       lb.name, r.type, r.note, r.attributes))
FROM relations r
JOIN spans a ON a.id = r.from_span_id JOIN labels la ON la.id = a.label_id
JOIN spans b ON b.id = r.to_span_id JOIN labels lb ON lb.id = b.label_id
"""


def relation_query(selection: Selection, documents: list[int] | None = None) -> tuple[str, list]:
    """One row per document with relations: (id, JSON array of relations); only the
    ``selection``'s annotators' relations."""
    where, params = one_of("r.document_id", documents)
    if selection.annotators:
        where.append(f"r.annotator IN ({', '.join('?' * len(selection.annotators))})")
        params += list(selection.annotators)
    sql = _QUERY + (" WHERE " + " AND ".join(where) if where else "")
    return sql + " GROUP BY r.document_id ORDER BY r.document_id", params


def relations_by_document(rows) -> Iterator[tuple[int, list[FormatRelation]]]:
    """(document id, relations) from the rows of :func:`relation_query`; the same relation
    in two annotators' layers is written once (as their spans are)."""
    for document_id, packed in rows:
        found: dict[tuple, FormatRelation] = {}
        for a0, a1, a2, b0, b1, b2, kind, note, attributes in orjson.loads(packed):
            relation = FormatRelation((a0, a1, a2), (b0, b1, b2), kind, note,
                                      None if attributes == "{}" else orjson.loads(attributes))
            found.setdefault(relation[:3], relation)
        yield document_id, [found[key] for key in sorted(found)]


class RelationCursor:
    """Walks the rows of :func:`relations_by_document` beside the documents being written."""

    def __init__(self, db, selection: Selection, documents: list[int] | None,
                 wanted: bool) -> None:
        if not wanted or selection.suggestions or "relations" not in db.table_names():
            self.rows = iter(())
        else:
            sql, params = relation_query(selection, documents)
            self.rows = relations_by_document(db.execute(sql, params))
        self.pending = next(self.rows, None)

    def of(self, document_id: int) -> list[FormatRelation]:
        while self.pending is not None and self.pending[0] < document_id:
            self.pending = next(self.rows, None)
        if self.pending is not None and self.pending[0] == document_id:
            return self.pending[1]
        return []
