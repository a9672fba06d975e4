"""``hanmark suggest PROJECT``: run the suggesters headless, write JSONL, or store them.

The JSONL is doccano-style: ``label`` holds ``[start, end, LABEL]`` (code points,
end-exclusive) and ``suggestions`` the same spans with source, score and
attributes.  ``--apply`` stores them in the project as open suggestions, so a
corpus can be pre-annotated before a team starts.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

import orjson

from corpus.suggest.registry import KNOWN, NEEDS_TOKENIZER, make
from corpus.suggest.settings import GAZETTEER, rule_suggesters
from storage.project import Project

EXIT_OK = 0


def add_suggest_parser(sub) -> None:
    parser = sub.add_parser("suggest", help="suggest metrics, slogans and entities (headless)")
    parser.add_argument("project", type=Path)
    parser.add_argument("--suggesters", default=",".join([*KNOWN, GAZETTEER]),
                        help=f"comma-separated, from: {', '.join([*KNOWN, GAZETTEER])}, model "
                             "(a CRF trained on the done documents); default: all but model")
    parser.add_argument("-o", "--output", type=Path, help="write suggestions as JSONL")
    parser.add_argument("--apply", action="store_true",
                        help="store them in the project as open suggestions")


def build_suggesters(names: list[str], project: Project) -> list:
    """The named suggesters, configured by the project's settings (dates as metrics, its
    slogan dictionary and gazetteer)."""
    unknown = set(names) - set(KNOWN) - {GAZETTEER, "model"}
    if unknown:
        raise SystemExit(f"hanmark: error: no suggester {min(unknown)!r}; available: "
                         f"{', '.join([*KNOWN, GAZETTEER, 'model'])}")
    settings = project.suggest_settings()
    settings.enabled = [n for n in names if n in ("metrics", "slogans", GAZETTEER)]
    suggesters = rule_suggesters(settings)
    if NEEDS_TOKENIZER & set(names):
        from corpus.tokenizer import Tokenizer
        from hanmark import paths

        tokenizer = Tokenizer(paths.cache_dir() / "jieba")
        suggesters += [make(name, tokenizer) for name in names if name in NEEDS_TOKENIZER]
    if "model" in names:
        suggesters.append(trained_model(project))
    return suggesters


def run_suggest(args: argparse.Namespace) -> int:
    names = [name.strip() for name in args.suggesters.split(",") if name.strip()]
    counts: Counter = Counter()
    stored = 0
    partial = args.output.with_name(f".{args.output.name}.partial") if args.output else None
    with Project.open(args.project, readonly=not args.apply) as project:
        suggesters = build_suggesters(names, project)
        out = partial.open("wb") if partial else None
        try:
            for document_id in project.document_ids():
                text = project.text_of(document_id)
                found = sorted((s for g in suggesters for s in g.suggest(text)),
                               key=lambda s: (s.start, s.end, s.label))
                counts.update(s.source for s in found)
                if out is not None:
                    out.write(orjson.dumps(_record(document_id, text, found)) + b"\n")
                if args.apply:
                    stored += project.store_suggestions(document_id, found)
        except BaseException:
            if out is not None:
                out.close()
                partial.unlink(missing_ok=True)  # nothing half-written
            raise
        if out is not None:
            out.close()
            os.replace(partial, args.output)
    for suggester in suggesters:
        print(f"{suggester.name}: {counts[suggester.name]} suggestions")
    if args.output:
        print(f"wrote {args.output}")
    if args.apply:
        print(f"stored {stored} new suggestions in {args.project}")
    return EXIT_OK


def trained_model(project: Project):
    """A CRF trained on the spans of the project's done documents and on the suggestions
    rejected in the others."""
    from corpus.suggest.crf import CrfModel
    from hanmark import paths

    examples = project.training_examples()
    model = CrfModel(paths.cache_dir() / "crf")
    if not model.train(examples, rejections=project.rejections()):
        raise SystemExit("hanmark: error: the model has nothing to learn from yet: "
                         "mark annotated documents done first")
    print(f"model: trained on {len(examples)} done documents")
    return model


def _record(document_id: int, text: str, found) -> dict:
    return {
        "id": document_id, "text": text,
        "label": [[s.start, s.end, s.label] for s in found],
        "suggestions": [{"start": s.start, "end": s.end, "label": s.label, "source": s.source,
                         "score": s.score, "attributes": s.attributes} for s in found],
        "meta": {"offset_unit": "codepoint"},
    }
