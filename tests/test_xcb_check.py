"""The missing-xcb-library check, with the library lookups faked, and through the CLI."""

import pytest

from hanmark import xcb_check
from tests.conftest import run_hanmark

X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize("environ,platform,expected", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, "linux", False),
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
])
def test_only_an_xcb_start_is_checked(environ, platform, expected):
    assert xcb_check.uses_xcb(environ, platform) is expected


def test_a_missing_cursor_library_names_the_packages():
    line = xcb_check.check(X11, find_library=lambda name: None, linked=lambda plugin: [])
    assert line.startswith("hanmark: error: ") and "\n" not in line
    assert "libxcb-cursor.so" in line
    assert "apt install" in line and "libxcb-cursor0" in line
    assert "dnf install" in line and "xcb-util-cursor" in line


def test_libraries_missing_for_the_plugin_are_named():
    line = xcb_check.check(X11, find_library=lambda name: f"lib{name}.so.0",
                           linked=lambda plugin: ["libxcb-icccm.so.4"])
    assert "libxcb-icccm.so.4" in line and "libxcb-cursor.so" not in line


def test_nothing_missing_lets_qt_start():
    assert xcb_check.check(X11, find_library=lambda name: "x.so",
                           linked=lambda plugin: []) is None


def test_not_xcb_means_no_lookup_at_all():
    def refuse(*args):
        raise AssertionError("looked up a library although Qt would not use xcb")

    assert xcb_check.check({"QT_QPA_PLATFORM": "offscreen"}, find_library=refuse,
                           linked=refuse) is None


def test_ldd_output_is_read_for_not_found_lines(tmp_path, monkeypatch):
    class Done:
        stdout = ("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n"
                  "\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n")

    monkeypatch.setattr(xcb_check.subprocess, "run", lambda *a, **k: Done())
    assert xcb_check.ldd_missing(tmp_path / "libqxcb.so") == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_self_test_prints_the_line_instead_of_qts_abort():
    """Through the real command: on this machine the answer depends on what is installed,
    so both outcomes are checked for their form."""
    result = run_hanmark("--self-test", env={"DISPLAY": ":99", "QT_QPA_PLATFORM": ""})
    missing = xcb_check.missing_libraries()
    if missing:
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [xcb_check.advice(missing)]
    assert "Traceback" not in result.stderr
