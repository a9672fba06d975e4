"""Labelling search hits: one undoable edit for all of them, across documents."""

from __future__ import annotations

from collections.abc import Callable

from gui.commands.spans import _Command, translate
from storage.views.search_apply import Applied, Place, label_places, put_back, take_back


class LabelHits(_Command):
    """Every place gets a ``label`` span in the session's layer (places that have one are
    skipped); ``on_applied`` hears what was done, the first time."""

    def __init__(self, session, places: list[Place], label: str,
                 on_applied: Callable[[Applied], None] = lambda _a: None) -> None:
        super().__init__(session, translate("Commands", "Label %1 search hits %2")
                         .replace("%1", str(len(places))).replace("%2", label))
        self.places, self.label, self.on_applied = places, label, on_applied
        self.applied: Applied | None = None

    def redo(self) -> None:
        def run() -> None:
            project = self.session.project
            if self.applied is None:
                self.applied = label_places(project, self.places, self.label,
                                            self.session.annotator)
                self.on_applied(self.applied)
                if not self.applied.added:
                    self.setObsolete(True)   # nothing done: nothing for the undo stack
            else:
                put_back(project, self.applied)
            self.session.show_bulk_change([], self.applied.added, self.applied.started)

        self._guard(run)

    def undo(self) -> None:
        if self.applied is not None:
            def run() -> None:
                take_back(self.session.project, self.applied)
                self.session.show_bulk_change(self.applied.added, [], self.applied.started)

            self._guard(run)
