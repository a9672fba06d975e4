"""The domain, pure Python: documents, labels, spans, offsets, import and formats. No Qt here."""
