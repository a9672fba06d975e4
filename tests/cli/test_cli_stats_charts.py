"""``hanmark stats --json`` with the charts' numbers and ``--plot DIR`` headless, on the
seed articles with layers; the old output keeps working."""

from __future__ import annotations

import csv
import json

import pytest

from storage.project import Project
from tests.checks.planted import clean_project
from tests.conftest import run_hanmark


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = clean_project(tmp_path_factory.mktemp("stats") / "layers.hanmark")
    with Project.open(path) as opened, opened.action():
        opened.db.execute("UPDATE document_status SET updated_at = '2026-03-0' || "
                          "(document_id % 2 + 1) || 'T10:00:00.000Z' WHERE annotator = 'alice'")
        opened.set_status(1, "bob", "skipped")
    return path


def expected_counts(path):
    with Project.open(path, readonly=True) as opened:
        rows = opened.db.execute("SELECT s.annotator, l.name, s.text FROM spans s JOIN labels l "
                                 "ON l.id = s.label_id").fetchall()
        documents = len(opened.document_ids())
    return rows, documents


def test_stats_json_has_the_old_figures_and_the_charts_numbers(project):
    result = run_hanmark("stats", str(project), "--json", "--annotator", "alice")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    rows, documents = expected_counts(project)
    assert stats["documents"] == documents and stats["status"]["done"] == documents
    assert stats["span_total"] == len(rows)
    for annotator in ("alice", "bob", "carol"):
        mine = [label for a, label, _t in rows if a == annotator]
        assert stats["spans_by_annotator"][annotator] == {
            name: mine.count(name) for name in stats["spans"]}
    assert stats["status_by_annotator"]["bob"]["skipped"] == 1
    assert stats["status_by_annotator"]["bob"]["done"] == documents - 1
    odd = sum(1 for d in range(1, documents + 1) if d % 2)
    assert stats["done_per_day"]["alice"] == {"2026-03-01": documents - odd,
                                              "2026-03-02": odd}
    loc_lengths = [len(t) for a, label, t in rows if label == "LOC"]
    assert stats["span_lengths"]["LOC"] == {str(n): loc_lengths.count(n)
                                            for n in sorted(set(loc_lengths))}
    dezhou = sum(1 for _a, label, t in rows if label == "LOC" and t == "德州")
    assert stats["top_strings"]["LOC"][0] == ["德州", dezhou]


def test_stats_text_output_is_unchanged(project):
    result = run_hanmark("stats", str(project), "--annotator", "alice")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("project    ")
    assert "spans_by_annotator" not in result.stdout


def test_stats_plot_writes_every_chart_headless(project, tmp_path):
    folder = tmp_path / "charts"
    result = run_hanmark("stats", str(project), "--plot", str(folder),
                         env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": ""})
    assert result.returncode == 0, result.stderr
    names = {"spans_per_label", "spans_per_annotator", "relations_per_annotator",
             "documents_by_status", "progress",
             "span_lengths", *(f"top_strings_{label}" for label in
                               ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"))}
    assert {p.name for p in folder.iterdir()} == {f"{n}{s}" for n in names
                                                  for s in (".png", ".csv")}
    for name in names:
        png = (folder / f"{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 5000
    rows, _documents = expected_counts(project)
    with open(folder / "spans_per_label.csv", encoding="utf-8-sig") as table:
        read = list(csv.reader(table))
    assert read[0] == ["label", "spans"]
    assert {label: int(n) for label, n in read[1:]}["LOC"] == sum(
        1 for _a, label, _t in rows if label == "LOC")
