"""Views over the whole corpus: search, consistency checks, statistics."""
