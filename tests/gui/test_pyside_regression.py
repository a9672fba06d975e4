"""PySide6 6.12.0 over-releases None in QTextCursor.setPosition and aborts the
interpreter after a few thousand calls (PITFALLS.md).  Run the pattern the view
uses 20,000 times in a child process: a crash fails the test instead of the run."""

import os
import subprocess
import sys
import textwrap

import PySide6

CHILD = textwrap.dedent("""
    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    document = QTextDocument("平原县委书记王玉东" * 50)
    cursor = QTextCursor(document)
    for i in range(20000):
        cursor.setPosition(i % 400)
        cursor.setPosition((i % 400) + 5, QTextCursor.MoveMode.KeepAnchor)
    print("ok", cursor.selectedText())
""")


def test_set_position_20000_times_does_not_crash():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok ")


def test_pyside_is_below_the_broken_release():
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), "raise the pin only once the regression test passes on it"
