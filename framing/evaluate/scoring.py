"""Score a framing engine against an annotated dataset.

The rules are the flagging policy's "What counts in evaluation"
(``../shared/flagging-policy.md``):

* an occurrence is *positive* when labelled FLAG (writer's voice) or QUOTED;
* a flag is a true positive when its span overlaps a positive occurrence;
* a flag that overlaps no positive (a NO-labelled occurrence, or text nobody
  labelled) is a false positive;
* a positive that no flag overlaps is a miss;
* quoted status is scored separately: among true positives, how often the
  flag's ``quoted`` agrees with the label (QUOTED vs FLAG).

Recall counts occurrences (two flags on one positive find it once); precision
counts flags.  Per-category figures use the occurrence's category for hits and
misses, and the flag's own category for false positives, because a false flag
has no occurrence to borrow a category from.

Pure logic: no click, no printing.  ``framing/evaluate/cli.py`` and
``benchmarks/accuracy.py`` present the report.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from core.errors import FramewatchError
from framing.evaluate.dataset import LABELS, SNIPPET_CONTEXT, Dataset
from framing.flag import Flag


@dataclass
class Score:
    tp: int = 0  # flags overlapping a positive
    fp: int = 0  # flags overlapping no positive
    found: int = 0  # positives overlapped by at least one flag
    positives: int = 0

    @property
    def fn(self) -> int:
        return self.positives - self.found

    # None where a figure is undefined (no flags, no positives) rather than a
    # flattering 1.0: a category nobody labelled has no recall to report.
    @property
    def precision(self) -> float | None:
        flags = self.tp + self.fp
        return self.tp / flags if flags else None

    @property
    def recall(self) -> float | None:
        return self.found / self.positives if self.positives else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if r is None:
            return None
        p = 0.0 if p is None else p  # positives exist but nothing was flagged
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        def rnd(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "found": self.found,
            "positives": self.positives,
            "precision": rnd(self.precision),
            "recall": rnd(self.recall),
            "f1": rnd(self.f1),
        }


@dataclass(frozen=True)
class ErrorCase:
    """A miss, a false flag or a quote disagreement, with enough to read it."""

    item: str
    start: int
    end: int
    text: str
    entry: str | None
    category: str
    label: str | None  # the occurrence's label (None for a flag on unlabelled text)
    quoted: bool | None  # the flag's quoted status (None for a miss)
    snippet: str


@dataclass
class Report:
    dataset: str
    engine: str
    items: int
    occurrences: int
    labels: dict[str, int]
    overall: Score
    per_category: dict[str, Score]
    quote_matches: int
    quote_total: int
    misses: list[ErrorCase] = field(default_factory=list)
    false_flags: list[ErrorCase] = field(default_factory=list)
    quote_mismatches: list[ErrorCase] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def quote_agreement(self) -> float | None:
        return self.quote_matches / self.quote_total if self.quote_total else None

    def to_json(self) -> dict[str, Any]:
        qa = self.quote_agreement
        return {
            "dataset": self.dataset,
            "engine": self.engine,
            "items": self.items,
            "occurrences": self.occurrences,
            "labels": dict(self.labels),
            "overall": self.overall.to_json(),
            "per_category": {k: v.to_json() for k, v in sorted(self.per_category.items())},
            "quote_agreement": None if qa is None else round(qa, 4),
            "quote_matches": self.quote_matches,
            "quote_total": self.quote_total,
            "misses": [asdict(e) for e in self.misses],
            "false_flags": [asdict(e) for e in self.false_flags],
            "quote_mismatches": [asdict(e) for e in self.quote_mismatches],
            "seconds": round(self.seconds, 3),
        }


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """The span in ``[[...]]`` with some context either side, on one line."""
    left = text[max(0, start - context) : start]
    right = text[end : end + context]
    out = ("…" if start > context else "") + left + "[[" + text[start:end] + "]]" + right
    out += "…" if end + context < len(text) else ""
    return re.sub(r"\s+", " ", out)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class Checker(Protocol):
    """What is measured: ``framing.Engine`` or a baseline."""

    def check(self, text: str, fmt: str = "text") -> list[Flag]: ...


def run_engine(
    engine: Checker, texts: Sequence[str], progress: Callable[[int], None] | None = None
) -> list[list[Flag]]:
    """Flags for each text, via ``check_many`` when the engine batches."""
    results: list[list[Flag]] = []
    stream: Iterable[Iterable[Flag]]
    if hasattr(engine, "check_many"):
        stream = engine.check_many(texts)
    else:
        stream = (engine.check(t) for t in texts)
    for flags in stream:
        results.append(list(flags))
        if progress:
            progress(1)
    if len(results) != len(texts):
        raise FramewatchError(f"engine returned {len(results)} results for {len(texts)} texts")
    return results


def score(
    dataset: Dataset, flags_per_item: Sequence[Sequence[Flag]], engine_name: str = ""
) -> Report:
    """Score precomputed flags (one list per dataset item, in order)."""
    if len(flags_per_item) != len(dataset.items):
        raise ValueError(f"{len(flags_per_item)} flag lists for {len(dataset.items)} items")
    overall = Score()
    per_cat: dict[str, Score] = {}
    labels: dict[str, int] = {lab: 0 for lab in LABELS}
    misses: list[ErrorCase] = []
    false_flags: list[ErrorCase] = []
    quote_mismatches: list[ErrorCase] = []
    quote_matches = quote_total = 0

    def cat(name: str) -> Score:
        return per_cat.setdefault(name, Score())

    for item, flags in zip(dataset.items, flags_per_item, strict=True):
        positives = [o for o in item.occurrences if o.positive]
        for o in item.occurrences:
            labels[o.label] += 1
        found: set[int] = set()
        for f in flags:
            hits = [
                (min(f.end, o.end) - max(f.start, o.start), i, o)
                for i, o in enumerate(positives)
                if _overlaps(f.start, f.end, o.start, o.end)
            ]
            if not hits:
                overall.fp += 1
                cat(f.category).fp += 1
                negative = next(
                    (o for o in item.occurrences if _overlaps(f.start, f.end, o.start, o.end)), None
                )
                false_flags.append(
                    ErrorCase(
                        item=item.id,
                        start=f.start,
                        end=f.end,
                        text=item.text[f.start : f.end],
                        entry=f.entry,
                        category=f.category,
                        label=negative.label if negative else None,
                        quoted=bool(f.quoted),
                        snippet=snippet(item.text, f.start, f.end),
                    )
                )
                continue
            for _, i, _o in hits:
                found.add(i)
            # attribute the flag to the positive it overlaps most
            _, _, best = max(hits, key=lambda h: (h[0], -h[1]))
            overall.tp += 1
            cat(best.category).tp += 1
            quote_total += 1
            if bool(f.quoted) == (best.label == "QUOTED"):
                quote_matches += 1
            else:
                quote_mismatches.append(
                    ErrorCase(
                        item=item.id,
                        start=best.start,
                        end=best.end,
                        text=best.text,
                        entry=best.entry,
                        category=best.category,
                        label=best.label,
                        quoted=bool(f.quoted),
                        snippet=snippet(item.text, best.start, best.end),
                    )
                )
        for i, o in enumerate(positives):
            overall.positives += 1
            cat(o.category).positives += 1
            if i in found:
                overall.found += 1
                cat(o.category).found += 1
            else:
                misses.append(
                    ErrorCase(
                        item=item.id,
                        start=o.start,
                        end=o.end,
                        text=o.text,
                        entry=o.entry,
                        category=o.category,
                        label=o.label,
                        quoted=None,
                        snippet=snippet(item.text, o.start, o.end),
                    )
                )
    return Report(
        dataset=dataset.path,
        engine=engine_name,
        items=len(dataset.items),
        occurrences=sum(labels.values()),
        labels=labels,
        overall=overall,
        per_category=per_cat,
        quote_matches=quote_matches,
        quote_total=quote_total,
        misses=misses,
        false_flags=false_flags,
        quote_mismatches=quote_mismatches,
    )


def engine_name(engine: object) -> str:
    model = getattr(engine, "model_name", None)
    return f"{type(engine).__name__} ({model})" if model else type(engine).__name__


def evaluate(
    engine: Checker, dataset: Dataset, progress: Callable[[int], None] | None = None
) -> Report:
    """Run ``engine`` over every item of ``dataset`` and score the flags."""
    started = time.perf_counter()
    flags = run_engine(engine, [it.text for it in dataset.items], progress)
    report = score(dataset, flags, engine_name(engine))
    report.seconds = time.perf_counter() - started
    return report
