"""``hanmark import PROJECT PATH...``: files, folders (recursively) and globs.

Plain articles (txt, md, html, docx, csv, tsv, jsonl, json) are cleaned and
stored; annotated files (doccano, Label Studio, CLUENER, CoNLL, Hugging Face,
spaCy, brat) are detected from their content, reported, and imported with
their spans.  Prints what was imported, skipped as a duplicate and failed
(name and reason); exits non-zero only when something failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus import formats
from corpus.readers import FORMATS
from hanmark import settings
from storage.interchange.annotated_import import AnnotatedOptions, AnnotatedReport
from storage.interchange.import_inputs import import_paths
from storage.interchange.importer import ImportOptions

EXIT_OK, EXIT_FAILED = 0, 1


def add_import_parser(sub) -> None:
    parser = sub.add_parser("import", help="import articles (txt, md, html, docx, csv, tsv, "
                                           "jsonl, json) and annotated files (doccano, "
                                           "labelstudio, cluener, conll, hf, spacy, brat)")
    parser.add_argument("project", type=Path)
    parser.add_argument("paths", nargs="+", help="files, folders (recursive) or glob patterns")
    parser.add_argument("--encoding", help="force a text encoding (default: detect per file)")
    parser.add_argument("--text-field", help="the text column of CSV/TSV/JSONL/JSON records")
    parser.add_argument("--format", choices=sorted(FORMATS) + sorted(formats.FORMATS),
                        help="force a format (default: detect from the content)")
    parser.add_argument("--offsets", choices=("utf16", "codepoint"),
                        help="offset unit of doccano files (default: the unit a record "
                             "declares, else utf16 as doccano counts)")
    parser.add_argument("--annotator", help="name recorded on imported spans (default: you); "
                             "each annotated record counts as that annotator's (status in "
                             "progress unless the record gives one), an empty one too")
    parser.add_argument("--no-new-labels", action="store_true",
                        help="report labels the project lacks instead of adding them")
    parser.add_argument("--keep-duplicates", action="store_true",
                        help="annotated files: every record becomes a document, also a text "
                             "met before (gold datasets such as MSRA or CLUENER repeat "
                             "sentences; an export then gives back every record)")
    parser.add_argument("--max-size", type=float, default=8, metavar="MB",
                        help="skip files larger than this (default 8 MB)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only what failed and the summary, not a line per file")


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(encoding=args.encoding, text_field=args.text_field,
                            format=args.format if args.format in FORMATS else None,
                            max_bytes=int(args.max_size * 1024 * 1024))
    annotated = AnnotatedOptions(
        annotator=args.annotator or settings.load().effective_annotator(),
        offsets=args.offsets, add_labels=not args.no_new_labels,
        keep_duplicates=args.keep_duplicates, covers=bool(args.annotator))
    report = import_paths(args.project, args.paths, options, annotated, format=args.format,
                          progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, quiet=args.quiet)
    return EXIT_OK if report.ok else EXIT_FAILED


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rimporting {done}/{total}", end="", file=sys.stderr, flush=True)


def print_report(report, quiet: bool = False) -> None:
    detected = getattr(report, "detected", {})
    if not quiet:
        _print_successes(report, detected)
    for item in report.failed:
        print(f"failed     {_name(item)}: {item['reason']}")
    for item in report.skipped:
        print(f"skipped    {item['name']}: {item['reason']}")
    for item in getattr(report, "spans_rejected", ()):
        print(f"span rejected {item['name']}: {item['span']}: {item['reason']}")
    for item in getattr(report, "notes", ()):
        print(f"note       {item['name']}: {item['note']}")
    if isinstance(report, AnnotatedReport) and not detected:
        print(super(AnnotatedReport, report).summary())  # plain articles only: as before
    else:
        print(report.summary())


def _print_successes(report, detected: dict) -> None:
    for name, found in detected.items():
        print(f"detected   {name}: {found} ({formats.get(found).description})")
    for item in report.imported:
        detail = ", ".join(x for x in (item["format"], item["encoding"]) if x)
        damage = f", {item['damage']} damaged" if item["damage"] else ""
        spans = f", {item['spans']} spans" if "spans" in item else ""
        print(f"imported   {_name(item)} ({detail}{damage}{spans}) → #{item['id']} "
              f"{item['title']}")
    for item in report.duplicates:
        spans = f", {item['spans']} new spans added" if "spans" in item else ""
        print(f"duplicate  {_name(item)} (same text as #{item['same_as']}{spans})")


def _name(item: dict) -> str:
    """An entry's file: a brat document is named by its .ann and its .txt."""
    return f"{item['name']} + {item['text_file']}" if item.get("text_file") else item["name"]
