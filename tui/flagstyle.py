"""How a flag looks, so that meaning never rests on colour alone.

Each severity has its own text attributes AND a symbol; quoted flags (someone
else's words) are italic with a quotation mark symbol; decisions add a mark.
Bold, underline and italic survive NO_COLOR and monochrome terminals.
"""

from __future__ import annotations

SYMBOL = {"high": "▲", "medium": "◆", "low": "○"}
QUOTED_SYMBOL = "❝"
DECISION_MARK = {"pending": "", "accepted": "✓", "dismissed": "✗"}
DECISION_LABEL = {"pending": "? pending", "accepted": "✓ accepted", "dismissed": "✗ dismissed"}
STATUS_LABEL = {"new": "● new", "in_review": "◐ in review", "reviewed": "✓ reviewed"}

# Content styles (theme variables resolve per theme, so light and dark both read).
CONTENT_STYLE = {
    "high": "bold underline2 $error",
    "medium": "bold underline $warning",
    "low": "underline $accent",
}
QUOTED_STYLE = "italic underline $text-muted"
DISMISSED_STYLE = "strike $text-muted"
CURRENT_STYLE = "reverse"


def symbol(severity: str, quoted: bool) -> str:
    mark = SYMBOL.get(severity, "•")
    return f"{QUOTED_SYMBOL}{mark}" if quoted else mark


def content_style(
    severity: str, quoted: bool, decision: str = "pending", current: bool = False
) -> str:
    style = QUOTED_STYLE if quoted else CONTENT_STYLE.get(severity, "underline")
    if decision == "dismissed":
        style = f"{DISMISSED_STYLE} underline" if not quoted else f"{QUOTED_STYLE} strike"
    if current:
        style = f"{style} {CURRENT_STYLE}"
    return style


def severity_label(severity: str, quoted: bool) -> str:
    voice = "quoted (someone else's words)" if quoted else "writer's voice"
    return f"{symbol(severity, quoted)} {severity.upper()} · {voice}"
