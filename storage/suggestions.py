"""Suggestions stored in the project: open, accepted or rejected.

A suggestion is unique per document, range and label whatever its state, so a
rejected one is never offered again at the same place, and running the
suggesters again adds only what is new.
"""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlite_utils import Database

from corpus.span import check_span
from corpus.suggest.crf import Rejection
from corpus.suggest.model import Suggestion
from corpus.suggest.occurrences import SOURCE as OCCURRENCES
from corpus.suggest.occurrences import occurrence_suggestions
from corpus.suggest.settings import SuggestSettings
from storage.connection import transaction
from storage.errors import RecordRejected
from storage.models import ModelStore
from storage.pos import PosStore

STATES = ("open", "accepted", "rejected")


class SuggestionStore(PosStore, ModelStore):
    """Mixed into :class:`storage.project.Project` (``db``, ``path``, ``text_of``); with the
    part-of-speech cache the entity suggester reads and the model trained on the project."""

    db: Database
    path: Path

    def store_suggestions(self, document_id: int, suggestions: list[Suggestion]) -> int:
        """Add new open suggestions (not where a span with that label already is, nor where
        one was decided before); returns how many were added."""
        text = self.text_of(document_id)
        rows = []
        for s in suggestions:
            try:
                check_span(text, s.start, s.end, s.text)
            except ValueError as error:
                raise RecordRejected(f"suggestion from {s.source}: {error}") from None
            rows.append([document_id, s.start, s.end, s.label, s.source, s.score, s.text,
                         orjson.dumps(s.attributes).decode()])
        with transaction(self.db, self.path):
            before = self.db.execute("SELECT count(*) FROM suggestions").fetchone()[0]
            self.db.conn.executemany(
                'INSERT OR IGNORE INTO suggestions (document_id, start, "end", label, source, '
                "score, text, attributes) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS ("
                'SELECT 1 FROM spans s JOIN labels l ON l.id = s.label_id WHERE '
                's.document_id = ?1 AND s.start = ?2 AND s."end" = ?3 AND l.name = ?4)', rows)
            after = self.db.execute("SELECT count(*) FROM suggestions").fetchone()[0]
        return after - before

    def suggestions(self, document_id: int, state: str = "open") -> list[tuple[int, Suggestion]]:
        rows = self.db.execute(
            'SELECT id, start, "end", label, source, text, score, attributes FROM suggestions '
            'WHERE document_id = ? AND state = ? ORDER BY start, "end"', [document_id, state])
        return [(r[0], Suggestion(r[1], r[2], r[3], r[4], r[5], r[6], orjson.loads(r[7])))
                for r in rows]

    def known_slogans(self, limit: int = 5000) -> list[str]:
        """Phrases the project has as slogans: its annotators' SLOGAN spans (any layer) and
        the slogans its documents quote (the slogan suggester's quoted suggestions, unless
        rejected); the slogan suggester suggests them wherever else they occur unquoted
        (the guidelines' headline slogans), most frequent first.  Echoes themselves do not
        count, so that running the suggesters again finds what it found before."""
        rows = self.db.execute(
            "SELECT text FROM (SELECT s.text FROM spans s JOIN labels l ON l.id = s.label_id "
            "WHERE l.kind = 'slogan' AND length(s.text) >= 3 UNION ALL SELECT text FROM "
            "suggestions WHERE source = 'slogans' AND state != 'rejected' AND length(text) >= 3 "
            "AND json_extract(attributes, '$.quoted') = 1) "
            "GROUP BY text ORDER BY count(*) DESC, text LIMIT ?", [limit])
        return [row[0] for row in rows]

    def known_entities(self, limit: int = 5000) -> dict[str, str]:
        """Names the project's annotators have marked as entities (PER/ORG/LOC/POST spans of
        any layer, two characters or more), each with the label it was given most often:
        the gazetteer suggests them wherever else they occur.  Open suggestions do not
        count, as for known_slogans."""
        rows = self.db.execute(
            "SELECT s.text, l.name, count(*) AS n FROM spans s JOIN labels l "
            "ON l.id = s.label_id WHERE l.kind = 'entity' AND length(s.text) >= 2 "
            "GROUP BY s.text, l.name ORDER BY n DESC, s.text, l.name").fetchall()
        out: dict[str, str] = {}
        for text, label, _count in rows:
            if len(out) >= limit:
                break
            out.setdefault(text, label)
        return out

    def suggest_settings(self) -> SuggestSettings:
        row = self.db.execute(
            "SELECT value FROM project_info WHERE key = 'suggest_settings'").fetchone()
        return SuggestSettings.from_dict(orjson.loads(row[0])) if row else SuggestSettings()

    def set_suggest_settings(self, settings: SuggestSettings) -> None:
        with transaction(self.db, self.path):
            self.db.execute(
                "INSERT OR REPLACE INTO project_info (key, value) VALUES ('suggest_settings', ?)",
                [orjson.dumps(settings.to_dict()).decode()])

    def training_examples(self, annotator: str | None = None
                          ) -> list[tuple[str, list[tuple[int, int, str]]]]:
        """(text, spans) of every done document (done by ``annotator``, or by anyone):
        what the model learns from."""
        return [(self.text_of(d), self._span_triples(d)) for d in self.done_ids(annotator)]

    def rejections(self, annotator: str | None = None) -> list[Rejection]:
        """The rejected suggestions in documents that are not done (by ``annotator``, or by
        anyone): what the model learns not to suggest.  In a done document a rejected range
        is already O wherever no span is."""
        done = set(self.done_ids(annotator))
        rows = self.db.execute(
            'SELECT document_id, start, "end" FROM suggestions WHERE state = \'rejected\' '
            'ORDER BY document_id, start, "end"').fetchall()
        spans: dict[int, list[tuple[int, int, str]]] = {}
        out = []
        for document_id, start, end in rows:
            if document_id in done:
                continue
            if document_id not in spans:
                spans[document_id] = self._span_triples(document_id)
            out.append(Rejection(self.text_of(document_id), start, end, spans[document_id]))
        return out

    def done_ids(self, annotator: str | None = None) -> list[int]:
        def done(states: dict[str, str]) -> bool:
            return states.get(annotator) == "done" if annotator else "done" in states.values()

        return [d for d, states in sorted(self.statuses_by_document().items()) if done(states)]

    def _span_triples(self, document_id: int) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label) for s in self.spans(document_id)]

    def documents_containing(self, needle: str) -> list[int]:
        return [row[0] for row in self.db.execute(
            "SELECT id FROM documents WHERE instr(text, ?) > 0 ORDER BY id", [needle])]

    def suggest_occurrences(self, needle: str, label: str) -> list[tuple[int, int, Suggestion]]:
        """Store every other occurrence of a labelled string, across the project, as an open
        suggestion; returns (suggestion id, document id, suggestion) of all open ones."""
        found = []
        for document_id in self.documents_containing(needle):
            labelled = {(s.start, s.end) for s in self.spans(document_id) if s.label == label}
            text = self.text_of(document_id)
            self.store_suggestions(document_id, occurrence_suggestions(text, needle, label,
                                                                       labelled))
            found += [(i, document_id, s) for i, s in self.suggestions(document_id)
                      if s.source == OCCURRENCES and s.text == needle and s.label == label]
        return found

    def suggestion_document(self, suggestion_id: int) -> int:
        row = self.db.execute("SELECT document_id FROM suggestions WHERE id = ?",
                              [suggestion_id]).fetchone()
        if row is None:
            raise RecordRejected(f"no suggestion {suggestion_id}")
        return row[0]

    def decide_suggestion(self, suggestion_id: int, state: str) -> None:
        if state not in STATES:
            raise RecordRejected(f"unknown suggestion state {state!r}")
        with transaction(self.db, self.path):
            self.db.execute("UPDATE suggestions SET state = ? WHERE id = ?", [state, suggestion_id])
