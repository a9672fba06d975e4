"""What agreement compares, read from a project: the chosen annotators' layers, the
candidate documents and which annotator covers which document.

One query per table.  Spans come back as two packed integers per row, read straight
into numpy (a row of five Python values per span costs several times as much).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from corpus.document import Status
from corpus.team.adjudication import GOLD  # compared only when asked for by name
from corpus.team.agreement import AgreementError, AgreementInput, Layer
from storage.project import Project

_END = 1 << 32  # a span's end is below this (documents are far shorter)


@dataclass(frozen=True)
class AgreementRequest:
    annotators: tuple[str, ...] = ()   # empty: every annotator but gold
    labels: tuple[str, ...] = ()       # empty: the whole scheme
    documents: tuple[int, ...] = ()    # empty: every document
    all_documents: bool = False        # every annotator covers every document


def read_input(project: Project, request: AgreementRequest) -> AgreementInput:
    annotators = _annotators(project, request.annotators)
    labels = _labels(project, request.labels)
    ids, lengths = _documents(project, request.documents)
    covered = _covered(project, annotators, ids, request.all_documents)
    layers = _layers(project, annotators, labels, ids)
    return AgreementInput(annotators=annotators, labels=[name for name, _ in labels],
                          document_ids=ids, lengths=lengths, covered=covered, layers=layers)


def _annotators(project: Project, wanted: tuple[str, ...]) -> list[str]:
    known = project.annotators()
    if not wanted:
        chosen = [name for name in known if name != GOLD]
        if len(chosen) < 2:
            found = ", ".join(chosen) or "none"
            raise AgreementError(f"agreement needs at least two annotators; this project has "
                                 f"{len(chosen)} ({found})", "annotators")
        return chosen
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise AgreementError(f"unknown annotator {unknown[0]!r} (this project has: "
                             f"{', '.join(known) or 'none'})", "unknown_annotator")
    chosen = list(dict.fromkeys(wanted))
    if len(chosen) < 2:
        raise AgreementError("agreement needs at least two annotators; name two or more",
                             "annotators")
    return chosen


def _labels(project: Project, wanted: tuple[str, ...]) -> list[tuple[str, int]]:
    scheme = [(label.name, label.id) for label in project.scheme()]
    unknown = [name for name in wanted if name not in {n for n, _ in scheme}]
    if unknown:
        raise AgreementError(f"unknown label {unknown[0]!r} (the scheme has: "
                             f"{', '.join(n for n, _ in scheme)})", "unknown_label")
    return [item for item in scheme if not wanted or item[0] in wanted]


def _documents(project: Project, wanted: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    rows = np.array(project.db.execute("SELECT id, length FROM documents ORDER BY id")
                    .fetchall(), dtype=np.int64).reshape(-1, 2)
    if wanted:
        rows = rows[np.isin(rows[:, 0], np.array(wanted, dtype=np.int64))]
        if not len(rows):
            raise AgreementError("none of the documents given by --documents is in the project",
                                 "no_documents")
    return rows[:, 0].copy(), rows[:, 1].copy()


def _covered(project: Project, annotators: list[str], ids: np.ndarray,
             all_documents: bool) -> np.ndarray:
    covered = np.zeros((len(ids), len(annotators)), dtype=bool)
    if all_documents:
        covered[:] = True
        return covered
    index = {name: i for i, name in enumerate(annotators)}
    rows = project.db.execute("SELECT document_id, annotator FROM document_status "
                              "WHERE status = ?", [Status.DONE.value])
    for document_id, annotator in rows:
        position = np.searchsorted(ids, document_id)
        if annotator in index and position < len(ids) and ids[position] == document_id:
            covered[position, index[annotator]] = True
    return covered


def _layers(project: Project, annotators: list[str], labels: list[tuple[str, int]],
            ids: np.ndarray) -> list[Layer]:
    label_index = np.full(max([i for _, i in labels], default=0) + 1, -1, dtype=np.int64)
    for position, (_, label_id) in enumerate(labels):
        label_index[label_id] = position
    packed = _read_packed(project, annotators, len(label_index))
    width, people = len(label_index), len(annotators)
    first, second = packed[0::2], packed[1::2]
    who = first % people
    label = label_index[np.minimum(first // people % width, width - 1)]
    document = first // (people * width)
    position = np.searchsorted(ids, document)
    keep = (label >= 0) & (position < len(ids))
    keep[keep] = ids[position[keep]] == document[keep]
    starts, ends = second // _END, second % _END
    return [Layer(documents=position[keep & (who == i)], starts=starts[keep & (who == i)],
                  ends=ends[keep & (who == i)], labels=label[keep & (who == i)])
            for i in range(people)]


def _read_packed(project: Project, annotators: list[str], width: int) -> np.ndarray:
    """Per span: ((document id × width + label id) × annotators + annotator index),
    start × 2³² + end."""
    people = len(annotators)
    largest = project.db.execute("SELECT coalesce(max(document_id), 0) FROM spans").fetchone()[0]
    if (largest + 1) * width * people >= 1 << 62:
        raise AgreementError("document or label ids too large to compare", "too_large")
    case = " ".join(f"WHEN ? THEN {i}" for i in range(people))
    rows = project.db.execute(
        f"SELECT (document_id * {width} + label_id) * {people} + CASE annotator {case} END, "
        f'start * {_END} + "end" FROM spans WHERE annotator IN ({", ".join("?" * people)}) '
        f"AND label_id < {width}", [*annotators, *annotators])
    return np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)
