"""``hanmark adjudicate PROJECT``: what enough annotators agree on goes to the gold layer,
the rest is listed as conflicts for curation.

The work is :func:`storage.team.adjudicate.run_adjudication`; this module checks the
options against the project (one line for each thing a user can get wrong) and
prints the report: a summary line, then the conflicts per document, each competing
span with its text, label and annotators (at most ``SHOWN``; ``--json`` lists all).
Conflicts are the expected outcome, not an error: the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from corpus.team.adjudication import GOLD, Conflict
from hanmark.cli_export import parse_ids, parse_names
from storage.project import Project
from storage.team.adjudicate import AdjudicationReport, annotators_of, run_adjudication

EXIT_OK = 0
SHOWN = 20          # conflicts printed in the text report
SPAN_TEXT = 24      # characters of a span's text printed before an ellipsis


class AdjudicateUsage(ValueError):
    """An option the project cannot honour; reported in one line."""


def add_adjudicate_parser(sub) -> None:
    parser = sub.add_parser("adjudicate", help="write the spans enough annotators agree on to "
                                               "the gold layer and list the conflicts")
    parser.add_argument("project", type=Path)
    parser.add_argument("--into", default=GOLD, help=f"the layer to write (default {GOLD})")
    parser.add_argument("--annotators",
                        help="the annotators to compare, comma-separated (default: all but "
                             "the --into layer and gold)")
    parser.add_argument("--min-agree", metavar="K",
                        help="how many of the compared annotators who cover a document must "
                             "have a span (default: more than half of them)")
    parser.add_argument("--documents", help="only these document ids: 1,4,10-20")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run_adjudicate(args: argparse.Namespace) -> int:
    min_agree = _min_agree(args.min_agree)
    into = args.into.strip()
    if not into:
        raise AdjudicateUsage("--into: give the name of the layer to write")
    with Project.open(args.project) as project:
        annotators = _annotators(project, args.annotators, into)
        if min_agree is not None and min_agree > len(annotators):
            raise AdjudicateUsage(f"--min-agree {min_agree}: only {len(annotators)} annotators "
                                  f"are compared ({', '.join(annotators)})")
        documents = _documents(project, args.documents)
        report = run_adjudication(project, into=into, annotators=annotators,
                                  min_agree=min_agree, documents=documents)
        texts = {doc: project.text_of(doc) for doc in {d for d, _ in report.conflicts}}
        titles = {doc: project.document(doc).title for doc, _ in report.conflicts[:SHOWN]}
    if args.json:
        print(json.dumps(report.to_dict(texts), ensure_ascii=False, indent=2))
    else:
        print_report(report, texts, titles)
    return EXIT_OK


def _min_agree(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise AdjudicateUsage(f"--min-agree {text!r}: expected a whole number of at least 1")
    return value


def _annotators(project: Project, text: str | None, into: str) -> list[str]:
    """The annotators to compare: the named ones, checked, or every one but the target."""
    if text is None:
        chosen = annotators_of(project, (into, GOLD))
    else:
        chosen = sorted(set(parse_names(text)))
        if into in chosen:
            raise AdjudicateUsage(f"--into {into}: that layer is also one of the compared "
                                  "annotators; write to another layer")
        known = annotators_of(project, (into,))
        unknown = [name for name in chosen if name not in known]
        if unknown:
            raise AdjudicateUsage(f"no annotator {unknown[0]!r} in the project (known: "
                                  f"{', '.join(known) or 'none'})")
    if len(chosen) < 2:
        raise AdjudicateUsage(f"adjudication compares at least two annotators; found "
                              f"{len(chosen)} ({', '.join(chosen) or 'none'})")
    return chosen


def _documents(project: Project, text: str | None) -> set[int] | None:
    if text is None:
        return None
    try:
        ids = set(parse_ids(text))
    except ValueError as error:
        raise AdjudicateUsage(str(error)) from None
    if not ids:
        raise AdjudicateUsage("--documents: expected ids like 1,4,10-20")
    missing = sorted(ids - set(project.document_ids()))
    if missing:
        raise AdjudicateUsage(f"--documents: no document {missing[0]} in the project")
    return ids


def print_report(report: AdjudicationReport, texts: dict[int, str],
                 titles: dict[int, str]) -> None:
    agree = (f"at least {report.min_agree} agree" if report.min_agree is not None
             else "more than half agree")
    print(f"adjudicated {report.documents} documents into {report.into} "
          f"({', '.join(report.annotators)}; {agree}): {report.written} spans written, "
          f"{report.decided} already decided, {len(report.conflicts)} conflicts left")
    if report.relations_written or report.relations_open:
        print(f"relations: {report.relations_written} written, {report.relations_open} left "
              "open (too few annotators link them, or an end is not in the layer)")
    shown = report.conflicts[:SHOWN]
    if shown:
        print(f"conflicts, for curation in the {report.into} layer:")
    current = None
    for document_id, conflict in shown:
        if document_id != current:
            title = titles.get(document_id) or ""
            title = title[:SPAN_TEXT] + "…" if len(title) > SPAN_TEXT else title
            print(f"  document {document_id}  {title}".rstrip())
            current = document_id
        for line in conflict_lines(conflict, texts[document_id]):
            print(line)
    if len(report.conflicts) > SHOWN:
        print(f"  … {len(report.conflicts) - SHOWN} more (--json lists them all)")


def conflict_lines(conflict: Conflict, text: str) -> list[str]:
    """One line per competing span, the first marked with a bullet."""
    lines = []
    for i, c in enumerate(conflict.candidates):
        span = text[c.start:c.end]
        if len(span) > SPAN_TEXT:
            span = span[:SPAN_TEXT] + "…"
        where = f"{c.start}-{c.end}"
        lines.append(f"    {'•' if i == 0 else ' '} {where:<11} {c.label:<7} "
                     f"「{span}」 {', '.join(c.annotators)}")
    return lines
