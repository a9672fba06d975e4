"""The statistics charts, drawn with pyqtgraph (pure Python on Qt's own painter and numpy):
each chart is a plot widget with the numbers it shows, saved as PNG (the widget rendered)
and CSV (the numbers).  Used by Project → Statistics and ``hanmark stats --plot DIR``."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate
SIZE = (960, 540)
pg.setConfigOptions(background="w", foreground="k", antialias=True)


@dataclass
class Chart:
    name: str                    # the file stem: spans_per_label.png / .csv
    title: str
    widget: pg.PlotWidget
    header: list[str]
    rows: list[list] = field(default_factory=list)

    def save_png(self, path: Path) -> None:
        self.widget.resize(*SIZE)
        if not self.widget.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")

    def save_csv(self, path: Path) -> None:
        with open(path, "w", newline="", encoding="utf-8-sig") as out:   # Excel reads it
            writer = csv.writer(out)
            writer.writerow(self.header)
            writer.writerows(self.rows)


def _plot(title: str, left: str, bottom: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(title=title)
    widget.resize(*SIZE)
    widget.setLabel("left", left)
    widget.setLabel("bottom", bottom)
    widget.showGrid(y=True, alpha=0.3)
    widget.setMouseEnabled(x=False, y=False)
    widget.addLegend(offset=(-10, 10))
    return widget


def _colour(i: int) -> pg.QtGui.QColor:
    return pg.intColor(i, hues=9, values=1, maxValue=220)


def _bars(widget: pg.PlotWidget, categories: list[str],
          series: list[tuple[str, list[float], object]]) -> None:
    """Grouped bars: one group per category, one bar per series."""
    width = 0.8 / max(len(series), 1)
    for i, (name, values, colour) in enumerate(series):
        x = np.arange(len(categories)) - 0.4 + width * (i + 0.5)
        widget.addItem(pg.BarGraphItem(x=x, height=values, width=width * 0.9, brush=colour,
                                       pen=None, name=name))
    widget.getAxis("bottom").setTicks([list(enumerate(categories))])


def spans_per_label(stats: dict, colours: dict[str, str]) -> Chart:
    labels = list(colours)
    overall = [sum(layer.get(label, 0) for layer in stats["spans_by_annotator"].values())
               for label in labels]
    widget = _plot(translate("Statistics", "Spans per label"), translate("Statistics", "spans"),
                   translate("Statistics", "label"))
    widget.addItem(pg.BarGraphItem(x=np.arange(len(labels)), height=overall, width=0.7,
                                   brushes=[colours[label] for label in labels], pen=None))
    widget.getAxis("bottom").setTicks([list(enumerate(labels))])
    return Chart("spans_per_label", widget.plotItem.titleLabel.text, widget,
                 ["label", "spans"], [[label, n] for label, n in zip(labels, overall)])


def spans_per_annotator(stats: dict, colours: dict[str, str]) -> Chart:
    labels, layers = list(colours), stats["spans_by_annotator"]
    widget = _plot(translate("Statistics", "Spans per label and annotator"),
                   translate("Statistics", "spans"), translate("Statistics", "label"))
    _bars(widget, labels, [(a or "—", [counts.get(label, 0) for label in labels], _colour(i))
                           for i, (a, counts) in enumerate(sorted(layers.items()))])
    rows = [[a, label, counts.get(label, 0)] for a, counts in sorted(layers.items())
            for label in labels]
    return Chart("spans_per_annotator", widget.plotItem.titleLabel.text, widget,
                 ["annotator", "label", "spans"], rows)


def relations_per_annotator(stats: dict) -> Chart:
    types, layers = list(stats.get("relations", {})), stats.get("relations_by_annotator", {})
    widget = _plot(translate("Statistics", "Relations per type and annotator"),
                   translate("Statistics", "relations"), translate("Statistics", "type"))
    _bars(widget, types, [(a or "—", [counts.get(t, 0) for t in types], _colour(i))
                          for i, (a, counts) in enumerate(sorted(layers.items()))])
    rows = [[a, t, counts.get(t, 0)] for a, counts in sorted(layers.items()) for t in types]
    return Chart("relations_per_annotator", widget.plotItem.titleLabel.text, widget,
                 ["annotator", "type", "relations"], rows)


def documents_by_status(stats: dict) -> Chart:
    statuses = ["todo", "in_progress", "done", "skipped"]
    layers = stats["status_by_annotator"]
    widget = _plot(translate("Statistics", "Documents by status"),
                   translate("Statistics", "documents"), translate("Statistics", "status"))
    _bars(widget, statuses, [(a or "—", [counts.get(s, 0) for s in statuses], _colour(i))
                             for i, (a, counts) in enumerate(sorted(layers.items()))])
    rows = [[a, s, counts.get(s, 0)] for a, counts in sorted(layers.items()) for s in statuses]
    return Chart("documents_by_status", widget.plotItem.titleLabel.text, widget,
                 ["annotator", "status", "documents"], rows)


def progress(stats: dict) -> Chart:
    per_day = stats["done_per_day"]
    days = sorted({day for counts in per_day.values() for day in counts})
    widget = _plot(translate("Statistics", "Documents done per day"),
                   translate("Statistics", "documents"), translate("Statistics", "day"))
    for i, (annotator, counts) in enumerate(sorted(per_day.items())):
        widget.plot(np.arange(len(days)), [counts.get(day, 0) for day in days],
                    pen=pg.mkPen(_colour(i), width=2), symbol="o", symbolSize=7,
                    symbolBrush=_colour(i), name=annotator or "—")
    step = max(1, len(days) // 10)
    widget.getAxis("bottom").setTicks([[(i, day) for i, day in enumerate(days) if i % step == 0]])
    rows = [[a, day, n] for a, counts in sorted(per_day.items()) for day, n in counts.items()]
    return Chart("progress", widget.plotItem.titleLabel.text, widget,
                 ["annotator", "day", "done"], rows)


def span_lengths(stats: dict, colours: dict[str, str]) -> Chart:
    widget = _plot(translate("Statistics", "Span length per label"),
                   translate("Statistics", "spans"), translate("Statistics", "characters"))
    rows = []
    for label, lengths in stats["span_lengths"].items():
        if not lengths:
            continue
        xs = sorted(int(n) for n in lengths)
        widget.plot(xs, [lengths[str(n)] for n in xs], pen=pg.mkPen(colours.get(label, "k"),
                                                                     width=2),
                    symbol="o", symbolSize=5, symbolBrush=colours.get(label, "k"), name=label)
        rows += [[label, n, lengths[str(n)]] for n in xs]
    return Chart("span_lengths", widget.plotItem.titleLabel.text, widget,
                 ["label", "characters", "spans"], rows)


def top_strings(stats: dict, label: str, colour: str) -> Chart:
    top = stats["top_strings"].get(label, [])
    title = translate("Statistics", "Most frequent %1 strings").replace("%1", label)
    widget = _plot(title, translate("Statistics", "string"), translate("Statistics", "spans"))
    y = np.arange(len(top))[::-1]
    widget.addItem(pg.BarGraphItem(x0=0, y=y, height=0.7, width=[n for _t, n in top],
                                   brush=colour, pen=None))
    widget.getAxis("left").setTicks([[(float(yy), text) for yy, (text, _n) in zip(y, top)]])
    return Chart(f"top_strings_{label}", title, widget, ["label", "string", "spans"],
                 [[label, text, n] for text, n in top])


def all_charts(stats: dict, colours: dict[str, str]) -> list[Chart]:
    """``colours``: the scheme's labels in order → their colour."""
    return [spans_per_label(stats, colours), spans_per_annotator(stats, colours),
            relations_per_annotator(stats), documents_by_status(stats), progress(stats),
            span_lengths(stats, colours),
            *(top_strings(stats, label, colour) for label, colour in colours.items())]


def write_charts(charts: list[Chart], folder: Path) -> list[Path]:
    """Each chart as NAME.png and NAME.csv in ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for chart in charts:
        for suffix, save in ((".png", chart.save_png), (".csv", chart.save_csv)):
            path = folder / f"{chart.name}{suffix}"
            save(path)
            written.append(path)
    return written
