"""A project's own annotation guidelines, kept in the project file (``project_info``) so
that `hanmark split` hands them to every annotator with the work."""

from __future__ import annotations

from corpus import guidelines as shipped

KEY = "guidelines"


def project_guidelines(project) -> str:
    """The project's own guidelines (Markdown), or '' when it has none."""
    return project.info().get(KEY, "")


def set_project_guidelines(project, markdown: str) -> None:
    """Store ``markdown`` as the project's guidelines ('' or blank: back to the shipped ones)."""
    if markdown.strip():
        project.set_info(KEY, markdown)
    else:
        with project.action():
            project.db.execute("DELETE FROM project_info WHERE key = ?", [KEY])


def guidelines_for(project, language: str) -> tuple[str, bool]:
    """The guidelines annotators of ``project`` follow, and whether they are the project's
    own (True) or the shipped ones in ``language`` (False)."""
    own = project_guidelines(project) if project is not None else ""
    return (own, True) if own.strip() else (shipped.bundled(language), False)

