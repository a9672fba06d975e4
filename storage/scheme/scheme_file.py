"""A scheme file carries a project's labels and relation types to another project:
JSON ``{"scheme": "hanmark", "version": 1, "labels": [...], "relation_types": [...]}``,
each label as ``Label.to_dict`` writes it (the shape of ``resources/labels/default.json``).

Importing one merges it into a project by label name: new labels are added at the end,
labels of the same name take the file's display texts, kind, colour, hotkey and
description, labels the file lacks are kept.  The scheme that results is checked
whole (unique names and hotkeys) before anything is written, and it is one transaction.

Relation types go through :func:`relation_types_of` and :func:`import_relation_types`
(the relation_types table): merged by name like labels, none removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from corpus import hotkeys
from corpus.labels import Label, LabelScheme, SchemeError
from corpus.relations import RelationError, types_from_json, types_to_json
from storage.scheme.scheme_changes import SchemeRefused, new_label
from storage.scheme.scheme_rows import Revert, labels_before

FORMAT, VERSION = "hanmark", 1
_FIELDS = ("display", "display_en", "kind", "color", "hotkey", "description")


@dataclass
class SchemeImport:
    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)   # label → fields changed
    unchanged: list[str] = field(default_factory=list)
    relation_types: list[str] = field(default_factory=list)
    revert: Revert | None = None

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "relation_types": self.relation_types}


def relation_types_of(project) -> list[dict]:
    """The project's relation types as a scheme file holds them."""
    return types_to_json(project.relation_types())


def import_relation_types(project, items: list[dict]) -> list[str]:
    """Merge a scheme file's relation types into the project by name, inside the caller's
    transaction (new ones added at the end, named ones updated in place, none removed);
    returns the names of those added or changed."""
    try:
        types = types_from_json(items)
    except RelationError as error:
        raise SchemeRefused(str(error)) from None
    if not project.has_relations:
        return []
    existing = project.relation_types()
    position = {t.name: i for i, t in enumerate(existing)}
    current = {t.name: t for t in existing}
    changed = []
    for relation_type in types:
        if current.get(relation_type.name) != relation_type:
            project.put_relation_type(relation_type, position.get(relation_type.name))
            changed.append(relation_type.name)
    return changed


def scheme_document(project) -> dict:
    labels = [label.to_dict() for label in project.scheme()]
    return {"scheme": FORMAT, "version": VERSION, "labels": labels,
            "relation_types": relation_types_of(project)}


def export_scheme(project, path: Path) -> tuple[int, int]:
    """Write the scheme file; it appears only once complete.  Returns how many labels and
    relation types it holds."""
    document = scheme_document(project)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return len(document["labels"]), len(document["relation_types"])


def read_scheme_file(path: Path) -> tuple[list[Label], list[dict]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemeRefused(f"{path}: no such scheme file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchemeRefused(f"{path.name}: not a scheme file ({_reason(error)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise SchemeRefused(f"{path.name}: a scheme file is a JSON object with a "
                            "\"labels\" list")
    relation_types = data.get("relation_types")
    relation_types = [] if relation_types is None else relation_types
    if not isinstance(relation_types, list):
        raise SchemeRefused(f"{path.name}: \"relation_types\" must be a list")
    labels = []
    for number, item in enumerate(data["labels"], 1):
        if not isinstance(item, dict):
            raise SchemeRefused(f"{path.name}: label {number} is not an object")
        try:
            labels.append(new_label(
                str(item.get("name", "")), item.get("kind"),
                **{k: str(item.get(k) or "") for k in _FIELDS if k != "kind"}))
        except SchemeRefused as error:
            raise SchemeRefused(f"{path.name}: label {number}: {error}") from None
    return labels, relation_types


def import_scheme(project, path: Path) -> SchemeImport:
    labels, relation_types = read_scheme_file(path)
    before = {row["name"]: row for row in labels_before(project.db)}
    report = SchemeImport()
    result = _merged(project, labels, report, before)
    with project.action():
        report.revert = Revert(list(before.values()))
        db = project.db
        for label in result:
            if label.name in report.added:
                position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM labels")
                db["labels"].insert({**label.to_dict(), "position": position.fetchone()[0]})
            elif label.name in report.updated:
                db["labels"].update(before[label.name]["id"], label.to_dict())
        report.relation_types = import_relation_types(project, relation_types)
    return report


def _merged(project, labels: list[Label], report: SchemeImport,
            before: dict[str, dict]) -> list[Label]:
    """The project's scheme with the file's labels merged in, checked whole."""
    current = {label.name: label for label in project.scheme()}
    seen = set()
    for label in labels:
        if label.name in seen:
            raise SchemeRefused(f"the scheme file names {label.name} twice")
        seen.add(label.name)
        old = current.get(label.name)
        if old is None:
            report.added.append(label.name)
        else:
            changed = [f for f in _FIELDS if _value(old, f) != _value(label, f)]
            (report.updated.__setitem__(label.name, changed) if changed
             else report.unchanged.append(label.name))
        current[label.name] = label
    result = list(current.values())
    try:
        LabelScheme(result)
    except SchemeError as error:
        raise SchemeRefused(f"the imported scheme would not be valid: {error}") from None
    refused = [(label.name, hotkeys.refusal(label.hotkey)) for label in result
               if hotkeys.refusal(label.hotkey)]
    if refused:
        raise SchemeRefused(f"{refused[0][0]}: {refused[0][1]}")
    return result


def _value(label: Label, name: str):
    value = getattr(label, name)
    return value.value if hasattr(value, "value") else value


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"bad JSON at line {error.lineno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(error, "strerror", None) or "cannot be read"
