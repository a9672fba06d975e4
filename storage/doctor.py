"""``hanmark doctor``: SQLite's integrity check plus the project's own invariants of
spans and relations (storage/doctor_relations), reported in words.  It reads the file
read-only; :func:`fix` (``--fix``) repairs what can be repaired without a decision (the
relations), after a copy of the file as it was."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from storage import connection, doctor_relations
from storage.project import SUFFIX, Project, _refuse_newer

# Each invariant: (what it means in words, a query returning the offending rows' ids).
INVARIANTS = (
    ("spans outside their document's text",
     'SELECT s.id FROM spans s JOIN documents d ON d.id = s.document_id '
     'WHERE s.start < 0 OR s."end" <= s.start OR s."end" > length(d.text)'),
    ("spans whose text differs from text[start:end]",
     'SELECT s.id FROM spans s JOIN documents d ON d.id = s.document_id '
     'WHERE substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text'),
    ("spans with a label that does not exist",
     "SELECT s.id FROM spans s LEFT JOIN labels l ON l.id = s.label_id WHERE l.id IS NULL"),
    ("spans of a document that does not exist",
     "SELECT s.id FROM spans s LEFT JOIN documents d ON d.id = s.document_id "
     "WHERE d.id IS NULL"),
)
SHOWN_IDS = 10


@dataclass
class Finding:
    problem: str
    count: int
    examples: list[int] = field(default_factory=list)
    of: str = "span"            # what the ids are of: span, relation
    fix: str = ""               # what --fix does about it ('' = nothing)

    def words(self) -> str:
        ids = ", ".join(map(str, self.examples))
        more = " ..." if self.count > len(self.examples) else ""
        fix = f"; --fix: {self.fix}" if self.fix else ""
        return (f"{self.count} {self.problem} ({self.of} ids {ids}{more}{fix})" if ids
                else self.problem)


@dataclass
class Diagnosis:
    path: Path
    integrity: list[str]
    findings: list[Finding]

    @property
    def healthy(self) -> bool:
        return self.integrity == ["ok"] and not self.findings

    def to_dict(self) -> dict:
        return {"project": str(self.path), "healthy": self.healthy,
                "integrity_check": self.integrity,
                "problems": [f.__dict__ for f in self.findings]}


def diagnose(path: Path | str) -> Diagnosis:
    """Check ``path``; raises a ProjectError when it is not a project Hanmark can read."""
    path = Path(path)
    connection.sniff(path)
    db = connection.connect(path, readonly=True)
    try:
        _refuse_newer(db, path)
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        findings = []
        for problem, query in INVARIANTS:
            ids = [row[0] for row in db.execute(query).fetchall()]
            if ids:
                findings.append(Finding(problem, len(ids), ids[:SHOWN_IDS]))
        findings += [Finding(check.problem, len(ids), ids[:SHOWN_IDS], "relation", check.fix)
                     for check, ids in doctor_relations.find(db)]
    except sqlite3.Error as error:
        raise connection.translate(path, error) from None
    finally:
        db.close()
    return Diagnosis(path, integrity, findings)


@dataclass
class Repair:
    backup: Path | None                             # the file as it was, if anything changed
    done: list[tuple[str, int, str]]                # (problem, count, what was done)

    def words(self) -> list[str]:
        if not self.done:
            return ["nothing to fix"]
        return [f"fixed {count} {problem}: {what}" for problem, count, what in self.done] + \
            [f"the project as it was is kept in {self.backup}"]


def fix(path: Path | str) -> Repair:
    """Repair what :mod:`doctor_relations` can, in one transaction, after copying the
    file as it was to ``NAME.doctor-backup.hanmark`` (only when there is something to
    fix).  Raises a ProjectError for a file that cannot be opened for writing."""
    path = Path(path)
    if not any(f.fix for f in diagnose(path).findings):
        return Repair(None, [])
    backup = path.with_name(f"{path.stem}.doctor-backup{SUFFIX}")
    with Project.open(path) as project:
        try:
            backup.unlink(missing_ok=True)
            project.db.execute("VACUUM INTO ?", [str(backup)])
        except sqlite3.Error as error:
            raise connection.translate(path, error) from None
        with project.action():
            done = doctor_relations.repair(project.db)
    return Repair(backup, done)


def describe(diagnosis: Diagnosis) -> list[str]:
    """The report in words, one line each."""
    if diagnosis.healthy:
        return [f"{diagnosis.path}: healthy (integrity check ok, all spans fit their text "
                "and labels, all relations link spans of one layer with a type that allows "
                "them)"]
    lines = [f"{diagnosis.path}: problems found"]
    if diagnosis.integrity != ["ok"]:
        lines.append(f"  SQLite integrity check: {len(diagnosis.integrity)} problem(s), "
                     f"first: {diagnosis.integrity[0]}")
    lines += [f"  {finding.words()}" for finding in diagnosis.findings]
    if any(finding.fix for finding in diagnosis.findings):
        lines.append("  `hanmark doctor --fix` repairs what it says it does, after a copy.")
    lines.append("  Keep a copy of the file; a backup beside it (*-backup.hanmark) may help.")
    return lines
