"""A decided flag's stored features as the named binary features a model reads.

One place, so training, prediction and the benchmark read features the same
way.  Conjunctions with the entry carry most of the signal: "killer" before
"heels" is noise, "killer" in the sport pages of one outlet may be too, while
"killer" alone says little.
"""

from __future__ import annotations

from typing import Any


def _first(values: Any) -> str:
    return str(values[0]) if isinstance(values, list) and values else ""


def _last(values: Any) -> str:
    return str(values[-1]) if isinstance(values, list) and values else ""


def vector(features: dict[str, Any]) -> dict[str, float]:
    """Named features (value 1.0) of one flag's ``framing.features.describe`` record."""
    ctx = features.get("context") or {}
    entry = str(features.get("entry", ""))
    outlet = str(features.get("outlet", "")).lower()
    section = str(features.get("section", ""))
    after = _first(ctx.get("lemmas_after")) or _first(ctx.get("after"))
    before = _last(ctx.get("lemmas_before")) or _last(ctx.get("before"))
    text = str(features.get("text", "")).lower()
    out: dict[str, float] = {}

    def put(name: str, value: object = None) -> None:
        out[name if value is None else f"{name}={value}"] = 1.0

    put("entry", entry)
    put("category", features.get("category", ""))
    put("severity", features.get("severity", ""))
    put("field", features.get("field", "text"))
    put("text", text)
    if features.get("legal_status"):
        put("legal_status", features["legal_status"])
        put("entry_legal_status", f"{entry}|{features['legal_status']}")
    if features.get("quoted"):
        put("quoted")
        put("entry_quoted", entry)
    if outlet:
        put("outlet", outlet)
        put("entry_outlet", f"{entry}|{outlet}")
    if section:
        put("section", section)
        put("entry_section", f"{entry}|{section}")
    if after:
        put("after", after)
        put("entry_after", f"{entry}|{after}")
    else:
        put("entry_at_end", entry)
    if before:
        put("before", before)
        put("entry_before", f"{entry}|{before}")
    if ctx.get("capitalised"):
        put("capitalised")
        put("entry_capitalised", entry)
    if ctx.get("sentence_start"):
        put("sentence_start")
    for key in ("pattern", "referent", "span_kind"):
        if ctx.get(key):
            put(key, ctx[key])
            put(f"entry_{key}", f"{entry}|{ctx[key]}")
    if ctx.get("pos_after"):
        put("pos_after", _first(ctx["pos_after"]))
    if ctx.get("pos_before"):
        put("pos_before", _last(ctx["pos_before"]))
    return out


def phrase(features: dict[str, Any]) -> str:
    """The flagged words with the word after them ("killer heels"): how a
    reviewer recognises a recurring false flag."""
    ctx = features.get("context") or {}
    after = _first(ctx.get("after"))
    text = str(features.get("text", "")).lower()
    return f"{text} {after}".strip()
