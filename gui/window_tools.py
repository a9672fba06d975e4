"""The window's tools: each adds its own menu entries, panels, keys and overlays to the main
window, and those that follow the open project get its session.  The main window builds
them here, in this order (menus that the window's own actions sit between come first)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from gui.dialogs.statistics import add_statistics_action
from gui.reserved_keys import ReservedKeyNotice
from gui.tools.check_tools import CheckTools
from gui.tools.curation_tools import CurationTools
from gui.tools.detail_tools import DetailTools
from gui.tools.guidelines_tools import GuidelinesTools
from gui.tools.layer_tools import LayerTools
from gui.tools.model_tools import ModelTools
from gui.tools.project_files import ProjectFiles
from gui.tools.relation_tools import RelationTools
from gui.tools.scheme_tools import SchemeTools
from gui.tools.search_tools import SearchTools
from gui.tools.suggestion_tools import SuggestionTools
from gui.tools.tag_tools import TagTools
from gui.tools.team_files import TeamFiles
from gui.tools.token_tools import TokenTools

#: The tools given each new session, in this order.
SESSION_TOOLS = ("suggestion_tools", "layer_tools", "curation", "relation_tools",
                 "search_tools", "details", "tags", "checks")


def install_view_tools(window) -> None:
    """The View and Help menus' tools (before the window connects its own actions)."""
    window.layer_tools = LayerTools(window, window.view_actions.menu)
    window.curation = CurationTools(window, window.view_actions.menu)
    window.guidelines = GuidelinesTools(window, window.actions.help_menu)
    window.relation_tools = RelationTools(window, window.view_actions.menu)


def install_tools(window, model_cache: Path | None, state_file: Path | None) -> None:
    """Every other tool: tokens, suggestions and the model, files, the scheme, search, the
    span panel, label tags, checks and statistics."""
    window.tools = TokenTools(window)
    window.suggestion_tools = SuggestionTools(window)
    window.model_tools = ModelTools(
        window, model_cache or Path(tempfile.mkdtemp(prefix="hanmark-model-")))
    window.files = ProjectFiles(window)
    window.team_files = TeamFiles(window)
    window.scheme_tools = SchemeTools(window)     # Project → Labels…
    window.search_tools = SearchTools(window)     # Edit → Find, Edit → Search the Corpus
    window.details = DetailTools(window)          # the span panel's dock
    window.tags = TagTools(window, window.view_actions.menu, state_file)   # View → Label Tags
    window.checks = CheckTools(window)
    window.statistics_action = add_statistics_action(window)
    window.reserved_keys = ReservedKeyNotice(window)   # a label hotkey the window keeps


def set_session(window, session) -> None:
    for name in SESSION_TOOLS:
        getattr(window, name).set_session(session)
