"""hanmark stats counts relations per type and annotator, as a user runs it: in its
text, in --json and in the chart --plot writes."""

import csv
import json

from storage.project import Project
from tests.conftest import new_document, run_hanmark

TEXT = "平原县委书记王玉东提出严真细实快。"


def project(tmp_path):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as opened:
        opened.add_document(new_document(TEXT, "a.txt"))
        for annotator in ("alice", "bob"):
            ids = {label: opened.add_span(1, s, e, label, annotator=annotator).id
                   for s, e, label in ((0, 4, "ORG"), (2, 6, "POST"), (6, 9, "PER"),
                                       (11, 16, "SLOGAN"))}
            opened.add_relation(ids["PER"], ids["POST"], "HOLDS")
            opened.add_relation(ids["PER"], ids["SLOGAN"], "PROPOSES")
            if annotator == "alice":
                opened.add_relation(ids["ORG"], ids["SLOGAN"], "PROPOSES")
    return path


def test_stats_counts_relations_per_type_and_annotator(tmp_path):
    path = project(tmp_path)
    result = run_hanmark("stats", str(path), "--json", "--annotator", "alice")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["relations"] == {"INDICATOR_OF": 0, "HOLDS": 2, "PROPOSES": 3}
    assert stats["relations_by_annotator"] == {
        "alice": {"INDICATOR_OF": 0, "HOLDS": 1, "PROPOSES": 2},
        "bob": {"INDICATOR_OF": 0, "HOLDS": 1, "PROPOSES": 1}}
    text = run_hanmark("stats", str(path), "--annotator", "alice").stdout.splitlines()
    at = text.index("relations  5")
    assert [line.split() for line in text[at + 1:at + 4]] == [
        ["INDICATOR_OF", "指标归属", "0"], ["HOLDS", "任职", "2"], ["PROPOSES", "提出", "3"]]


def test_stats_plot_writes_the_relations_chart(tmp_path):
    path, folder = project(tmp_path), tmp_path / "charts"
    result = run_hanmark("stats", str(path), "--plot", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "relations_per_annotator.png").read_bytes().startswith(b"\x89PNG")
    with open(folder / "relations_per_annotator.csv", encoding="utf-8-sig") as table:
        rows = list(csv.reader(table))
    assert rows[0] == ["annotator", "type", "relations"]
    assert ["alice", "PROPOSES", "2"] in rows and ["bob", "HOLDS", "1"] in rows
