"""Paragraphs in the document view: a blank line between two paragraphs is hidden.

The layout already leaves a paragraph gap after every block (a single newline shows),
so a text that separates its paragraphs with blank lines would otherwise be drawn
double-spaced.  A hidden block keeps its characters (offsets do not change, a span
over it stays whole); it is only not drawn and takes no room.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def hide_blank_blocks(document: QTextDocument) -> int:
    """Hide every blank block that follows a paragraph; return how many were hidden.

    Only whitespace counts as blank; the first block is never hidden (there is always
    something to put the caret in)."""
    hidden = 0
    block = document.firstBlock().next()
    while block.isValid():
        if not block.text().strip():
            block.setVisible(False)
            block.setLineCount(0)
            hidden += 1
        block = block.next()
    if hidden:
        document.markContentsDirty(0, document.characterCount())
    return hidden
