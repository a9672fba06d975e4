"""``hanmark labels PROJECT ACTION``: read and change a project's label scheme, its spans
carried along (storage/scheme/scheme_changes.py).  A change that touches spans says how many
spans, suggestions, curation rejections and relations it changed; bad input is one line
and changes nothing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storage.scheme import scheme_changes as sc
from storage.project import Project
from storage.scheme.scheme_file import export_scheme, import_scheme

EXIT_OK = 0
_FIELDS = (("display", "Chinese display text"), ("display-en", "English display text"),
           ("color", "colour as #RRGGBB"), ("hotkey", "one key"),
           ("description", "what the label marks"))


def add_labels_parser(sub) -> None:
    parser = sub.add_parser("labels", help="list and change the label scheme (rename, merge, "
                                           "delete … with the spans); export/import it")
    parser.add_argument("project", type=Path)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the labels with their span counts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add = actions.add_parser("add", help="add a label at the end")
    add.add_argument("name")
    add.add_argument("--kind", required=True, help=f"one of {', '.join(sc.KINDS)}")
    change = actions.add_parser("set", help="change a label's display texts, colour, hotkey, "
                                            "kind or description")
    change.add_argument("name")
    change.add_argument("--kind", help=f"one of {', '.join(sc.KINDS)}")
    for command in (add, change):
        for option, text in _FIELDS:
            command.add_argument(f"--{option}", help=text)
    rename = actions.add_parser("rename", help="rename a label (its spans keep it)")
    rename.add_argument("old")
    rename.add_argument("new")
    rename.add_argument("--display", help="new Chinese display text")
    rename.add_argument("--display-en", help="new English display text")
    merge = actions.add_parser("merge", help="give FROM's spans the label INTO, remove FROM")
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("target", metavar="INTO")
    merge.add_argument("--force", action="store_true", help="merge labels of different kinds")
    delete = actions.add_parser("delete", help="remove a label")
    delete.add_argument("name")
    delete.add_argument("--force", action="store_true", help="delete its spans too")
    order = actions.add_parser("order", help="put the labels in this order")
    order.add_argument("names", help="every label, comma-separated")
    export = actions.add_parser("export", help="write the scheme (labels, relation types) "
                                               "as JSON")
    export.add_argument("file", type=Path)
    imported = actions.add_parser("import", help="merge a scheme file into the project's, "
                                                 "by label name")
    imported.add_argument("file", type=Path)
    imported.add_argument("--json", action="store_true", help="print what changed as JSON")


def run_labels(args: argparse.Namespace) -> int:
    if args.action in ("list", "export"):
        with Project.open(args.project, readonly=True) as project:
            return _list(project, args) if args.action == "list" else _export(project, args)
    with Project.open(args.project) as project:
        return RUNNERS[args.action](project, args)


def _list(project: Project, args) -> int:
    counts = dict(project.db.execute("SELECT label_id, count(*) FROM spans GROUP BY label_id")
                  .fetchall())
    rows = [{**label.to_dict(), "spans": counts.get(label.id, 0)} for label in project.scheme()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        shown = " / ".join(t for t in (row["display"], row["display_en"]) if t)
        print(f"{row['name']:<10} {shown:<16} {row['kind']:<7} {row['color']}  "
              f"{row['hotkey'] or '-':<2} {row['spans']:>8} spans")
    return EXIT_OK


def _export(project: Project, args) -> int:
    labels, relation_types = export_scheme(project, args.file)
    print(f"wrote {labels} labels and {relation_types} relation types to {args.file}")
    return EXIT_OK


def _add(project: Project, args) -> int:
    label = sc.new_label(args.name, args.kind, display=args.display or "",
                         display_en=args.display_en or "", color=args.color or "#888888",
                         hotkey=args.hotkey or "", description=args.description or "")
    sc.add_label(project, label)
    print(f"added {label.name} ({label.kind.value}, {label.color}"
          f"{', hotkey ' + label.hotkey if label.hotkey else ''})")
    return EXIT_OK


def _set(project: Project, args) -> int:
    changes = {"display": args.display, "display_en": args.display_en, "color": args.color,
               "hotkey": args.hotkey, "kind": args.kind, "description": args.description}
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise sc.SchemeRefused("say what to change: --display, --display-en, --color, "
                               "--hotkey, --kind or --description")
    change = sc.edit_label(project, args.name, **changes)
    counts = _counts(change.impact, " (", ")", always=False)
    print(f"changed {args.name}: {', '.join(changes)}{counts}")
    return EXIT_OK


def _rename(project: Project, args) -> int:
    change = sc.rename_label(project, args.old, args.new, args.display, args.display_en)
    print(f"renamed {args.old} to {args.new}{_counts(change.impact, ': ')}")
    return EXIT_OK


def _merge(project: Project, args) -> int:
    change = sc.merge_labels(project, args.source, args.target, force=args.force)
    duplicates = change.impact.duplicates
    note = (f" ({duplicates} identical to an existing {args.target} span of the same annotator, "
            "removed)" if duplicates else "")
    print(f"merged {args.source} into {args.target}{_counts(change.impact, ': ')}{note}")
    return EXIT_OK


def _delete(project: Project, args) -> int:
    change = sc.delete_label(project, args.name, force=args.force)
    print(f"deleted {args.name}{_counts(change.impact, ' with ')}")
    return EXIT_OK


def _order(project: Project, args) -> int:
    names = [name.strip() for name in args.names.split(",") if name.strip()]
    sc.reorder_labels(project, names)
    print("labels in order: " + ", ".join(names))
    return EXIT_OK


def _import(project: Project, args) -> int:
    report = import_scheme(project, args.file)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"imported {args.file}: added {len(report.added)}, updated {len(report.updated)}, "
          f"unchanged {len(report.unchanged)}")
    for name in report.added:
        print(f"  added    {name}")
    for name, fields in report.updated.items():
        print(f"  updated  {name}: {', '.join(fields)}")
    return EXIT_OK


def _counts(impact: sc.Impact, before: str, after: str = "", always: bool = True) -> str:
    """'4 spans, 1 suggestion, 0 curation rejections, 0 relations' (unless ``always``,
    nothing when all are 0)."""
    if not impact.any and not always:
        return ""
    parts = [(impact.spans, "span", "spans"), (impact.suggestions, "suggestion", "suggestions"),
             (impact.rejections, "curation rejection", "curation rejections"),
             (impact.relations, "relation", "relations")]
    text = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts)
    return f"{before}{text}{after}"


RUNNERS = {"add": _add, "set": _set, "rename": _rename, "merge": _merge, "delete": _delete,
           "order": _order, "import": _import}
