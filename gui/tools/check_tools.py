"""Project → Check Consistency…: the consistency checks of every layer in a docked
findings panel (run off the UI thread on a read-only connection of its own), and the
open document's checks after every edit, counted in the status bar.

A finding jumps to its place; a fix in your own layer is one click and one undo step
(gui/commands/checks.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from corpus.checks import ALL_CHECKS, CheckDocument, DocumentTokens, Finding, Mark, corpus_findings
from corpus.checks.lexicon import dictionary_words
from corpus.text.tokenizer import Tokenizer
from gui import crash_report, errors
from gui.commands.checks import apply_fixes, fixable
from gui.panels.finding_texts import check_title, details
from gui.panels.findings_panel import FindingsPanel
from gui.window_layout import BOTTOM, add_panel
from gui.workers.tasks import run_task
from storage.views.checks import CheckRequest, check_project, context_for
from storage.errors import ProjectError
from storage.project import Project

LIVE_TOOLTIP_ROWS = 12


def project_findings(path: Path, tokenizer) -> tuple[list[Finding], dict[int, str]]:
    """Runs on a worker thread: its own connection, read-only."""
    with Project.open(path, readonly=True) as project:
        found = check_project(project, CheckRequest(), tokenizer)
        titles = dict(project.db.execute("SELECT id, title FROM documents").fetchall())
    return found, titles


class CheckTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.task = None
        self._context = None
        self._tokenizer = None
        self.action = QAction(self.tr("Check &Consistency…"), window)
        self.action.triggered.connect(self.check_project)
        window.actions.project_menu.addAction(self.action)
        self.panel = FindingsPanel(window)
        self.panel.can_fix = lambda finding: fixable(self.window.session, finding)
        self.panel.findingActivated.connect(self.go_to)
        self.panel.fixRequested.connect(self.fix)
        self.panel.recheckRequested.connect(self.check_project)
        self.dock = add_panel(window, self.panel, self.tr("Findings"), "findingsDock", BOTTOM,
                              visible=False)
        self.count = QLabel(window)
        self.count.setObjectName("checkCount")
        window.statusBar().addPermanentWidget(self.count)
        # One refresh per event-loop turn: accepting 500 suggestions is 500 span changes.
        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(0)
        self.live_timer.timeout.connect(self.refresh_live)
        if window.tokens is not None:   # after TokenTools: the view has the tokens by then
            window.tokens.tokensReady.connect(lambda *_args: self.live_timer.start())
        run_task(lambda _progress: dictionary_words(), on_done=lambda _words: None)  # 0.2 s

    def set_session(self, session) -> None:
        """Follow ``session``; what the live checks need from the file is read now, so a
        refresh never touches the project (which may be closed by the time one runs)."""
        view = self.window.view
        self.session = session
        self._context = context_for(
            session.project, ALL_CHECKS,
            tokens_for=lambda d: DocumentTokens(d.text, view.tokens.ends or None
                                                if view.tokens else None, None))
        session.documentOpened.connect(lambda _document: self.live_timer.start())
        session.spansChanged.connect(lambda *_args: self.live_timer.start())
        self.refresh_live()

    # -- the whole project ---------------------------------------------------------
    def check_project(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.show_running()
        path, tokenizer = self.session.project.path, self._project_tokenizer()
        self.task = run_task(lambda _progress: project_findings(path, tokenizer),
                             on_done=self._checked, on_error=self._failed)

    def _project_tokenizer(self):
        if self.window.tokens is not None:
            return self.window.tokens.tokenizer
        if self._tokenizer is None:     # no token service (tests, a bare window)
            self._tokenizer = Tokenizer(Path(tempfile.mkdtemp(prefix="hanmark-check-")))
        return self._tokenizer

    def _checked(self, result) -> None:
        findings, titles = result
        self.panel.show_findings(findings, titles)

    def _failed(self, error: BaseException) -> None:
        self.panel.show_findings([], {})
        if isinstance(error, ProjectError):
            errors.show_project_error(self.window, error)
        else:
            crash_report.report_error(error)

    def go_to(self, finding: Finding) -> None:
        self.session.open_document(finding.document)
        view = self.window.view
        view.select_range(finding.start, finding.end)
        view.ensureCursorVisible()
        view.setFocus()

    def fix(self, findings: list[Finding]) -> None:
        fixed = apply_fixes(self.session, findings)
        self.panel.remove(fixed)
        self.window.statusBar().showMessage(
            self.tr("Fixed %n finding(s).", "", len(fixed)), 5000)

    # -- the open document, live ---------------------------------------------------
    def live_findings(self) -> list[Finding]:
        """The checks of the open document's layer (yours), as they stand now."""
        session = self.session
        if session is None or session.document is None:
            return []
        document = session.document
        marks = [Mark(s.id, document.id, s.start, s.end, s.label, s.annotator, s.text)
                 for s in session.spans]
        return corpus_findings([CheckDocument(document.id, document.text, document.meta, marks,
                                              frozenset({session.annotator}))], self._context)

    def refresh_live(self) -> None:
        found = self.live_findings()
        self.count.setText(self.tr("Checks: %1").replace("%1", str(len(found))) if found
                           else self.tr("Checks: clean"))
        lines = [f"{check_title(f.check)} · {f.text} · {details(f)}"
                 for f in found[:LIVE_TOOLTIP_ROWS]]
        if len(found) > LIVE_TOOLTIP_ROWS:
            lines.append("…")
        self.count.setToolTip("\n".join(lines))
