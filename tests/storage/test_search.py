"""Searching a project: the seed articles and a synthetic project against independent counts,
the filters, spans, whole words with real jieba tokens, and labelling the hits."""

from __future__ import annotations

import random
import re

import pytest

from corpus.document import Status
from corpus.search import PatternError
from corpus.text.tokenizer import Tokenizer
from storage.project import Project
from storage.views.search import ProjectTokens, Search, SearchRequest
from storage.views.search_apply import label_places, put_back, snap_places, take_back
from tests.conftest import new_document

TERMS = ("平原县", "县委", "五型", "机关", "的", "时", "，", "2021", "審計", "局长")
REGEXES = (r"\d+(?:\.\d+)?%", r"第\d+[位名]", r"[县市]委\w{0,3}", r"(?m)^.{0,4}$", r"[時間]+")


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    return Tokenizer(tmp_path_factory.mktemp("jieba")).initialize()


def texts_of(project):
    return {d: project.text_of(d) for d in project.document_ids()}


def test_seed_counts_match_str_count_and_finditer(sample_path):
    with Project.open(sample_path, readonly=True) as project:
        texts = texts_of(project)
        for term in TERMS:
            search = Search(project, SearchRequest(term))
            hits = list(search.hits())
            assert len(hits) == search.count() == sum(t.count(term) for t in texts.values())
            assert all(texts[h.document_id][h.start:h.end] == term == h.text for h in hits)
        for pattern in REGEXES:
            expected = [(d, m.start(), m.end()) for d, t in texts.items()
                        for m in re.finditer(pattern, t) if m.end() > m.start()]
            search = Search(project, SearchRequest(pattern, regex=True))
            assert [(h.document_id, h.start, h.end) for h in search.hits()] == expected
            assert search.count() == len(expected)


def synthetic(path, seed=5, documents=60):
    rng = random.Random(seed)
    with Project.create(path) as project:
        for i in range(documents):
            text = "".join(rng.choice("县委平原局😀𠮷\n") for _ in range(rng.randrange(1, 300)))
            project.add_document(new_document(f"{text}（{i}）", f"{i}.txt"))
    return path


def test_synthetic_counts_with_overlaps_and_astral_characters(tmp_path):
    with Project.open(synthetic(tmp_path / "s.hanmark"), readonly=True) as project:
        texts = texts_of(project)
        for term in ("县县", "😀𠮷", "局", "平原县委", "𠮷\n"):
            search = Search(project, SearchRequest(term))
            assert search.count() == sum(t.count(term) for t in texts.values())
            assert len(list(search.hits())) == search.count()


def test_status_filter_per_annotator_and_for_anyone(sample_path):
    with Project.open(sample_path) as project:
        ids = project.document_ids()
        project.set_status(ids[0], "alice", Status.DONE)
        project.set_status(ids[1], "bob", Status.SKIPPED)
        texts = texts_of(project)

        def documents(**options):
            return sorted({h.document_id for h in Search(
                project, SearchRequest("的", **options)).hits()})

        having = [d for d in ids if "的" in texts[d]]
        assert documents(statuses=("done",), annotator="alice") == [ids[0]]
        assert documents(statuses=("todo",), annotator="alice") == having[1:]
        assert documents(statuses=("done", "skipped")) == [ids[0], ids[1]]
        assert documents(statuses=("todo",)) == [d for d in having if d not in ids[:2]]
        count = Search(project, SearchRequest("的", statuses=("done",))).count()
        assert count == texts[ids[0]].count("的")
        with pytest.raises(PatternError, match="unknown status 'finished'"):
            Search(project, SearchRequest("的", statuses=("finished",)))


@pytest.fixture
def labelled(tmp_path):
    path = tmp_path / "l.hanmark"
    with Project.create(path) as project:
        one = project.add_document(new_document("德州市审计局和平原县审计局，平原县委组织部。", "a"))
        two = project.add_document(new_document("县发改局局长到审计局。", "b"))
        for start, end, label, who in ((0, 6, "ORG", "alice"), (7, 13, "ORG", "alice"),
                                       (7, 10, "LOC", "alice"), (14, 21, "ORG", "bob"),
                                       (14, 17, "LOC", "bob"), (0, 5, "ORG", "bob")):
            project.add_span(one, start, end, label, annotator=who)
        project.add_span(two, 0, 6, "POST", annotator="alice")
    return path, one, two


def places(search):
    return [(h.document_id, h.start, h.end, h.labels) for h in search.hits()]


def test_covering_labels_per_layer_and_label_filter(labelled):
    path, one, two = labelled
    with Project.open(path, readonly=True) as project:
        every = places(Search(project, SearchRequest("审计局")))
        assert every == [(one, 3, 6, ("ORG",)), (one, 10, 13, ("ORG",)), (two, 7, 10, ())]
        alice = places(Search(project, SearchRequest("平原县", annotator="alice")))
        assert alice == [(one, 7, 10, ("LOC", "ORG")), (one, 14, 17, ())]
        bob_loc = places(Search(project, SearchRequest("县", labels=("LOC",), annotator="bob")))
        assert bob_loc == [(one, 16, 17, ("LOC", "ORG"))]
        assert Search(project, SearchRequest("县", labels=("LOC",))).count() == 2
        with pytest.raises(PatternError, match="no label 'AGENCY'"):
            Search(project, SearchRequest("局", labels=("AGENCY",)))


def test_in_spans_searches_each_spans_text(labelled):
    path, one, two = labelled
    with Project.open(path, readonly=True) as project:
        ending = Search(project, SearchRequest("局$", regex=True, in_spans=True, labels=("ORG",)))
        assert [(h.document_id, h.start, h.end) for h in ending.hits()] == [(one, 5, 6),
                                                                           (one, 12, 13)]
        inside = places(Search(project, SearchRequest("局", in_spans=True)))
        assert inside == [(one, 5, 6, ("ORG",)), (one, 12, 13, ("ORG",)),
                          (two, 3, 4, ("POST",)), (two, 4, 5, ("POST",))]
        bob = Search(project, SearchRequest("审计", in_spans=True, annotator="bob"))
        assert [(h.start, h.end) for h in bob.hits()] == [(3, 5)]  # bob's 德州市审计, not 局


def test_whole_words_use_the_project_tokens(sample_path, tokenizer):
    with Project.open(sample_path) as project:
        tokens = ProjectTokens(project, tokenizer)
        texts = texts_of(project)
        for term in ("平原县", "县委", "机关", "局"):
            search = Search(project, SearchRequest(term, words=True), tokens)
            found = [(h.document_id, h.start, h.end) for h in search.hits()]
            expected = []
            for d, text in texts.items():
                bounds = {0, *tokenizer.token_ends(text)}
                expected += [(d, i, i + len(term)) for i in range(len(text))
                             if text.startswith(term, i) and i in bounds
                             and i + len(term) in bounds]
            assert found == expected and search.count() == len(expected)
        first = project.document_ids()[0]
        assert project.cached_tokens(first, tokenizer.key) is not None  # cached for next time


def test_whole_words_need_tokens(sample_path):
    with Project.open(sample_path, readonly=True) as project, pytest.raises(ValueError):
        Search(project, SearchRequest("县", words=True))


def test_labelling_hits_skips_what_is_there_and_undoes(labelled):
    path, one, two = labelled
    with Project.open(path) as project:
        hits = [(h.document_id, h.start, h.end) for h in Search(project, SearchRequest(
            "审计局")).hits()]
        applied = label_places(project, hits + hits[:1], "ORG", "alice")
        assert [(s.document_id, s.start, s.end) for s in applied.added] == [
            (one, 3, 6), (one, 10, 13), (two, 7, 10)]
        assert applied.skipped == 1 and applied.started == [one, two]
        assert project.status(two, "alice") is Status.IN_PROGRESS
        again = label_places(project, hits, "ORG", "alice")
        assert again.added == [] and again.skipped == 3
        take_back(project, applied)
        assert [(s.start, s.end) for s in project.spans(one, "alice") if s.label == "ORG"] == [
            (0, 6), (7, 13)]
        assert project.status(one, "alice") is Status.TODO
        put_back(project, applied)
        assert {s.id for s in applied.added} <= {s.id for d in (one, two)
                                                 for s in project.spans(d, "alice")}


def test_snapping_grows_places_to_whole_tokens():
    ends = {1: [2, 5, 8]}
    snapped, grown = snap_places([(1, 3, 5), (1, 1, 3), (1, 5, 8)], lambda d: "x" * 8,
                                 lambda d, _t: ends[d])
    assert snapped == [(1, 2, 5), (1, 0, 5), (1, 5, 8)] and grown == 2


def test_worker_processes_find_the_same_hits_in_order(sample_path, monkeypatch):
    monkeypatch.setattr("storage.views.search_parallel.PARALLEL_CHARS", 0)   # the seeds are small
    with Project.open(sample_path, readonly=True) as project:
        request = SearchRequest(r"[县市]委\w{0,3}|\d+%", regex=True, context=4)
        one = list(Search(project, request).hits())
        three = Search(project, request, workers=3)
        assert list(three.hits()) == one and three.count() == len(one) > 20
        early = Search(project, request, workers=3).hits()
        assert next(early) == one[0]
        early.close()                     # stopping early (Cancel) leaves nothing running
