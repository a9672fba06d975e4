"""Likely misses (``missed``): a string an annotator labelled somewhere, left unlabelled
at another place in the documents that annotator covers.

Not a miss: a place inside or overlapping a span of that layer (平原县 inside the ORG
平原县委 span), and a place that is not a whole run of tokens (德州 inside the word 德州市,
11710 inside 117105): only a place whose start and end are token boundaries counts.  The
fix labels the place with the label the layer gives the string most often.

Each layer's labelled strings are found in one pass over each document it covers: one
regular expression of all of them, shaped as a trie (so matching costs what the text
costs, not what the number of strings costs), scanned the way corpus/suggest/metrics.py
scans (consume one possible first character, then look ahead from it), over the text
with the layer's spans blanked out, so that only unlabelled places are ever matched.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from corpus.checks.labels import majority
from corpus.checks.model import CheckDocument, Finding, Fix
from corpus.checks.tokens import DocumentTokens

MISSED = "missed"
MIN_LENGTH, MAX_LENGTH = 2, 40      # a single character or a long passage is no term


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _pattern(node: dict) -> str:
    alternatives = [re.escape(char) + _pattern(child)
                    for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if "" in node else body


def scanner(words: Iterable[str]) -> re.Pattern | None:
    """A pattern whose group ``m`` is the longest of ``words`` starting at each place."""
    trie = _trie(words)
    if not trie:
        return None
    first = "".join(re.escape(char) for char in sorted(trie))
    return re.compile(rf"[{first}](?<=(?=(?P<m>{_pattern(trie)})).)", re.S)


_DAMAGE = re.compile("[\ufffd\ue000-\uf8ff]")


def is_term(text: str) -> bool:
    """A string worth looking for: 2–40 characters, no white space at its edges, some
    letter or digit, no damage marker (damaged text is no term)."""
    return MIN_LENGTH <= len(text) <= MAX_LENGTH and text.strip() == text and any(
        char.isalnum() for char in text) and not _DAMAGE.search(text)


class Layer:
    """One annotator's labelled strings and how often each label was given."""

    def __init__(self) -> None:
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.documents: dict[str, set[int]] = defaultdict(set)


def layers_of(documents: Iterable[CheckDocument]) -> dict[str, Layer]:
    layers: dict[str, Layer] = defaultdict(Layer)
    terms: dict[str, bool] = {}
    for document in documents:
        for mark in document.marks:
            term = terms.get(mark.text)
            if term is None:
                term = terms[mark.text] = is_term(mark.text)
            if term:
                layer = layers[mark.annotator]
                layer.labels[mark.text][mark.label] += 1
                layer.documents[mark.text].add(document.id)
    return layers


def miss_findings(documents: list[CheckDocument],
                  tokens_for: Callable[[CheckDocument], DocumentTokens],
                  layers: dict[str, Layer] | None = None) -> list[Finding]:
    layers = layers_of(documents) if layers is None else layers
    scanners = {annotator: scanner(layer.labels) for annotator, layer in layers.items()}
    places: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for document in documents:
        for annotator in sorted(document.covered_by):
            pattern = scanners.get(annotator)
            if pattern is not None:
                _scan(document, annotator, pattern, tokens_for, places)
    return [_finding(annotator, text, document, start, layers[annotator], len(found))
            for (annotator, text), found in places.items() for document, start in found]


def _scan(document: CheckDocument, annotator: str, pattern: re.Pattern, tokens_for,
          places: dict) -> None:
    """The layer's strings in the document's text with the layer's spans blanked out: what
    is found lies outside every span of the layer, so only its ends are left to check."""
    blanked = _blanked(document, annotator)
    tokens = None
    for match in pattern.finditer(blanked):
        start, end = match.span(1)
        tokens = tokens or tokens_for(document)
        if tokens.is_boundary(start) and tokens.is_boundary(end):
            places[(annotator, blanked[start:end])].append((document.id, start))


def _blanked(document: CheckDocument, annotator: str) -> str:
    """The text with every character a span of the layer covers as NUL (same length)."""
    text, pieces, position = document.text, [], 0
    for mark in document.marks:
        if mark.annotator != annotator or mark.end <= position:
            continue
        if mark.start > position:
            pieces.append(text[position:mark.start])
        pieces.append("\0" * (mark.end - max(position, mark.start)))
        position = mark.end
    pieces.append(text[position:])
    return "".join(pieces)


def _finding(annotator: str, text: str, document: int, start: int, layer: Layer,
             unlabelled: int) -> Finding:
    counts = layer.labels[text]
    label = majority(counts) or counts.most_common(1)[0][0]
    labelled = sum(counts.values())
    details = (f"{text} is labelled {label} {labelled}× in {len(layer.documents[text])} "
               f"document(s) but not here ({unlabelled} unlabelled place(s))")
    return Finding(MISSED, document, start, start + len(text), text, details, annotator, "",
                   None, Fix("add", label=label, start=start, end=start + len(text)),
                   {"label": label, "labelled": labelled, "unlabelled": unlabelled,
                    "documents": len(layer.documents[text])})
