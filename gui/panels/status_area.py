"""The status bar's permanent area: where the open document is in the list (n / N), how
many are done, who is annotating, and the document's span count."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class StatusArea(QLabel):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("statusArea")
        self.window_ = window
        window.statusBar().addPermanentWidget(self)
        window.document_list.model_.modelReset.connect(self.refresh)   # after an import

    def watch(self, session) -> None:
        """Follow ``session`` (connected after the window's own handlers, so the document
        list is up to date when this reads it)."""
        session.documentOpened.connect(lambda _document: self.refresh())
        session.spansChanged.connect(lambda *_args: self.refresh())
        session.statusChanged.connect(lambda _document_id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        session, model = self.window_.session, self.window_.document_list.model_
        document = session.document if session is not None else None
        total = model.rowCount()
        row = model.row_of(document.id) if document is not None else None
        if row is not None:
            position = self.tr("Document %1 / %2").replace("%1", str(row + 1))
        elif document is not None:      # open, but the list's filter hides it
            position = self.tr("Document not listed / %2")
        else:
            position = self.tr("No document / %2")
        parts = [position.replace("%2", str(total)),
                 self.tr("%1 done").replace("%1", str(model.done_count)),
                 self.tr("Annotator: %1").replace("%1", session.annotator if session else "")]
        if document is not None:
            parts.append(self.tr("Spans: %1").replace("%1", str(len(session.spans))))
        self.setText("  ·  ".join(parts))
