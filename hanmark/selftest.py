"""``hanmark --self-test``: check an installation end to end, headless, in a temporary folder.

It runs what a frozen build most often loses (a Qt plugin, a data file, a
hidden import, a translation) through the real code paths: the sample project
is built from ``seeds/`` by the importer under a path with Chinese characters
and spaces, jieba tokenizes a document, the main window is built and rendered
offscreen, a span is added through the GUI's undo path, exported as JSONL and
checked, then undone.  Nothing in the user's folders is read or written.

It prints one line, ``hanmark self-test: ok (...)`` or
``hanmark self-test: FAILED: <step>: <reason>``, and returns 0 or 1.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VERDICT = "hanmark self-test"
ANNOTATOR = "self-test"


class StepFailed(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step, self.reason = step, reason


@contextmanager
def step(name: str) -> Iterator[None]:
    """Turn any error inside into a one-line ``StepFailed`` named after the step."""
    try:
        yield
    except StepFailed:
        raise
    except BaseException as error:  # the verdict must name every failure
        lines = str(error).strip().splitlines()
        detail = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
        raise StepFailed(name, detail) from error


def check(condition: bool, step_name: str, reason: str) -> None:
    if not condition:
        raise StepFailed(step_name, reason)


@dataclass
class Tally:
    documents: int = 0
    tokens: int = 0
    lines: int = 0


def run_self_test() -> int:
    started = time.perf_counter()
    use_offscreen_without_display()
    tally = Tally()
    try:
        with tempfile.TemporaryDirectory(prefix="hanmark-self-test-",
                                         ignore_cleanup_errors=True) as folder:
            _run(Path(folder), tally)
    except StepFailed as failure:
        print(f"{VERDICT}: FAILED: {failure.step}: {failure.reason}", flush=True)
        return 1
    elapsed = time.perf_counter() - started
    print(f"{VERDICT}: ok (documents {tally.documents}, tokens {tally.tokens}, "
          f"export {tally.lines} lines, {elapsed:.1f} s)", flush=True)
    return 0


def use_offscreen_without_display() -> None:
    """On Linux with no display, Qt's default (xcb) plugin would abort the process:
    use the offscreen one unless the caller chose a platform.  Windows and macOS
    create (never shown) windows without a logged-in desktop well enough."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _run(folder: Path, tally: Tally) -> None:
    with step("qt"):
        from hanmark.launcher import application  # imports the whole GUI, as a start does

        app = application()
    check_translations(app)
    project_path = build_sample_copy(folder / "汉标 自检" / "样例 1.hanmark", tally)
    render_window(project_path)
    from storage.project import Project

    with step("open"), Project.open(project_path) as project:
        edit_export_undo(project, folder, tally)


def check_translations(app) -> None:
    """Hanmark's zh_CN catalogue loads, and so does Qt's: a stock Cancel button reads 取消."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QDialogButtonBox

    from corpus.resources import resource_path
    from gui import i18n

    with step("translations"):
        loaded = i18n.install(app, "zh_CN")
        cancel = QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(cancel)
        stock = buttons.button(cancel).text()
        buttons.deleteLater()
    check(loaded, "translations", f"hanmark_zh_CN.qm did not load from {resource_path('i18n')}")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    check(stock == "取消", "translations",
          f"Qt's qtbase_zh_CN.qm did not load from {qt_dir} (Cancel reads {stock!r})")


def build_sample_copy(path: Path, tally: Tally) -> Path:
    from storage.project import Project
    from storage.sample import build_sample, seed_files

    with step("sample"):
        path.parent.mkdir(parents=True)
        expected = len(seed_files())
        build_sample(path)
        with Project.open(path, readonly=True) as project:
            tally.documents = len(project.document_ids())
    check(expected > 0 and tally.documents == expected, "sample",
          f"{tally.documents} documents imported from {expected} seed files")
    return path


def render_window(project_path: Path) -> None:
    """Build the main window on a read-only view of the project and paint it once."""
    from gui.main_window import MainWindow
    from storage.project import Project

    with step("window"):
        project = Project.open(project_path, readonly=True)
        window = MainWindow(project, ANNOTATOR)  # no state_file: the user's layout is untouched
        image = window.grab()
        window.deleteLater()
        project.close()
    check(not image.isNull(), "window", "the main window did not render")


def edit_export_undo(project, folder: Path, tally: Tally) -> None:
    from gui.session import AnnotationSession

    session = AnnotationSession(project, ANNOTATOR)
    errors: list[Exception] = []
    session.failed.connect(errors.append)
    documents = [project.document(i) for i in project.document_ids()]
    document = documents[0]
    start, end = tokenize([d.text for d in documents], folder / "jieba", tally)
    label = next(iter(session.scheme)).name
    with step("span"):
        session.open_document(document.id)
        session.apply_label(label, (start, end))
    added = [s for s in project.spans(document.id) if (s.start, s.end) == (start, end)]
    check(not errors and len(added) == 1, "span",
          str(errors[0]) if errors else f"no {label} span at {start}:{end} after adding it")
    check_export(project.path, folder / "导出 1.jsonl", document, (start, end, label), tally)
    with step("undo"):
        session.undo_stack.undo()
    check(not errors and not project.spans(document.id), "undo",
          str(errors[0]) if errors else "the span is still there after undo")
    check(project.status(document.id, ANNOTATOR).value == "todo", "undo",
          "the document's status was not restored")


def tokenize(texts: list[str], cache: Path, tally: Tally) -> tuple[int, int]:
    """Tokenize every document (Traditional ones through OpenCC's shadow); check the tokens
    tile each text; return the first word of 2+ characters in the first one."""
    from corpus.text.tokenizer import Tokenizer

    with step("tokenize"):
        tokenizer = Tokenizer(cache)
        shadow = tokenizer.shadow("導語時間")
        per_text = [tokenizer.tokens(text) for text in texts]
    check(shadow == "导语时间", "tokenize", f"OpenCC t2s gave {shadow!r} for '導語時間'")
    for text, tokens in zip(texts, per_text):
        tiled = [end for _start, end in tokens[:-1]] == [start for start, _end in tokens[1:]]
        check(bool(tokens) and tokens[0][0] == 0 and tokens[-1][1] == len(text) and tiled,
              "tokenize", "the tokens do not cover a text end to end")
    tally.tokens = sum(len(tokens) for tokens in per_text)
    text = texts[0]
    words = [(s, e) for s, e in per_text[0] if e - s >= 2 and text[s:e].strip() == text[s:e]]
    check(bool(words), "tokenize", "no word of two or more characters in the first document")
    return words[0]


def check_export(project_path: Path, out: Path, document, span: tuple, tally: Tally) -> None:
    from storage.interchange.export import export_jsonl

    start, end, label = span
    with step("export"):
        export_jsonl(project_path, out)
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line]
    tally.lines = len(records)
    check(tally.lines == tally.documents, "export",
          f"{tally.lines} lines for {tally.documents} documents")
    record = next((r for r in records if r.get("id") == document.id), None)
    check(record is not None, "export", f"document {document.id} is missing")
    labels = [tuple(item[:3]) for item in record.get("label", [])]
    check(labels == [(start, end, label)], "export", f"expected one span, found {labels}")
    check(record["text"][start:end] == document.text[start:end], "export",
          "the span's exported text differs from text[start:end]")
