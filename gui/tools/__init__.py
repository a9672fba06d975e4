"""Feature controllers: wire a window's actions to the session (suggestions, tokens, model, files)."""
