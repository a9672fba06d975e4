"""View → Curate: conflicts listed, visited, accepted and rejected into the curator's layer."""

from corpus.document import Status
from storage.project import Project


def test_curating_the_conflicts_of_a_document(open_window, astral_path, qtbot):
    with Project.open(astral_path) as project:
        for name, spans in (("alice", [(4, 8, "ORG"), (10, 13, "PER")]),
                            ("bob", [(4, 8, "ORG"), (10, 13, "POST")])):
            for start, end, label in spans:
                project.add_span(1, start, end, label, annotator=name)
            project.set_status(1, name, Status.DONE)
        project.add_span(1, 4, 8, "ORG", annotator="gold")      # adjudicated already
    window = open_window(astral_path, annotator="gold")
    curation = window.curation
    curation.toggle.trigger()
    assert curation.dock.isVisible()
    assert [(c.label, c.annotators) for c in curation.candidates] == \
        [("PER", ("alice",)), ("POST", ("bob",))]
    assert curation.lanes.names == ["alice", "bob"]       # one lane each, under the text
    curation.next.trigger()
    assert window.view.selection() == (10, 13)
    curation.accept.trigger()
    assert [(s.text, s.origin) for s in window.session.spans][-1] == ("王玉东", "curated:alice")
    assert [c.label for c in curation.candidates] == ["POST"]
    curation.next.trigger()
    curation.reject.trigger()
    assert curation.candidates == []
    assert window.session.project.rejected_candidates(1, "gold") == {(10, 13, "POST")}
    window.session.undo_stack.undo()                      # the rejection
    assert [c.label for c in curation.candidates] == ["POST"]
    window.session.undo_stack.undo()                      # the acceptance
    assert len(curation.candidates) == 2


def test_accepting_a_span_brings_its_relations_to_the_spans_gold_has(open_window, astral_path,
                                                                    qtbot):
    """alice links 王玉东 → 书记 (HOLDS); gold has 书记 already: accepting alice's 王玉东
    brings the relation too, in the same undo step."""
    with Project.open(astral_path) as project:
        person = project.add_span(1, 10, 13, "PER", annotator="alice").id
        post = project.add_span(1, 8, 10, "POST", annotator="alice").id
        project.add_relation(person, post, "HOLDS")
        project.add_span(1, 8, 10, "POST", annotator="bob")
        for name in ("alice", "bob"):
            project.set_status(1, name, Status.DONE)
        project.add_span(1, 8, 10, "POST", annotator="gold")
    window = open_window(astral_path, annotator="gold")
    curation = window.curation
    curation.toggle.trigger()
    assert [(c.label, c.annotators) for c in curation.candidates] == [("PER", ("alice",))]
    curation.next.trigger()
    curation.accept.trigger()
    project = window.session.project
    gold = project.relations(1, "gold")
    assert [(project.span(r.from_span_id).text, project.span(r.to_span_id).text, r.type)
            for r in gold] == [("王玉东", "书记", "HOLDS")]
    window.session.undo_stack.undo()
    assert project.relations(1, "gold") == [] and len(curation.candidates) == 1
