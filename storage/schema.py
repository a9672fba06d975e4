"""The project schema as numbered migrations (sqlite-utils ``Migrations``).

Each migration is a function ``mNNN_what(db)``; its number is the schema
version it produces.  Never edit a released migration: add the next one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATION_SET = "hanmark"
migrations = Migrations(MIGRATION_SET)
_names: list[str] = []


def version_of(name: str) -> int:
    """``m007_add_relations`` → 7."""
    return int(name[1:4])


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register ``fn`` as the next migration; it also records the schema version
    in ``project_info``, inside the migration's own transaction."""

    def apply(db: Database) -> None:
        fn(db)
        db.execute(
            "INSERT OR REPLACE INTO project_info (key, value) VALUES ('schema_version', ?)",
            [str(version_of(fn.__name__))],
        )

    if version_of(fn.__name__) != len(_names) + 1:
        raise ValueError(f"migration {fn.__name__} is out of sequence")
    _names.append(fn.__name__)
    migrations(name=fn.__name__)(apply)
    return fn


_SPAN_CHECK = """
CREATE TRIGGER {name} BEFORE {event} ON spans
BEGIN
  SELECT RAISE(ABORT, 'span offsets outside the document text')
  WHERE NEW.start < 0 OR NEW."end" <= NEW.start
     OR NEW."end" > (SELECT length(text) FROM documents WHERE id = NEW.document_id);
  SELECT RAISE(ABORT, 'span text differs from the document text at its offsets')
  WHERE NEW.text IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                         FROM documents WHERE id = NEW.document_id);
END;
"""


_INITIAL = (
    """
        CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            raw_text TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{}',
            content_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
        WHEN NEW.text IS NOT OLD.text
        BEGIN SELECT RAISE(ABORT, 'a document''s text never changes after import'); END;
        CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            display TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'metric', 'slogan')),
            color TEXT NOT NULL,
            hotkey TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label_id INTEGER NOT NULL REFERENCES labels(id),
            annotator TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'manual',
            text TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX spans_document ON spans(document_id, start);
        CREATE INDEX spans_label ON spans(label_id);
        CREATE TABLE document_status (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (document_id, annotator)
        );
        """
)


def _statements(script: str) -> list[str]:
    """Split DDL on ';' at line ends, keeping trigger bodies whole.

    ``executescript`` would COMMIT the migration's open transaction, so each
    statement is run with ``execute`` inside it instead.
    """
    out, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER")
                                     or joined.upper().endswith("END;")):
            out.append(joined)
            current = []
    return out


@migration
def m001_initial(db: Database) -> None:
    script = _INITIAL + _SPAN_CHECK.format(name="spans_check_insert", event="INSERT")
    script += _SPAN_CHECK.format(name="spans_check_update", event='UPDATE OF start, "end", text')
    for statement in _statements(script):
        db.execute(statement)
    db.execute("INSERT INTO project_info (key, value) VALUES ('offset_unit', 'codepoint')")


@migration
def m002_raw_map(db: Database) -> None:
    """Documents keep the map from their text back to the raw input (import issue)."""
    db.execute("ALTER TABLE documents ADD COLUMN raw_map TEXT")  # JSON segments; NULL = identity


# Migration 3's span check: offsets against the stored length (no scan of the text),
# and the covered text compared in SQL only for documents short enough that the
# comparison is cheap; Project checks every span against the text in Python.
TEXT_CHECK_LIMIT = 50_000
_SPAN_CHECK_3 = f"""
CREATE TRIGGER {{name}} BEFORE {{event}} ON spans
BEGIN
  SELECT RAISE(ABORT, 'span offsets outside the document text')
  WHERE NEW.start < 0 OR NEW."end" <= NEW.start
     OR NEW."end" > (SELECT length FROM documents WHERE id = NEW.document_id);
  SELECT RAISE(ABORT, 'span text differs from the document text at its offsets')
  WHERE (SELECT length FROM documents WHERE id = NEW.document_id) <= {TEXT_CHECK_LIMIT}
    AND NEW.text IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                         FROM documents WHERE id = NEW.document_id);
END;
"""


@migration
def m003_document_length(db: Database) -> None:
    """A 1,000,000-character document made every span check scan its text twice (~8 ms)."""
    db.execute("ALTER TABLE documents ADD COLUMN length INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE documents SET length = length(text)")
    db.execute("DROP TRIGGER spans_check_insert")
    db.execute("DROP TRIGGER spans_check_update")
    script = _SPAN_CHECK_3.format(name="spans_check_insert", event="INSERT")
    script += _SPAN_CHECK_3.format(name="spans_check_update", event='UPDATE OF start, "end", text')
    for statement in _statements(script):
        db.execute(statement)


@migration
def m004_tokens(db: Database) -> None:
    """Tokens are cached per document and tokenizer key (version + dictionary hash); a
    project's own words live in the project so that every annotator gets the same tokens."""
    db.execute(
        "CREATE TABLE tokens (document_id INTEGER NOT NULL REFERENCES documents(id) "
        "ON DELETE CASCADE, tokenizer TEXT NOT NULL, words_revision INTEGER NOT NULL, "
        "ends BLOB NOT NULL, PRIMARY KEY (document_id, tokenizer))")
    db.execute("CREATE TABLE user_words (word TEXT PRIMARY KEY, added_at TEXT NOT NULL "
               "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
    db.execute("INSERT INTO project_info (key, value) VALUES ('words_revision', '0')")


@migration
def m005_suggestions(db: Database) -> None:
    """Suggested spans with their source and score; a rejected one is kept so that it is
    never suggested again at the same place."""
    db.execute(
        "CREATE TABLE suggestions (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
        "REFERENCES documents(id) ON DELETE CASCADE, start INTEGER NOT NULL, \"end\" INTEGER "
        "NOT NULL, label TEXT NOT NULL, source TEXT NOT NULL, score REAL NOT NULL DEFAULT 1.0, "
        "text TEXT NOT NULL, attributes TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL "
        "DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')), "
        "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
        "UNIQUE (document_id, start, \"end\", label))")
    db.execute("CREATE INDEX suggestions_document ON suggestions(document_id, state)")


@migration
def m006_models_and_pos(db: Database) -> None:
    """The trained model is kept in the project, so its suggestions are there when the
    project opens again, without retraining; jieba's part-of-speech tags (about 3,000
    characters/s) are cached per document like its tokens."""
    db.execute(
        "CREATE TABLE models (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL DEFAULT "
        "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), annotator TEXT NOT NULL DEFAULT '', "
        "documents INTEGER NOT NULL, held_out_f1 REAL, training_data TEXT NOT NULL, "
        "data BLOB NOT NULL)")
    db.execute(
        "CREATE TABLE pos_tags (document_id INTEGER NOT NULL REFERENCES documents(id) "
        "ON DELETE CASCADE, tokenizer TEXT NOT NULL, words_revision INTEGER NOT NULL, "
        "ends BLOB NOT NULL, flags TEXT NOT NULL, PRIMARY KEY (document_id, tokenizer))")


@migration
def m007_span_uid(db: Database) -> None:
    """A span keeps one identity across the project files a team splits and merges back
    (team workflow): a merge tells a span the annotator changed from one removed and another
    added.  Every insert that gives no uid gets a fresh one from the trigger."""
    db.execute("ALTER TABLE spans ADD COLUMN uid TEXT")
    db.execute("UPDATE spans SET uid = lower(hex(randomblob(16)))")
    db.execute("CREATE INDEX spans_uid ON spans(uid)")
    db.execute("CREATE INDEX spans_layer ON spans(annotator, document_id)")
    db.execute(
        "CREATE TRIGGER spans_uid_default AFTER INSERT ON spans WHEN NEW.uid IS NULL "
        "BEGIN UPDATE spans SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END")


@migration
def m008_curation(db: Database) -> None:
    """A curator's rejection of a candidate span for a layer (gold), so that adjudicating
    again never brings back what the curator threw out."""
    db.execute(
        "CREATE TABLE curation_rejections (document_id INTEGER NOT NULL REFERENCES "
        "documents(id) ON DELETE CASCADE, layer TEXT NOT NULL, start INTEGER NOT NULL, "
        "\"end\" INTEGER NOT NULL, label TEXT NOT NULL, curator TEXT NOT NULL DEFAULT '', "
        "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
        "PRIMARY KEY (document_id, layer, start, \"end\", label))")


@migration
def m009_label_display_en(db: Database) -> None:
    """A label's display text in English beside the Chinese one (scheme editor): the
    window shows the one of its interface language."""
    db.execute("ALTER TABLE labels ADD COLUMN display_en TEXT NOT NULL DEFAULT ''")


_DEFAULT_RELATION_TYPES = (   # as corpus.relations.DEFAULT_TYPES was when m010 shipped
    ("INDICATOR_OF", "指标归属", "indicator of", "#8c510a",
     [["METRIC", "ORG"], ["METRIC", "LOC"], ["METRIC", "PER"]]),
    ("HOLDS", "任职", "holds post", "#54278f", [["PER", "POST"]]),
    ("PROPOSES", "提出", "puts forward", "#c51b7d", [["ORG", "SLOGAN"], ["PER", "SLOGAN"]]),
)


@migration
def m010_relations(db: Database) -> None:
    """Relations get their own table (from span, to span, type, annotator), and the scheme
    its relation types; deleting a span deletes its relations.  Relations that earlier
    doccano imports kept in ``documents.meta["relations"]`` move into the table."""
    db.execute(
        "CREATE TABLE relation_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
        "display TEXT NOT NULL, display_en TEXT NOT NULL DEFAULT '', color TEXT NOT NULL, "
        "pairs TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL DEFAULT 0)")
    db.execute(
        "CREATE TABLE relations (id INTEGER PRIMARY KEY, uid TEXT, document_id INTEGER NOT "
        "NULL REFERENCES documents(id) ON DELETE CASCADE, from_span_id INTEGER NOT NULL "
        "REFERENCES spans(id) ON DELETE CASCADE, to_span_id INTEGER NOT NULL REFERENCES "
        "spans(id) ON DELETE CASCADE, type TEXT NOT NULL REFERENCES relation_types(name) "
        "ON UPDATE CASCADE, annotator TEXT NOT NULL DEFAULT '', note TEXT NOT NULL "
        "DEFAULT '', attributes TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL DEFAULT "
        "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
    db.execute("CREATE INDEX relations_layer ON relations(document_id, annotator)")
    db.execute("CREATE INDEX relations_from ON relations(from_span_id)")
    db.execute("CREATE INDEX relations_to ON relations(to_span_id)")
    db.execute("CREATE INDEX relations_uid ON relations(uid)")
    db.execute(
        "CREATE TRIGGER relations_uid_default AFTER INSERT ON relations WHEN NEW.uid IS NULL "
        "BEGIN UPDATE relations SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END")
    for position, (name, display, english, color, pairs) in \
            enumerate(_DEFAULT_RELATION_TYPES):
        db.execute("INSERT INTO relation_types (name, display, display_en, color, pairs, "
                   "position) VALUES (?, ?, ?, ?, ?, ?)",
                   [name, display, english, color, json.dumps(pairs), position])
    left = sum(_move_meta_relations(db, document_id, meta) for document_id, meta in
               db.execute("SELECT id, meta FROM documents WHERE meta LIKE '%\"relations\"%'")
               .fetchall())
    db.execute("INSERT OR REPLACE INTO project_info (key, value) VALUES "
               "('relations_left_in_meta', ?)", [str(left)])


def _move_meta_relations(db: Database, document_id: int, meta_text: str) -> int:
    """Move one document's meta relations into the table, for every layer that has both
    ends (same range and label); returns how many stay in meta for want of their spans."""
    meta = json.loads(meta_text)
    stored = meta.get("relations")
    if not isinstance(stored, list):
        return 0
    spans: dict[tuple, dict[str, int]] = {}
    for span_id, start, end, label, annotator in db.execute(
            'SELECT s.id, s.start, s."end", l.name, s.annotator FROM spans s JOIN labels l '
            "ON l.id = s.label_id WHERE s.document_id = ? ORDER BY s.id", [document_id]):
        spans.setdefault((start, end, label), {}).setdefault(annotator, span_id)
    kept = []
    for item in stored:
        if not _is_meta_relation(item):
            kept.append(item)
            continue
        ends = spans.get(tuple(item["from"]), {}), spans.get(tuple(item["to"]), {})
        layers = sorted(set(ends[0]) & set(ends[1]))
        if not layers:
            kept.append(item)
            continue
        _ensure_relation_type(db, item["type"])
        for annotator in layers:
            db.execute("INSERT INTO relations (document_id, from_span_id, to_span_id, type, "
                       "annotator) VALUES (?, ?, ?, ?, ?)",
                       [document_id, ends[0][annotator], ends[1][annotator], item["type"],
                        annotator])
    if kept:
        meta["relations"] = kept
    else:
        meta.pop("relations")
    db.execute("UPDATE documents SET meta = ? WHERE id = ?",
               [json.dumps(meta, ensure_ascii=False, separators=(",", ":")), document_id])
    return len(kept)


def _is_meta_relation(item) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("type"), str)
            and bool(item["type"].strip())
            and all(isinstance(item.get(end), list) and len(item[end]) == 3
                    for end in ("from", "to")))


def _ensure_relation_type(db: Database, name: str) -> None:
    if db.execute("SELECT 1 FROM relation_types WHERE name = ?", [name]).fetchone():
        return
    db.execute("INSERT INTO relation_types (name, display, color, position) VALUES "
               "(?, ?, '#555555', (SELECT coalesce(max(position), -1) + 1 FROM relation_types))",
               [name, name])


_DEFAULT_LABELS_EN = (   # resources/labels/default.json's English texts when m011 shipped
    ("PER", "人名", "Person"), ("ORG", "机构", "Org"), ("LOC", "地点", "Place"),
    ("POST", "职务", "Post"), ("METRIC", "指标", "Metric"), ("SLOGAN", "口号", "Slogan"))


@migration
def m011_default_labels_in_english(db: Database) -> None:
    """The default scheme's labels get their English display texts (an English interface
    shows them on tags, menus and lists): a project's label still named and shown as the
    default one, with no English text of its own, takes the default's."""
    for name, display, english in _DEFAULT_LABELS_EN:
        db.execute("UPDATE labels SET display_en = ? WHERE name = ? AND display = ? "
                   "AND display_en = ''", [english, name, display])


# Migration 12's span check: migration 3's, reading the length from a covering index.
# ``length`` is the row's last column, after ``text`` and ``raw_text``: read from the
# table, SQLite walks the text's whole overflow chain to reach it (~0.45 ms for a
# 1,000,000-character document, twice per span stored).
_SPAN_CHECK_12 = _SPAN_CHECK_3.replace(
    "(SELECT length FROM documents WHERE",
    "(SELECT length FROM documents INDEXED BY documents_length WHERE")


@migration
def m012_document_length_index(db: Database) -> None:
    """Every span stored read its document's length past the whole text: the length now
    comes from an index of (id, length), and the span checks read it there."""
    db.execute("CREATE INDEX documents_length ON documents(id, length)")
    db.execute("DROP TRIGGER spans_check_insert")
    db.execute("DROP TRIGGER spans_check_update")
    script = _SPAN_CHECK_12.format(name="spans_check_insert", event="INSERT")
    script += _SPAN_CHECK_12.format(name="spans_check_update", event='UPDATE OF start, "end", text')
    for statement in _statements(script):
        db.execute(statement)


def latest_version() -> int:
    return len(_names)


def known_names() -> list[str]:
    return list(_names)
