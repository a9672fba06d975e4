"""The window's own single keys (corpus/hotkeys) as the user reads about them: why the
scheme editor refuses one as a label's hotkey, and the one notice a project gets whose
label still has one (made before the key was the window's, or by another tool).  Such
a label's hotkey is not bound: the window's action keeps the key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from corpus import hotkeys
from corpus.labels import Label, LabelScheme
from gui import errors

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def use_of(key: str) -> str:
    """What the window does with ``key`` ('' when nothing)."""
    own = hotkeys.reserved(key)
    if own == hotkeys.RELATION:
        text = translate("ReservedKeys", "%1 starts a relation")
    elif own == hotkeys.PREVIOUS_SUGGESTION:
        text = translate("ReservedKeys", "%1 moves to the previous suggestion")
    elif own == hotkeys.NEXT_SUGGESTION:
        text = translate("ReservedKeys", "%1 moves to the next suggestion")
    else:
        return ""
    return text.replace("%1", own)


def refusal(key: str) -> str:
    """The scheme editor's reason not to take ``key`` ('' when it may)."""
    use = use_of(key)
    return translate("ReservedKeys", "%1: choose another key.").replace("%1", use) if use else ""


def unbound(scheme: LabelScheme) -> list[Label]:
    """The labels whose hotkey is one of the window's keys (not bound)."""
    return [label for label in scheme if hotkeys.reserved(label.hotkey)]


def tooltip(label: Label) -> str:
    return translate("ReservedKeys", "Its hotkey %1 does not apply it here (%2).").replace(
        "%1", label.hotkey).replace("%2", use_of(label.hotkey))


class ReservedKeyNotice(QObject):
    """Tells the user once per project and label that a hotkey is the window's."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.told: set[tuple[str, str, str]] = set()

    def check(self, project_path, scheme: LabelScheme) -> list[Label]:
        """The labels not told about before; the notice about them follows the open."""
        new = [label for label in unbound(scheme)
               if (str(project_path), label.name, label.hotkey) not in self.told]
        self.told.update((str(project_path), label.name, label.hotkey) for label in new)
        if new:
            QTimer.singleShot(0, lambda: self._tell(new))
        return new

    def _tell(self, labels: list[Label]) -> None:
        lines = [self.tr("%1's hotkey %2 is the window's own key: %3.")
                 .replace("%1", label.name).replace("%2", label.hotkey)
                 .replace("%3", use_of(label.hotkey)) for label in labels]
        lines.append(self.tr("The key keeps doing that; give the label another hotkey in "
                             "Project → Labels…."))
        errors.show_message(self.window, self.tr("Hotkey Taken"), "\n".join(lines),
                            error=False)
