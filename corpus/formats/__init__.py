"""File formats: one module per format, each a writer and, where it can carry spans, a reader."""
