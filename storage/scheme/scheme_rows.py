"""What a scheme change overwrote or removed, kept so that undo puts it back exactly:
the labels table as it was, whole rows the change deleted (spans with their ids, uids,
attributes and timestamps; suggestions; curation rejections; relations) and the column
values it overwrote (a merged span's label), by row key.

Rows are read generically (every column the table has), so a table another part of
Hanmark adds — relations — is carried without this module knowing its columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from sqlite_utils import Database

LABEL_COLUMNS = ("id", "name", "display", "display_en", "kind", "color", "hotkey",
                 "description", "position")
RELATIONS = "relations"
_GUESSED_SPAN_COLUMNS = ("from_span", "to_span", "from_span_id", "to_span_id", "source_span",
                         "target_span", "source_id", "target_id", "head_span", "tail_span")


@dataclass
class Rows:
    """Whole rows of one table, each with its row key first."""

    table: str
    columns: list[str]
    rows: list[tuple]


@dataclass
class Moved:
    """``column`` of the rows with these keys held ``value`` before the change."""

    table: str
    column: str
    value: object
    keys: list[int]


@dataclass
class Revert:
    """Everything needed to undo one scheme change."""

    labels: list[dict]
    removed: list[Rows] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    settings: str | None = None       # project_info.suggest_settings before, when changed
    settings_changed: bool = False
    relation_pairs: dict[str, str] = field(default_factory=dict)   # type → its pairs before


def ids_json(ids: list[int]) -> str:
    return orjson.dumps(ids).decode()


def row_key(db: Database, table: str) -> str:
    """The table's INTEGER PRIMARY KEY column, else ``rowid``."""
    info = list(db.execute(f"PRAGMA table_info({table})"))
    keys = [row for row in info if row[5]]
    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        return keys[0][1]
    return "rowid"


def table_exists(db: Database, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [table]).fetchone() is not None


def take(db: Database, table: str, where: str, params: list) -> Rows:
    """Read the rows of ``table`` matching ``where`` (which may name the table)."""
    key = row_key(db, table)
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != key]
    names = ", ".join(f'{table}."{c}"' for c in columns)
    rows = db.execute(f"SELECT {table}.{key}, {names} FROM {table} WHERE {where}",
                      params).fetchall()
    return Rows(table, [key, *columns], rows)


def take_and_delete(db: Database, table: str, where: str, params: list,
                    revert: Revert) -> int:
    rows = take(db, table, where, params)
    if rows.rows:
        key = rows.columns[0]
        db.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))",
                   [ids_json([row[0] for row in rows.rows])])
        revert.removed.append(rows)
    return len(rows.rows)


def relation_span_columns(db: Database) -> list[str]:
    """The columns of the relations table that hold span ids ([] while there is none):
    its foreign keys to spans, else columns named like from/to span."""
    if not table_exists(db, RELATIONS):
        return []
    found = [row[3] for row in db.execute(f"PRAGMA foreign_key_list({RELATIONS})")
             if row[2] == "spans"]
    if found:
        return found
    names = [row[1] for row in db.execute(f"PRAGMA table_info({RELATIONS})")]
    return [name for name in names if name in _GUESSED_SPAN_COLUMNS]


def relations_where(db: Database, spans_sql: str) -> str | None:
    """The condition for relations with an end among the spans ``spans_sql`` selects
    (a query giving span ids), or None when the project has no relations."""
    columns = relation_span_columns(db)
    if not columns:
        return None
    return " OR ".join(f'{RELATIONS}."{c}" IN ({spans_sql})' for c in columns)


def labels_before(db: Database) -> list[dict]:
    present = {row[1] for row in db.execute("PRAGMA table_info(labels)")}
    columns = [c for c in LABEL_COLUMNS if c in present]
    rows = db.execute(f"SELECT {', '.join(columns)} FROM labels").fetchall()
    return [dict(zip(columns, row)) for row in rows]


def apply_revert(db: Database, revert: Revert) -> None:
    """Put back what a change overwrote and removed; inside the caller's transaction."""
    for label in revert.labels:
        columns = list(label)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        db.execute(f"INSERT INTO labels ({', '.join(columns)}) VALUES "
                   f"({', '.join('?' * len(columns))}) ON CONFLICT (id) DO UPDATE SET {updates}",
                   [label[c] for c in columns])
    for moved in reversed(revert.moved):
        key = row_key(db, moved.table)
        db.execute(f'UPDATE {moved.table} SET "{moved.column}" = ? WHERE {key} IN '
                   "(SELECT value FROM json_each(?))", [moved.value, ids_json(moved.keys)])
    for rows in reversed(revert.removed):
        _reinsert(db, rows)
    kept = ids_json([label["id"] for label in revert.labels])
    db.execute("DELETE FROM labels WHERE id NOT IN (SELECT value FROM json_each(?))", [kept])
    for name, pairs in revert.relation_pairs.items():
        db.execute("UPDATE relation_types SET pairs = ? WHERE name = ?", [pairs, name])
    if revert.settings_changed:
        if revert.settings is None:
            db.execute("DELETE FROM project_info WHERE key = 'suggest_settings'")
        else:
            db.execute("INSERT OR REPLACE INTO project_info (key, value) "
                       "VALUES ('suggest_settings', ?)", [revert.settings])


def _reinsert(db: Database, rows: Rows) -> None:
    key = rows.columns[0]
    db.execute(f"DELETE FROM {rows.table} WHERE {key} IN (SELECT value FROM json_each(?))",
               [ids_json([row[0] for row in rows.rows])])
    names = ", ".join(f'"{c}"' for c in rows.columns)
    marks = ", ".join("?" * len(rows.columns))
    db.conn.executemany(f"INSERT INTO {rows.table} ({names}) VALUES ({marks})", rows.rows)
