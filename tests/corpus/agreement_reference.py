"""Agreement computed independently, the plain way: a value per character built in
Python, scikit-learn's cohen_kappa_score, krippendorff.alpha and set arithmetic for F1.

Layers are ``{annotator: {document index: [(start, end, label), ...]}}``."""

from __future__ import annotations

import numpy as np
from krippendorff import alpha as krippendorff_alpha
from sklearn.metrics import cohen_kappa_score


def char_values(spans: list[tuple[int, int, str]], length: int,
                label: str | None = None) -> list[str]:
    """Each character's '+'-joined sorted label set, 'O' if none (or, for one label,
    '1'/'0')."""
    sets: list[set[str]] = [set() for _ in range(length)]
    for start, end, name in spans:
        for position in range(start, end):
            sets[position].add(name)
    if label is not None:
        return ["1" if label in s else "0" for s in sets]
    return ["+".join(sorted(s)) or "O" for s in sets]


def kappa(layers, a: str, b: str, documents: list[int], lengths: list[int],
          label: str | None = None) -> float | None:
    va, vb = [], []
    for document in documents:
        va += char_values(layers[a].get(document, []), lengths[document], label)
        vb += char_values(layers[b].get(document, []), lengths[document], label)
    if len(set(va) | set(vb)) < 2:
        return None
    return float(cohen_kappa_score(va, vb))


def alpha(layers, annotators: list[str], covered: dict[str, set[int]], lengths: list[int],
          label: str | None = None) -> float | None:
    """Krippendorff's nominal α with units = characters; a document an annotator does
    not cover gives missing values."""
    rows = []
    for annotator in annotators:
        row: list[float] = []
        for document, length in enumerate(lengths):
            if document in covered[annotator]:
                row += char_values(layers[annotator].get(document, []), length, label)
            else:
                row += [None] * length
        rows.append(row)
    domain = sorted({v for row in rows for v in row if v is not None})
    code = {v: float(i) for i, v in enumerate(domain)}
    data = np.array([[np.nan if v is None else code[v] for v in row] for row in rows])
    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    if len({v for v in data[:, pairable].ravel().tolist()}) < 2:
        return None
    return float(krippendorff_alpha(reliability_data=data, level_of_measurement="nominal"))


def span_f1(layers, a: str, b: str, documents: list[int],
            label: str | None = None) -> float | None:
    def keys(name):
        return {(d, s, e, lab) for d in documents for s, e, lab in layers[name].get(d, [])
                if label is None or lab == label}
    ka, kb = keys(a), keys(b)
    if not ka and not kb:
        return None
    return 2 * len(ka & kb) / (len(ka) + len(kb))
