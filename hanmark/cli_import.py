"""``hanmark import PROJECT PATH...``: files, folders (recursively) and globs.

Prints what was imported, skipped as a duplicate and failed (name and reason);
exits non-zero only when something failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.readers import FORMATS
from storage.importer import ImportOptions, ImportReport, import_files

EXIT_OK, EXIT_FAILED = 0, 1


def add_import_parser(sub) -> None:
    parser = sub.add_parser("import", help="import articles (txt, md, html, docx, csv, tsv, "
                                           "jsonl, json) from files, folders and globs")
    parser.add_argument("project", type=Path)
    parser.add_argument("paths", nargs="+", help="files, folders (recursive) or glob patterns")
    parser.add_argument("--encoding", help="force a text encoding (default: detect per file)")
    parser.add_argument("--text-field", help="the text column of CSV/TSV/JSONL/JSON records")
    parser.add_argument("--format", choices=sorted(FORMATS), help="force a format")
    parser.add_argument("--max-size", type=float, default=8, metavar="MB",
                        help="skip files larger than this (default 8 MB)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(encoding=args.encoding, text_field=args.text_field,
                            format=args.format, max_bytes=int(args.max_size * 1024 * 1024))
    report = import_files(args.project, args.paths, options, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    return EXIT_OK if report.ok else EXIT_FAILED


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rimporting {done}/{total}", end="", file=sys.stderr, flush=True)


def print_report(report: ImportReport) -> None:
    for item in report.imported:
        detail = ", ".join(x for x in (item["format"], item["encoding"]) if x)
        damage = f", {item['damage']} damaged" if item["damage"] else ""
        print(f"imported   {item['name']} ({detail}{damage}) → #{item['id']} {item['title']}")
    for item in report.duplicates:
        print(f"duplicate  {item['name']} (same text as #{item['same_as']})")
    for item in report.failed:
        print(f"failed     {item['name']}: {item['reason']}")
    print(report.summary())
