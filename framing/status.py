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
modifier ("alleged", "convicted", "ex-"), a relative or participle clause
right after it ("who denies", "accused of", "released on licence"), the verb
it is the object of ("hunting a serial killer"), then a cue in the label's
own clause (clauses are cut at ";", ", and", ", but", "after", "as", "while",
"when" ..., but not before a participle with no subject of its own: "after
being handed whole-life orders"), nearest first; a sentence that opens with
the label as its subject gives it the first perfect or passive verb phrase
with no subject of its own ("A burglar who raided 19 homes while their owners
were on holiday has been jailed"); only when the clause has none is the
nearest cue elsewhere in the sentence used.  A conviction is never taken
from another clause, and a denial or allegation in the label's clause beats
one: a wrong "convicted" is the one error that must not happen.  Weak cues
(a place such as "Crown Court", "inquiry", "CCTV") count only where no other
cue speaks.  With tags (:func:`status_of`), a label used as a noun modifier
("inmate numbers") or after "every"/"no" is a kind of person, and a bare
plural that did something ("Police said thieves broke in", "Thugs attack bus
driver") is particular people, not a generic group.

Other people's verbs.  A conviction is not carried to the label from a person
the clause names beside it: a possessed person ("the robber's accomplice was
jailed"), the head of "the mother of the killer", a subject of its own after
a comma or an opener ("After the arsonist's arrest, his father was
convicted"), an earlier case ("was previously jailed for ..."); and an
indefinite label mentioned beside a case ("the court heard she contacted
Fletcher-Ward, a known drug dealer") takes none of the case's cues.  One
person's case goes on to its furthest stage in the label's clause ("was
arrested and later charged", "cleared of murder but convicted of
manslaughter"); a hedge gives way to a later pre-verdict stage only.

Neighbours.  A definite label ("the burglar", "these thieves") whose own
sentence gives no status reads the text before it (:func:`context_status`):
the nearest cue in its paragraph, then in the earlier paragraphs (up to
``CONTEXT_CHARS`` back), then in the article's headline ("Burglar jailed
..." over "The burglar broke in ...").  A conviction is read from there only
when every earlier cue is a conviction (a report of one case's outcome);
where the earlier text also tells of a hunt, an arrest or a charge, the
conviction may be someone else's, and the nearest pre-verdict cue is used.
An indefinite label ("a burglar") introduces someone new and reads nothing.
The engine (``framing.engine._in_context``) does this after the per-sentence
analysis, only for sentences holding such a label, so a text whose labels
all have a status of their own costs nothing more.  The rewrite set is read
a sentence at a time (``tests/data/rewrites.md``, decision 5), so there each
sentence reads only itself.

Cues are plain regular expressions over the sentence text (the tags are
used only for the use of the label itself), so the analysis costs
microseconds and is only run for labels whose rewrite depends on it
(``framing.rewrite``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.candidate import Candidate, Sentence

# (status, pattern); the first listed wins where two cues overlap, so the
# specific phrases ("released on bail", "found not guilty") come first
_CUES: tuple[tuple[str, str], ...] = (
    (
        "arrested",
        r"(?:released|freed) (?:from (?:police )?custody )?(?:on (?:police )?bail|under investigation"
        r"|without charge|pending (?:further )?(?:enquiries|inquiries|investigation)"
        r"|after (?:questioning|interview|being (?:questioned|interviewed)))",
    ),
    ("on_trial", r"found not guilty|acquitted|cleared of"),
    ("charged", r"pleaded not guilty|pleads not guilty|plead not guilty|not guilty plea"),
    ("charged", r"if (?:he is |she is |they are )?convicted|presumed innocent"),
    (
        "convicted",
        r"remanded (?:in custody )?for sentenc\w*|will be sentenced|awaiting sentenc\w*"
        r"|(?:due|set|expected|scheduled) to be sentenced|faces sentencing|await(?:s|ing)? sentence",
    ),
    ("convicted", r"sentencing hearing|brought to justice"),
    (
        "released",
        r"released (?:from (?:prison|jail|hmp)|on (?:life )?licence|after serving|early)"
        r"|(?:freed|released) (?:by the parole board|halfway)|walked free from prison"
        r"|on (?:life )?licence|recalled (?:to prison|from licence)|since (?:his|her|their) release"
        r"|(?:within|after) (?:a |weeks of |months of )?(?:year of )?release|after his release"
        r"|released after (?!questioning|interview|being (?:questioned|interviewed))|after serving"
        r"|(?:terms|conditions) of (?:his|her|their) licence|licence conditions"
        r"|breach\w* (?:of )?(?:his|her|their) licence"
        r"|(?:was|were|been|be|is|are) (?:still |finally |later |eventually |then |to be )?"
        r"(?:released|freed)(?! on bail| under| without| pending| after| from (?:police )?custody)"
        # a headline's bare participle ("Killer Freed After 20 Years Behind Bars")
        r"|freed(?= after \d+| after (?:\w+ )?(?:years|months|decades)| early| from (?:prison|jail))"
        r"|(?:got|was let|were let|has got|have got) out of (?:prison|jail)"
        r"|back in the community|prison leavers?|people leaving prison",
    ),
    (
        "sentenced",
        r"jailed|jailing|sentenced|sentencing (?:the|him|her|them|for|of)|caged|community order|rehabilitation orders?"
        r"|serving|must (?:each )?serve|ordered to serve|will serve|whole-life|life sentence|imprisoned"
        # "a serial killer due for release from jail": still serving, release ahead
        r"|(?:due|set|eligible|up) for (?:release|parole)|(?:due|set) to be (?:released|freed)"
        r"|suspended sentence|behind bars|minimum term|spared jail|(?:eligible for )?early release|imposed an? \w* ?sentence"
        r"|handed (?:a |whole)|given a \d+|given \w+ years|refused parole|sex offenders register"
        r"|served \d+|served (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+ty)"
        r"|den(?:y|ies|ied|ying) (?:\w+ )?parole|(?:granted|denied) (?:release|parole)|parole board"
        r"|parole hearing|die in (?:prison|jail)|(?:prison|jail) terms?"
        # "locked up for years", not "locked up in a police cell overnight"
        r"|locked up for (?:longer|life|good|years|decades|\w+ years|the rest)"
        r"|(?:been|was|were) locked up after"
        r"|absconded from|escaped from (?:an? |the )?(?:open )?(?:prison|jail)"
        r"|avoid(?:s|ed|ing)? (?:jail|prison|custody|a jail term|a prison sentence)"
        r"|let out (?:of (?:prison|jail) )?early|(?:get|be let) out of (?:jail|prison)(?! free)"
        r"|sentences? of|received (?:an? )?(?:\w+ )?sentences?"
        # the people a prison or a wing holds
        r"|(?:prison|jail|wing|hmp \w+|hmyoi \w+) (?:now |also )?(?:holds|houses|held|housed)",
    ),
    (
        "convicted",
        r"found guilty|convicted|pleaded guilty|pleading guilty|guilty plea"
        # an admission of an offence, not of anything ("he admits he was a thug")
        r"|admit(?:s|ted|ting)? (?:to |being |having )?(?:[\w-]+ ){0,3}?(?:charges?|counts?|offences?"
        r"|murder|manslaughter|robbery|burglary|theft|fraud|assault\w*|rape|possess\w*|supply\w*"
        r"|caus\w*|arson|steal\w*|kill\w*|attempt\w*|handling|dangerous|careless|drink|drug\w*"
        r"|the offence|guilt|wounding|threat\w*|harass\w*|stalking|affray|dealing|being concerned)"
        r"|court of appeal|appeal against (?:his|her|their) (?:conviction|sentence)"
        r"|pleads guilty|conviction for|(?:his|her|their) convictions?",
    ),
    ("charged", r"(?:before|until|ahead of|awaiting|pending) (?:his|her|their|the|a) trials?"),
    (
        "on_trial",
        # a judge speaking to the label is a court hearing: a trial or a
        # sentencing, so wording safe before a verdict ("the defendant")
        r"judge (?:[\w-]+ ){0,3}(?:told|said to|warned)|told by (?:the )?judge|told (?:the )?judge"
        r"|(?:the |a )?jur(?:y|ors) (?:has |have )?(?:heard|hears|was told|were told|is told|told|at"
        r"|was shown|were shown|(?:has |have )?been shown|saw|watched)"
        r"|told (?:the )?jur(?:y|ors)|jurors|(?:the |a )?court (?:has |had )?(?:heard|hears|was told|is told)"
        r"|told (?:the|\w+ \w+) court|prosecutors? told|court told"
        r"|giv(?:e|ing) evidence|in the dock|(?:his|her|their|the) trials?|on trial"
        r"|trial continues|stood trial",
    ),
    (
        "charged",
        r"charged|accused|alleged(?:ly)?|appear(?:ed|s|ing)? (?:at|in|before|by)|will appear"
        r"|remanded|denie[sd]|deny|awaiting trial|(?:stand|face) trial|bail|retrial"
        r"|case (?:was |has been )?dropped|walked free|lawyers? for|defendants?"
        r"|prosecutors? (?:said|say|says|claim\w*|allege\w*)|(?:the )?prosecution (?:alleges?|says|said|claims?)"
        r"|decision to charge|(?:authorised|authorized) (?:a )?charges?",
    ),
    (
        "arrested",
        r"arrested|arrests? (?:of|were|was)|in custody|being questioned|questioned|detained"
        r"|on suspicion of|held (?:by|at|on)"
        r"|(?<=was |ere |een |ing )held(?! up| hostage| captive| back| responsible| accountable"
        r"| to account| liable| in (?:high|low|contempt)| a | an | the )"
        # "the burglars were caught days later"; not "caught on CCTV" (an appeal)
        r"|(?<=was |ere |een | be )caught(?! on| in the act| up| out| \w+ing\b)",
    ),
    (
        "wanted",
        r"hunt(?:ing|ed)?|manhunt|search(?:ing)? for|looking for|appeal(?:ing|ed|s)? (?:for|to)"
        r"|want(?:s|ed)? to (?:trace|identify|speak)|wanted(?! to\b)|at large|on the run|e-fit"
        r"|cctv (?:images?|appeal|stills?|pictures?)|released (?:cctv|images?|footage|an? (?:image|e-fit))"
        r"|(?:being )?sought|crimestoppers|dial 999|police appeal|anyone with information"
        r"|described as (?:being )?(?:white|black|asian|mixed|of |in (?:his|her|their)"
        r"|aged|about|around|tall|short|slim|stocky|medium|wearing)"
        r"|(?:could|may|might|will) strike again"
        r"|no arrests|nobody has (?:yet )?been (?:arrested|caught|charged)|not been identified"
        r"|never (?:been )?(?:caught|found|traced|brought to justice)|evaded (?:capture|arrest|police)"
        r"|(?:police|officers|detectives) (?:are |were )?(?:combing|scouring)"
        r"|(?:urged|warned|told) (?:\w+ ){0,3}to (?:be|stay|remain) vigilant"
        # someone still to be caught ("hoped they would catch the killers")
        r"|(?:to|would|will|could|can|help|helped|failed to|never|yet to) (?:catch|track down)",
    ),
    (
        "suspected",
        r"(?:police|detectives|officers|investigators) (?:now )?(?:believe|think|suspect)"
        r"|believed|thought to|police believe|keeping an open mind|could have had help"
        r"|not ruling|(?:operation|officers|police|raids?|crackdown) (?:\w+ )?target(?:ed|ing|s)",
    ),
    # weak cues: a place or a word that also describes witnesses and evidence;
    # used only where no other cue speaks for the label's clause.  A record of
    # past convictions is one: the current case ("who has previous convictions
    # for theft, was arrested") speaks first
    ("convicted", r"previous convictions|(?:a )?criminal record|convictions for"),
    (
        "on_trial",
        r"prosecution|prosecuting|prosecutor|crown court|magistrates|defence \w+"
        r"|public gallery|verdicts?",
    ),
    (
        "wanted",
        r"trace|identif(?:y|ied)|recognis\w*|fled|escaped|cctv|ran off|made off",
    ),
    (
        "suspected",
        r"investigating|inquiry|(?:may|might|could) have (?:been )?\w+(?:ed|en|ne|wn|ld|lt)",
    ),
)
# the first cue of these indexes on are weak (see above)
_WEAK_FROM = len(_CUES) - 4
# one word boundary around the whole alternation, and a lookahead for a word
# character, let the regex engine skip most positions at once: 2-4x faster than
# a boundary inside each alternative, for the same matches (checked on the Zyte
# article bodies, the dev set and the rewrite set)
_SOURCE = (
    r"\b(?=[a-z0-9])(?:"
    + "|".join(f"(?P<c{i}>{p.lower()})" for i, (_s, p) in enumerate(_CUES))
    + r")\b"
)
# matched against the lower-cased sentence (twice as fast as IGNORECASE)
_PATTERN = re.compile(_SOURCE)
_PATTERN_ANY_CASE = re.compile(_SOURCE, re.IGNORECASE)
# where a clause ends; a participle after "after"/"while" ("after being handed
# whole-life orders", "after stabbing a pupil") has no subject of its own and
# stays in the clause of the one before it; a short kicker before a colon
# ("Jailed: drug dealer Kyle Brown") is not cut off (see _clause)
_CLAUSE_CUT = re.compile(
    r";|:|, (?:and|but|while|as|after|before|when|though|although|because)\b(?!\s+\w+ing\b)"
    r"| (?:after|while|when|before|because|as|until|although|though)\b(?!\s+\w+ing\b)"
    r"|, (?=\w+ said\b)",
    re.IGNORECASE,
)
# modifiers of the label itself ("the alleged murderer", "the convicted pedophile")
_BEFORE = re.compile(
    r"\b(?:(?P<convicted>convicted|jailed|sentenced)|(?P<released>released|freed|registered)"
    r"|(?P<charged>alleged|accused)|(?P<suspected>suspected|presumed))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_OWN_MODIFIER = re.compile(
    r"(?:(?P<convicted>convicted|jailed|sentenced)|(?P<charged>alleged|accused)"
    r"|(?P<suspected>suspected))\s",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"den|plead\w* not|not guilty|alleg|accus|if |presumed|awaiting|stand|face|acquit|cleared",
    re.IGNORECASE,
)
CONVICTION = frozenset({"convicted", "sentenced", "released"})
# a hedge on the label ("the alleged killer", "a suspected drug dealer") gives
# way to a later pre-verdict stage the sentence states for it ("was found not
# guilty", "was arrested", "while awaiting trial"), never to a conviction
_LATER_THAN = {
    "charged": frozenset({"on_trial"}),
    "suspected": frozenset({"arrested", "charged", "on_trial"}),
}
PRE_VERDICT = frozenset({"wanted", "suspected", "arrested", "charged", "on_trial"})
# how far a case has gone, for the same person: a later stage said in the
# label's own clause is the one that holds ("admitted robbery and was jailed")
_STAGE = {"convicted": 1, "sentenced": 2, "released": 3}
# between two verbs of one subject: "caught with 2kg of cocaine in his car and"
_SAME_SUBJECT = re.compile(
    r"(?:(?!\b(?:who|whose|which|that|he|she|they|it)\b)[^,;:])*\band\s+"
    r"(?:(?:was|were|is|are|has been|have been|had been|later|then|subsequently|eventually)\s+)*",
    re.IGNORECASE,
)
_FURTHER = {
    "arrested": CONVICTION | {"charged", "on_trial"},
    "charged": CONVICTION | {"on_trial"},
}
_ACQUITTAL = re.compile(r"cleared|acquitted|found not guilty", re.IGNORECASE)
# a trial under way, not a hearing ("the court heard" may be a remand hearing)
_TRIAL_RUNNING = re.compile(r"jur|dock|evidence|told (?:the )?court", re.IGNORECASE)


@dataclass(frozen=True)
class Status:
    """What the text establishes for one label, and the words that say so."""

    value: str  # one of lexicon.model.STATUSES
    cue: str = ""  # the cue that decided it ("" for unknown / group_generic)
    # decided by a weak cue alone (a place, "inquiry"): what the label itself
    # says ("ex-inmate") comes first
    weak: bool = field(default=False, compare=False)
    # said of the label itself: its own modifier, the clause right after it,
    # the verb it is the object of ("hunting Birmingham knifeman")
    attached: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "cue": self.cue}


UNKNOWN = Status("unknown")
GENERIC = Status("group_generic")

_NEGATED = re.compile(
    r"\b(?:not|never|n't)(?:\s+(?:been|be|yet|ever|was|were))*\s+$", re.IGNORECASE
)
# a denied arrest or identification is a person still sought ("police have not
# yet identified the killer", "has never been caught")
_NEGATED_WANTED = re.compile(r"arrest|identif|trace|caught|found", re.IGNORECASE)

_MAYBE = re.compile(
    r"\b(?:(?:could|may|might|would)\s+(?:well\s+|still\s+|now\s+)?"
    r"(?:be|have been|get|face)\s+(?:[\w-]+\s+)?"
    r"|(?:fac(?:e|es|ed|ing)|risk(?:s|ed|ing)?)\s+(?:(?:a|an|up|to|life|years?|more|than|time|in"
    r"|possible|potential|lengthy|long|\d+)\s+){0,4})$",
    re.IGNORECASE,
)
_SHOULD = re.compile(r"\b(?:should|ought to)\s+(?:\w+\s+)?(?:be|have been|get)\s+$", re.I)
_PREVIOUS = re.compile(
    r"\b(?:previously|already|once|earlier|formerly|before that)\s+(?:been\s+)?$", re.IGNORECASE
)
_QUASHED = re.compile(
    r"\b(?:conviction|sentence)s? (?:was|were|had been|has been|have been) (?:overturned|quashed)",
    re.IGNORECASE,
)
Cue = tuple[int, int, str, str, bool]  # start, end, status, the words, weak


@lru_cache(maxsize=1024)  # the sentences in hand (every label of one sentence shares them)
# and the sentences before them (framing.status.context_status)
def _cues(text: str) -> tuple[Cue, ...]:
    """Every cue in a sentence: worked out once per sentence, however many
    labels it holds (the per-label work is only the attachment)."""
    low = text.lower()
    pattern = _PATTERN if len(low) == len(text) else _PATTERN_ANY_CASE
    found = pattern.finditer(low if pattern is _PATTERN else text)
    out: list[Cue] = []
    # "after his eight-year sentence was overturned": no conviction stands
    quashed = _QUASHED.search(text) is not None
    for m in found:
        i = m.lastindex - 1 if m.lastindex else 0
        status = _CUES[i][0]
        words = text[m.start() : m.end()]
        neg = _NEGATED.search(text, max(0, m.start() - 24), m.start())
        if neg is not None:
            if status == "released" and not i >= _WEAK_FROM:
                # "should not be released", "has not been freed": still serving
                out.append(
                    (m.start(), m.end(), "sentenced", f"{neg.group().strip()} {words}", False)
                )
                continue
            if not _NEGATED_WANTED.match(words) or neg.group().lower().startswith("never"):
                continue  # "has not been convicted of anything since": no cue
            status = "wanted"
            words = text[max(0, m.start() - 24) : m.end()].split(" ", 1)[-1]
        if quashed and status in CONVICTION:
            continue
        if status in CONVICTION and _MAYBE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "could be jailed", "faces a prison term": a risk, not a sentence
        if (
            status in ("convicted", "sentenced")
            and _PREVIOUS.search(text, max(0, m.start() - 30), m.start())
            and not words.lower().startswith("serv")
        ):
            # "was previously jailed for getting a child bride pregnant": an
            # earlier case, whose offence need not be the label's
            continue
        out.append((m.start(), m.end(), status, words, i >= _WEAK_FROM))
    return tuple(out)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    a, b = 0, len(text)
    for m in _CLAUSE_CUT.finditer(text):
        if m.group() == ":" and len(text[: m.start()].split()) <= 2:
            continue  # "Jailed: drug dealer Kyle Brown, 24": the kicker is the headline's
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
    own = _OWN_MODIFIER.match(text, start, end)
    if own is not None and own.group("convicted"):
        return Status(
            "convicted", own.group().strip(), attached=True
        )  # "the convicted pedophile Epstein"
    # cues inside a quotation are someone else's words ("had 'hunted' his victim")
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    before = _BEFORE.search(text[max(0, start - 30) : start])
    if before is None and own is not None:
        before = own
    if before is not None:
        for name in ("convicted", "released", "charged", "suspected"):
            if name in before.groupdict() and before.group(name):
                hedge = Status(name, before.group(name).lower(), attached=True)
                if name in ("charged", "suspected"):
                    # "the alleged killer was found not guilty": the trial's outcome;
                    # "a suspected drug dealer was arrested": the arrest
                    later = _from_cues(masked, start, end, plural, determiner)
                    if later.value in _LATER_THAN[name]:
                        return later
                return hedge
    got = _from_cues(masked, start, end, plural, determiner)
    if (got.value in ("unknown", "group_generic") or got.weak) and not _QUASHED.search(text):
        owned = _OWN_STAGE.match(text, end) if text[end - 2 : end] in _POSSESSIVE_ENDS else None
        if owned is not None:
            # "The murderer's trial is expected to last six weeks": the label's own case
            return Status(_OWN_STAGES[owned.group(1).lower()], owned.group().strip(), attached=True)
    if got.weak or got.value in ("unknown", "group_generic") or got.value in CONVICTION:
        # "the ex-inmate told the inquiry": the label's own past; a current case
        # ("jurors heard the ex-con had ...") is the current status, and a
        # release the sentence states stays one
        former = _former(text, start, end, plural and not determiner)
        if former is not None and (got.value not in CONVICTION or former.value == "released"):
            return former
    if got.value in ("unknown", "group_generic") or got.weak:
        # a label that is itself a sentence: "lifers", "probationers", "parolees"
        own = _LABEL_STATUS.match(text, start, end)
        if own is not None:
            return Status(_LABEL_STATUSES[own.group(1).lower()], own.group().strip())
    return got


_LABEL_STATUSES = {"lifer": "sentenced", "probationer": "sentenced", "parolee": "released"}
_LABEL_STATUS = re.compile(r"(lifer|probationer|parolee)(?:s|'s|s')?$", re.IGNORECASE)


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')

# "ex-offender", "former inmates", "the one-time armed robber": a past the
# label itself states.  A prison word says a sentence was served and ended; a
# justice word says a conviction; an offence word alone says neither, unless
# the sentence gives the time inside
_FORMER = re.compile(r"(?:ex-|former\s+|one-time\s+|onetime\s+)", re.IGNORECASE)
_PRISON_WORDS = re.compile(
    r"(?:inmates?|cons?|convicts?|prisoners?|lags?|lifers?|jailbirds?)\b", re.I
)
_RECORD_WORDS = re.compile(r"(?:offenders?|criminals?)\b", re.IGNORECASE)
_TIME_INSIDE = re.compile(
    r"\b(?:in (?:prison|jail)|behind bars|inside|(?:prison|jail) (?:sentence|term|time)|served"
    r"|his sentence|her sentence|their sentences?|years in)\b",
    re.IGNORECASE,
)


_BECAME = re.compile(
    r"\s+(?:who|that)\s+(?:later\s+)?(?:became|went on to|turned)\b", re.IGNORECASE
)
_EVENT = re.compile(r"\b(?:has|have|had|was|were|did)\b", re.IGNORECASE)


def _former(text: str, start: int, end: int, bare_plural: bool) -> Status | None:
    lead = text[max(0, start - 12) : start]
    m = _FORMER.match(text, start, end)
    became = _BECAME.match(text, end)
    if m is not None:
        word_at = m.end()
    elif re.search(r"(?:\bformer|\bone-time|\bonetime)\s+$", lead, re.IGNORECASE) or became:
        word_at = start
    else:
        return None
    head = text[word_at:end]
    last = head.split()[-1] if head.split() else head
    if m is not None:
        cue = m.group().strip().lower()
    elif became is not None:
        cue = became.group().strip().lower()  # "The Inmate Who Became A Barrister"
    else:
        cue = lead.split()[-1].lower()
    if _PRISON_WORDS.match(last):
        return Status("released", cue, attached=True)
    if _TIME_INSIDE.search(text, end):
        return Status("released", cue, attached=True)
    indefinite = re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4) : start], re.IGNORECASE)
    if indefinite and not _EVENT.search(text):
        return None  # "an ex-offender's right to a fresh start": anyone's
    if _RECORD_WORDS.match(head) and not bare_plural:
        # "an ex-offender", "the former offender"; not "former young offender"
        # (a category of its own) and not a generic group ("most ex-offenders")
        return Status("convicted", cue, attached=True)
    return None


# what may stand between a label and a cue that speaks of it right after it
_AFTER_LABEL = re.compile(
    r"(?:'s)?[\s,]*(?:(?:who|that|which)\s+)?(?:(?:has|have|had|is|are|was|were|been"
    r"|being|now|also|still|then|later|both|each|had been|has been|have been"
    r"|\d+|more than|over|many|several|with)\s+){0,4}",
    re.IGNORECASE,
)
# what may stand between a verb and its object, the label ("hunting a serial
# killer", "are still looking for a third robber", "jailed the 19-year-old burglar")
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:a|an|the|two|three|four|five|both|all|these|those|another|\d+)\s+)?"
    r"(?:(?:second|third|fourth|fifth|[\w-]+-year-old|young|teenage|masked|armed|lone|male|female)\s+)?"
    r"(?:(?-i:[A-Z])[\w-]+\s+)?",
    re.IGNORECASE,
)
_HEDGE_WORD = re.compile(r"alleged|accused|suspected|convicted|jailed|sentenced", re.IGNORECASE)
# a verb phrase in the perfect or passive ("has been jailed", "was sentenced")
_AUX = re.compile(
    r"(?:has|have|had) been\s+(?:\w+ly\s+)?$|(?:was|were|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_PRONOUN_SUBJECT = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"}
_PREPOSITIONS = {
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "with",
    "from",
    "into",
    "near",
    "outside",
    "inside",
    "about",
    "over",
    "under",
    "during",
    "without",
    "than",
}
_DETS = {
    "whose",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "this",
    "that",
    "two",
    "three",
    "four",
    "five",
}
_SUBJECT_START = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:a|an|the|this|that|two|three|four|both)\s+)?(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _own_subject(text: str, aux_start: int) -> bool:
    """Whether the words right before a verb phrase are its own subject ("a man
    was arrested", "he was jailed"), so the verb is not the label's."""
    ws = re.findall(r"[\w'’-]+", text[max(0, aux_start - 60) : aux_start])
    if not ws:
        return False
    if ws[-1].lower() in _PRONOUN_SUBJECT:
        return True
    for k in (2, 3):
        if len(ws) >= k and ws[-k].lower() in _DETS:
            before = ws[-k - 1].lower() if len(ws) > k else ""
            return before not in _PREPOSITIONS
    return ws[-1].endswith(("'s", "’s")) or ws[-1][:1].isupper() and len(ws) >= 2


_OPENERS = frozenset(
    "after before when while as because since although though and but so whose where".split()
)


# "the victim of the burglar", "the mother of the killer": (singular stems)
_PEOPLE_STEMS = frozenset(
    "victim mother father son daughter brother sister wife husband partner friend neighbour "
    "lawyer solicitor barrister accomplice associate relative family girlfriend boyfriend "
    "cousin uncle aunt parent child".split()
)
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
# the stage a possessive label's own noun names ("the killer's trial")
_OWN_STAGES = {
    "arrest": "arrested",
    "charging": "charged",
    "trial": "on_trial",
    "retrial": "charged",
    "conviction": "convicted",
    "convictions": "convicted",
    "sentencing": "convicted",
    "sentence": "sentenced",
    "sentences": "sentenced",
    "jailing": "sentenced",
    "parole": "sentenced",
}
_OWN_STAGE = re.compile(r"\s+(" + "|".join(_OWN_STAGES) + r")\b", re.IGNORECASE)
_OWNED_PEOPLE = frozenset(
    "accomplice accomplices associate associates co-defendant co-defendants friend friends "
    "lawyer lawyers solicitor solicitors barrister victim victims family relatives neighbour "
    "neighbours cousin cousins accuser driver getaway gang".split()
)


_PERSON_OF = re.compile(
    r"\b([\w-]+)\s+of\s+(?:the|a|an|his|her|their|this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)


def _owner_of_person(text: str, start: int, end: int) -> str:
    """A possessive label before a noun for another person ("the robber's
    accomplice", "the killer's brother"), or the same with "of" ("the victim
    of the burglar", "a neighbour of the killer")."""
    of = _PERSON_OF.search(text, max(0, start - 40), start)
    if of is not None and of.group(1).lower().rstrip("s") in _PEOPLE_STEMS:
        return "of"
    if text[max(0, end - 2) : end] not in _POSSESSIVE_ENDS:
        return ""
    # the possessed noun, or the one after a modifier ("getaway driver", "younger brother")
    ws = re.findall(r"[\w-]+", text[end : end + 30].lower())[:2]
    return "possessive" if any(w in _OWNED_PEOPLE or w in _PERSON_NOUNS for w in ws) else ""


def _someone_elses(text: str, c: Cue, start: int, end: int) -> bool:
    """A conviction cue in a perfect or passive verb phrase whose subject, right
    before it, is someone other than the label ("a man was jailed", "his
    brother has been sentenced"); "the burglar was jailed" is the label's."""
    if c[2] not in CONVICTION:
        return False
    aux = _AUX.search(text, max(0, c[0] - 40), c[0])
    if aux is None:
        return False
    if end <= aux.start() and not text[end : aux.start()].strip(" ,'’s"):
        return False  # the label is the subject
    # only a person named right before it ("a man", "whose son", "his
    # brother"): a pronoun may well be the label itself
    ws = [w.lower() for w in re.findall(r"[\w'’-]+", text[max(0, aux.start() - 40) : aux.start()])]
    if len(ws) < 2 or not (ws[-1] in _PERSON_NOUNS or ws[-1] in _OWNED_PEOPLE):
        return False
    # "whose son was jailed", "after a man was jailed", "and his brother was
    # jailed"; not "who attacked a nurse was jailed" (the nurse is an object)
    if ws[-2] == "whose":
        return True
    if ws[-2] not in _DETS:
        return False
    # "After the arsonist's arrest, his father was convicted": a clause opens
    # at the punctuation before the determiner
    det_at = text.lower().rfind(ws[-2], 0, aux.start())
    opened = bool(re.search(r"[,;:—–]\s*$", text[max(0, det_at - 4) : det_at]))
    return len(ws) < 3 or ws[-3] in _OPENERS or opened


def _main_verb(text: str, start: int, end: int, cues: tuple[Cue, ...]) -> Cue | None:
    """The label opens its sentence as the subject ("A burglar who raided 19
    homes while their owners were on holiday has been jailed"): the first
    perfect or passive verb phrase holding a cue, in any clause, that has no
    subject of its own is the label's predicate."""
    if not _SUBJECT_START.search(text, 0, start) or not re.match(
        r"(?:'s)?\s*(?:,|who\b|that\b)", text[end : end + 6]
    ):
        return None
    for c in cues:
        if c[0] < end or c[4]:
            continue
        aux = _AUX.search(text, max(0, c[0] - 40), c[0])
        if aux is not None and not _own_subject(text, aux.start()):
            return c
    return None


def _attached(text: str, start: int, end: int, cues: tuple[Cue, ...]) -> list[Cue]:
    """Cues said of the label itself: right after it (its own relative or
    participle clause), or a verb right before it that takes it as object
    ("hunting a serial killer"); strong ones where there are any."""
    got = [c for c in cues if end <= c[0] and _AFTER_LABEL.fullmatch(text, end, c[0])]
    got += [
        c
        for c in cues
        if c[1] <= start
        and _OBJECT_GAP.fullmatch(text, c[1], start)
        and not _HEDGE_WORD.fullmatch(c[3])  # "the alleged killer": a modifier, not a verb
    ]
    return [c for c in got if not c[4]] or got


def _from_cues(text: str, start: int, end: int, plural: bool, determiner: bool) -> Status:
    cues = _cues(text)
    if not cues:
        return GENERIC if plural and not determiner else UNKNOWN
    attached = _attached(text, start, end, cues)
    # "the burglar who targeted a woman whose son was jailed": a conviction
    # with a subject of its own that is not the label is someone else's
    cues = tuple(c for c in cues if c in attached or not _someone_elses(text, c, start, end))
    if not (plural and not determiner):
        # "the thug should be jailed, his victim said": a demand for one person,
        # no sentence (for a generic group, "Killers should be sentenced to life"
        # speaks of those convicted)
        cues = tuple(
            c
            for c in cues
            if c[2] not in CONVICTION or not _SHOULD.search(text, max(0, c[0] - 24), c[0])
        )
    owner = _owner_of_person(text, start, end)
    if owner:
        # "The robber's accomplice was jailed", "The mother of the killer was
        # jailed": the clause's verbs are the other person's; a conviction is
        # never carried over to the label
        keep = attached if owner == "possessive" else []
        cues = tuple(c for c in cues if c in keep or c[2] not in CONVICTION or c[0] < start)
        attached = [c for c in attached if c in cues]
    if not cues:
        return GENERIC if plural and not determiner else UNKNOWN
    ca, cb = _clause(text, start, end)
    near = [c for c in cues if ca <= c[0] and c[1] <= cb]
    strong = [c for c in near if not c[4]]
    if strong and all(c[4] for c in attached):
        # "were identified from CCTV and are due to appear in court": a weak
        # cue of the label's own gives way to a strong one in its clause
        attached = []

    def dist(c: Cue) -> int:
        return start - c[1] if c[1] <= start else c[0] - end

    best: Cue | None
    if attached:
        # an appeal for a person "believed to have" done it is still an appeal
        best = min(attached, key=lambda c: (c[2] == "suspected", dist(c)))
    else:
        main = (
            None
            if strong
            else _main_verb(text, start, end, cues) or _their_own(text, end, cues, plural)
        )
        if main is not None:
            best, near, strong = main, [main], [main]
        else:
            best = _nearest(cues, strong or near, bool(near), dist)
            if best is None:
                return UNKNOWN
    best = _settle(text, best, cues, near, strong, attached, dist)
    if best[2] not in _SOUGHT and best not in attached and _introduced(text, start, ca, best):
        # "The court heard Shakira had contacted Fletcher-Ward, a known drug
        # dealer": an indefinite label inside the clause brings in someone new,
        # of whom the case's cues say nothing
        return UNKNOWN
    if best[2] == "suspected" and plural and not determiner and not near:
        return GENERIC
    if plural and not determiner and best[3].lower().startswith("if "):
        return GENERIC  # "would see young offenders treated as adults if convicted": a kind
    if best[4] and plural and not determiner:
        return GENERIC  # a place alone ("crown court") says nothing of a group
    return Status(best[2], best[3], best[4], best in attached)


_INDEFINITE = re.compile(
    r"\b(?:a|an)\s+(?:(?!(?:with|to|from|of|by|for|in|on|at|and|or)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_BARE_TITLE = re.compile(r"\b(?:with|to|from|by|for|against|alongside)\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)")
_CASE_OF = re.compile(
    r"\b(?:trials?|retrial|case|prosecution|sentencing|conviction|arrest|hearing|inquest)"
    r"\s+(?:of|for|against)\s*$",
    re.IGNORECASE,
)


# a hunt, an appeal or an arrest brings in the person it is for ("a manhunt for
# an armed robber"); only a court's or a sentence's cues are the case's own
_SOUGHT = frozenset({"wanted", "suspected", "arrested"})
# what makes an indefinite label the subject itself: its apposition ("Pearson,
# a prolific offender with ...") or its predicate ("became a prolific offender")
_SIDE_MENTION = re.compile(
    r"(?:,|\b(?:with|to|from|of|by|for|about|at|on|against|alongside|like))\s*$", re.IGNORECASE
)
_OF_THE_SUBJECT = re.compile(
    r"^\s*(?:[A-Z][\w'’-]+\s*)+,\s*$|\b(?:became|become|becomes|is|was|were|been|as)\s+$"
)


def _introduced(text: str, start: int, clause_start: int, cue: Cue) -> bool:
    """An indefinite label ("a drug dealer") that is neither its clause's
    opening subject nor said of it: someone new the sentence mentions (the
    cue is not its own modifier: "an alleged knife-wielding robber")."""
    m = _INDEFINITE.search(text, max(clause_start, start - 40), start)
    bare = m is None
    if m is None:
        # a bare label before a name right after a preposition ("a relationship
        # with inmate Andrew Roberts")
        m = _BARE_TITLE.search(text, max(clause_start, start - 30), start)
        if m is None or not _NAME_AFTER.match(text, start + len(text[start:].split(" ")[0])):
            return False
    if m.start() <= cue[0] < start:
        return False
    lead = text[clause_start : m.start()]
    if not re.search(r"\w", lead) or _OF_THE_SUBJECT.search(lead) is not None:
        return False
    if _CASE_OF.search(lead):
        return False  # "the trial of a man", "the arrest of dealer Ceon Broughton": theirs
    # in apposition to someone else ("contacted Fletcher-Ward, a known drug
    # dealer") or after a preposition ("bought heroin from a dealer"); a verb's
    # object may be the case's own ("ordered a suspected drug dealer to be released")
    return bare or _SIDE_MENTION.search(lead) is not None


# a clause of time right after the label's, whose subject is a pronoun for it:
# "GPS tracking for burglars ... when they are released from prison"
_PRONOUN_CLAUSE = re.compile(
    r"\s*,?\s*(?:when|after|once|until|before|as soon as)\s+(they|he|she)\s+"
    r"(?:(?:are|is|was|were|have|has|had|been|be|get|gets|got|finally|eventually)\s+){0,3}$",
    re.IGNORECASE,
)


def _their_own(text: str, end: int, cues: tuple[Cue, ...], plural: bool) -> Cue | None:
    """A conviction stage in the clause of time right after the label's, told
    of a pronoun that agrees with the label ("... for burglars when they are
    released from prison", "... the burglar until he is jailed")."""
    for c in cues:
        if c[0] < end or c[4] or c[2] not in CONVICTION:
            continue
        m = _PRONOUN_CLAUSE.search(text, max(end, c[0] - 40), c[0])
        if m is None or _CLAUSE_CUT.search(text, end, m.start()) is not None:
            continue
        if (m.group(1).lower() == "they") == plural:
            return c
    return None


def _nearest(
    cues: tuple[Cue, ...], pool: list[Cue], in_clause: bool, dist: Callable[[Cue], int]
) -> Cue | None:
    """The nearest cue of the label's clause, else of the sentence; a
    conviction is never read from another clause (it may be someone else's)."""
    best = min(pool or [c for c in cues if not c[4]] or list(cues), key=dist)
    if best[2] in CONVICTION and not in_clause:
        others = [c for c in cues if c[2] in PRE_VERDICT and not c[4]]
        return min(others, key=dist) if others else None
    return best


def _settle(
    text: str,
    best: Cue,
    cues: tuple[Cue, ...],
    near: list[Cue],
    strong: list[Cue],
    attached: list[Cue],
    dist: Callable[[Cue], int],
) -> Cue:
    """The cue that holds once the others in the sentence are weighed."""
    denial = [c for c in near if c[2] in ("charged", "on_trial") and _DENIAL.match(c[3])]
    if best[2] in CONVICTION and denial and best not in attached:
        # "denies ..., jailed"? a denial or allegation in the same clause wins
        best = min(denial, key=dist)
    if best[2] == "on_trial" and _ACQUITTAL.match(best[3]):
        # "cleared of murder but convicted of manslaughter": the verdict on the
        # other count stands
        verdict = [c for c in strong if c[2] in CONVICTION and c[0] > best[0]]
        if verdict:
            best = min(verdict, key=dist)
    if best[2] in ("arrested", "charged") and not _DENIAL.match(best[3]):
        # "was caught with 2kg of cocaine and jailed for seven years", "was
        # arrested in a dawn raid and later charged": the same subject's next
        # verb takes the case on
        gone_on = [
            c
            for c in strong
            if c[2] in _FURTHER[best[2]]
            and c[0] > best[1]
            and _SAME_SUBJECT.fullmatch(text, best[1], c[0])
        ]
        if gone_on:
            best = min(gone_on, key=dist)
    if best[2] in _STAGE:
        # "admitted robbery and was jailed", "the sentences of the three killers
        # [went] to the Court of Appeal": the furthest stage, same person, same clause
        later = [c for c in strong if _STAGE.get(c[2], 0) > _STAGE[best[2]]]
        if later:
            best = min(later, key=dist)
    if best[2] == "charged":
        # "who denies arson, told the court": a trial is running
        trial = [c for c in cues if c[2] == "on_trial" and _TRIAL_RUNNING.search(c[3])]
        if trial and not any(c[2] in CONVICTION for c in near):
            best = min(trial, key=dist)
    if best[2] == "suspected" and best in near:
        # "Detectives arrested a woman ... and said they believed the fraudster
        # had ...": the person the police believe did it is the one they hold
        held = [c for c in cues if c[2] == "arrested" and not c[4] and c not in near]
        if held:
            best = min(held, key=dist)
    return best


# --- one flagged label in a tagged sentence ------------------------------------

# a singular label as the first of two nouns is a kind, not a person ("inmate
# numbers", "offender rehabilitation", "thug culture"), unless the second names
# the person ("killer nurse", "thug boyfriend")
_PERSON_NOUNS = frozenset(
    "man men woman women boy boys girl girls teen teens teenager teenagers nurse nurses "
    "dad mum father mother son daughter brother sister husband wife boyfriend girlfriend "
    "partner uncle aunt gran grandfather grandmother pensioner student pupil doctor "
    "teacher cop officer soldier priest couple pair duo".split()
)
# ... or a group of actual people ("paedophile ring", "drug dealer lists")
_GROUP_NOUNS = frozenset(
    "ring rings gang gangs network networks chatroom chatrooms list lists cell cells group "
    "groups forum forums".split()
)
_COLLECTIVES = r"(?:group|gang|team|pair|band|mob|crowd|couple|trio|duo|horde|bunch|handful|pack)"
_GENERIC_QUANTIFIERS = frozenset({"every", "any", "no", "per"})
_STATUS_DETS = frozenset(
    "the a an this that these those both two three four five six seven eight nine ten "
    "his her their its my our your".split()
)
_VERB_TAGS = ("VB", "MD")


def status_of(c: Candidate, s: Sentence, plural: bool) -> Status:
    """The status for candidate ``c`` of a tagged sentence: the cues
    (:func:`status_for`) and what the tags say of the label's use: a noun
    modifier or "every inmate" is a kind of person (a generic group); a bare
    plural doing something in the past or in a headline ("Burglars burgled
    40 homes", "Thugs attack bus driver") is particular people."""
    prev = s.word_before(c.start)
    if prev is not None and s.text[prev[1] : c.start].strip() != "":
        prev = None
    prev_word = prev[2].lower() if prev is not None else ""
    if not plural and prev_word in _GENERIC_QUANTIFIERS:
        return GENERIC  # "every inmate at the jail", "no inmate has escaped": nobody in particular
    det = prev_word in _STATUS_DETS
    if det and prev_word == "that" and prev is not None:
        tok = s.token_before(c.start)
        det = tok is None or tok.tag == "DT"  # "warns that criminals": a conjunction
    got = status_for(s.text, c.start, c.end, plural=plural, determiner=det)
    if got.attached:
        return got
    nxt = s.token_after(c.end)
    if (
        not plural
        and not c.possessive
        and nxt is not None
        and nxt.start == c.end + 1
        and (nxt.tag in ("NN", "NNS") or nxt.tag == "JJ" and _noun_after(s, nxt.end))
        and nxt.text.lower() not in _PERSON_NOUNS
        and nxt.text.lower() not in _GROUP_NOUNS
        and nxt.text[:1].islower() | (c.text[:1].isupper() and nxt.text[:1].isupper())
    ):
        return GENERIC  # "inmate numbers", "Thug culture", "offender accommodation"
    if got.value in ("group_generic", "unknown") and plural and not det:
        handled = _handled_group(s, c.start)
        if handled is not None:
            return handled
    if got.value == "group_generic" and plural:
        if _particular(c, s, prev_word):
            return UNKNOWN
    elif got.value == "unknown" and not plural and prev_word in ("a", "an"):
        if nxt is not None and nxt.tag == "MD":
            return GENERIC  # "an inmate can be removed from suicide watch only if ..."
    if got == UNKNOWN and s.context is not None and needs_context(s.text, c.start):
        # "Police are hunting a man ... The rapist is described as ...": the
        # neighbours say what this sentence does not (framing.engine reads them)
        return Status(s.context[0], s.context[1])
    return got


# a grade of offence before a bare plural ("low-level offenders") in talk of
# what the justice system does with people after a verdict: reoffending, the
# sentencing regime; a group only a court can put there ("rehabilitate
# low-level criminals" alone may be diversion before any court: no status)
_GRADE_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+(?:-[a-z]+)?) $")
_OFFENCE_GRADES = frozenset({"low-level", "petty", "minor", "serious", "violent", "persistent"})
_AFTER_VERDICT = re.compile(
    r"\b(?:reoffend\w*|re-offend\w*|sentencing\s+(?:failures?|system|"
    r"measures?|reforms?|regime|policy|policies))\b",
    re.IGNORECASE,
)


def _handled_group(s: Sentence, start: int) -> Status | None:
    """ "efforts to rehabilitate low-level criminals to reduce reoffending", "sentencing failures
    left low-level offenders stuck": people graded by their offence whom the
    sentencing system deals with are people convicted (the policy's "plainly
    known from the text"), not people who may one day offend."""
    grade = _GRADE_BEFORE.search(s.text, max(0, start - 24), start)
    if grade is None or grade.group(1).lower() not in _OFFENCE_GRADES:
        return None
    m = _AFTER_VERDICT.search(s.text)
    return Status("convicted", m.group()) if m is not None else None


_HEADLINE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def _particular(c: Candidate, s: Sentence, prev_word: str) -> bool:
    """A bare plural that names particular people: it did something (past
    tense: "Police said thieves broke into the museum"), or a headline opens
    with it ("Thugs attack bus driver", "Inmates Stage Rooftop Protest"), or
    "a group of"/"a gang of" them."""
    if re.search(
        r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?" + _COLLECTIVES + r"\s+of\s+(?:[\w-]+\s+){0,2}$",
        s.text[max(0, c.start - 60) : c.start],
        re.IGNORECASE,
    ):
        return True  # "a group of thugs fighting", "a gang of three teenage thieves"
    headline = not _HEADLINE_END.search(s.text) and len(s.words) <= 16
    if headline and not s.text[: c.start].strip():
        # a headline that opens with the label tells of an event ("Thugs attack
        # bus driver"); not a bare list, a "who" clause or a generic verb
        # ("Burglars, robbers and car thieves"; "Criminals who assault ... will
        # face"; "Burglars Really Do Use ...")
        rest = s.words_after(c.end, 6)
        verbs = [w.lower() for w in rest if w.lower() not in _LIST_WORDS]
        first = rest[0].lower() if rest else ""
        return (
            bool(rest)
            and first not in _GENERIC_NEXT
            and not (first in ("and", "or") and len(verbs) <= 2)
            and not (len(rest) <= 4 and "and" in (w.lower() for w in rest))
        )
    after_cc = False
    for t in s.tokens or []:
        if t.start < c.end:
            continue
        if t.tag.startswith(_VERB_TAGS):
            # "checks on inmates and falsified records": another subject's verb
            if after_cc:
                return False
            if t.tag == "VBD" or headline and t.tag in ("VBZ", "VBP"):
                return True
            # "Thieves and vandals have targeted the allotments three times this
            # year": the present perfect of a deed, an event
            nxt = s.token_after(t.end)
            return (
                t.text.lower() in ("have", "has")
                and nxt is not None
                and nxt.tag == "VBN"
                and nxt.text.lower() not in _STATE_PARTICIPLES
            )
        after_cc = t.tag == "CC"
        if t.tag in ("RB", "WP", "WDT", "NNP", "NNPS", "POS", ",", "CC", "NNS", "NN", "JJ", "HYPH"):
            continue  # "Looters, arsonists and vandals caused ...": the list's verb
        if t.text in ("who", "that"):
            continue
        return False
    return False


_LIST_WORDS = frozenset({"and", "or", "car", "other"})
# a perfect that tells a standing state, not a deed ("criminals have long been")
_STATE_PARTICIPLES = frozenset({"been", "become", "always", "long", "got"})
_GENERIC_NEXT = frozenset(
    "are is must should can will would may might who that really do often always never".split()
)


def _noun_after(s: Sentence, offset: int) -> bool:
    t = s.token_after(offset)
    return t is not None and t.tag in ("NN", "NNS")


# --- the sentence's neighbours ------------------------------------------------------

CONTEXT_CHARS = 1500  # how far back, past the label's paragraph, the earlier text is read
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|his|her|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
Context = tuple[str, str]  # (status, the cue and where it was)


def needs_context(sentence: str, start: int) -> bool:
    """A label with no status of its own that refers back to someone already
    named ("the burglar", "these thieves"): only these read their
    neighbours."""
    return _DEFINITE.search(sentence, max(0, start - 40), start) is not None


def context_status(text: str, at: int, headline: str = "") -> Context | None:
    """What the text before offset ``at`` (the same paragraph, then the earlier
    paragraphs, then the headline) establishes, for a label whose own sentence
    says nothing: the nearest cue.  A conviction is read only from a text whose
    earlier cues are all convictions (a court report); where the earlier text
    also speaks of a hunt, an arrest or a charge, it may be someone else's, so
    the nearest pre-verdict cue is used instead.

    The text is read a sentence at a time, nearest first, each sentence's cues
    cached by its text (``_cues``): re-checking a draft after an edit rescans
    only the edited sentence, whatever moved."""
    para = text.rfind("\n", 0, at) + 1
    windows = (
        (max(para, at - CONTEXT_CHARS), at, "earlier in the paragraph"),
        (max(0, para - CONTEXT_CHARS), para, "earlier in the article"),
    )
    first: tuple[Cue, str] | None = None
    for lo, hi, where in windows:
        for c in _cues_back(text, lo, hi):
            if c[2] in PRE_VERDICT:
                return c[2], f"{c[3]} ({where})"  # the nearest hunt, arrest or charge
            if first is None:
                first = (c, where)
    for c in _cues_back(headline, 0, len(headline)):
        if c[2] in PRE_VERDICT:
            return c[2], f"{c[3]} (in the headline)"
        if first is None:
            first = (c, "in the headline")
    if first is None:
        return None
    # every cue before is a conviction: a report of one case's outcome
    return first[0][2], f"{first[0][3]} ({first[1]})"


_PIECE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def _cues_back(text: str, lo: int, hi: int) -> Iterator[Cue]:
    """The strong cues of ``text[lo:hi]``, nearest to ``hi`` first, read
    sentence by sentence (quotations masked: someone else's words)."""
    if hi <= lo:
        return
    cuts = [lo] + [m.end() for m in _PIECE_END.finditer(text, lo, hi)] + [hi]
    for a, b in zip(reversed(cuts[:-1]), reversed(cuts[1:]), strict=True):
        if b <= a:
            continue
        piece = text[a:b]
        masked = (
            _QUOTED.sub(lambda m: " " * len(m.group()), piece)
            if '"' in piece or "“" in piece
            else piece
        )
        for c in reversed(_cues(masked)):
            if not c[4]:
                yield c
