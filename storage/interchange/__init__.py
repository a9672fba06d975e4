"""Files in and out of a project: importing articles and annotated records, exporting the formats."""
