"""``hanmark adjudicate`` as a user runs it: three annotators' doccano files imported with
``--annotator``, the majority spans in gold, conflicts listed, decisions kept."""

import json
import random

import pytest

from storage.project import Project
from tests.conftest import run_hanmark

ANNOTATORS = ("alice", "bob", "carol")
LABELS = ("PER", "ORG", "LOC", "METRIC")


def seed_texts(sample_path) -> list[str]:
    with Project.open(sample_path, readonly=True) as project:
        return [project.text_of(i) for i in project.document_ids()]


def random_spans(text: str, rng: random.Random, count: int) -> list[tuple[int, int, str]]:
    """``count`` distinct spans of 2–6 characters without whitespace, some overlapping."""
    spans: set[tuple[int, int, str]] = set()
    while len(spans) < count:
        start = rng.randrange(len(text) - 6)
        end = start + rng.randint(2, 6)
        if not any(ch.isspace() for ch in text[start:end]):
            spans.add((start, end, rng.choice(LABELS)))
    return sorted(spans)


def layers_of(texts: list[str]) -> dict[str, list[list[tuple[int, int, str]]]]:
    """annotator → per text, their spans: each span of a pool is held by a random non-empty
    set of annotators, and every annotator has at least one span in every text."""
    rng = random.Random(20261204)
    layers = {name: [] for name in ANNOTATORS}
    for text in texts:
        held = {name: [] for name in ANNOTATORS}
        for span in random_spans(text, rng, 40):
            for name in rng.sample(ANNOTATORS, rng.randint(1, 3)):
                held[name].append(span)
        for name in ANNOTATORS:
            assert held[name]
            layers[name].append(held[name])
    return layers


def majority(layers, index: int, k: int) -> set[tuple[int, int, str]]:
    count: dict[tuple[int, int, str], int] = {}
    for name in ANNOTATORS:
        for span in layers[name][index]:
            count[span] = count.get(span, 0) + 1
    return {span for span, n in count.items() if n >= k}


def write_doccano(path, texts, spans_per_text) -> None:
    with path.open("w", encoding="utf-8") as out:
        for text, spans in zip(texts, spans_per_text):
            out.write(json.dumps({"text": text, "label": [list(s) for s in spans]},
                                 ensure_ascii=False) + "\n")


@pytest.fixture
def three_layers(tmp_path, sample_path):
    """A project built from three annotators' doccano files of the seed articles."""
    texts = seed_texts(sample_path)
    layers = layers_of(texts)
    project = tmp_path / "team.hanmark"
    assert run_hanmark("new", str(project)).returncode == 0
    for name in ANNOTATORS:
        path = tmp_path / f"{name}.jsonl"
        write_doccano(path, texts, layers[name])
        result = run_hanmark("import", str(project), str(path), "--annotator", name,
                             "--offsets", "codepoint", "--quiet")
        assert result.returncode == 0, result.stdout + result.stderr
    return project, texts, layers


def gold_by_text(project) -> dict[str, set[tuple[int, int, str]]]:
    with Project.open(project, readonly=True) as opened:
        keys = opened.layer_keys()
        return {opened.text_of(doc): keys.get(doc, {}).get("gold", set())
                for doc in opened.document_ids()}


def test_min_agree_two_writes_exactly_the_majority_spans_and_exports_them(three_layers,
                                                                          tmp_path):
    project, texts, layers = three_layers
    result = run_hanmark("adjudicate", str(project), "--min-agree", "2", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = {text: majority(layers, i, 2) for i, text in enumerate(texts)}
    assert report["annotators"] == list(ANNOTATORS) and report["documents"] == len(texts)
    assert report["written"] == sum(len(spans) for spans in expected.values()) > 0
    assert gold_by_text(project) == expected
    held_by_one = {(text, s) for i, text in enumerate(texts) for name in ANNOTATORS
                   for s in layers[name][i]} - {(t, s) for t, spans in expected.items()
                                                 for s in spans}
    listed = {(texts_by_id(project)[c["document"]], (k["start"], k["end"], k["label"]))
              for c in report["conflicts"] for k in c["candidates"]}
    assert listed <= held_by_one and listed            # conflicts: only minority spans
    for conflict in report["conflicts"]:
        for candidate in conflict["candidates"]:
            text = texts_by_id(project)[conflict["document"]]
            assert candidate["text"] == text[candidate["start"]:candidate["end"]]
            assert len(candidate["annotators"]) == 1
    with Project.open(project, readonly=True) as opened:
        origins = {s.origin for doc in opened.document_ids() for s in opened.spans(doc, "gold")}
    assert origins and all(o.startswith("adjudicated:") for o in origins)
    assert "adjudicated:alice,bob,carol" in origins

    out = tmp_path / "out.jsonl"
    exported = run_hanmark("export", str(project), "--annotator", "gold", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["text"]: {tuple(s) for s in r["label"]} for r in records} == expected


def texts_by_id(project) -> dict[int, str]:
    with Project.open(project, readonly=True) as opened:
        return {doc: opened.text_of(doc) for doc in opened.document_ids()}


def test_rerunning_keeps_gold_and_the_curators_decisions(three_layers):
    project, texts, layers = three_layers
    first = json.loads(run_hanmark("adjudicate", str(project), "--json").stdout)
    assert first["min_agree"] is None                        # default K: 2 of 3
    assert gold_by_text(project) == {t: majority(layers, i, 2) for i, t in enumerate(texts)}
    again = run_hanmark("adjudicate", str(project), "--json")
    assert again.returncode == 0
    second = json.loads(again.stdout)
    assert second["written"] == 0
    assert second["already_decided"] == first["written"] + first["already_decided"]
    assert second["conflicts"] == first["conflicts"]
    with Project.open(project) as opened:                    # the curator removes one
        doc = opened.document_ids()[0]
        removed = opened.spans(doc, "gold")[0]
        opened.delete_span(removed.id)
        opened.reject_candidate(doc, "gold", (removed.start, removed.end, removed.label),
                                "lead")
    before = gold_by_text(project)
    third = json.loads(run_hanmark("adjudicate", str(project), "--json").stdout)
    assert third["written"] == 0 and gold_by_text(project) == before
    assert (removed.start, removed.end, removed.label) not in before[texts_by_id(project)[doc]]


def test_the_text_report_lists_conflicts_by_document(tmp_path):
    text = "".join(f"第{i:02d}号" for i in range(30))            # 4 characters each
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    alice = [[4 * i, 4 * i + 3, "ORG"] for i in range(30)]    # 30 spans only alice has
    bob = [[0, 3, "ORG"], [0, 4, "LOC"]]
    for name, spans in (("alice", alice), ("bob", bob)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"text": text, "label": spans}, ensure_ascii=False),
                        encoding="utf-8")
        assert run_hanmark("import", str(project), str(path), "--annotator", name,
                           "--offsets", "codepoint").returncode == 0
    result = run_hanmark("adjudicate", str(project))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("adjudicated 1 documents into gold (alice, bob; more than half agree): "
                        "1 spans written, 0 already decided, 30 conflicts left")
    assert lines[2] == "  document 1  第00号第01号第02号第03号第04号第05号…"   # its title
    assert lines[3].split() == ["•", "0-4", "LOC", "「第00号」", "bob"]  # overlaps 0-3 in gold
    assert lines[4].split() == ["•", "4-7", "ORG", "「第01」", "alice"]
    assert sum(line.lstrip().startswith("•") for line in lines) == 20
    assert lines[-1] == "  … 10 more (--json lists them all)"
    report = json.loads(run_hanmark("adjudicate", str(project), "--json").stdout)
    assert report["conflict_count"] == 30 == len(report["conflicts"])


@pytest.mark.parametrize(("args", "message"), [
    (["--annotators", "alice,zed"], "no annotator 'zed' in the project (known: alice, bob, "
                                    "carol)"),
    (["--annotators", "alice"], "at least two annotators; found 1 (alice)"),
    (["--annotators", "alice,bob", "--into", "bob"], "--into bob: that layer is also one"),
    (["--min-agree", "0"], "--min-agree '0': expected a whole number"),
    (["--min-agree", "two"], "--min-agree 'two': expected a whole number"),
    (["--min-agree", "4"], "--min-agree 4: only 3 annotators are compared"),
    (["--annotators", "alice,bob", "--min-agree", "3"], "only 2 annotators"),
    (["--documents", "1,x"], "--documents 'x': expected ids like 1,4,10-20"),
    (["--documents", "99"], "no document 99 in the project"),
])
def test_bad_options_are_one_line_and_write_nothing(three_layers, args, message):
    project = three_layers[0]
    result = run_hanmark("adjudicate", str(project), *args)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert all(not spans for spans in gold_by_text(project).values())


def test_a_project_with_one_annotator_has_nothing_to_compare(tmp_path):
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    path = tmp_path / "alice.jsonl"
    path.write_text('{"text": "德州市审计局。", "label": [[0, 3, "LOC"]]}', encoding="utf-8")
    run_hanmark("import", str(project), str(path), "--annotator", "alice")
    result = run_hanmark("adjudicate", str(project))
    assert result.returncode == 1
    assert result.stderr == ("hanmark: error: adjudication compares at least two annotators; "
                             "found 1 (alice)\n")
    missing = run_hanmark("adjudicate", str(tmp_path / "nope.hanmark"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


def test_documents_limits_what_is_adjudicated(three_layers):
    project, texts, layers = three_layers
    report = json.loads(run_hanmark("adjudicate", str(project), "--documents", "2-3",
                                    "--json").stdout)
    assert report["documents"] == 2
    gold = gold_by_text(project)
    ids = texts_by_id(project)
    assert {doc for doc, text in ids.items() if gold[text]} == {2, 3}
    assert {c["document"] for c in report["conflicts"]} <= {2, 3}


def test_relations_enough_annotators_link_go_into_gold_with_their_spans(tmp_path):
    """Two of three link 王玉东 → 县委书记 (HOLDS): gold gets the relation between its own
    spans; one only alice draws is left open and counted."""
    from tests.conftest import new_document

    path = tmp_path / "r.hanmark"
    text = "县委书记王玉东介绍，县长李明要求抓好落实。"
    with Project.create(path) as project:
        doc = project.add_document(new_document(text, "a.txt"))
        for name in ANNOTATORS:
            post = project.add_span(doc, 0, 4, "POST", annotator=name).id
            person = project.add_span(doc, 4, 7, "PER", annotator=name).id
            other_post = project.add_span(doc, 10, 12, "POST", annotator=name).id
            other = project.add_span(doc, 12, 14, "PER", annotator=name).id
            if name != "carol":
                project.add_relation(person, post, "HOLDS")
            if name == "alice":
                project.add_relation(other, other_post, "HOLDS", note="县长")
    result = run_hanmark("adjudicate", str(path))
    assert result.returncode == 0, result.stderr
    assert "relations: 1 written, 1 left open" in result.stdout
    with Project.open(path, readonly=True) as project:
        gold = project.relations(doc, "gold")
        assert [(project.span(r.from_span_id).text, project.span(r.to_span_id).text, r.type,
                 project.span(r.from_span_id).annotator) for r in gold] == \
            [("王玉东", "县委书记", "HOLDS", "gold")]
    again = run_hanmark("adjudicate", str(path), "--json")
    report = json.loads(again.stdout)
    assert report["relations_written"] == 0 and report["relations_open"] == 1
    with Project.open(path, readonly=True) as project:
        assert len(project.relations(doc, "gold")) == 1        # not written twice
    everyone = run_hanmark("adjudicate", str(path), "--min-agree", "1", "--json")
    assert json.loads(everyone.stdout)["relations_written"] == 1
    with Project.open(path, readonly=True) as project:
        notes = sorted(r.note for r in project.relations(doc, "gold"))
        assert notes == ["", "县长"]
