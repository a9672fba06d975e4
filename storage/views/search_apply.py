"""Labelling search hits: every chosen place becomes a span of one label in one annotator's
layer, in one transaction, and the whole of it can be taken back (the GUI's undo).

A place is grown to whole tokens first (word snapping, as a selection is) unless the
caller asks for exact characters; a place that already has a span of that label in the
layer is skipped, and so is a second hit that snaps to the same place.  A document still
to do becomes in progress, as when an annotator marks a span in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from corpus.document import Status
from corpus.span import Span
from corpus.text.token_bounds import TokenBounds

ORIGIN = "search"
Place = tuple[int, int, int]  # document id, start, end


@dataclass
class Applied:
    label: str
    annotator: str
    added: list[Span] = field(default_factory=list)
    skipped: int = 0
    snapped: int = 0   # places grown to whole tokens
    started: list[int] = field(default_factory=list)  # documents moved from todo

    def to_json(self) -> dict:
        return {"label": self.label, "annotator": self.annotator, "added": len(self.added),
                "skipped": self.skipped, "snapped": self.snapped,
                "documents": len({s.document_id for s in self.added})}


def snap_places(places: Iterable[Place], text_of: Callable[[int], str],
                tokens: Callable[[int, str], list[int]]) -> tuple[list[Place], int]:
    """Each place grown to the tokens it touches; returns the places and how many grew."""
    out, grown, bounds = [], 0, {}
    for document_id, start, end in places:
        if document_id not in bounds:
            bounds[document_id] = TokenBounds(tokens(document_id, text_of(document_id)))
        snapped = bounds[document_id].snap(start, end)
        grown += snapped != (start, end)
        out.append((document_id, *snapped))
    return out, grown


def label_places(project, places: Iterable[Place], label: str, annotator: str,
                 origin: str = ORIGIN) -> Applied:
    """Add a ``label`` span at every place that has none yet, all in one transaction."""
    applied = Applied(label, annotator)
    with project.action():
        have: dict[int, set[tuple[int, int]]] = {}
        for document_id, start, end in places:
            if document_id not in have:
                have[document_id] = {(s.start, s.end) for s in project.spans(
                    document_id, annotator) if s.label == label}
            if (start, end) in have[document_id]:
                applied.skipped += 1
                continue
            have[document_id].add((start, end))
            applied.added.append(project.add_span(document_id, start, end, label,
                                                  annotator=annotator, origin=origin))
        for document_id in sorted({s.document_id for s in applied.added}):
            if project.status(document_id, annotator) is Status.TODO:
                project.set_status(document_id, annotator, Status.IN_PROGRESS)
                applied.started.append(document_id)
    return applied


def take_back(project, applied: Applied) -> None:
    """Undo of :func:`label_places`: its spans removed, its documents to do again."""
    with project.action():
        for span in applied.added:
            project.delete_span(span.id)
        for document_id in applied.started:
            project.set_status(document_id, applied.annotator, Status.TODO)


def put_back(project, applied: Applied) -> None:
    """Redo after :func:`take_back`: the same spans, under the same ids."""
    with project.action():
        for span in applied.added:
            project.restore_span(span)
        for document_id in applied.started:
            project.set_status(document_id, applied.annotator, Status.IN_PROGRESS)
