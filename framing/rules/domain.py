"""Policy exemption 6: senses outside the policy's domains ("TV addicts",
"gadget fiends", "audio junkies", "car dealers", "luxury goods")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

# words whose addicts/junkies/fiends are drug users or drinkers: keep the flag
DRUG_WORDS = frozenset(
    """
drug drugs heroin crack cocaine coke opioid opioids opiate opiates meth methamphetamine
smack skunk cannabis weed spice ketamine alcohol booze drink pill pills painkiller
painkillers fentanyl nitrous glue solvent substance ecstasy mdma amphetamine speed
crystal dope narcotics county lines line ice street
""".split()
)
# modifiers that move the word out of the domain whatever entry matched
OUT_OF_DOMAIN_MODIFIERS = frozenset(
    """
tv television telly gadget gadgets audio adrenaline news sugar chocolate caffeine coffee tea
gym fitness exercise shopping internet gaming video phone screen work data tech culture car
cars art antique antiques furniture book music fashion political politics sport sports
football rugby cricket film movie cinema jigsaw puzzle crossword gambling property
second-hand secondhand used vintage vinyl record records speed-dating social media
""".split()
)
_DOMAIN_WORDS = (
    "addict",
    "junkie",
    "fiend",
    "dealer",
    "freak",
    "head",
    "druggie",
    "lover",
    "luxury",
)
LUXURY_THINGS = frozenset(
    "goods brand brands car cars watch watches hotel hotels yacht yachts "
    "fashion items item market property flats homes apartments holiday".split()
)


def _relevant(c: Candidate) -> bool:
    return c.entry.category == "drug-use" or any(d in c.key for d in _DOMAIN_WORDS)


def _drug_compound(c: Candidate) -> bool:
    """ "drug addict", "crack fiend": the drug sense by construction."""
    words = c.lower_words
    return len(words) > 1 and any(w in DRUG_WORDS for w in words)


# a building of luxury made into a jail: the luxury is literal, not a frame
# ("the Ritz-Carlton hotel was turned into a luxury prison")
_MADE_INTO = re.compile(
    r"\b(?:turn(?:ed|ing|s)?|convert(?:ed|ing|s)?|transform(?:ed|ing|s)?)\b[^.;]{0,60}\binto\s+an?\s+$",
    re.I,
)
_LUXURY_BUILDINGS = frozenset("hotel hotels palace palaces resort resorts mansion mansions".split())


# a sport's discipline: its "repeat offenders" are players and clubs booked,
# fined or docked points, not people with convictions (desk decision 4)
_SPORT_DISCIPLINE = re.compile(
    r"\b(?:yellow\s+cards?|red\s+cards?|booked\s+\w+\s+times|booking|bookings|diving|"
    r"simulation|points?\s+deductions?|fixtures?|sin[- ]bin|referees?|premier\s+league|"
    r"football\s+league|efl|fifa|uefa|rfu|var)\b",
    re.I,
)
_JUSTICE = re.compile(
    r"\b(?:jail\w*|prison\w*|court|convicted|conviction|sentenced|police|arrested|charged|"
    r"crimes?|criminal|offences?|assault\w*|sex|sexual|drink-driving|speeding)\b",
    re.I,
)


def _sport_offender(c: Candidate, s: Sentence) -> bool:
    return (
        "offender" in c.key
        and bool(_SPORT_DISCIPLINE.search(s.text))
        and not _JUSTICE.search(s.text)
    )


def out_of_domain_sense(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if _sport_offender(c, s):
        return "an offender in a sport's discipline, not a justice sense"
    if "luxury" in c.key:
        nxt = [w.lower() for w in s.words_after(c.end, 1)]
        if nxt and nxt[0] in LUXURY_THINGS:
            return f"luxury {nxt[0]}: not about prisons"
        if s.word_set & _LUXURY_BUILDINGS and _MADE_INTO.search(
            s.text[max(0, c.start - 90) : c.start]
        ):
            return "a luxury building made into a jail: literal, not a frame"
    if c.entry.id == "lifer" and s.gap_before(c.start) == "-":
        firm = s.word_before(c.start)
        if firm is not None and firm[2][:1].isupper():
            # "the bespectacled Ferrari-lifer": a lifetime at a firm or a club
            return f"'{firm[2]}-{c.text}': long service, not a sentence"
    if not _relevant(c):
        return None
    if _drug_compound(c):
        return None
    prev = [w.lower() for w in s.words_before(c.start, 1)]
    gap = s.gap_before(c.start)
    if prev and prev[0] in OUT_OF_DOMAIN_MODIFIERS and not any(ch in gap for ch in ".,;:!?"):
        return f"'{prev[0]} {c.text}' is outside the policy's domain"
    return None


def noun_modifier_out_of_domain(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """Any noun modifier that is not a drug ("chocolate addict") moves an
    addiction word out of the drug-use domain; "heroin addict" keeps it."""
    if c.entry.category != "drug-use" and not any(
        d in c.key for d in ("fiend", "junkie", "dealer")
    ):
        return None
    if _drug_compound(c):
        return None
    if s.headline:
        return None  # every word is capitalised there: tags are unreliable
    prev = s.token_before(c.start)
    if prev is None or prev.pos not in ("NOUN", "PROPN") or prev.end != c.start - 1:
        return None
    if prev.text.lower() in DRUG_WORDS or prev.lemma.lower() in DRUG_WORDS:
        return None
    if prev.text.lower() == "time" and s.text[prev.start - 1 : prev.start] == "-":
        return None  # "a one-time junkie", "a long-time addict": when, not what of
    return f"'{prev.text} {c.text}': a {prev.text.lower()} {c.lower_words[-1]} is outside the policy's domain"
