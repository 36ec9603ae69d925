"""Policy exemption 5: mentions of the word itself and labels reported in order
to criticise them ("the word 'inmate' is contested", "we were labelled savages")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence
from framing.rules.names import nicknamed

if TYPE_CHECKING:
    from framing.index import Index

import re

META_NOUNS = frozenset(
    """
word words term terms label labels labelling labeling phrase phrases expression expressions
language slur slurs epithet epithets terminology vocabulary name names acronym acronyms
abbreviation nickname wording
""".split()
)
# words that show a quoted single word is being discussed rather than used
META_SIGNALS = META_NOUNS | frozenset(
    """
replaced replace replacing prefer prefers preferred discredited stigma stigmatising
stigmatizing dehumanising dehumanizing offensive outdated contested theory myth notion
so-called implies banned dropped style guide guidance
""".split()
)
LABEL_VERBS = frozenset(
    """
labelled labeled label labels labelling labeling stigmatised stigmatized stereotyped
dismissed demonised demonized
""".split()
)
_QUOTE_OPEN = "'\"‘“"
_QUOTE_CLOSE = "'\"’”"


def _is_quoted_alone(c: Candidate, s: Sentence) -> bool:
    before = s.text[max(0, c.start - 1) : c.start]
    after = s.text[c.end : c.end + 1]
    return bool(before) and before in _QUOTE_OPEN and bool(after) and after in _QUOTE_CLOSE


_Q = "[\"'“‘][^\"'”’]{1,40}[\"'”’]"
_LIST_TAIL = re.compile(
    r"(?:\b(?:use of|words?|terms?|labels?|phrases?|like|such as|including)\s+)"
    + _Q
    + r"(?:\s*,\s*"
    + _Q
    + r")*\s*(?:,\s*)?(?:and|or|,)\s*$",
    re.I,
)


_TERM_OPEN = re.compile(
    r"\b(?:term|terms|word|words|phrase|phrases|label|labels|expression|slur|epithet|"
    r"insult|nickname|moniker)\s+[\"'“‘](?:[\w-]+\s+){0,3}$",
    re.I,
)
_TERM_CLOSE = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,3}\s*[\"'”’]")


# "locals called them "pikeys"", "nobody called me a junkie": a label reported as abuse
_CALLED = re.compile(
    r"\b(?:call(?:ed|ing|s)?|branded|dubbed|nicknamed|labell?ed|labeled)\s+"
    r"(me|him|her|them|us|you)\s+(?:as\s+)?(?:an?\s+)?[\"'“‘]?$",
    re.I,
)
REPORTING = frozenset(
    """
said says say told tells recalled recalls remembers remembered described describes explained
explains complained complains claimed claims added wrote writes
""".split()
)
# "my son isn't a thug": the label is denied, not applied
_DENIED = re.compile(
    r"(?:\b(?:is|am|are|was|were|isn|aren|wasn|weren)(?:\s+not|\s*n['’]t)"
    r"|(?:,|\bbut)\s+not)\s+(?:an?\s+)?[\"'“‘]?$",
    re.I,
)  # "patients, not criminals"
# the quoted frame is corrected in the same sentence: "the "sex romp" was a rape"
_CORRECTED = re.compile(
    r"\b(?:was|were|is)\b.{0,40}\b(?:rape|abuse|assault|exploitation|coercive)", re.I
)


# "feral is the wrong word", "crackheads and smackheads are the words locals use":
# the word is the subject of a sentence about words
_META_AFTER = re.compile(
    r"^[\"'’”]?(?:\s*(?:,|and|or)\s+[\"'‘“]?[\w-]+[\"'’”]?)*\s+(?:is|are|was|were)\s+"
    r"(?:(?:a|an|the|such|this|that|not|no|just|only|another|one)\s+)*(?:[\w-]+\s+){0,2}?"
    r"(?:" + "|".join(sorted(META_NOUNS | {"title"})) + r")\b",
    re.I,
)


# "I've been called a thug all my life": the labelled person reporting it (policy 5);
# "image-based abuse, often called revenge porn": naming the term, not using it
_BEEN_CALLED = re.compile(
    r"\b(?:been|being|get|gets|got|getting|was|were)\s+"
    r"(?:called|branded|labell?ed|dubbed|painted\s+as|portrayed\s+as|cast\s+as)\s+"
    r"(?:as\s+)?(?:an?\s+)?(?:some\s+(?:sort|kind)\s+of\s+)?[\"'“‘]?$",
    re.I,
)
# the text itself says the label is false: "he can falsely accuse of being a paedophile"
_FALSELY_LABELLED = re.compile(
    r"\b(?:falsely|wrongly|wrongfully)\s+(?:accus|brand|label|nam|call|claim|paint|portray|alleg)\w*"
    # "falsely allege they were running a paedophile ring": a group that never
    # existed (realnews GUIDE 21)
    r"\b[^.;:]{0,40}?\b(?:of being|as|running)\s+(?:an?\s+)?$",
    re.I,
)
# "claiming it was evidence that I was a paedophile": the labelled person tells
# of an accusation against them (policy 5)
_CLAIMED_OF_ME = re.compile(
    r"\b(?:claim\w*|alleg\w*|accus\w*|suggest\w*|insinuat\w*|rumou?rs?)\b[^.;:!?]{0,40}?"
    r"\bthat\s+(?:I|we)\s+(?:was|were|am|are|had\s+been)\s+(?:an?\s+)?[\"'“‘]?$"
)
_OFTEN_CALLED = re.compile(
    r",\s*(?:often|sometimes|commonly|wrongly|misleadingly|popularly|still|also|once)\s+"
    r"(?:called|known\s+as|referred\s+to\s+as|dubbed|described\s+as)\s+[\"'“‘]?$",
    re.I,
)


_SELF_NAMING = frozenset("word term label tag acronym slur epithet phrase".split())
_AVOID_BEFORE = re.compile(
    r"(?:\b(?:not|never|avoid|stop(?:s|ped|ping)?|ban(?:s|ned)?)\s+(?:to\s+)?"
    r"(?:say(?:ing)?|us(?:e|ing)|writ(?:e|ing)|call(?:ing)?)"
    r"|\binstead\s+of)\s*[\"'“‘]$",
    re.I,
)
_ABUSE_BEFORE = re.compile(
    r"\b(?:calling|called|call|shout(?:ed|ing)?|chant(?:ed|ing)?|yell(?:ed|ing)?|scream(?:ed|ing)?"
    r"|spray(?:ed|ing)?|daub(?:ed|ing)?|mutter(?:ed|ing)?)\b(?:\s+[\w’'-]+){0,3}?\s+(?:an?\s+)?[\"'“‘]$",
    re.I,
)


# a label reported in order to criticise it or the person who used it
# (policy, "Decisions on hard cases"): a story about abuse or a slur ...
CRITICISM = frozenset(
    """
racist racism racial racially abuse abused abusive slur slurs insult insults insulted insulting
offensive derogatory pejorative hate hateful hatred taunt taunted taunting taunts bullied
bullying mocked mocking wrongly unfairly falsely unfair stigma stigmatised stigmatized
stigmatising demonised demonized demonising vilified vilifying dehumanising dehumanizing
smear smeared trolls trolled complain complained complains complaining complaint criticised
criticized criticise criticize objected protested
""".split()
)
# ... or the one who used it sanctioned for it ("suspended for calling ...")
_SANCTIONED = re.compile(
    r"\b(?:sacked|suspended|disciplined|banned|fined|expelled|convicted|guilty|jailed|charged|"
    r"arrested|criticised|criticized|condemned|apologised|apologized|complaints?|investigated|"
    r"reprimanded|sanctioned|punished|dismissed|fired|removed|disciplinary|probe|inquiry|"
    r"investigation|backlash|outrage|fury)\b[^.;]{0,80}?\b(?:for|after|over)\s+"
    r"(?:calling|branding|describing|labell?ing|referring\s+to|shouting|using|tweeting|posting|"
    r"writing|saying)\b",
    re.I,
)
# ... or the labelled people (or their side) telling of it
_FIRST_PERSON = re.compile(r"\b(?:I|we|I['’](?:ve|m|d)|we['’](?:ve|re|d)|me|us)\b", re.I)
# "travellers said they had been called ...": the labelled tell of it
_THEY_SAID = re.compile(
    r"\b(?:said|say|says|told|tell|claimed|claim|recalled|recall)\s+(?:that\s+)?"
    r"(?:they|he|she)\s+(?:had|have|has|were|was|are|is|'d|’d)\b",
    re.I,
)
LABELLED_SIDE = frozenset(
    """
family families mother father mum dad son sons daughter daughters brother brothers sister
sisters parents parent wife husband partner friends friend campaigners campaigner charity
lawyer solicitor barrister supporters relatives
""".split()
)


# "calling a colleague "half-caste"", "branded the family pikeys"
_CALLING_SOMEONE = re.compile(
    r"\b(?:call(?:ed|ing|s)?|brand(?:ed|ing|s)?|label(?:led|ling|ed|ing)?|dubb(?:ed|ing))\s+"
    r"(?:[\w'’-]+\s+){1,4}?(?:an?\s+)?[\"'“‘]?(?:[\w'’]+[-‐])?$",
    re.I,
)


def _criticised(c: Candidate, s: Sentence, before: str) -> str | None:
    """Why this report of a label is criticism of it, or None when it is neutral."""
    words = s.word_set
    hit = words & CRITICISM
    if hit:
        return f"a label reported as abuse ('{sorted(hit)[0]}')"
    if _SANCTIONED.search(s.text):
        return "a label reported to criticise the one who used it"
    clause = re.split(r"[.;:!?]", before)[-1]
    if _FIRST_PERSON.search(clause):
        return "a label the labelled people report"
    if _THEY_SAID.search(clause):
        return "a label the labelled people report"
    if words & REPORTING and words & LABELLED_SIDE:
        return "a label the labelled people's side reports"
    return None


def label_rejected(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """Exempt a reported or denied label only when it is reported to criticise
    it; a neutral report is flagged as quoted (``framing.rules.reported``)."""
    before = s.text[max(0, c.start - 60) : c.start]
    m = _CALLED.search(before)
    if m and (m.group(1).lower() in ("me", "us") or s.word_set & (REPORTING | META_NOUNS)):
        # the labelled people tell of it ("travellers said locals called them
        # "pikeys""), or the sentence turns to the label itself ("...and the name stuck")
        return "a label others used, reported"
    if m or _BEEN_CALLED.search(before) or _CALLING_SOMEONE.search(before):
        why = _criticised(c, s, before)
        if why:
            return why
    if _OFTEN_CALLED.search(before):
        return "naming the term"
    if _CLAIMED_OF_ME.search(before):
        return "a label the labelled people report"
    if _FALSELY_LABELLED.search(before):
        return "a label the text says is false"
    if (
        c.entry.category == "vawg"
        and (_is_quoted_alone(c, s) or before.lower().rstrip().endswith("so-called"))
        and _CORRECTED.search(s.text[c.end : c.end + 80])
    ):
        return "a quoted label corrected in the same sentence"
    return None


def _label_verb_criticised(c: Candidate, s: Sentence, before_as: list[str]) -> str | None:
    """ "we were labelled savages": a label being criticised; a neutral report
    ("was labelled a career criminal") is flagged as quoted instead."""
    if len(before_as) > 1 and before_as[-1] in ("a", "an"):
        before_as = before_as[:-1]  # "labelled a thug": the article belongs to the label
    if not before_as:
        return None
    objects = ("us", "them", "him", "her", "me", "you", "as")
    direct = before_as[-1] in LABEL_VERBS
    with_object = len(before_as) > 1 and before_as[-2] in LABEL_VERBS and before_as[-1] in objects
    if with_object and before_as[-1] in ("us", "me"):
        return "a label the labelled people report"
    if direct or with_object:
        return _criticised(c, s, s.text[max(0, c.start - 60) : c.start])
    return None


_BETWEEN_META = frozenset("such as like of the a an including eg e.g is was being".split())


def _named_by_a_meta_noun(c: Candidate, s: Sentence, before: list[str]) -> bool:
    """ "the word 'inmate'", "terms such as offender", "words like 'addict'"."""
    near = before[-4:]
    if not any(w in META_NOUNS for w in near):
        return False
    if re.search(
        r"\w-(?:terms?|names?|words?)\s+(?:[\w-]+\s+){0,3}$", s.text[max(0, c.start - 60) : c.start]
    ):
        return False  # "a long-term heroin addict", "a big-name thief": a compound adjective
    idx = max(i for i, w in enumerate(near) if w in META_NOUNS)
    between = near[idx + 1 :]
    if near[idx] in ("name", "names") and between[:1] == ["of"] and not _is_quoted_alone(c, s):
        return False  # "the names of BAME staff", "the name of the killer": people named
    if (
        near[idx] in ("name", "names")
        and not between
        and not _is_quoted_alone(c, s)
        and re.match(r"\s+(?:who|after|as|over|in)\b", s.text[c.end :], re.I)
    ):
        return False  # "Police name thief who stole ...": the verb, a person named
    return all(w in _BETWEEN_META for w in between)


def word_mention(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if c.text[:1].isupper() and nicknamed(c, s):
        return None  # "earned the nickname 'The Animal'": a person's nickname, reported
    # "the use of "thugs" and "yobs"": later items of a quoted list of words
    if _is_quoted_alone(c, s) and _LIST_TAIL.search(s.text[max(0, c.start - 200) : c.start - 1]):
        return "mention of the word itself"
    before = [w.lower() for w in s.words_before(c.start, 5)]
    if before and before[-1] in ("as",) and len(before) > 1:
        before_as = before[:-1]
    else:
        before_as = before
    # "illegal asylum seekers, a term the Refugee Council says..."
    after = [w.lower() for w in s.words_after(c.end, 3)]
    if (
        s.text[c.end : c.end + 2] in (", ", " (", " -", " –")
        and after[:1] in (["a"], ["the"], ["an"])
        and len(after) > 1
        and after[1] in META_NOUNS
    ):
        return "mention of the word itself"
    # "the use of 'thugs'"
    if len(before) >= 2 and before[-2:] == ["use", "of"] and _is_quoted_alone(c, s):
        return "mention of the word itself"
    if _named_by_a_meta_noun(c, s, before):
        return "mention of the word itself"
    if _META_AFTER.match(s.text[c.end : c.end + 120]):
        return "mention of the word itself"
    # "the term 'Lycra louts'", "the phrase 'feral youth culture'": a quoted
    # term holding the word, named by a word for words
    if _TERM_OPEN.search(s.text[max(0, c.start - 60) : c.start]) and _TERM_CLOSE.match(
        s.text[c.end : c.end + 40]
    ):
        return "mention of a quoted term"
    # "the BAME label was dropped", "the word offender": the word names itself
    if (
        after
        and after[0] in _SELF_NAMING
        and not c.possessive
        and s.text[c.end : c.end + 1] in (" ", '"', "'", "’", "”")
    ):
        return "mention of the word itself"
    # "urged reporters not to say "committed suicide"": advice about the word
    if _is_quoted_alone(c, s) and _AVOID_BEFORE.search(s.text[max(0, c.start - 40) : c.start]):
        return "advice about the word"
    why = _label_verb_criticised(c, s, before_as)
    if why:
        return why
    # "'Inmate' is a contested term"; but a slur hurled at someone is used, not
    # discussed ("banned for calling an opponent a "Paki"")
    if _is_quoted_alone(c, s) and (
        s.word_set & META_NOUNS or not _ABUSE_BEFORE.search(s.text[max(0, c.start - 60) : c.start])
    ):
        words = s.word_set
        if words & META_SIGNALS or re.search(r"\bso-called\b", s.text, re.I):
            return "quoted mention of the word"
    return None
