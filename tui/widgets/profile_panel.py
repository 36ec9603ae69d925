"""Side panel: the article's constructive profile, every point of its score explained.

Voices are listed with the same role symbol the article text shows before
each speaker (``tui.profilestyle``), so who is quoted reads without colour.
"""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.profilestyle import ROLE_SYMBOL
from tui.sanitize import one_line

ROLE_LABELS = {
    "police_prosecution": "police and prosecution",
    "courts": "courts",
    "government": "government and politicians",
    "prison_probation": "prison and probation",
    "lived_experience": "lived experience",
    "victims": "victims and families",
    "charities": "charities and campaigners",
    "research": "researchers and inspectorates",
    "other": "other",
}


def describe_profile(profile: dict[str, Any] | None) -> Content:
    if not profile:
        return Content(
            "Not profiled yet: the monitor profiles an article when it analyses it "
            "(framewatch profile --article ID computes one now)."
        )
    parts: list[str | tuple[str, str]] = [
        (f"Constructive score {profile['score']}/100", "bold"),
        f"  ({profile['words']} words)\n",
    ]
    for p in profile["score_parts"]:
        parts.append(f"{p['points']:>2}/{p['out_of']:<2} ")
        parts.append((p["part"], "bold"))
        parts.append(f": {one_line(p['reason'], 70)}\n")
    # on first use: the profile package loads the attribution patterns
    from framing.profile.features import describe_feature

    frame = profile["frame"]
    drivers = "; ".join(describe_feature(d["feature"], d["value"]) for d in frame["drivers"][:3])
    parts.append(("\nFrame: ", "bold"))
    parts.append(f"{frame['label']} ({frame['probability']:.2f}); driven by {drivers}\n")
    for key, label in (("solution_spans", "Solutions"), ("evidence_spans", "Evidence")):
        kinds = sorted({m["kind"] for m in profile.get(key, ())})
        if kinds:
            parts.append((f"{label}: ", "bold"))
            parts.append(", ".join(kinds) + "\n")
    voices = profile.get("voices", ())
    parts.append((f"\nVoices ({len(voices)})\n", "bold"))
    for v in voices:
        sym = ROLE_SYMBOL.get(v["role"], "●")
        who = one_line(v["speaker"], 40) if v["speaker"] else "(speaker not found)"
        parts.append(f"{sym} ")
        parts.append((who, "bold"))
        parts.append(f" · {ROLE_LABELS.get(v['role'], v['role'])}\n")
        parts.append(f"   “{one_line(v['quote'], 60)}”\n")
    parts.append("\n" + "  ".join(f"{s} {ROLE_LABELS[r]}" for r, s in ROLE_SYMBOL.items()))
    return Content.assemble(*parts)


class ProfilePanel(VerticalScroll):
    DEFAULT_CSS = """
    ProfilePanel { padding: 0 1; border-top: solid $panel-lighten-2; }
    """
    HELP = """
    The article's constructive profile: its score out of 100 with the reason for every
    point, the frame (episodic or thematic) and what drove it, solutions and evidence,
    and every voice quoted, with a symbol for its role (★ lived experience, ♥ victims,
    ✚ charities, ∑ research, ⚑ police, ⚖ courts, ♜ government, ▣ prisons, ● other);
    the same symbol marks the speaker in the text.
    """

    def compose(self) -> Any:
        yield Static("", id="profile-body")

    def show(self, profile: dict[str, Any] | None) -> None:
        self.query_one("#profile-body", Static).update(describe_profile(profile))
