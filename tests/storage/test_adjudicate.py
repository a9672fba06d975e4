"""Adjudication into the gold layer: majority spans written once, decisions kept."""

from corpus.document import Status
from storage.project import Project
from storage.team.adjudicate import run_adjudication
from tests.conftest import new_document

TEXT = "平原县委书记王玉东在德州市审计局讲话。"


def layered(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.add_document(new_document(TEXT, "a.txt"))
    for name, spans in (("alice", [(0, 4, "ORG"), (6, 9, "PER"), (10, 16, "ORG")]),
                        ("bob", [(0, 4, "ORG"), (6, 9, "PER"), (10, 13, "LOC")]),
                        ("carol", [(0, 3, "LOC"), (6, 9, "PER")])):
        for start, end, label in spans:
            project.add_span(1, start, end, label, annotator=name,
                             attributes={"by": name} if label == "PER" else None)
        project.set_status(1, name, Status.DONE)
    return project


def test_majority_spans_go_to_gold_once(tmp_path):
    with layered(tmp_path) as project:
        report = run_adjudication(project)
        assert report.annotators == ["alice", "bob", "carol"] and report.written == 2
        gold = project.spans(1, "gold")
        assert [(s.text, s.origin) for s in gold] == [
            ("平原县委", "adjudicated:alice,bob"), ("王玉东", "adjudicated:alice,bob,carol")]
        assert gold[1].attributes == {"by": "alice"}
        assert [[c.key for c in conflict.candidates] for _, conflict in report.conflicts] == \
            [[(0, 3, "LOC")], [(10, 13, "LOC"), (10, 16, "ORG")]]
        assert project.status(1, "gold") is Status.IN_PROGRESS      # conflicts remain
        again = run_adjudication(project)
        assert again.written == 0 and again.decided == 2
        assert len(project.spans(1, "gold")) == 2


def test_the_curators_decisions_stand(tmp_path):
    with layered(tmp_path) as project:
        run_adjudication(project)
        [org, per] = project.spans(1, "gold")
        project.delete_span(per.id)
        project.reject_candidate(1, "gold", (6, 9, "PER"), "lead")
        project.reject_candidate(1, "gold", (0, 3, "LOC"), "lead")
        project.add_span(1, 10, 16, "ORG", annotator="gold")
        project.reject_candidate(1, "gold", (10, 13, "LOC"), "lead")
        report = run_adjudication(project)
        assert report.written == 0 and report.conflicts == []
        assert [s.text for s in project.spans(1, "gold")] == ["平原县委", "德州市审计局"]
        assert project.status(1, "gold") is Status.DONE


def test_min_agree_and_the_annotators_to_compare(tmp_path):
    with layered(tmp_path) as project:
        report = run_adjudication(project, annotators=["alice", "carol"], min_agree=1,
                                  into="pool")
        assert report.written == 4 and not report.conflicts
        assert project.layers(1)["pool"] == 4 and "gold" not in project.layers(1)
