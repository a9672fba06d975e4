"""Line spacing for the document view: Chinese reads better with air between lines.

``QPlainTextDocumentLayout`` (the layout that keeps a 1,000,000-character document
fast) stacks a paragraph's lines with nothing between them and ignores a block's
line height and margins.  :class:`SpacedLayout` moves each line of a block down by
a gap as the view asks for the block's rectangle, which it does before drawing,
hit-testing or placing the caret, so every position stays consistent with what is
drawn.  The gap brings the line pitch to :data:`LINE_HEIGHT` times the font size
(the CJK fonts' own line spacing is about 1.3–1.45).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

LINE_HEIGHT = 1.75   # line pitch in ems, as Chinese body text is usually set (1.5–2)


def line_gap(font: QFont, line_height: float = LINE_HEIGHT) -> float:
    """Pixels to add below each line of ``font`` for a pitch of ``line_height`` ems."""
    em = QFontInfo(font).pixelSize()
    return float(max(0, round(em * line_height - QFontMetricsF(font).lineSpacing())))


class SpacedLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.gap = 0.0

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802
        layout = block.layout()
        if self.gap and block.isValid():
            if layout.lineCount() == 0:
                super().blockBoundingRect(block)      # lays the block out
            _space_lines(layout, self.gap)
        rect = super().blockBoundingRect(block)
        return rect.adjusted(0, 0, 0, self.gap) if rect.height() else rect


def _space_lines(layout, gap: float) -> None:
    """Each line ``gap`` below the previous one (idempotent: positions come from heights)."""
    count = layout.lineCount()
    if count < 2:
        return
    line = layout.lineAt(0)
    y = line.y() + line.height() + gap
    if layout.lineAt(1).y() == y:   # spaced already: a new layout would have reset them all
        return
    for index in range(1, count):
        line = layout.lineAt(index)
        if line.y() != y:
            line.setPosition(QPointF(line.x(), y))
        y += line.height() + gap
