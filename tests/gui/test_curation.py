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
