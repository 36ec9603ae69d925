"""A killing label owned by its victim: "her killer", "Harry Dunn's alleged
killer", "PC Andrew Harper's three killers", "James Bulger killer Jon Venables".

"Her person convicted of the killing" is no English, so a swap of the word
alone never fits; the act is turned into a verb whose object is the owner,
in the terms the person's legal status allows
(``../shared/flagging-policy.md``, "What a rewrite may say"):

- before a verdict (charged, on trial): "the person accused of causing her
  death" (the charge may be manslaughter or causing death by driving, so
  neither "murder" nor "killing" is asserted);
- after an arrest: "the person suspected of causing her death";
- after a conviction: "the person convicted of killing her";
- with no status, or while sought: "the person who killed her".

As a possessive the possessed phrase comes first ("her alleged killer's
trial" -> "the trial of the person accused of causing her death"; a trial,
hearing or lawyer says no verdict yet, so never "who killed her" there).
Any possessive label restructured the same way takes its owner's determiner
and adjectives along (``owner_lead``: "the notorious inmate's letters" ->
"the letters of the notorious person in prison"), and the gender and time a
pronoun after it gives (``owner_phrase``).

With a name right after the label the name says who, so the label goes:
owned by a pronoun, it is cut ("His killer Lewis Finch, 31," -> "Lewis
Finch, 31,"); owned by a name, the fact moves into a clause after the name
("Harry Dunn's alleged killer Anne Sacoolas have said" -> "Anne Sacoolas,
who is accused of causing Harry Dunn's death, have said"; in a headline the
shorter ", accused of ...,").
"""

from __future__ import annotations

import re

from framing.candidate import Candidate, Sentence, Tok
from framing.inflect import match_case
from framing.sentences import case_style
from framing.status import Status

Span = tuple[int, int, str]

# the act each owned label names: (past, gerund)
_ACTS = {"killer": ("killed", "killing"), "murderer": ("murdered", "murdering")}
_PRONOUNS = {"his": "him", "her": "her", "their": "them"}
_COUNTS = frozenset("two three four five six seven eight nine ten".split())
_HEDGES = frozenset({"alleged", "suspected", "accused", "convicted"})
_OWNER_TAGS = frozenset({"PROPN", "NOUN", "ADJ"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def _words_before(s: Sentence, offset: int) -> list[tuple[int, int, str]]:
    """The words before ``offset`` that only spaces separate, nearest last."""
    out: list[tuple[int, int, str]] = []
    at = offset
    while True:
        w = s.word_before(at)
        if w is None or s.text[w[1] : at].strip():
            break
        out.insert(0, w)
        at = w[0]
        if len(out) >= 8:
            break
    return out


def _tok(s: Sentence, w: tuple[int, int, str]) -> Tok | None:
    toks = [t for t in s.tokens_in(w[0], w[1]) if not t.text.isspace()]
    return toks[0] if toks else None


def _name_after(s: Sentence, offset: int) -> tuple[int, int] | None:
    """The proper name right after the label ("killer Anne Sacoolas"): the
    span of its capitalised words, at least two of them."""
    toks = [t for t in s.tokens_in(offset, min(len(s.text), offset + 80)) if not t.text.isspace()]
    run: list[Tok] = []
    for t in toks:
        if t.tag == "NNP" and t.text[:1].isupper() and (not run or t.start - run[-1].end <= 1):
            run.append(t)
            continue
        break
    if len(run) < 2 or s.text[offset : run[0].start] != " ":
        return None
    if any(w.text.isupper() and len(w.text) > 1 for w in run):
        return None  # a shouted headline word ("DID NOT") is not a name
    return run[0].start, run[-1].end


def owned_fit(c: Candidate, s: Sentence, status: Status) -> Span | None:
    """The restructured phrase for an owned killing label, or None."""
    acts = _ACTS.get(c.entry.id)
    if acts is None or not s.tokens:
        return None
    if not all(_LABEL_WORD.sub("", w) in _LABEL_WORDS for w in c.lower_words):
        return None  # "convicted killer", "double killer": their own wording
    if c.possessive:
        return _owned_possessive(c, s, status, acts)
    nxt = s.token_after(c.end)
    if nxt is not None and nxt.start == c.end + 1 and nxt.pos == "NOUN" and nxt.text.islower():
        return None  # "her killer brother": the label is the brother's, not her killer
    plural = c.lower_words[-1].endswith("s")
    before = _words_before(s, c.start)
    i, count, teen = _modifiers(before)
    if not i:
        return None
    name = _name_after(s, c.end)
    owner = _owner(s, before, i, name)
    if owner is None:
        return None
    start, obj, poss, pronoun = owner
    value = _hedged(before, i, status.value)
    if value in _VERDICT and _SAYS_VERDICT.search(s.text, c.end):
        # "His killers were ... convicted of manslaughter": the sentence gives
        # the verdict, so "the people who killed him", never "convicted" twice
        value = "unknown"
    act, clause_act = _wording(c.entry.id, value, acts, obj, poss)
    style = s.memo("case_style", lambda: case_style(s.text))
    if name is not None:
        if plural or count is not None:
            return None
        return _before_name(s, start, name, poss, pronoun, clause_act, status.value, acts[0])
    person = "people" if plural else "person"
    if teen:
        person = "teenagers" if plural else "teenager"
    if count is not None:
        person = f"{count} {person}"
    out = f"the {person} {act}"
    if style in ("upper", "title", "title-all"):
        return start, c.end, match_case(s.text[start : c.end], out, style)
    before_text = s.text[:start].rstrip()
    if not before_text or before_text[-1] in ".!?:\"“‘'(—–-":
        out = out[0].upper() + out[1:]
    return start, c.end, out


_VERDICT = frozenset({"convicted", "sentenced", "released"})
_SAYS_VERDICT = re.compile(r"\b(?:convicted|found guilty|guilty of)\b", re.IGNORECASE)
_COURT_NOUNS = frozenset(
    "trial retrial hearing prosecution defence defense lawyer lawyers barrister barristers "
    "solicitor solicitors bail plea case".split()
)
_LABEL_WORDS = frozenset({"killer", "killers", "murderer", "murderers"})
_LABEL_WORD = re.compile(r"['’]s?$")


def _owned_possessive(
    c: Candidate, s: Sentence, status: Status, acts: tuple[str, str]
) -> Span | None:
    """ "her alleged killer's trial" -> "the trial of the person accused of
    causing her death"; "His killer's trial" -> "The trial of the person who
    killed him": the possessed phrase first, the owned act after it."""
    before = _words_before(s, c.start)
    i, count, teen = _modifiers(before)
    if not i or count is not None or teen:
        return None
    owner = _owner(s, before, i, None)
    if owner is None:
        return None
    start, obj, poss, _pronoun = owner
    if poss == "whose":
        return None
    np_end = _possessed_end(s, c.end)
    if np_end is None:
        return None
    owned = s.text[c.end : np_end].strip()
    value = _hedged(before, i, status.value)
    if value not in _VERDICT and _COURT_NOUNS.intersection(owned.lower().split()):
        # "His killer's trial": a trial says no verdict yet, so no "who killed him"
        value = "on_trial"
    act, _clause = _wording(c.entry.id, value, acts, obj, poss)
    person = "people" if c.form.number == "plural" else "person"
    out = f"the {owned} of the {person} {act}"
    style = s.memo("case_style", lambda: case_style(s.text))
    if style in ("upper", "title", "title-all"):
        return start, np_end, match_case(s.text[start:np_end], out, style)
    before_text = s.text[:start].rstrip()
    if not before_text or before_text[-1] in ".!?:\"“‘'(—–-":
        out = out[0].upper() + out[1:]
    return start, np_end, out


def _possessed_end(s: Sentence, offset: int) -> int | None:
    """End of the noun phrase a possessive owns ("'s secret lair", "'s trial")."""
    end = None
    for t in s.tokens_in(offset, min(len(s.text), offset + 80)):
        if t.text.isspace() or t.text in ("'s", "’s", "'", "’"):
            continue
        if t.pos in ("ADJ", "NUM") and end is None:
            continue
        if t.pos == "NOUN":
            end = t.end
            continue
        break
    return end


def _before_name(
    s: Sentence,
    start: int,
    name: tuple[int, int],
    poss: str,
    pronoun: bool,
    clause_act: str,
    v: str,
    past: str,
) -> Span | None:
    """The owned label before the name of the person it labels: the name says
    who, so the label goes, and the fact moves into a clause after the name."""
    named = s.text[name[0] : name[1]]
    if poss == "whose":
        # "Helen McCourt, whose murderer Ian Simms was released" (convicted) ->
        # "Helen McCourt, murdered by Ian Simms, who was released"
        if v not in ("convicted", "sentenced", "released"):
            return None
        return start, name[1], f"{past} by {named}, who"
    if pronoun:
        # "His killer Lewis Finch, 31," -> "Lewis Finch, 31,"
        return start, name[0], ""
    rest = s.text[name[1] :]
    if rest[:1] in (",", "(") or not rest.strip():
        return None  # an apposition already follows: no room for the clause
    if _headline(s) and clause_act.startswith("is "):
        clause = clause_act[3:]  # "accused of ...": a headline's shorter clause
    else:
        clause = "who " + clause_act
    return start, name[1], f"{named}, {clause},"


# what a hedge before the label says at least, where the status read says less
_HEDGE_STATUS = {"alleged": "charged", "accused": "charged", "suspected": "arrested"}
_UNHEDGED = frozenset({"unknown", "group_generic", "wanted", "suspected"})


def _hedged(before: list[tuple[int, int, str]], i: int, value: str) -> str:
    """The status a hedge the wording absorbs keeps: "Her suspected killer"
    is never "the person who killed her", whatever else the sentence says."""
    hedge = before[-1][2].lower() if i < len(before) else ""  # the word next to the label
    if hedge in _HEDGE_STATUS and value in _UNHEDGED:
        return _HEDGE_STATUS[hedge]
    return value


def _modifiers(before: list[tuple[int, int, str]]) -> tuple[int, str | None, bool]:
    """Skip the label's own modifiers ("three teenage alleged"): the index of
    the word before them, the count, and whether "teenage" was one."""
    i = len(before)
    count, teen = None, False
    if i and before[i - 1][2].lower() in _HEDGES:
        i -= 1  # absorbed: the status wording says what "alleged" said
    if i and before[i - 1][2].lower() == "teenage":
        i -= 1
        teen = True
    if i and before[i - 1][2].lower() in _COUNTS:
        i -= 1
        count = before[i][2].lower()
    return i, count, teen


_OWNER_DETS = frozenset({"the", "his", "her", "their", "its", "my", "your", "our"})


def _owner(
    s: Sentence, before: list[tuple[int, int, str]], i: int, name: tuple[int, int] | None
) -> tuple[int, str, str, bool] | None:
    """(start, object form, possessive form, is a pronoun) of the owner."""
    owner_end = before[i - 1]
    word = owner_end[2]
    if word.lower() == "whose":
        return owner_end[0], "", "whose", True
    if word.lower() in _PRONOUNS:
        return owner_end[0], _PRONOUNS[word.lower()], word.lower(), True
    possessive = _POSSESSIVE.search(word) is not None
    if not possessive:
        # only before a name may a name be the owner ("James Bulger killer Jon Venables")
        t = _tok(s, owner_end)
        if name is None or t is None or t.pos != "PROPN":
            return None
        if not _victim_name(before[:i]):
            return None  # "White House Farm killer", "Soham killer": a place, not a victim
    # the nouns and names before the possessive word ("the Thames Valley police officer's")
    j = i - 1
    while j > 0:
        t = _tok(s, before[j - 1])
        if t is None or t.pos not in _OWNER_TAGS or _POSSESSIVE.search(before[j - 1][2]):
            break
        j -= 1
    if j > 0 and before[j - 1][2].lower() in _OWNER_DETS:
        # "her son's killers" -> "the people who killed her son": the owner's own
        # determiner goes with it (else "her the people who killed son")
        j -= 1
    start = before[j][0]
    text = s.text[start : owner_end[1]]
    if before[j][2].lower() in _OWNER_DETS:
        text = text[0].lower() + text[1:]  # "His son's killer" -> "... killed his son"
    if possessive:
        return start, re.sub(r"['’]s$|['’]$", "", text), text, False
    if word.endswith("s") and not word.endswith("ss"):
        # "Harry Dunns alleged killer": a headline without its apostrophe
        return start, text[:-1], text[:-1] + "'s", False
    return start, text, text + "'s", False


# the last word of a place's name ("White House Farm", "Dunblane Primary School")
_PLACE_WORDS = frozenset(
    "farm house street road lane park hall manor hotel school church bridge common heath "
    "moor wood hill estate tower towers avenue square close station centre center mall bar "
    "pub club beach cottage flats court way green gardens arena airport".split()
)


def _victim_name(before: list[tuple[int, int, str]]) -> bool:
    """Whether the capitalised words before the label can be a victim's name:
    a first name and a surname at least ("James Bulger killer"), none of them a
    place's ("White House Farm killer"); one word may be a town ("Soham killer")."""
    run: list[str] = []
    for w in reversed(before):
        if not w[2][:1].isupper():
            break
        run.insert(0, w[2])
    return len(run) >= 2 and not any(w.lower() in _PLACE_WORDS for w in run)


def _wording(entry: str, v: str, acts: tuple[str, str], obj: str, poss: str) -> tuple[str, str]:
    """(after "the person", in a clause after a name) for the status."""
    past, gerund = acts
    if v in ("charged", "on_trial"):
        # the charge may be manslaughter or causing death by driving: "causing death"
        act = (
            f"accused of causing {poss} death"
            if entry == "killer"
            else f"accused of {gerund} {obj}"
        )
        return act, "is " + act
    if v == "arrested":
        act = f"suspected of causing {poss} death"
        return act, "is " + act
    if v in ("convicted", "sentenced", "released"):
        return f"convicted of {gerund} {obj}", f"{past} {obj}"
    return f"who {past} {obj}", f"{past} {obj}"


def _headline(s: Sentence) -> bool:
    """A headline or caption: no full stop at the end."""
    return s.headline or s.text.rstrip()[-1:] not in (".", "!", "?", '"', "”", "'", "’")


# what may stand before a possessive label and go with the owner once the
# possessed phrase comes first: "Each inmate's cell" -> "The cell of each
# person in prison", "Some prisoners' families" -> "The families of some
# people in prison" (a count too: "One inmate's mother")
OWNER_DETERMINERS = frozenset(
    "one two three four five six seven eight nine ten each every another any some many "
    "several other all most few both no".split()
)
_OWNER_OWNERS = frozenset({"his", "her", "their", "its", "my", "your", "our", "whose"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"}) | OWNER_DETERMINERS


def owner_lead(s: Sentence, start: int, det: str | None) -> tuple[int, str, str | None] | None:
    """Where an owner restructured after its possessed phrase starts, the
    adjectives it keeps and its determiner: "the notorious inmate's letters"
    -> (at "the", "notorious ", "the"), so "the letters of the notorious
    person in prison"; None where what stands before the label cannot go
    with it ("her alleged killer's trial": an owner of the owner; "the
    Claremont killer's lair": a noun modifier)."""
    if det is not None:
        w = s.word_before(start)
        return (w[0] if w is not None else start), "", det
    at, mods = start, ""
    for _ in range(4):
        tok = s.token_before(at)
        if tok is None or s.text[tok.end : at] != " ":
            break
        low = tok.text.lower()
        if low in _DETS:
            return tok.start, mods, low
        if low in _OWNER_OWNERS or _POSSESSIVE.search(tok.text):
            return None
        begin = tok.start
        while s.text[begin - 1 : begin] == "-":  # "Scottish-born", "knife-wielding"
            w = s.word_before(begin - 1)
            if w is None or w[1] != begin - 1:
                break
            begin = w[0]
        if begin == tok.start and tok.pos != "ADJ" and tok.tag != "VBN":  # "the jailed burglar's"
            if tok.pos in ("NOUN", "PROPN"):
                return None  # "the Claremont killer's": a noun modifier has no place
            break
        mods = s.text[begin:at]
        at = begin
    # adjectives only with the determiner they follow ("the notorious inmate's");
    # else they may be anything ("were seen strewn outside inmate's cells")
    return (at, mods, None) if not mods else None


def possessed_and(s: Sentence, end: int) -> int:
    """The end of a possessed phrase with the nouns coordinated to it ("the
    inmate's DNA and fingerprints" -> "the DNA and fingerprints of the person
    in prison", never "the DNA of the person in prison and fingerprints";
    "family, friends and lawyers" likewise)."""
    at = end
    while True:
        m = re.match(r"(,\s+|,?\s+and\s+)(?=[a-z])", s.text[at:])
        if m is None:
            return end  # ("family, who ...", or a comma list that never closes with "and")
        noun_end = _nouns_end(s, at + m.end())
        if noun_end is None:
            return end
        if "and" in m.group(1):
            return noun_end
        at = noun_end


def _nouns_end(s: Sentence, offset: int) -> int | None:
    last = None
    for t in s.tokens_in(offset, min(len(s.text), offset + 40)):
        if t.text.isspace():
            continue
        if t.pos == "NOUN" and (last is None or t.start - last <= 1):
            last = t.end
            continue
        break
    return last


_DIED = re.compile(r"\b(?:he|she)\s+(?:had\s+|has\s+)?died\b", re.IGNORECASE)
_OWNER_PERSON = re.compile(r"^person\b")


def owner_phrase(s: Sentence, phrase: str, plural: bool, after: int) -> str:
    """The owner's wording where a possessive is restructured ("an addict's
    three children after she died" -> "the three children of a woman who used
    drugs"): the gender the sentence's pronouns give, and the past where it
    says the owner died (her drug use ended with her)."""
    if plural or _OWNER_PERSON.match(phrase) is None:
        return phrase
    person = _gender_after(s, after)
    if person != "person":
        phrase = person + phrase[len("person") :]
    if _DIED.search(s.text, after):
        phrase = re.sub(r"\bwho (uses|is|has)\b", _past, phrase, count=1)
    return phrase


_HE_AFTER = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE_AFTER = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_SINGLE_PEOPLE = frozenset(
    "mother father mum dad wife husband son daughter brother sister partner girlfriend "
    "boyfriend lawyer solicitor barrister friend victim neighbour accomplice cellmate "
    "family".split()
)


def _gender_after(s: Sentence, after: int) -> str:
    """ "man"/"woman" where the pronouns after the possessed phrase are of one
    gender and can only be the owner's: not where the phrase is itself one
    person ("The inmate's mother said she ...": "she" is the mother) or a
    pronoun comes before (the victim's: "her alleged killer's trial")."""
    head = s.word_before(after)
    if head is None or head[2].lower() in _SINGLE_PEOPLE:
        return "person"
    if _HE_AFTER.search(s.text, 0, head[0]) or _SHE_AFTER.search(s.text, 0, head[0]):
        return "person"
    he = _HE_AFTER.search(s.text, after) is not None
    she = _SHE_AFTER.search(s.text, after) is not None
    if he != she:
        return "man" if he else "woman"
    return "person"


def _past(m: re.Match[str]) -> str:
    return {"uses": "who used", "is": "who was", "has": "who had"}[m.group(1)]
