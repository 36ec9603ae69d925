"""Scoring the one-key rewrite on a rewrite set (``tests/data/rewrites.jsonl``).

The unit is the sentence (``tests/data/rewrites.md``, "Counting rules"): the
engine's output after applying every automatic rewrite is acceptable when,
with whitespace collapsed and curly quotes folded to straight ones (nothing
else), it equals one of the record's ``accept`` outputs.  A sentence fails
if a target is left unrewritten (unless advice-only), an advice-only target
is rewritten, anything else changes, or a rewrite is unsafe.  Statuses are
compared per target, by span, where the engine reports one.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.evaluate.dataset import DatasetError
from framing.evaluate.scoring import Checker
from framing.flag import Flag, apply_rewrites

_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
# the statuses that allow wording which states a conviction
CONVICTED = frozenset({"convicted", "sentenced", "released"})


def normalise(text: str) -> str:
    """What is compared: whitespace collapsed, curly quotes straightened."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    text: str
    entry: str
    status: str


@dataclass(frozen=True)
class Record:
    id: str
    group: str
    text: str
    source: str
    targets: tuple[Target, ...]
    accept: tuple[str, ...]
    advice_only: tuple[int, ...]
    note: str = ""

    @property
    def real(self) -> bool:
        return self.source != "written"


@dataclass(frozen=True)
class Outcome:
    record: Record
    output: str
    ok: bool
    # targets whose status the engine reported differently: (target text, expected, got)
    status_mismatches: tuple[tuple[str, str, str], ...] = ()
    # a conviction stated for a target whose status is not one
    false_conviction: bool = False
    status_reported: int = 0  # targets for which the engine gave a status
    status_agree: int = 0


@dataclass
class GroupScore:
    total: int = 0
    ok: int = 0
    false_convictions: int = 0

    @property
    def share(self) -> float | None:
        return self.ok / self.total if self.total else None


@dataclass
class RewriteReport:
    dataset: str
    outcomes: list[Outcome]
    seconds: float
    groups: dict[str, GroupScore] = field(default_factory=dict)
    overall: GroupScore = field(default_factory=GroupScore)
    real: GroupScore = field(default_factory=GroupScore)
    written: GroupScore = field(default_factory=GroupScore)
    status_total: int = 0
    status_agree: int = 0

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    def to_json(self) -> dict[str, Any]:
        def score(s: GroupScore) -> dict[str, Any]:
            return {
                "sentences": s.total,
                "acceptable": s.ok,
                "share": s.share,
                "false_convictions": s.false_convictions,
            }

        return {
            "dataset": self.dataset,
            "seconds": round(self.seconds, 3),
            "overall": score(self.overall),
            "real": score(self.real),
            "written": score(self.written),
            "groups": {g: score(s) for g, s in self.groups.items()},
            "status": {"targets": self.status_total, "agree": self.status_agree},
            "failures": [
                {
                    "id": o.record.id,
                    "group": o.record.group,
                    "text": o.record.text,
                    "output": o.output,
                    "accept": list(o.record.accept),
                    "false_conviction": o.false_conviction,
                    "status_mismatches": [list(m) for m in o.status_mismatches],
                }
                for o in self.failures
            ],
        }


def load_rewrites(path: str | Path) -> list[Record]:
    """The records of a rewrite set, or DatasetError naming the line and the cause."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"{p}: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{p}: not UTF-8 text") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            targets = tuple(
                Target(t["start"], t["end"], t["text"], t["entry"], t.get("status", "unknown"))
                for t in d["targets"]
            )
            out.append(
                Record(
                    id=str(d["id"]),
                    group=str(d.get("group", "all")),
                    text=d["text"],
                    source=str(d.get("source", "written")),
                    targets=targets,
                    accept=tuple(d["accept"]),
                    advice_only=tuple(d.get("advice_only", ())),
                    note=d.get("note", ""),
                )
            )
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{p}:{n}: not JSON ({exc.msg})") from None
        except (KeyError, TypeError) as exc:
            raise DatasetError(
                f"{p}:{n}: a record needs id, text, targets, accept ({exc})"
            ) from None
    return out


def _status_of(flags: list[Flag], t: Target) -> str | None:
    for f in flags:
        if f.start < t.end and t.start < f.end:
            return getattr(f, "status", None)
    return None


def score(record: Record, flags: list[Flag]) -> Outcome:
    output = apply_rewrites(record.text, flags)
    got = normalise(output)
    ok = any(got == normalise(a) for a in record.accept)
    mismatches = []
    reported = agree = 0
    for t in record.targets:
        s = _status_of(flags, t)
        if not s:
            continue  # no flag there, or wording that does not depend on a status
        reported += 1
        if s == t.status:
            agree += 1
        else:
            mismatches.append((t.text, t.status, s))
    statuses = {t.status for t in record.targets}
    said = "convict" in output.lower() and "convict" not in record.text.lower()
    false_conviction = said and not (statuses & CONVICTED)
    return Outcome(record, output, ok, tuple(mismatches), false_conviction, reported, agree)


def evaluate_rewrites(
    checker: Checker,
    records: list[Record],
    dataset: str = "",
    progress: Callable[[int], None] | None = None,
) -> RewriteReport:
    t0 = time.perf_counter()
    outcomes = []
    for r in records:
        outcomes.append(score(r, checker.check(r.text)))
        if progress is not None:
            progress(1)
    report = RewriteReport(dataset, outcomes, time.perf_counter() - t0)
    for o in outcomes:
        g = report.groups.setdefault(o.record.group, GroupScore())
        for s in (g, report.overall, report.real if o.record.real else report.written):
            s.total += 1
            s.ok += o.ok
            s.false_convictions += o.false_conviction
        report.status_total += o.status_reported
        report.status_agree += o.status_agree
    return report
