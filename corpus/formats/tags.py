"""Sequence tags for flat formats: BIO, BIOES and BMES, both ways.

A span over tokens ``[start, end)`` gets a begin tag, inside tags and, in
BIOES/BMES, an end tag; a one-token span gets the single tag.  Reading is
lenient the way common taggers are: an inside tag that follows nothing of its
label starts a span.
"""

from __future__ import annotations

# (begin, inside, end, single) prefixes per scheme
PREFIXES = {
    "bio": ("B", "I", "I", "B"),
    "bioes": ("B", "I", "E", "S"),
    "bmes": ("B", "M", "E", "S"),
}
OUTSIDE = "O"


def check_scheme(scheme: str) -> tuple[str, str, str, str]:
    try:
        return PREFIXES[scheme]
    except KeyError:
        raise ValueError(f"unknown tag scheme {scheme!r} (known: {', '.join(PREFIXES)})") from None


def tag_names(labels: list[str] | tuple[str, ...], scheme: str = "bio") -> list[str]:
    """Every tag of a scheme for ``labels``, "O" first: the id → tag list of a label file."""
    prefixes = list(dict.fromkeys(check_scheme(scheme)))
    return [OUTSIDE] + [f"{prefix}-{label}" for label in labels for prefix in prefixes]


def span_tags(length: int, label: str, scheme: str = "bio") -> list[str]:
    """The tags of one span ``length`` tokens long."""
    begin, inside, end, single = check_scheme(scheme)
    if length == 1:
        return [f"{single}-{label}"]
    return [f"{begin}-{label}"] + [f"{inside}-{label}"] * (length - 2) + [f"{end}-{label}"]


def encode(count: int, spans, scheme: str = "bio") -> list[str]:
    """Tags for ``count`` tokens; ``spans`` are (start, end, label) in token indices and
    must not overlap (resolve overlaps first)."""
    tags = [OUTSIDE] * count
    for start, end, label in spans:
        tags[start:end] = span_tags(end - start, label, scheme)
    return tags


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans (start, end, label) in token indices from tags of any of the three schemes."""
    spans: list[tuple[int, int, str]] = []
    open_label, open_start = None, 0
    for index, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if tag == OUTSIDE or not label:
            if open_label is not None:
                spans.append((open_start, index, open_label))
            open_label = None
            continue
        continues = open_label == label and prefix in ("I", "M", "E")
        if not continues:
            if open_label is not None:
                spans.append((open_start, index, open_label))
            open_label, open_start = label, index
        if prefix in ("E", "S"):
            spans.append((open_start, index + 1, label))
            open_label = None
    if open_label is not None:
        spans.append((open_start, len(tags), open_label))
    return spans


def check_tag(tag: str) -> str:
    """"" when ``tag`` is well-formed, else why not."""
    if tag == OUTSIDE:
        return ""
    prefix, dash, label = tag.partition("-")
    if not dash or prefix not in ("B", "I", "M", "E", "S") or not label:
        return f"bad tag {tag!r} (a tag is O, or B-, I-, M-, E- or S- and a label)"
    return ""
