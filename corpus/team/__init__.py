"""The team workflow's arithmetic: agreement between annotators' layers and adjudication into gold."""
