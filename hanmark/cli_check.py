"""``hanmark check PROJECT``: the consistency checks of issue 16 over a project's layers.

Exit 0 when nothing is found, 1 with findings, 2 when the check could not run (a bad
option, a project that cannot be opened): as ``diff`` and ``grep`` do, so that a script
tells "findings" from "failed".  ``--json`` prints one JSON object per finding and line.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import orjson

from corpus.checks import ALL_CHECKS, Finding, unknown_checks
from hanmark import crashlog, paths
from hanmark.cli_export import parse_ids, parse_names
from storage.views.checks import CheckRequest, check_project
from storage.errors import ProjectError
from storage.project import Project

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


class CheckUsage(ValueError):
    """A bad option of ``hanmark check``."""


def add_check_parser(sub) -> None:
    parser = sub.add_parser(
        "check", help="consistency checks of the spans (exit 0 clean, 1 findings, 2 failed)")
    parser.add_argument("project", type=Path)
    parser.add_argument("--annotator", help="only this annotator's layer (default: every layer)")
    parser.add_argument("--checks", help="only these checks, comma-separated: "
                                         + ",".join(ALL_CHECKS))
    parser.add_argument("--documents", help="only these document ids: 1,4,10-20")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per finding and line")


def request_from(args: argparse.Namespace) -> CheckRequest:
    checks = parse_names(args.checks) or ALL_CHECKS
    if unknown := unknown_checks(checks):
        raise CheckUsage(f"unknown check {unknown[0]!r} (known: {', '.join(ALL_CHECKS)})")
    try:
        documents = parse_ids(args.documents)
    except ValueError as error:
        raise CheckUsage(str(error)) from None
    return CheckRequest(annotator=args.annotator, checks=tuple(checks),
                        documents=list(documents) or None)


def run_check(args: argparse.Namespace) -> int:
    try:
        request = request_from(args)
        with Project.open(args.project, readonly=True) as project:
            from corpus.text.tokenizer import Tokenizer   # jieba starts only if a block needs it

            found = check_project(project, request, Tokenizer(paths.cache_dir() / "jieba"))
    except CheckUsage as error:
        return _fail(str(error))
    except ProjectError as error:
        return _fail(f"{error.message}. {error.hint}".strip())
    except OSError as error:
        return _fail(f"{error.strerror or 'the operation failed'}"
                     f"{f': {error.filename}' if error.filename else ''}")
    except Exception as error:  # noqa: BLE001 - a check that fails must not look clean
        return _fail(crashlog.report(error))
    if args.json:
        out = sys.stdout.buffer
        for item in found:
            out.write(orjson.dumps(item.to_json()) + b"\n")
        out.flush()
    else:
        print("\n".join(describe(found)))
    return EXIT_FINDINGS if found else EXIT_CLEAN


def _fail(message: str) -> int:
    print(f"hanmark: error: {message}", file=sys.stderr)
    return EXIT_FAILED


def describe(found: list[Finding]) -> list[str]:
    lines = [_line(item) for item in found]
    if not found:
        return ["no findings"]
    counts = Counter(item.check for item in found)
    summary = ", ".join(f"{name} {counts[name]}" for name in ALL_CHECKS if counts[name])
    return lines + [f"{len(found)} finding(s): {summary}"]


def _line(item: Finding) -> str:
    layer = f" [{item.annotator}]" if item.annotator else ""
    fix = ""
    if item.fix is not None:
        fix = {"relabel": f"  → relabel {item.fix.label}", "add": f"  → label {item.fix.label}",
               "trim": f"  → trim to [{item.fix.start}, {item.fix.end})",
               "delete": "  → delete the copy"}[item.fix.action]
    text = item.text.replace("\n", "⏎")
    return (f"{item.document}:{item.start}-{item.end}  {item.check}{layer}  {text}  "
            f"{item.details}{fix}")
