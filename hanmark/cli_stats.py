"""``hanmark stats --plot DIR``: the statistics charts of Project → Statistics written as
PNG (and their numbers as CSV) without a display: Qt runs on its offscreen platform."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def add_stats_options(parser) -> None:
    parser.add_argument("--plot", type=Path, metavar="DIR",
                        help="write every chart as DIR/NAME.png and its numbers as "
                             "DIR/NAME.csv (headless)")


def write_plots(stats: dict, colours: dict[str, str], folder: Path) -> list[Path]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"      # headless, whatever the desktop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui.dialogs.statistics_charts import all_charts, write_charts

    charts = all_charts(stats, colours)
    try:
        return write_charts(charts, folder)
    finally:
        for chart in charts:
            chart.widget.deleteLater()
        app.processEvents()
