"""An organisation's exceptions to entries it did not write (``exceptions:``
in an extra lexicon file): checked against the entries, then applied.

An exception names an entry by id and adds following words, preceding words
or phrases after which the entry does not apply, exactly as the entry's own
``not_followed_by`` / ``not_preceded_by`` / ``exceptions`` do.  The shipped
files stay untouched, so an update of Framewatch keeps the organisation's
exceptions, and ``framewatch lexicon check`` reports a stale one (an entry
renamed or removed) like any other problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from lexicon.entry import contains_word
from lexicon.model import Amendment, Entry
from lexicon.problems import Problem, close_match


def amendment_problems(entries: Sequence[Entry], amendments: Iterable[Amendment]) -> list[Problem]:
    """Exceptions for unknown entries, and phrases that can never apply."""
    by_id = {e.id: e for e in entries}
    problems = []
    for a in amendments:
        entry = by_id.get(a.entry)
        if entry is None:
            problems.append(
                Problem(
                    a.file,
                    a.line,
                    f"exception for unknown lexicon entry '{a.entry}'{close_match(a.entry, by_id)}",
                )
            )
            continue
        forms = [f.text for f in entry.forms]
        for phrase in a.exceptions:
            if not any(contains_word(phrase, f) for f in forms):
                problems.append(
                    Problem(
                        a.file,
                        a.line,
                        f"exception phrase '{phrase}' contains none of the forms of "
                        f"'{a.entry}', so it can never apply",
                    )
                )
    return problems


def apply_amendments(entries: Sequence[Entry], amendments: Iterable[Amendment]) -> list[Entry]:
    """The entries with every exception added (duplicates dropped, order kept)."""
    extra: dict[str, list[Amendment]] = {}
    for a in amendments:
        extra.setdefault(a.entry, []).append(a)
    out = []
    for e in entries:
        found = extra.get(e.id)
        if not found:
            out.append(e)
            continue
        out.append(
            replace(
                e,
                not_followed_by=_union(
                    e.not_followed_by, (w for a in found for w in a.not_followed_by)
                ),
                not_preceded_by=_union(
                    e.not_preceded_by, (w for a in found for w in a.not_preceded_by)
                ),
                exceptions=_union(e.exceptions, (w for a in found for w in a.exceptions)),
            )
        )
    return out


def _union(old: tuple[str, ...], new: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))
