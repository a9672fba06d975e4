"""Consistency checks over a corpus's layers (issue 16): pure Python, no storage, no Qt.

Document checks look at one document's layers (edges, token cuts, collisions, metric
values, damaged and boilerplate text); corpus checks compare the places of a string
across documents (label and layer conflicts, likely misses).  storage/views/checks.py runs
them over a project; the window runs them on the open document after every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from corpus.checks.edges import EDGE, TOKEN_CUT, edge_findings, token_cut_findings
from corpus.checks.labels import LABEL_CONFLICT, LAYER_CONFLICT, conflict_findings
from corpus.checks.misses import MISSED, miss_findings
from corpus.checks.model import CheckDocument, Finding, Fix, Mark, by_layer
from corpus.checks.overlaps import DUPLICATE, OVERLAP, collision_findings
from corpus.checks.regions import (BOILERPLATE, DAMAGED, boilerplate_findings,
                                   damage_findings)
from corpus.checks.tokens import DocumentTokens
from corpus.checks.values import METRIC_VALUE, metric_findings

CORPUS_CHECKS = (LABEL_CONFLICT, LAYER_CONFLICT, MISSED)
DOCUMENT_CHECKS = (TOKEN_CUT, EDGE, DUPLICATE, OVERLAP, METRIC_VALUE, DAMAGED, BOILERPLATE)
ALL_CHECKS = CORPUS_CHECKS + DOCUMENT_CHECKS

__all__ = ["ALL_CHECKS", "CORPUS_CHECKS", "DOCUMENT_CHECKS", "CheckContext", "CheckDocument",
           "DocumentTokens", "Finding", "Fix", "Mark", "corpus_findings", "document_findings",
           "unknown_checks"]


@dataclass
class CheckContext:
    """What the checks need besides the documents."""

    tokens_for: Callable[[CheckDocument], DocumentTokens]
    is_word: Callable[[str], bool]
    metric_labels: frozenset[str] = frozenset({"METRIC"})
    checks: frozenset[str] = frozenset(ALL_CHECKS)


def unknown_checks(names: Iterable[str]) -> list[str]:
    return [name for name in names if name not in ALL_CHECKS]


def document_findings(document: CheckDocument, context: CheckContext) -> list[Finding]:
    """The document checks of every layer in ``document``."""
    on, text, out = context.checks, document.text, []
    tokens = context.tokens_for(document) if TOKEN_CUT in on else None
    for marks in by_layer(document.marks).values():
        if EDGE in on:
            out += edge_findings(text, marks)
        if tokens is not None:
            out += token_cut_findings(text, marks, tokens, context.is_word)
        if DUPLICATE in on or OVERLAP in on:
            out += [f for f in collision_findings(marks) if f.check in on]
        if METRIC_VALUE in on:
            out += metric_findings(marks, context.metric_labels)
        if DAMAGED in on:
            out += damage_findings(document.meta, marks)
        if BOILERPLATE in on:
            out += boilerplate_findings(text, document.meta, marks)
    return out


def corpus_findings(documents: list[CheckDocument], context: CheckContext) -> list[Finding]:
    """Every chosen check over ``documents``, sorted by place."""
    out: list[Finding] = []
    for document in documents:
        out += document_findings(document, context)
    if LABEL_CONFLICT in context.checks or LAYER_CONFLICT in context.checks:
        marks = [mark for document in documents for mark in document.marks]
        out += [f for f in conflict_findings(marks) if f.check in context.checks]
    if MISSED in context.checks:
        out += miss_findings(documents, context.tokens_for)
    out.sort(key=lambda f: (f.document, f.start, f.end, ALL_CHECKS.index(f.check),
                            f.annotator))
    return out
