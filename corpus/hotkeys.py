"""The single keys the annotation window keeps for itself, in one place: a label's hotkey
may not be one of them (the scheme editor, ``hanmark labels`` and a scheme import refuse
it), and the window binds its own actions to these names.  Qt reads ``r`` and ``R`` as
the same key, so keys compare without case."""

from __future__ import annotations

RELATION = "R"                  # View → Start a Relation
PREVIOUS_SUGGESTION = "["
NEXT_SUGGESTION = "]"

RESERVED = {
    RELATION: "starts a relation",
    PREVIOUS_SUGGESTION: "moves to the previous suggestion",
    NEXT_SUGGESTION: "moves to the next suggestion",
}


def same_key(a: str, b: str) -> bool:
    """Whether two hotkeys are one key on the keyboard (``r`` is ``R``)."""
    return bool(a) and a.casefold() == b.casefold()


def reserved(key: str) -> str:
    """The window's key ``key`` is ('' when it is free for a label)."""
    return next((own for own in RESERVED if same_key(key, own)), "")


def refusal(key: str) -> str:
    """Why ``key`` cannot be a label's hotkey, in one line ('' when it can)."""
    own = reserved(key)
    if own:
        return f"hotkey {key!r} is taken by the window ({own} {RESERVED[own]})"
    if key and key.isspace():
        return "a hotkey cannot be white space"
    return ""
