"""Policy exemption 3: titles of works and fiction.

Three signals: a list of known titles that contain lexicon words; a run of
Title Case words around the candidate in mid-sentence (a title or a name);
and a fiction cue word (film, novel, starring...) shortly before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence
from framing.rules.names import NICKNAMING, capitalised_list, slogan_or_nickname
from framing.senses import names_people

if TYPE_CHECKING:
    from framing.index import Index

import re

from framing.sentences import at_sentence_start

KNOWN_TITLES = (
    "Monsters, Inc.",
    "Monsters Inc",
    "Monsters University",
    "Gangs of New York",
    "Harry Potter and the Prisoner of Azkaban",
    "Prisoner of Azkaban",
    "The Prisoner",
    "Grand Theft Auto",
    "Natural Born Killers",
    "Killers of the Flower Moon",
    "The Killers",
    "Prisoner Cell Block H",
    "Prison Break",
    "Orange Is the New Black",
    "Criminal Minds",
    "Criminal Record",
    "The Criminal",
    "Killing Eve",
    "Scum",
    "Monster",
    "The Monster",
    "Beauty and the Beast",
    "Fantastic Beasts",
    "Where the Wild Things Are",
    "Junkie XL",
    "The Thick of It",
    "Animal Farm",
    "Animals",
    "Savages",
    "The Savages",
    "Thug Life",
    "Bad Boys",
    "Serial Killer",
    "I Am a Killer",
    "Making a Murderer",
    "Mindhunter",
    "Lock, Stock and Two Smoking Barrels",
    "Con Air",
    "Young Offenders",
    "The Young Offenders",
    "Porridge",
    "Bad Girls",
    "Wentworth",
    "Oz",
    "Hitman",
    "Predator",
    "Predators",
    "Alien vs. Predator",
    "Crazy Rich Asians",
    "Scarface",
    "Trainspotting",
    "Junkie",
    "The Addict",
)
# short titles are ordinary words; only match them in Title Case
_CASE_SENSITIVE = {t for t in KNOWN_TITLES if len(t.split()) <= 2}
_TITLE_RE = re.compile(
    "|".join(
        sorted(
            (re.escape(t) for t in KNOWN_TITLES if t not in _CASE_SENSITIVE), key=len, reverse=True
        )
    ),
    re.I,
)
_TITLE_CS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted((re.escape(t) for t in _CASE_SENSITIVE), key=len, reverse=True))
    + r")(?!\w)"
)

FICTION_CUES = frozenset(
    """
film films movie movies novel novels novelist sitcom song songs album videogame musical
episode episodes character characters villain villains starring starred thriller franchise
comic comics cartoon cartoons fictional screenplay blockbuster sequel prequel trilogy
mini-series miniseries soap
""".split()
)
# people and places of film-making: a cue only with a role ("the actor who plays a
# killer"), since actors are real people too ("the actor was involved in a sex scandal")
ROLE_CUES = frozenset("actor actors actress actresses hollywood bollywood".split())
# weaker cues: only count next to a capitalised title ("Burglar Bill, the picture book")
TITLE_CUES = FICTION_CUES | frozenset(
    """
book books series show shows game games play plays opera poem poems painting podcast band
""".split()
)
STRONG_AFTER = frozenset({"fictional", "film", "novel", "movie", "starring", "sitcom", "thriller"})
NOT_FICTION = frozenset(
    {
        "documentary",
        "documentaries",
        "true",
        "real-life",
        "inquiry",
        "report",
        "interview",
        "interviews",
        "interviewed",
    }
)

_CAP_WORD = re.compile(r"[A-Z][\w'’\-.]*|[0-9]+")
_CONNECTORS = {
    "of",
    "the",
    "and",
    "in",
    "on",
    "for",
    "a",
    "an",
    "&",
    "to",
    "at",
    "de",
    "la",
    "vs",
    "v",
}


def _title_matches(s: Sentence) -> list[tuple[re.Pattern[str], re.Match[str]]]:
    return [(rx, m) for rx in (_TITLE_RE, _TITLE_CS) for m in rx.finditer(s.text)]


def in_known_title(c: Candidate, s: Sentence, ix: Index) -> str | None:
    for rx, m in s.memo("titles", lambda: _title_matches(s)):
        if m.start() <= c.start and c.end <= m.end():
            if len(m.group()) > len(c.text) or (rx is _TITLE_CS and _looks_titled(c, s)):
                return f"title of a work '{m.group()}'"
    return None


def _looks_titled(c: Candidate, s: Sentence) -> bool:
    # a bare one-word title ("Scum") counts only with a fiction cue nearby
    return any(
        w.lower() in FICTION_CUES for w in s.words_before(c.start, 6) + s.words_after(c.end, 3)
    )


def _run_around(s: Sentence, c: Candidate) -> list[tuple[int, int, str]]:
    words = s.words
    first = s.words_ending_by(c.start)
    idx = []
    for i in range(first, len(words)):
        if words[i][0] >= c.end:
            break
        idx.append(i)
    if not idx:
        return []
    lo, hi = idx[0], idx[-1]

    def titled(w: str) -> bool:
        return bool(w) and (w[0].isupper() or w[0].isdigit())

    while lo > 0 and (titled(words[lo - 1][2]) or words[lo - 1][2].lower() in _CONNECTORS):
        # stop at sentence punctuation between words
        gap = s.text[words[lo - 1][1] : words[lo][0]]
        if any(ch in gap for ch in '.;:!?"“”()'):
            break
        lo -= 1
    while hi + 1 < len(words) and (
        titled(words[hi + 1][2]) or words[hi + 1][2].lower() in _CONNECTORS
    ):
        gap = s.text[words[hi][1] : words[hi + 1][0]]
        if any(ch in gap for ch in '.;:!?"“”()'):
            break
        hi += 1
    while lo < idx[0] and words[lo][2].lower() in _CONNECTORS:
        lo += 1
    while hi > idx[-1] and words[hi][2].lower() in _CONNECTORS:
        hi -= 1
    return words[lo : hi + 1]


_OPEN_Q = "\"“‘'"
_CLOSE_Q = "\"”’'"


def _quoted_mid_sentence(s: Sentence, run: list[tuple[int, int, str]]) -> bool:
    """A whole quotation in Title Case after some words ('Queen's "Killer Queen"
    was played'): a title, though its first word follows an opening mark."""
    a, b = run[0][0], run[-1][1]
    if a == 0 or s.text[a - 1] not in _OPEN_Q:
        return False
    tail = s.text[b : b + 2]
    if not tail or (tail[0] not in _CLOSE_Q and not (tail[0] in ",.!?" and tail[1:2] in _CLOSE_Q)):
        return False
    before = s.text[: a - 1].rstrip()
    return bool(before) and before[-1] not in ":.!?"


_NICKNAMED = re.compile(
    r"\b(?:" + NICKNAMING + r")\s+(?:(?:him|her|them|it|his|their|its)\s+){0,2}"
    r"(?:as\s+)?(?:the\s+)?[\"'“‘]?$",
    re.I,
)


def in_title_case_run(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if s.headline or not c.text[:1].isupper():
        return None
    if c.text.isupper() and not c.form.text.isupper():
        return None  # shouting, not a name; an acronym ("BAME Women's Network") may be one
    run = _run_around(s, c)
    caps = [w for (_a, _b, w) in run if w[0].isupper()]
    if len(caps) < 2:
        return None
    if _NICKNAMED.search(s.text[max(0, run[0][0] - 40) : run[0][0]]):
        return None  # "dubbed 'Granny Evil'": a nickname is a label, reported
    if slogan_or_nickname(c, s) or capitalised_list(c, s):
        # "the 'Lock Her Up' chant", "The 'Hot Felon', 36,": words people used of
        # people; "the Rioters, Anarchists, Agitators, and Looters": emphasis
        return None
    words = [w for (_a, _b, w) in run]
    if c.text.isupper() and (
        all(w.isupper() or w.lower() in _CONNECTORS for w in words)
        or s.text[c.end : c.end + 1] == ","
    ):
        # "the BAME and LGBT communities", "the link between BAME, Covid-19 and
        # vitamin D": an acronym in a list, not in a name
        return None
    if c.text.isupper() and not any(a >= c.end and w[0].isupper() for a, _b, w in run):
        return None  # an acronym names with what follows it ("BAME Network"), not "the Met's BAME"
    if c.form.text.isupper() and _acronym_before_people(s, c, run):
        return None  # "BAME Brits", "BAME NHS staff": the acronym describes people
    if at_sentence_start(s.text, run[0][0]) and not _quoted_mid_sentence(s, run):
        # the first capital belongs to the sentence, and the candidate must not be it
        # ("Inmate John Smith said" is a label followed by a name) unless the
        # sentence says it is a work ("Burglar Bill, the children's picture book")
        if run[0][0] >= c.start or len(caps) - 1 < 2:
            # the cue must stand next to the run ("Burglar Bill, the picture book"),
            # not anywhere ("Jailbirds at HMP Isis have launched a podcast")
            near = {w.lower() for w in s.words_before(run[0][0], 3)}
            if any(ch in s.gap_after(run[-1][1]) for ch in ",(:–—"):  # in apposition
                near |= {w.lower() for w in s.words_after(run[-1][1], 4)}
            if not (near & TITLE_CUES) or s.word_set & NOT_FICTION:
                return None
    return "inside a Title Case name or title '" + s.text[run[0][0] : run[-1][1]] + "'"


def _acronym_before_people(s: Sentence, c: Candidate, run: list[tuple[int, int, str]]) -> bool:
    """A people acronym in a run of acronyms followed by a lower-case word for
    people ("BAME NHS staff") is a label, not part of a name; a run that goes
    on to a capitalised head ("BAME Women's Network") is a name."""
    after = [w for a, _b, w in run if a >= c.end]
    if after and not after[0].isupper() and after[0][:1].isupper():
        # "the impact of Covid-19 on BAME Brits in April": a capitalised noun
        # for people after the acronym, ending the name, is who it describes
        # ("BAME Women's Network" goes on to its head)
        ends = len(after) == 1 or after[1].lower() in _CONNECTORS
        # "the Network for BAME Lawyers", "Society of BAME Surgeons": a name
        # whose head comes first
        before = [w for a, _b, w in run if a < c.start]
        headed = len(before) >= 2 and before[-1].lower() in ("for", "of")
        return (
            ends
            and not headed
            and not after[0].endswith(("'s", "’s"))
            and names_people(after[0]) is True
        )
    if any(not w.isupper() for w in after):
        return False
    nxt = s.words_after(run[-1][1], 1)
    return bool(nxt) and nxt[0][:1].islower() and bool(names_people(nxt[0]))


# "serial killer dramas", "a prison thriller": the word names a genre of fiction
GENRE_NOUNS = frozenset(
    """
drama dramas thriller thrillers film films movie movies novel novels sitcom sitcoms fiction
franchise flick flicks genre
""".split()
)
# "the novel follows Alex, a teenage thug": a work, then what happens in it
PLOT_VERBS = frozenset(
    """
follows follow tells tell stars star starring features feature depicts depict portrays portray
centres centers centred centered revolves chronicles plays played playing
""".split()
)


def _plot_of_a_work(s: Sentence, c: Candidate) -> str | None:
    before = [w.lower() for w in s.words_before(c.start, 16)]
    # "mini-series" is two words to the word pattern
    before = [
        "mini-series" if w == "series" and i and before[i - 1] == "mini" else w
        for i, w in enumerate(before)
    ]
    if s.word_set & NOT_FICTION:
        return None  # "plays the detective ... in the tragic true story of"
    for i, w in enumerate(before):
        base = w[:-2] if w.endswith(("'s", "’s")) else w
        # "Hollywood star Woody Harrelson": a noun after the cue, not its plot
        verbs = (
            before[i + 2 :] if before[i + 1 : i + 2] in (["star"], ["stars"]) else before[i + 1 :]
        )
        if (base in FICTION_CUES or base in ROLE_CUES) and any(v in PLOT_VERBS for v in verbs):
            return base
    return None


# "Chavs, the book by Owen Jones": a capitalised word glossed as a work
_APPOSITIVE_WORK = re.compile(
    r"^[\"'”’]?,\s+(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:book|books|film|novel|song|album|play|series|documentary|podcast|memoir|show|single|game|band)\b",
    re.I,
)


def appositive_title(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.text[:1].isupper() or s.headline:
        return None
    if _APPOSITIVE_WORK.match(s.text[c.end : c.end + 60]):
        return "a title glossed as a work"
    return None


# "the game's sex beast", "the film's killer", "the novel's villain": a label
# belonging to a work
_WORKS_OWN = re.compile(
    r"\b(?:game|film|movie|show|novel|book|series|sitcom|comic|play|musical|episode|song|album|"
    r"franchise|drama|thriller|cartoon|story)['’]s?\s+"
    r"(?:(?!(?:is|was|are|were|be|been|has|had|have|said|says|who|which|that|and|but)\b)[\w-]+\s+){0,3}$",
    re.I,
)


# "prefers exciting roles like evil villains": parts an actor plays
_ROLES_LIKE = re.compile(r"\b(?:roles|parts)\s+(?:like|such\s+as)\s+(?:an?\s+)?$", re.I)

_CLAUSE_VERBS = frozenset("is was are were be been has had have said says became becomes".split())


# "yob films himself", "yob flicks the fluid": the genre noun is a verb here
_OBJECT_AFTER = frozenset(
    "himself herself themselves itself him her them it the a an his their its this that".split()
)
# "Vince Vaughn plays a ruthless serial killer": an actor's invented part ("to
# portray the killer" in a drama may be a real person, so not "the")
_PLAYS_A = re.compile(
    r"\b(?:plays?|played|playing)\s+(?:a|an)\s+"
    r"(?:(?!(?:key|major|leading|big|vital|central|crucial|part|role)\b)[\w-]+\s+){0,2}$",
    re.I,
)


# "her evil husband Gray Atkins (Toby-Alexander Smith)": a character named,
# then the actor who plays them
_CHARACTER_AND_ACTOR = re.compile(
    r"^(?:\s+[a-z][\w-]*){0,2}(?:\s+[A-Z][\w'’-]+){1,3}\s+\((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’-]+\)"
)


def fiction_cue(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.entry.refers_to_people:
        # a work is fiction, the talk about it is not: "a child porn probe into
        # the film", "the movie about the Roger Ailes sex scandals"
        return None
    nxt = [w.lower() for w in s.words_after(c.end, 2)]
    if (
        nxt
        and nxt[0] in GENRE_NOUNS
        and not any(ch in s.gap_after(c.end) for ch in ',.;:!?()"“”')
        and not (len(nxt) > 1 and nxt[1] in _OBJECT_AFTER)
    ):
        return f"names a genre ('{c.text} {nxt[0]}')"
    if _PLAYS_A.search(s.text[max(0, c.start - 60) : c.start]) and not s.word_set & NOT_FICTION:
        return "fiction ('plays')"
    if _CHARACTER_AND_ACTOR.match(s.text[c.end : c.end + 80]):
        return "fiction (a character, then the actor in brackets)"
    before = [w.lower() for w in s.words_before(c.start, 6)]
    after = [w.lower() for w in s.words_after(c.end, 2)]
    words = before + after
    if any(w in NOT_FICTION for w in words):
        return None
    if _ROLES_LIKE.search(s.text[max(0, c.start - 40) : c.start]):
        return "fiction ('roles')"
    own = _WORKS_OWN.search(s.text[max(0, c.start - 60) : c.start])
    if own:
        return f"fiction ('{own.group().split()[0]}')"
    for i, w in enumerate(before):
        base = w[:-2] if w.endswith(("'s", "’s")) else w
        if base in FICTION_CUES and not (set(before[i + 1 :]) & _CLAUSE_VERBS):
            # the cue and the label in one phrase ("in the film, a gang of thugs"),
            # not a work and then what someone is ("the film's director is a killer")
            return f"fiction ('{w}')"
    for w in [x.lower() for x in s.words_after(c.end, 5)]:
        if w in ("who", "whose", "whom"):
            break  # "the thug who inspired the novel": a real person the work is about
        if w in STRONG_AFTER:
            return f"fiction ('{w}')"
    cue = _plot_of_a_work(s, c)
    if cue:
        return f"a character in a {cue}"
    return None


# "the SICKO MODE hitmaker", "The Animal songstress", "the Sexy Beast star": a
# capitalised title and then the person known for it (Mail Online's way of
# naming a celebrity); in a headline a capital says nothing, so not there
_KNOWN_FOR = re.compile(
    r"^['’\"”]?(?:[ \t]+[A-Z0-9][\w'’!.-]*){0,3}['’\"”]?[ \t]+"
    r"(?:hit-?makers?|songstress|singers?|rappers?|stars?|crooner|frontman|frontwoman|"
    r"actors?|actress|actresses|directors?|creators?|authors?)\b"
)


def title_before_known_for(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if s.headline or not c.text[:1].isupper() or at_sentence_start(s.text, c.start):
        return None
    if _NICKNAMED.search(s.text[max(0, c.start - 40) : c.start]):
        return None  # "dubbed the 'Killer' star": a nickname is a label, reported
    m = _KNOWN_FOR.match(s.text[c.end : c.end + 60])
    if m:
        return f"a title before the person known for it ('{c.text}{m.group()}')"
    return None
