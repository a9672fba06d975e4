"""``hanmark split`` and ``hanmark merge``: hand out per-annotator project files and bring
their layers back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storage.errors import ProjectError
from storage.project import Project
from storage.team.merge import MergeOptions, merge_file
from storage.team.split import SplitOptions, split_project

EXIT_OK, EXIT_FAILED = 0, 1


def add_team_parsers(sub) -> None:
    split = sub.add_parser("split", help="one project file per annotator, with an overlap "
                                         "for agreement")
    split.add_argument("project", type=Path)
    split.add_argument("-o", "--output", type=Path, required=True, help="folder for the files")
    split.add_argument("--annotators", required=True, help="names, comma-separated")
    split.add_argument("--overlap", type=float, default=0.0,
                       help="fraction of the documents given to several annotators (0–1)")
    split.add_argument("--copies", type=int, help="annotators per overlap document "
                                                  "(default: all)")
    split.add_argument("--seed", type=int, default=0, help="seed of the assignment")
    split.add_argument("--status", help="only documents whose every status is one of these "
                                        "(todo,in_progress,done,skipped)")
    split.add_argument("--with-spans", metavar="NAME",
                       help="copy NAME's layer into each annotator's (pre-annotation)")
    split.add_argument("--force", action="store_true", help="replace existing files")
    split.add_argument("--json", action="store_true", help="print the assignment as JSON")
    merge = sub.add_parser("merge", help="bring annotators' layers back from their files")
    merge.add_argument("project", type=Path)
    merge.add_argument("files", type=Path, nargs="+")
    merge.add_argument("--add-documents", action="store_true",
                       help="add documents the project lacks (default: report them)")
    merge.add_argument("--no-new-labels", action="store_true",
                       help="report labels the project lacks instead of adding them")
    merge.add_argument("--json", action="store_true", help="print the report as JSON")


def run_split(args: argparse.Namespace) -> int:
    options = SplitOptions(
        annotators=tuple(n.strip() for n in args.annotators.split(",")), overlap=args.overlap,
        copies=args.copies, seed=args.seed, with_spans=args.with_spans, force=args.force,
        statuses=tuple(s.strip() for s in args.status.split(",")) if args.status else ())
    with Project.open(args.project, readonly=True) as source:
        report = split_project(source, args.output, options)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    data = report.to_dict()
    print(f"split {data['documents']} documents for {len(report.shares)} annotators "
          f"(seed {report.seed}; overlap {len(report.overlap)} documents, each to "
          f"{report.copies} annotators)")
    for name, share in report.shares.items():
        print(f"  {name:<12} {len(share.documents):>6} documents {share.characters:>10} "
              f"characters  → {share.file}")
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    options = MergeOptions(add_documents=args.add_documents, add_labels=not args.no_new_labels)
    reports, failed = [], []
    with Project.open(args.project) as project:
        for path in args.files:
            try:
                reports.append(merge_file(project, path, options).to_dict())
            except ProjectError as error:
                failed.append({"file": str(path), "reason": f"{error.message}. {error.hint}"})
    if args.json:
        print(json.dumps({"files": reports, "failed": failed}, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_merge(report)
        for item in failed:
            print(f"failed  {item['file']}: {item['reason']}")
        print(f"merged {len(reports)} files, failed {len(failed)}")
    return EXIT_FAILED if failed else EXIT_OK


def _print_merge(r: dict) -> None:
    print(f"merged  {r['file']}: {', '.join(r['annotators']) or 'no annotator'}; "
          f"{r['documents_matched']} documents matched"
          + (f", {r['documents_added']} added" if r["documents_added"] else "")
          + f"; spans +{r['spans_added']} ~{r['spans_changed']} -{r['spans_removed']}; "
          + (f"relations +{r['relations_added']} ~{r['relations_changed']} "
             f"-{r['relations_removed']}; "
             if r["relations_added"] or r["relations_changed"] or r["relations_removed"]
             else "")
          + f"{r['statuses_updated']} statuses updated")
    if r["labels_added"]:
        print(f"        labels added: {', '.join(r['labels_added'])}")
    if r["relation_types_added"]:
        print(f"        relation types added: {', '.join(r['relation_types_added'])}")
    if r.get("documents_filled") or r.get("documents_differing"):
        print(f"        document details: {r['documents_filled']} filled in from the file; "
              f"{len(r['documents_differing'])} differ, the project's kept")
    if r["documents_missing"]:
        shown = ", ".join(f"#{d['id']} {d['title']}" for d in r["documents_missing"][:5])
        more = len(r["documents_missing"]) - 5
        print(f"        {len(r['documents_missing'])} documents not in the project "
              f"(--add-documents adds them): {shown}" + (f" … {more} more" if more > 0 else ""))
    for problem in r["problems"]:
        print(f"        problem: {problem}")
