"""Policy exemption 4: animals, diseases, software, objects and sport."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence
from framing.senses import kind, senses

if TYPE_CHECKING:
    from framing.index import Index

ANIMALS = frozenset(
    """
animal animals whale whales orca orcas shark sharks cat cats kitten kittens dog dogs puppy
fox foxes wolf wolves lion lions tiger tigers bear bears bee bees wasp wasps hornet hornets
spider spiders snake snakes crocodile crocodiles croc alligator pig pigs hog hogs boar goat
goats horse horses pony ponies pigeon pigeons gull gulls seagull seagulls bird birds rat rats
mouse mice squirrel squirrels rabbit rabbits deer mink ferret ferrets parakeet parakeets
fish ant ants eagle eagles hawk hawks owl owls bat bats monkey monkeys ape apes cattle cow
cows sheep chicken chickens hen hens insect insects mosquito mosquitoes beetle beetles
dinosaur dinosaurs predator's livestock wildlife species ray rays manta mantas squid octopus
octopuses dolphin dolphins seal seals turtle turtles elephant elephants
""".split()
)
DISEASE = frozenset(
    """
virus viruses disease diseases flu influenza bug bugs bacteria bacterium infection infections
cancer cancers pandemic epidemic sars covid covid-19 coronavirus superbug superbugs fungus
heatwave heat storm storms smog pollution illness illnesses condition conditions drug drugs
outbreak outbreaks strain strains bacterium germ germs
""".split()
)
THINGS = frozenset(
    """
app apps feature features software malware product products device devices robot robots
drone drones game games instinct heels smile line lines blow punch question combo recipe
sauce cocktail truck trucks wave waves whale ride rides track tracks song songs tune tunes
workout workouts price prices deal deals bargain weed weeds plant plants storm
""".split()
)
NONHUMAN = ANIMALS | DISEASE | THINGS

# words that only sport uses: one is enough
SPORT = frozenset(
    """
rugby football footballer footballers striker strikers goalscorer scrum winger wingers
fly-half midfielder midfielders midfield premiership cricket cricketer batsman bowler wicket
tennis golf golfer ufc f1 goalkeeper keeper defender defenders playmaker quarterback
touchline half-time hat-trick
""".split()
)
# words sport shares with the rest of the news ("the death penalty", "a DNA
# match", "the squad said", "tried"): two different ones are needed
SPORT_SHARED = frozenset(
    """
goal goals try tries forward forwards penalty match matches league tournament boxer boxing
fighter referee season fixture fixtures championship cup squad coach manager's club team
players player pitch game games fans stadium
""".split()
)
SPORT_TERMS = frozenset(
    {
        "predator",
        "predators",
        "beast",
        "beasts",
        "monster",
        "monsters",
        "animal",
        "animals",
        "killer",
        "killers",
        "savage",
        "savages",
    }
)
_STOP = ',.;:!?()"“”'


# words that may stand between an animal and what is said of it ("the dog was a
# beast", "foxes and other predators"); anything else means another subject
_LINK = frozenset(
    """
is was are were be been being a an the and or other such as truly really real very so
absolute proper true little big ultimate nasty vicious fierce
""".split()
)
_RELATIVE = frozenset({"who", "whom", "that", "which"})
# substances in DISEASE that a person takes: written straight before a label
# they say what the person uses, not what the label is said of
_USED = frozenset({"drug", "drugs"})
# the animals of an animal-welfare story ("the RSPCA rescued 40 animals", "banned
# from keeping animals"): the figurative nouns then mean the animals themselves
ANIMAL_CONTEXT = frozenset(
    """
rspca sspca farm farms farmer barn barns livestock cruelty welfare vet vets veterinary zoo zoos
sanctuary keeping kept rescued rehomed kennel kennels stable stables pets pet wildlife
endangered species habitat habitats breeding extinct extinction conservation
""".split()
)
ANIMAL_METAPHORS = frozenset(
    {
        "animal",
        "animals",
        "beast",
        "beasts",
        "monster",
        "monsters",
        "predator",
        "predators",
        "vermin",
    }
)


def _after_noun(s: Sentence, c: Candidate) -> str | None:
    after = s.words_after(c.end, 4)
    if not after or any(ch in s.gap_after(c.end) for ch in _STOP):
        return None
    first = after[0].lower()
    # "convicted burglar Ray Mott", "drug dealer Fox Jones": a capitalised word
    # with a capitalised one after it is a name, not the animal (in running text)
    named = not s.headline and len(after) > 1 and after[0][:1].isupper() and after[1][:1].isupper()
    if first in NONHUMAN and not named:
        return first
    # "the killer SARS virus", "the killer E. coli outbreak": a name, acronym or
    # abbreviated species between the word and its noun
    for i, w in enumerate(after[1:], 1):
        prev = after[i - 1]
        if not (
            prev[0].isupper()
            or prev[0].isdigit()
            or len(prev) == 1
            or i > 1
            and len(after[i - 2]) == 1
        ):
            break
        if w.lower() in NONHUMAN:
            return " ".join(after[: i + 1])
    return None


def _animal_before(s: Sentence, c: Candidate) -> str | None:
    """The animal a label is predicated of: "the dog was a beast", "foxes and other
    predators"; not "the man who starved the horses was a monster"."""
    ws = s.words
    k = s.words_ending_by(c.start)
    for j in range(k - 1, max(-1, k - 5), -1):
        w = ws[j][2].lower()
        if w in ANIMALS or w in DISEASE:
            between = [x[2].lower() for x in ws[j + 1 : k]]
            if not all(x in _LINK for x in between):
                return None
            if not between and c.entry.category == "offence-identity":
                return None  # "dog thieves", "cat burglar": the animal is what was stolen
            if not between and w in _USED:
                return None  # "a drug fiend", "drug-crazed": what the person takes
            if any(x[2].lower() in _RELATIVE for x in ws[max(0, j - 4) : j]):
                return None  # the animal sits in a relative clause about someone else
            return w
        if any(
            ch in s.text[ws[j][1] : ws[j + 1][0] if j + 1 < len(ws) else c.start] for ch in ".;:!?"
        ):
            return None
    return None


# "the blanket hoodie, which costs £16.99": people are "who", things "which"
_WHICH_AFTER = re.compile(
    r"^,?\s+which\s+(?:is|was|costs?|cost|comes?|came|has|had|can|will|features?)\b", re.I
)


def nonhuman_referent(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not c.entry.refers_to_people:
        return None
    if len(c.lower_words) == 1 and _WHICH_AFTER.match(s.text[c.end : c.end + 30]):
        return f"'{c.text}, which ...': a thing, not a person"
    noun = _after_noun(s, c)
    if noun and not c.form.text.isupper():  # "BAME covid deaths": an acronym for people
        return f"describes '{noun}', not a person"
    if c.entry.category in ("dehumanising", "offence-identity", "mental-health"):
        hit = _animal_before(s, c)
        if hit:
            return f"said of '{hit}', not a person"
    return None


def animal_welfare_context(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "The RSPCA rescued 40 animals", "footage of the animals in the barn": in an
    animal-welfare story the figurative nouns name animals, unless they are said of
    someone ("the owner was a monster") or act as people do ("the animals who...")."""
    if not (set(c.lower_words) & ANIMAL_METAPHORS):
        return None
    ctx = s.word_set & ANIMAL_CONTEXT
    if not ctx:
        return None
    after = [w.lower() for w in s.words_after(c.end, 1)]
    if after and after[0] in ("who", "whom"):
        return None
    before = [w.lower() for w in s.words_before(c.start, 2)]
    if before and (
        before[-1] in ("like", "as")
        or before[-1] in ("a", "an")
        and len(before) > 1
        and before[0] in ("is", "was", "are", "were", "be", "been")
    ):
        return None
    if before and before[-1] in ("is", "was", "are", "were"):
        return None
    return f"animals in an animal-welfare story ('{sorted(ctx)[0]}')"


# positions written as compounds, which the word list cannot see
SPORT_PHRASES = (
    "centre-half",
    "centre half",
    "centre-back",
    "centre back",
    "full-back",
    "full back",
    "fly-half",
    "scrum-half",
    "scrum half",
    "goalkeeper",
    "defender",
)


def sport_metaphor(c: Candidate, s: Sentence, ix: Index) -> str | None:
    if not (set(c.lower_words) & SPORT_TERMS):
        return None
    low = s.text.lower()
    for p in SPORT_PHRASES:
        if p in low:
            return f"sport metaphor ('{p}')"
    words = s.word_set
    hit = words & SPORT
    if hit:
        return f"sport metaphor ('{sorted(hit)[0]}')"
    shared = words & SPORT_SHARED
    if len(shared) >= 2:
        return f"sport metaphor ('{', '.join(sorted(shared)[:2])}')"
    return None


# entries whose word is also the ordinary name of animals ("the animals", "a
# juvenile"): in a sentence that names an animal, that is what they mean
LITERAL_ANIMAL_ENTRIES = frozenset({"animals", "juvenile"})
# animals that are also insults for people ("rats", "pigs", "snakes", "vile
# creature"): beside "animals" they may be the same insult, so they prove no animal
_INSULT_ANIMALS = frozenset(
    """
pig pigs rat rats snake snakes dog dogs swine worm worms cockroach cockroaches creature
creatures vermin hyena hyenas jackal jackals wolf wolves
""".split()
)
# "sex acts with animals", "cruelty to animals", "good with animals": a bare plural
# after these prepositions is animals as a kind; "treated like animals" is a simile
# (rules.similes) and "compared them to animals" is a label, so neither is here
_GENERIC_PREPOSITIONS = frozenset("with involving for about among between towards toward".split())


def _animal_named(c: Candidate, s: Sentence) -> str | None:
    """A noun of the sentence, other than the candidate, that names an animal
    (the word list above, or WordNet's first sense: "elephant", "cuttlefish",
    "cockroach")."""
    for t in s.tokens or ():
        if t.pos not in ("NOUN", "PROPN") or c.start <= t.start < c.end:
            continue
        if c.entry.id == "animals" and t.start > c.start:
            # "the virus can kill elephants ... the animals": "animals" looks back
            # to the animal it stands for; "these animals tortured a cat" does not
            break
        w = t.text.lower()
        if w in ANIMAL_METAPHORS or w in ("animal", "animals", "juvenile", "juveniles"):
            continue
        if c.entry.id == "animals" and w in _INSULT_ANIMALS:
            continue
        if w in ANIMALS or (kind(w) == "animal" and "p" not in senses(w)[:2]):
            # (not "female", "cub", "dog": WordNet's animal noun with a person
            # sense beside it; the word list holds the common animals)
            return t.text
    return None


def literal_animal(c: Candidate, s: Sentence, ix: Index) -> str | None:
    """ "the Elephant Herpes Virus, which can kill the animals", "a nymph, a
    juvenile and a cockroach", "an animal attack", "sex acts with animals": the
    word names animals (policy 4; the juvenile entry's "wildlife uses"), not
    people.  Said of someone ("the men were animals", "the animals who did
    this", "like animals") it is still a label."""
    if c.entry.id not in LITERAL_ANIMAL_ENTRIES or c.possessive:
        return None
    head = s.head_token(c)
    if head is None:
        return None
    if c.entry.id == "animals" and c.form.number != "plural":
        nxt = s.token_after(head.end)
        gap = s.text[head.end : nxt.start] if nxt is not None else ""
        if nxt is not None and gap in (" ", "-") and nxt.text[:1].islower():
            then = s.token_after(nxt.end)
            if nxt.pos == "NOUN" or (
                nxt.tag in ("VBG", "VBN") and then is not None and then.pos == "NOUN"
            ):
                # "an animal attack", "her animal loving daughter": the modifier
                # that names animals; the label is the noun ("he is an animal")
                return f"'animal {nxt.text}': the modifier names animals"
    after = [w.lower() for w in s.words_after(c.end, 1)]
    if after and after[0] in ("who", "whom"):
        return None
    before = [w.lower() for w in s.words_before(c.start, 3)]
    if before and before[-1] in ("like", "as", "than"):
        return None
    if c.entry.id == "animals" and any(
        w in ("is", "was", "are", "were", "be", "been", "being", "'re") for w in before
    ):
        return None  # "the men were animals" ("the rays are juveniles" is the animals)
    if (
        c.entry.id == "animals"
        and c.form.number == "plural"
        and before
        and before[-1] in _GENERIC_PREPOSITIONS
    ):
        return f"animals as a kind ('{before[-1]} {c.text}')"
    named = _animal_named(c, s)
    if named:
        return f"the sentence names an animal ('{named}')"
    return None
