"""The command line: ``hanmark [PROJECT]`` opens the GUI; sub-commands work headless.

Every failure a user can cause prints one line to stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.team.agreement import AgreementError
from hanmark import APP_NAME, __version__, crashlog, settings
from hanmark.cli_adjudicate import AdjudicateUsage, add_adjudicate_parser, run_adjudicate
from hanmark.cli_agreement import add_agreement_parser, run_agreement
from hanmark.cli_check import add_check_parser, run_check
from hanmark.cli_export import ExportUsage, add_export_parser, run_export
from hanmark.cli_gazetteer import add_gazetteer_parser, run_gazetteer
from hanmark.cli_import import add_import_parser, run_import
from hanmark.cli_labels import add_labels_parser, run_labels
from hanmark.cli_search import add_search_parser, run_search
from hanmark.cli_stats import add_stats_options, write_plots
from hanmark.cli_suggest import add_suggest_parser, run_suggest
from hanmark.cli_team import add_team_parsers, run_merge, run_split
from storage.errors import ProjectError, RecordRejected
from storage.interchange.export import ExportCancelled, ExportFailed
from storage.project import Project
from storage.sample import build_sample
from storage.views.statistics import statistics

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
COMMANDS = ("new", "sample", "import", "export", "suggest", "stats", "doctor", "split",
            "merge", "agreement", "adjudicate", "labels", "search", "check", "gazetteer")


class CliError(Exception):
    """A failure to report in one line."""


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hanmark",
        description=f"{APP_NAME} (汉标): annotate Chinese news. Commands: {', '.join(COMMANDS)} "
        "(hanmark COMMAND --help).",
    )
    parser.add_argument("project", nargs="?", type=Path,
                        help="project to open (default: the sample project)")
    parser.add_argument("--lang", choices=settings.LANGUAGES, help="interface language")
    parser.add_argument("--annotator", help="name recorded on your spans and statuses")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation headless on a temporary copy of the "
                        "sample project; prints one line, exits non-zero on failure")
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hanmark")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create an empty project with the default label scheme")
    new.add_argument("path", type=Path)
    sample = sub.add_parser("sample", help="write the sample project (the seed articles)")
    sample.add_argument("path", type=Path)
    add_import_parser(sub)
    add_suggest_parser(sub)
    add_export_parser(sub)
    add_team_parsers(sub)
    add_adjudicate_parser(sub)
    stats = sub.add_parser("stats", help="documents per status and spans per label")
    stats.add_argument("project", type=Path)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--annotator", help="whose statuses to count (default: you)")
    add_stats_options(stats)
    add_agreement_parser(sub)
    add_labels_parser(sub)
    add_gazetteer_parser(sub)
    add_search_parser(sub)
    add_check_parser(sub)
    doctor = sub.add_parser("doctor", help="check a project's integrity (exit 0 healthy, "
                            "1 problems); never modifies the file")
    doctor.add_argument("project", type=Path)
    doctor.add_argument("--json", action="store_true", help="print JSON")
    return parser


def run_doctor(args: argparse.Namespace) -> int:
    from storage.doctor import describe, diagnose

    diagnosis = diagnose(args.project)
    if args.json:
        print(json.dumps(diagnosis.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(describe(diagnosis)))
    return EXIT_OK if diagnosis.healthy else EXIT_ERROR


def run_new(args: argparse.Namespace) -> int:
    Project.create(args.path).close()
    print(f"created {args.path}")
    return EXIT_OK


def run_sample(args: argparse.Namespace) -> int:
    build_sample(args.path)
    with Project.open(args.path, readonly=True) as project:
        count = len(project.document_ids())
    print(f"wrote the sample project ({count} documents) to {args.path}")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    annotator = args.annotator or settings.load().effective_annotator()
    with Project.open(args.project, readonly=True) as project:
        stats = project.stats(annotator)
        displays = {label.name: label.display for label in project.scheme()}
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
    status = ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in stats["status"].items())
    print(f"project    {stats['project']}")
    print(f"annotator  {annotator}")
    print(f"documents  {stats['documents']}  ({status})")
    print(f"spans      {stats['span_total']}")
    for name, count in stats["spans"].items():
        print(f"  {name:<8} {displays.get(name, ''):<6} {count:>6}")
    return EXIT_OK


RUNNERS = {"new": run_new, "sample": run_sample, "import": run_import, "export": run_export,
           "suggest": run_suggest, "stats": run_stats, "doctor": run_doctor,
           "split": run_split, "merge": run_merge, "agreement": run_agreement,
           "adjudicate": run_adjudicate, "labels": run_labels,
           "search": run_search, "check": run_check, "gazetteer": run_gazetteer}


def fail(message: str) -> int:
    print(f"hanmark: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    """Run one command; whatever goes wrong, the user sees one line (never a traceback)
    and the traceback goes to the crash log."""
    try:
        return dispatch(list(sys.argv[1:] if argv is None else argv))
    except Exception as error:  # noqa: BLE001 - the catch-all no failure may pass
        return fail(crashlog.report(error))


def dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        args = command_parser().parse_args(argv)
        try:
            return RUNNERS[args.command](args)
        except ProjectError as error:
            return fail(f"{error.message}. {error.hint}".strip())
        except (AgreementError, AdjudicateUsage, CliError, ExportFailed, ExportUsage,
                RecordRejected) as error:
            return fail(str(error))
        except ExportCancelled:
            return fail("export cancelled; nothing was written")
        except KeyboardInterrupt:
            return fail("interrupted")
        except OSError as error:
            return fail(f"{error.strerror or 'the operation failed'}"
                        f"{f': {error.filename}' if error.filename else ''}")
    args = gui_parser().parse_args(argv)
    from hanmark import xcb_check  # before Qt: its own message for this is cryptic

    problem = xcb_check.check()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    if args.self_test:
        from hanmark.selftest import run_self_test

        return run_self_test()
    from hanmark.launcher import launch  # Qt is imported only when the GUI starts

    return launch(args)
