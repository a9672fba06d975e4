"""``hanmark gazetteer PROJECT ACTION``: the project's own gazetteer, names per label that the
suggesters offer wherever they occur (``hanmark suggest``, Suggestions in the app).

``list`` shows them (``--known`` adds the entities the project's annotators have marked,
which are suggested too); ``add LABEL NAME…``, ``remove NAME…``; ``import FILE`` reads
``LABEL<tab>NAME`` lines (or bare names with ``--label``).  Bad input is one line on stderr
and changes nothing; a change is one transaction.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from corpus.suggest.project_gazetteer import parse_list, suggested_known
from storage.errors import RecordRejected
from storage.project import Project

EXIT_OK = 0


def add_gazetteer_parser(sub) -> None:
    parser = sub.add_parser("gazetteer", help="list and change the project's gazetteer "
                                              "(names suggested wherever they occur)")
    parser.add_argument("project", type=Path)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the names, as LABEL<tab>NAME lines")
    listing.add_argument("--label", help="only this label's names")
    listing.add_argument("--known", action="store_true",
                         help="also the entities the annotators have marked (suggested too)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add = actions.add_parser("add", help="add names with a label")
    add.add_argument("label")
    add.add_argument("names", nargs="+", metavar="NAME")
    remove = actions.add_parser("remove", help="remove names")
    remove.add_argument("names", nargs="+", metavar="NAME")
    imported = actions.add_parser("import", help="add the names of a UTF-8 file of "
                                                 "LABEL<tab>NAME lines")
    imported.add_argument("file", type=Path)
    imported.add_argument("--label", help="the label of a file of bare names, one a line")


def run_gazetteer(args: argparse.Namespace) -> int:
    if args.action == "list":
        with Project.open(args.project, readonly=True) as project:
            return _list(project, args)
    if args.action == "import":
        names = _read(args.file, args.label)
    with Project.open(args.project) as project:
        if args.action == "add":
            return _add(project, {name.strip(): args.label for name in args.names})
        if args.action == "import":
            return _add(project, names)
        return _remove(project, args.names)


def _list(project: Project, args) -> int:
    listed = project.suggest_settings().gazetteer
    rows = [{"name": n, "label": label, "source": "listed"} for n, label in listed.items()]
    if args.known:
        rows += [{"name": n, "label": label, "source": "marked"}
                 for n, label in suggested_known(project.known_entities()).items()
                 if n not in listed]
    rows = sorted((r for r in rows if not args.label or r["label"] == args.label),
                  key=lambda r: (r["label"], r["name"]))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    for row in rows if not args.json else ():
        marked = "\t(marked)" if row["source"] == "marked" else ""
        print(f"{row['label']}\t{row['name']}{marked}")
    return EXIT_OK


def _read(path: Path, label: str | None) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise RecordRejected(f"{path}: not UTF-8 text; save it as UTF-8 and import again") \
            from None
    try:
        return parse_list(lines, label)
    except ValueError as error:
        raise RecordRejected(f"{path}: {error}") from None


def _add(project: Project, names: dict[str, str]) -> int:
    labels = {label.name for label in project.scheme()}
    for name, label in names.items():
        if label not in labels:
            raise RecordRejected(f"no label {label!r} in this project; labels: "
                                 f"{', '.join(sorted(labels))}")
        if not name or any(c.isspace() for c in name.strip("\u3000")):
            raise RecordRejected(f"{name!r}: a name is one word without spaces")
    settings = project.suggest_settings()
    new = sum(settings.gazetteer.get(name) != label for name, label in names.items())
    settings.gazetteer.update(names)
    project.set_suggest_settings(settings)
    print(f"added {new} names to the gazetteer of {project.path.name} "
          f"({len(settings.gazetteer)} in all)")
    return EXIT_OK


def _remove(project: Project, names: list[str]) -> int:
    settings = project.suggest_settings()
    missing = [name for name in names if name not in settings.gazetteer]
    if missing:
        raise RecordRejected(f"{missing[0]!r} is not in the gazetteer (hanmark gazetteer "
                             f"{project.path.name} list)")
    for name in names:
        del settings.gazetteer[name]
    project.set_suggest_settings(settings)
    print(f"removed {len(names)} names from the gazetteer of {project.path.name} "
          f"({len(settings.gazetteer)} left)")
    return EXIT_OK
