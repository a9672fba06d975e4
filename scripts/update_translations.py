#!/usr/bin/env python3
"""Refresh the Chinese catalogue: lupdate the sources into the .ts, lrelease it into the .qm.

    python scripts/update_translations.py          # update .ts and .qm, list what to translate
    python scripts/update_translations.py --check  # change nothing; fail if either is stale

New messages arrive marked unfinished in resources/i18n/hanmark_zh_CN.ts:
translate them (pyside6-linguist or any editor, removing ``type="unfinished"``),
then run the script again to rebuild the .qm.  The code keeps to what lupdate
reads: ``self.tr("…")`` in QObject classes and ``translate("Context", "…")``
with literal text; ``--check`` also fails on a ``tr``/``translate`` call whose
text is not a literal, since lupdate would silently skip it.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("gui", "hanmark")
TS = ROOT / "resources" / "i18n" / "hanmark_zh_CN.ts"
QM = TS.with_suffix(".qm")
LUPDATE_OPTIONS = ["-no-obsolete", "-locations", "none", "-sort-messages",
                   "-source-language", "en", "-target-language", "zh_CN", "-silent"]


def tool(name: str) -> str:
    """PySide6's lupdate/lrelease, found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    folder = Path(spec.origin).parent if spec and spec.origin else None
    for candidate in ([folder / name, folder / f"{name}.exe"] if folder else []):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"update_translations: cannot find PySide6's {name}")
    return found


def source_files() -> list[Path]:
    return sorted(p for package in SOURCES for p in (ROOT / package).rglob("*.py"))


def lupdate(ts: Path) -> None:
    files = [str(p) for p in source_files()]
    subprocess.run([tool("lupdate"), *LUPDATE_OPTIONS, *files, "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation type (None when finished)."""
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source")):
            message.find("translation").get("type")
            for context in root.iter("context") for message in context.iter("message")}


def non_literal_calls() -> list[str]:
    """tr()/translate() calls lupdate cannot read (text not a string literal)."""
    problems = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            text = node.args[-1] if name == "translate" else node.args[0]
            if name in ("tr", "translate") and not (
                    isinstance(text, ast.Constant) and isinstance(text.value, str)):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}() of a "
                                "non-literal text")
    return problems


def check() -> list[str]:
    """What is stale or untranslated; empty when the catalogue is current."""
    failures = non_literal_calls()
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts, fresh_qm = Path(tmp) / TS.name, Path(tmp) / QM.name
        shutil.copy(TS, fresh_ts)
        lupdate(fresh_ts)
        committed, fresh = messages(TS), messages(fresh_ts)
        failures += [f"new in the code: {key}" for key in fresh.keys() - committed.keys()]
        failures += [f"gone from the code: {key}" for key in committed.keys() - fresh.keys()]
        failures += [f"untranslated: {key}" for key, kind in committed.items() if kind]
        lrelease(TS, fresh_qm)
        if not QM.exists() or fresh_qm.read_bytes() != QM.read_bytes():
            failures.append(f"{QM.name} is not built from the current {TS.name}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report staleness")
    args = parser.parse_args(argv)
    if args.check:
        failures = check()
        print("\n".join(failures) or "translations are current")
        return 1 if failures else 0
    lupdate(TS)
    lrelease(TS, QM)
    todo = [key for key, kind in messages(TS).items() if kind]
    for context, source in todo:
        print(f"to translate: [{context}] {source!r}")
    for problem in non_literal_calls():
        print(problem)
    print(f"{len(messages(TS))} messages, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
