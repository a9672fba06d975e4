"""Comparing a widget's picture with a small reference PNG, robust to font rendering:
both are shrunk (averaging away anti-aliasing and glyph shapes) and compared pixel by pixel
with a tolerance.  HANMARK_UPDATE_SNAPSHOTS=1 writes the reference instead."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHRINK = 4          # 4×4 pixels become one
TOLERANCE = 40      # of 255, per channel, after shrinking
MAX_DIFFERENT = 0.03


def _small(image: QImage) -> QImage:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image.scaled(image.width() // SHRINK, image.height() // SHRINK,
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def difference(image: QImage, reference: QImage) -> float:
    """The share of (shrunk) pixels that differ by more than TOLERANCE in a channel."""
    a, b = _small(image), _small(reference)
    assert a.size() == b.size(), (a.size(), b.size())
    different = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()),
                   abs(pa.blue() - pb.blue())) > TOLERANCE:
                different += 1
    return different / (a.width() * a.height())


def matches(image: QImage, name: str) -> float:
    """The difference from ``tests/fixtures/NAME``; asserts it is within MAX_DIFFERENT."""
    path = FIXTURES / name
    if os.environ.get("HANMARK_UPDATE_SNAPSHOTS"):
        image.save(str(path))
    share = difference(image, QImage(str(path)))
    assert share <= MAX_DIFFERENT, f"{share:.1%} of {name} differs"
    return share
