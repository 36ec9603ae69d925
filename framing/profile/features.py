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
        r"\b(?:education(?:al)?|qualifications?|literacy|classes|courses?|learning|degree|Open University|training)\b",
    ),
    (
        "employment",
        r"\b(?:employment|jobs?|job centre|employers?|apprenticeships?|work placements?|release on temporary licence|ROTL|hired)\b",
    ),
    (
        "community sentence",
        r"\bcommunity (?:sentences?|orders?|service|payback)\b|\bsuspended sentences?\b|\bprobation supervision\b",
    ),
    (
        "treatment",
        r"\b(?:drug|alcohol|addiction|mental health) (?:treatment|services?|support|rehab|recovery)\b|\btreatment (?:requirement|order|programme)s?\b|\brecovery (?:programme|support)\b",
    ),
    ("mentoring", r"\b(?:mentor(?:s|ing|ed)?|peer support|support workers?|key ?workers?)\b"),
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
        r"\b(?:scheme|programme|project|initiative|pilot|service) (?:that|which|has|helps|aims|to help|for)\b",
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


def _mentions(text: str, rule: tuple[re.Pattern[str], list[str]]) -> list[Mention]:
    rx, kinds = rule
    out: list[Mention] = []
    for hit in _scan(rx, text):
        kind = kinds[int((hit.lastgroup or "k0")[1:])]
        out.append(Mention(hit.start(), hit.end(), hit.group(), kind))
    return out


def solution_mentions(text: str) -> list[Mention]:
    """Responses that work: rehabilitation, restorative justice, diversion, ..."""
    return _mentions(text, _SOL)


def evidence_mentions(text: str) -> list[Mention]:
    """Studies, inspectorate reports, reoffending figures, official statistics."""
    return _mentions(text, _EVI)


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
    cross-validation seeds (80.9 -> 82.0)."""
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
    out["quote_share"] = round(quoted_chars / max(len(text), 1), 3)
    out["numbers"] = round(len(_NUMBER.findall(text)) * per, 3)
    out["groups"] = round(len(_GROUPS.findall(text)) * per, 3)
    out["case_voices"] = round(case_voices, 3)
    ss = sentences(text) if sents is None else sents
    told = sum(1 for x in ss if _INCIDENT.search(text, x.start, x.end))
    out["incident_sentences"] = round(told / len(ss), 3) if ss else 0.0
    out["length"] = round(math.log(max(words, 1)), 3)
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
