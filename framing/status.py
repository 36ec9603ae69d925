"""The legal status a text establishes for the person a label refers to.

A one-key rewrite must never state a status the text does not establish
(``../shared/flagging-policy.md``, "What a rewrite may say"): "person
convicted of murder" only where a conviction, verdict or sentence is stated.
So, for a flagged person label, this module reads the cues of the sentence
("hunting", "arrested", "accused of", "the jury heard", "denies", "jailed",
"released on licence") and decides one of ``lexicon.model.STATUSES``.

Attachment.  A sentence often holds two people ("A man has been arrested
after a burglar broke in"; "A boy arrested on suspicion of robbery has been
released under investigation, and police are still hunting a second
robber").  The cue that counts is the one attached to the label: its own
modifier ("alleged", "convicted"), a relative or participle clause right
after it ("who denies", "accused of", "released on licence"), then a cue in
the label's own clause (clauses are cut at ";", ", and", ", but", "after",
"as", "while", "when" ...), nearest first; only when the clause has none is
the nearest cue elsewhere in the sentence used.  A conviction is never taken
from another clause when the label's clause or the sentence also holds a
pre-verdict cue: a wrong "convicted" is the one error that must not happen.

Cues are plain regular expressions over the sentence text: no tagging, so
the analysis costs microseconds and is only run for labels whose rewrite
depends on it (``framing.rewrite``).  Status from the article's earlier text
is not used: the development set (``tests/data/rewrites.md``, decision 5)
and a careful sub-editor both read a label's status from its own sentence,
and an unknown status only ever yields status-neutral wording or advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (status, pattern); the first listed wins where two cues overlap, so the
# specific phrases ("released on bail", "found not guilty") come first
_CUES: tuple[tuple[str, str], ...] = (
    ("arrested", r"released (?:on (?:police )?bail|under investigation)"),
    ("on_trial", r"found not guilty|acquitted|cleared of"),
    ("charged", r"pleaded not guilty|pleads not guilty|plead not guilty|not guilty plea"),
    ("charged", r"if (?:he is |she is |they are )?convicted|presumed innocent"),
    ("convicted", r"remanded (?:in custody )?for sentenc\w*|will be sentenced|awaiting sentenc\w*"),
    (
        "released",
        r"released (?:from (?:prison|jail|hmp|custody)|on (?:life )?licence|after serving|early)"
        r"|(?:freed|released) (?:by the parole board|halfway)|walked free from prison"
        r"|on (?:life )?licence|recalled (?:to prison|from licence)|since (?:his|her|their) release"
        r"|(?:within|after) (?:a |weeks of |months of )?(?:year of )?release|after his release"
        r"|freed by|has been freed|was freed|were freed|released after|after serving"
        r"|served \d+|served (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+ty)"
        r"|back in the community|prison leavers?|people leaving prison",
    ),
    (
        "sentenced",
        r"jailed|jailing|sentenced|sentencing (?:the|him|her|them)|caged|community order|rehabilitation orders?"
        r"|serving|must (?:each )?serve|ordered to serve|whole-life|life sentence|imprisoned"
        r"|suspended sentence|behind bars|minimum term|spared jail|(?:eligible for )?early release|imposed an? \w* ?sentence"
        r"|handed (?:a |whole)|given a \d+|given \w+ years|refused parole|sex offenders register",
    ),
    (
        "convicted",
        r"found guilty|convicted|admitted|admits|pleaded guilty|pleading guilty|guilty plea"
        r"|court of appeal|appeal against (?:his|her|their) (?:conviction|sentence)"
        r"|pleads guilty|conviction for|previous convictions",
    ),
    (
        "on_trial",
        r"(?:the |a )?jur(?:y|ors) (?:heard|was told|were told|at)|told (?:the )?jur(?:y|ors)"
        r"|jurors|the court (?:heard|was told)|told (?:the|\w+ \w+) court|prosecutors? (?:said|told|allege\w*)"
        r"|prosecution|prosecuting|prosecutor|crown court|magistrates"
        r"|giv(?:e|ing) evidence|in the dock|(?:his|her|their|the) trial|on trial|defence \w+"
        r"|trial continues|stood trial",
    ),
    (
        "charged",
        r"charged|accused|alleged(?:ly)?|appear(?:ed|s|ing)? (?:at|in|before|by)|will appear"
        r"|remanded|denie[sd]|deny|awaiting trial|(?:stand|face) trial|bail|retrial"
        r"|case (?:was |has been )?dropped|walked free|lawyers? for|defendants?",
    ),
    (
        "arrested",
        r"arrested|arrests? (?:of|were|was)|in custody|being questioned|questioned|detained"
        r"|on suspicion of|held (?:by|at|on)",
    ),
    (
        "wanted",
        r"hunt(?:ing|ed)?|manhunt|search(?:ing)? for|looking for|appeal(?:ing|ed|s)? (?:for|to)"
        r"|want(?:s|ed)? to (?:trace|identify|speak)|wanted|at large|on the run|cctv|e-fit"
        r"|(?:being )?sought|trace|identif(?:y|ied)|recognis\w*|crimestoppers|dial 999"
        r"|police appeal"
        r"|no arrests|nobody has (?:yet )?been arrested|not been identified|fled|escaped",
    ),
    (
        "suspected",
        r"(?:police|detectives|officers|investigators) (?:now )?(?:believe|think|suspect)"
        r"|believed|thought to|police believe|keeping an open mind|could have had help"
        r"|not ruling|investigating|inquiry",
    ),
)
_SOURCE = "|".join(f"(?P<c{i}>\\b(?:{p.lower()})\\b)" for i, (_s, p) in enumerate(_CUES))
# matched against the lower-cased sentence (twice as fast as IGNORECASE)
_PATTERN = re.compile(_SOURCE)
_PATTERN_ANY_CASE = re.compile(_SOURCE, re.IGNORECASE)
_CLAUSE_CUT = re.compile(
    r";|:|, (?:and|but|while|as|after|before|when|though|although|because)\b"
    r"| (?:after|while|when|before|because|as|until|although|though)\b|, (?=\w+ said\b)",
    re.IGNORECASE,
)
# modifiers of the label itself
_BEFORE = re.compile(
    r"\b(?:(?P<convicted>convicted|jailed|sentenced|released|freed)|(?P<charged>alleged|accused)"
    r"|(?P<suspected>suspected|presumed))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"den|plead\w* not|not guilty|alleg|accus|if |presumed|awaiting|stand|face|acquit|cleared",
    re.IGNORECASE,
)
CONVICTION = frozenset({"convicted", "sentenced", "released"})
PRE_VERDICT = frozenset({"wanted", "suspected", "arrested", "charged", "on_trial"})


@dataclass(frozen=True)
class Status:
    """What the text establishes for one label, and the words that say so."""

    value: str  # one of lexicon.model.STATUSES
    cue: str = ""  # the cue that decided it ("" for unknown / group_generic)

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "cue": self.cue}


UNKNOWN = Status("unknown")


_NEGATED = re.compile(
    r"\b(?:not|never|n't)(?:\s+(?:been|be|yet|ever|was|were))*\s+$", re.IGNORECASE
)


@lru_cache(maxsize=64)  # the sentences in hand: every label of one sentence shares them
def _cues(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every cue in a sentence: worked out once per sentence, however many
    labels it holds (the per-label work is only the attachment)."""
    low = text.lower()
    pattern = _PATTERN if len(low) == len(text) else _PATTERN_ANY_CASE
    found = pattern.finditer(low if pattern is _PATTERN else text)
    out = []
    for m in found:
        if _NEGATED.search(text, max(0, m.start() - 24), m.start()):
            continue  # "has not been convicted of anything since": no cue
        i = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        out.append((m.start(), m.end(), _CUES[i][0], text[m.start() : m.end()]))
    return tuple(out)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    a, b = 0, len(text)
    for m in _CLAUSE_CUT.finditer(text):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def status_for(
    text: str, start: int, end: int, *, plural: bool = False, determiner: bool = True
) -> Status:
    """The status ``text`` establishes for the label at ``text[start:end]``.

    ``plural`` and ``determiner`` say whether the label is a plural with no
    determiner ("Criminals are using…"): with no cue, that is a generic group."""
    # cues inside a quotation are someone else's words ("had 'hunted' his victim")
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    before = _BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        for name in ("convicted", "charged", "suspected"):
            if before.group(name):
                hedge = Status(name, before.group(name).lower())
                if name in ("charged", "suspected"):
                    # "the alleged killer was found not guilty": the trial's outcome;
                    # "a suspected drug dealer was arrested": the arrest
                    later = _from_cues(masked, start, end, plural, determiner)
                    if later.value == ("on_trial" if name == "charged" else "arrested"):
                        return later
                return hedge
    return _from_cues(masked, start, end, plural, determiner)


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def _from_cues(text: str, start: int, end: int, plural: bool, determiner: bool) -> Status:
    cues = _cues(text)
    if not cues:
        return Status("group_generic") if plural and not determiner else UNKNOWN
    # a cue right after the label (its own relative or participle clause)
    for a, _b, status, cue in cues:
        if end <= a and re.fullmatch(
            r"(?:'s)?[\s,]*(?:(?:who|that|which)\s+)?(?:(?:has|have|had|is|are|was|were|been"
            r"|being|now|also|still|then|later|both|each|had been|has been|have been)\s+){0,3}",
            text[end:a],
            re.IGNORECASE,
        ):
            return Status(status, cue)
    ca, cb = _clause(text, start, end)
    near = [c for c in cues if ca <= c[0] and c[1] <= cb]
    pool = near or cues

    def dist(c: tuple[int, int, str, str]) -> int:
        return start - c[1] if c[1] <= start else c[0] - end

    best = min(pool, key=dist)
    if best[2] in CONVICTION and not near:
        # a conviction is never read from another clause (it may be someone else's)
        others = [c for c in cues if c[2] in PRE_VERDICT]
        if not others:
            return UNKNOWN
        best = min(others, key=dist)
    denial = [c for c in near if c[2] in ("charged", "on_trial") and _DENIAL.match(c[3])]
    if best[2] in CONVICTION and denial:
        # "denies ..., jailed"? a denial or allegation in the same clause wins
        best = min(denial, key=dist)
    if best[2] == "suspected" and plural and not determiner and not near:
        return Status("group_generic")
    return Status(best[2], best[3])
