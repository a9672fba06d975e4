"""Dialogs and menus that ask the user something."""
