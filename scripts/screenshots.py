"""Screenshots of the window on the sample corpus (seeds/), with label tags, nested spans
and the span panel, in English and Chinese: ``python scripts/screenshots.py [OUT_DIR]``.

The spans are the rule suggesters' metrics and slogans (with their attributes) plus the
places, bodies, posts and people of a short gazetteer, so that bodies nest places
(德州市审计局 ⊃ 德州市) as annotators mark them.  Runs headless (offscreen).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from corpus.suggest.metrics import MetricSuggester  # noqa: E402
from corpus.suggest.slogans import SloganSuggester  # noqa: E402
from gui import i18n  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.sample import build_sample  # noqa: E402

GAZETTEER = {"LOC": ["德州市", "德州", "平原县", "王庙镇", "山东省"],
             "ORG": ["德州市委", "中共德州市委", "德州市审计局", "县委组织部", "平原县委",
                     "德州市纪委监委"],
             "POST": ["县委书记", "局长", "负责人"],
             "PER": ["王玉东", "齐强", "李超然", "蒋丽君", "梁承恺"]}


def annotate(project: Project, annotator: str) -> None:
    for document_id in project.document_ids():
        text = project.document(document_id).text
        taken = set()
        found = [(s.start, s.end, s.label, s.attributes)
                 for s in MetricSuggester().suggest(text) + SloganSuggester().suggest(text)]
        for label, words in GAZETTEER.items():
            for word in words:
                found += [(m.start(), m.end(), label, {}) for m in re.finditer(word, text)]
        for start, end, label, attributes in found:
            inside_same = any(s <= start and end <= e and (s, e) != (start, end) and l == label
                              for s, e, l, _a in found)   # 德州 in 德州市: one place
            if (start, end) not in taken and not inside_same:
                taken.add((start, end))
                project.add_span(document_id, start, end, label, annotator=annotator,
                                 attributes=attributes, origin="suggested:screenshot")


def shoot(path: Path, language: str, out: Path, document: int) -> Path:
    app = QApplication.instance() or QApplication([])
    i18n.install(app, language)
    window = MainWindow(Project.open(path), "alice")
    window.resize(1280, 800)
    window.show()
    session = window.session
    session.open_document(document)
    metric = next((s for s in session.spans if s.label == "METRIC" and s.attributes), None)
    if metric is not None:
        window.details.edit_span(metric, {**metric.attributes, "indicator": "考评"},
                                 "checked against the table in the print edition")
        session.select_span(metric.id)
        window.view.centerCursor()
    for _ in range(5):
        app.processEvents()
    target = out / f"window-{language}-{document}.png"
    window.grab().save(str(target))
    window.close()
    return target


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="hanmark-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    path = build_sample(Path(tempfile.mkdtemp()) / "sample.hanmark")
    with Project.open(path) as project:
        annotate(project, "alice")
        ids = project.document_ids()
    for language in ("en", "zh_CN"):
        for document in (ids[1], ids[2]):
            print(shoot(path, language, out, document))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
