"""The document view and its drawing: text layout, span and token highlighting, keys."""
