"""Rewrites that must fit the phrase around the label (framing.rewrite),
through the real engine and model, on sentences outside the rewrite set."""

from __future__ import annotations

import pytest

from framing import apply_rewrites

CASES = [
    # "male"/"female" and a "people ..." alternative: one noun
    (
        "The unit holds female inmates from across Wales.",
        "The unit holds women in prison from across Wales.",
    ),
    # "foreign" with a "people ..." wording: the UK's own "foreign nationals"
    (
        "Foreign prisoners make up 12% of the prison population.",
        "Foreign nationals in prison make up 12% of the prison population.",
    ),
    # a singular group noun whose alternative is plural: the article goes
    (
        "Ministers spoke of a new underclass in the towns.",
        "Ministers spoke of new people living in poverty in the towns.",
    ),
    # an advice-only neighbour is carried verbatim
    (
        "Columnists blamed the unrest on a feckless underclass.",
        "Columnists blamed the unrest on feckless people living in poverty.",
    ),
    # a label for material before a noun for it: the alternative that names it
    (
        "Police found child porn videos on his laptop.",
        "Police found indecent images of children on his laptop.",
    ),
]


# an adjective that described the crimes moves onto them
CASES.append(
    (
        "The bill means longer sentences for violent criminals.",
        "The bill means longer sentences for people who commit violent crimes.",
    )
)

# a label cut from before a person noun keeps the offence where a conviction
# is established and no name follows; the kind of attack a "sex" label said
CASES += [
    (
        "Paedo Priest Jailed For Nine Years",
        "Priest Convicted Of Child Sexual Abuse Jailed For Nine Years",
    ),
    ("Killer Nurse Jane Cole Jailed For Life", "Nurse Jane Cole Jailed For Life"),
    (
        "A sex beast who attacked a jogger has been jailed.",
        "Someone who sexually attacked a jogger has been jailed.",
    ),
]

CASES += [
    # "responsible" takes "for"
    (
        "The killer in the Ipswich shootings has never been found.",
        "The person responsible for the Ipswich shootings has never been found.",
    ),
    # a generic group: generic wording (rewrites.md, decision 6)
    (
        "Critics say the scheme lets burglars off lightly.",
        "Critics say the scheme lets people who commit burglary off lightly.",
    ),
]

# the crime's adjective and count go onto the crime, in the status's wording
CASES += [
    (
        "Petty criminals were jailed for short terms.",
        "People convicted of petty crimes were jailed for short terms.",
    ),
    (
        "Low-level offenders were jailed for short terms.",
        "People convicted of low-level offences were jailed for short terms.",
    ),
    (
        "She wrote to a convicted triple murderer in prison.",
        "She wrote to a person convicted of three murders in prison.",
    ),
    (
        "The alleged double murderer appeared at the Old Bailey.",
        "The person accused of two murders appeared at the Old Bailey.",
    ),
]

CASES.append(
    (
        "Monitoring of released sex offenders is to be tightened.",
        "Monitoring of people convicted of sexual offences who have been released is to be tightened.",
    )
)

# the named drug survives; a joined clause keeps the sentence's tense, and the
# gender comes from pronouns only for the sentence's own subject
CASES += [
    (
        "The council is failing crack addicts.",
        "The council is failing people who use crack cocaine.",
    ),
    (
        "He shared a flat with a heroin addict who robbed him.",
        "He shared a flat with a person who used heroin and robbed him.",
    ),
]

# the sentence says the drug use itself: the label goes (decision 14)
CASES.append(
    (
        "An addict who burgled a chemist to get drugs has been jailed.",
        "A person who burgled a chemist to get drugs has been jailed.",
    )
)

# "convicted" in the text before the label: the wording that says it, said once
CASES.append(
    (
        "The convicted Irish drug dealer, who has a Wikipedia page, was freed.",
        "The Irish person convicted of supplying drugs, who has a Wikipedia page, was freed.",
    )
)

# the line's case, whichever rule built the rewrite (issue 10: "the line's
# case style")
CASES += [
    ("JUNKIE DAD JAILED OVER CRASH", "DAD JAILED OVER CRASH"),
    # a shouted word in running text stays a shout; an acronym is no shout
    ("The INMATES rioted.", "The PEOPLE IN PRISON rioted."),
    ("BAME staff", "Ethnic minority staff"),
    (
        "Ex-Con Who Became A Barrister Speaks Out",
        "Prison Leaver Who Became A Barrister Speaks Out",
    ),
    (
        "Addict Parents Are Being Failed, Says Report",
        "Parents Who Use Drugs Are Being Failed, Says Report",
    ),
]

CASES += [
    # a generic group gets generic wording
    (
        "Paedophiles are using chat apps to groom children, the charity warned.",
        "Abusers are using chat apps to groom children, the charity warned.",
    ),
    # a claim about people still renames them
    (
        "Junkies are clogging up A&E departments, a nurse claimed.",
        "People who use drugs are clogging up A&E departments, a nurse claimed.",
    ),
]

# a label used as a title before a name (framing.names)
NAMES = [
    # in a Title Case headline a name shows by the age after it
    (
        "Crack Addict Dean Hollis, 29, Jailed For Crash",
        "Dean Hollis, 29, Who Uses Crack Cocaine, Jailed For Crash",
    ),
    (
        "Crack addict Dean Hollis, 29, lost control of the van on the A1.",
        "Dean Hollis, 29, who uses crack cocaine, lost control of the van on the A1.",
    ),
    (
        "The court heard from inmate Paul Reeve about the night of the fire.",
        "The court heard from Paul Reeve, a person in prison, about the night of the fire.",
    ),
    # the sentence says where he is held: the cut loses nothing
    ("Inmate Paul Reeve was moved to HMP Durham.", "Paul Reeve was moved to HMP Durham."),
    (
        "Photos show convicted burglar Ray Mott leaving the house.",
        "Photos show Ray Mott, who was convicted of burglary, leaving the house.",
    ),
    (
        "Convicted burglar Ray Mott, 40, was found guilty of arson on Friday.",
        "Ray Mott, 40, already convicted of burglary, was found guilty of arson on Friday.",
    ),
    # the name's own clause is joined, never "who ..., who ..."
    (
        "Convicted burglar Ray Mott, who was already on licence, was arrested again.",
        "Ray Mott, who was convicted of burglary and was already on licence, was arrested again.",
    ),
    (
        "Crack addict Dean Hollis, 29, who had been drinking, lost control of the van.",
        "Dean Hollis, 29, who uses crack cocaine and had been drinking, lost control of the van.",
    ),
    (
        "Detectives spoke to drug dealer Ray Mott who lived next door.",
        "Detectives spoke to Ray Mott, who lived next door.",
    ),
]


@pytest.mark.parametrize("text, want", CASES + NAMES)
def test_fits_the_phrase(engine, text, want):
    assert apply_rewrites(text, engine.check(text)) == want


@pytest.mark.parametrize(
    "text",
    [
        # the swap would change what was claimed (rewrites.md, decision 8)
        "Bogus asylum seekers are flooding in, the councillor claimed.",
        "His lawyer claimed it was a crime of passion.",
        # the label inside what he claims: his account, in his terms
        "He claimed he had only been trying to expose paedophiles online.",
    ],
)
def test_a_claim_a_swap_would_change_is_advice_only(engine, text):
    flags = engine.check(text)
    assert flags and all(f.rewrite is None for f in flags)
    assert apply_rewrites(text, flags) == text


def test_a_soap_plot_is_fiction(engine):
    """ "EastEnders viewers" watch a story: its characters are no one's label."""
    text = "EastEnders viewers gasp as paedo teacher Gary is unmasked"
    assert apply_rewrites(text, engine.check(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "The senator keeps telling voters that her rival is a criminal who escaped justice.",
        "He insisted that the boy was a thug and deserved it.",
    ],
)
def test_a_label_that_is_the_claim_is_advice_only(engine, text):
    """What someone says another person is: a swap would put words in their mouth."""
    flags = engine.check(text)
    assert flags and all(f.rewrite is None and f.suggestions for f in flags)


@pytest.mark.parametrize(
    "text",
    [
        # a mention of the words themselves
        "Campaigners want to ban terms such as thug and yob.",
        "Teachers were told to avoid such terms as yob and lout.",
        # a label someone else used, reported with "described ... as"
        "She described him as a thug.",
        # a role in a drama
        "The drug dealer in the Netflix drama is played by a newcomer.",
    ],
)
def test_never_rewritten(engine, text):
    assert apply_rewrites(text, engine.check(text)) == text


def test_described_as_a_look_is_no_reported_label(engine):
    """ "described the burglar as tall": the burglar is described, not labelled."""
    text = "Police described the burglar as tall and thin."
    assert any(f.entry == "burglar" and not f.quoted for f in engine.check(text))


def test_the_terms_of_a_licence_are_no_mention(engine):
    """ "the terms of his licence" is no sentence about a word: the fix applies."""
    text = "The convict was returned to prison after breaching the terms of his licence."
    assert apply_rewrites(text, engine.check(text)) != text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age after a conviction label describes the person: beside the person
        (
            "A convicted rapist under the age of 21 can be sent to a young offender institution.",
            "A man under the age of 21 convicted of rape can be sent to a young offender"
            " institution.",
        ),
        (
            "The judge said a convicted burglar aged under 18 would rarely be jailed.",
            "The judge said someone aged under 18 convicted of burglary would rarely be jailed.",
        ),
        # a label for material before "conviction": what the conviction was for
        (
            "The teacher was struck off after her child pornography conviction.",
            "The teacher was struck off after her conviction for indecent images of children.",
        ),
        # the police's account of a finished case: no court in it, no "defendants"
        (
            "Detectives said the burglars had finally been jailed after a long inquiry.",
            "Detectives said those responsible had finally been jailed after a long inquiry.",
        ),
        # a rank among people by their crimes goes with the crimes
        (
            "John Cooper, one of Wales's most notorious murderers, died in 2020 while serving a"
            " whole-life order.",
            "John Cooper, convicted of some of Wales's most notorious murders, died in 2020 while"
            " serving a whole-life order.",
        ),
        (
            "Ian Brady, one of Britain's worst killers, was jailed for life in 1966.",
            "Ian Brady, convicted of some of Britain's worst killings, was jailed for life in 1966.",
        ),
        (
            "One of the country's most notorious killers, Harold Shipman hanged himself in his"
            " cell while serving a life sentence.",
            "Convicted of some of the country's most notorious killings, Harold Shipman hanged"
            " himself in his cell while serving a life sentence.",
        ),
        # ... cut where the rest of the line tells the crime
        (
            "One of the country's most notorious killers, Harold Shipman was convicted of 15"
            " murders in 2000.",
            "Harold Shipman was convicted of 15 murders in 2000.",
        ),
    ],
)
def test_conviction_wording_placed(engine, text, expected):
    assert apply_rewrites(text, engine.check(text)) == expected


def test_a_rank_before_a_name_and_its_comma_is_not_cut(engine):
    """ "One of ..., John Smith, was jailed": cutting the rank would leave "John
    Smith, was jailed"."""
    text = "One of Britain's most prolific burglars, John Smith, was jailed for life."
    out = apply_rewrites(text, engine.check(text))
    assert not out.startswith("John Smith,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label's own "convicted" is an earlier case beside the sentence's new verdict
        (
            "A convicted burglar has been jailed for life after being found guilty of murdering"
            " his neighbour.",
            "A man with a previous conviction for burglary has been jailed for life after being"
            " found guilty of murdering his neighbour.",
        ),
        # no new verdict: the conviction wording is this case's
        (
            "A convicted sex offender was jailed yesterday for breaching his notification"
            " requirements.",
            "A person convicted of a sexual offence was jailed yesterday for breaching his"
            " notification requirements.",
        ),
        # the form that takes "convicted" in, and the entry's own gender
        (
            "A convicted rapist was found guilty of murder at Leeds Crown Court.",
            "A man with a previous conviction for rape was found guilty of murder at Leeds"
            " Crown Court.",
        ),
        # the same offence again: the verdict may be this case's, nothing is "previous"
        (
            "A convicted rapist was found guilty of raping a second woman.",
            "A man convicted of rape was found guilty of raping a second woman.",
        ),
    ],
)
def test_an_earlier_conviction_beside_a_new_verdict(engine, text, expected):
    assert apply_rewrites(text, engine.check(text)) == expected


def test_a_number_of_something_else_is_no_age(engine):
    """ "over 20 years ago" is a time, not the person's age: nothing moves."""
    text = "He met a convicted murderer over 20 years ago."
    assert apply_rewrites(text, engine.check(text)) == (
        "He met a person convicted of murder over 20 years ago."
    )
    text = "A convicted killer over 60 years old was freed."
    assert apply_rewrites(text, engine.check(text)).startswith(
        "Someone over 60 years old convicted"
    )
