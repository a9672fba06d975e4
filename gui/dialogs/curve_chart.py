"""A small line chart of a learning curve: F1 (0–1) against the number of documents the
model was trained on, one line per label in its colour and the overall F1 in black.

Drawn with QPainter: one chart of at most six lines over five points needs no charting
library.  The x axis places 1, 2, 5, 10, 20 evenly (they grow about geometrically)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = (44, 16, 120, 34)          # left, top, right (legend), bottom


class CurveChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learningCurveChart")
        self.points: list = []                 # CurvePoint, ascending by documents
        self.colours: dict[str, str] = {}      # label → colour
        self.setMinimumSize(QSize(420, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_curve(self, points: list, colours: dict[str, str]) -> None:
        self.points, self.colours = list(points), dict(colours)
        self.update()

    def plot_area(self) -> QRectF:
        left, top, right, bottom = MARGIN
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def position(self, index: int, f1: float) -> QPointF:
        area = self.plot_area()
        steps = max(1, len(self.points) - 1)
        return QPointF(area.left() + area.width() * index / steps,
                       area.bottom() - area.height() * max(0.0, min(1.0, f1)))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._axes(painter)
        if self.points:
            labels = sorted(self.points[-1].labels)
            for row, label in enumerate(labels):
                self._line(painter, [p.labels.get(label, 0.0) for p in self.points],
                           QColor(self.colours.get(label, "#888888")), 2, label, row)
            self._line(painter, [p.f1 for p in self.points], QColor("black"), 3,
                       self.tr("all labels"), len(labels))
        painter.end()

    def _axes(self, painter: QPainter) -> None:
        area = self.plot_area()
        painter.setPen(QPen(self.palette().mid().color(), 1))
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = area.bottom() - area.height() * tick
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QRectF(0, y - 8, MARGIN[0] - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{tick:.2f}")
        for index, point in enumerate(self.points):
            x = self.position(index, 0).x()
            painter.drawText(QRectF(x - 20, area.bottom() + 4, 40, 14),
                             Qt.AlignmentFlag.AlignCenter, str(point.documents))
        painter.drawText(QRectF(area.left(), area.bottom() + 17, area.width(), 14),
                         Qt.AlignmentFlag.AlignCenter,
                         self.tr("documents trained on (F1 on held-out documents)"))

    def _line(self, painter: QPainter, values: list[float], colour: QColor, width: int,
              name: str, row: int) -> None:
        painter.setPen(QPen(colour, width))
        points = [self.position(i, v) for i, v in enumerate(values)]
        for a, b in zip(points, points[1:]):
            painter.drawLine(a, b)
        for point in points:
            painter.drawEllipse(point, width + 1, width + 1)
        legend = QPointF(self.width() - MARGIN[2] + 12, MARGIN[1] + 8 + row * 18)
        painter.drawLine(legend, legend + QPointF(18, 0))
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(legend.x() + 24, legend.y() - 8, MARGIN[2] - 36, 16),
                         Qt.AlignmentFlag.AlignVCenter, name)
