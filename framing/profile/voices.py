"""Who is quoted: direct and reported quotations attributed to their speakers.

Attribution is by patterns over the words next to a speech verb, the way news
writing attributes ("..., said X", "X said: ...", "according to X", "X told
the BBC"), with the speaker of an earlier quotation carried over to a
quotation with no attribution of its own (UK style runs a speaker's quotes on
over several paragraphs) and a pronoun resolved to the last named speaker.
Patterns first: the monitor profiles every article in its pass, and a full
dependency parse of a 1,000-word article costs several times the 50 ms budget
(measured on this machine).  The few sentences holding a quotation that no
pattern attributes are then parsed (``framing.profile.parse``): a fragment
governed by a verb of saying is its subject's voice ("Police said they were
'really worried'"), a quoted label no such verb governs stays without one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.profile.parse import SPEECH_WORD, parse_many, speaker_in
from framing.profile.people import People, compatible, pronoun_sex
from framing.profile.text import Sentence, count_words
from framing.quotes import quote_spans

# a quoted word or two with no attribution of its own is a label or a scare quote,
# not a voice; attributed in its sentence ("the DPP said delays were 'corrosive'")
# even one word is a voice (the labelling guide's ruling)
MIN_QUOTE_WORDS = 3
# the label that opens a picture caption ("Transformed: Jorden shared a photo")
_CAPTION_LABEL = re.compile(r"[A-Z][\w’'-]*(?:[ \t][\w’'-]+){0,3}!?:[ \t]+(?=[A-Z])")
# the longest sentence handed to the parser (a quotation's own sentence, in characters)
_PARSE_MAX = 700

_VERBS = (
    "said|says|say|told|tells|added|adds|explained|explains|continued|stated|states|warned|warns|"
    "claimed|claims|insisted|insists|argued|argues|admitted|admits|commented|wrote|writes|asked|"
    "replied|recalled|recalls|revealed|tweeted|urged|urges|noted|notes|acknowledged|confirmed|"
    "confirms|announced|declared|suggested|suggests|remarked|believes|believed|described|"
    "described|stressed|concluded|heard|hears|went\\s+on|goes\\s+on|recounted|pleaded|vowed|"
    "alleged|alleges|found|finds|posted|shouted|screamed|joked|begged|boasted|demanded|pledged|"
    "promised|conceded|agreed|reported|responded|responds|answered|messaged|texted|yelled|"
    "cried|sobbed|whispered|exclaimed|snapped|quipped|raged|fumed|mused|sighed|gushed|"
    "captioned|told\\s+(?:the\\s+)?[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)*"
)
_TITLE = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Judge|Justice|Mrs\.|Mr\.|Dr\.|"
    r"Det|Detective|Det\.|Supt|Superintendent|Chief|Inspector|Insp|Sgt|Sergeant|Constable|PC|DC|DS|DI|"
    r"DCI|DCS|Commander|Commissioner|Assistant|Deputy|Acting|Recorder|Sheriff|Rev|Reverend|Cllr|"
    r"Councillor|Governor|Minister|Secretary|MP|QC|KC)"
)
_CAP = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|O’[A-Z][a-z]+|Mc[A-Z][a-z]+)"
_PARTICLE = r"(?:de|van|von|der|bin|al|la|le|da|di)"
# a person's name: optional titles, then capitalised words
# words of a name are separated by spaces on one line: a name never runs into the
# next paragraph ("St Tropez\n\nHe")
_SP = r"[ \t\u00a0]+"
_NAME = rf"(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}(?:{_PARTICLE}{_SP})?{_CAP}){{0,3}}"
_HEADS = (
    r"spokesman|spokeswoman|spokesperson|spokespeople|source|sources|judge|prosecutor|prosecutors|"
    r"officer|officers|detective|police|minister|governor|inspector|inspectors|report|charity|"
    r"campaigner|campaigners|mother|father|mum|dad|son|daughter|wife|husband|partner|sister|brother|"
    r"family|relatives|friend|neighbour|witness|victim|chief|director|head|leader|chair|boss|"
    r"lawyer|lawyers|attorney|attorneys|solicitor|barrister|defence|statement|court|official|officials|researcher|expert|"
    r"professor|academic|inmate|prisoner|resident|member|MP|councillor|union|group|government|"
    r"department|ministry|service|force|team|trust|organisation|commissioner|secretary"
)
# a described speaker: "a Ministry of Justice spokesman", "the judge", "his mother",
# "a spokeswoman for the Howard League"
_DESCRIBED = (
    rf"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|{_CAP}(?:{_SP}{_CAP}){{0,2}}(?:[’']s|s[’'])){_SP}(?:[\w’'-]+{_SP}){{0,4}}?(?:{_HEADS})"
    rf"(?:{_SP}(?:for|from|at|of|with){_SP}(?:the{_SP})?{_NAME})?"
)
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_DESCRIBED}|{_PRONOUN})"
# next to a direct quotation a speech verb is evidence enough that any noun
# phrase speaks ("The detainee replied:", "the pervert claimed:"), and a name
# may follow its description ("Holland's attorney Bryan Williams confirmed",
# "Art detective Arthur Brand said", "Her daughter Tiffany called")
_NOT_HEAD = (
    r"(?!(?:who|whom|which|that|also|then|has|had|have|is|was|were|are|and|or|but|not|to|"
    r"of|in|on|at|for|by|with|from|it|he|she|they|been|being|later|previously|once|yesterday|"
    r"today|last|this|said|says|told)\b)"
)
_DESCRIBED_ANY = (
    rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|{_CAP}(?:{_SP}{_CAP}){{0,2}}(?:[’']s|s[’'])){_SP}"
    rf"(?:[\w’'-]+{_SP}){{0,4}}?{_NOT_HEAD}[a-z][a-z’'-]+"
    rf"(?:{_SP}(?:for|from|at|of|with){_SP}(?:the{_SP})?{_NAME})?"
)
_PRENAMED = (
    rf"\b(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|{_CAP}(?:{_SP}{_CAP}){{0,2}}(?:[’']s)?){_SP})?"
    rf"(?:(?:of|for){_SP}(?:the{_SP})?|{_NOT_HEAD}[a-z][\w’'-]*{_SP}){{1,3}}{_NAME}"
)
_SPEAKER_D = rf"(?P<speaker>{_PRENAMED}|{_NAME}|{_DESCRIBED_ANY}|{_PRONOUN})"
# "Chief Superintendent Nigel Brookes from Kent Police said:": the person speaks,
# the organisation after the name is his description (it decides the role)
_APPOS = (
    r"(?:,\s*(?P<appos>[^,“”\"]{1,120}?(?:,[^,“”\"]{1,80}?){0,2}),"
    rf"|{_SP}(?P<appos_org>(?:from|of|at|for){_SP}(?:the{_SP})?{_NAME}))?"
)

# a sentence's opening described subject, for the pronoun of the next sentence
_SUBJECT_START = re.compile(
    rf"(?P<speaker>(?:[Tt]he|[Aa]n?|[Oo]ne){_SP}(?:[\w’'-]+{_SP}){{0,3}}?{_NOT_HEAD}[a-z0-9][a-z0-9’'-]+)"
    rf"{_APPOS}\s+(?:[a-z]+ly\s+)?(?!(?:of|and|or|to|in|on|at|for|with|by|from|who|which|that)\b)[a-z]"
)
# after a direct quotation: '..., said X', '..., X said', '..., X told the BBC'
_AFTER_SAID_X = re.compile(rf"^[\s,.!?—–-]*(?:{_VERBS})\s+{_SPEAKER_D}{_APPOS}")
_AFTER_X_SAID = re.compile(
    rf"^[\s,.!?—–-]*{_SPEAKER_D}{_APPOS}\s+(?:(?:has|had|also|then)\s+)?(?:{_VERBS})\b"
)
_AFTER_ACCORDING = re.compile(rf"^[\s,.!?—–-]*according\s+to\s+{_SPEAKER_D}")
# before a direct quotation: 'X said: "...', 'X told the BBC: "...', 'According to X, "...'
_BEFORE_X_SAID = re.compile(
    rf"{_SPEAKER_D}{_APPOS}\s+(?:(?:has|had|also|then|previously|later)\s+)?(?:{_VERBS})"
    r"(?:\s+(?:that|how|of|about|in\s+a\s+statement|in\s+an?\s+\w+|"
    # "told a local news site:", "told reporters outside court:"
    r"(?:a|an|the|reporters|journalists|him|her|them|us|me|jurors|police|officers|"
    r"[A-Z][\w.]*)(?:\s+[\w.’'-]+){0,5}?(?=\s*:)|(?:\s+[\w.’'-]+){1,6}?(?=\s*:)))?[\s,:;—–-]*$"
)
# a speech verb in a participle before the colon: "..., shouting:", "before
# telling him:", "with one detective heard saying:": the sentence's subject speaks
_BEFORE_SAYING = re.compile(
    r"\b(?:saying|shouting|adding|telling|screaming|asking|writing|yelling|replying|declaring|"
    r"insisting|explaining|warning|pleading|crying|chanting|responding)(?:\s+[\w’'-]+){0,4}?[\s,]*:\s*$"
)
_BEFORE_ACCORDING = re.compile(rf"[Aa]ccording\s+to\s+{_SPEAKER_D}[\s,:]*$")
# an interview transcript or a caption: 'Investigator: "Do you admit..."'
_BEFORE_LABEL = re.compile(rf"^\s*(?P<speaker>{_NAME}|{_DESCRIBED})\s*:\s*$")
# the subject of the quotation's own sentence, when the quotation is a fragment
# inside reported speech: 'Ms Ibbotson said she ... "one to one"', 'Mr Corbyn
# called it an "obnoxious trend"', 'Robyn Thompson, from Woking, Surrey, said ...'
_LONG_APPOS = r"(?:,\s*(?P<appos>[^,“”\"‘’]{1,80}?(?:,[^,“”\"‘’]{1,40}?){0,2}),)?"
_SENT_SUBJECT = re.compile(
    rf"{_SPEAKER_D}{_LONG_APPOS}\s+(?:(?:has|had|have|also|then|previously|later|once|"
    rf"recently|repeatedly|publicly)\s+)?(?:{_VERBS}|called|calls|branded|labelled|"
    r"accused|accuses|hopes|hoped|thinks|thought|felt|feels|wants|wanted|described|"
    r"accepted|denied|denies|asked|praised|criticised|slammed|blasted|condemned|"
    r"welcomed|insisted|maintained|maintains|questioned|spoke|speaks|told)\b"
)
# any verb after a subject that is a person, not merely a noun phrase: the
# subject of a sentence whose quotation follows a participle ("..., shouting:").
# A fragment inside a sentence whose verb is no verb of saying ("Judge Dennis
# Watson QC rejected ... as a 'grotesque distortion'") is left to the parse,
# which tells "rejected" from "Officers recovered a silver Mercedes 'stash car'"
_SENT_PERSON_DOES = re.compile(
    rf"(?P<speaker>{_PRENAMED}|{_NAME}|{_DESCRIBED}|{_PRONOUN}){_LONG_APPOS}\s+(?:(?:has|had|have|also|then|"
    r"previously|later|earlier|once|recently|repeatedly|publicly|today|yesterday|still|[a-z]+ly)\s+)?"
    r"(?!(?:was|were|is|are|has|had|have|does|did)\b)[a-z]{3,}(?:ed|es|s)\b"
)
# a named speaker inside the sentence, nearer the fragment than its subject:
# "The court heard that Paul Whitfield ... described the scene as a 'blood
# bath'", "..., while Boris Johnson deemed the act 'completely unacceptable'"
_INNER_NAMED_SAYS = re.compile(
    rf"(?<![\w’'])(?P<speaker>(?:{_TITLE}{_SP})*[A-Z][a-z][\w’'-]*(?:{_SP}[A-Z][\w’'-]+){{0,3}}){_APPOS}"
    r"\s+(?:(?:[a-z]+ly|also|then|had|has|have)\s+)?"
    rf"(?:{_VERBS}|deemed|described|describes|called|calls|branded|labelled|denied|insisted|"
    r"warned|accused|claimed|admitted)\b"
)
# at its sentence's end: '..., say Russian law enforcement.', '..., a court heard.'
_SENT_END_SAID_X = re.compile(rf",\s+(?:{_VERBS})\s+{_SPEAKER_D}{_APPOS}[.!?]?\s*$")
_SENT_END_X_SAID = re.compile(
    rf",\s+{_SPEAKER_D}{_APPOS}\s+(?:(?:was|were|has\s+been)\s+)?(?:{_VERBS})[.!?]?\s*$"
)
# reported speech in a sentence with no quotation marks
_REPORTED_X_SAID = re.compile(
    rf"{_SPEAKER}{_APPOS}\s+(?:(?:has|had|also|previously|later)\s+)?(?:said|says|told\s+[\w\s]{{1,30}}?|"
    r"claimed|claims|argued|argues|warned|warns|insisted|believes|added|explained|admitted|stated)"
    r"\s+(?:that\s+)?(?P<clause>.{12,})$"
)
_REPORTED_SAID_X = re.compile(
    rf"^(?P<clause>.{{12,}}?),\s+(?:{_VERBS})\s+{_SPEAKER}{_APPOS}[.!?]?$"
)
_REPORTED_ACCORDING_FIRST = re.compile(
    rf"^[Aa]ccording\s+to\s+{_SPEAKER}\s*,\s*(?P<clause>.{{12,}})$"
)
_REPORTED_ACCORDING_LAST = re.compile(
    rf"^(?P<clause>.{{12,}}?),?\s+according\s+to\s+{_SPEAKER}[.!?]?$"
)

_LEADING_NOISE = re.compile(
    r"^(?:(?:But|And|So|Yesterday|Today|Last|Earlier|Later|In|On|Speaking|Outside|After|Now|"
    r"However|Meanwhile|Then|Also|Asked|Sentencing|Jailing|[A-Z][a-z]+ing)\b[^,]*,\s*)+"
)
_STOP_NAMES = frozenset(
    "The A An This That These Those It There Here When While As If But And So Now Then "
    "Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "Speaking Asked However Meanwhile Police Court Prosecutors "
    # sentence openers that run into a name: "In December Mr Smith", "Afterwards Joey"
    "In At On For From With By After Afterwards Before Since During His Her Their Its Our "
    "My Your Former Last Next "
    # the BBC's layout words: "Image copyright Getty Images", "Media caption"
    "Image Media".split()
)


# last (or first) words of names that are places and institutions, not people:
# "Astwood Road", "the Old Bailey", "Mold Crown Court" never say anything
_PLACE_WORDS = frozenset(
    "Street Road Hill Court Castle Avenue Lane Park Bailey Square Prison Station Centre "
    "Hospital School Bridge Way Close Drive Estate Green Place Gardens Row Terrace Crescent "
    "Church Hall House Tower Airport Market Police Service Council Office Ministry Borough "
    "City County Island Beach Valley HMP Constabulary University College Trust Committee "
    "Inquiry Wing Unit Block "
    # organisations, nationalities and titles of works picked up as names
    "Collective Sales Ltd Limited Group Company Alliance Association Society Agency "
    "Authority Board Party News Times Mail Post Guardian Telegraph Sun Mirror Express "
    "BBC ITV Sky American British English Scottish Welsh Irish Act Bill Law Programme "
    "Operation Campaign Foundation Charity Network Institute Commission Service Services "
    "Department Britain England Scotland Wales London Matter".split()
)


@dataclass(frozen=True)
class Raw:
    """A quotation before its speaker's role is known."""

    kind: str
    quote_start: int
    quote_end: int
    speaker_start: int | None
    speaker_end: int | None
    how: str
    appos: str  # the description next to the speaker ("chief executive of Nacro")


def _appos(m: re.Match[str]) -> str:
    """The description next to a matched speaker, whichever form it took."""
    d = m.groupdict()
    return d.get("appos") or d.get("appos_org") or ""


# "Police said", "Prosecutors alleged": a lone word that is no name but speaks
_GROUP_SPEAKERS = frozenset(("Police", "Prosecutors"))


def _clean_speaker(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim a matched speaker to its name: no sentence-initial connective, no
    trailing punctuation; None when what is left is not a speaker."""
    s = text[a:b]
    m = _LEADING_NOISE.match(s)
    if m:
        a += m.end()
        s = text[a:b]
    while s and s[-1] in " ,.;:":
        b -= 1
        s = s[:-1]
    if s.endswith(("’s", "'s")):
        b -= 2
        s = s[:-2]
    words = s.split()
    while words and words[0] in _STOP_NAMES and len(words) > 1 and words[0] not in ("The",):
        a += s.index(words[1])
        s = text[a:b]
        words = s.split()
    if not words or (
        len(words) == 1 and words[0] in _STOP_NAMES and words[0] not in _GROUP_SPEAKERS
    ):
        return None
    return a, b


_APPOS_NAME = re.compile(rf"(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}{_CAP}){{1,3}}")


_OBJECT_OF = re.compile(r"\b(?:of|for|from|at)\s+(?:the\s+)?$")
_TITLE_WORDS = frozenset(
    "Secretary Minister Commissioner Director Chief Chairman Chairwoman Chair President "
    "Governor Leader Spokesman Spokeswoman Officer Inspector Superintendent Constable "
    "Attorney General Prosecutor Judge Mayor".split()
)
_NAME_AFTER_TITLE = re.compile(rf"{_SP}((?:{_CAP}{_SP}){{0,2}}{_CAP})(?![\w’'-])")


def _title_then_name(text: str, a: int, b: int) -> tuple[int, int]:
    """A speaker cut after a title that the person's name follows ("said White
    House Press Secretary Stephanie Grisham" matched up to "Secretary"):
    the span runs on to the end of the name."""
    words = text[a:b].split()
    if not words or words[-1] not in _TITLE_WORDS:
        return a, b
    m = _NAME_AFTER_TITLE.match(text, b)
    if m is None or m.group(1).split()[-1] in _PLACE_WORDS:
        return a, b
    return a, m.end(1)


def _speaker_span(text: str, m: re.Match[str], base: int) -> tuple[int, int, str] | None:
    """The speaker a pattern matched (offset ``base``), cleaned, with its
    description.  A description followed by a name in apposition is that
    person ("Corey's wife, Amina Smith, said"; "The chairman of the National
    Police Chiefs' Council, Martin Hewitt, added"): the name is the speaker,
    the description its cue."""
    got = _clean_speaker(text, base + m.start("speaker"), base + m.end("speaker"))
    if got is None:
        return None
    got = _title_then_name(text, *got)
    appos = _appos(m).strip()
    if m.groupdict().get("appos") and _APPOS_NAME.fullmatch(appos):
        words = appos.split()
        spoken = text[got[0] : got[1]]
        if (
            words[-1] not in _PLACE_WORDS
            and words[0] not in _PLACE_WORDS
            and (
                re.search(r"\b[a-z]", spoken)
                or spoken.endswith(("’s", "'s"))
                # "the president of Belarus, Alexander Lukashenko, had told"
                or _OBJECT_OF.search(text, max(0, got[0] - 12), got[0])
            )
            and not is_pronoun(spoken)
        ):
            a = base + m.start("appos")
            a += len(text[a:]) - len(text[a:].lstrip())
            return a, a + len(appos), spoken
    if m.groupdict().get("appos") and (
        re.search(r"\b[a-z]", text[got[0] : got[1]]) or text[got[0] : got[1]].endswith(("’s", "'s"))
    ):
        # "GMP's match commander, superintendent Gareth Parkin, added"
        tm = _TRAILING_NAME.search(appos)
        if (
            tm is not None
            and len(tm.group().split()) >= 2
            and tm.group().split()[-1] not in _PLACE_WORDS
            and re.search(r"\b[a-z]", appos[: tm.start()])
        ):
            a = base + m.start("appos")
            a += len(text[a:]) - len(text[a:].lstrip()) + tm.start()
            if text[a : a + len(tm.group())] == tm.group():
                return (
                    a,
                    a + len(tm.group()),
                    text[got[0] : got[1]] + ", " + appos[: tm.start()].strip(),
                )
    return _name_of_description(text, got[0], got[1], appos)


_TRAILING_NAME = re.compile(
    rf"(?<=\s)(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}(?:{_PARTICLE}{_SP})?{_CAP}){{0,3}}$"
)


def _name_of_description(text: str, a: int, b: int, appos: str) -> tuple[int, int, str]:
    """ "Bernadette's mother Sarah", "Labour leader Sir Keir Starmer": the name
    is the speaker and the words before it its description (the role's cue)."""
    s = text[a:b]
    m = _TRAILING_NAME.search(s)
    if m is None or m.start() == 0 or not re.search(r"\b[a-z]", s[: m.start()]):
        return a, b, appos
    words = m.group().split()
    if words[-1] in _PLACE_WORDS or words[-1].isupper() or words[0] in _PLACE_WORDS:
        return a, b, appos
    desc = s[: m.start()].strip()
    return a + m.start(), b, (desc + (", " + appos if appos else "")).strip()


_LABEL_BEFORE = re.compile(
    r"(?:(?:so-called|dubbed|nicknamed|known\s+as|named|termed|titled|subtitled|entitled|"
    r"reading:?|read:|scrawled|slogan)(?:\s+(?:the|an?))?|the\s+word|"
    r"the\s+words|a\s+new|launched\s+an?|campaign(?:ed|ing)?\s+for\s+an?)\s*[‘'\"“]?$",
    re.I,
)
_TITLE_CASE = re.compile(r"^[‘'\"“]?(?:[A-Z0-9][\w’'-]*\s*){1,4}[’'\"”]?$")


def _label(text: str, qs: int, qe: int) -> bool:
    """A quoted name of a thing, not words anyone spoke: "a so-called 'Covid
    car'", "campaigned for 'Ellie's Law'", a title-case name ('Andrew's Law')."""
    if _LABEL_BEFORE.search(text, max(0, qs - 40), qs):
        return True
    return bool(_TITLE_CASE.match(text[qs:qe]))


def is_pronoun(s: str) -> bool:
    return s.lower() in ("he", "she", "they", "it")


_PLURAL_CLOSE = re.compile(r"s['’](?=[\s,.;:!?])")


def _direct_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted spans, with single-mark quotations that end in a plural cut
    back: "had been 'spontaneous' and 'random'" and "a number of 'other
    officers' are" read to the sentence's end in ``framing.quotes``, which
    takes "s'" for a plural possessive ("the Smiths' house").  Inside a
    single quotation that then holds other quotations or never closes, the
    first "s'" before a space or a stop closes it."""
    spans = sorted(quote_spans(text))
    out = []
    for a, b in spans:
        if text[a] in "'‘" and b - a > 3:
            inner = [x for x, y in spans if a < x and y <= b and (x, y) != (a, b)]
            unclosed = text[b - 1] not in "'’"
            if inner or unclosed:
                stop = inner[0] if inner else b
                m = _PLURAL_CLOSE.search(text, a + 2, stop)
                if m is not None:
                    b = m.end()
        if count_words(text[a:b]) >= 1:
            out.append((a, b))
    return out


_NICK_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]$")
_NICK_AFTER = re.compile(r"^[ \t][A-Z][a-z]+")


def _nickname(text: str, a: int, b: int) -> bool:
    """A one- or two-word quotation between a first name and a surname."""
    return (
        count_words(text[a:b]) < MIN_QUOTE_WORDS
        and bool(_NICK_BEFORE.search(text[max(0, a - 30) : a]))
        and bool(_NICK_AFTER.match(text[b : b + 30]))
    )


def _merge_adjacent(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Keep the outermost of nested quotations (a quote inside a quote is one voice)."""
    spans = sorted(spans)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


class _Finder:
    def __init__(self, text: str, sents: list[Sentence]) -> None:
        self.text = text
        self.sents = sents
        self.starts = [s.start for s in sents]
        self.quotes = _merge_adjacent(_direct_quotes(text), text)
        self.people = People(text, self.quotes)
        for m in _PERSON.finditer(text):
            got = _trim_name(text, m.start(), m.end())
            if got is not None and not self.people.in_quote(got[0]):
                self.people.add_name(text[got[0] : got[1]])

    def sentence_at(self, i: int) -> Sentence:
        k = max(0, bisect.bisect_right(self.starts, i) - 1)
        return self.sents[k]

    def after(self, qe: int) -> tuple[int, int, str, str] | None:
        """The speaker in the words after a quotation, to its sentence's end."""
        sent = self.sentence_at(max(0, qe - 1))
        end = min(sent.end, qe + 200)
        # the next quotation of the same sentence bounds the attribution
        nxt = [a for a, _b in self.quotes if qe <= a < end]
        if nxt:
            end = nxt[0]
        window = self.text[qe:end]
        for rx, how in (
            (_AFTER_ACCORDING, "according to X"),
            (_AFTER_X_SAID, "X said"),
            (_AFTER_SAID_X, "said X"),
        ):
            m = rx.match(window)
            if m:
                got = _speaker_span(self.text, m, qe)
                if got:
                    return got[0], got[1], how, got[2]
        return None

    def before(self, qs: int) -> tuple[int, int, str, str] | None:
        """The speaker in the words before a quotation, from its sentence's start."""
        sent = self.sentence_at(qs)
        start = sent.start
        prev = [b for _a, b in self.quotes if start <= b <= qs]
        if prev:
            start = prev[-1]
        window = self.text[start:qs]
        if not window.strip():
            # "X said:" may close the previous sentence or paragraph
            k = self.sents.index(sent)
            if k == 0:
                return None
            ps = self.sents[k - 1]
            if not self.text[ps.start : ps.end].rstrip().endswith(":"):
                return None
            start, window = ps.start, self.text[ps.start : ps.end]
        for rx, how in (
            (_BEFORE_ACCORDING, "according to X"),
            (_BEFORE_X_SAID, "X said:"),
            (_BEFORE_LABEL, "X: (label)"),
        ):
            pos = 0
            # a match whose speaker is no speaker ("After the case on Monday,
            # September 21, Detective Sergeant Jon Kerry, ... said:") is tried
            # again from the next word
            while (m := rx.search(window, pos)) is not None:
                got = _speaker_span(self.text, m, start)
                if got:
                    return got[0], got[1], how, got[2]
                nxt = window.find(" ", m.start() + 1)
                if nxt < 0:
                    break
                pos = nxt + 1
        if _BEFORE_SAYING.search(window):
            m0 = _LEADING_NOISE.match(window)
            off = start + (m0.end() if m0 else 0)
            m = _SENT_SUBJECT.match(self.text, off, qs) or _SENT_PERSON_DOES.match(
                self.text, off, qs
            )
            if m is not None:
                got = _speaker_span(self.text, m, 0)
                if got and self.person_like(got[0], got[1]):
                    return got[0], got[1], "X ..., saying:", got[2]
        return None

    def in_sentence(self, qs: int, qe: int) -> tuple[int, int, str, str] | None:
        """The speaker named elsewhere in the quotation's sentence: its subject
        ("X said she ... 'fragment'") or a closing attribution ("..., a court heard")."""
        sent = self.sentence_at(qs)
        head = self.text[sent.start : qs]
        m0 = _LEADING_NOISE.match(head)
        off = sent.start + (m0.end() if m0 else 0)
        m = _SENT_SUBJECT.match(self.text, off, qs)
        how = "X said (sentence subject)"
        base = 0
        if m is not None:
            for m2 in _INNER_NAMED_SAYS.finditer(self.text, m.end(), qs):
                got2 = _speaker_span(self.text, m2, 0)
                if got2 is not None and self.person_like(got2[0], got2[1]):
                    m, how = m2, "X said (nearer in its sentence)"
        if m is None:
            tail_start = qe
            for rx in (_SENT_END_SAID_X, _SENT_END_X_SAID):
                m = rx.search(self.text, tail_start, sent.end)
                if m:
                    how = "said X (sentence end)"
                    break
        if m is None:
            return None
        got = _speaker_span(self.text, m, base)
        if got is None or not self.person_like(got[0], got[1]) or _label(self.text, qs, qe):
            return None
        return got[0], got[1], how, got[2]

    def previous_subject(self, at: int, want: str) -> tuple[int, int, str] | None:
        """The described person opening the sentence before the one at ``at``
        ("The passenger revealed how ...", "The woman was picking up her
        family's bags ..."), of the sex ``want`` or of none known; None for a
        caption, a quotation, a name or a pronoun there."""
        k = bisect.bisect_right(self.starts, at) - 1
        if k <= 0:
            return None
        prev = self.sents[k - 1]
        body = self.text[prev.start : prev.end].rstrip()
        if self.people.in_quote(prev.start) or body[:1] in "'‘\"“" or body[-1:] not in ".!?":
            return None
        m = _SUBJECT_START.match(self.text, prev.start, prev.end)
        if m is None:
            return None
        got = _speaker_span(self.text, m, 0)
        if got is None:
            return None
        spoken = self.text[got[0] : got[1]]
        if is_pronoun(spoken) or not re.match(r"(?:[Tt]he|[Aa]n?|[Oo]ne)\s+[a-z0-9]", spoken):
            return None
        if not compatible(want, self.people.sex(got[0], got[1])) or _not_speaking(
            self.text, got[1]
        ):
            return None
        return got

    def person_like(self, a: int, b: int) -> bool:
        """A sentence's subject that can speak: not a possessor ("Ellie's
        parents have campaigned for ..."), and one capitalised word only when
        the article uses it as a name ("Man makes plea", "Other signs")."""
        s = self.text[a:b]
        if s.endswith(("’s", "'s")):
            return False
        words = s.split()
        if len(words) == 1 and words[0][:1].isupper() and not is_pronoun(words[0]):
            w = words[0]
            # "Another said", "Prosecutors alleged", "Neighbours said": a group or
            # one more of them speaks; a lone name only when the article uses it as one
            return (
                self.people.is_name(w)
                or w in ("Another", "One", "Others")
                or w in _GROUP_SPEAKERS
                or (w.endswith("s") and not w.endswith("ss") and w not in _PLACE_WORDS)
            )
        return True

    def by_parse(
        self, spans: list[tuple[int, int]]
    ) -> dict[tuple[int, int], tuple[int, int, str, str]]:
        """The speakers the dependency parse gives the quotations no pattern
        attributed (``framing.profile.parse``): their sentences only, in one batch."""
        windows: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for qs, qe in spans:
            a, b = self.sentence_at(qs).start, self.sentence_at(max(qs, qe - 1)).end
            if b - a > _PARSE_MAX or _label(self.text, qs, qe):
                continue
            m = _CAPTION_LABEL.match(self.text, a, qs)
            if m is not None:
                a = m.end()  # "Hopeful stories: Former addicts are sharing ..."
            outside = self.text[a:qs] + " " + self.text[qe:b]
            if count_words(outside) < 2 or not SPEECH_WORD.search(outside):
                continue
            windows.setdefault((a, b), []).append((qs, qe))
        if not windows:
            return {}
        keys = list(windows)
        docs = parse_many([self.text[a:b] for a, b in keys])
        out: dict[tuple[int, int], tuple[int, int, str, str]] = {}
        for (a, _b), doc in zip(keys, docs, strict=True):
            for qs, qe in windows[(a, _b)]:
                got = speaker_in(doc, qs - a, qe - a)
                if got is None:
                    continue
                sa, sb = got[0] + a, got[1] + a
                clean = _clean_speaker(self.text, sa, sb)
                if clean is None or self.people.in_quote(clean[0]):
                    continue
                if not is_pronoun(self.text[clean[0] : clean[1]]) and not self.person_like(
                    clean[0], clean[1]
                ):
                    continue
                out[(qs, qe)] = (clean[0], clean[1], f"parse: subject of '{got[2]}'", "")
        return out

    def direct(self) -> list[Raw]:
        out: list[Raw] = []
        found_by: dict[tuple[int, int], tuple[int, int, str, str] | None] = {}
        for qs, qe in self.quotes:
            if _nickname(self.text, qs, qe):
                continue  # Dellmus 'Heavy' Colvin
            found_by[(qs, qe)] = self.after(qe) or self.before(qs) or self.in_sentence(qs, qe)
        parsed = self.by_parse([q for q, f in found_by.items() if f is None])
        for (qs, qe), found0 in found_by.items():
            found = found0 or parsed.get((qs, qe))
            if found is None:
                if count_words(self.text[qs:qe]) >= MIN_QUOTE_WORDS:
                    out.append(Raw("direct", qs, qe, None, None, "", ""))
            else:
                a, b, how, appos = found
                out.append(Raw("direct", qs, qe, a, b, how, appos.strip()))
        return out

    def reported(self) -> list[Raw]:
        out: list[Raw] = []
        qi = 0
        for sent in self.sents:
            while qi < len(self.quotes) and self.quotes[qi][1] <= sent.start:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi][0] < sent.end:
                continue  # a sentence with a direct quotation is attributed above
            s = self.text[sent.start : sent.end]
            if not re.search(
                r"\b(?:said|says|told|according|claim|argu|warn|insist|believe|added|explained|admitted|stated)",
                s,
            ):
                continue
            for rx, how in (
                (_REPORTED_ACCORDING_FIRST, "according to X"),
                (_REPORTED_ACCORDING_LAST, "according to X"),
                (_REPORTED_SAID_X, "said X"),
                (_REPORTED_X_SAID, "X said that"),
            ):
                m = rx.search(s)
                if not m:
                    continue
                got = _speaker_span(self.text, m, sent.start)
                if got is None:
                    continue
                ca, cb = sent.start + m.start("clause"), sent.start + m.end("clause")
                while cb > ca and self.text[cb - 1] in " .,;:!?":
                    cb -= 1
                if count_words(self.text[ca:cb]) < MIN_QUOTE_WORDS:
                    continue
                out.append(
                    Raw(
                        "reported",
                        ca,
                        cb,
                        got[0],
                        got[1],
                        how,
                        got[2],
                    )
                )
                break
        return out


_FULL_NAME = re.compile(rf"(?<![.!?]\s)(?<!^)\b(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}{_CAP}){{1,2}}")


# a name anywhere, a sentence's first words too (the subject usually opens it);
# words like "The" and "Police" that open sentences are dropped by _STOP_NAMES
_PERSON = re.compile(rf"\b(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}{_CAP}){{1,4}}")
# a name of one word ("Sasse", "Lindsey"), a person when the article names
# that person in full elsewhere or shows their sex
_PERSON_ANY = re.compile(rf"\b(?:{_TITLE}{_SP})*{_CAP}(?:{_SP}{_CAP}){{0,5}}")
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:of|for|at|from|with|on|by|to|in|into|the|and|against|about|near|outside|"
    r"inside|behind|told|called|named|joined|by)|[’']s)\s+$",
    re.I,
)


def _trim_name(text: str, a: int, b: int, people: People | None = None) -> tuple[int, int] | None:
    """A matched name without the sentence words before it ("But Mr Smith" is
    "Mr Smith"); None when it is a place, an institution or a lone stop word.
    One word is a name only when ``people`` knows it as one."""
    words = text[a:b].split()
    while words and (words[0] in _STOP_NAMES or words[0].endswith("ing")):
        a = text.index(words[1], a + len(words[0])) if len(words) > 1 else b
        words = words[1:]
    if not words or words[-1] in _PLACE_WORDS or words[0] in _PLACE_WORDS:
        return None
    if len(words) < 2 and (people is None or not people.is_name(words[0])):
        return None
    return a, b


def _in_caption(text: str, i: int) -> bool:
    """Position ``i`` is on a line that ends no sentence (a picture caption)."""
    a = text.rfind("\n", 0, i) + 1
    b = text.find("\n", i)
    line = text[a : b if b >= 0 else len(text)].rstrip()
    return bool(line) and a > 0 and line[-1] not in ".!?'’”\":;,)]"


def _last_name(
    text: str, before: int, people: People | None = None, want: str = ""
) -> tuple[int, int] | None:
    """The person a pronoun with no earlier speaker means: in the nearest of the
    sentences before ``before`` (600 characters) that has one, the first name
    standing as a subject (not after a preposition, "of the Countryside
    Alliance", nor a possessor, "Mr Cornish's daughter"), never inside
    quotation marks, and of the sex ``want`` when the text shows one (for "he"
    or "she", not an organisation or a place: ``People.not_person``)."""
    lo = max(0, before - 600)
    best: tuple[int, int] | None = None
    best_sent = -2  # no sentence yet (-1 is the text's first sentence)
    for m in (_PERSON if people is None else _PERSON_ANY).finditer(text, lo, before):
        got = _trim_name(text, m.start(), m.end(), people)
        if got is None:
            continue
        if text[got[0] : got[1]].endswith(("’s", "'s")) or text.startswith(("’s", "'s"), got[1]):
            continue
        if _NOT_SUBJECT_BEFORE.search(text, max(lo, got[0] - 12), got[0]):
            continue
        if people is not None and _in_caption(text, got[0]):
            continue
        if people is not None and (
            people.in_quote(got[0]) or not compatible(want, people.sex(got[0], got[1]))
        ):
            continue
        if want and people is not None and _not_he_or_she(text, got[0], got[1], people):
            continue  # "he" is not "Crown Motor Direct" (the entity recogniser)
        # the sentence this name is in: the last sentence end before it
        sent = max(text.rfind(". ", lo, got[0]), text.rfind("\n", lo, got[0]))
        if sent != best_sent:
            best, best_sent = got, sent
    return best


# heads of a mention that stand for a body or a thing, never for "he" or "she"
_INSTITUTION = frozenset(
    "report charity statement court union group government department ministry service "
    "force team trust organisation council paper trial news company firm board party office "
    "police agency authority committee commission inquiry school university hospital".split()
)


def _not_he_or_she(text: str, a: int, b: int, people: People) -> bool:
    """The mention at ``text[a:b]`` is a body or a thing ("Greater Manchester
    Police", "The trial", "Crown Motor Direct"): not who "he" or "she" is."""
    words = text[a:b].split()
    if words and words[-1].lower().strip(".,’'") in _INSTITUTION:
        return True
    return people.not_person(a, b)


def _previous_person(f: _Finder, at: int, want: str) -> tuple[int, int, str] | None:
    """``_Finder.previous_subject``, but for "he" or "she" not a body or a
    thing ("The trial heard ... / He said:")."""
    subj = f.previous_subject(at, want)
    if subj is not None and want and _not_he_or_she(f.text, subj[0], subj[1], f.people):
        return None
    return subj


def _same_sentence_name(
    text: str, a: int, b: int, people: People, want: str
) -> tuple[int, int] | None:
    """The last name in ``text[a:b]`` (a pronoun's own sentence before it) that the
    text shows to be of the pronoun's sex, outside quotation marks; None for
    "it" and "they" or when no such name is there."""
    if not want or b - a > 400:
        return None
    best = None
    for m in _PERSON_ANY.finditer(text, a, b):
        got = _trim_name(text, m.start(), m.end(), people)
        if got is None or people.in_quote(got[0]):
            continue
        if text[got[0] : got[1]].endswith(("’s", "'s")) or text.startswith(("’s", "'s"), got[1]):
            continue
        # "Speaking about Kenny, he added", "after Trevor O'Neill was shot dead, he
        # added": a name after a preposition, or in a passive, is talked about
        if _NOT_SUBJECT_BEFORE.search(text, max(a, got[0] - 12), got[0]) or _not_speaking(
            text, got[1]
        ):
            continue
        if people.sex(got[0], got[1]) == want:
            best = got
    return best


def _name_after(text: str, after: int, people: People) -> tuple[int, int] | None:
    """The first person-like name in the 300 characters after ``after``: the
    speaker of a quotation that opens an article or a section and is named
    only afterwards (the labelling guide's nearest naming mention)."""
    for m in _PERSON_ANY.finditer(text, after, min(len(text), after + 300)):
        got = _trim_name(text, m.start(), m.end(), people)
        if got is None:
            continue
        if text[got[0] : got[1]].endswith(("’s", "'s")) or text.startswith(("’s", "'s"), got[1]):
            continue
        if people.in_quote(got[0]):
            continue
        return got
    return None


def _opens_paragraph(text: str, i: int) -> bool:
    """A quotation that opens its paragraph continues the last speaker (UK style
    runs a speaker's words over paragraphs, each opening with a mark)."""
    j = text.rfind("\n", 0, i)
    return not text[j + 1 : i].strip()


def _next_paragraph(text: str, a: int, b: int) -> bool:
    """Position ``b`` is in the paragraph right after the one holding ``a``: no
    narrative paragraph (which may name someone else) stands between them."""
    gap = _CAPTION.sub("\n", text[a:b])
    return gap.count("\n") <= 2 and not re.search(r"\n[ \t]*[^\s'‘“\"][^\n]*\n", gap)


# a picture caption between a speaker's paragraphs: a line that does not end a
# sentence ("The aftermath of the attack showed Mr Trundle on the floor"); it
# interrupts the layout, not the quotation
_CAPTION = re.compile(r"\n[ \t]*[^\s'‘“\"][^\n]*[^\s.!?'’”\":;,)\]][ \t]*(?=\n)\n*")


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _resolve(text: str, raws: list[Raw], people: People, f: _Finder) -> list[Raw]:
    """Carry speakers over: a quotation with no attribution takes the speaker of
    the quotation before it when that one is in the same or the previous
    paragraph; a pronoun speaker becomes the last named speaker."""
    out: list[Raw] = []
    last: Raw | None = None
    for r in sorted(raws, key=lambda r: r.quote_start):
        if r.speaker_start is not None and r.speaker_end is not None:
            s = text[r.speaker_start : r.speaker_end]
            if is_pronoun(s):
                want = pronoun_sex(s)
                # the person is named before the pronoun's own sentence ("Describing
                # Mr Ratana, she said", "Speaking to new podcast, Real Fix, she said")
                own = max(
                    text.rfind(". ", 0, r.speaker_start), text.rfind("\n", 0, r.speaker_start)
                )
                named = _last_name(text, max(0, own + 1), people, want)
                here = _same_sentence_name(text, own + 1, r.speaker_start, people, want)
                if here is not None:
                    # "a phone call made by his mother Denise to police, in which
                    # she said:": a name of the pronoun's sex earlier in its sentence
                    out.append(
                        Raw(
                            r.kind,
                            r.quote_start,
                            r.quote_end,
                            here[0],
                            here[1],
                            r.how + " (pronoun: named in its sentence)",
                            "",
                        )
                    )
                    last = out[-1]
                    continue
                # the last speaker of the pronoun's sex, not merely the last one
                last = None
                for prev in reversed(out):
                    if r.quote_start - prev.quote_end > 3000:
                        break
                    if prev.speaker_start is None or prev.speaker_end is None:
                        continue
                    if compatible(want, people.sex(prev.speaker_start, prev.speaker_end)) and not (
                        want and _not_he_or_she(text, prev.speaker_start, prev.speaker_end, people)
                    ):
                        last = prev
                        break
                subj = _previous_person(f, r.speaker_start, want) if named is None else None
                if subj is not None and (last is None or subj[0] > last.quote_end):
                    # no name before: "The passenger revealed how ... / He told the Sun:"
                    r = Raw(
                        r.kind,
                        r.quote_start,
                        r.quote_end,
                        subj[0],
                        subj[1],
                        r.how + " (pronoun: subject before)",
                        subj[2],
                    )
                elif (
                    last is not None
                    and last.speaker_start is not None
                    and (named is None or named[0] < last.speaker_start)
                ):
                    r = Raw(
                        r.kind,
                        r.quote_start,
                        r.quote_end,
                        last.speaker_start,
                        last.speaker_end,
                        r.how + " (pronoun: earlier speaker)",
                        last.appos,
                    )
                elif named is not None:
                    r = Raw(
                        r.kind,
                        r.quote_start,
                        r.quote_end,
                        named[0],
                        named[1],
                        r.how + " (pronoun: last name before)",
                        "",
                    )
                else:
                    r = Raw(r.kind, r.quote_start, r.quote_end, None, None, r.how, "")
        elif (
            last is not None
            and last.speaker_start is not None
            and not _label(text, r.quote_start, r.quote_end)
            and r.quote_start - last.quote_end < 1500
            and (
                _same_paragraph(text, last.quote_end, r.quote_start)
                or (
                    _opens_paragraph(text, r.quote_start)
                    and _next_paragraph(text, last.quote_end, r.quote_start)
                )
            )
        ):
            r = Raw(
                r.kind,
                r.quote_start,
                r.quote_end,
                last.speaker_start,
                last.speaker_end,
                "earlier sentence",
                last.appos,
            )
        if r.speaker_start is None and r.kind == "direct":
            r = _fallback(text, r, last, people)
        out.append(r)
        if r.speaker_start is not None:
            last = r
    return out


_PASSIVE_AFTER = re.compile(
    r"(?:[’']s)?(?:\s*\([^)]{0,60}\))?(?:,[^,\n]{1,60},)?\s+(?:was|were|is|are|has\s+been|had\s+been|"
    r"will\s+be|being)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|killed|found|seen|shot|jailed|pictured|taken|"
    r"held|given|sentenced|born|known|described|charged)\b|\s*\((?:pictured|left|right|above|below)"
)


def _not_speaking(text: str, end: int) -> bool:
    """A name that is the subject of a passive ("was killed", "is pictured") or
    a caption's ("(pictured)") is talked about, not talking."""
    return bool(_PASSIVE_AFTER.match(text, end, min(len(text), end + 120)))


def _fallback(text: str, r: Raw, last: Raw | None, people: People) -> Raw:
    """A quotation no pattern attributed: almost every quotation in news text
    has a speaker (the labels leave 2% without one), so it goes to the nearest
    naming mention: the speaker of the last quotation when it is close, else
    the last subject named before it, else the first name after it.  A short
    quotation inside a sentence that no pattern attributes is a title, a
    label or a scare quote ("the so-called 'rule of six' rules"): not given a
    speaker."""
    if (
        count_words(text[r.quote_start : r.quote_end]) < 6
        and not _opens_paragraph(text, r.quote_start)
    ) or _label(text, r.quote_start, r.quote_end):
        return r
    between = _last_name(text, r.quote_start, people)
    if between is not None and _not_speaking(text, between[1]):
        # "Mr Harper, 28, was killed by the gang": the paragraph between a
        # speaker's quotations tells of someone who is not speaking
        between = None
    if between is not None and (last is None or between[0] > last.quote_end):
        return Raw(
            r.kind,
            r.quote_start,
            r.quote_end,
            between[0],
            between[1],
            "nearest name before",
            "",
        )
    if (
        last is not None
        and last.speaker_start is not None
        and r.quote_start - last.quote_end < 3000
    ):
        return Raw(
            r.kind,
            r.quote_start,
            r.quote_end,
            last.speaker_start,
            last.speaker_end,
            "earlier quotation (nearest speaker)",
            last.appos,
        )
    got = _last_name(text, r.quote_start, people)
    how = "nearest name before"
    if got is None:
        got, how = _name_after(text, r.quote_end, people), "nearest name after"
    if got is None:
        return r
    return Raw(r.kind, r.quote_start, r.quote_end, got[0], got[1], how, "")


def find_voices(text: str, sents: list[Sentence]) -> list[Raw]:
    """Every direct and reported quotation of ``text`` with its speaker span, in order."""
    f = _Finder(text, sents)
    return _resolve(text, f.direct() + f.reported(), f.people, f)
