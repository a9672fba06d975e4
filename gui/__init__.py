"""PySide6 only: windows, the document view, panels, dialogs, undo commands, workers."""
