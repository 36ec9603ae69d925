"""Explainable features of an article, and the mentions of solutions and evidence.

Every feature is a count a reader can check (per 1,000 words where length
would otherwise decide), so a frame decision can say what drove it:
"statistics 6.1/1k, causes 2.0/1k, time span 12 years". The same features
feed the three shipped linear models (frame, solutions, evidence) that
``scripts/train_profile.py`` fits with scikit-learn, beside the article's own
words (``terms``, TF-IDF): a word's weight is as readable as a feature's
("term:prisons" among a thematic decision's drivers), so nothing is opaque.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from framing.profile.model import Mention
from framing.profile.text import Sentence, sentences

_RX = {
    "statistics": r"\b\d[\d,.]*\s?(?:%|per ?cent|percent)|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)? (?:million|billion|thousand)\b"
    r"|\b(?:one|two|three|four|five) in (?:five|four|three|ten|\d+)\b|\b(?:rate|proportion|average|majority|number of)\b",
    "trends": r"\b(?:rose|risen|rising|rise|increase[sd]?|increasing|fell|fallen|falling|decline[sd]?|declining|"
    r"doubled|tripled|trebled|surge[sd]?|drop(?:ped)?|record (?:high|low|level)|highest|lowest|since (?:19|20)\d\d|"
    r"over the (?:past|last) (?:\w+ )?(?:years?|decades?)|trend|trends|year[- ]on[- ]year|compared with)\b",
    "causes": r"\b(?:because|due to|caused by|causes?|led to|leads to|linked to|driven by|drivers? of|root causes?|"
    r"as a result of|factors?|poverty|deprivation|mental health|addiction|trauma|exclusion|underfunding|cuts|"
    r"austerity|overcrowding|understaffing|shortage|backlog|inequality|systemic|structural)\b",
    "policy": r"\b(?:polic(?:y|ies)|reforms?|legislation|bill|law|laws|government plans?|strategy|white paper|"
    r"green paper|consultation|funding|budget|sentencing (?:review|guidelines)|ministers? (?:plan|announce)|"
    r"scheme|programme|initiative|pilot|review)\b",
    "research": r"\b(?:study|studies|research|researchers|report|reports|survey|analysis|data|figures|statistics|"
    r"evaluation|evidence|inspection|inspectorate|inquiry|findings|found that|published)\b",
    "incident": r"\b(?:court heard|appeared (?:at|before)|pleaded|jailed|sentenced|convicted|arrested|charged|"
    r"was found guilty|stabbed|killed|murdered|attacked|died|victim|the defendant|told the court|jury)\b",
}
FEATURE_NAMES: tuple[str, ...] = (
    "statistics",
    "trends",
    "causes",
    "policy",
    "research",
    "incident",
    "years_span",
    "cases",
    "solution_mentions",
    "evidence_mentions",
    "quote_share",
    "numbers",
    "groups",
    "case_voices",
    "incident_sentences",
    "length",
    "percentages",
    "times_of_day",
    "news_peg",
    "opening_figure",
    "incident_spread",
    "solution_count",
    "evidence_count",
)
# numerals: a thematic piece counts things (measured on DEV labels: the best
# single addition to the frame model), an episodic one tells one incident
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
# people talked about as groups, not as one defendant or victim
_GROUPS = re.compile(
    r"\b(?:prisoners|offenders|inmates|young people|children|women|families|victims|"
    r"people who|communities|defendants|those who)\b",
    re.IGNORECASE,
)
# one pass over the text for all six counts: an alternation of named groups
_COUNTS = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _RX.items()), re.IGNORECASE)
_INCIDENT = re.compile(_RX["incident"], re.IGNORECASE)
# the marks of an incident's timeline and of a piece about the system, counted
# in one scan: shares given as percentages (a thematic piece reports
# proportions, not only totals), times of day ("at 10.30pm": the hour-by-hour
# of one incident) and the news peg of one event ("yesterday", "on Monday")
_MARKS = re.compile(
    r"(?P<percentages>\b\d[\d.,]*\s?(?:%|per ?cent|percent))"
    r"|(?P<times_of_day>\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"
    r"|\b(?:at|around|about|after|before|until|by|from) \d{1,2}[.:]\d\d\b|\b(?:midnight|noon)\b)"
    r"|(?P<news_peg>\b(?:yesterday|last night|this morning|earlier today|shortly after|hours later|the next day"
    r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_CASE = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Miss) [A-Z][a-z]+|[A-Z][a-z]+, (?:\d{2}|\d{2}),)")

SOLUTIONS: tuple[tuple[str, str], ...] = (
    ("restorative justice", r"\brestorative (?:justice|approach|practice|conferenc\w*)\b"),
    ("rehabilitation", r"\brehabilitat(?:ion|ive|e|ed|ing)\b"),
    (
        "diversion",
        r"\b(?:diversion(?:ary)?|diverted|divert(?:ing)?) (?:scheme|programme|from|away|into|service)|\bliaison and diversion\b|\bout[- ]of[- ]court (?:disposal|resolution)s?\b",
    ),
    (
        "education",
        r"\bprison education\b|\beducation (?:in|inside|behind) (?:prisons?|jails?|custody|bars)\b"
        r"|\b(?:education(?:al)?|literacy|numeracy|vocational|training|learning) (?:programmes?|courses?|classes|schemes?|support)\b"
        r"|\b(?:courses?|classes|qualifications?|degrees?|training) (?:in|inside|behind|while in) (?:prisons?|jails?|custody)\b"
        r"|\b(?:further education|Open University|vocational training|education,? training and employment)\b",
    ),
    (
        "employment",
        r"\b(?:employment|jobs?) (?:support|schemes?|programmes?|opportunities|on release|after release|for (?:ex-|former )?(?:offenders|prisoners))\b"
        r"|\b(?:keep|find|get|into) (?:their|his|her|a)? ?(?:jobs?|work|employment) (?:while|on|after|when)\b"
        r"|\b(?:employ|employing|hire|hiring|recruit(?:ing)?) (?:ex-?offenders|ex-prisoners|former (?:prisoners|offenders|inmates)|people with (?:criminal )?(?:records|convictions))\b"
        r"|\bdisclosed? (?:\w+ ){0,4}to (?:prospective )?employers\b"
        r"|\bhelp(?:s|ed|ing)? (?:\w+ ){0,3}(?:with (?:CVs|job applications)|into (?:work|jobs|employment)|find (?:work|jobs?|employment))\b"
        r"|\b(?:job clubs?|apprenticeships?|work placements?|release on temporary licence|ROTL)\b",
    ),
    (
        "community sentence",
        r"\bcommunity (?:sentences?|orders?|service|payback)\b|\bprobation supervision\b"
        r"|\b(?:treatment|rehabilitation|unpaid work|rehabilitation activity) requirements?\b",
    ),
    (
        "treatment",
        r"\b(?:drug|alcohol|addiction|mental health) (?:treatment|services?|support|rehab|recovery)\b|\btreatment (?:requirement|order|programme)s?\b|\brecovery (?:programme|support)\b",
    ),
    (
        "mentoring",
        r"\b(?:mentoring|peer support|peer mentors?|youth mentors?|support workers?|key ?workers?)\b"
        r"|\bmentors? (?:for|to|who) (?:young|ex-|former|offenders|prisoners|people)",
    ),
    (
        "youth work",
        r"\b(?:youth (?:work|workers?|club|services|programme|provision)|early intervention|violence reduction unit|public health approach)\b",
    ),
    (
        "housing",
        r"\b(?:housing support|accommodation on release|supported housing|housing first)\b",
    ),
    (
        "reducing reoffending",
        r"\b(?:reduc(?:e|es|ed|ing) (?:re-?offending|crime|violence)|cut(?:s|ting)? re-?offending|stop(?:ped)? (?:re-?)?offending|desist(?:ance|ed)?|turn(?:ed)? (?:his|her|their) li(?:fe|ves) around|second chance)\b",
    ),
    (
        "programme",
        r"\b(?:scheme|programme|project|initiative|pilot) (?:that helps|which helps|helps|aims to|designed to|to help|to steer"
        r"|for (?:young|ex-|former|offenders|prisoners|victims|women|people))",
    ),
)
EVIDENCE: tuple[tuple[str, str], ...] = (
    (
        "inspectorate report",
        r"\b(?:inspectorate|inspection|Inspector of (?:Prisons|Probation|Constabulary)|HMICFRS|HMIP|IMB|Independent Monitoring Board|Ombudsman)(?:'s|’s)? (?:report|found|said|warned|visit)|\b(?:inspection|inspectorate) report\b|\bChief Inspector of\b",
    ),
    (
        "study",
        r"\b(?:study|studies|research|survey|analysis|evaluation|review|report|trial|paper)\b (?:by|from|published|found|showed|shows|suggests|suggested|conducted|commissioned|into|of \d)|\b(?:researchers|academics) (?:found|at|from)\b|\bpeer[- ]reviewed\b",
    ),
    (
        "reoffending figures",
        r"\bre-?offending (?:rates?|figures|data|statistics)\b|\bproven re-?offending\b|\b(?:rates?|numbers?|levels?) of re-?offending\b",
    ),
    (
        "official statistics",
        r"\b(?:official (?:figures|statistics|data)|Ministry of Justice (?:figures|data|statistics)|Home Office (?:figures|data|statistics)|ONS|Office for National Statistics|(?:figures|data|statistics) (?:show|showed|published|released|obtained|reveal|revealed))\b",
    ),
    ("found that", r"\b(?:found|showed|shows|concluded|revealed) that\b"),
    ("percentage", r"\b\d[\d.]*\s?(?:%|per ?cent)\b"),
)


_WORD_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]")


def _scan(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``rx``'s non-overlapping matches, tried only where a word starts: every
    pattern here opens with a word boundary, and trying a dozen alternatives
    at word starts only is several times faster than ``finditer`` trying them
    at every character (measured: 55 -> see benchmarks/monitor_throughput.py)."""
    out: list[re.Match[str]] = []
    end = 0
    match = rx.match
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if pos < end:
            continue
        m = match(text, pos)
        if m is not None and m.end() > pos:
            out.append(m)
            end = m.end()
    return out


def _alternation(
    rules: tuple[tuple[str, str], ...], flags: int
) -> tuple[re.Pattern[str], list[str]]:
    """One regex for a list of (kind, pattern): a scan finds every kind at once,
    leftmost first and never overlapping."""
    kinds = [k for k, _ in rules]
    rx = re.compile("|".join(f"(?P<k{i}>{v})" for i, (_, v) in enumerate(rules)), flags)
    return rx, kinds


_SOL = _alternation(SOLUTIONS, re.IGNORECASE)
_EVI = _alternation(EVIDENCE, 0)


# a response named only to say it was missing or failed is not one reported
# ("not in any hope of rehabilitation", "had not taken part in any
# rehabilitation classes"); the guide labels those articles no solutions
_DENIED = re.compile(
    r"\b(?:no|not|lack of|without|never|any hope of|failed|breach(?:ed|ing)?)\W+(?:\w+\W+){0,5}$",
    re.I,
)
# "found that" is evidence when a study, report or figures found it, not a
# court, a panel or a witness
_FINDER = re.compile(
    r"\b(?:study|studies|research|researchers|report|survey|review|analysis|evaluation|inquiry|"
    r"investigation|figures|data|statistics|inspectorate|inspectors?|academics|scientists)\b[^.]{0,60}$",
    re.I,
)
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"'“‘(\n])\s*$")


def _kept(text: str, hit: re.Match[str], kind: str, solutions: bool) -> bool:
    before = text[max(0, hit.start() - 60) : hit.start()]
    if solutions:
        word = hit.group()
        # a capitalised word inside a sentence is part of a name ("the
        # Department of Corrections and Rehabilitation", "Education Secretary")
        if " " not in word and word[:1].isupper() and not word.isupper():
            if not _SENTENCE_OPEN.search(before):
                return False
        return not _DENIED.search(before)
    return kind != "found that" or bool(_FINDER.search(before))


def _mentions(text: str, rule: tuple[re.Pattern[str], list[str]], solutions: bool) -> list[Mention]:
    rx, kinds = rule
    out: list[Mention] = []
    for hit in _scan(rx, text):
        kind = kinds[int((hit.lastgroup or "k0")[1:])]
        if _kept(text, hit, kind, solutions):
            out.append(Mention(hit.start(), hit.end(), hit.group(), kind))
    return out


def solution_mentions(text: str) -> list[Mention]:
    """Responses that work: rehabilitation, restorative justice, diversion, ..."""
    return _mentions(text, _SOL, solutions=True)


def evidence_mentions(text: str) -> list[Mention]:
    """Studies, inspectorate reports, reoffending figures, official statistics."""
    return _mentions(text, _EVI, solutions=False)


def features(
    text: str,
    words: int,
    quoted_chars: int,
    solutions: int,
    evidence: int,
    case_voices: float = 0.0,
    sents: Sequence[Sentence] | None = None,
) -> dict[str, float]:
    """The named features of one article (rates per 1,000 words, where counts);
    ``case_voices`` is the share of attributed voices that speak to one case
    (police and prosecution, courts, victims, the accused).
    ``incident_sentences`` is the share of sentences that tell an incident
    (an episodic piece tells one, sentence after sentence) and ``length`` the
    natural log of the word count (long reads are more often thematic): the
    two together add 1.1 points of DEV frame macro F1, the mean of five
    cross-validation seeds (80.9 -> 82.0).  ``percentages``, ``times_of_day``,
    ``news_peg`` (rates), ``opening_figure`` (0/1) and ``incident_spread`` (a
    share of the sentences) add the framing research's remaining marks of
    thematic against episodic writing: proportions, an incident's timeline and
    news peg, an opening with a figure rather than a scene, and whether the
    incident is the whole piece or its example."""
    per = 1000.0 / max(words, 1)
    counts = dict.fromkeys(_RX, 0)
    for hit in _scan(_COUNTS, text):
        counts[hit.lastgroup or "statistics"] += 1
    out: dict[str, float] = {k: round(n * per, 3) for k, n in counts.items()}
    years = [int(y) for y in _YEAR.findall(text)]
    out["years_span"] = float(min(max(years) - min(years), 30)) if years else 0.0
    out["cases"] = float(min(len({m.group() for m in _CASE.finditer(text)}), 10))
    out["solution_mentions"] = round(solutions * per, 3)
    out["evidence_mentions"] = round(evidence * per, 3)
    # how many mentions, on a log scale (the first says most): beside the
    # rate, which a long article dilutes; DEV 5-seed macro F1 solutions
    # 76.4 -> 82.0, evidence 78.7 -> 80.9 (C 1, alpha 0.1)
    out["solution_count"] = round(math.log1p(solutions), 3)
    out["evidence_count"] = round(math.log1p(evidence), 3)
    out["quote_share"] = round(quoted_chars / max(len(text), 1), 3)
    out["numbers"] = round(len(_NUMBER.findall(text)) * per, 3)
    out["groups"] = round(len(_GROUPS.findall(text)) * per, 3)
    out["case_voices"] = round(case_voices, 3)
    ss = sentences(text) if sents is None else sents
    told = [k for k, x in enumerate(ss) if _INCIDENT.search(text, x.start, x.end)]
    out["incident_sentences"] = round(len(told) / len(ss), 3) if ss else 0.0
    out["length"] = round(math.log(max(words, 1)), 3)
    marks = dict.fromkeys(("percentages", "times_of_day", "news_peg"), 0)
    for hit in _scan(_MARKS, text):
        marks[hit.lastgroup or "percentages"] += 1
    out |= {k: round(n * per, 3) for k, n in marks.items()}
    # a thematic piece opens with a figure (in the headline or first
    # sentence), an episodic one with a person and a scene
    out["opening_figure"] = float(any(_DIGIT.search(text, x.start, x.end) for x in ss[:2]))
    # how much of the article lies between its first and last sentence that
    # tells an incident: an episodic piece tells one from top to bottom, a
    # thematic one uses a case as its opening or its example
    out["incident_spread"] = round((told[-1] - told[0] + 1) / len(ss), 3) if told else 0.0
    return {k: out[k] for k in FEATURE_NAMES}


# the words of the linear text model beside the named features: lower-case
# words of three letters or more, function words dropped; one definition for
# fitting (scripts/train_profile.py, eval-profile) and for applying, so the
# shipped weights read exactly the terms they were fitted on
_TERM = re.compile(r"[a-z][a-z'’-]*[a-z]")
_STOP = frozenset(
    "the and for that with was were are has have had his her him she they them their this those these "
    "from but not been said says will would could should can also who what when where which while there "
    "then than into about after before over its our out all one two more most very just some any such "
    "only other being after because being did does doing don't i'm it's he's she's you your yours our "
    "ours we us me my mine him himself herself itself themselves an on in at of to by or as is be it".split()
)


def terms(text: str) -> list[str]:
    """The text model's terms of ``text``, in order (repeats kept)."""
    return [w for w in _TERM.findall(text.lower()) if len(w) > 2 and w not in _STOP]


def term_values(text: str, idf: dict[str, float]) -> dict[str, float]:
    """TF-IDF of the model's vocabulary in ``text`` as scikit-learn computes it
    (sublinear tf, then L2 norm over the vocabulary), keyed "term:WORD"."""
    counts: dict[str, int] = {}
    for w in terms(text):
        if w in idf:
            counts[w] = counts.get(w, 0) + 1
    vals = {w: (1.0 + math.log(n)) * idf[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
    return {f"term:{w}": v / norm for w, v in vals.items()}


# what each named feature measures, in a reviewer's words: "{v}" is its value
_PER_1000 = "{v:g} per 1,000 words"
_DESCRIBE: dict[str, str] = {
    "statistics": "statistics " + _PER_1000,
    "trends": "trends " + _PER_1000,
    "causes": "causes " + _PER_1000,
    "policy": "policy " + _PER_1000,
    "research": "research " + _PER_1000,
    "incident": "incident words " + _PER_1000,
    "years_span": "years named span {v:g}",
    "cases": "{v:g} people named as in a case",
    "solution_mentions": "solutions " + _PER_1000,
    "evidence_mentions": "evidence " + _PER_1000,
    "numbers": "numbers " + _PER_1000,
    "groups": "people as groups " + _PER_1000,
    "percentages": "percentages " + _PER_1000,
    "times_of_day": "times of day " + _PER_1000,
    "news_peg": "news-day words ('yesterday') " + _PER_1000,
}
_SHARE = {
    "quote_share": "quotations are {p}% of the text",
    "case_voices": "{p}% of voices speak to one case",
    "incident_sentences": "{p}% of sentences tell an incident",
    "incident_spread": "the incident runs through {p}% of it",
}


def describe_feature(name: str, value: float) -> str:
    """A driver of a decision as a reviewer reads it: "mentions prisons" for
    the word feature "term:prisons", "percentages 4.2 per 1,000 words",
    "opens with a figure"; an unknown name is shown as it is."""
    if name.startswith("term:"):
        return f"mentions {name[5:]}"
    if name in _DESCRIBE:
        return _DESCRIBE[name].format(v=round(value, 1))
    if name in _SHARE:
        return _SHARE[name].format(p=round(100 * value))
    if name == "length":
        return f"{round(math.exp(value)):,} words"
    if name == "opening_figure":
        return "opens with a figure" if value else "opens without a figure"
    if name in ("solution_count", "evidence_count"):
        n = round(math.expm1(value))
        what = "solution" if name == "solution_count" else "evidence"
        return f"{n} {what} mention{'s' if n != 1 else ''}"
    return f"{name} {value:g}"
