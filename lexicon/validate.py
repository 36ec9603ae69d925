"""Problems between a lexicon's entries, and in an organisation's overrides.

Each file's own problems come from ``lexicon.parse``; here the files are
checked as one lexicon: an id defined twice, a surface form claimed by two
entries, a suggested alternative that would itself be flagged, and
``disable``/``severity`` settings naming entries that do not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from lexicon.cache import read_file
from lexicon.files import shipped_files
from lexicon.model import SEVERITIES, Entry
from lexicon.parse import FileResult
from lexicon.problems import Problem, close_match


def _cross_check(
    results: list[FileResult], ignore_ids: frozenset[str] = frozenset()
) -> list[Problem]:
    """Problems between entries: duplicate ids, a surface form in two entries."""
    problems: list[Problem] = []
    ids: dict[str, Entry] = {}
    forms: dict[str, Entry] = {}
    for result in results:
        for entry in result.entries:
            first = ids.get(entry.id)
            if first is not None:
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        f"duplicate id '{entry.id}' (first defined at {first.file}:{first.line})",
                    )
                )
                continue
            ids[entry.id] = entry
            if entry.id in ignore_ids:
                continue
            for form in entry.forms:
                key = form.text.lower()
                other = forms.get(key)
                if other is not None and other.id != entry.id:
                    problems.append(
                        Problem(
                            entry.file,
                            entry.line,
                            f"form '{form.text}' of entry '{entry.id}' is also "
                            f"a form of entry '{other.id}' ({other.file}:"
                            f"{other.line}); a form may belong to one entry",
                        )
                    )
                else:
                    forms[key] = entry
    active = [e for r in results for e in r.entries if e.id not in ignore_ids]
    problems.extend(_check_alternatives(active))
    return problems


_EDGE_PUNCT = '.,;:!?()[]"“”'


def _phrases(text: str, longest: int | None = None) -> Iterator[tuple[str, str | None]]:
    """Every run of 1..longest (default: any number of) whitespace-separated
    words, lower case, with the word right after it (None at the end)."""
    words = [w.strip(_EDGE_PUNCT) for w in text.lower().split()]
    for i in range(len(words)):
        top = len(words) - i if longest is None else min(longest, len(words) - i)
        for n in range(1, top + 1):
            yield " ".join(words[i : i + n]), (words[i + n] if i + n < len(words) else None)


def _check_alternatives(entries: list[Entry]) -> list[Problem]:
    """A suggestion must not itself be flagged, or applying it creates a new flag.

    Entries whose matches depend on context (part of speech, nearby words)
    are left out: "person with a criminal record" is fine because only the
    noun "criminal" is flagged.  Word runs are looked up in a set rather than
    matched with one big regex, which would cost more than the whole load.
    """
    owner = {
        f.text.lower(): e.id
        for e in entries
        if not e.pos and not e.requires_nearby
        for f in e.forms
    }
    longest = max((len(k.split()) for k in owner), default=0)
    problems = []
    for entry in entries:
        own = {f.text.lower() for f in entry.forms}
        for alt in entry.alternatives:
            for text in dict.fromkeys((alt.singular, alt.plural)):
                # Its own forms are checked whatever the context rules, unless a
                # not_followed_by word right after them rules the match out.
                for phrase, after in _phrases(text):
                    if phrase in own and after not in entry.not_followed_by:
                        problems.append(
                            Problem(
                                entry.file,
                                entry.line,
                                f"alternative '{text}' of entry '{entry.id}' contains its own "
                                f"form '{phrase}', so the rewrite would be flagged again",
                            )
                        )
                hit = next(
                    (p for p, _after in _phrases(text, longest) if p in owner and p not in own),
                    None,
                )
                if hit is not None:
                    problems.append(
                        Problem(
                            entry.file,
                            entry.line,
                            f"alternative '{text}' of entry '{entry.id}' "
                            f"contains '{hit}', flagged by entry "
                            f"'{owner[hit]}'",
                        )
                    )
    return problems


def problems_of(results: list[FileResult], disable: Iterable[str] = ()) -> list[Problem]:
    """Each file's own problems, then those between its entries."""
    from lexicon.amend import amendment_problems

    problems = [pr for r in results for pr in r.problems]
    problems.extend(_cross_check(results, frozenset(disable)))
    entries = [e for r in results for e in r.entries]
    problems.extend(amendment_problems(entries, (a for r in results for a in r.amendments)))
    return problems


def validate_files(paths: Iterable[Path | str] | None = None) -> list[Problem]:
    """Every problem in these files, checked as one lexicon (default: shipped data)."""
    files = list(shipped_files() if paths is None else paths)
    return problems_of([read_file(p) for p in files])


def override_problems(
    entries: Iterable[Entry], disable: Iterable[str] = (), severity: Mapping[str, str] | None = None
) -> list[str]:
    """What is wrong with an organisation's ``disable`` and ``severity`` settings."""
    known = {e.id for e in entries}
    problems = []
    for entry_id in disable:
        if entry_id not in known:
            problems.append(
                f"cannot disable unknown lexicon entry '{entry_id}'{close_match(entry_id, known)}"
            )
    for entry_id, level in (severity or {}).items():
        if entry_id not in known:
            problems.append(
                f"cannot set severity of unknown lexicon entry '{entry_id}'"
                f"{close_match(entry_id, known)}"
            )
        elif level not in SEVERITIES:
            problems.append(
                f"unknown severity '{level}' for lexicon entry '{entry_id}' "
                f"(expected one of: {', '.join(SEVERITIES)})"
            )
    return problems
