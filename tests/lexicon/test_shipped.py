"""The lexicon that ships with Framewatch: valid, complete against the policy."""

from __future__ import annotations

import re

import pytest

from lexicon import CATEGORIES, SEVERITIES, load_lexicon, shipped_files, validate_files

# Every term in the category table of /work/shared/flagging-policy.md, with the
# inflections and spelling variants the policy asks for.
POLICY_TERMS = {
    "person-label": [
        "offender",
        "offenders",
        "offender's",
        "offenders'",
        "young offender",
        "young offenders",
        "persistent offender",
        "prolific offender",
        "violent offender",
        "sex offender",
        "sex offenders",
        "drug offender",
        "ex-offender",
        "ex-offenders",
        "ex offender",
        "reoffender",
        "re-offender",
        "inmate",
        "inmates",
        "inmate's",
        "inmates'",
        "convict",
        "convicts",
        "ex-con",
        "ex con",
        "excon",
        "ex-cons",
        "con",
        "cons",
        "felon",
        "felons",
        "criminal",
        "criminals",
        "hardened criminal",
        "career criminal",
        "lifer",
        "lifers",
        "old lag",
        "old lags",
        "lags",
        "jailbird",
        "jailbirds",
        "juvenile",
        "juveniles",
        "delinquent",
        "delinquents",
        "parolee",
        "parolees",
        "probationer",
        "probationers",
    ],
    "soft-person-label": [
        "prisoner",
        "prisoners",
        "prisoner's",
        "prisoners'",
        "ex-prisoner",
        "ex-prisoners",
        "former prisoner",
        "former prisoners",
    ],
    "offence-identity": [
        "murderer",
        "murderers",
        "killer",
        "killers",
        "rapist",
        "rapists",
        "robber",
        "robbers",
        "burglar",
        "burglars",
        "thief",
        "thieves",
        "mugger",
        "muggers",
        "fraudster",
        "fraudsters",
        "looter",
        "looters",
        "arsonist",
        "arsonists",
        "vandal",
        "vandals",
        "drug dealer",
        "drug dealers",
        "drug pusher",
        "paedophile",
        "pedophile",
        "paedophiles",
    ],
    "dehumanising": [
        "thug",
        "thugs",
        "thuggish",
        "thuggery",
        "yob",
        "yobs",
        "yobbo",
        "yobbish",
        "lout",
        "louts",
        "feral",
        "scum",
        "vermin",
        "animals",
        "beasts",
        "monsters",
        "fiends",
        "savages",
        "evil",
        "sicko",
        "sex beast",
        "sex fiend",
        "predator",
        "predators",
        "superpredator",
        "hoodies",
        "knifeman",
        "crazed gunman",
        "nonce",
        "paedo",
    ],
    "punitive-frame": [
        "tough on crime",
        "soft on crime",
        "soft-touch",
        "lock them up",
        "throw away the key",
        "rot in jail",
        "holiday camp",
        "cushy",
        "luxury prison",
        "luxury cells",
        "crime wave",
        "crime epidemic",
        "slap on the wrist",
    ],
    "drug-use": [
        "addict",
        "addicts",
        "drug addict",
        "junkie",
        "junkies",
        "crackhead",
        "smackhead",
        "druggie",
        "dope head",
        "drug abuser",
        "substance abuser",
        "former addict",
        "reformed addict",
    ],
    "immigration": [
        "illegal immigrant",
        "illegal immigrants",
        "illegal migrant",
        "illegal migrants",
        "illegals",
        "bogus asylum seeker",
        "failed asylum seeker",
        "illegal asylum seeker",
        "floods of migrants",
        "swarms of migrants",
        "hordes of migrants",
        "tide of migrants",
        "flood of immigrants",
        "swarm of refugees",
        "hordes of asylum seekers",
    ],
    "race-class": [
        "BAME",
        "BME",
        "coloured",
        "half-caste",
        "Paki",
        "gyppo",
        "pikey",
        "chav",
        "underclass",
        "feckless",
    ],
    "mental-health": [
        "committed suicide",
        "psycho",
        "maniac",
        "nutter",
        "lunatic",
        "madman",
        "crazed",
        "deranged",
        "schizo",
    ],
    "vawg": [
        "sex scandal",
        "sex romp",
        "child porn",
        "child pornography",
        "revenge porn",
        "a domestic",
        "domestic dispute",
        "crime of passion",
        "love rat",
    ],
}

# The policy's "Official names" list plus the names the research's allow-list adds.
REQUIRED_NAMES = [
    "Young Offender Institution",
    "Young Offenders Institution",
    "HM Young Offender Institution",
    "Rehabilitation of Offenders Act",
    "Offender Management Act",
    "Integrated Offender Management",
    "Violent and Sex Offender Register",
    "Sex Offenders Register",
    "Prisoners' Education Trust",
    "Prisoners Abroad",
    "Illegal Migration Act",
    "Criminal Justice Alliance",
    "Criminal Cases Review Commission",
    "Narcotics Anonymous",
    "Alcoholics Anonymous",
    "Gangs Violence Matrix",
    "Prison Reform Trust",
    "Victims and Prisoners Act",
    "Unlock, the National Association of Ex-Offenders",
    "prisoner of war",
    "political prisoner",
    "war criminal",
    "offender manager",
    "Misuse of Drugs Act",
    "Sexual Offences Act",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_shipped_data_has_no_problems():
    assert [str(p) for p in validate_files()] == []


def test_at_least_80_entries_covering_every_category(lex):
    assert len(lex.entries) >= 80
    assert {e.category for e in lex.entries} == set(CATEGORIES)


def test_one_file_per_category_named_after_it():
    names = {p.stem for p in shipped_files() if p.parent.name == "entries"}
    assert names == set(CATEGORIES)
    for path in shipped_files():
        if path.parent.name != "entries":
            continue
        for entry in load_lexicon().entries:
            if entry.file == str(path):
                assert entry.category == path.stem, f"{entry.id} is in {path.name}"


@pytest.mark.parametrize("category", sorted(POLICY_TERMS))
def test_every_policy_term_is_a_form_of_an_entry(lex, category):
    forms = {f.text.lower(): e for e in lex.entries for f in e.forms}
    missing = [t for t in POLICY_TERMS[category] if t.lower() not in forms]
    assert missing == []
    # The term sits in the policy's category, so its severity default applies.
    wrong = [t for t in POLICY_TERMS[category] if forms[t.lower()].category != category]
    assert wrong == []


def test_policy_default_severities(lex):
    by_id = lex.by_id()
    for high in ("inmate", "convict", "ex-con", "jailbird"):
        assert by_id[high].severity == "high"
    for entry in lex.entries:
        expected = {
            "soft-person-label": "low",
            "offence-identity": "low",
            "dehumanising": "high",
            "punitive-frame": "low",
            "drug-use": "high",
            "immigration": "high",
            "vawg": "medium",
        }.get(entry.category)
        if expected:
            assert entry.severity == expected, entry.id
    assert by_id["offender"].severity == "medium"
    assert by_id["bame"].severity == "medium"
    assert by_id["chav"].severity == "high"
    assert by_id["underclass"].severity == "medium"
    assert by_id["committed-suicide"].severity == "medium"
    assert by_id["psycho"].severity == "high"


def test_context_rules_for_other_senses(lex):
    by_id = lex.by_id()
    assert by_id["criminal"].pos and "NOUN" in by_id["criminal"].pos
    assert "justice" in by_id["criminal"].not_followed_by
    assert by_id["convict"].pos == ("NOUN", "PROPN")
    assert by_id["con"].pos == ("NOUN",)
    assert "pros and cons" in by_id["con"].exceptions
    assert {"whale", "app", "virus", "instinct", "heels"} <= set(by_id["killer"].not_followed_by)
    assert {"cats", "pigeons", "pigs", "dogs", "hogs", "goats", "horses", "parakeets"} <= set(
        by_id["feral"].not_followed_by
    )
    assert {"time", "jet"} <= set(by_id["lags"].not_preceded_by)
    assert "prison" in by_id["lags"].requires_nearby
    assert "prisoner of war" in by_id["prisoner"].exceptions
    assert "political prisoner" in by_id["prisoner"].exceptions
    assert "war criminal" in by_id["criminal"].exceptions
    assert "offender manager" in by_id["offender"].exceptions


def test_entries_are_complete_and_cited(lex):
    for e in lex.entries:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id)
        assert e.severity in SEVERITIES
        assert e.sources and all(s.url.startswith(("http://", "https://")) for s in e.sources)
        assert e.alternatives or e.advice, f"{e.id} gives the writer nothing to do"
        for alt in e.alternatives:
            assert alt.singular.strip() and alt.plural.strip()
        # Rationale is our own summary, not a pasted quotation.
        assert len(e.rationale) < 600, e.id


def test_typographic_apostrophes_are_matched_too(lex):
    forms = {f.text for e in lex.entries for f in e.forms}
    assert "inmate's" in forms and "inmate\u2019s" in forms
    possessive = [f for e in lex.entries for f in e.forms if f.text == "inmates'"]
    assert possessive and possessive[0].possessive and possessive[0].number == "plural"


def test_official_names_cover_the_policy_list(lex):
    names = {n.lower() for n in lex.official_names}
    assert [n for n in REQUIRED_NAMES if n.lower() not in names] == []


def test_loading_twice_reuses_parsed_files():
    first = load_lexicon()
    second = load_lexicon()
    assert first.entries[0] is second.entries[0]


def test_trainers_guide_example_entry_is_valid(tmp_path):
    from lexicon.files import DATA_DIR

    guide = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    block = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(
        "entries:\n" + block.replace("id: inmate", "id: example-inmate"), encoding="utf-8"
    )
    assert [str(p) for p in validate_files([path])] == []
