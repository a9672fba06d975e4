"""Line spacing for the document view: Chinese reads better with air between lines,
and drawings over the text (relation arcs, label tags, curation lanes) need room.

``QPlainTextDocumentLayout`` (the layout that keeps a 1,000,000-character document
fast) stacks a paragraph's lines with nothing between them and ignores a block's
line height and margins.  :class:`SpacedLayout` places each line of a block as the
view asks for the block's rectangle, which it does before drawing, hit-testing or
placing the caret, so every position stays consistent with what is drawn.

Each line gets, top to bottom: ``above`` pixels (room for the overlays drawn above a
line), the line itself, ``below`` pixels (room for those drawn under it), then the
``gap`` that brings the plain line pitch to :data:`LINE_HEIGHT` times the font size
(the CJK fonts' own line spacing is about 1.3–1.45).  A paragraph (a block) ends
with ``paragraph`` more pixels, so that a single newline shows; blank lines between
paragraphs are hidden by the view, so that such a text is not drawn double-spaced.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

LINE_HEIGHT = 1.75      # line pitch in ems, as Chinese body text is usually set (1.5–2)
PARAGRAPH_GAP = 0.6     # extra space after a paragraph, in ems


def line_gap(font: QFont, line_height: float = LINE_HEIGHT) -> float:
    """Pixels to add below each line of ``font`` for a pitch of ``line_height`` ems."""
    em = QFontInfo(font).pixelSize()
    return float(max(0, round(em * line_height - QFontMetricsF(font).lineSpacing())))


def paragraph_gap(font: QFont) -> float:
    return float(round(QFontInfo(font).pixelSize() * PARAGRAPH_GAP))


class SpacedLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.gap = 0.0          # air below every line
        self.paragraph = 0.0    # more air below a paragraph's last line
        self.above = 0.0        # room above every line, for overlays
        self.below = 0.0        # room below every line, for overlays

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802
        layout = block.layout()
        if block.isValid() and (self.gap or self.above or self.below):
            if layout.lineCount() == 0:
                super().blockBoundingRect(block)      # lays the block out
            _space_lines(layout, self.above, self.below + self.gap)
        rect = super().blockBoundingRect(block)
        if not rect.height():
            return rect
        return rect.adjusted(0, 0, 0, self.below + self.gap + self.paragraph)


def _space_lines(layout, above: float, after: float) -> None:
    """Line 0 at ``above``; each next line ``after + above`` below the previous one.

    Idempotent (positions come from heights); a fresh layout stacks its lines at 0, so
    when the first two lines already sit where they belong, all of them do."""
    count = layout.lineCount()
    first = layout.lineAt(0)
    if first.y() != above:
        first.setPosition(QPointF(first.x(), above))
    elif count < 2 or layout.lineAt(1).y() == above + first.height() + after + above:
        return
    y = above + first.height() + after
    for index in range(1, count):
        line = layout.lineAt(index)
        if line.y() != y + above:
            line.setPosition(QPointF(line.x(), y + above))
        y += above + line.height() + after
