"""Policy exemption 4: animals, diseases, software, objects and sport."""

from __future__ import annotations

ANIMALS = frozenset("""
animal animals whale whales orca orcas shark sharks cat cats kitten kittens dog dogs puppy
fox foxes wolf wolves lion lions tiger tigers bear bears bee bees wasp wasps hornet hornets
spider spiders snake snakes crocodile crocodiles croc alligator pig pigs hog hogs boar goat
goats horse horses pony ponies pigeon pigeons gull gulls seagull seagulls bird birds rat rats
mouse mice squirrel squirrels rabbit rabbits deer mink ferret ferrets parakeet parakeets
fish ant ants eagle eagles hawk hawks owl owls bat bats monkey monkeys ape apes cattle cow
cows sheep chicken chickens hen hens insect insects mosquito mosquitoes beetle beetles
dinosaur dinosaurs predator's livestock wildlife species
""".split())
DISEASE = frozenset("""
virus viruses disease diseases flu influenza bug bugs bacteria bacterium infection infections
cancer cancers pandemic epidemic sars covid covid-19 coronavirus superbug superbugs fungus
heatwave heat storm storms smog pollution illness illnesses condition conditions drug drugs
""".split())
THINGS = frozenset("""
app apps feature features software malware product products device devices robot robots
drone drones game games instinct heels smile line lines blow punch question combo recipe
sauce cocktail truck trucks wave waves whale ride rides track tracks song songs tune tunes
workout workouts price prices deal deals bargain weed weeds plant plants storm
""".split())
NONHUMAN = ANIMALS | DISEASE | THINGS

SPORT = frozenset("""
rugby football footballer striker strikers goal goals goalscorer try tries scrum winger
fly-half forward forwards midfielder midfield penalty match matches league premiership
tournament cricket batsman bowler wicket tennis golf boxer boxing fighter ufc f1 referee
season fixture fixtures championship cup squad coach manager's
""".split())
SPORT_TERMS = frozenset({"predator", "predators", "beast", "beasts", "monster", "monsters",
                         "animal", "animals", "killer", "killers", "savage", "savages"})
_STOP = ",.;:!?()\"“”"


def nonhuman_referent(c, s, ix) -> str | None:
    if not c.entry.refers_to_people:
        return None
    after = s.words_after(c.end, 3)
    if after and not any(ch in s.gap_after(c.end) for ch in _STOP):
        first = after[0].lower()
        if first in NONHUMAN:
            return f"describes '{first}', not a person"
        # "the killer SARS virus": a name or acronym between the word and its noun
        if len(after) > 1 and (after[0][0].isupper() or after[0][0].isdigit()):
            if after[1].lower() in NONHUMAN:
                return f"describes '{after[0]} {after[1]}', not a person"
    if c.entry.category in ("dehumanising", "offence-identity"):
        before = [w.lower() for w in s.words_before(c.start, 4)]
        hit = [w for w in before if w in ANIMALS or w in DISEASE]
        if hit:
            return f"said of '{hit[-1]}', not a person"
    return None


def sport_metaphor(c, s, ix) -> str | None:
    if not (set(c.lower_words) & SPORT_TERMS):
        return None
    words = s.word_set
    hit = words & SPORT
    if hit:
        return f"sport metaphor ('{sorted(hit)[0]}')"
    return None
