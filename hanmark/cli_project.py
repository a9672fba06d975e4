"""``hanmark new``, ``sample``, ``stats`` and ``doctor``: a project as a whole."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hanmark import settings
from hanmark.cli_stats import add_stats_options, write_plots
from storage.project import Project

EXIT_OK, EXIT_ERROR = 0, 1


def add_project_parsers(sub) -> None:
    new = sub.add_parser("new", help="create an empty project with the default label scheme")
    new.add_argument("path", type=Path)
    sample = sub.add_parser("sample", help="write the sample project (the seed articles)")
    sample.add_argument("path", type=Path)
    stats = sub.add_parser("stats", help="documents per status and spans per label")
    stats.add_argument("project", type=Path)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--annotator", help="whose statuses to count (default: you)")
    add_stats_options(stats)
    doctor = sub.add_parser("doctor", help="check a project's integrity (exit 0 healthy, "
                            "1 problems); modifies the file only with --fix")
    doctor.add_argument("project", type=Path)
    doctor.add_argument("--json", action="store_true", help="print JSON")
    doctor.add_argument("--fix", action="store_true", help="repair the relations that can be "
                        "repaired safely, after a copy (NAME.doctor-backup.hanmark)")


def run_doctor(args: argparse.Namespace) -> int:
    from storage.doctor import describe, diagnose, fix

    repair = fix(args.project) if args.fix else None
    diagnosis = diagnose(args.project)
    if args.json:
        report = diagnosis.to_dict()
        if repair is not None:
            report["fixed"] = [{"problem": p, "count": n, "fix": what}
                               for p, n, what in repair.done]
            report["backup"] = str(repair.backup) if repair.backup else None
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print("\n".join((repair.words() if repair else []) + describe(diagnosis)))
    return EXIT_OK if diagnosis.healthy else EXIT_ERROR


def run_new(args: argparse.Namespace) -> int:
    Project.create(args.path).close()
    print(f"created {args.path}")
    return EXIT_OK


def run_sample(args: argparse.Namespace) -> int:
    from storage.sample import build_sample

    build_sample(args.path)
    with Project.open(args.path, readonly=True) as project:
        count = len(project.document_ids())
    print(f"wrote the sample project ({count} documents) to {args.path}")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from storage.views.statistics import relations_per_type, statistics

    annotator = args.annotator or settings.load().effective_annotator()
    with Project.open(args.project, readonly=True) as project:
        stats = project.stats(annotator)
        displays = {label.name: label.display for label in project.scheme()}
        relation_types = {t.name: t.display for t in project.relation_types()}
        relations = relations_per_type(project)
        if args.json or args.plot:          # the charts' numbers (storage/views/statistics.py)
            stats.update(statistics(project))
            colours = {label.name: label.color for label in project.scheme()}
    if args.plot:
        written = write_plots(stats, colours, args.plot)
        if not args.json:
            print(f"wrote {len(written)} files to {args.plot}")
            return EXIT_OK
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_stats(stats, annotator, displays)
    print(f"relations  {sum(relations.values())}")
    for name, count in relations.items():
        print(f"  {name:<12} {relation_types.get(name, ''):<6} {count:>6}")
    return EXIT_OK


def _print_stats(stats: dict, annotator: str, displays: dict[str, str]) -> None:
    status = ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in stats["status"].items())
    print(f"project    {stats['project']}")
    print(f"annotator  {annotator}")
    print(f"documents  {stats['documents']}  ({status})")
    print(f"spans      {stats['span_total']}")
    for name, count in stats["spans"].items():
        print(f"  {name:<8} {displays.get(name, ''):<6} {count:>6}")
