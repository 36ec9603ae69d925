"""Reframings that fit: the suggestions for one occurrence and a ready
replacement (``rewrite``) for a span that may reach beyond the word itself.

- number: "inmates" -> "people in prison";
- article: "an inmate" -> "a person in prison" (the span takes in the article);
- possessive: "the offender's family" -> "the family of the person who has
  offended" (the span takes in the possessed noun phrase) or "X's" for a
  one-word alternative;
- capitals kept (sentence start, ALL CAPS headline);
- no doubled words: "a convicted offender" does not become "a convicted person
  convicted of ..."; the modifier is absorbed instead, or the next alternative used.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from framing.candidate import Candidate, Sentence
from framing.facts import age_placed, offence_record_fit, previous_conviction_fit, ranked_fit
from framing.inflect import (
    indefinite_article,
    match_case,
    plural_head,
    plural_verb,
    possessive,
    title_cased,
    words,
)
from framing.modifiers import modifier_fit
from framing.owned import OWNER_DETERMINERS, owned_fit, owner_lead, owner_phrase, possessed_and
from framing.passive import passive_fit
from framing.plainer import (
    already_fit,
    apposition_cut_fit,
    collective_fit,
    convicted_person_fit,
    conviction_clause_fit,
    counted_fit,
    graded_fit,
    participle_fit,
    per_fit,
    possessed_of_fit,
    quoted_modifier_fit,
    registered_fit,
    status_participle_fit,
    unstated_event,
)
from framing.prefilter import Prefilter
from framing.restructure import (
    bare_singular,
    compound_modifier,
    counted_offence,
    distant_hedge,
    fellow,
    generic_act,
    headline_passive,
    offence_victims,
    participle_after,
    participle_before_participle,
    shared_adjective,
    suspect_possessive,
    tautological_subject,
)
from framing.roles import MALE_ENTRIES, generic_who, role_fit, takes_roles
from framing.said_once import (
    expansion_fit,
    modified_clause_fit,
    named_act,
    person_noun_fit,
    plain_role,
    repeated_act,
    sentenced_headline,
)
from framing.sentences import case_style
from framing.status import UNKNOWN as UNKNOWN_STATUS
from framing.status import Status, status_of
from framing.tense import pronoun_person, tense_fit
from framing.unstated import (
    act_adjective_fit,
    gendered_role,
    held_for_fit,
    suffered_act_fit,
    unanchored,
)
from lexicon.model import CONVICTED, Alternative, Entry

Word = tuple[int, int, str]  # (start, end, text) in the sentence

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_HEDGES = {"alleged", "suspected", "accused"}
_KEEP_MODIFIERS = {"young", "teenage", "female", "male", "older", "elderly", "adult"}


@dataclass(frozen=True)
class Fit:
    start: int  # sentence offsets of the span the rewrite replaces
    end: int
    rewrite: str | None
    suggestions: tuple[str, ...]
    number: str | None
    # the legal status read for the person (framing.status); None where the
    # entry's wording does not depend on it (the analysis is then skipped)
    status: Status | None = None
    # the rewrite reaches past what main's word-level fit covers (a role, an
    # absorbed hedge): the flag then keeps the label's own span and the rewrite
    # gets its own; otherwise the flag's span is the rewrite's, as it always was
    own_span: bool = False


# ("the terms of his licence" is no mention: conditions, not words)
_MENTION = re.compile(
    r"\b(?:acronym|the (?:word|term|phrase|label|expression)s?\b(?!\s+(?:of|on|and|for|in)\b)|"
    r"words? like|"
    r"(?:words?|terms?|labels?|phrases?|expressions?|slurs?|insults?) (?:such as|like)|"
    r"(?:such|these|those) (?:words|terms|labels|phrases|slurs|insults) as)\b",
    re.IGNORECASE,
)


_MEDIA = frozenset("photos photographs pictures images videos films clips footage material".split())
_MEDIA_COUNT = _MEDIA - {"footage", "material"}


def _phrase_fit(
    c: Candidate, s: Sentence, alts: list[str], prefilter: Prefilter
) -> tuple[int, int, str] | None:
    """An alternative that takes in the word beside the label: "child porn
    photos" -> "indecent images of children", not "... material photos"
    (adjectives, counts and participles before a label: framing.plainer)."""
    for found in (_media_noun(c, s, alts), offence_record_fit(c, s, alts)):
        if found is not None and not prefilter.any(found[2]):
            return found
    return None


def _advice_only(c: Candidate, s: Sentence, alts: list[str]) -> bool:
    """Where the sentence itself rules a rewrite out."""
    if _MENTION.search(s.text):
        return True  # the sentence is about the word ("BME: what the acronym hides")
    if _changes_claim(c, s, alts):
        return True
    after = s.text[c.end : c.end + 2]
    return after[:1] in "-‐‑" and after[1:2].isalpha()  # "offender-led": no clean swap


def _media_noun(c: Candidate, s: Sentence, alts: list[str]) -> tuple[int, int, str] | None:
    """A label for material before a noun for the material ("child porn photos"):
    the alternative that itself names the material, the noun taken in."""
    if c.entry.refers_to_people:
        return None
    nxt = _next_word(s, c.end)
    if nxt is None or nxt[2].lower() not in _MEDIA:
        return None
    for alt in alts:
        # a count noun like the one it replaces: "images", not "material"
        if _MEDIA_COUNT.intersection(words(alt)) and words(alt)[0] not in _MEDIA:
            return c.start, nxt[1], match_case(s.text[c.start : nxt[1]], alt, line_style(s), False)
    return None


_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\b", re.IGNORECASE)
# a claim verb whose complement follows ("claimed he had been trying to ..."),
# not a claim for money or a title ("to claim £90,000", "claimed the title")
_CLAIM_BEFORE = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:£|\$|€|\d|benefits?|compensation|damages|asylum|"
    r"responsibility|credit|the (?:reward|prize|title|money|cash)|(?:his|her|their) (?:lives|life)))",
    re.IGNORECASE,
)
# a label that is what someone says another is: "... lecturing the nation that
# its president is a criminal", "insisted that he was a thug"
_PREDICATE_CLAIM = re.compile(
    r"\b(?:claim\w*|lectur\w*|insist\w*|argu\w*|suggest\w*|says|said|saying|tell\w*|told|"
    r"accus\w*|alleg\w*|declar\w*|brand\w*|call\w*)\b[^.;:!?]{0,80}?\bthat\b[^.;:!?,]{0,60}?"
    r"\b(?:is|are|was|were|had been|has been)\s+(?:an?\s+|just\s+an?\s+|nothing but\s+an?\s+)?$",
    re.IGNORECASE,
)


def _changes_claim(c: Candidate, s: Sentence, alts: list[str]) -> bool:
    """A label inside a claim the sentence reports, where the swap would change
    what was claimed (rewrites.md, decision 8): "Bogus asylum seekers are
    costing taxpayers millions, the columnist claimed" loses the claim with
    "bogus"; "the defence claim that it was a crime of passion" becomes a
    claim nobody made; "Wray claimed he had been trying to 'trap' paedophiles"
    is his account, in his terms.  A swap that only renames the people a
    claim is about, before the claim verb ("Potheads are clogging up A&E, a
    doctor claimed"), keeps the claim."""
    if not alts or _CLAIM.search(s.text) is None:
        return False
    if not c.entry.refers_to_people or _CLAIM_BEFORE.search(s.text, 0, c.start):
        return True  # the characterisation is the claim itself, or the label is inside it
    label = set(c.lower_words)
    return all(set(words(a)) < label for a in alts[:1])


def _tautology(alt: str, s: Sentence, c: Candidate) -> bool:
    """The alternative's noun repeats a word of the sentence ("attacker" beside
    "attack"): the rewrite would read "Attackers attack bus driver"."""
    last = words(alt)[-1] if words(alt) else ""
    m = re.fullmatch(r"(\w{4,}?)(?:ers?|ants?)", last)
    if m is None:
        return False  # only agent nouns made from a verb (attacker, raider, assailant)
    rest = (s.text[: c.start] + " " + s.text[c.end :]).lower()
    return re.search(r"\b" + re.escape(m.group(1)) + r"(?:s|ed|ing)?\b", rest) is not None


# a place word a "person in prison" wording would echo ("no person in prison
# has escaped from the prison", "prison guards ... counts of people in
# prison"): singular and lower case only, since "HMP Ford", "Prison Service"
# are names and "other prisons" another place
_PLACE = re.compile(r"\b(?:prison|jail|gaol)\b")
_NEAR = 60  # characters: an echo further off is not heard
_IN_PRISON = re.compile(r"\b(?:person|people|persons|man|men|woman|women) in prison$")


def repeats_place(alt: str, s: Sentence, start: int, end: int) -> bool:
    """ "in prison" where the sentence already places the people: a prison word
    close by, or a second place right after ("inmate counts in the unit",
    though "people in prison at HMP Ford" names the prison and reads well);
    "in custody" then says the same without the echo.  Once a sentence says
    "in custody", its later mentions say it too (one wording per sentence)."""
    if _IN_PRISON.search(alt) is None:
        return False
    chosen: set[str] = s.memo("in_custody", set)
    if chosen or _echoes(s, start, end):
        chosen.add(alt)
        return True
    return False


def _echoes(s: Sentence, start: int, end: int) -> bool:
    nxt = s.word_after(end)
    if nxt is not None and nxt[2].lower() in ("in", "at") and not s.text[end : nxt[0]].strip():
        after = s.word_after(nxt[1])
        if after is not None and not after[2][:1].isupper():
            return True
    near = s.text[max(0, start - _NEAR) : start] + " " + s.text[end : end + _NEAR]
    return _PLACE.search(near) is not None


def in_custody(alt: str) -> str:
    return re.sub(r"in prison$", "in custody", alt)


def line_style(s: Sentence) -> str:
    """The sentence's case style (framing.sentences.case_style), worked out once."""
    return s.memo("case_style", lambda: case_style(s.text))


def status_sensitive(entry: Entry) -> bool:
    """Whether any alternative says which statuses it fits: only then is the
    status read (lazily: most flags never need it)."""
    return any(a.statuses for a in entry.alternatives)


def _status(c: Candidate, s: Sentence, plural: bool) -> Status:
    return status_of(c, s, plural)


_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "my", "your", "our"}
_PERSON_CATEGORIES = {"person-label", "offence-identity", "dehumanising"}


def _possessed(c: Candidate, s: Sentence) -> bool:
    """A person label owned by someone ("her killer", "the officer's killers")."""
    if c.entry.category not in _PERSON_CATEGORIES or not (c.entry.alternatives):
        return False
    prev = _prev_word(s, c.start)
    if prev is None:
        return False
    w = prev[2]
    return w.lower() in _POSSESSIVE_PRONOUNS or w.endswith(("'s", "’s", "s'"))


def _gendered(c: Candidate, alt: str) -> str:
    """ "person accused of rape" -> "man accused of rape" where the label gives
    the gender (rape, in English law; "knifeman")."""
    if c.entry.id in MALE_ENTRIES:
        if alt.startswith("person "):
            return "man " + alt[len("person ") :]
        if alt.startswith("people "):
            return "men " + alt[len("people ") :]
    return alt


def _conditional(a: Alternative, number: str | None) -> str:
    """An alternative shown with the condition it needs, where none fits the
    status the text gives: the reviewer sees the wording, never as a rewrite."""
    text = a.for_number(number)
    if set(a.statuses) <= CONVICTED:
        return f"{text} (once convicted)"
    if set(a.statuses) <= {"charged", "on_trial"}:
        return f"{text} (once charged)"
    return f"{text} (if {' or '.join(x.replace('_', ' ') for x in a.statuses)})"


def occurrence_number(c: Candidate, s: Sentence) -> str | None:
    head = s.head_token(c)
    if c.form.number == "plural" and head is not None and head.tag == "NN":
        art = _prev_word(s, c.start)
        if art is not None and art[2].lower() in ("a", "an"):
            return "singular"  # "A feral youth was seen": a form for both numbers
    if c.form.number:
        return c.form.number
    if head is not None and head.tag in ("NNS", "NNPS"):
        return "plural"
    if head is not None and head.tag in ("NN", "NNP"):
        return "singular"
    return None


def _prev_word(s: Sentence, offset: int) -> Word | None:
    """(start, end, word) of the word right before ``offset`` if only spaces separate them."""
    w = s.word_before(offset)
    return w if w is not None and s.text[w[1] : offset].strip() == "" else None


def _next_word(s: Sentence, offset: int) -> Word | None:
    w = s.word_after(offset)
    return w if w is not None and s.text[offset : w[0]].strip() == "" else None


def _possessed_np(s: Sentence, offset: int) -> int | None:
    """End of the noun phrase after a possessive ("'s elderly mother"), using tags."""
    toks = [t for t in s.tokens_in(offset, offset + 200) if not t.text.isspace()]
    end: int | None = None
    seen_noun = False
    for t in toks:
        if t.pos in ("ADJ", "NUM") and not seen_noun:
            continue
        if t.pos in ("NOUN",):
            end, seen_noun = t.end, True
            continue
        break
    return end


# labels for people who take things: what they own they took ("haul", "loot")
_TAKERS = frozenset({"looter", "thief", "burglar", "robber", "shoplifter", "mugger"})
# only "for": "the appeal against deportation of X" reads as X's deportation
_BARE_PREPS = frozenset({"for"})
_SPANS_OF_TIME = frozenset("hours days weeks months years decades ages life".split())


def _possessed_link(c: Candidate, s: Sentence, np_end: int) -> tuple[int, str] | None:
    """Where the possessed phrase ends and the word that links it to the owner:
    "the bid for freedom" + "of"; "the haul of trainers" + "taken by" (a second
    "of" only reads where the owner took what is owned); None where nothing does."""
    if s.text[np_end : np_end + 4] == " of ":
        of_end = _of_phrase_end(s, np_end + 4)
        if c.entry.id not in _TAKERS or of_end is None:
            return None
        return of_end, "taken by"
    return _bare_phrase_end(s, np_end), "of"


def _owner_last(
    c: Candidate, s: Sentence, start: int, phrase: str, plural: bool, det: str | None, np_end: int
) -> tuple[int, int, str] | None:
    """ "the notorious inmate's letters" -> "the letters of the notorious
    person in prison": the possessed phrase first, the owner after it with its
    determiner and adjectives (framing.owned.owner_lead); None where the owner
    cannot follow ("her alleged killer's trial", "the Claremont killer's")."""
    lead = owner_lead(s, start, det)
    if lead is None or s.text[c.end : np_end].split()[:1] == ["own"]:
        return None  # ("the addict's own mother": "own" is the owner's, no "the own mother")
    start, mods, det = lead
    np_end = possessed_and(s, np_end)
    linked = _possessed_link(c, s, np_end)
    if linked is None:
        return None
    np_end, link = linked
    np_text = s.text[c.end : np_end].strip()
    phrase = mods + owner_phrase(s, phrase, plural, np_end)
    if det in ("a", "an"):
        owner = f"{indefinite_article(phrase)} {phrase}"
    elif det is not None:  # "the", "these", "one", "two" ...
        owner = f"{det} {phrase}"
    else:
        owner = phrase if plural else f"{indefinite_article(phrase)} {phrase}"
    return start, np_end, f"the {np_text} {link} {owner}"


def _of_phrase_end(s: Sentence, offset: int) -> int | None:
    """End of the noun phrase after "of" ("of trainers", "of designer goods")."""
    end = None
    for t in (t for t in s.tokens_in(offset, offset + 120) if not t.text.isspace()):
        if t.pos in ("ADJ", "NUM", "DET") and end is None:
            continue
        if t.pos == "NOUN":
            end = t.end
            continue
        break
    return end


def _bare_phrase_end(s: Sentence, offset: int) -> int:
    """The possessed noun with a bare prepositional phrase of its own ("bid for
    freedom") ends after it, so the owner follows the whole: "the bid for
    freedom of a person serving a life sentence".  A phrase with a determiner
    ("right to a fresh start") stays after the owner."""
    toks = [t for t in s.tokens_in(offset, offset + 60) if not t.text.isspace()]
    if len(toks) < 2 or toks[0].text.lower() not in _BARE_PREPS or toks[1].pos != "NOUN":
        return offset
    if toks[1].text.lower() in _SPANS_OF_TIME:
        return offset  # "deportation for months": how long, not what kind
    if len(toks) > 2 and toks[2].pos in ("NOUN", "ADJ"):
        return offset
    return toks[1].end


def _modifiers(c: Candidate, alt_words: set[str]) -> str:
    ws = c.lower_words
    if len(ws) > 1 and ws[0] in _KEEP_MODIFIERS and ws[0] not in alt_words:
        if ws[0] in ("young", "teenage") and alt_words & _YOUNG_WORDS:
            return ""  # "young offenders" -> "children in the justice system", not "young children"
        if ws[0] in ("male", "female") and alt_words & {"man", "men", "woman", "women"}:
            return ""
        return ws[0] + " "
    return ""


_YOUNG_WORDS = {"child", "children", "young", "teenager", "teenagers", "youth"}


def _doubles(left: str | None, phrase: str, right: str | None) -> bool:
    pw = words(phrase)
    if not pw:
        return True
    if left and left.lower() == pw[0]:
        return True
    if right and right.lower() == pw[-1]:
        return True
    return any(a == b for a, b in zip(pw, pw[1:], strict=False))


def fit(
    c: Candidate, s: Sentence, prefilter: Prefilter, extend: bool = True, statuses: bool = True
) -> Fit:
    """The rewrite and suggestions for ``c``; ``statuses=False`` skips the status
    analysis (every alternative, as before it existed: benchmarks measure its cost)."""
    return _line_case(s, _agreed(c, s, _fit_any(c, s, prefilter, extend, statuses)), c)


def _agreed(c: Candidate, s: Sentence, f: Fit) -> Fit:
    """ "The underclass is growing" -> "People living in poverty are growing",
    "The feral youth is out of control" -> "The young people are ...": a
    wording with a plural head takes a singular verb right after it along,
    where the label is that verb's subject (not "A report on the underclass
    is due", whose subject is the report)."""
    if f.rewrite is None or c.possessive or not plural_head(f.rewrite):
        return f
    before = s.token_before(f.start)
    while before is not None and before.pos in ("DET", "ADJ", "NUM"):
        before = s.token_before(before.start)  # past "the", "a feckless"
    if before is not None and before.pos in ("ADP", "VERB", "AUX"):
        return f
    verb = s.token_after(f.end)
    if verb is None or s.text[f.end : verb.start].strip() or verb.pos not in ("AUX", "VERB"):
        return f
    agreeing = plural_verb(verb.text, verb.tag)
    if agreeing is None:
        return f
    out = f.rewrite + s.text[f.end : verb.start] + agreeing
    return dataclasses.replace(f, end=verb.end, rewrite=out, own_span=True)


def _line_case(s: Sentence, f: Fit, c: Candidate) -> Fit:
    """Every rewrite in the line's case, whichever rule built it: an ALL CAPS
    headline gets capitals ("JUNKIE MUM JAILED" -> "MUM JAILED", never "Mum
    ..."), a Title Case one Title Case where the replaced words began with a
    capital; running text is left as each rule wrote it (an acronym there is
    no shout)."""
    if not f.rewrite:
        return f
    style = line_style(s)
    original = s.text[f.start : f.end]
    if style == "upper":
        out = f.rewrite.upper()
    elif style in ("title", "title-all") and title_cased(original):
        out = match_case(original, f.rewrite, style, True)
    elif (f.start, f.end) == (c.start, c.end) and _shouted(c, s):
        out = f.rewrite.upper()  # "INMATES" alone, "the INMATES rioted": the shout kept
    else:
        return f
    return f if out == f.rewrite else dataclasses.replace(f, rewrite=out)


def _shouted(c: Candidate, s: Sentence) -> bool:
    """The label itself in capitals where the lexicon writes it in lower case:
    a shout (an acronym such as "BAME" is written in capitals in the lexicon)."""
    label = s.text[c.start : c.end]
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) > 3 and label.isupper() and not c.form.text.isupper()


_CONVICTED_BEFORE = re.compile(r"\bconvicted\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _convicted_first(c: Candidate, s: Sentence, alts: list[str]) -> list[str]:
    """ "the convicted Irish drug dealer" -> "the Irish person convicted of
    supplying drugs": where the text says "convicted" just before the label,
    the wording that says it comes first (and absorbs it), never "the
    convicted Irish person who sells drugs"."""
    if len(alts) < 2 or not _CONVICTED_BEFORE.search(s.text, 0, c.start):
        return alts
    return sorted(alts, key=lambda a: "convicted" not in a)


def _fit_any(c: Candidate, s: Sentence, prefilter: Prefilter, extend: bool, statuses: bool) -> Fit:
    f = _fit(c, s, prefilter, extend, statuses)
    if extend:
        f = _responsible_for(s, _sexual_act(c, s, f))
    if not extend or _MENTION.search(s.text):
        return f  # a sentence about the word is never rewritten
    if f.rewrite is not None:
        f = _modifiers_placed(c, s, prefilter, f)
    if f.rewrite is not None:
        aged = age_placed(c, s, f.start, f.rewrite)
        if aged is not None and not prefilter.any(aged[2]):
            f = dataclasses.replace(f, start=aged[0], end=aged[1], rewrite=aged[2], own_span=True)
    if f.rewrite is not None:
        act = generic_act(c, s, f.start, f.end, f.rewrite)
        if act is not None and not prefilter.any(act[2]):
            f = dataclasses.replace(f, rewrite=act[2], own_span=True)
    if f.rewrite is not None:
        bare = bare_singular(s, f.start, f.rewrite)
        if bare is not None and not prefilter.any(bare):
            f = dataclasses.replace(f, rewrite=bare, own_span=True)
    if f.rewrite is not None:
        joined = participle_before_participle(f.rewrite, s, f.end)
        if joined != f.rewrite and not prefilter.any(joined):
            f = dataclasses.replace(f, rewrite=joined, own_span=True)
    f = _act_said_once(c, s, prefilter, f)
    if f.own_span and f.rewrite is not None and f.end > c.end:
        return f
    # the clause restructured where the word-level fit would repeat the act
    # ("People who took part in the looting looted shops" -> "People looted shops")
    plural, value = f.number == "plural", f.status.value if f.status else None
    got = tautological_subject(c, s, plural, value, f.rewrite)
    if got is None and f.rewrite is None:
        got = suspect_possessive(c, s, plural, value)
    if got is None or prefilter.any(got[2]):
        return f
    sugg = tuple(dict.fromkeys([got[2], *f.suggestions]))
    return dataclasses.replace(
        f, start=got[0], end=got[1], rewrite=got[2], suggestions=sugg, own_span=True
    )


def _act_said_once(c: Candidate, s: Sentence, prefilter: Prefilter, f: Fit) -> Fit:
    """The act said once (framing.said_once): a wording whose verb the clause
    repeats becomes a plain role; advice where the next verb names the act
    gets a plain noun."""
    if f.rewrite is not None:
        said = repeated_act(c, s, f.start, f.end, f.rewrite, f.number == "plural")
    elif (f.start, f.end) == (c.start, c.end):
        said = named_act(c, s)
        if said is None and any(_tautology(a, s, c) for a in f.suggestions):
            # every noun the lexicon has repeats the act ("Robbers raided" ->
            # "Raiders raided"): the plain role instead of advice
            said = plain_role(c, s, c.start, c.end, f.number == "plural")
    else:
        said = None
    if said is None or prefilter.any(said[2]):
        return f
    sugg = tuple(dict.fromkeys([said[2], *f.suggestions]))
    return dataclasses.replace(f, start=said[0], rewrite=said[2], suggestions=sugg, own_span=True)


def _modifiers_placed(c: Candidate, s: Sentence, prefilter: Prefilter, f: Fit) -> Fit:
    """A modifier before the label that the wording must take in or move:
    a shared adjective ("Sexual and violent offenders"), a count ("double
    murderer"), a participle ("released sex offenders"); advice where it
    cannot be placed."""
    assert f.rewrite is not None
    plural = f.number == "plural"
    for rule in (
        shared_adjective(c, s, f.start, f.rewrite),
        counted_offence(c, s, f.start, f.rewrite),
        participle_after(c, s, f.start, f.rewrite, plural),
        fellow(c, s, f.start, f.rewrite),
        compound_modifier(c, s, f.start, f.rewrite),
        distant_hedge(c, s, f.start, f.rewrite),
    ):
        if rule is False:
            return dataclasses.replace(f, rewrite=None, start=c.start, end=c.end)
        if isinstance(rule, tuple) and not prefilter.any(rule[2]):
            return dataclasses.replace(f, start=rule[0], rewrite=rule[2], own_span=True)
    return f


def _claimed(c: Candidate, s: Sentence, number: str | None, status: Status | None) -> Fit | None:
    """ "lecturing the nation that its president is a criminal": the label is
    the claim itself, and a swap would report a claim nobody made (advice only)."""
    if not c.entry.alternatives or _PREDICATE_CLAIM.search(s.text, 0, c.start) is None:
        return None
    shown = tuple(
        dict.fromkeys(
            _conditional(a, number) if a.statuses else a.for_number(number)
            for a in c.entry.alternatives
        )
    )
    return Fit(c.start, c.end, None, shown, number, status)


def _fit(c: Candidate, s: Sentence, prefilter: Prefilter, extend: bool, statuses: bool) -> Fit:
    number = occurrence_number(c, s)
    plural = number == "plural"
    status, options, role = _status_options(c, s, plural, extend, statuses)
    whole = _claimed(c, s, number, status) or (
        _whole_phrase(c, s, prefilter, options, number, status) if extend else None
    )
    if whole is not None:
        return whole
    if extend:
        early = _restructured(c, s, prefilter, options, number, status)
        if early is not None:
            return early
    alts = _convicted_first(
        c,
        s,
        [unstated_event(_gendered(c, a.for_number(number)), c, s) for a in options],
    )
    if _possessed(c, s):
        # "Her killer", "the officer's killers": "Her person convicted of ..." is no
        # English; the restructure ("the person who killed her") is the writer's
        alts = []
    shown = alts or ([] if role else [_conditional(a, number) for a in c.entry.alternatives])
    suggestions = tuple(dict.fromkeys(([role[2]] if role else []) + shown))
    start, end = c.start, c.end
    if _advice_only(c, s, alts):
        return Fit(start, end, None, suggestions, number, status)
    if role is not None and not prefilter.any(role[2]):
        left = _prev_word(s, role[0])
        right = _next_word(s, role[1])
        if not _doubles(left[2] if left else None, role[2], right[2] if right else None):
            return Fit(role[0], role[1], role[2], suggestions, number, status, own_span=True)
    phrase = _phrase_fit(c, s, alts, prefilter) if extend else None
    if phrase is not None:
        return Fit(*phrase, suggestions, number, status, own_span=True)
    for alt in alts:
        if would_flag(prefilter, alt):
            continue  # a reframing that would itself be flagged is no reframing
        if _tautology(alt, s, c):
            continue  # "Thugs attack" -> "Attackers attack": no
        if unanchored(alt, c, s, status.value if status else None):
            continue  # "attackers" where nobody attacked anyone
        r = _fit_placed(c, s, alt, plural, extend)
        if r is not None and extend:
            r = _turned(s, _join_clauses(s, r, alt, c))
        if r is not None:
            hedged = s.text[r[0] : c.start].lower().split()
            wide = bool(_HEDGES.intersection(hedged))
            return Fit(r[0], r[1], r[2], suggestions, number, status, own_span=wide)
    return Fit(start, end, None, suggestions, number, status)


_PRESENT_USE = re.compile(r"\bwho (uses|use)\b")


_TURNED_NEXT = re.compile(r"\s+turned\s+(?=([a-z]\w*))")


def _turned(s: Sentence, r: tuple[int, int, str]) -> tuple[int, int, str]:
    """ "The ex-offender turned social entrepreneur" -> "The person with a
    criminal record who became a social entrepreneur" (rewrites.md decision
    12: "turned" stays as "became"), never "... record turned social ..."."""
    m = _TURNED_NEXT.match(s.text, r[1])
    if m is None or r[2].split(" ", 1)[0].lower() not in ("person", "people", "the", "a", "an"):
        return r
    article = "an" if m.group(1)[:1] in "aeiou" else "a"
    link = "and became" if " who " in f" {r[2]} " else "who became"
    return r[0], m.end(), f"{r[2]} {link} {article} "


_WHO_NEXT = re.compile(r"\s+who\b(?!\s*(?:,|'s|’s))", re.IGNORECASE)
_PERSON_WORD = re.compile(r"\b(?:person|Person|PERSON)\b")


def _join_clauses(
    s: Sentence, r: tuple[int, int, str], alt: str, c: Candidate
) -> tuple[int, int, str]:
    """An alternative that is itself a relative clause ("person who has been in
    prison") before the sentence's own "who": the two clauses joined ("The
    person who has been in prison and went on to study law"), never "who ...
    who"; the gender from the sentence's pronouns where they give it."""
    if " who " not in f" {alt.lower()} ":
        return r
    m = _WHO_NEXT.match(s.text, r[1])
    if m is None:
        return r
    start, _, out = r
    person = pronoun_person(s, False)
    if person != "person" and s.text[:start].strip().lower() in ("", "the", "a", "an"):
        # only for the sentence's subject: "She was living with a heroin
        # addict who stole from her" is about someone else
        out = _PERSON_WORD.sub(
            lambda w: match_case(w.group(), person, line_style(s), True), out, count=1
        )
    rest = s.text[: c.start] + " " + s.text[c.end :]
    if c.entry.category == "drug-use" and _DRUG_WORD.search(rest):
        # "An addict who stole ... to pay for drugs" -> "A woman who stole ...":
        # the sentence says the drug use itself (rewrites.md, decision 14)
        return start, r[1], _OWN_CLAUSE.sub("", out)
    verb = s.token_after(m.end())
    if verb is not None and verb.tag == "VBD":
        out = _PRESENT_USE.sub("who used", out)  # "... who used heroin and stole from her"
    return start, m.end(), f"{out} and"


def would_flag(prefilter: Prefilter, text: str) -> bool:
    """Whether ``text`` holds a lexicon form in a sense that is flagged: a form
    its entry rules out by the next word is none ("people with criminal
    records": "criminal" before "records" is the adjective)."""
    low = text.lower()
    for m in prefilter.find(text):
        nxt = re.match(r"\s*([\w'’-]+)", text[m.end :])
        word = nxt.group(1).lower() if nxt else ""
        for e, _f in m.senses:
            if word in e.not_followed_by:
                continue
            if any(x.lower() in low and m.text.lower() in x.lower() for x in e.exceptions):
                continue  # "the sex offenders register": an exempt name
            return True
    return False


_DRUG_WORD = re.compile(r"\b(?:drugs?|heroin|cocaine|crack|cannabis|spice|methadone)\b", re.I)
_OWN_CLAUSE = re.compile(r"\s+(?:who|with)\b.*$", re.IGNORECASE)


def _whole_phrase(
    c: Candidate,
    s: Sentence,
    prefilter: Prefilter,
    options: tuple[Alternative, ...],
    number: str | None,
    status: Status | None,
) -> Fit | None:
    """Wording that replaces the label's whole phrase: the act without its agent
    ("after a thug attacked a driver" -> "after a driver was attacked",
    framing.passive), an owned killing label ("her killer" -> "the person who
    killed her", framing.owned), or plainer wording (framing.plainer); tried in
    that order, each only if the one before gave nothing."""
    known = status or UNKNOWN_STATUS
    convicted = next(
        (
            a.for_number(number)
            for a in options
            if a.statuses and set(a.statuses) <= CONVICTED and "convicted of" in a.singular
        ),
        None,
    )
    fits: tuple[Callable[[], tuple[int, int, str] | None], ...] = (
        lambda: expansion_fit(c, s),
        lambda: ranked_fit(c, s, known.value, [a.singular for a in options]),
        lambda: previous_conviction_fit(c, s, known.value, convicted),
        lambda: sentenced_headline(c, s, known.value, [a.for_number(number) for a in options]),
        lambda: modified_clause_fit(c, s),
        lambda: person_noun_fit(c, s, options[0].for_number(number) if options else None),
        lambda: passive_fit(c, s, known.value) if status is not None else None,
        lambda: owned_fit(c, s, known) if status is not None else None,
        lambda: held_for_fit(c, s, known.value, number == "plural") if status else None,
        lambda: suffered_act_fit(c, s, known.value, number == "plural") if status else None,
        lambda: collective_fit(c, s),
        lambda: participle_fit(c, s, known.value),
        lambda: status_participle_fit(c, s),
        lambda: per_fit(c, s),
        lambda: apposition_cut_fit(c, s),
        lambda: conviction_clause_fit(c, s, convicted) if status is not None else None,
        lambda: possessed_of_fit(c, s, options[0].for_number(number) if options else None),
        lambda: graded_fit(c, s, [a.for_number(number) for a in options]),
        lambda: act_adjective_fit(c, s, known.value, number == "plural") if status else None,
        lambda: counted_fit(c, s, [a.for_number(number) for a in options]),
        lambda: already_fit(c, s, convicted),
        lambda: registered_fit(c, s),
        lambda: convicted_person_fit(c, s, convicted),
        lambda: quoted_modifier_fit(c, s, convicted),
    )
    for make in fits:
        span = make()
        if span is not None and not would_flag(prefilter, span[2]):
            said = [span[2]] if span[2] else []  # a cut is no wording to offer
            sugg = tuple(dict.fromkeys([*said, *(a.for_number(number) for a in options)]))
            return Fit(span[0], span[1], span[2], sugg, number, status, own_span=True)
    return None


def _status_options(
    c: Candidate, s: Sentence, plural: bool, extend: bool, statuses: bool
) -> tuple[Status | None, tuple[Alternative, ...], tuple[int, int, str] | None]:
    """The person's status (where wording depends on it), the alternatives valid
    for it, best first, and the role wording that fits (framing.roles)."""
    options = c.entry.alternatives
    if not (statuses and (status_sensitive(c.entry) or takes_roles(c.entry.id, c.entry.category))):
        return None, options, None
    status = _status(c, s, plural)
    # only wording valid for what the text establishes; with an unknown
    # status, only wording that states no status at all
    options = tuple(a for a in options if a.fits(status.value))
    # after an arrest, the wording made for it comes first
    # ("14 looters" arrested -> "14 people suspected of looting")
    if status.value == "arrested":
        options = tuple(sorted(options, key=lambda a: not a.statuses))
    # after a release, the wording made for it alone first ("prison leaver",
    # before "person who has been in prison" and "person with a conviction"),
    # and before any role ("Ex-prisoners who find work" -> "Prison leavers who")
    released = status.value == "released" and any(a.statuses == ("released",) for a in options)
    if released:
        options = tuple(sorted(options, key=lambda a: a.statuses != ("released",)))
    # with no status given, the entry's own status-free wording comes first
    # ("the young offender had changed" -> "the child in the justice system");
    # a role ("the person responsible") only where the entry has none
    # (not one that would repeat the sentence's act: "Police hunt raider after raid")
    neutral = any(not a.statuses and not _tautology(a.singular, s, c) for a in options)
    accused = any("accused" in a.singular for a in options)
    role = None
    generic = status.value in ("unknown", "group_generic") and options
    if extend and not released and (not generic or generic_who(c, s, plural)):
        # "Offenders who complete the course" -> "People who complete the course"
        role = role_fit(c, s, status, plural, neutral, accused)
        role = gendered_role(c, s, status.value, plural, role)
    return status, options, role


def _restructured(
    c: Candidate,
    s: Sentence,
    prefilter: Prefilter,
    options: tuple[Alternative, ...],
    number: str | None,
    status: Status | None,
) -> Fit | None:
    """Wording that changes more than the word: tense and facts ("became
    dependent on drugs"), a label used as a modifier or before a name; a
    modifier that nothing fits is advice only."""
    value = status.value if status else None
    whole = offence_victims(c, s) or headline_passive(c, s, value)
    if whole is not None and not prefilter.any(whole[2]):
        sugg = tuple(dict.fromkeys([whole[2], *(a.for_number(number) for a in options)]))
        return Fit(whole[0], whole[1], whole[2], sugg, number, status, own_span=True)
    tense = tense_fit(c, s, value)
    if tense is not None and not prefilter.any(tense[2]):
        sugg = tuple(dict.fromkeys([tense[2], *(a.for_number(number) for a in options)]))
        return Fit(tense[0], tense[1], tense[2], sugg, number, status, own_span=True)
    generic = [
        a.plural
        for a in c.entry.alternatives
        if a.fits("group_generic") and not prefilter.any(a.plural)
    ]
    mod = modifier_fit(c, s, generic[0] if generic else None)
    if mod is False:  # a modifier no swap fits: advice only
        advice = tuple(a.for_number(number) for a in options)
        return Fit(c.start, c.end, None, advice, number, status)
    if isinstance(mod, tuple):
        mod = _noun_convicted(c, s, mod, value)
        if generic and _custody_wording(c) and repeats_place(generic[0], s, mod[0], mod[1]):
            mod = (mod[0], mod[1], mod[2].replace(generic[0], in_custody(generic[0])))
        sugg = tuple(dict.fromkeys([mod[2], *(a.for_number(number) for a in options)]))
        return Fit(mod[0], mod[1], mod[2], sugg, number, status, own_span=True)
    return None


_VERDICT_AFTER = re.compile(
    r"\b(?:(?:found guilty|convicted) of|(?:pleads?|pleaded) guilty to|admits|admitted)\b",
    re.IGNORECASE,
)


_KILLING_SAID = re.compile(r"\b(?:killing|killed|murder(?:ed)?|death|manslaughter)\b", re.I)


def _noun_convicted(
    c: Candidate, s: Sentence, mod: tuple[int, int, str], status: str | None
) -> tuple[int, int, str]:
    """ "Paedo Teacher Jailed For 12 Years" -> "Teacher Convicted Of Child
    Sexual Abuse Jailed ...": a label cut from before a person noun keeps its
    offence after the noun where the text establishes a conviction and no name
    follows to carry the story ("Killer nurse Jane Cole" -> "Nurse Jane Cole")."""
    start, end, word = mod
    if (
        status not in CONVICTED
        or " " in word
        or not word
        or s.text[start:end][-len(word) :].lower() != word.lower()
    ):
        return mod
    if _VERDICT_AFTER.search(s.text, end):
        return mod  # "Killer Nurse Found Guilty Of ...": the line says the verdict
    nxt = s.token_after(end)
    if nxt is not None and nxt.tag in ("NNP", "NNPS"):
        # a name follows; in a headline every word is capitalised, and a
        # verb such as "Jailed" is no name
        if not (s.headline and nxt.text.lower().endswith("ed")):
            return mod
    for a in c.entry.alternatives:
        if a.singular.startswith("person convicted of ") and a.fits(status):
            act = a.singular[len("person convicted of ") :]
            if act == "the killing" and not _KILLING_SAID.search(s.text):
                act = "a killing"  # "her killer brother": no killing the text names
            out = f"{word} convicted of {act}"
            return start, end, match_case(s.text[start:end], out, line_style(s), True)
    return mod


_RESPONSIBLE_IN = re.compile(
    r"\s+(in|of|behind)\s+(?=(?:the|a|an|this|that|last|these|those)\b[^,.;:]{0,50}?"
    r"\b(?:killings?|murders?|attacks?|robber(?:y|ies)|raids?|burglar(?:y|ies)|thefts?|"
    r"shootings?|stabbings?|assaults?|bombings?|arson|fires?|break-ins?|crimes?|rapes?)\b)",
    re.IGNORECASE,
)


def _responsible_for(s: Sentence, f: Fit) -> Fit:
    """ "The murderer in the 1888 Whitechapel killings" -> "The person
    responsible for the 1888 Whitechapel killings": "responsible" takes "for"
    where the label took "in" or "behind"."""
    if f.rewrite is None or not f.rewrite.lower().endswith("responsible"):
        return f
    m = _RESPONSIBLE_IN.match(s.text, f.end)
    if m is None:
        return f
    out = f"{f.rewrite} {match_case(m.group(1), 'for', line_style(s), False)} "
    return dataclasses.replace(f, end=m.end(), rewrite=out, own_span=True)


_SEXUAL_ACT = re.compile(
    r"(\s+who\s+)(attacked|assaulted|abused|targeted|molested|preyed on|groped)\b", re.IGNORECASE
)


def _sexual_act(c: Candidate, s: Sentence, f: Fit) -> Fit:
    """ "Sex Beast Who Attacked Three Women" -> "Person Who Sexually Attacked
    Three Women": a role word for a "sex ..." label keeps what kind of attack
    it was (the fact the label carried), in the clause that says the act."""
    if f.rewrite is None or not c.lower_words or c.lower_words[0] != "sex" or f.end != c.end:
        return f
    m = _SEXUAL_ACT.match(s.text, f.end)
    if m is None or "sex" in f.rewrite.lower():
        return f
    sexually = match_case(m.group(2), "sexually", line_style(s), False)
    out = f"{f.rewrite}{m.group(1)}{sexually} {m.group(2)}"
    return dataclasses.replace(f, end=m.end(), rewrite=out, own_span=True)


def _fit_placed(
    c: Candidate, s: Sentence, alt: str, plural: bool, extend: bool
) -> tuple[int, int, str] | None:
    """``_fit_one``, saying "in custody" where "in prison" would echo a place."""
    r = _fit_one(c, s, alt, plural, extend)
    if r is not None and _custody_wording(c) and repeats_place(r[2], s, r[0], r[1]):
        r = _fit_one(c, s, in_custody(alt), plural, extend)
    return r


def _custody_wording(c: Candidate) -> bool:
    """The entry itself offers "in custody" (the engine never invents wording)."""
    return any(a.singular.endswith(" in custody") for a in c.entry.alternatives)


# a modifier that is itself a noun for the person once "person" follows it
_SEXES = {
    "male": ("man", "men"),
    "female": ("woman", "women"),
    # a sex noun as a modifier: "women inmates" -> "women in prison"
    "women": ("woman", "women"),
    "men": ("man", "men"),
    "teenage": ("teenager", "teenagers"),
    "foreign": ("foreign national", "foreign nationals"),  # "foreign criminals"
}


def _sexed(s: Sentence, start: int, alt: str, plural: bool) -> tuple[int, str]:
    """ "male inmates" -> "men in prison", not "male people in prison";
    "a teenage drug dealer" -> "a teenager who sells drugs"."""
    prev = _prev_word(s, start)
    sex = prev[2].lower() if prev is not None else ""
    if prev is None or sex not in _SEXES or alt.split(" ")[0] not in ("person", "people"):
        return start, alt
    return prev[0], _SEXES[sex][plural] + alt[alt.index(" ") :]


def _shaped(
    c: Candidate, s: Sentence, alt: str, plural: bool, extend: bool
) -> tuple[int, str, str, Word | None]:
    """Where the span starts, the alternative, the phrase with the label's kept
    modifiers, and the word before: "male inmates" -> "men in prison"; "a
    feckless underclass" -> "feckless people living in poverty" (the span from
    the article, the adjectives kept, no determiner left before it)."""
    start = c.start
    if extend:
        start, alt = _sexed(s, start, alt, plural)
    prev = _prev_word(s, start)
    phrase = _modifiers(c, set(words(alt))) + alt
    mass = _mass_article(c, s, alt, plural, start) if extend else None
    if mass is not None:
        return mass, alt, s.text[mass:start].split(" ", 1)[1] + phrase, None
    said = (
        _CONVICTED_APART.search(s.text, 0, start)
        if extend and " convicted " in f" {alt} "
        else None
    )
    if said is not None:
        # "the convicted Irish drug dealer" -> "the Irish person convicted of
        # supplying drugs": "convicted" said once, the adjective kept
        return said.start(), alt, said.group(1) + phrase, _prev_word(s, said.start())
    return start, alt, phrase, prev


_CONVICTED_APART = re.compile(r"\bconvicted\s+((?:[A-Za-z][\w-]*\s+){1,2})$", re.IGNORECASE)


def _mass_article(c: Candidate, s: Sentence, alt: str, plural: bool, start: int) -> int | None:
    """Where "a"/"an" stands before a singular group noun whose alternative is
    plural ("a feckless underclass" -> "people living in poverty"): the article
    must go, with the adjectives between it and the noun kept."""
    if plural or not alt.startswith("people "):
        return None
    pos = start
    for _ in range(3):
        w = _prev_word(s, pos)
        if w is None:
            return None
        if w[2].lower() in ("a", "an"):
            return w[0]
        tok = s.token_before(pos)
        if tok is None or (tok.pos != "ADJ" and not tok.tag.startswith("JJ")):
            return None
        pos = w[0]
    return None


def _fit_one(
    c: Candidate, s: Sentence, alt: str, plural: bool, extend: bool = True
) -> tuple[int, int, str] | None:
    start, end = c.start, c.end
    start, alt, phrase, prev = _shaped(c, s, alt, plural, extend)
    alt_words = set(words(alt))
    # absorb a modifier the alternative already says ("convicted offender"),
    # or a hedge it makes redundant ("the alleged murderer" -> "the person accused of murder")
    if (
        extend
        and prev is not None
        and (
            prev[2].lower() in alt_words or (prev[2].lower() in _HEDGES and "accused" in alt_words)
        )
        and prev[2].lower() not in _DETERMINERS
    ):
        start = prev[0]
        prev = _prev_word(s, start)
    det = prev[2].lower() if prev is not None and prev[2].lower() in _DETERMINERS else None
    if c.possessive and det is None and prev is not None and prev[2].lower() in OWNER_DETERMINERS:
        det = prev[2].lower()  # "One inmate's mother" -> "the mother of one person in prison"
    original_first = s.text[start:end]

    if c.possessive:
        np_end = _possessed_np(s, c.end)
        if (np_end is None or det == "no") and extend and len(alt.split()) > 1:
            # "the same address as the prisoner's": no "person in prison's";
            # "No inmate's cell": "the cell of no person" reads as no English
            return None
        if len(alt.split()) == 1 or np_end is None or not extend:
            out = possessive(phrase, plural)
        else:
            got = _owner_last(c, s, start, phrase, plural, det, np_end)
            if got is None:
                return None
            start, end, out = got
            original_first = s.text[start:end]
    else:
        out = phrase
        if not plural and det in ("a", "an"):
            want = indefinite_article(phrase)
            if want != det:
                if not extend or prev is None:
                    return None
                start = prev[0]
                original_first = s.text[start:end]
                out = f"{want} {phrase}"
    before = s.text[:start].rstrip()
    at_start = not before or before[-1] in ".!?:\"“‘'(—–-"
    out = match_case(original_first, out, line_style(s), at_start)
    left = _prev_word(s, start)
    right = _next_word(s, end)
    if _doubles(left[2] if left else None, out, right[2] if right else None):
        return None
    if not extend and start < c.start:
        return None
    return start, end, out
