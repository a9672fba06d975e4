"""hanmark search, as a user runs it: counts against str.count and re.finditer on the seed
articles, the JSON lines, --apply's exact spans, and the errors a user can cause."""

from __future__ import annotations

import json
import re
import unicodedata

from storage.project import Project
from tests.conftest import run_hanmark


def json_lines(result):
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return lines[:-1], lines[-1]


def seed_texts(path):
    with Project.open(path, readonly=True) as project:
        return {d: project.text_of(d) for d in project.document_ids()}


def test_json_hits_match_an_independent_count(sample_path):
    texts = seed_texts(sample_path)
    for term in ("平原县", "的", "機關"):
        hits, summary = json_lines(run_hanmark("search", str(sample_path), term, "--json",
                                               "--context", "5"))
        assert summary["total"] == len(hits) == sum(t.count(term) for t in texts.values())
        for hit in hits:
            text = texts[hit["document"]]
            assert hit["hit"] == term == text[hit["start"]:hit["end"]]
            assert hit["left"] == text[max(0, hit["start"] - 5):hit["start"]]
            assert hit["right"] == text[hit["end"]:hit["end"] + 5]
            assert hit["labels"] == []
        assert summary["documents"] == sum(1 for t in texts.values() if term in t)


def test_regex_and_limit(sample_path):
    texts = seed_texts(sample_path)
    pattern = r"\d+(?:\.\d+)?%"
    expected = [(d, m.start(), m.end()) for d, t in texts.items() for m in re.finditer(pattern, t)]
    hits, summary = json_lines(run_hanmark("search", str(sample_path), pattern, "--regex",
                                           "--json", "--limit", "3"))
    assert [(h["document"], h["start"], h["end"]) for h in hits] == expected[:3]
    assert summary["total"] == len(expected) and summary["shown"] == 3


def test_plain_output_aligns_the_hits(sample_path):
    result = run_hanmark("search", str(sample_path), "平原县", "--limit", "4")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "13 hits in 1 documents (4 shown)"
    columns = {sum(1 + (unicodedata.east_asian_width(c) in "WF") for c in line[:line.index("【")])
               for line in lines[:-1]}
    assert len(columns) == 1  # every hit starts in the same terminal column


def test_a_bad_regex_is_one_line_naming_the_position(sample_path):
    result = run_hanmark("search", str(sample_path), "平原(县", "--regex")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == ("hanmark: error: bad regular expression at position 2: "
                                     "missing ), unterminated subpattern (here: 平原▶(县)")


def test_unknown_label_and_missing_project(sample_path, tmp_path):
    result = run_hanmark("search", str(sample_path), "局", "--apply", "AGENCY")
    assert result.returncode == 1 and "no label 'AGENCY'" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run_hanmark("search", str(tmp_path / "none.hanmark"), "局")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_apply_labels_exact_characters_and_skips_on_the_second_run(sample_path):
    texts = seed_texts(sample_path)
    term = "平原县"
    expected = sorted((d, i, i + len(term)) for d, t in texts.items()
                      for i in [m.start() for m in re.finditer(term, t)])
    _hits, summary = json_lines(run_hanmark("search", str(sample_path), term, "--apply", "LOC",
                                            "--annotator", "alice", "--characters", "--json"))
    assert summary["applied"] == {"label": "LOC", "annotator": "alice", "added": len(expected),
                                  "skipped": 0, "snapped": 0, "documents": 1}
    with Project.open(sample_path, readonly=True) as project:
        spans = sorted((s.document_id, s.start, s.end) for d in texts
                       for s in project.spans(d, "alice"))
        assert spans == expected
        assert all(s.label == "LOC" and s.origin == "search" and s.text == term
                   for d in texts for s in project.spans(d, "alice"))
        assert project.spans(1, "bob") == []
    hits, again = json_lines(run_hanmark("search", str(sample_path), term, "--apply", "LOC",
                                         "--annotator", "alice", "--characters", "--json"))
    assert again["applied"]["added"] == 0 and again["applied"]["skipped"] == len(expected)
    assert all(h["labels"] == ["LOC"] for h in hits)
    labelled, _s = json_lines(run_hanmark("search", str(sample_path), "县", "--in-spans",
                                          "--label", "LOC", "--json"))
    assert [(h["document"], h["start"]) for h in labelled] == [(d, e - 1) for d, _s, e in expected]


def test_apply_snaps_to_words_by_default(sample_path):
    from corpus.text.tokenizer import Tokenizer
    from hanmark import paths

    texts = seed_texts(sample_path)
    result = run_hanmark("search", str(sample_path), "平原县", "--apply", "LOC", "--annotator",
                         "alice")
    assert result.returncode == 0, result.stderr
    tokenizer = Tokenizer(paths.cache_dir() / "jieba")
    with Project.open(sample_path, readonly=True) as project:
        spans = [s for d in texts for s in project.spans(d, "alice")]
    from corpus.text.token_bounds import TokenBounds

    bounds = {d: TokenBounds(tokenizer.token_ends(t)) for d, t in texts.items()}
    expected = sorted({(d, *bounds[d].snap(i, i + 3)) for d, t in texts.items()
                       for i in [m.start() for m in re.finditer("平原县", t)]})
    assert sorted((s.document_id, s.start, s.end) for s in spans) == expected
    assert any(s.text == "平原县委" for s in spans)  # the word 平原县委 taken whole
    assert f"labelled {len(expected)} places LOC in alice's layer" in result.stdout


def test_words_use_the_projects_own_words(sample_path, tmp_path):
    from corpus.text.tokenizer import Tokenizer

    texts = seed_texts(sample_path)
    with Project.open(sample_path) as project:
        project.change_word("新平原", add=True)    # one word now: 平原 inside it is no hit
    tokenizer = Tokenizer(tmp_path / "jieba")
    plain = Tokenizer(tmp_path / "jieba")
    tokenizer.add_word("新平原")
    expected = []
    for d, text in texts.items():
        bounds = {0, *tokenizer.token_ends(text)}
        expected += [(d, m.start(), m.end()) for m in re.finditer("平原", text)
                     if m.start() in bounds and m.end() in bounds]
    hits, summary = json_lines(run_hanmark("search", str(sample_path), "平原", "--words",
                                           "--json"))
    assert [(h["document"], h["start"], h["end"]) for h in hits] == expected
    without = sum(1 for t in texts.values() for m in re.finditer("平原", t)
                  if {m.start(), m.end()} <= {0, *plain.token_ends(t)})
    assert summary["total"] == len(expected) < without


def test_a_closed_pipe_ends_quietly(sample_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    command = [sys.executable, "-m", "hanmark", "search", str(sample_path), "的"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)}) as child:
        first = child.stdout.readline()
        child.stdout.close()              # as `| head -1` does
        error = child.stderr.read().decode()
        assert child.wait(60) == 0
    assert "【的】" in first.decode() and error == ""
