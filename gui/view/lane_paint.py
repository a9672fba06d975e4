"""How the curation lanes look: a candidate's bar by its state, the current one's frame,
its accept and reject buttons, and a conflict's outline in the text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen

from corpus.team.curating import OPEN, REJECTED

CONFLICT = QColor("#d84315")      # conflicts: the bars' outline, the text's dashed box
CURRENT = QColor("#0d47a1")       # the current conflict's frame
GREY = QColor("#9e9e9e")
ACCEPT, REJECT = QColor("#2e7d32"), QColor("#c62828")


def tint(colour: QColor, share: float) -> QColor:
    white = 255 * (1 - share)
    return QColor(int(colour.red() * share + white), int(colour.green() * share + white),
                  int(colour.blue() * share + white))


def bar(painter: QPainter, rect: QRectF, state: str, label: str, colour: QColor,
        metrics: QFontMetricsF) -> None:
    """Open: full colour, hatched, outlined; rejected: hollow; agreed or settled: pale.
    The label's name is written in it where it fits."""
    if state == OPEN:
        painter.fillRect(rect, colour)
        painter.fillRect(rect, QBrush(QColor(255, 255, 255, 120), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(CONFLICT, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        ink = QColor("white")
    elif state == REJECTED:
        painter.setPen(QPen(tint(colour, 0.6), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        ink = GREY
    else:
        painter.fillRect(rect, tint(colour, 0.35))
        ink = colour.darker(160)
    if metrics.horizontalAdvance(label) + 4 <= rect.width() and rect.height() >= 7:
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def current(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(QPen(CURRENT, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(-1, -1, 1, 1))


def conflict_in_text(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(QPen(CONFLICT, 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def buttons(painter: QPainter, accept: QRectF, reject: QRectF) -> None:
    """✓ and ✗, drawn (no font has to carry them)."""
    for rect, colour in ((accept, ACCEPT), (reject, REJECT)):
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(rect, 2, 2)
    inner = accept.adjusted(2.5, 2.5, -2.5, -2.5)
    painter.setPen(QPen(ACCEPT, 1.8))
    painter.drawPolyline([QPointF(inner.left(), inner.center().y()),
                          QPointF(inner.left() + inner.width() * 0.4, inner.bottom()),
                          QPointF(inner.right(), inner.top())])
    inner = reject.adjusted(3, 3, -3, -3)
    painter.setPen(QPen(REJECT, 1.8))
    painter.drawLine(inner.topLeft(), inner.bottomRight())
    painter.drawLine(inner.topRight(), inner.bottomLeft())
