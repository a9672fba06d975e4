"""``hanmark search PROJECT PATTERN``: every place a term occurs, as a concordance.

Plain text by default, ``--regex`` for a Python regular expression, ``--words`` for
hits that start and end on the project's tokens, ``--in-spans`` to search the text of
spans (of ``--label``).  ``--json`` prints one object per hit and then a summary;
``--apply LABEL`` gives every hit listed that label in the annotator's layer, in one
transaction, grown to whole tokens unless ``--characters``.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from pathlib import Path

import orjson

from corpus.search import CONTEXT, Hit, PatternError, one_line
from hanmark import settings
from hanmark.cli_export import parse_names
from storage.project import Project
from storage.views.search import ProjectTokens, Search, SearchRequest
from storage.views.search_apply import Applied, label_places, snap_places
from storage.views.search_parallel import default_workers

EXIT_OK, EXIT_ERROR = 0, 1


def add_search_parser(sub) -> None:
    parser = sub.add_parser("search", help="find a term in every document: a concordance "
                                           "(KWIC), optionally labelling every hit")
    parser.add_argument("project", type=Path)
    parser.add_argument("pattern", help="the text to find (a regular expression with --regex)")
    parser.add_argument("--regex", action="store_true", help="PATTERN is a Python regular "
                                                             "expression")
    parser.add_argument("--words", action="store_true",
                        help="only hits that start and end on the project's tokens (words)")
    parser.add_argument("--label", help="only hits inside spans of these labels, comma-separated")
    parser.add_argument("--in-spans", action="store_true",
                        help="search the text of each span (of --label): ^ and $ are its edges")
    parser.add_argument("--status", help="only documents with one of these statuses, "
                                         "comma-separated (todo, in_progress, done, skipped)")
    parser.add_argument("--annotator", help="whose layer and statuses (default: every layer; "
                                            "with --apply: you)")
    parser.add_argument("--context", type=int, default=CONTEXT,
                        help=f"characters of context on each side (default {CONTEXT})")
    parser.add_argument("--limit", type=int, help="list (and --apply to) only the first N hits; "
                                                  "the total still counts them all")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per hit, then a summary object")
    parser.add_argument("--apply", metavar="LABEL", help="give every hit listed this label in the "
                                                         "annotator's layer")
    parser.add_argument("--characters", action="store_true",
                        help="with --apply: label the exact characters of each hit instead of "
                             "growing it to whole words")


def run_search(args: argparse.Namespace) -> int:
    if args.context < 0 or (args.limit is not None and args.limit < 0):
        return _fail("--context and --limit must not be negative")
    annotator = args.annotator
    if args.apply and annotator is None:
        annotator = settings.load().effective_annotator()
    request = SearchRequest(args.pattern, regex=args.regex, words=args.words,
                            in_spans=args.in_spans, labels=parse_names(args.label),
                            statuses=parse_names(args.status), annotator=args.annotator,
                            context=args.context)
    with Project.open(args.project, readonly=not args.apply) as project:
        tokens = _tokens(project) if args.words or (args.apply and not args.characters) else None
        try:
            search = Search(project, request, tokens, workers=default_workers())
            if args.apply and args.apply not in {label.name for label in project.scheme()}:
                raise PatternError(f"no label {args.apply!r} in the project")
        except PatternError as error:
            return _fail(str(error))
        try:
            listed, total, documents = _print_hits(search, args)
        except BrokenPipeError:   # `hanmark search … | head`: the reader has had enough
            _quiet_stdout()
            return _fail("the output was closed; nothing was labelled") if args.apply \
                else EXIT_OK
        applied = None
        if args.apply:
            applied = _apply(project, listed, args.apply, annotator, tokens)
    _print_summary(args, total, documents, len(listed), applied)
    return EXIT_OK


def _tokens(project: Project) -> ProjectTokens:
    from corpus.text.tokenizer import Tokenizer
    from hanmark import paths

    return ProjectTokens(project, Tokenizer(paths.cache_dir() / "jieba"))


def _print_hits(search: Search, args: argparse.Namespace) -> tuple[list[Hit], int, int]:
    listed: list[Hit] = []
    total, documents, last = 0, 0, None
    out = sys.stdout
    for hit in search.hits():
        total += 1
        if hit.document_id != last:
            documents, last = documents + 1, hit.document_id
        if args.limit is not None and len(listed) >= args.limit:
            continue
        listed.append(hit)
        if args.json:
            out.write(orjson.dumps(hit.to_json()).decode() + "\n")
        else:
            out.write(_line(hit, args.context) + "\n")
    return listed, total, documents


def _line(hit: Hit, width: int) -> str:
    """One concordance line, the hits aligned in one column."""
    left = one_line(hit.left)
    pad = " " * max(0, 2 * width - _columns(left))
    labels = f"  [{', '.join(hit.labels)}]" if hit.labels else ""
    place = f"{hit.document_id}:{hit.start}-{hit.end}"
    return f"{place:>14}  {pad}{left}【{one_line(hit.text)}】{one_line(hit.right)}{labels}"


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _apply(project: Project, hits: list[Hit], label: str, annotator: str,
           tokens: ProjectTokens | None) -> Applied:
    places = [(h.document_id, h.start, h.end) for h in hits]
    snapped = 0
    if tokens is not None:
        places, snapped = snap_places(places, project.text_of, tokens)
    applied = label_places(project, places, label, annotator)
    applied.snapped = snapped
    return applied


def _print_summary(args, total: int, documents: int, shown: int, applied: Applied | None):
    if args.json:
        summary = {"summary": True, "total": total, "documents": documents, "shown": shown}
        if applied is not None:
            summary["applied"] = applied.to_json()
        print(orjson.dumps(summary).decode())
        return
    print(f"{total} hits in {documents} documents" + (f" ({shown} shown)" if shown < total
                                                      else ""))
    if applied is not None:
        report = applied.to_json()
        print(f"{label_line(report)}")


def label_line(report: dict) -> str:
    return (f"labelled {report['added']} places {report['label']} in {report['annotator']}'s "
            f"layer ({report['documents']} documents); skipped {report['skipped']} that had "
            f"that span; {report['snapped']} grown to whole words")


def _quiet_stdout() -> None:
    """Send what is left of stdout nowhere, so closing it at exit raises nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _fail(message: str) -> int:
    print(f"hanmark: error: {message}", file=sys.stderr)
    return EXIT_ERROR
