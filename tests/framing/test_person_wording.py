"""The wording chosen for a person label given its legal status (issue 10):
sentences written for these tests, not taken from the rewrite set, on the
real lexicon and model."""

import pytest

from framing import apply_rewrites


def fixed(engine, text):
    return apply_rewrites(text, engine.check(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an owned killing label: the act as a verb, in the status's terms
        (
            "Her alleged killer will appear at Exeter Crown Court next month.",
            "The person accused of causing her death will appear at Exeter Crown Court next month.",
        ),
        (
            "Police are still hunting Amy Ward's killer.",
            "Police are still hunting the person who killed Amy Ward.",
        ),
        (
            "The judge jailed PC Dale Moss's two killers for life.",
            "The judge jailed the two people convicted of killing PC Dale Moss for life.",
        ),
        # a name after the label says who: the label goes
        (
            "His alleged killer Mark Tull, 44, denies murder.",
            "Mark Tull, 44, denies murder.",
        ),
        (
            "Relatives of Sam Price's alleged killer Ian Cole were in court.",
            "Relatives of Ian Cole, who is accused of causing Sam Price's death, were in court.",
        ),
        # before a charge, a role that asserts no guilt, fitted to the slot
        (
            "Police are still looking for a second burglar after the raid in Leeds.",
            "Police are still looking for a second suspect after the raid in Leeds.",
        ),
        (
            "Detectives believe the fraudster targeted 30 pensioners in Hove.",
            "Detectives believe the suspect targeted 30 pensioners in Hove.",
        ),
        (
            "Detectives launched a hunt for a robber who threatened staff with a gun.",
            "Detectives launched a hunt for a person who threatened staff with a gun.",
        ),
        (
            "Police said the burglar had been charged with three offences.",
            "Police said the suspect had been charged with three offences.",
        ),
        # "knifeman" gives the gender; once held, "armed with a knife" is not known
        ("A 30-year-old knifeman was arrested in Hull.", "A 30-year-old man was arrested in Hull."),
        # the agent of an act while someone is held: the act told without it
        (
            "A teenager was arrested after a thug punched a pensioner outside a shop in Hull.",
            "A teenager was arrested after a pensioner was punched outside a shop in Hull.",
        ),
        (
            "Two men were arrested after burglars targeted homes in Leeds.",
            "Two men were arrested after homes were targeted in Leeds.",
        ),
        ("Thugs attack shopkeeper", "Shopkeeper attacked"),
        # nobody held: the act keeps its agent, in wording that asserts nothing
        (
            "Police are appealing for witnesses after a thug punched a pensioner in Hull.",
            "Police are appealing for witnesses after an attacker punched a pensioner in Hull.",
        ),
        # plainer where the alternative says more than the text
        (
            "Officers broke up a gang of thugs fighting in the street.",
            "Officers broke up a gang of people fighting in the street.",
        ),
        (
            "Police said the louts had smashed windows at the school, and officers want to "
            "identify them.",
            "Police said the people involved had smashed windows at the school, and officers "
            "want to identify them.",
        ),
        (
            "Four men were arrested as police targeted dealers supplying cocaine in Luton.",
            "Four men were arrested as police targeted people suspected of supplying cocaine in "
            "Luton.",
        ),
        # a participle that gives the status leaves a no-offence label nothing to say
        (
            "Under the new rules, offenders released on licence will wear tags.",
            "Under the new rules, people released on licence will wear tags.",
        ),
        (
            "A convict released from HMP Leeds in May has gone missing.",
            "A person released from HMP Leeds in May has gone missing.",
        ),
        (
            "A number of criminals were among the 40 people arrested.",
            "A number of suspects were among the 40 people arrested.",
        ),
        # an adjective describing the person stays; "his" right after the
        # clause's verb gives the gender, a "she" in a later clause does not
        (
            "A violent burglar who threatened his neighbour with a knife has been jailed.",
            "A violent man who threatened his neighbour with a knife has been jailed.",
        ),
        (
            "A thug who attacked a bus driver while she was at the wheel has been jailed.",
            "Someone who attacked a bus driver while she was at the wheel has been jailed.",
        ),
        (
            "Police said the arsonists were believed to have fled abroad.",
            "Police said the people responsible were believed to have fled abroad.",
        ),
        # "prison leaver" once the text says the person left prison, and only then
        (
            "Ex-prisoners who have found work since their release rarely reoffend.",
            "Prison leavers who have found work since their release rarely reoffend.",
        ),
        (
            "The ex-offender, who has not been in trouble since 2015, was refused the job.",
            "The person with a criminal record, who has not been in trouble since 2015, was "
            "refused the job.",
        ),
        # after a name, the act is a clause about that person
        (
            "It is named after Amy Lane, whose killer Tom Reed was released from prison last year.",
            "It is named after Amy Lane, killed by Tom Reed, who was released from prison last "
            "year.",
        ),
        (
            "Tom Reed, the killer of Amy Lane, was jailed for life in 2009.",
            "Tom Reed, who killed Amy Lane, was jailed for life in 2009.",
        ),
        (
            "Tom Reed, the killer of Amy Lane, denies murder.",
            "Tom Reed, who is accused of killing Amy Lane, denies murder.",
        ),
        # a label that names no offence, where the sentence needs none
        ("The scheme will cost £20,000 per offender.", "The scheme will cost £20,000 per person."),
        (
            "Jones, a career criminal, was jailed again in March.",
            "Jones was jailed again in March.",
        ),
        # the offence is only in the label and the conviction is stated: both kept
        (
            "Monitoring of released sex offenders will be tightened.",
            "Monitoring of people convicted of sexual offences who have been released will be "
            "tightened.",
        ),
        (
            "Officers are supporting victims of six sex offenders who were convicted in the wrong "
            "court.",
            "Officers are supporting victims of six people convicted of sexual offences in the "
            "wrong court.",
        ),
        # "the trial of the defendants" says nothing: the offence wording stays
        (
            "The jury went out in the trial of the alleged burglars on Monday.",
            "The jury went out in the trial of the people accused of burglary on Monday.",
        ),
        # someone is held, but the label is whoever did it
        (
            "A woman has been arrested, but police said the killer may have had help.",
            "A woman has been arrested, but police said the person responsible may have had help.",
        ),
        # sought: "the suspect", though the label gives the gender
        (
            "Police are hunting the rapist and have asked the public for help.",
            "Police are hunting the suspect and have asked the public for help.",
        ),
        # "the terms of his licence" is no mention of a word
        (
            "The convict was recalled to prison after breaching the terms of his licence.",
            "The man was recalled to prison after breaching the terms of his licence.",
        ),
        # a possessed haul turned round with its whole "of" phrase
        (
            "The looters' haul of trainers and phones was found in a lock-up.",
            "The haul of trainers and phones taken by the people who took part in the looting "
            "was found in a lock-up.",
        ),
        # a collective keeps the lexicon's own person noun, and an offence
        (
            "A gang of yobs smashed windows in the town centre.",
            "A gang of young people smashed windows in the town centre.",
        ),
        (
            "Police broke up a gang of burglars in Leeds.",
            "Police broke up a gang of intruders in Leeds.",
        ),
        # an adjective that grades the crime goes with the crime
        (
            "Violent offenders were jailed for a total of 40 years.",
            "People convicted of violent offences were jailed for a total of 40 years.",
        ),
        (
            "The scheme aims to rehabilitate low-level criminals in the community.",
            "The scheme aims to rehabilitate people who commit low-level crime in the community.",
        ),
        (
            "Police arrested a 30-year-old man after a robber threatened staff at a bank.",
            "Police arrested a 30-year-old man after staff were threatened at a bank.",
        ),
        # charged by police, a count of people; the label's own "convicted" is no court
        (
            "Two thugs have been charged after a man was attacked in Hull.",
            "Two people have been charged after a man was attacked in Hull.",
        ),
        (
            "The convicted murderer was released after 20 years.",
            "The person convicted of murder was released after 20 years.",
        ),
        # a count of offences cannot stand before a role ("the triple man")
        (
            "The triple rapist was jailed for 20 years at York Crown Court.",
            "The man was jailed for 20 years at York Crown Court.",
        ),
        # with a hedge, the count belongs to the offence
        (
            "The alleged double murderer appeared at the Old Bailey.",
            "The person accused of two murders appeared at the Old Bailey.",
        ),
        (
            "Mark Hill, already a convicted burglar, broke into another house in May.",
            "Mark Hill, already convicted of burglary, broke into another house in May.",
        ),
        # "registered" states the register, and an exempt name is no new flag
        (
            "Registered sex offenders will have to tell police about their social media accounts.",
            "People on the sex offenders register will have to tell police about their social "
            "media accounts.",
        ),
        # no status given: the act right after the label carries it
        (
            "Witnesses said thieves smashed a window and fled.",
            "Witnesses said people smashed a window and fled.",
        ),
        (
            "The murderer in the 1920 Hampstead killings was never named.",
            "The person responsible for the 1920 Hampstead killings was never named.",
        ),
        # the role keeps the object the label carried
        (
            "The drug dealers who sell on the estate are often children themselves.",
            "The people who sell drugs on the estate are often children themselves.",
        ),
        # a definite person whose conviction is known: "of an offence" names nothing
        (
            "The Parole Board will consider whether the convict has withheld information about "
            "the victim.",
            "The Parole Board will consider whether the person convicted has withheld information "
            "about the victim.",
        ),
        # a quoted modifier names a kind of crime and goes with it, as written
        (
            "The law will stop 'no body' killers from being released on licence.",
            "The law will stop people convicted of 'no body' killings from being released on "
            "licence.",
        ),
        # the clause states the status: the role, not a status noun that repeats it
        (
            "A parolee who was released on licence in May has gone missing.",
            "A person who was released on licence in May has gone missing.",
        ),
        # only the subject can force "his way": the gender is given
        (
            "Police are hunting a burglar who tried to force his way into a flat in Hove.",
            "Police are hunting a man who tried to force his way into a flat in Hove.",
        ),
        # a pronoun after a named person is that person's, not the label's gender;
        # a fronted phrase's pronoun is the label's own
        (
            "Mrs Hale and her daughter believe the murderer should never be released from prison.",
            "Mrs Hale and her daughter believe the person convicted of murder should never be "
            "released from prison.",
        ),
        (
            "After serving half of her sentence, the burglar was released on licence.",
            "After serving half of her sentence, the woman was released on licence.",
        ),
        # a clause that tells no act keeps the offence: the time served, or
        # what was done to the person
        # a headline that is only the label and its sentence says the offence
        # after it (framing.plainer.sentenced_headline; the set's "KILLER JAILED
        # FOR LIFE" -> "JAILED FOR LIFE FOR KILLING")
        (
            "Drug Dealer Jailed For Ten Years",
            "Jailed For Ten Years For Supplying Drugs",
        ),
        (
            "Officers found a drug dealer who had been stabbed in the leg.",
            "Officers found a person who sells drugs and had been stabbed in the leg.",
        ),
        # an offence label's clause that tells no act leaves the label as the only
        # statement of the offence: the lexicon wording, not a bare role
        (
            "The robber who found God in prison was released in 2019.",
            "The person convicted of robbery who found God in prison was released in 2019.",
        ),
        # an earlier case's sentence says nothing of the label's own offence
        (
            "The burglar, who had previously been jailed for fraud, broke in again.",
            "The intruder, who had previously been jailed for fraud, broke in again.",
        ),
        # a headline's bare noun for someone sought
        ("Hunt For Rapist After Attack In Park", "Hunt For Man After Attack In Park"),
        (
            "Police Hunt Fraudster After Pensioners Lose Savings",
            "Police Hunt Suspect After Pensioners Lose Savings",
        ),
        ("Police Hunt Thief Who Stole War Medals", "Police Hunt Person Who Stole War Medals"),
        # the entry's own wording would repeat the act ("Raider After ... Raid"): the role
        (
            "Police Hunt Robber After Post Office Raid",
            "Police Hunt Suspect After Post Office Raid",
        ),
        # freed after questioning is an arrest, never a release after a sentence
        ("The thief was freed after questioning.", "The suspect was freed after questioning."),
        (
            "The burglar was released from custody on bail.",
            "The suspect was released from custody on bail.",
        ),
        (
            "Jury Told Fraudster Lied To Investors",
            "Jury Told Person Accused Of Fraud Lied To Investors",
        ),
        # people a prison word names are in prison, whoever is on trial
        (
            "The defendant told the jury that other inmates had threatened him.",
            "The defendant told the jury that other people in prison had threatened him.",
        ),
    ],
)
def test_person_wording(engine, text, expected):
    out = fixed(engine, text)
    assert out == expected
    # checking the rewrite again finds nothing new to flag (issue 10's property)
    assert not [f for f in engine.check(out) if not f.quoted and f.rewrite is not None]
