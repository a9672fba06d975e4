"""A project for scheme-change tests: one article with spans of three annotators (alice's
LOC span equal to her ORG span, so that merging LOC into ORG removes one), a second
article, suggestions, a curation rejection and a gazetteer.

Counts: PER 3, ORG 3, LOC 4, METRIC 1 (11 spans); suggestions LOC 1, ORG 1, POST 1;
one LOC curation rejection; gazetteer 平原县 → LOC, 齐强 → PER.
"""

from __future__ import annotations

from pathlib import Path

from corpus.suggest.model import Suggestion
from corpus.suggest.settings import SuggestSettings
from storage.project import Project
from tests.conftest import new_document

TEXT = "平原县委书记王玉东说：德州市审计局有1500余场次。"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def build(path: Path) -> Path:
    with Project.create(path) as project:
        doc = project.add_document(new_document(TEXT, "a.txt"))
        other = project.add_document(new_document("第二篇：平原县的王玉东。", "b.txt"))
        for annotator in ("alice", "bob", "carol"):
            project.add_span(doc, *at("王玉东"), "PER", annotator=annotator)
            project.add_span(doc, *at("平原县委"), "ORG", annotator=annotator,
                             attributes={"who": annotator})
        project.add_span(doc, *at("平原县委"), "LOC", annotator="alice")   # = alice's ORG
        project.add_span(doc, *at("平原县"), "LOC", annotator="bob")
        project.add_span(doc, *at("德州市"), "LOC", annotator="carol")
        project.add_span(other, 4, 7, "LOC", annotator="alice")
        project.add_span(doc, *at("1500余场次"), "METRIC", annotator="alice")
        project.store_suggestions(doc, [
            Suggestion(*at("德州市审计局"), "LOC", "test", "德州市审计局"),
            Suggestion(*at("德州市审计局"), "ORG", "test", "德州市审计局"),
            Suggestion(*at("书记"), "POST", "test", "书记")])
        project.reject_candidate(doc, "gold", (*at("平原县"), "LOC"))
        project.set_suggest_settings(SuggestSettings(gazetteer={"平原县": "LOC", "齐强": "PER"}))
    return path
