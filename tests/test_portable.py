"""Portable mode (hanmark/paths.py) and the frozen app's missing stdout/stderr (hanmark/frozen.py).

A frozen app is simulated by setting ``sys.frozen`` and ``sys.executable``; the
real frozen build is checked the same way by scripts/build.sh."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hanmark import frozen, paths, settings


def freeze(monkeypatch: pytest.MonkeyPatch, executable: Path) -> Path:
    executable.parent.mkdir(parents=True, exist_ok=True)
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return executable


def test_from_source_there_is_no_portable_mode(hermetic_home):
    assert paths.install_dir() is None and paths.portable_root() is None
    assert paths.data_dir().is_relative_to(hermetic_home)


def test_frozen_without_the_marker_uses_the_user_folders(tmp_path, monkeypatch, hermetic_home):
    freeze(monkeypatch, tmp_path / "app" / "Hanmark.exe")
    assert paths.install_dir() == tmp_path / "app"
    for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir(), paths.log_dir()):
        assert folder.is_relative_to(hermetic_home)


def test_the_marker_puts_everything_beside_the_app(tmp_path, monkeypatch, hermetic_home):
    app = freeze(monkeypatch, tmp_path / "汉标 便携" / "Hanmark" / "Hanmark.exe").parent
    (app / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    data = app / "data"
    assert (paths.data_dir(), paths.config_dir(), paths.cache_dir(), paths.log_dir()) == (
        data, data / "config", data / "cache", data / "logs")
    assert paths.sample_project_path() == data / "sample.hanmark"
    settings.save(settings.Settings(annotator="王玉东"))
    assert (data / "config" / "settings.json").is_file()
    assert settings.load().annotator == "王玉东"
    assert not any(p.is_file() for p in hermetic_home.rglob("*"))


def test_a_macos_app_keeps_its_data_beside_the_bundle(tmp_path, monkeypatch):
    folder = tmp_path / "Applications"
    freeze(monkeypatch, folder / "Hanmark.app" / "Contents" / "MacOS" / "Hanmark")
    assert paths.install_dir() == folder
    (folder / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir() == folder / "data"  # never inside the signed bundle


def test_missing_streams_go_to_the_log(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    log = frozen.redirect_missing_streams()
    try:
        print("平原县 stdout")
        sys.stderr.write("stderr line\n")
        assert not sys.stderr.isatty()
    finally:
        sys.stdout.close()
    text = log.read_text(encoding="utf-8")
    assert log == paths.log_dir() / frozen.LOG_NAME
    assert "Hanmark" in text and "SQLite" in text  # the header names the versions
    assert "平原县 stdout" in text and "stderr line" in text


def test_present_streams_are_left_alone():
    assert frozen.redirect_missing_streams() is None
