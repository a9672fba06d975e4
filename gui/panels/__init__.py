"""Docked panels and bars beside the document: documents, spans, document info, labels."""
