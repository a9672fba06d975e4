"""Making, showing and deleting relations in the window.

With a span selected, R starts a relation from it.  The next span clicked is its
target, or move to one with Tab and press R (or Enter) again; then a menu offers the
relation types the scheme allows from the one label to the other.  Esc, or a click
outside every span, gives up.  Arcs are drawn by gui/view/relation_arcs.py; a click on
one selects the relation, which Delete removes.  Every edit is an undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from corpus import hotkeys
from corpus.span import Span
from gui.commands.relations import AddRelation, DeleteRelation
from gui.i18n import shown, titled
from gui.view.relation_arcs import RelationArcs


class RelationTools(QObject):
    def __init__(self, window, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.source: Span | None = None         # a relation being made starts here
        self.type_menu: QMenu | None = None
        self.arcs = RelationArcs(window.view, self.arc_clicked)
        window.view.add_overlay(self.arcs)
        self.start = self._action(self.tr("Start a &Relation"), hotkeys.RELATION)
        self.start.setToolTip(self.tr("From the selected span: then click the target span, or "
                                      "Tab to it and press R"))
        self.start.triggered.connect(self.start_or_link)
        self.cancel = self._action(self.tr("Cancel the Relation"), "Esc")
        self.cancel.setEnabled(False)
        self.cancel.triggered.connect(self.give_up)
        self.show_arcs = self._action(self.tr("Relation &Arcs"))
        self.show_arcs.setCheckable(True)
        self.show_arcs.setChecked(True)
        self.show_arcs.toggled.connect(self._show_arcs)
        menu.addSeparator()
        for action in (self.start, self.show_arcs):
            menu.addAction(action)
        window.view.spanClicked.connect(self.span_clicked)
        window.view.fontSizeChanged.connect(lambda _size: self._font_changed())
        window.span_list.model_.relation_text = self.describe

    def _action(self, text: str, shortcut: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def set_session(self, session) -> None:
        self.session = session
        self.source = None
        layer = session.relations
        layer.loaded.connect(lambda: (self.arcs.set_layer(layer), self._column()))
        layer.changed.connect(self._changed)
        layer.selectedChanged.connect(self._selected)
        session.selectedSpanChanged.connect(self._span_selected)
        session.spansChanged.connect(
            lambda _document, removed, added: self.arcs.spans_changed(removed, added))
        self.arcs.set_layer(layer)

    # -- making one ----------------------------------------------------------------
    def start_or_link(self) -> None:
        """R: start a relation from the selected span, or (started) link to it."""
        session = self.session
        if self.source is not None and session.selected is not None \
                and session.selected.id != self.source.id:
            self.link(session.selected)
        elif session.selected is None:
            self._say(self.tr("Select the span a relation starts from, then press R."))
        else:
            self.source = session.selected
            self.cancel.setEnabled(True)
            self.arcs.pending = self.source.id
            self.window.view.viewport().update()
            self._say(self.tr("Relation from “%1”: click its target span, or Tab to it and "
                              "press R. Esc cancels.").replace("%1", self.source.text))

    def confirm(self) -> bool:
        """Enter while a relation is being made links it to the selected span."""
        if self.source is None:
            return False
        self.start_or_link()
        return True

    def span_clicked(self, span_id) -> None:
        if self.source is None:
            return
        span = self.session.spans.get(span_id)
        if span is None:
            self.give_up()
        elif span.id != self.source.id:
            self.link(span)

    def link(self, target: Span) -> QMenu | None:
        """Offer the types allowed from the source's label to ``target``'s."""
        source = self.source
        allowed = self.session.relations.allowed(source.label, target.label)
        if not allowed:
            self.give_up()
            self._say(self.tr("No relation type links %1 to %2.")
                      .replace("%1", self._label(source.label))
                      .replace("%2", self._label(target.label)))
            return None
        menu = self.type_menu = QMenu(self.window.view)
        menu.setObjectName("relationTypeMenu")
        for kind in allowed:
            action = menu.addAction(titled(kind))
            action.triggered.connect(
                lambda _=False, k=kind: self._add(source, target, k))
        menu.aboutToHide.connect(self.give_up)
        view = self.window.view
        start, _end = view.offsets.range_to_utf16(target.start, target.end)
        cursor = view.textCursor()
        cursor.setPosition(start)
        menu.popup(view.viewport().mapToGlobal(view.cursorRect(cursor).bottomLeft()))
        return menu

    def _add(self, source: Span, target: Span, kind) -> None:
        if self.type_menu is not None:
            self.type_menu.close()
        self.give_up()
        self.session.push(AddRelation(self.session, source.id, target.id, kind.name,
                                      shown(kind)))

    def _label(self, name: str) -> str:
        scheme = self.session.scheme
        return titled(scheme.get(name)) if name in scheme else name

    def give_up(self) -> None:
        self.source = None
        self.arcs.pending = None
        self.cancel.setEnabled(False)
        self.window.view.viewport().update()

    # -- selecting and deleting one ----------------------------------------------------
    def arc_clicked(self, relation_id: int | None) -> None:
        self.session.select_span(None)
        self.session.relations.select(relation_id)

    def delete_selected(self) -> bool:
        """Delete removes the selected relation, if one is selected."""
        relation = self.session.relations.selected if self.session else None
        if relation is None:
            return False
        kind = self.session.relations.types.get(relation.type)
        display = shown(kind) if kind else relation.type
        self.session.push(DeleteRelation(self.session, relation, display))
        return True

    def _selected(self, relation) -> None:
        self.window.view.viewport().update()
        if relation is not None:
            self.window.actions.delete_span.setEnabled(True)
            spans = self.session.spans
            kind = self.session.relations.types.get(relation.type)
            self._say(self.tr("Relation %1: %2 → %3 (Delete removes it)")
                      .replace("%1", shown(kind) if kind else relation.type)
                      .replace("%2", spans.get(relation.from_span_id).text)
                      .replace("%3", spans.get(relation.to_span_id).text))

    def _span_selected(self, span) -> None:
        if span is not None and self.session.relations.selected is not None:
            self.session.relations.select(None)

    def _column(self) -> None:
        """The span list's Relations column, only while the document has relations."""
        span_list = self.window.span_list
        span_list.setColumnHidden(span_list.model_.RELATIONS, not len(self.session.relations))

    def _changed(self, removed: list, added: list) -> None:
        self.arcs.relations_changed(removed, added)
        self.arcs.refresh(added=bool(added))
        self._column()
        spans = self.session.spans
        ends = {i for r in (*removed, *added) for i in (r.from_span_id, r.to_span_id)}
        self.window.span_list.model_.refresh([s for i in ends if (s := spans.get(i))])

    def describe(self, span: Span) -> str:
        """A span's relations for the span list: → type target; ← type source."""
        if self.session is None:
            return ""
        layer, spans = self.session.relations, self.session.spans
        parts = []
        for relation in layer.of_span(span.id):
            kind = layer.types.get(relation.type)
            name = shown(kind) if kind else relation.type
            outgoing = relation.from_span_id == span.id
            other = spans.get(relation.to_span_id if outgoing else relation.from_span_id)
            parts.append(f"{'→' if outgoing else '←'} {name} {other.text if other else '?'}")
        return "; ".join(parts)

    def _show_arcs(self, on: bool) -> None:
        self.arcs.shown = on
        self.arcs.refresh()

    def _font_changed(self) -> None:
        self.arcs.font_changed()
        self.window.view.overlay_room_changed()

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

