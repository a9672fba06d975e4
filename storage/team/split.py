"""``hanmark split``: one project file per annotator, each with that annotator's share of
the documents (balanced by characters) plus an overlap share given to several
annotators for agreement.

Each file is a new project that carries the scheme, the project's words, its settings
(suggesters, gazetteer, slogan dictionary), the token caches and the open or rejected
suggestions of its documents, with the documents under the same ids and content
hashes.  The annotator's own spans and statuses on those documents go with it, so a
second split never loses work; ``with_spans`` copies another layer into the
annotator's layer (pre-annotation) on the documents where they have none yet.
The file records its annotator (``project_info.annotator``), which the window uses.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from corpus.document import Status
from storage.errors import ProjectExists, RecordRejected
from storage.interchange.export_select import one_of
from storage.project import SUFFIX, Project

SAFE_NAME = re.compile(r"^[^\\/:*?\"<>|\x00-\x1f]+$")
CACHE_TABLES = ("tokens", "pos_tags")


@dataclass(frozen=True)
class SplitOptions:
    annotators: tuple[str, ...]
    overlap: float = 0.0
    copies: int | None = None          # None: every annotator
    seed: int = 0
    statuses: tuple[str, ...] = ()     # only documents every status of which is one of these
    with_spans: str | None = None
    force: bool = False


@dataclass
class Share:
    file: Path
    documents: list[int] = field(default_factory=list)
    characters: int = 0


@dataclass
class SplitReport:
    seed: int
    copies: int
    overlap: list[int]
    shares: dict[str, Share]

    def to_dict(self) -> dict:
        return {"seed": self.seed, "copies": self.copies,
                "documents": len({d for s in self.shares.values() for d in s.documents}),
                "overlap": self.overlap,
                "annotators": {name: {"file": str(s.file), "documents": s.documents,
                                      "characters": s.characters}
                               for name, s in self.shares.items()}}


def check_options(options: SplitOptions) -> None:
    names = options.annotators
    if not names or any(not n.strip() for n in names):
        raise RecordRejected("give the annotators as names separated by commas")
    if len(set(names)) != len(names):
        raise RecordRejected("an annotator is named twice")
    bad = [n for n in names if not SAFE_NAME.match(n) or n in (".", "..")]
    if bad:
        raise RecordRejected(f"{bad[0]!r} cannot be a file name; use letters, digits or Chinese")
    if not 0 <= options.overlap <= 1:
        raise RecordRejected("--overlap is a fraction from 0 to 1")
    if options.copies is not None and not 1 <= options.copies <= len(names):
        raise RecordRejected(f"--copies must be between 1 and {len(names)}")
    known = {s.value for s in Status}
    unknown = [s for s in options.statuses if s not in known]
    if unknown:
        raise RecordRejected(f"unknown status {unknown[0]!r} (known: {', '.join(sorted(known))})")


def assign(lengths: dict[int, int], options: SplitOptions) -> tuple[list[int], dict[str, list]]:
    """Which documents go to whom: reproducible from the seed, balanced by characters."""
    rng = random.Random(options.seed)
    order = sorted(lengths)
    rng.shuffle(order)
    overlap = sorted(order[:round(options.overlap * len(order))])
    rest = order[len(overlap):]
    copies = options.copies or len(options.annotators)
    load = {name: 0 for name in options.annotators}
    out: dict[str, list[int]] = {name: [] for name in options.annotators}
    rank = {doc: i for i, doc in enumerate(order)}
    for group, n in ((overlap, copies), (rest, 1)):
        for doc in sorted(group, key=lambda d: (-lengths[d], rank[d])):
            for name in sorted(load, key=lambda a: (load[a], options.annotators.index(a)))[:n]:
                out[name].append(doc)
                load[name] += lengths[doc]
    return overlap, {name: sorted(docs) for name, docs in out.items()}


def split_project(source: Project, folder: Path, options: SplitOptions) -> SplitReport:
    check_options(options)
    lengths = _candidates(source, options.statuses)
    overlap, assignment = assign(lengths, options)
    targets = {name: folder / f"{name}{SUFFIX}" for name in options.annotators}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not options.force:
        raise ProjectExists(existing[0], "use --force to replace it")
    folder.mkdir(parents=True, exist_ok=True)
    shares = {}
    for name, docs in assignment.items():
        _write_file(source, targets[name], name, docs, options)
        shares[name] = Share(targets[name], docs, sum(lengths[d] for d in docs))
    return SplitReport(options.seed, options.copies or len(options.annotators), overlap, shares)


def _candidates(source: Project, statuses: tuple[str, ...]) -> dict[int, int]:
    lengths = dict(source.db.execute("SELECT id, length FROM documents").fetchall())
    if not statuses:
        return lengths
    by_document = source.statuses_by_document()
    wanted = set(statuses)
    return {d: n for d, n in lengths.items()
            if {s for a, s in by_document.get(d, {}).items() if a != "gold"} <= wanted
            and (Status.TODO.value in wanted or by_document.get(d))}


def _write_file(source: Project, path: Path, annotator: str, docs: list[int],
                options: SplitOptions) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    partial = path.with_name(path.name + ".split-partial")
    partial.unlink(missing_ok=True)
    with Project.create(partial) as target:
        _fill(target, source, annotator, docs, options)
    partial.replace(path)


def _fill(target: Project, source: Project, annotator: str, docs: list[int],
          options: SplitOptions) -> None:
    db = target.db
    db.execute("ATTACH DATABASE ? AS src", [f"file:{source.path.resolve()}?mode=ro"])
    [chosen], [ids] = one_of("document_id", docs)
    [documents], _ = one_of("id", docs)
    with target.action():
        db.execute("DELETE FROM labels")
        _copy(db, "labels")
        if _has(db, "relation_types"):
            db.execute("DELETE FROM main.relation_types")
            _copy(db, "relation_types")
        _copy(db, "project_info", "key NOT IN ('schema_version')", replace=True)
        db.execute("INSERT OR REPLACE INTO project_info (key, value) VALUES ('annotator', ?)",
                   [annotator])
        _copy(db, "user_words")
        _copy(db, "documents", documents, [ids])
        for table in CACHE_TABLES:
            _copy(db, table, chosen, [ids])
        _copy(db, "suggestions", f"state != 'accepted' AND {chosen}", [ids])
        _copy(db, "document_status", f"annotator = ? AND {chosen}", [annotator, ids])
        _copy(db, "spans", f"annotator = ? AND {chosen}", [annotator, ids])
        if _has(db, "relations"):
            _copy(db, "relations", f"annotator = ? AND {chosen}", [annotator, ids])
        if options.with_spans and options.with_spans != annotator:
            _pre_annotate(db, annotator, options.with_spans, chosen, ids)
    db.execute("DETACH DATABASE src")


def _pre_annotate(db, annotator: str, layer: str, chosen: str, ids: str) -> None:
    """Copy ``layer``'s spans into the annotator's layer where they have none (fresh uids)."""
    columns = [c for c in _columns(db, "spans") if c not in ("id", "uid", "annotator")]
    names = ", ".join(f'"{c}"' for c in columns)
    fresh = [row[0] for row in db.execute(
        f"SELECT DISTINCT document_id FROM src.spans WHERE annotator = ? AND {chosen} AND "
        "document_id NOT IN (SELECT document_id FROM main.spans WHERE annotator = ?)",
        [layer, ids, annotator])]
    db.execute(
        f"INSERT INTO main.spans ({names}, annotator) SELECT {names}, ? FROM src.spans "
        f"WHERE annotator = ? AND {chosen} "
        "AND document_id NOT IN (SELECT document_id FROM main.spans WHERE annotator = ?)",
        [annotator, layer, ids, annotator])
    _pre_annotate_relations(db, annotator, layer, chosen, orjson.dumps(fresh).decode())


def _pre_annotate_relations(db, annotator: str, layer: str, chosen: str, ids: str) -> None:
    """``layer``'s relations between the spans just copied into the documents ``ids``
    (matched by document, range and label), into the annotator's layer."""
    if not _has(db, "relations"):
        return
    end = ("(SELECT m.id FROM main.spans m JOIN src.spans o ON o.document_id = m.document_id "
           'AND o.start = m.start AND o."end" = m."end" AND o.label_id = m.label_id '
           "WHERE o.id = r.{column} AND m.annotator = ?)")
    db.execute(
        "INSERT INTO main.relations (document_id, from_span_id, to_span_id, type, annotator, "
        f"note, attributes) SELECT * FROM (SELECT r.document_id, {end.format(column='from_span_id')}"
        f" AS a, {end.format(column='to_span_id')} AS b, r.type, ?, r.note, r.attributes "
        f"FROM src.relations r WHERE r.annotator = ? AND r.{chosen}) WHERE a IS NOT NULL "
        "AND b IS NOT NULL", [annotator, annotator, annotator, layer, ids])


def _has(db, table: str) -> bool:
    """Whether the source file has ``table`` (an older project opened read-only may not)."""
    return db.execute("SELECT 1 FROM src.sqlite_master WHERE name = ?", [table]).fetchone() \
        is not None


def _columns(db, table: str) -> list[str]:
    main = [row[1] for row in db.execute(f"PRAGMA main.table_info({table})")]
    src = {row[1] for row in db.execute(f"PRAGMA src.table_info({table})")}
    return [c for c in main if c in src]


def _copy(db, table: str, where: str = "1", params: list | None = None,
          replace: bool = False) -> None:
    names = ", ".join(f'"{c}"' for c in _columns(db, table))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    db.execute(f"{verb} INTO main.{table} ({names}) SELECT {names} FROM src.{table} "
               f"WHERE {where}", params or [])
