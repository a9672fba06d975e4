"""Commands between layers: copying another annotator's spans, and the relations between them,
into yours (one undoable step for all of them), and curation's accepting or rejecting of a
conflicting span."""

from __future__ import annotations

from corpus.span import Span
from gui.commands.relations import AddRelation
from gui.commands.spans import AddSpan, _Command, translate


class CopySpan(AddSpan):
    """Add a copy of another layer's span, keeping its attributes; origin copied:<name>."""

    def __init__(self, session, span: Span) -> None:
        super().__init__(session, span.document_id, span.start, span.end, span.label)
        self.source = span

    def redo(self) -> None:
        def run() -> None:
            if self.span is None:
                self.span, self.previous = self.session.store_add(
                    *self.args, origin=f"copied:{self.source.annotator}",
                    attributes=self.source.attributes)
            else:
                self.session.store_restore(self.span)

        self._guard(run)


def copy_layer(session, spans: list[Span], name: str) -> int:
    """Push one macro that copies ``spans`` not already in the session's layer, then the
    relations ``name`` drew between them that the layer lacks; returns how many spans are
    copied."""
    have = {_key(s) for s in session.spans}
    new = [s for s in spans if _key(s) not in have]
    if not new and not _relations_between(session, spans, name):
        return 0
    stack = session.undo_stack
    stack.beginMacro(translate("Commands", "Copy %1's spans").replace("%1", name))
    for span in new:
        stack.push(CopySpan(session, span))
    push_relations(session, name)
    stack.endMacro()
    return len(new)


def push_relations(session, name: str, touching: tuple[int, int, str] | None = None) -> int:
    """Push the relations ``name`` drew on the open document (only those with an end at
    ``touching``, if given) between spans the session's layer also has, and lacks; returns
    how many.  Curation's accept brings the accepted span's relations to gold with this."""
    spans = session.project.spans(session.document.id, name)
    own = {_key(s): s.id for s in session.spans}
    pushed = 0
    for source, target, kind in _relations_between(session, spans, name):
        if touching is not None and touching not in (source, target):
            continue
        if source in own and target in own:
            session.undo_stack.push(AddRelation(session, own[source], own[target], kind))
            pushed += 1
    return pushed


def _key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label


def _relations_between(session, spans: list[Span], name: str) -> list[tuple]:
    """(from key, to key, type) of ``name``'s relations among ``spans`` that the session's
    layer does not have yet."""
    project, document_id = session.project, session.document.id
    if not project.has_relations:
        return []
    keys = {s.id: _key(s) for s in spans}
    own = {s.id: _key(s) for s in session.spans}
    have = {(own.get(r.from_span_id), own.get(r.to_span_id), r.type)
            for r in project.relations(document_id, session.annotator)}
    wanted = [(keys[r.from_span_id], keys[r.to_span_id], r.type)
              for r in project.relations(document_id, name)
              if r.from_span_id in keys and r.to_span_id in keys]
    return [relation for relation in wanted if relation not in have]


class AcceptCandidate(AddSpan):
    """Curation: an annotator's span becomes the curator's (gold); origin curated:<names>."""

    def __init__(self, session, document_id: int, candidate) -> None:
        super().__init__(session, document_id, candidate.start, candidate.end, candidate.label)
        self.setText(translate("Commands", "Accept %1 span").replace("%1", candidate.label))
        self.origin = "curated:" + ",".join(candidate.annotators)
        self.annotators, self.key = list(candidate.annotators), candidate.key

    def redo(self) -> None:
        def run() -> None:
            if self.span is None:
                self.span, self.previous = self.session.store_add(*self.args, origin=self.origin)
            else:
                self.session.store_restore(self.span)

        self._guard(run)


class RejectCandidate(_Command):
    """Curation: a candidate stays out of the curator's layer, also when adjudicating again."""

    def __init__(self, session, document_id: int, candidate, on_change) -> None:
        super().__init__(session, translate("Commands", "Reject %1 span").replace(
            "%1", candidate.label))
        self.args = (document_id, session.annotator, candidate.key)
        self.on_change = on_change

    def redo(self) -> None:
        self.session.reveal(self.args[0])        # undo and redo show the document they change
        self._guard(lambda: self.session.project.reject_candidate(
            *self.args, curator=self.session.annotator))
        self.on_change()

    def undo(self) -> None:
        self.session.reveal(self.args[0])
        self._guard(lambda: self.session.project.unreject_candidate(*self.args))
        self.on_change()
