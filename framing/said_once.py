"""Wording that says each fact once: where the lexicon's alternative, dropped
in for the label, would repeat what the sentence already says, or keep a
word with nothing left to modify.

- an acronym in brackets after its own expansion ("black, Asian and
  minority ethnic (BAME) officers") goes, never a second gloss;
- a wording whose verb the clause says again ("The people who sell drugs
  sold cocaine") becomes the role ("Those involved sold cocaine");
- a headline that is only the label and its sentence ("KILLER JAILED FOR
  LIFE") says the offence after the sentence ("JAILED FOR LIFE FOR KILLING");
- a noun naming the kind of offence before a label whose clause tells the
  act ("distraction burglars who trick their way in") goes with the label;
- a noun that itself names people before a place label ("terrorist
  inmates") becomes the head ("terrorists in prison").
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.candidate import Candidate, Sentence
from framing.inflect import match_case
from framing.restructure import headline_like
from framing.sentences import case_style
from framing.tense import pronoun_person

Span = tuple[int, int, str]

# the short words an expansion skips when its initials spell an acronym
# ("Black, Asian and Minority Ethnic" -> B A M E)
_EXPANSION_SKIP = frozenset({"and", "&", "of", "the", "or", "for", "in"})
_PARENS_AFTER = re.compile(r"\s*\)")
_ABOUT_WORD = re.compile(r"\b(?:acronym|abbreviation|initialism|term|label|word)s?\b", re.I)


def expansion_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "black, Asian and minority ethnic (BAME) officers" -> "black, Asian and
    minority ethnic officers": an acronym in brackets right after its own
    expansion only repeats it, so it goes (with the space before the bracket);
    swapping it would gloss the expansion a second time ("... ethnic (Ethnic
    minority) officers").  "BAME (black, Asian and minority ethnic) staff" ->
    "Black, Asian and minority ethnic staff": the expansion in brackets after
    it takes its place.  A sentence about the acronym itself is left alone."""
    label = s.text[c.start : c.end]
    letters = [ch for ch in label if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters) or c.possessive:
        return None
    if _ABOUT_WORD.search(s.text):
        return None
    opening = s.text[: c.start].rstrip()
    close = _PARENS_AFTER.match(s.text, c.end)
    if opening.endswith("(") and close is not None:
        before = opening[:-1]
        if _initials(re.findall(_WORD_RX, before[-160:]), len(letters), True) == letters:
            return len(before.rstrip()), close.end(), ""
        return None
    glossed = _GLOSS_AFTER.match(s.text, c.end)
    if glossed is None:
        return None
    words = re.findall(_WORD_RX, glossed.group("words"))
    if _initials(words, len(letters), False) != letters or len(words) > 2 * len(letters):
        return None
    out = glossed.group("words").strip()
    if not s.text[: c.start].strip():
        out = out[0].upper() + out[1:]  # the line's first word
    return c.start, glossed.end(), out


_WORD_RX = r"[A-Za-z][\w'’]*"
_GLOSS_AFTER = re.compile(r"\s*\((?P<words>[^()]{3,80})\)")


def _initials(found: list[str], n: int, from_end: bool) -> list[str]:
    """The initials of the first (or last) ``n`` words that are not short
    linking words ("and", "of")."""
    out: list[str] = []
    for w in reversed(found) if from_end else found:
        if len(out) == n:
            break
        if w.lower() in _EXPANSION_SKIP:
            continue
        out.append(w[0].upper())
    return out[::-1] if from_end else out


_WHO_VERB = re.compile(r"\bwho (\w+)\b")
_ACT_LABELS = frozenset({"offence-identity", "dehumanising", "person-label"})
_CLAUSE_STOP = re.compile(r"[.;:!?]")
# light verbs say no act by themselves ("who took part in the looting ... taken")
_BARE_VERBS = frozenset({"be", "have", "do", "take", "make", "get", "go", "come", "give"})
_GROUP_DETS = frozenset({"the", "these", "those"})


@lru_cache(maxsize=1024)
def _verb_lemmas(word: str) -> tuple[str, ...]:
    """The verbs a word is a form of ("sold" -> "sell"), from lemminflect's
    dictionary (loaded on first use: only a clause wording needs it)."""
    from lemminflect import getAllLemmas

    return tuple(getAllLemmas(word.lower(), "VERB").get("VERB", ()))


def repeated_act(
    c: Candidate, s: Sentence, start: int, end: int, rewrite: str, plural: bool
) -> Span | None:
    """ "The drug dealers sold cocaine" -> "Those involved sold cocaine", never
    "The people who sell drugs sold cocaine"; "directing dealers where to sell
    drugs" -> "directing people where to sell drugs": where the wording's own
    verb is said again in the label's clause, the sentence already tells the
    act and the person needs no clause ("the person", "the man" where the
    pronouns give it, "someone", "people", "those involved")."""
    if c.entry.category not in _ACT_LABELS or c.possessive:
        return None
    m = _WHO_VERB.search(rewrite.lower())
    if m is None or not rewrite.lower().startswith(("person ", "people ", "man ", "woman ")):
        return None
    lemmas = set(_verb_lemmas(m.group(1))) - _BARE_VERBS
    told = rewrite.lower()[m.end() :].split()  # "caused [the damage]", "took [part in the looting]"
    if not (lemmas and _said_after(s, end, lemmas)) and not _next_verb_in(s, end, told):
        # "A person who took part in the looting looted": the label's own verb
        # (a plural subject is framing.restructure's: "People looted shops")
        if plural or not _stem_verb(c, s, end):
            return None
    return plain_role(c, s, start, end, plural)


def plain_role(c: Candidate, s: Sentence, start: int, end: int, plural: bool) -> Span | None:
    """The person with no clause, where the sentence tells the act: "those
    involved", "people", "the person" ("the man" where the pronouns give
    it), "someone"; None after any other determiner."""
    prev = s.word_before(start)
    det = prev[2].lower() if prev is not None and not s.text[prev[1] : start].strip() else None
    if plural and det in _GROUP_DETS and prev is not None:
        start, out = prev[0], "those involved"
    elif plural:
        out = "people"
    elif det == "the" and prev is not None:
        start, out = prev[0], f"the {pronoun_person(s, False)}"
    elif det in ("a", "an") and prev is not None:
        start, out = prev[0], "someone"
    else:
        return None
    style = s.memo("case_style", lambda: case_style(s.text))
    before = s.text[:start].rstrip()
    at_start = not before or before[-1] in ".!?:\"“‘'(—–-"
    return start, end, match_case(s.text[start:end], out, style, at_start)


_AUXILIARIES = frozenset("have has had was were is are been be will would".split())
_FUNCTION_WORDS = frozenset("the a an in of to for on with part".split())


def _next_verb_in(s: Sentence, end: int, told: list[str]) -> bool:
    """ "People who caused the damage have damaged the memorial": the main verb
    after ``end`` (past its auxiliaries) is made from a word the wording
    already says ("damage"), so the act is told twice."""
    words = {w for w in told if w not in _FUNCTION_WORDS and len(w) > 3}
    if not words:
        return False
    pos = end
    for _ in range(3):
        tok = s.token_after(pos)
        if tok is None or s.text[pos : tok.start].strip() or not tok.tag.startswith("VB"):
            return False
        if tok.text.lower() not in _AUXILIARIES:
            said = set(_verb_lemmas(tok.text)) - _BARE_VERBS
            return any(said.intersection(_verb_lemmas(w)) for w in words)
        pos = tok.end
    return False


def _said_after(s: Sentence, end: int, lemmas: set[str]) -> bool:
    """A form of one of ``lemmas`` in the clause after ``end`` (70 characters)."""
    rest = s.text[end : end + 70]
    stop = _CLAUSE_STOP.search(rest)
    rest = rest[: stop.start()] if stop is not None else rest
    return any(lemmas.intersection(_verb_lemmas(w)) for w in re.findall(r"[A-Za-z]+", rest))


_SENTENCED_LINE = re.compile(
    r"\s+(?P<verb>jailed|caged|sentenced|locked up)"
    r"(?P<term>\s+for\s+(?:life|an?\s+\w+|\d+\s+\w+|\w+\s+(?:years?|months?|weeks?)))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_OFFENCE_OF_ALT = re.compile(r"\bconvicted of (?:the |an? )?(?P<offence>.+)$")


def sentenced_headline(c: Candidate, s: Sentence, status: str, alts: list[str]) -> Span | None:
    """ "KILLER JAILED FOR LIFE" -> "JAILED FOR LIFE FOR KILLING"; "Burglar
    jailed for three years" -> "Jailed for three years for burglary": a
    headline that is only the label and its sentence says the offence after
    the sentence, in the line's case, and needs no person noun (no gender is
    given, and "Person jailed for life" drops the offence)."""
    if status not in ("convicted", "sentenced") or c.possessive or s.text[: c.start].strip():
        return None
    if c.entry.category != "offence-identity":
        return None
    if not headline_like(s):
        return None
    style = s.memo("case_style", lambda: case_style(s.text))
    m = _SENTENCED_LINE.match(s.text, c.end)
    if m is None:
        return None
    for alt in alts:
        o = _OFFENCE_OF_ALT.search(alt)
        if o is None or " who " in f" {o.group('offence')} ":
            continue
        out = f"{m.group('verb').lower()}{(m.group('term') or '').lower()} for {o.group('offence')}"
        out = match_case(s.text[c.start : m.end()], out, style)
        return (
            c.start,
            m.end("term") if m.group("term") else m.end("verb"),
            out[0].upper() + out[1:],
        )
    return None


_WHO_ACT = re.compile(r"\s+who\s+(?P<verb>[a-z]+)\b")
_NO_ACT_VERBS = frozenset(
    "is are was were be been being has have had will would could can may might must should "
    "shall do does did not never".split()
)


def modified_clause_fit(c: Candidate, s: Sentence) -> Span | None:
    """ "one in nine distraction burglars who trick their way into homes" ->
    "one in nine people who trick their way into homes"; "Two car thieves
    who stole 80 vehicles" -> "Two people who stole 80 vehicles": a noun
    before the label names the kind of offence, and the clause after it
    tells the act itself, so the person needs neither ("distraction
    intruders who", "car raiders who" keep a modifier with nothing to
    modify).  Only where the clause has an act verb of its own ("who was
    never caught" tells none)."""
    if c.possessive or c.entry.category != "offence-identity" or not s.tokens:
        return None
    m = _WHO_ACT.match(s.text, c.end)
    if m is None or m.group("verb") in _NO_ACT_VERBS:
        return None
    tok = s.token_before(c.start)
    prev = s.word_before(c.start)
    if tok is None or prev is None or tok.pos != "NOUN" or tok.tag not in ("NN", "NNS"):
        return None
    if s.text[prev[1] : c.start] != " " or not prev[2].isalpha() or not prev[2].islower():
        return None
    start = prev[0]
    det = s.word_before(start)
    plural = c.form.number == "plural"
    out = "people" if plural else "person"
    if det is not None and not s.text[det[1] : start].strip():
        d = det[2].lower()
        if d in ("a", "an"):
            if plural:
                return None
            start, out = det[0], "a person"
        elif d not in ("the", "these", "those") and not (plural and _COUNT.fullmatch(d)):
            if d not in ("in", "of", "for", "by", "with", "and", "to", "from"):
                return None
        elif d in ("the", "these", "those"):
            start, out = det[0], f"{d} {out}"
    elif not plural:
        return None
    style = s.memo("case_style", lambda: case_style(s.text))
    return start, c.end, match_case(s.text[start : c.end], out, style)


_COUNT = re.compile(
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|all|"
    r"most|few|both|other|more"
)


_PERSON_TAIL = re.compile(r"^(?:person|people) (?P<tail>(?:in|on|serving|held)\b.*)$")
_PERSON_NOUN = re.compile(r"[a-z]+ists?")


def person_noun_fit(c: Candidate, s: Sentence, alt: str | None) -> Span | None:
    """ "Islamic terrorist inmates attacked a guard" -> "Islamic terrorists in
    prison attacked a guard": a noun before the label that itself names
    people ("terrorist", "extremist", "jihadist") becomes the head, and the
    wording's place or state follows it; "terrorist people in prison" would
    keep a modifier for a noun that needs none."""
    if alt is None or c.possessive or c.entry.category not in ("person-label", "soft-person-label"):
        return None
    m = _PERSON_TAIL.match(alt)
    prev = s.word_before(c.start)
    if m is None or prev is None or s.text[prev[1] : c.start] != " ":
        return None
    word = prev[2]
    opening = not s.text[: prev[0]].strip()
    if not _PERSON_NOUN.fullmatch(word.lower()):
        return None
    if word[:1].isupper() and not (s.headline or opening):
        return None  # "Baptist", a name
    from lemminflect import getAllLemmas

    if "NOUN" not in getAllLemmas(word.lower()):
        return None
    plural = c.form.number == "plural"
    noun = word.lower().rstrip("s")
    out = f"{noun}s {m.group('tail')}" if plural else f"{noun} {m.group('tail')}"
    style = s.memo("case_style", lambda: case_style(s.text))
    return prev[0], c.end, match_case(s.text[prev[0] : c.end], out, style)


_AGENT_END = re.compile(r"(?:sters?|ers?|ists?|ars?|s)$")
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _stem_verb(c: Candidate, s: Sentence, end: int) -> bool:
    """The verb right after ``end`` is made from the label's own stem
    ("looter" / "looted", "fraudster" / "defrauded")."""
    last = c.lower_words[-1] if c.lower_words else ""
    stem = _AGENT_END.sub("", last)
    verb = s.token_after(end)
    if len(stem) < 4 or verb is None or s.text[end : verb.start].strip():
        return False
    return verb.tag in _VERB_TAGS and stem[:4] in verb.text.lower()


def named_act(c: Candidate, s: Sentence) -> Span | None:
    """ "The fraudster defrauded his employer" -> "The man defrauded his
    employer"; "A burglar burgled the vicarage" -> "Someone burgled ...": the
    verb right after a singular label says the act the label names, so the
    person needs only a plain noun, whatever the status (it asserts none),
    where no other wording was found."""
    if c.possessive or c.form.number == "plural" or c.entry.category not in _ACT_LABELS:
        return None
    if not _stem_verb(c, s, c.end):
        return None
    prev = s.word_before(c.start)
    if prev is None or s.text[prev[1] : c.start].strip():
        return None
    det = prev[2].lower()
    if det == "the":
        out = f"the {pronoun_person(s, False)}"
    elif det in ("a", "an"):
        out = "someone"
    else:
        return None
    style = s.memo("case_style", lambda: case_style(s.text))
    before = s.text[: prev[0]].rstrip()
    at_start = not before or before[-1] in ".!?:\"“‘'(—–-"
    return prev[0], c.end, match_case(s.text[prev[0] : c.end], out, style, at_start)
