"""Running the consistency checks (corpus/checks/) over a project.

One read of every document's text and metadata, every span (all layers: the layer
checks compare them) and every status; tokens come from the project's token cache,
and only where a document has none is the block around an offset tokenized (see
corpus/checks/tokens.py).  Nothing is written.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

import orjson

from corpus.checks import (ALL_CHECKS, CheckContext, CheckDocument, DocumentTokens, Finding,
                           Mark, corpus_findings)
from corpus.checks.lexicon import Lexicon
from storage.project import Project
from storage.team.adjudicate import covers

# attributes: no check reads them; the label by id (one shared name per label, and
# 100,000s of name strings fewer to build)
_MARKS = ('SELECT s.id, s.document_id, s.start, s."end", s.label_id, s.annotator, s.text '
          'FROM spans s ORDER BY s.document_id, s.start, s."end", s.id')


@dataclass
class CheckRequest:
    annotator: str | None = None            # only this layer's findings (None: every layer)
    checks: tuple[str, ...] = ALL_CHECKS
    documents: list[int] | None = None      # None: every document


class ProjectTokens:
    """A document's tokens: the project's cached ones for ``tokenizer``, else its blocks
    tokenized on demand (``tokenizer`` None: unknown inside a block)."""

    def __init__(self, project: Project, tokenizer=None) -> None:
        self.project, self.tokenizer = project, tokenizer
        self.revision = project.words_revision
        self._words_added = False
        self.blocks: dict[str, list[int]] = {}     # a block's tokens, for every document
        self._last: tuple[CheckDocument, DocumentTokens] | None = None

    def __call__(self, document: CheckDocument) -> DocumentTokens:
        if self._last is not None and self._last[0] is document:
            return self._last[1]        # the document checks and the misses ask alike
        ends = None
        if self.tokenizer is not None:
            row = self.project.db.execute(
                "SELECT ends FROM tokens WHERE document_id = ? AND tokenizer = ? AND "
                "words_revision = ?", [document.id, self.tokenizer.key, self.revision]).fetchone()
            if row is not None:
                ends = array("I")
                ends.frombytes(row[0])
                if sys.byteorder == "big":
                    ends.byteswap()
        tokens = DocumentTokens(document.text, ends,
                                self._tokenize if self.tokenizer is not None else None,
                                self.blocks)
        self._last = (document, tokens)
        return tokens

    def _tokenize(self, text: str) -> list[int]:
        if not self._words_added:
            self._words_added = True
            for word in self.project.user_words():
                self.tokenizer.add_word(word)
        return self.tokenizer.token_ends(text)


def read_documents(project: Project, ids: Iterable[int] | None = None,
                   annotator: str | None = None) -> list[CheckDocument]:
    """The documents with all their layers; ``covered_by`` names the annotators (only
    ``annotator`` when given) who cover each one."""
    wanted = None if ids is None else set(ids)
    names = dict(project.db.execute("SELECT id, name FROM labels").fetchall())
    layers: dict[str, str] = {}
    rows = (Mark(i, d, s, e, names[label], layers.setdefault(a, a), text)
            for i, d, s, e, label, a, text in project.db.execute(_MARKS))
    marks = {document_id: list(group) for document_id, group in
             groupby(rows, key=lambda mark: mark.document)
             if wanted is None or document_id in wanted}
    statuses = project.statuses_by_document()
    documents = []
    for document_id, text, meta in project.db.execute(
            "SELECT id, text, meta FROM documents ORDER BY id"):
        if wanted is not None and document_id not in wanted:
            continue
        own = marks.get(document_id, [])
        layers = {mark.annotator for mark in own}
        candidates = [annotator] if annotator is not None else sorted(
            layers | set(statuses.get(document_id, {})))
        covering = covers(candidates, statuses.get(document_id, {}), layers)
        documents.append(CheckDocument(document_id, text, _meta(meta), own,
                                       frozenset(covering)))
    return documents


def _meta(raw: str) -> dict:
    try:
        meta = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {}
    return meta if isinstance(meta, dict) else {}


def context_for(project: Project, checks: Iterable[str], tokenizer=None,
                tokens_for: Callable | None = None) -> CheckContext:
    metric_labels = frozenset(label.name for label in project.scheme() if label.kind == "metric")
    return CheckContext(tokens_for=tokens_for or ProjectTokens(project, tokenizer),
                        is_word=Lexicon(project.user_words()).is_word,
                        metric_labels=metric_labels, checks=frozenset(checks))


def check_project(project: Project, request: CheckRequest, tokenizer=None) -> list[Finding]:
    """Every finding of the requested checks, in document and text order."""
    documents = read_documents(project, request.documents, request.annotator)
    found = corpus_findings(documents, context_for(project, request.checks, tokenizer))
    if request.annotator is not None:
        found = [f for f in found if f.annotator == request.annotator]
    return found
