"""The Chinese catalogue: current with the code, complete, well-formed, and loaded at run time.

When a test here fails after a UI string changed, run
``python scripts/update_translations.py``, translate what it lists in
resources/i18n/hanmark_zh_CN.ts, and run it again.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from gui import i18n

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "update_translations.py"
TS = ROOT / "resources" / "i18n" / "hanmark_zh_CN.ts"

PLACEHOLDER = re.compile(r"%\d")
MNEMONIC = re.compile(r"&([^&\s])")  # "&&" is a literal ampersand


def load_script():
    spec = importlib.util.spec_from_file_location("hanmark_update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def messages():
    """(context, source, translation element) for every message in the committed .ts."""
    root = ET.parse(TS).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def label(context, source):
    return f"[{context}] {source!r}"


def test_catalogue_is_current_with_the_code():
    failures = load_script().check()
    assert not failures, ("translations are out of date; run scripts/update_translations.py:\n"
                          + "\n".join(failures))


def test_every_message_is_translated_and_keeps_placeholders_and_shape():
    found = messages()
    assert len(found) > 50  # the whole UI, not a stub
    problems = []
    for context, source, translation in found:
        where = label(context, source)
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: not finished")
            continue
        forms = ([f.text or "" for f in translation.findall("numerusform")]
                 or [translation.text or ""])
        for text in forms:
            if not text.strip():
                problems.append(f"{where}: empty translation")
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if text.count("\n") != source.count("\n"):
                problems.append(f"{where}: line breaks differ in {text!r}")
            keys = [k.upper() for k in MNEMONIC.findall(source)]
            if [k.upper() for k in MNEMONIC.findall(text)] != keys:
                problems.append(f"{where}: accelerator {keys} not kept in {text!r}")
    assert not problems, "\n".join(problems)


@pytest.fixture
def chinese(qapp):
    """The app with the Chinese translators installed; back to English (and the locale) after."""
    locale = QLocale()
    try:
        assert i18n.install(qapp, "zh_CN"), "resources/i18n/hanmark_zh_CN.qm did not load"
        yield qapp
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(locale)


def test_installing_chinese_translates_hanmark_and_qt_strings(chinese):
    translate = QCoreApplication.translate
    assert translate("Actions", "&File") == "文件(&F)"
    assert translate("Actions", "Mark &Done and Go to Next") == "标为完成并转到下一篇(&D)"
    assert (translate("ProjectErrors", "The project file does not exist:\n%1")
            == "项目文件不存在：\n%1")
    assert translate("Commands", "done") == "已完成"
    # Qt's own catalogue (stock buttons, file dialogs) comes with it.
    assert translate("QPlatformTheme", "Cancel") == "取消"
    assert translate("QPlatformTheme", "&Yes") == "是(&Y)"


def test_english_uninstalls_the_translators(qapp):
    locale = QLocale()
    try:
        i18n.install(qapp, "zh_CN")
        assert i18n.install(qapp, "en")
        assert QCoreApplication.translate("Actions", "&File") == "&File"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(locale)
