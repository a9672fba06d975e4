"""Undo commands for relations: add one (with its type), delete one.  Deleting a span
deletes its relations; that undo lives with the span's command (DeleteSpan)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corpus.relations import Relation
from gui.commands.spans import _Command

translate = QCoreApplication.translate


class AddRelation(_Command):
    def __init__(self, session, from_span_id: int, to_span_id: int, type_name: str,
                 display: str = "") -> None:
        text = translate("Commands", "Add %1 relation").replace("%1", display or type_name)
        super().__init__(session, text)
        self.args = (from_span_id, to_span_id, type_name)
        self.relation: Relation | None = None

    def redo(self) -> None:
        layer = self.session.relations

        def run() -> None:
            if self.relation is None:
                self.relation = layer.store_add(*self.args)
            else:
                layer.store_restore([self.relation])
            layer.select(self.relation.id)

        self._guard(run)

    def undo(self) -> None:
        if self.relation is not None:
            self._guard(lambda: self.session.relations.store_delete(self.relation.id))


class DeleteRelation(_Command):
    def __init__(self, session, relation: Relation, display: str = "") -> None:
        text = translate("Commands", "Delete %1 relation").replace("%1", display or relation.type)
        super().__init__(session, text)
        self.relation = relation

    def redo(self) -> None:
        self._guard(lambda: self.session.relations.store_delete(self.relation.id))

    def undo(self) -> None:
        layer = self.session.relations
        self._guard(lambda: (layer.store_restore([self.relation]), layer.select(
            self.relation.id)))
