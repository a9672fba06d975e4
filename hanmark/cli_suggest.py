"""``hanmark suggest PROJECT``: run the suggesters headless, write JSONL, or store them.

The JSONL is doccano-style: ``label`` holds ``[start, end, LABEL]`` (code points,
end-exclusive) and ``suggestions`` the same spans with source, score and
attributes.  ``--apply`` stores them in the project as open suggestions, so a
corpus can be pre-annotated before a team starts.

The project also keeps what is slow to compute: jieba's part-of-speech tags
(entities) and the trained model, reused while no more documents are done
(``--retrain`` trains it again anyway).  So the project is opened for writing when
those suggesters run, unless the file is read-only.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

import orjson

from corpus.suggest.registry import KNOWN, NEEDS_TOKENIZER, make
from corpus.suggest.settings import GAZETTEER, rule_suggesters
from storage.connection import is_writable
from storage.project import Project

EXIT_OK = 0
CACHED = {"entities", "model"}  # suggesters whose slow part the project keeps


def add_suggest_parser(sub) -> None:
    parser = sub.add_parser("suggest", help="suggest metrics, slogans and entities (headless)")
    parser.add_argument("project", type=Path)
    parser.add_argument("--suggesters", default=",".join([*KNOWN, GAZETTEER]),
                        help=f"comma-separated, from: {', '.join([*KNOWN, GAZETTEER])}, model "
                             "(a CRF trained on the done documents); default: all but model")
    parser.add_argument("-o", "--output", type=Path, help="write suggestions as JSONL")
    parser.add_argument("--apply", action="store_true",
                        help="store them in the project as open suggestions")
    parser.add_argument("--retrain", action="store_true",
                        help="train the model again even if no document was done since the "
                             "model kept in the project was trained")


class ProjectEntities:
    """The entity suggester over the project's documents: jieba's tags come from the
    project's cache, and are cached there when computed."""

    name = "entities"

    def __init__(self, project: Project, tokenizer) -> None:
        self.project, self.tokenizer = project, tokenizer

    def suggest_document(self, document_id: int, text: str) -> list:
        from corpus.suggest.entities import from_pos

        return from_pos(text, self.project.pos_tags(document_id, self.tokenizer))


def build_suggesters(names: list[str], project: Project, retrain: bool = False) -> list:
    """The named suggesters, configured by the project's settings (dates as metrics, its
    slogan dictionary and gazetteer)."""
    unknown = set(names) - set(KNOWN) - {GAZETTEER, "model"}
    if unknown:
        raise SystemExit(f"hanmark: error: no suggester {min(unknown)!r}; available: "
                         f"{', '.join([*KNOWN, GAZETTEER, 'model'])}")
    settings = project.suggest_settings()
    settings.enabled = [n for n in names if n in ("metrics", "slogans", GAZETTEER)]
    entities = project.known_entities()
    suggesters = rule_suggesters(settings, project.known_slogans(), entities)
    if "slogans" in names:              # slogans quoted in any document echo in the others
        quoted = corpus_slogans(project, next(s for s in suggesters if s.name == "slogans"))
        suggesters = rule_suggesters(settings, [*project.known_slogans(), *sorted(quoted)],
                                     entities)
    if NEEDS_TOKENIZER & set(names):
        from corpus.text.tokenizer import Tokenizer
        from hanmark import paths

        tokenizer = Tokenizer(paths.cache_dir() / "jieba")
        suggesters += [ProjectEntities(project, tokenizer) if name == "entities"
                       else make(name, tokenizer) for name in names if name in NEEDS_TOKENIZER]
    if "model" in names:
        suggesters.append(project_model(project, retrain))
    return suggesters


def corpus_slogans(project: Project, slogans) -> set[str]:
    """The phrases the project's documents quote as slogans (SloganSuggester.echoing)."""
    found: set[str] = set()
    for document_id in project.document_ids():
        found |= slogans.echoing(project.text_of(document_id))
    return found


def _suggest(suggester, document_id: int, text: str) -> list:
    if hasattr(suggester, "suggest_document"):
        return suggester.suggest_document(document_id, text)
    return suggester.suggest(text)


def run_suggest(args: argparse.Namespace) -> int:
    names = [name.strip() for name in args.suggesters.split(",") if name.strip()]
    counts: Counter = Counter()
    stored = 0
    partial = args.output.with_name(f".{args.output.name}.partial") if args.output else None
    keep = bool(CACHED & set(names)) and args.project.exists() and is_writable(args.project)
    with Project.open(args.project, readonly=not (args.apply or keep)) as project:
        suggesters = build_suggesters(names, project, args.retrain)
        out = partial.open("wb") if partial else None
        try:
            for document_id in project.document_ids():
                text = project.text_of(document_id)
                found = sorted((s for g in suggesters for s in _suggest(g, document_id, text)),
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


def project_model(project: Project, retrain: bool = False):
    """The model the project keeps, while nothing new was done or rejected since it was
    trained; else a CRF trained on the spans of the done documents and on the
    suggestions rejected in the others (kept in the project unless it is read-only)."""
    from corpus.suggest.crf import CrfModel, train_with_held_out
    from hanmark import paths

    training_data = project.training_data()
    stored = project.stored_model()
    if stored is not None and stored.training_data == training_data and not retrain:
        print(f"model: the project's model of {stored.created_at[:16].replace('T', ' ')}, "
              f"trained on {stored.documents} done documents (--retrain to train it again)")
        return CrfModel(data=stored.data)
    examples = project.training_examples()
    model, f1 = train_with_held_out(examples, paths.cache_dir() / "crf", project.rejections())
    if model is None:
        raise SystemExit("hanmark: error: the model has nothing to learn from yet: "
                         "mark annotated documents done first")
    if not project.readonly:
        project.store_model(model.data, documents=len(examples), held_out_f1=f1,
                            training_data=training_data)
    score = "—" if f1 is None else f"{f1:.2f}"
    print(f"model: trained on {len(examples)} done documents, held-out F1 {score}")
    return model


def _record(document_id: int, text: str, found) -> dict:
    return {
        "id": document_id, "text": text,
        "label": [[s.start, s.end, s.label] for s in found],
        "suggestions": [{"start": s.start, "end": s.end, "label": s.label, "source": s.source,
                         "score": s.score, "attributes": s.attributes} for s in found],
        "meta": {"offset_unit": "codepoint"},
    }
