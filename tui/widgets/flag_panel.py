"""Side panel: everything about the current flag, as plain text with symbols."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.flagstyle import DECISION_LABEL, severity_label
from tui.sanitize import one_line, sanitize


def rewrite_in_context(text: str, flag: Any, width: int = 70) -> str:
    """The words around the flag with the rewrite in place ("…people in prison were…")."""
    if not flag.rewrite or flag.quoted:
        return ""
    # the rewrite may replace more than the flagged word ("the alleged murderer")
    start, end = getattr(flag, "rewrite_span", (flag.start, flag.end))
    # Stay inside the flag's paragraph: the next one is another thought.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = text[max(line_start, start - width) : start]
    right = text[end : min(line_end, end + width)]
    # Cut at word boundaries so the snippet reads cleanly.
    if start - width > line_start and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + width < line_end and " " in right:
        right = right.rsplit(" ", 1)[0] + "…"
    return one_line(f"{left}{flag.rewrite}{right}")


def describe_prediction(prediction: Any) -> list[str | tuple[str, str]]:
    """What the learned model says of the flag, in words (never colour alone);
    nothing without a prediction."""
    if prediction is None:
        return []
    parts: list[str | tuple[str, str]] = [("Learned: ", "bold")]
    parts.append(f"{100 * prediction.p_dismiss:.0f}% likely to be dismissed")
    if prediction.folded:
        parts.append(" - probably noise (folded)")
    parts.append("\n")
    if prediction.similar:
        parts.append(("Like it: ", "bold"))
        parts.append(one_line(prediction.similar) + "\n")
    return parts


def describe_flag(flag: Any, text: str, position: str = "", prediction: Any = None) -> Content:
    parts: list[str | tuple[str, str]] = []
    parts.append((f"{severity_label(flag.severity, flag.quoted)}", "bold"))
    if position:
        parts.append(f"   {position}")
    parts.append("\n")
    parts.append(("“" + one_line(flag.text) + "”", "bold underline"))
    parts.append(f"  {flag.entry} · {flag.category}\n")
    decision = getattr(flag, "decision", "pending")
    parts.append(("Decision: ", "bold"))
    parts.append(DECISION_LABEL.get(decision, decision))
    if getattr(flag, "decided_by", ""):
        parts.append(f" by {one_line(flag.decided_by)}")
    if getattr(flag, "reason", ""):
        parts.append(f" - reason: {one_line(flag.reason)}")
    parts.append("\n")
    lexicon_note = getattr(flag, "lexicon_note", "")
    if lexicon_note:
        # a lexicon change touched it since the decision: say how, in words
        parts.append((f"Lexicon: {flag.lexicon_state} - ", "bold"))
        parts.append(lexicon_note + "\n")
    if getattr(flag, "note", ""):
        parts.append(("Note: ", "bold"))
        parts.append(one_line(flag.note) + "\n")
    parts.extend(describe_prediction(prediction))
    parts.append("\n")
    if flag.why:
        parts.append(("Why\n", "bold"))
        parts.append(sanitize(flag.why).strip() + "\n\n")
    if flag.suggestions:
        parts.append(("Suggestions\n", "bold"))
        for s in flag.suggestions:
            parts.append(f"  → {one_line(s)}\n")
        parts.append("\n")
    if flag.quoted:
        parts.append(("Inside a quotation: ", "bold italic"))
        parts.append("someone else's words, shown for awareness; never rewritten.\n\n")
    else:
        context = rewrite_in_context(text, flag)
        if context:
            parts.append(("Rewrite in context\n", "bold"))
            parts.append(f"  {context}\n\n")
    if getattr(flag, "status", ""):
        # why this wording: what the text establishes about the person
        parts.append(("Legal status: ", "bold"))
        status = flag.status.replace("_", " ")
        cue = getattr(flag, "status_cue", "")
        parts.append(status + (f" (“{one_line(cue)}”)" if cue else " (no cue in the sentence)"))
        if not flag.rewrite and not flag.quoted:
            parts.append(" - no wording is safe for it: advice only")
        parts.append("\n\n")
    if flag.sources:
        parts.append(("Sources\n", "bold"))
        for title, url in flag.sources:
            parts.append(f"  • {one_line(title)}\n    {one_line(url)}\n")
    return Content.assemble(*parts)


class FlagPanel(VerticalScroll):
    DEFAULT_CSS = """
    FlagPanel { border-left: wide $primary; padding: 0 1; }
    FlagPanel > #flag-detail { width: 1fr; }
    """
    HELP = "Details of the current flag: why it matters, suggestions, sources and the decision."

    def compose(self):
        yield Static("No flag selected.", id="flag-detail")

    def show(
        self, flag: Any | None, text: str = "", position: str = "", prediction: Any = None
    ) -> None:
        detail = self.query_one("#flag-detail", Static)
        if flag is None:
            detail.update("No flags in this article." if not position else position)
            return
        detail.update(describe_flag(flag, text, position, prediction))
        self.scroll_home(animate=False)
