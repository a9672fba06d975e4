"""``hanmark export PROJECT -o OUT [--format F]``: training data and interchange files.

Filters (status, annotator, labels, documents), a deterministic train/dev/test
split, the overlap policy of flat formats and each format's options.  Prints
what was written, the spans an overlap policy left out and, for word-level
BIO, the spans not on token bounds.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from corpus import formats
from corpus.document import Status
from corpus.formats.model import WriteOptions
from corpus.formats.overlap import POLICIES
from storage.interchange.export import ExportOptions, ExportResult, export
from storage.interchange.export_select import Selection, parse_split

EXIT_OK = 0
SHOWN = 5


class ExportUsage(ValueError):
    """A bad option value; reported in one line."""


def add_export_parser(sub) -> None:
    parser = sub.add_parser("export", help="export documents and spans (doccano, labelstudio, "
                                           "cluener, conll, wordbio, hf, spacy, brat)")
    parser.add_argument("project", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="file to write (a folder for brat)")
    parser.add_argument("--format", choices=list(formats.FORMATS), default="doccano")
    parser.add_argument("--tags", choices=("bio", "bioes", "bmes"), default="bio",
                        help="tag scheme of conll, wordbio and hf (default bio)")
    parser.add_argument("--sentences", action="store_true",
                        help="conll: a blank line after 。！？")
    parser.add_argument("--offsets", choices=("codepoint", "utf16"), default="codepoint",
                        help="doccano offset unit (utf16 for doccano itself)")
    parser.add_argument("--entities", action="store_true",
                        help="doccano: the entities/relations form of doccano's relation "
                             "projects instead of label")
    parser.add_argument("--status", help="only documents with these statuses "
                                         f"({', '.join(s.value for s in Status)}), comma-separated")
    parser.add_argument("--annotator", action="append", default=[],
                        help="only spans (and statuses) of this annotator; repeatable")
    parser.add_argument("--labels", help="only spans with these labels, comma-separated")
    parser.add_argument("--documents", help="only these document ids: 1,4,10-20")
    parser.add_argument("--split", help="train/dev/test ratios by document, e.g. 8/1/1")
    parser.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    parser.add_argument("--overlap", choices=POLICIES, default="longest",
                        help="flat formats: keep the longest span, the label listed first "
                             "in the scheme, or fail with a conflict report")
    parser.add_argument("--unaligned", choices=("expand", "skip"), default="expand",
                        help="wordbio: spans not on token bounds grow to them, or are left out")
    parser.add_argument("--predictions", action="store_true",
                        help="labelstudio: write pre-annotations (predictions)")
    parser.add_argument("--as-predictions", action="store_true",
                        help="labelstudio: the project's open suggestions (hanmark suggest "
                             "--apply) as predictions, for pre-annotating a Label Studio project")
    parser.add_argument("--no-metadata", action="store_true",
                        help="leave out title, source, metadata and statuses")
    parser.add_argument("--no-attributes", action="store_true",
                        help="leave out span attributes and notes and the documents' notes")


def export_options(args: argparse.Namespace, tokens=None) -> ExportOptions:
    try:
        selection = Selection(statuses=_statuses(args.status), annotators=tuple(args.annotator),
                              labels=parse_names(args.labels), documents=parse_ids(args.documents),
                              suggestions=args.as_predictions)
        ratios = parse_split(args.split) if args.split else None
    except ValueError as error:
        raise ExportUsage(str(error)) from None
    write = WriteOptions(tags=args.tags, offsets=args.offsets, entities=args.entities,
                         sentences=args.sentences,
                         metadata=not args.no_metadata, attributes=not args.no_attributes,
                         predictions=args.predictions or args.as_predictions,
                         tokens=tokens, unaligned=args.unaligned)
    return ExportOptions(format=args.format, write=write, selection=selection, split=ratios,
                         seed=args.seed, overlap=args.overlap)


def parse_names(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(",") if p.strip())


def _statuses(text: str | None) -> tuple[str, ...]:
    names = parse_names(text)
    known = {s.value for s in Status}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown status {unknown[0]!r} (known: {', '.join(sorted(known))})")
    return names


def parse_ids(text: str | None) -> tuple[int, ...]:
    out: list[int] = []
    for part in parse_names(text):
        first, _, last = part.partition("-")
        try:
            out += range(int(first), int(last or first) + 1)
        except ValueError:
            raise ValueError(f"--documents {part!r}: expected ids like 1,4,10-20") from None
    return tuple(out)


def run_export(args: argparse.Namespace) -> int:
    if args.output.resolve() == args.project.resolve():
        raise ExportUsage("the output file would overwrite the project")
    tokens = _tokenizer() if args.format == "wordbio" else None
    result = export(args.project, args.output, export_options(args, tokens),
                    progress=_progress, cancel=threading.Event())
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print_result(result)
    return EXIT_OK


def _tokenizer():
    from corpus.text.tokenizer import Tokenizer
    from hanmark import paths

    return Tokenizer(paths.cache_dir() / "jieba").tokens


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rexporting {done}/{total}", end="", file=sys.stderr, flush=True)


def print_result(result: ExportResult) -> None:
    where = result.files[0] if len(result.files) == 1 else result.path.parent
    relations = f", {result.relations} relations" if result.relations else ""
    print(f"exported {result.documents} documents, {result.spans} spans{relations} to {where}")
    if len(result.files) > 1:
        for path in result.files:
            print(f"  wrote {path}")
    if result.splits:
        print("split      " + ", ".join(f"{k} {v}" for k, v in result.splits.items()))
    if result.conflict_count:
        print(f"overlap    {result.conflict_count} overlapping spans left out, e.g.:")
        for line in result.conflicts[:SHOWN]:
            print(f"  {line}")
    report = result.report
    if report.get("relations_left_out"):
        print(f"relations  {report['relations_left_out']} left out: a span they link is "
              "not exported")
    if report.get("relations_need_entities"):
        print(f"relations  {report['relations_need_entities']} not written: doccano's label "
              "form has no relations (--entities writes them)")
    if report.get("unaligned"):
        print(f"unaligned  {report['unaligned']} spans not on token bounds "
              f"({report['unaligned_policy']}), e.g.:")
        for line in report.get("unaligned_examples", [])[:SHOWN]:
            print(f"  {line}")
