"""The relations of the open document in the annotator's layer, kept in memory beside the
session's spans and updated by what each edit changes (never re-read on an edit).

The session owns one; the undo commands (gui/commands/relations.py) call its
``store_*`` methods, the only write path for relations from the GUI.  Deleting a
span deletes its relations in the file (a cascade); the session tells this layer
with :meth:`forget_span`, and an undo brings them back with :meth:`store_restore`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from corpus.relations import Relation, RelationType
from storage.span_details import set_relation_note


class RelationLayer(QObject):
    loaded = Signal()                   # another document (or layer) is open
    changed = Signal(list, list)        # relations removed, relations added
    selectedChanged = Signal(object)    # Relation | None

    def __init__(self, session) -> None:
        super().__init__(session)
        self.session = session
        self.items: dict[int, Relation] = {}
        self.by_span: dict[int, set[int]] = {}
        self.types: dict[str, RelationType] = {}
        self.selected: Relation | None = None
        self.reload_types()

    # -- reading -------------------------------------------------------------
    def reload_types(self) -> None:
        self.types = {t.name: t for t in self.session.project.relation_types()}

    def load(self, document_id: int) -> None:
        relations = self.session.project.relations(document_id, self.session.annotator)
        self.items, self.by_span, self.selected = {}, {}, None
        self._remember(relations)
        self.loaded.emit()

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items.values())

    def of_span(self, span_id: int | None) -> list[Relation]:
        return sorted((self.items[i] for i in self.by_span.get(span_id, ())),
                      key=lambda r: r.id)

    def allowed(self, from_label: str, to_label: str) -> list[RelationType]:
        return [t for t in self.types.values() if t.allows(from_label, to_label)]

    def select(self, relation_id: int | None) -> None:
        relation = self.items.get(relation_id) if relation_id is not None else None
        if relation != self.selected:
            self.selected = relation
            self.selectedChanged.emit(relation)

    # -- the write path (undo commands) ------------------------------------------
    def store_add(self, from_span_id: int, to_span_id: int, type_name: str) -> Relation:
        relation = self.session.project.add_relation(from_span_id, to_span_id, type_name)
        self._changed([], [relation])
        return relation

    def store_delete(self, relation_id: int) -> Relation:
        self.session.reveal(self.session.project.relation(relation_id).document_id)
        relation = self.session.project.delete_relation(relation_id)
        self._changed([relation], [])
        return relation

    def store_restore(self, relations: list[Relation]) -> list[Relation]:
        if relations:
            self.session.reveal(relations[0].document_id)   # undo shows what it changes
        restored = self.session.project.restore_relations(relations)
        self._changed([], restored)
        return restored

    def store_note(self, relation_id: int, note: str, reveal: bool = True) -> Relation:
        """Give a relation this note; returns it as it was.  It stays selected."""
        before = self.session.project.relation(relation_id)
        if reveal:
            self.session.reveal(before.document_id)
        set_relation_note(self.session.project, relation_id, note)
        after = self.session.project.relation(relation_id)
        if relation_id in self.items:
            self._changed([self.items[relation_id]], [after])
            if self.selected is not None and self.selected.id == relation_id:
                self.selected = after
                self.selectedChanged.emit(after)
        return before

    # -- what span edits do to relations -------------------------------------------
    def forget_span(self, span_id: int) -> list[Relation]:
        """A span was deleted: its relations went with it."""
        gone = self.of_span(span_id)
        if gone:
            self._changed(gone, [])
        return gone

    def remember(self, relations: list[Relation]) -> None:
        """Relations restored with their span (in the span's transaction)."""
        if relations:
            self._changed([], relations)

    def _changed(self, removed: list[Relation], added: list[Relation]) -> None:
        document = self.session.document
        mine = [r for r in added if document is not None and r.document_id == document.id
                and r.annotator == self.session.annotator]
        for relation in removed:
            self.items.pop(relation.id, None)
            for end in (relation.from_span_id, relation.to_span_id):
                self.by_span.get(end, set()).discard(relation.id)
        self._remember(mine)
        if self.selected is not None and self.selected.id not in self.items:
            self.selected = None
            self.selectedChanged.emit(None)
        self.changed.emit(removed, mine)

    def _remember(self, relations: list[Relation]) -> None:
        for relation in relations:
            self.items[relation.id] = relation
            for end in (relation.from_span_id, relation.to_span_id):
                self.by_span.setdefault(end, set()).add(relation.id)
