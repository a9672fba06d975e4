"""Interface language: Hanmark's catalogue plus Qt's own (stock buttons and dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from corpus.resources import resource_path

_installed: list[QTranslator] = []


def choose_language(requested: str | None) -> str:
    """``en`` or ``zh_CN``: the request if given, else the system's language."""
    if requested:
        return requested
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def english() -> bool:
    """Whether the interface is not Chinese: labels then show their English display text."""
    return QLocale().language() != QLocale.Language.Chinese


def shown(item) -> str:
    """The display text of a label or a relation type in the interface language (the one
    place that decides it): Chinese in a Chinese interface; in any other, the English
    display text, else the name."""
    return item.shown(english())


def titled(item) -> str:
    """A label or relation type as lists and menus name it: its display text and its name
    (人名 PER, Person PER, holds post · HOLDS: a dot after a text of several words), the
    name alone where the display text is the name."""
    text = shown(item)
    if text == item.name:
        return text
    return f"{text} · {item.name}" if " " in text.strip() else f"{text} {item.name}"


def install(app: QCoreApplication, language: str) -> bool:
    """Install the translators for ``language``; returns whether Hanmark's catalogue loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    loaded = ours.load(f"hanmark_{language}", str(resource_path("i18n")))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    return loaded
