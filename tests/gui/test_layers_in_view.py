"""View → Annotators: other layers listed with counts, shown read-only, copied (undoably)."""

from storage.project import Project


def test_other_layers_are_shown_read_only_and_copied(open_window, astral_path, qtbot):
    with Project.open(astral_path) as project:
        project.add_span(1, 4, 8, "ORG", annotator="bob", attributes={"k": "v"})
        project.add_span(1, 10, 13, "PER", annotator="bob")
        project.add_span(1, 10, 13, "PER", annotator="tester")
    window = open_window(astral_path)
    tools = window.layer_tools
    assert tools.layers() == {"bob": 2}
    tools.rebuild()
    titles = [a.text() for a in tools.menu.actions()]
    assert "Show bob (2 spans)" in titles and "Copy bob's Spans into My Layer" in titles
    tools.show_layer("bob", True)
    drawn = [span.text for pieces in tools.window.view.highlighter._layers.values()
             for _lo, _n, span in pieces]
    assert sorted(drawn) == ["平原县委", "王玉东"]
    assert [s.text for s in window.session.spans] == ["王玉东"]      # bob's stay bob's
    assert tools.copy("bob") == 1                                     # 王玉东 is there already
    copied = [s for s in window.session.spans if s.text == "平原县委"][0]
    assert copied.origin == "copied:bob" and copied.attributes == {"k": "v"}
    window.session.undo_stack.undo()                                  # one step for all
    assert [s.text for s in window.session.spans] == ["王玉东"]
    tools.show_layer("bob", False)
    assert not any(tools.window.view.highlighter._layers.values())


def test_copying_a_layer_brings_its_relations_between_the_copied_spans(
        open_window, astral_path, qtbot):
    """bob links 王玉东 → 书记 (HOLDS); tester has 王玉东 already: the copy adds 书记 and the
    relation between tester's own two spans, and one undo takes both back."""
    with Project.open(astral_path) as project:
        person = project.add_span(1, 10, 13, "PER", annotator="bob").id
        post = project.add_span(1, 8, 10, "POST", annotator="bob").id
        project.add_relation(person, post, "HOLDS")
        project.add_span(1, 10, 13, "PER", annotator="tester")
    window = open_window(astral_path)
    session = window.session
    assert window.layer_tools.copy("bob") == 1
    relations = session.project.relations(1, "tester")
    assert [(session.project.span(r.from_span_id).text, session.project.span(r.to_span_id).text,
             r.type) for r in relations] == [("王玉东", "书记", "HOLDS")]
    assert window.layer_tools.copy("bob") == 0                       # nothing twice
    assert len(session.project.relations(1, "tester")) == 1
    session.undo_stack.undo()
    assert session.project.relations(1, "tester") == []
    assert [s.text for s in session.spans] == ["王玉东"]
    session.undo_stack.redo()
    assert len(session.project.relations(1, "tester")) == 1
