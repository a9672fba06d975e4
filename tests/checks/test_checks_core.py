"""The checks' rules on small texts, with real jieba tokens."""

from __future__ import annotations

import pytest

from corpus.checks import CheckContext, CheckDocument, DocumentTokens, Mark, corpus_findings
from corpus.checks.edges import trimmed
from corpus.checks.lexicon import Lexicon
from corpus.checks.misses import scanner
from corpus.text.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    return Tokenizer(tmp_path_factory.mktemp("jieba"))


def doc(document_id: int, text: str, spans, annotator: str = "a") -> CheckDocument:
    marks = sorted((Mark(i, document_id, s, e, label, annotator, text[s:e])
                    for i, (s, e, label) in enumerate(spans, start=100 * document_id)),
                   key=lambda m: (m.start, m.end))
    return CheckDocument(document_id, text, {}, marks, frozenset({annotator}))


def run(documents, tokenizer, checks=None):
    context = CheckContext(tokens_for=lambda d: DocumentTokens(d.text, None,
                                                               tokenizer.token_ends),
                           is_word=Lexicon().is_word)
    if checks:
        context.checks = frozenset(checks)
    return corpus_findings(documents, context)


def span(text: str, needle: str, label: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return (start, start + len(needle), label)


def test_misses_skip_longer_spans_and_words_that_only_contain_the_string(tokenizer):
    one = "平原县召开会议。德州市审计局发布报告。"
    two = "平原县委书记到德州市调研，平原县的干部参加，117105号文件，11710工程。"
    labelled = doc(1, one, [span(one, "平原县", "LOC"), span(one, "德州市审计局", "ORG")])
    other = doc(2, two, [span(two, "平原县委", "ORG"), span(two, "11710", "SLOGAN", 1)])
    found = run([labelled, other], tokenizer, ["missed"])
    # 平原县 inside the ORG span 平原县委 is no miss; the 平原县 of 平原县的 is one
    assert [(f.document, f.text, f.start) for f in found] == [
        (2, "平原县", two.index("平原县的"))]
    assert found[0].fix.label == "LOC" and found[0].facts["labelled"] == 1


def test_a_miss_is_counted_for_the_layer_that_covers_the_document(tokenizer):
    text = "王玉东说，王玉东强调。"
    alice = doc(1, text, [span(text, "王玉东", "PER")], "alice")
    found = run([alice], tokenizer, ["missed"])
    assert [(f.start, f.annotator) for f in found] == [(5, "alice")]
    uncovered = CheckDocument(2, text, {}, [], frozenset())
    assert run([alice, uncovered], tokenizer, ["missed"]) == found


def test_token_cuts_allow_words_inside_a_token(tokenizer):
    text = "县委书记在德州市调研。"
    found = run([doc(1, text, [(0, 3, "POST"), span(text, "德州", "LOC")])], tokenizer,
                ["token-cut"])
    assert [(f.text, f.facts["words"]) for f in found] == [("县委书", "县委书记")]


def test_edges_and_their_trim(tokenizer):
    text = "“严真细实快”， 德州 86.72%，发改委（发展改革委）"
    spans = [span(text, "“严真细实快”", "SLOGAN"), span(text, " 德州", "LOC"),
             span(text, "86.72%", "METRIC"), span(text, "发改委（发展改革委）", "ORG")]
    found = run([doc(1, text, spans)], tokenizer, ["edge"])
    assert [(f.text, f.fix.start, f.fix.end) for f in found] == [
        ("“严真细实快”", 1, 6), (" 德州", 9, 11)]
    assert trimmed("，，", 0, 2) == (2, 2)


def test_conflicts_majority_and_ties(tokenizer):
    text = "德州，德州，德州。浙江。"
    a = doc(1, text, [span(text, "德州", "LOC", 0), span(text, "德州", "LOC", 1),
                      span(text, "德州", "ORG", 2), span(text, "浙江", "LOC")], "a")
    b = doc(2, text, [span(text, "浙江", "ORG")], "b")
    found = run([a, b], tokenizer, ["label-conflict", "layer-conflict"])
    assert [(f.check, f.text, f.label, f.fix and f.fix.label) for f in found] == [
        ("label-conflict", "德州", "ORG", "LOC"),
        ("layer-conflict", "浙江", "LOC", None), ("layer-conflict", "浙江", "ORG", None)]


def test_duplicates_overlaps_metrics_damage(tokenizer):
    text = "完成1500余场次和五型建设，按照\ufffd政为民。"
    spans = [span(text, "1500余场次", "METRIC"), span(text, "1500余场次", "METRIC"),
             span(text, "五型", "METRIC"), (text.index("五型"), text.index("五型") + 4, "METRIC"),
             (text.index("\ufffd") - 1, text.index("\ufffd") + 2, "SLOGAN")]
    document = doc(1, text, spans)
    document.meta = {"damage": [{"offset": text.index("\ufffd"), "kind": "lost", "hint": "qǐng"}]}
    found = run([document], tokenizer, ["duplicate", "overlap", "metric-value", "damaged"])
    assert sorted((f.check, f.text) for f in found) == [
        ("damaged", "照\ufffd政"), ("duplicate", "1500余场次"), ("metric-value", "五型"),
        ("metric-value", "五型建设"), ("overlap", "五型建设")]


def test_the_scanner_finds_the_longest_string_at_every_place():
    pattern = scanner(["德州", "德州市", "州市"])
    found = [(m.start("m"), m.group("m")) for m in pattern.finditer("德州市和德州")]
    assert found == [(0, "德州市"), (1, "州市"), (4, "德州")]


def test_tokens_without_a_tokenizer_are_known_only_between_blocks():
    tokens = DocumentTokens("德州，abc", None, None)
    assert tokens.is_boundary(2) is True and tokens.is_boundary(1) is None
    cached = DocumentTokens("德州市长", [3, 4], None)
    assert cached.token_at(1) == (0, 3) and cached.is_boundary(3) is True
