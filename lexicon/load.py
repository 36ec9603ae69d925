"""Assemble the lexicon: the shipped data plus an organisation's overrides.

``load_lexicon`` raises one ``LexiconError`` line on the first problem (and
says how many there are); ``check_lexicon`` returns all of them for
``framewatch lexicon check``.  Overrides are merged here: extra files add
entries and official names, ``disable`` removes entries by id, ``severity``
changes an entry's severity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from lexicon.amend import apply_amendments
from lexicon.cache import assembled, read_file
from lexicon.errors import LexiconError
from lexicon.files import lexicon_files
from lexicon.model import Entry, Lexicon
from lexicon.problems import Problem
from lexicon.validate import override_problems, problems_of


def _fail(problems: list[Problem]) -> LexiconError:
    n = len(problems)
    more = f"{n} problem{'s' if n != 1 else ''}; run framewatch lexicon check"
    return LexiconError(f"{problems[0]} ({more})")


@dataclass(frozen=True)
class CheckResult:
    files: tuple[str, ...]
    entries: tuple[Entry, ...]  # valid entries still enabled
    official_names: tuple[str, ...]
    problems: tuple[Problem, ...]  # path "config" for the disable/severity settings

    @property
    def ok(self) -> bool:
        return not self.problems


def check_lexicon(
    extra_files: Iterable[Path | str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> CheckResult:
    """Everything wrong with the shipped data plus these overrides, without raising."""
    files = lexicon_files(extra_files)
    disable = tuple(disable)
    results = [read_file(p) for p in files]
    problems = problems_of(results, disable)
    entries = [e for r in results for e in r.entries]
    problems += [Problem("config", 0, m) for m in override_problems(entries, disable, severity)]
    names = dict.fromkeys(n for r in results for n, _ in r.names)
    disabled = set(disable)
    return CheckResult(
        files=tuple(str(f) for f in files),
        entries=tuple(e for e in entries if e.id not in disabled),
        official_names=tuple(names),
        problems=tuple(problems),
    )


def load_lexicon(
    extra_files: Iterable[Path | str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> Lexicon:
    """The shipped lexicon plus an organisation's overrides.

    ``extra_files`` add entries and official names (validated like the shipped
    data), ``disable`` removes entries by id and ``severity`` maps id -> new
    severity.  Raises ``LexiconError`` (one line) on any problem.  Parsed files
    are cached by modification time, so repeated calls are cheap.
    """
    files = lexicon_files(extra_files)
    disable = tuple(disable)
    severity = dict(severity or {})
    results = [read_file(p) for p in files]
    # Parsed files are cached objects, so their identities key the assembled result.
    memo_key = (tuple(map(id, results)), disable, tuple(sorted(severity.items())))
    lexicon = assembled.get(memo_key)
    if lexicon is not None:
        return lexicon
    problems = problems_of(results, disable)
    if problems:
        raise _fail(problems)
    entries = [e for r in results for e in r.entries]
    wrong = override_problems(entries, disable, severity)
    if wrong:
        raise LexiconError(wrong[0])
    disabled = set(disable)
    entries = [
        replace(e, severity=severity[e.id]) if e.id in severity else e
        for e in entries
        if e.id not in disabled
    ]
    entries = apply_amendments(entries, (a for r in results for a in r.amendments))
    names: list[str] = []
    seen: set[str] = set()
    for r in results:
        for name, _line in r.names:
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    lexicon = Lexicon(
        entries=tuple(entries), official_names=tuple(names), files=tuple(str(f) for f in files)
    )
    assembled.put(memo_key, lexicon)
    return lexicon
