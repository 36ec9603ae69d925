"""The lexicon's in-memory shape.  This is the contract between the data files,
the validator, the engine and the exporters.

A data file (``lexicon/data/entries/*.yaml``) holds ``entries:``, a list of
mappings with these keys (see ``lexicon/data/README.md`` for the trainer's
guide):

id             stable slug, never reused (``inmate``, ``illegal-immigrant``)
category       one of CATEGORIES
severity       one of SEVERITIES
forms          surface forms, either a list (number-less: adjectives, phrases)
               or a mapping ``{singular: [...], plural: [...]}``; possessives
               (``inmate's``, ``inmates'``) are listed explicitly; the loader
               adds the typographic-apostrophe twin (``inmate’s``) itself.
               A form (case-insensitive) belongs to one entry only; entries
               overlap by design ("offender" / "young offender"): the longest
               match wins
pos            optional list of spaCy coarse tags the matched head word must
               carry (``[NOUN, PROPN]`` keeps "criminals" and drops
               "criminal justice")
sense          the sense targeted, in plain words
refers_to_people  default true: only flag when the referent is a person/group
not_followed_by   words (lower case) that, right after the match, make it a
               different sense: ``whale``, ``app``, ``cats``; may be short
               phrases (``in garages``)
not_preceded_by   words right before the match that do the same: ``time``, ``jet``,
               or phrases ending right before it (``in a``)
requires_nearby   optional words of which one must occur in the same sentence
               (``lags`` only in a prison context); a word also covers longer
               words starting with it (``prison`` -> ``prisoners``)
exceptions     phrases, each containing one of the forms; an occurrence inside
               one of them is exempt (official names, fixed phrases, idioms)
alternatives   list of ``{singular: ..., plural: ...}`` (plural defaults to
               singular; a bare string means the same for both); the first is
               the preferred rewrite; each replaces exactly the matched words.
               May be empty (``[]``) when no drop-in swap exists: then
               ``advice`` is required and says what to do instead
advice         optional sentence of guidance beyond a swap
rationale      why, in our words
disagreement   optional: where sources disagree and how severity reflects it
decision       optional: a trainer's decision where the policy is silent
sources        list of ``{title: ..., url: ...}``

Any file may also hold ``official_names:`` (a list, or a mapping of group ->
list): names in which an occurrence is never flagged.  ``lexicon/parse.py``
validates all of this and reports ``path:line: message`` for every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES: dict[str, str] = {
    "person-label": "Person label",
    "soft-person-label": "Soft person label",
    "offence-identity": "Offence identity noun",
    "dehumanising": "Dehumanising / sensationalist",
    "punitive-frame": "Punitive / myth frame",
    "drug-use": "Drug use",
    "immigration": "Immigration",
    "race-class": "Race and class",
    "mental-health": "Mental health",
    "vawg": "Violence against women and girls",
}

SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Form:
    text: str
    number: str | None  # "singular", "plural" or None for number-less forms
    possessive: bool = False


# The legal status a text establishes for the person a label refers to
# (framing.status).  An alternative may say which of them it is valid for:
# "person convicted of murder" only where a conviction is established.
STATUSES: tuple[str, ...] = (
    "wanted",
    "suspected",
    "arrested",
    "charged",
    "on_trial",
    "convicted",
    "sentenced",
    "released",
    "group_generic",
    "unknown",
)
# shorthands an alternative's ``statuses`` may use
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "pre-charge": ("wanted", "suspected", "arrested"),
    "pre-verdict": ("wanted", "suspected", "arrested", "charged", "on_trial"),
    "court": ("charged", "on_trial"),
    "conviction": ("convicted", "sentenced", "released"),
}
# wording that states a conviction is valid only for these
CONVICTED: frozenset[str] = frozenset(STATUS_GROUPS["conviction"])


@dataclass(frozen=True)
class Alternative:
    singular: str
    plural: str
    # the statuses it is valid for; empty: any (wording that states no legal status)
    statuses: tuple[str, ...] = ()

    def for_number(self, number: str | None) -> str:
        return self.plural if number == "plural" else self.singular

    def fits(self, status: str) -> bool:
        return not self.statuses or status in self.statuses


@dataclass(frozen=True)
class Entry:
    id: str
    category: str
    severity: str
    forms: tuple[Form, ...]
    sense: str
    alternatives: tuple[Alternative, ...]
    rationale: str
    sources: tuple[Source, ...]
    pos: tuple[str, ...] = ()
    refers_to_people: bool = True
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    requires_nearby: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    advice: str = ""
    disagreement: str = ""
    decision: str = ""
    file: str = ""  # where the entry came from, for messages
    line: int = 0

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    official_names: tuple[str, ...] = ()
    files: tuple[str, ...] = field(default_factory=tuple)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def get(self, entry_id: str) -> Entry | None:
        return self.by_id().get(entry_id)

    def find(self, term: str) -> Entry | None:
        """The entry ``term`` names: an id, else a form ("inmates", "Inmate",
        "old lag's"), in any case and with either apostrophe, so a trainer can
        look up the word they saw in copy.  An id wins over a form; no form
        belongs to two entries (``lexicon.validate`` refuses that)."""
        key = _lookup_key(term)
        for entry in self.entries:
            if _lookup_key(entry.id) == key:
                return entry
        for entry in self.entries:
            if any(_lookup_key(f.text) == key for f in entry.forms):
                return entry
        return None


def _lookup_key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())


@dataclass(frozen=True)
class Amendment:
    """An organisation's exception to an entry it did not write (an
    ``exceptions:`` item in an extra lexicon file): following or preceding
    words, or phrases, after which the entry does not apply.  Most come from
    ``framewatch learn suggest``: a pattern its reviewers kept dismissing."""

    entry: str
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    note: str = ""  # why (the support and counter-examples it was accepted on)
    file: str = ""
    line: int = 0
