"""Changing a project's label scheme, with its spans carried along: add, edit (rename,
display texts, colour, hotkey, kind, description), reorder, merge one label into another,
delete.

Every operation checks its input first and changes nothing when it is bad
(:class:`SchemeRefused`: a duplicate name, a hotkey clash, an invalid colour, an unknown
kind, deleting a label that still has spans without ``force``, merging labels of
different kinds without ``force``).  ``impact`` / ``merge_impact`` say beforehand how many
spans, suggestions, curation rejections and relations a change touches.  A change is one
transaction and returns a :class:`Change` whose ``revert`` undoes it exactly
(:func:`revert_change`): span ids, uids, attributes, notes and timestamps come back.

Spans refer to their label by id, so a rename rewrites no span; the tables that name a
label (suggestions, curation rejections, the gazetteer) follow it.  A merge moves the
spans of FROM to INTO; a FROM span identical to an INTO span of the same annotator
(same document, start and end) is removed instead — a layer never holds the same span
twice — and relations to it move to the span it duplicated.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import orjson

from corpus import hotkeys
from corpus.labels import Kind, Label, SchemeError
from storage.errors import RecordRejected
from storage.scheme.scheme_rows import (
    RELATIONS,
    Moved,
    Revert,
    apply_revert,
    ids_json,
    labels_before,
    relation_span_columns,
    relations_where,
    table_exists,
    take,
    take_and_delete,
)

KINDS = tuple(kind.value for kind in Kind)
EDITABLE = ("name", "display", "display_en", "kind", "color", "hotkey", "description")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAMED = (("suggestions", ("document_id", "start", "end")),        # tables naming a label,
          ("curation_rejections", ("document_id", "layer", "start", "end")))  # unique keys


class SchemeRefused(RecordRejected):
    """A scheme change that cannot be made; nothing was changed."""


@dataclass(frozen=True)
class Impact:
    spans: int = 0
    suggestions: int = 0
    rejections: int = 0
    relations: int = 0
    duplicates: int = 0    # merge: FROM spans that equal an INTO span of the same annotator

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def any(self) -> bool:
        return any(asdict(self).values())


@dataclass
class Change:
    impact: Impact
    revert: Revert


def impact(project, name: str) -> Impact:
    """What renaming, re-kinding or deleting label ``name`` touches."""
    db = project.db
    label_id = _row(project, name)["id"]
    spans = "SELECT id FROM spans WHERE label_id = ?"
    return Impact(
        spans=_count(db, "spans", "label_id = ?", [label_id]),
        suggestions=_count(db, "suggestions", "label = ?", [name]),
        rejections=_count(db, "curation_rejections", "label = ?", [name]),
        relations=_relations(db, spans, label_id))


def merge_impact(project, source: str, target: str) -> Impact:
    """What merging ``source`` into ``target`` touches, with the spans it removes as
    duplicates of the same annotator's ``target`` spans."""
    base = impact(project, source)
    ids = (_row(project, source)["id"], _row(project, target)["id"])
    duplicates = len(_duplicates(project.db, *ids))
    return Impact(base.spans, base.suggestions, base.rejections, base.relations, duplicates)


# -- operations ------------------------------------------------------------------------
def add_label(project, label: Label) -> Change:
    """Add ``label`` at the end of the scheme."""
    _check_label(project, label, None)
    with project.action():
        revert = Revert(labels_before(project.db))
        position = project.db.execute("SELECT coalesce(max(position), -1) + 1 FROM labels")
        project.db["labels"].insert({**label.to_dict(), "position": position.fetchone()[0]})
    return Change(Impact(), revert)


def edit_label(project, name: str, /, **changes) -> Change:
    """Change any of ``name`` (a rename), ``display``, ``display_en``, ``color``, ``hotkey``,
    ``kind`` and ``description`` of label ``name``."""
    row = _row(project, name)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise SchemeRefused(f"cannot change a label's {min(unknown)}")
    fields = {k: row[k] for k in EDITABLE if k in row}
    fields.update({k: v for k, v in changes.items() if v is not None})
    new = _make_label(fields)
    _check_label(project, new, row["id"])
    renamed = new.name != name
    touched = impact(project, name) if renamed or new.kind.value != row["kind"] else Impact()
    with project.action():
        db = project.db
        revert = Revert(labels_before(db))
        db["labels"].update(row["id"], new.to_dict())
        if renamed:
            _rename_named_rows(db, name, new.name, revert)
            _change_gazetteer(db, name, new.name, revert)
            _change_relation_pairs(db, name, new.name, revert)
    return Change(touched, revert)


def rename_label(project, old: str, new: str, display: str | None = None,
                 display_en: str | None = None) -> Change:
    return edit_label(project, old, name=new, display=display, display_en=display_en)


def reorder_labels(project, names: list[str]) -> Change:
    """Put the labels in the order of ``names`` (every label, once)."""
    current = [label.name for label in project.scheme()]
    if sorted(names) != sorted(current):
        missing = sorted(set(current) - set(names)) or sorted(set(names) - set(current))
        raise SchemeRefused(f"a new order must name every label once (check {missing[:1]})"
                            if missing else "a new order must name every label once")
    with project.action():
        revert = Revert(labels_before(project.db))
        project.db.conn.executemany("UPDATE labels SET position = ? WHERE name = ?",
                                    list(enumerate(names)))
    return Change(Impact(), revert)


def merge_labels(project, source: str, target: str, *, force: bool = False) -> Change:
    """Give every span, suggestion and rejection of ``source`` the label ``target`` and
    remove ``source`` from the scheme."""
    if source == target:
        raise SchemeRefused(f"cannot merge {source} into itself")
    a, b = _row(project, source), _row(project, target)
    if a["kind"] != b["kind"] and not force:
        raise SchemeRefused(f"{source} is {_a(a['kind'])} label and {target} {_a(b['kind'])} "
                            "label; use --force to merge them anyway")
    with project.action():
        db = project.db
        pairs = _duplicates(db, a["id"], b["id"])
        base = impact(project, source)
        touched = Impact(base.spans, base.suggestions, base.rejections, base.relations,
                         len(pairs))
        revert = Revert(labels_before(db))
        _merge_spans(db, a["id"], b["id"], pairs, revert)
        _rename_named_rows(db, source, target, revert)
        _change_gazetteer(db, source, target, revert)
        _change_relation_pairs(db, source, target, revert)
        db.execute("DELETE FROM labels WHERE id = ?", [a["id"]])
    return Change(touched, revert)


def delete_label(project, name: str, *, force: bool = False) -> Change:
    """Remove label ``name``; with ``force`` also its spans (and their relations), else it
    must have none.  Its suggestions and curation rejections go with it."""
    row = _row(project, name)
    touched = impact(project, name)
    if touched.spans and not force:
        raise SchemeRefused(f"{name} still has {touched.spans} span"
                            f"{'s' if touched.spans != 1 else ''}; use --force to delete "
                            "them with the label, or merge it into another label")
    with project.action():
        db = project.db
        revert = Revert(labels_before(db))
        spans = "SELECT id FROM spans WHERE label_id = ?"
        where = relations_where(db, spans)
        if where:
            take_and_delete(db, RELATIONS, where, [row["id"]] * where.count("?"), revert)
        take_and_delete(db, "spans", "spans.label_id = ?", [row["id"]], revert)
        for table, _key in _NAMED:
            take_and_delete(db, table, f"{table}.label = ?", [name], revert)
        _change_gazetteer(db, name, None, revert)
        _change_relation_pairs(db, name, None, revert)
        db.execute("DELETE FROM labels WHERE id = ?", [row["id"]])
    return Change(touched, revert)


def revert_change(project, revert: Revert) -> None:
    """Undo a change, in one transaction."""
    with project.action():
        apply_revert(project.db, revert)


# -- the parts ---------------------------------------------------------------------------
def _duplicates(db, source_id: int, target_id: int) -> list[tuple[int, int]]:
    """(FROM span, the INTO span it equals) for every FROM span equal to an INTO span of
    the same annotator.  Driven by the label with fewer spans (CROSS JOIN keeps that
    order): 5,000 look-ups instead of 100,000 when INTO is the small one."""
    counts = dict(db.execute("SELECT label_id, count(*) FROM spans WHERE label_id IN (?, ?) "
                             "GROUP BY label_id", [source_id, target_id]).fetchall())
    outer, inner = ("b", "a") if counts.get(target_id, 0) < counts.get(source_id, 0) else (
        "a", "b")
    return db.execute(
        f"SELECT a.id, min(b.id) FROM spans {outer} CROSS JOIN spans {inner} "
        'ON b.document_id = a.document_id AND b.start = a.start AND b."end" = a."end" '
        "AND b.annotator = a.annotator AND a.label_id = ?1 AND b.label_id = ?2 "
        f"WHERE {outer}.label_id = ?{1 if outer == 'a' else 2} GROUP BY a.id",
        [source_id, target_id]).fetchall()


def _merge_spans(db, source_id: int, target_id: int, pairs: list[tuple[int, int]],
                 revert: Revert) -> None:
    if pairs:
        duplicates = [dup for dup, _keep in pairs]
        columns = relation_span_columns(db)
        if columns:
            condition = " OR ".join(f'{RELATIONS}."{c}" IN (SELECT value FROM json_each(?))'
                                    for c in columns)
            revert.removed.append(take(db, RELATIONS, condition,
                                       [ids_json(duplicates)] * len(columns)))
            for column in columns:
                db.conn.executemany(f'UPDATE {RELATIONS} SET "{column}" = ? '
                                    f'WHERE "{column}" = ?', [(k, d) for d, k in pairs])
        take_and_delete(db, "spans", "spans.id IN (SELECT value FROM json_each(?))",
                        [ids_json(duplicates)], revert)
    moved = db.execute("UPDATE spans SET label_id = ? WHERE label_id = ? RETURNING id",
                       [target_id, source_id]).fetchall()
    revert.moved.append(Moved("spans", "label_id", source_id, [row[0] for row in moved]))


def _rename_named_rows(db, old: str, new: str, revert: Revert) -> None:
    """Rows naming ``old`` name ``new``; one that would then equal a row already naming
    ``new`` (the table's unique key) is removed instead."""
    for table, key in _NAMED:
        same = " AND ".join(f'n."{c}" = {table}."{c}"' for c in key)
        take_and_delete(db, table, f"{table}.label = ? AND EXISTS (SELECT 1 FROM {table} n "
                        f"WHERE n.label = ? AND {same})", [old, new], revert)
        rows = take(db, table, f"{table}.label = ?", [old])
        revert.moved.append(Moved(table, "label", old, [row[0] for row in rows.rows]))
        db.execute(f"UPDATE {table} SET label = ? WHERE label = ?", [new, old])


def _change_gazetteer(db, old: str, new: str | None, revert: Revert) -> None:
    """Gazetteer entries of ``old`` get label ``new`` (None: they are removed)."""
    row = db.execute("SELECT value FROM project_info WHERE key = 'suggest_settings'").fetchone()
    if row is None:
        return
    settings = orjson.loads(row[0])
    gazetteer = settings.get("gazetteer") or {}
    if old not in gazetteer.values():
        return
    settings["gazetteer"] = {text: (new if label == old else label)
                             for text, label in gazetteer.items()
                             if label != old or new is not None}
    revert.settings, revert.settings_changed = row[0], True
    db.execute("UPDATE project_info SET value = ? WHERE key = 'suggest_settings'",
               [orjson.dumps(settings).decode()])


def _change_relation_pairs(db, old: str, new: str | None, revert: Revert) -> None:
    """The relation types' allowed pairs name ``new`` for ``old`` (None: pairs with ``old``
    go).  A type left with no pair is removed (an empty list would allow every pair); its
    relations went with the label's spans before."""
    if not table_exists(db, "relation_types"):
        return
    for name, pairs_json in db.execute("SELECT name, pairs FROM relation_types").fetchall():
        pairs = orjson.loads(pairs_json)
        if not any(old in pair for pair in pairs):
            continue
        changed: list[list[str]] = []
        for pair in pairs:
            if old in pair and new is None:
                continue
            pair = [new if label == old else label for label in pair]
            if pair not in changed:
                changed.append(pair)
        if not changed:
            take_and_delete(db, "relation_types", "relation_types.name = ?", [name], revert)
            continue
        revert.relation_pairs.setdefault(name, pairs_json)
        db.execute("UPDATE relation_types SET pairs = ? WHERE name = ?",
                   [orjson.dumps(changed).decode(), name])


def _a(kind: str) -> str:
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def _row(project, name: str) -> dict:
    for row in labels_before(project.db):
        if row["name"] == name:
            return row
    raise SchemeRefused(f"unknown label {name!r}")


def _make_label(fields: dict) -> Label:
    kind = fields.get("kind")
    if kind not in KINDS:
        raise SchemeRefused(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    color = fields.get("color") or ""
    if not _COLOUR.match(color):
        raise SchemeRefused(f"colour {color!r} is not #RRGGBB (e.g. #3182bd)")
    fields = {**fields, "color": color.lower(), "display": fields.get("display") or
              fields["name"]}
    try:
        return Label.from_dict(fields)
    except SchemeError as error:
        raise SchemeRefused(str(error)) from None


def new_label(name: str, kind: str, *, display: str = "", display_en: str = "",
              color: str = "#888888", hotkey: str = "", description: str = "") -> Label:
    """A label from user input, checked as :func:`add_label` checks it."""
    return _make_label({"name": name, "kind": kind, "display": display,
                        "display_en": display_en, "color": color, "hotkey": hotkey,
                        "description": description})


def _check_label(project, label: Label, own_id: int | None) -> None:
    for row in labels_before(project.db):
        if row["id"] == own_id:
            continue
        if row["name"] == label.name:
            raise SchemeRefused(f"a label named {label.name} already exists")
        if hotkeys.same_key(label.hotkey, row["hotkey"]):
            raise SchemeRefused(f"hotkey {label.hotkey!r} is already {row['name']}'s")
    if hotkeys.refusal(label.hotkey):
        raise SchemeRefused(hotkeys.refusal(label.hotkey))


def _count(db, table: str, where: str, params: list) -> int:
    if not table_exists(db, table):   # an old file opened read-only
        return 0
    return db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]


def _relations(db, spans_sql: str, label_id: int) -> int:
    where = relations_where(db, spans_sql)
    if where is None:
        return 0
    return db.execute(f"SELECT count(*) FROM {RELATIONS} WHERE {where}",
                      [label_id] * where.count("?")).fetchone()[0]
