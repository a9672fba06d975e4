"""Undo commands: every edit is one QUndoCommand that calls the session's write path."""
