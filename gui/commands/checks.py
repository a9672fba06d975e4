"""The consistency checks' one-click fixes, as undoable edits through the session's write
path: relabel a span to the majority label, label a missed place, trim a span's loose
edges, delete an exact duplicate.  Several fixes at once are one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from corpus.checks import Finding
from gui.commands.spans import AddSpan, DeleteSpan, RelabelSpan, ResizeSpan, translate


def fixable(session, finding: Finding) -> bool:
    """A finding with a fix in the layer the session edits (another annotator's layer is
    theirs to change, in their own file)."""
    return finding.fix is not None and finding.annotator == session.annotator


def fix_command(session, finding: Finding) -> QUndoCommand | None:
    """The edit that fixes ``finding``, or None when it no longer applies (the span was
    changed or removed since the check, or the place is labelled already)."""
    fix = finding.fix
    if fix.action == "add":
        taken = {(s.start, s.end, s.label) for s in session.project.spans(
            finding.document, session.annotator)}
        if (fix.start, fix.end, fix.label) in taken:
            return None
        return AddSpan(session, finding.document, fix.start, fix.end, fix.label)
    try:
        span = session.project.span(finding.span_id)
    except KeyError:
        return None
    if (span.start, span.end, span.label) != (finding.start, finding.end, finding.label):
        return None
    if fix.action == "relabel":
        return RelabelSpan(session, span, fix.label)
    if fix.action == "trim":
        return ResizeSpan(session, span, fix.start, fix.end)
    if fix.action == "delete":
        return DeleteSpan(session, span)
    return None


def apply_fixes(session, findings: list[Finding]) -> list[Finding]:
    """Fix every fixable finding in one undo step; returns those fixed."""
    commands = [(f, fix_command(session, f)) for f in findings if fixable(session, f)]
    commands = [(f, c) for f, c in commands if c is not None]
    if not commands:
        return []
    stack = session.undo_stack
    if len(commands) == 1:
        stack.push(commands[0][1])
    else:
        stack.beginMacro(translate("Commands", "Fix %1 findings").replace(
            "%1", str(len(commands))))
        for _finding, command in commands:
            stack.push(command)
        stack.endMacro()
    return [f for f, _c in commands]
