"""Suggested rules: repeated dismissals mined into proposed lexicon exceptions.

A pattern a team keeps dismissing ("savage scored" on the sports pages, "worst
offenders" about firms) is better fixed once in the lexicon than folded by
the model forever: a rule is visible, reviewable and reaches ``check`` and
the draft checker too.  Each suggestion carries its support (dismissals it
covers) and its counter-examples (accepted flags it would also remove), so a
lexicon manager decides with the evidence in front of them.  An accepted one
goes into the organisation's lexicon file as an ``exceptions:`` item
(``lexicon.amend``), where ``framewatch lexicon check`` validates it.

Phrases are the form of rule suggested: the flagged words with the word
after or before them.  An outlet pattern is reported too, but it is not a
lexicon rule (the engine knows nothing of outlets): the review's model
already folds it, and the suggestion says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from learning.errors import LearningError
from learning.model import Example

MIN_SUPPORT = 3
MIN_SHARE = 0.9  # of the matching decisions, at least this share dismissed


@dataclass(frozen=True)
class Suggestion:
    id: str  # stable: "entry:kind:value", what --accept takes
    kind: str  # "phrase" | "outlet"
    entry: str
    value: str
    support: int  # dismissals it covers
    counter: int  # accepted flags it would also remove
    where: tuple[str, ...]  # outlets of the dismissals, most frequent first
    counter_where: tuple[str, ...]  # outlets of the counter-examples

    @property
    def acceptable(self) -> bool:
        """A lexicon rule can express it (phrases; not outlets)."""
        return self.kind == "phrase"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "entry": self.entry,
            "value": self.value,
            "support": self.support,
            "counter_examples": self.counter,
            "where": list(self.where),
            "counter_where": list(self.counter_where),
            "acceptable": self.acceptable,
        }

    def describe(self) -> str:
        what = f"'{self.value}'" if self.kind == "phrase" else f"in {self.value}"
        counter = (
            f", {self.counter} counter-example{'s' if self.counter != 1 else ''}"
            + (f" ({', '.join(self.counter_where[:3])})" if self.counter_where else "")
            if self.counter
            else ", no counter-examples"
        )
        where = f" in {', '.join(self.where[:3])}" if self.where and self.kind == "phrase" else ""
        tail = "" if self.acceptable else " (not a lexicon rule: the review model folds it)"
        return f"{self.entry}: {what}: dismissed {self.support} times{where}{counter}{tail}"


def _candidates(features: dict[str, Any]) -> list[tuple[str, str]]:
    ctx = features.get("context") or {}
    text = str(features.get("text", "")).lower().strip()
    out = []
    after = ctx.get("after") or []
    before = ctx.get("before") or []
    if text and after:
        out.append(("phrase", f"{text} {after[0]}"))
    if text and before:
        out.append(("phrase", f"{before[-1]} {text}"))
    outlet = str(features.get("outlet") or "")
    if outlet:
        out.append(("outlet", outlet))
    return out


def suggest(
    examples: Sequence[Example],
    lexicon: Any,
    *,
    min_support: int = MIN_SUPPORT,
    min_share: float = MIN_SHARE,
) -> list[Suggestion]:
    """Patterns dismissed at least ``min_support`` times and at least
    ``min_share`` of the time, that the lexicon does not already except."""
    from lexicon.amend import amendment_problems
    from lexicon.model import Amendment

    by_id = {e.id: e for e in lexicon.entries}
    dismissed: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    accepted: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in examples:
        entry = str(e.features.get("entry", ""))
        outlet = str(e.features.get("outlet") or "?")
        for kind, value in _candidates(e.features):
            (dismissed if e.dismissed else accepted)[(entry, kind, value)].append(outlet)
    out = []
    for key, outlets in dismissed.items():
        entry, kind, value = key
        support, counter = len(outlets), len(accepted.get(key, ()))
        if support < min_support or support / (support + counter) < min_share:
            continue
        known = by_id.get(entry)
        if known is None:
            continue  # the entry is gone from the lexicon in use
        if kind == "phrase":
            if value in (x.lower() for x in known.exceptions):
                continue
            if amendment_problems([known], [Amendment(entry=entry, exceptions=(value,))]):
                continue  # the phrase does not hold the entry's form: it could never apply
        out.append(
            Suggestion(
                id=f"{entry}:{kind}:{value}",
                kind=kind,
                entry=entry,
                value=value,
                support=support,
                counter=counter,
                where=_by_frequency(outlets),
                counter_where=_by_frequency(accepted.get(key, [])),
            )
        )
    out.sort(key=lambda s: (not s.acceptable, -s.support, s.counter, s.id))
    return out


def _by_frequency(items: Sequence[str]) -> tuple[str, ...]:
    counts: dict[str, int] = defaultdict(int)
    for x in items:
        counts[x] += 1
    return tuple(sorted(counts, key=lambda k: (-counts[k], k)))


def accept(suggestion: Suggestion, path: Path) -> None:
    """Add the suggestion to the organisation's lexicon file as an
    ``exceptions:`` item, and check the file with the lexicon; on any problem
    the file is left as it was and the problem raised (one line).

    The file is rewritten from its YAML (comments in it are not kept)."""
    import yaml

    from lexicon.load import check_lexicon

    if not suggestion.acceptable:
        raise LearningError(
            f"{suggestion.id}: an outlet is not a lexicon rule (the review model folds it)"
        )
    old = path.read_text(encoding="utf-8") if path.exists() else None
    try:
        data = (yaml.safe_load(old) if old else None) or {}
    except yaml.YAMLError as exc:
        raise LearningError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict):
        raise LearningError(f"{path}: not a lexicon file (expected a mapping at the top)")
    items = data.setdefault("exceptions", [])
    if not isinstance(items, list):
        raise LearningError(f"{path}: 'exceptions' is not a list")
    items.append(
        {
            "entry": suggestion.entry,
            "phrases": [suggestion.value],
            "note": (
                f"learned: dismissed {suggestion.support} times, "
                f"{suggestion.counter} counter-examples"
            ),
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = check_lexicon(extra_files=[path]).problems
    if problems:
        if old is None:
            path.unlink()
        else:
            path.write_text(old, encoding="utf-8")
        raise LearningError(f"{problems[0]} (the file was left as it was)")
