"""The team workflow on project files: split, merge, the layers agreement reads, adjudication and curation."""
