"""Changing a project's label scheme under its spans, and scheme files."""
