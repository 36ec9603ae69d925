"""What only the whole document can settle, decided after the per-sentence
analysis (which is cached by sentence text and so cannot see its neighbours).

Each ``Hit`` lists the checks that may still exempt it (``Hit.scopes``):

- ``name:<word>``: a label word that opens its sentence with a capital
  ("Savage's future", "Flood said") is a surname when the same document
  writes it as a proper name elsewhere ("Paul Savage, 29", "Mr Flood").
  Capitals never exempt a word by themselves (policy): only the document's
  own evidence does.
- ``animal``: a word with a literal animal sense ("animals", "beasts") that
  nothing in its sentence points at people, in a document about animals
  ("banned from owning an animal", "unnecessary suffering to animals" in an
  animal-cruelty case).
- ``nature``: a label of people that nothing in its sentence points at
  people, in a text about animals in nature, a study or sport that reports no
  crime (a fossil crocodile's "juveniles", "robber crabs"): the animals.
- ``captive``: "prisoner" in a paragraph about hostages, kidnap victims or
  war captives, where no exchange sets state prisoners against them (policy:
  captives are not flagged; people held by a state's justice system are).
- ``addiction``: a bare "addict" or "junkie" in a text that names an
  addiction outside drug use ("a gambling addict") and none to drugs or drink.
- ``group``: a label naming a group or its members ("paedophile ring",
  "this elite group of offenders") in a text that says such a group never
  existed ("false claims of a VIP paedophile ring"): no real person is labelled.
- ``consensual`` / ``dispute``: "sex scandal", "romp" in a text about an
  affair that says nothing of abuse, coercion, harassment or violence; a
  "domestic dispute" in a text with neither abuse nor police: a consensual
  relationship, an argument.
- ``frame``: a label in a paragraph that sets up a fictional or hypothetical
  frame (a film's plot, a game, a parody, the prisoner's dilemma, "imagine a
  burglar..."), where the sentence itself names nothing real.  A frame runs on
  into the next paragraphs while they keep to it (the same labels or more
  frame words) and bring in nothing real (policy: hypothetical, generic and
  fictional people are not flagged; a claim about a real group is).

Everything here is a single pass over the text with regexes: no tagging, and
memory that grows with the number of paragraphs, not with their length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from framing.quotes import QuoteMap, paragraphs

# --- animals ---------------------------------------------------------------

_ANIMAL_WORDS = re.compile(
    r"\b(?:rspca|sspca|ispca|dspca|pdsa|cruelty|animal welfare|vet|vets|veterinary|pets?|"
    r"livestock|farm animals?|dogs?|puppy|puppies|cats?|kittens?|horses?|ponies|pony|"
    r"sheep|cattle|cows?|pigs?|hens?|chickens?|rabbits?|birds?|parrots?|snakes?|"
    r"tortoises?|ferrets?|hamsters?|guinea pigs?|goats?|donkeys?|wildlife|zoo|"
    r"kennels?|stables?|rescue centre|sanctuary|owning an animal|keeping animals|"
    r"unnecessary suffering|animal welfare act)\b",
    re.I,
)
# the natural world: a text about animals in the wild, in a study or in sport
# (a fossil crocodile's "juveniles", seagulls "45 juveniles and 50 adults",
# a racehorse "as a juvenile", "robber crabs")
_NATURE_WORDS = re.compile(
    r"\b(?:species|fossils?|fossili[sz]ed|palaeontolog\w*|paleontolog\w*|zoolog\w*|biolog\w*|"
    r"ecolog\w*|habitats?|wildlife|marine|mammals?|reptiles?|dinosaurs?|ichthyosaurs?|"
    r"crocodil\w*|alligators?|sloths?|birds?|gulls?|seagulls?|whales?|dolphins?|sharks?|"
    r"crabs?|fish|insects?|primates?|apes?|lions?|tigers?|bears?|wolves|foxes|deer|"
    r"horses?|foals?|colts?|fillies|filly|mares?|stallions?|thoroughbreds?|racehorses?|"
    r"nests?|hatchlings?|offspring|predat(?:ion|ory)|prey|herds?|flocks?|plumage|"
    r"strandings?|stranded|migrat(?:e|ed|ion|ory))\b",
    re.I,
)
NATURE_CUES = 3  # different nature words that make a text about animals --------------------------------------------------------------

# what makes "sex scandal", "romp", "domestic dispute" minimise abuse (policy:
# flag where the story is about abuse, exploitation, coercion or harassment; not
# for consensual adult relationships or sport)
ABUSE = re.compile(
    r"\b(?:abuse[ds]?|abusing|abusive|abuser|assault(?:ed|s|ing)?|rap(?:e|ed|es|ist|ing)|"
    r"harass(?:ed|ment|ing)?|coerc(?:ed|ion|ive|ing)|exploit(?:ed|ation|ing)?|groom(?:ed|ing)|"
    r"victims?|survivors?|underage|under-age|schoolgirl|schoolboy|minor|minors|child|children|"
    r"\d{1,2}-year-old|consent|non-consensual|indecent|molest(?:ed|ation|ing)?|paedophil\w*|"
    r"trafficking|trafficked|violen(?:ce|t)|attack(?:ed|s)?|beat(?:en|ing)?|punch(?:ed|ing)?|"
    r"strangl(?:ed|ing)|strangulation|stabb(?:ed|ing)|kill(?:ed|ing)|murder(?:ed)?|injur(?:ed|ies|y)|"
    r"controlling|refuge|restraining order|pupils?|schoolchild(?:ren)?|boys?|girls?|"
    r"teen(?:s|ager|agers)?|youngsters?)\b",
    re.I,
)
# what says a relationship was between consenting adults
CONSENSUAL = re.compile(
    r"\b(?:affair|affairs|consensual|mistress|lover|lovers|fling|adultery|adulterous|"
    r"extramarital|extra-marital|cheated|cheating|infidelity|two-timing|romance|dating|"
    r"relationship with (?:a |his |her )?(?:colleague|married|fellow))\b",
    re.I,
)
POLICE = re.compile(r"\b(?:police|officers?|999|arrest(?:ed)?|charged|court)\b", re.I)

# --- captives ----------------------------------------------------------------

# held by an armed group, kidnapped, taken hostage
HOSTAGE = re.compile(
    r"\b(?:hostages?|captives?|captivity|captors?|kidnap(?:ped|per|pers|ping|s)?|"
    r"abduct(?:ed|ion|ions|or|ors)?|held by (?:the )?(?:hamas|taliban|isis|isil|islamic state|"
    r"al-qaeda|al qaeda|al-shabaab|boko haram|houthis?|hezbollah|militants|militia|rebels|"
    r"insurgents|jihadists|pirates|gunmen|kidnappers|captors|an armed group))\b",
    re.I,
)
# war captives
WAR = re.compile(
    r"\b(?:prisoners? of war|pows?|war captives|captured (?:soldiers|troops|fighters|servicemen)|"
    r"(?:soldiers|troops|servicemen|fighters) (?:were |had been )?captured|front ?line|battlefield|"
    r"taken prisoner|held prisoner|kept prisoner|war prisoners?|"
    # "keep your cash prisoner", "held him prisoner": the idiom of captivity
    r"(?:keep|keeps|keeping|kept|hold|holds|holding|held|take|takes|taking|took|taken)\s+"
    r"(?:(?!(?:the|a|an|this|that|another|one|every|each)\b)[\w'’]+\s+){1,2}prisoner(?!s|['’]))\b",
    re.I,
)
# camps where a state or an occupier held people outside any justice system
# (internment, concentration and forced-labour camps): their "prisoners" are
# captives (realnews GUIDE 8); "prison camp" is one, not a sign of a jail
CAMP = re.compile(
    r"\b(?:(?:internment|concentration|death|extermination|(?:forced[- ])?labou?r|"
    r"prison|prisoner[- ]of[- ]war|pow|detention) camps?|internees?|interned|"
    r"gulags?|auschwitz|belsen|dachau)\b",
    re.I,
)
# the people are held by a state's justice system (a jail, a sentence, an
# exchange against hostages): the policy applies to them
STATE_DETENTION = re.compile(
    r"\b(?:jail|jails|jailed|gaol|prisons?|sentenced|sentence|convicted|serving|parole|"
    r"guantanamo|detention centre|immigration removal|hmp|in exchange for|exchanged for|"
    r"swap(?:ped)? for|traded for|in return for|release of)\b",
    re.I,
)


def state_detention(text: str) -> bool:
    """The text says people are held by a state's justice system; a camp
    ("a former Chilean prison camp") is not that."""
    return bool(STATE_DETENTION.search(CAMP.sub(" ", text)))


CAPTIVE_REACH = 2  # paragraphs a captive scope runs on without cues of its own
EXCHANGE = re.compile(
    r"\b(?:in exchange for|exchanged for|swap(?:ped)? for|traded for|in return for|"
    r"for the release of|release of .{0,40}? prisoners)\b",
    re.I,
)


# --- the kind of addiction a text is about ------------------------------------

_NON_DRUG = (
    r"(?:gambling|betting|gaming|casino|slots|porn|pornography|shopping|social media|internet|"
    r"video[- ]games?|online games?|sugar|food|exercise|work|love|sex)"
)
_DRUG = (
    r"(?:drugs?|heroin|crack|cocaine|coke|opioids?|opiates?|meth|methamphetamine|cannabis|"
    r"spice|ketamine|alcohol|booze|drink|pills?|painkillers?|fentanyl|substances?|smack)"
)
# "a gambling addict", "gambling addiction", "addicted to betting"
NON_DRUG_ADDICTION = re.compile(
    r"\b" + _NON_DRUG + r"\s+(?:addicts?|addiction|addictions|junkies?)\b"
    r"|\baddicted to (?:online )?" + _NON_DRUG + r"\b",
    re.I,
)
DRUG_ADDICTION = re.compile(
    r"\b" + _DRUG + r"\s+(?:addicts?|addiction|addictions|junkies?|dependency|dependence|abuse)\b"
    r"|\baddicted to " + _DRUG + r"\b",
    re.I,
)


# --- fabricated groups ----------------------------------------------------------

# the text says a group of offenders never existed (Carl Beech's "false claims
# of an establishment paedophile ring", "there was no VIP paedophile ring"):
# labels of that group's members label no real person (realnews GUIDE 21)
_GROUP = r"(?:ring|network|group|gang|cabal|cell)s?"
FABRICATED = re.compile(
    r"\b(?:(?:false|fabricated|invented|made-up|bogus|fictitious|fake|non-existent|imaginary)\s+"
    r"(?:claims?|allegations?|accounts?|stor(?:y|ies)|tales?)\s+(?:of|about)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?" + _GROUP + r"|there (?:was|were) (?:no|never an?)\s+"
    r"(?:[\w-]+\s+){0,3}?" + _GROUP + r"|(?:never|did not|didn['’]t) exist(?:ed)?)\b",
    re.I,
)
# a label naming the group or its members: "paedophile ring", "group of offenders"
GROUP_AFTER = re.compile(r"^['’]?s?\s+" + _GROUP + r"\b", re.I)
GROUP_BEFORE = re.compile(r"\b" + _GROUP + r"\s+of\s+(?:[\w-]+\s+)?$", re.I)


# --- fictional and hypothetical frames -----------------------------------------

# words that set up a frame on their own
_STRONG_FRAME = re.compile(
    r"\b(?:(?:in|of) the (?:(?-i:[A-Z][\w-]+)\s+|new\s+|hit\s+|latest\s+|upcoming\s+)?"
    r"(?:film|movie|novel|book|series|show|play|episode|sitcom|drama|"
    r"musical|pantomime|panto|parody|sketch|cartoon|comic|video game|fairy tale|fable)|"
    r"fictional|fictitious|protagonist|storyline|plotline|the plot of|screenplay|parody|spoof|"
    r"satire|satirical|gameplay|video game|board game|role-playing|thought experiment|"
    r"hypothetical(?:ly)?|prisoners?['’] dilemma|game theory|parable|fable|fairy tale|"
    r"let['’]s say|picture this|for the sake of argument|"
    # casting: an actor plays the label, so the label is a role
    r"played by (?-i:[A-Z])\w*|(?:taken on |takes on |take on |plays |played |playing )?the (?:role|part) of an?|"
    r"stars as|starring as|cast as|upcoming (?:comedy|film|movie|thriller|horror|series|drama)|"
    # a soap's audience watching its plot ("Emmerdale fans stunned as ...")
    r"(?-i:Emmerdale|EastEnders|Coronation Street|Corrie|Hollyoaks|Neighbours|Home and Away|"
    r"The Archers|Doctors|Casualty|Holby City) (?:fans|viewers|spoilers?|storyline|plot|twist))\b"
    r"|(?:^|[.!?:]\s+|[“\"‘']\s*)(?:imagine|suppose)\s+(?:a|an|that|you|if|for)\b",
    re.I,
)
# words that set up a frame when two different ones meet, or keep one going;
# none that sport or court reports use every day ("game", "season", "character")
_WEAK_FRAME = re.compile(
    r"\b(?:film|films|movie|movies|novel|novels|episode|episodes|sitcom|drama|thriller|"
    r"starring|actor|actress|director|trailer|premiere|sequel|franchise|comedy|cartoon|"
    r"character|characters|villain|villains|hero|heroine|chapter|screen|"
    r"payoff|pay-off|payoffs|cooperate|co-operate|defect|defects|betray|betrays|dilemma)\b",
    re.I,
)
# what a real story says that fiction rarely does
REALITY = re.compile(
    r"\b(?:real[- ]life|in reality|in real life|true story|true crime|true-crime|based on|"
    r"documentary|inquest|court heard|told the court|appeared at|magistrates|crown court|"
    r"police said|detectives|was jailed|were jailed|been jailed|is serving|was sentenced|"
    r"were sentenced|pleaded guilty|found guilty|convicted of|hmp|hmyoi|home office|"
    r"ministry of justice|aged \d+|\w+, \d{2},|court|arrested|charged|jailed|sentenced|"
    r"convicted|prosecutors|detectives)\b",
    re.I,
)


REAL_CUES = 2  # different reality cues that make a whole text a report of real events
FRAME_REACH = 6  # paragraphs back a frame is looked for
CONTINUE_REACH = 2  # paragraphs a frame runs on by its labels alone
# a "paragraph" longer than this (text without line breaks: a feed item, a
# paste) is taken a few sentences at a time, so one cue cannot frame it all
BLOCK_CHARS = 800
_SENTENCE_CUT = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    for a, b in paragraphs(text) or [(0, len(text))]:
        while b - a > BLOCK_CHARS:
            cuts = [
                m.end() for m in _SENTENCE_CUT.finditer(text, a + BLOCK_CHARS // 2, a + BLOCK_CHARS)
            ]
            if not cuts:
                m = _SENTENCE_CUT.search(text, a + BLOCK_CHARS, b)
                if m is None:
                    break
                cuts = [m.end()]
            yield a, cuts[-1]
            a = cuts[-1]
        yield a, b


class Discourse:
    """Document-level context of one analysed text."""

    def __init__(self, text: str, quotes: QuoteMap, names: frozenset[str] = frozenset()):
        self.text = text
        self.quotes = quotes
        self.names = set(names)
        self.paras = list(_blocks(text))
        self._starts = [a for a, _ in self.paras]
        self._animal_story: bool | None = None
        self._nature_story: bool | None = None
        self._real_story: bool | None = None
        self._abuse: dict[tuple[bool], bool] = {}
        self._fabricated: bool | None = None
        self._non_drug: bool | None = None
        self._captive: dict[int, bool] = {}
        self._captive_gap: dict[int, int] = {}  # paragraphs since one with captive cues
        self._frame: dict[int, bool] = {}
        self._frame_entries: dict[int, set[str]] = {}
        self._gap: dict[int, int] = {}  # paragraphs since the last with frame words

    # --- where ------------------------------------------------------------
    def paragraph(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def _ptext(self, k: int) -> str:
        a, b = self.paras[k]
        return self.text[a:b]

    # --- the checks -----------------------------------------------------------
    def exempts(self, scopes: tuple[str, ...], offset: int, entry: str) -> str | None:
        """The reason a document-level check exempts a hit at ``offset``, or None."""
        for scope in scopes:
            if scope.startswith("name:"):
                if scope[5:] in self.names:
                    return f"'{scope[5:]}' is a name elsewhere in this text"
            elif scope in ("captive", "frame"):
                why = self._paragraph_exempts(scope, self.paragraph(offset), entry)
                if why:
                    return why
            else:
                why = self._text_exempts(scope)
                if why:
                    return why
        return None

    def _text_exempts(self, scope: str) -> str | None:
        """The checks the whole text settles at once."""
        if scope == "animal" and self.animal_story():
            return "animals in a story about animals"
        if scope == "nature" and self.nature_story():
            return "animals in a text about the natural world"
        if scope == "addiction" and self.non_drug_addiction():
            return "this text is about an addiction other than drugs"
        if scope == "group" and self.fabricated_group():
            return "a group this text says never existed"
        if (
            scope == "consensual"
            and not self.abuse_story(police=False)
            and CONSENSUAL.search(self.text)
        ):
            return "a consensual relationship, and nothing in this text says abuse"
        if scope == "dispute" and not self.abuse_story(police=True):
            return "nothing in this text says abuse or a police matter"
        return None

    def _paragraph_exempts(self, scope: str, k: int, entry: str) -> str | None:
        """The checks a paragraph and those before it settle."""
        if scope == "captive":
            return "a captive in a paragraph about hostages or war" if self.captive(k) else None
        if self.framed(k) or self._continues(k, entry):
            self._frame_entries.setdefault(k, set()).add(entry)
            return "inside a fictional or hypothetical frame"
        return None

    def saw_fiction(self, offset: int, entries: Iterable[str]) -> None:
        """Labels a sentence rule exempted as fiction: the frame is about them."""
        self._frame_entries.setdefault(self.paragraph(offset), set()).update(entries)

    def _continues(self, k: int, entry: str) -> bool:
        """The paragraph before was about the same fictional or hypothetical
        people (the same label exempted there), and this one names nothing real."""
        if k == 0 or entry not in self._frame_entries.get(k - 1, ()):
            return False
        if REALITY.search(self._ptext(k)):
            return False
        # at most CONTINUE_REACH paragraphs past the last one with frame words
        # of its own: the same label in paragraph after paragraph is not a frame
        gap = self._gap.get(k - 1, 0) + 1
        if gap > CONTINUE_REACH:
            return False
        self._gap[k] = gap
        self._frame[k] = True
        return True

    def abuse_story(self, police: bool) -> bool:
        key = (police,)
        if key not in self._abuse:
            self._abuse[key] = bool(
                ABUSE.search(self.text) or (police and POLICE.search(self.text))
            )
        return self._abuse[key]

    def non_drug_addiction(self) -> bool:
        """The text names an addiction outside drug use ("a gambling addict")
        and none to drugs or drink: its bare "addicts" are that kind
        (realnews GUIDE 19), as in "protection for addicts with its Stop the
        Gambling Predators campaign"."""
        if self._non_drug is None:
            self._non_drug = bool(NON_DRUG_ADDICTION.search(self.text)) and not (
                DRUG_ADDICTION.search(self.text)
            )
        return self._non_drug

    def fabricated_group(self) -> bool:
        if self._fabricated is None:
            self._fabricated = bool(FABRICATED.search(self.text))
        return self._fabricated

    def animal_story(self) -> bool:
        if self._animal_story is None:
            found = {m.group().lower() for m in _ANIMAL_WORDS.finditer(self.text)}
            self._animal_story = len(found) >= 2
        return self._animal_story

    def captive(self, k: int) -> bool:
        """The paragraph is about captives: its own cues (hostages, war, a
        camp) with no exchange against state prisoners, or it runs on from
        one that was (Foley's "fellow prisoners" the paragraph after "murdered
        by his captors") for up to CAPTIVE_REACH paragraphs that say nothing
        of a state's jails."""
        if k not in self._captive:
            # forwards from a few paragraphs back, so no deep recursion
            lo = k
            while lo > 0 and k - lo < CAPTIVE_REACH and lo - 1 not in self._captive:
                lo -= 1
            for j in range(lo, k + 1):
                if j in self._captive:
                    continue
                p = self._ptext(j)
                own = bool(WAR.search(p) or CAMP.search(p)) or (
                    bool(HOSTAGE.search(p)) and not EXCHANGE.search(p)
                )
                if own:
                    self._captive_gap[j] = 0
                elif j > 0 and self._captive.get(j - 1) and not state_detention(p):
                    gap = self._captive_gap.get(j - 1, 0) + 1
                    own = gap <= CAPTIVE_REACH
                    self._captive_gap[j] = gap
                self._captive[j] = own
        return self._captive[k]

    def nature_story(self) -> bool:
        """The text is about animals and reports no real crime or court: its
        people-labels with nothing human about them ("5 juveniles and two
        newborns", "robber crabs") are the animals (policy: non-human referents)."""
        if self._nature_story is None:
            found = {m.group().lower() for m in _NATURE_WORDS.finditer(self.text)}
            found |= {m.group().lower() for m in _ANIMAL_WORDS.finditer(self.text)}
            self._nature_story = len(found) >= NATURE_CUES and not self.real_story()
        return self._nature_story

    def real_story(self) -> bool:
        """The text reports real events: two different reality cues anywhere
        in it ("court", "convicted of", "true story", "arrested").  In such a
        text, film and TV words ("drama", "episode") are about a dramatisation
        of real people (an ITV drama about Banaz Mahmod's killers, a
        documentary's serial killers), so only an explicit frame ("in the
        film", "fictional", "hypothetically") makes one of them fiction."""
        if self._real_story is None:
            # read block by block, each block's cues cached by its text, and
            # stop at the second different cue: a re-check of a long draft
            # rescans only the blocks that changed (the answer is the same)
            found: set[str] = set()
            for k in range(len(self.paras)):
                found |= _reality_words(self._ptext(k))
                if len(found) >= REAL_CUES:
                    break
            self._real_story = len(found) >= REAL_CUES
        return self._real_story

    def _opens_frame(self, p: str) -> bool:
        if _real_in(p):
            return False
        if _strong_in(p):
            return True
        if self.real_story():
            return False
        return _weak_in(p) >= 2

    def framed(self, k: int) -> bool:
        if k not in self._frame:
            # a frame runs on while each paragraph keeps to it (a frame word of
            # its own) and brings in nothing real; computed forwards from a few
            # paragraphs back, so a long text needs no deep recursion
            lo = k
            while lo > 0 and k - lo < FRAME_REACH and lo - 1 not in self._frame:
                lo -= 1
            for j in range(lo, k + 1):
                if j in self._frame:
                    continue
                p = self._ptext(j)
                framed = self._opens_frame(p)
                if not framed and j > 0 and self._frame.get(j - 1):
                    framed = not _real_in(p) and (_weak_in(p) > 0 or _strong_in(p))
                self._frame[j] = framed
        return self._frame[k]


# What one paragraph (block) says for and against a frame, each cached by the
# paragraph's text: re-checking a draft after an edit reads only the
# paragraphs that changed (these searches were half the time of a 1,000-word
# re-check); each is still only worked out when asked, as before.
@lru_cache(maxsize=2048)
def _reality_words(p: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in REALITY.finditer(p))


def _real_in(p: str) -> bool:
    return bool(_reality_words(p))


@lru_cache(maxsize=2048)
def _strong_in(p: str) -> bool:
    return _STRONG_FRAME.search(p) is not None


@lru_cache(maxsize=2048)
def _weak_in(p: str) -> int:
    """How many different weak frame words."""
    return len({m.group().lower() for m in _WEAK_FRAME.finditer(p)})
