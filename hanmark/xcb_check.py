"""Before Qt starts on an X11 desktop: are the system libraries of Qt's xcb plugin there?

Without them Qt aborts with "could not load the Qt platform plugin xcb", which tells a
user nothing.  We look first (ldd on PySide6's libqxcb.so, and find_library for
libxcb-cursor, which Qt loads by name at run time) and print the apt/dnf line instead.
No Qt is imported here.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Qt dlopens libxcb-cursor itself, so ldd cannot see it missing.
RUNTIME_LIBRARIES = ("xcb-cursor",)
APT = ("libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 "
       "libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0")
DNF = "xcb-util-cursor xcb-util-wm xcb-util-image xcb-util-keysyms xcb-util-renderutil " \
      "libxkbcommon-x11"
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Qt would pick its xcb plugin: Linux, an X display, no other platform chosen."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    return environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] in ("", "xcb")


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def ldd_missing(plugin: Path) -> list[str]:
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                             timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # no ldd: Qt will say it itself
    return sorted(set(_NOT_FOUND.findall(out)))


def missing_libraries(find_library: Callable[[str], str | None] = ctypes.util.find_library,
                      linked: Callable[[Path], list[str]] = ldd_missing) -> list[str]:
    """The system libraries Qt's xcb plugin needs and cannot find."""
    missing = [f"lib{name}.so" for name in RUNTIME_LIBRARIES if not find_library(name)]
    plugin = xcb_plugin()
    return missing + (linked(plugin) if plugin is not None else [])


def advice(missing: list[str]) -> str:
    return (f"hanmark: error: Qt's X11 (xcb) plugin needs system libraries that are missing "
            f"({', '.join(missing)}). Install them: sudo apt install {APT}  "
            f"(Fedora: sudo dnf install {DNF})")


def check(environ=os.environ, **lookups) -> str | None:
    """The line to print instead of starting Qt, or None when Qt can start."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(**lookups)
    return advice(missing) if missing else None
