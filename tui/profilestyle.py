"""How the constructive profile is shown: a symbol per voice role and the queue's
profile cell. Symbols, never colour alone, so the roles read on any terminal."""

from __future__ import annotations

from typing import Any

LIVED_SYMBOL = "★"
THEMATIC_SYMBOL = "T"
SOLUTIONS_SYMBOL = "✚"
# one symbol per role, shown before the speaker in the text and in the profile pane
ROLE_SYMBOL = {
    "lived_experience": "★",
    "victims": "♥",
    "charities": "✚",
    "research": "∑",
    "police_prosecution": "⚑",
    "courts": "⚖",
    "government": "♜",
    "prison_probation": "▣",
    "other": "●",
}
NOT_PROFILED = "–"


def profile_cell(row: Any, compact: bool = False) -> str:
    """'62 ★T✚': score, then a symbol for a lived-experience voice, a thematic
    frame and solutions ('62★T✚' when ``compact``); '–' for an article not
    profiled yet. The queue's detail line says the same in words."""
    if getattr(row, "score", None) is None:
        return NOT_PROFILED
    marks = (
        (LIVED_SYMBOL if row.lived_experience else "")
        + (THEMATIC_SYMBOL if row.thematic else "")
        + (SOLUTIONS_SYMBOL if row.solutions else "")
    )
    if compact:
        return f"{row.score}{marks}"
    return f"{row.score:>3} {marks}".rstrip()


def profile_words(row: Any) -> str:
    """The profile cell in words, for the queue's detail line."""
    if getattr(row, "score", None) is None:
        return "not profiled"
    words = [f"constructive {row.score}/100"]
    if row.lived_experience:
        words.append(f"{LIVED_SYMBOL} lived-experience voice")
    words.append("thematic" if row.thematic else "episodic")
    if row.solutions:
        words.append(f"{SOLUTIONS_SYMBOL} solutions")
    return ", ".join(words)
