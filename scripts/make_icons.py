"""Draw the application icon and write it as PNG, Windows .ico and macOS .icns.

Run from the repository root when the design changes; the outputs are committed:
    python scripts/make_icons.py
writes resources/icons/hanmark.png (256 px, the window icon), hanmark.ico (16-256 px) and hanmark.icns (16-1024 px).  The design is drawn with
shapes only (three lines of text, one marked as a span), so no font is needed
and every machine draws the same pixels.  ICO and ICNS hold PNG images, written
here by hand: Qt has no ICNS writer and Pillow is not a dependency.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
BACKGROUND, PAPER, MARK = QColor("#1f5fa8"), QColor("#ffffff"), QColor("#f5b700")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)  # draw on a 100 x 100 grid
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 20, 20)
    for top, width in ((24, 62), (45, 62), (66, 40)):
        painter.setBrush(PAPER)
        painter.drawRoundedRect(QRectF(19, top, width, 10), 5, 5)
    painter.setBrush(MARK)  # the span: part of the middle line, marked
    painter.drawRoundedRect(QRectF(38, 41, 30, 18), 6, 6)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(blob)) + blob
                    for size, blob in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in sorted(set(ICO_SIZES) | set(ICNS_TYPES))}
    (OUT / "hanmark.png").write_bytes(pngs[256])
    (OUT / "hanmark.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "hanmark.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(f"wrote {', '.join(sorted(p.name for p in OUT.iterdir()))} to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
