"""The model in the loop: a CRF over character features (python-crfsuite), trained on
the project's done documents; its predictions are scored suggestions.

Features per character: the character, its neighbours within two, bigrams around
it, its kind (CJK, digit, Latin, punctuation), and where it sits in its jieba
word when word ends are given.  Tags are BIO over the project's labels.

A rejected suggestion in a document that is not done is a negative example: the
characters it covered, tagged O (or as the spans the annotator put there instead),
with their features computed in their own context.  Only those characters are
trained on, not the rest of the unfinished document, whose unmarked text may
still hold what nobody has labelled yet.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import NamedTuple

from corpus.suggest.model import Suggestion

SOURCE = "model"
MIN_SCORE = 0.5


def _kind(char: str) -> str:
    if char.isdigit():
        return "D"
    if "\u4e00" <= char <= "\u9fff":
        return "C"
    if char.isascii() and char.isalpha():
        return "L"
    return "P" if not char.isspace() else "S"


def features(text: str, ends: list[int] | None = None) -> list[list[str]]:
    """One feature list per character."""
    word_position = _word_positions(len(text), ends) if ends else None
    padded = "\x02\x02" + text + "\x03\x03"
    out = []
    for i, char in enumerate(text):
        p = i + 2
        row = [f"c={char}", f"k={_kind(char)}", f"c-1={padded[p - 1]}", f"c+1={padded[p + 1]}",
               f"c-2={padded[p - 2]}", f"c+2={padded[p + 2]}",
               f"b-1={padded[p - 1:p + 1]}", f"b+1={padded[p:p + 2]}",
               f"k-1={_kind(padded[p - 1])}{_kind(char)}{_kind(padded[p + 1])}"]
        if word_position:
            row.append(f"w={word_position[i]}")
        out.append(row)
    return out


def _word_positions(length: int, ends: list[int]) -> list[str]:
    positions, start = ["S"] * length, 0
    for end in ends:
        if end - start > 1:
            positions[start] = "B"
            for j in range(start + 1, end - 1):
                positions[j] = "M"
            positions[end - 1] = "E"
        start = end
    return positions


def bio(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags; where spans overlap the longer one wins (a flat tagger)."""
    tags = ["O"] * length
    for start, end, label in sorted(spans, key=lambda s: s[0] - s[1]):
        if all(t == "O" for t in tags[start:end]):
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
    return tags


class Rejection(NamedTuple):
    """A suggestion the annotator rejected at ``[start, end)`` of ``text``, a document
    that is not done; ``spans`` are the document's spans (what it does hold)."""

    text: str
    start: int
    end: int
    spans: list[tuple[int, int, str]]


def rejection_sequence(rejection: Rejection) -> tuple[list[list[str]], list[str]]:
    """Features and tags of the rejected characters: O, except where a span overlaps
    the range, which is then widened to take in that span whole, with its tags."""
    text, start, end, spans = rejection
    widened = True
    while widened:
        widened = False
        for s, e, _label in spans:
            if s < end and e > start and (s < start or e > end):
                start, end, widened = min(start, s), max(end, e), True
    inside = [(s - start, e - start, label) for s, e, label in spans if s >= start and e <= end]
    left, right = max(0, start - 2), min(len(text), end + 2)  # features look two characters out
    rows = features(text[left:right])[start - left:end - left]
    return rows, bio(end - start, inside)


class CrfModel:
    """Train on (text, spans) examples; suggest on new texts.  The trained model is
    ``data``, the bytes of crfsuite's model file, which a project keeps."""

    name = SOURCE

    def __init__(self, folder: Path | None = None, data: bytes | None = None) -> None:
        self.folder = Path(folder) if folder else None  # where training writes its file
        self.data = data
        self._tagger = None

    def train(self, examples: list[tuple[str, list[tuple[int, int, str]]]],
              iterations: int = 60, rejections: list[Rejection] = ()) -> bool:
        """False when there is nothing to learn from (no spans at all)."""
        import pycrfsuite

        if not any(spans for _text, spans in examples):
            return False
        trainer = pycrfsuite.Trainer(verbose=False)
        for text, spans in examples:
            trainer.append(features(text), bio(len(text), spans))
        for rejection in rejections:
            trainer.append(*rejection_sequence(rejection))
        trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations,
                            "feature.possible_transitions": True})
        with tempfile.TemporaryDirectory(prefix="hanmark-crf-", dir=self._folder()) as folder:
            path = Path(folder) / "model.crfsuite"
            trainer.train(str(path))
            self.data = path.read_bytes()
        self._tagger = None
        return True

    def _folder(self) -> str | None:
        if self.folder is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        return str(self.folder)

    def _load(self):
        import pycrfsuite

        if self._tagger is None:
            self._tagger = pycrfsuite.Tagger()
            self._tagger.open_inmemory(self.data)
        return self._tagger

    def suggest(self, text: str) -> list[Suggestion]:
        if self.data is None or not text:
            return []
        tagger = self._load()
        tags = tagger.tag(features(text))
        out, i = [], 0
        while i < len(tags):
            if tags[i].startswith("B-"):
                label, j = tags[i][2:], i + 1
                while j < len(tags) and tags[j] == f"I-{label}":
                    j += 1
                score = min(tagger.marginal(tags[k], k) for k in range(i, j))
                if score >= MIN_SCORE:
                    out.append(Suggestion(i, j, label, SOURCE, text[i:j], round(score, 3)))
                i = j
            else:
                i += 1
        return out


def f1(gold: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of exact (start, end, label) matches."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def train_with_held_out(examples: list[tuple[str, list[tuple[int, int, str]]]],
                        folder: Path, rejections: list[Rejection] = ()
                        ) -> tuple[CrfModel | None, float | None]:
    """Train on every fifth document held out and measure F1 on those, then train the
    model that is used on all of them.  (None, None) when there is nothing to learn.
    The rejections (from documents not done, so never held out) join both trainings."""
    held_out_f1 = None
    if len(examples) >= 2:
        held = examples[::5] if len(examples) >= 5 else examples[-1:]
        rest = [e for e in examples if e not in held]
        trial = CrfModel(folder / "trial")
        if trial.train(rest, rejections=rejections):
            gold = {(i, s, e, label) for i, (_t, spans) in enumerate(held)
                    for s, e, label in spans}
            found = {(i, s.start, s.end, s.label) for i, (text, _spans) in enumerate(held)
                     for s in trial.suggest(text)}
            held_out_f1 = f1(gold, found)[2]
    model = CrfModel(folder / "model")
    trained = model.train(examples, rejections=rejections)
    return (model, held_out_f1) if trained else (None, None)
