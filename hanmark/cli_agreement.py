"""``hanmark agreement PROJECT``: inter-annotator agreement of the project's layers.

Per pair of annotators, per label and overall: exact span F1, partial-match F1 and
Cohen's κ over characters; Krippendorff's α over all chosen annotators.  A readable
table by default, ``--json`` for the figures (undefined values are ``null``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from corpus.team.agreement import Agreement, compute, figure
from hanmark.cli_export import ExportUsage, parse_ids, parse_names
from storage.project import Project
from storage.team.agreement_data import AgreementRequest, read_input

EXIT_OK = 0
METRICS = (("span_f1", "span F1"), ("partial_f1", "partial F1"), ("kappa", "kappa"))


def add_agreement_parser(sub) -> None:
    parser = sub.add_parser(
        "agreement", help="inter-annotator agreement: span F1, partial F1, kappa, alpha")
    parser.add_argument("project", type=Path)
    parser.add_argument("--annotators", help="compare these annotators, comma-separated "
                                             "(default: everyone with spans or statuses but gold)")
    parser.add_argument("--labels", help="only spans with these labels, comma-separated")
    parser.add_argument("--documents", help="only these document ids: 1,4,10-20")
    parser.add_argument("--all", action="store_true", dest="all_documents",
                        help="every document, not only those both of a pair marked done: an "
                             "annotator with no span in a document marked nothing there")
    parser.add_argument("--json", action="store_true", help="print JSON")


def request_from(args: argparse.Namespace) -> AgreementRequest:
    try:
        documents = parse_ids(args.documents)
    except ValueError as error:
        raise ExportUsage(str(error)) from None
    return AgreementRequest(annotators=parse_names(args.annotators),
                            labels=parse_names(args.labels), documents=documents,
                            all_documents=args.all_documents)


def run_agreement(args: argparse.Namespace) -> int:
    request = request_from(args)
    with Project.open(args.project, readonly=True) as project:
        data = read_input(project, request)
        displays = {label.name: label.display for label in project.scheme()}
    result = compute(data)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(table_lines(result, data.labels, displays, args.all_documents)))
    return EXIT_OK


def table_lines(result: Agreement, labels: list[str], displays: dict[str, str],
                all_documents: bool) -> list[str]:
    shown = [name for name in labels
             if any(name in getattr(p, m).labels for p in result.pairs for m, _ in METRICS)]
    basis = "every document" if all_documents else "marked done by both of a pair"
    lines = [f"annotators  {', '.join(result.annotators)}",
             f"documents   {result.documents} compared ({basis})", ""]
    width = max([len(f"{p.a}–{p.b}") for p in result.pairs] + [len("alpha (all)")]) + 2
    header = f"{'':<{width}}{'docs':>6} {'overall':>8}" + "".join(f" {n:>7}" for n in shown)
    for key, title in METRICS:
        lines += [title, header]
        for pair in result.pairs:
            scores = getattr(pair, key)
            lines.append(_row(f"{pair.a}–{pair.b}", width, pair.documents, scores, shown))
        if key == "kappa":
            lines.append(_row("alpha (all)", width, result.documents, result.alpha, shown))
        lines.append("")
    if shown:
        lines.append("labels      " + ", ".join(f"{n} {displays.get(n, '')}".strip()
                                               for n in shown))
    if result.confusions:
        lines.append("most confused labels (characters, over all pairs)")
        lines += [f"  {x} ↔ {y}  {count}" for x, y, count in result.confusions]
    return lines


def _row(name: str, width: int, documents: int, scores, shown: list[str]) -> str:
    cells = "".join(f" {figure(scores.labels[n]) if n in scores.labels else '':>7}"
                    for n in shown)
    return f"{name:<{width}}{documents:>6} {figure(scores.overall):>8}{cells}"
