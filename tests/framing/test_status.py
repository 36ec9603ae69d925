"""The legal status read for a label (framing.status) and the wording it allows:
never "convicted" unless the text establishes a conviction (issue 10)."""

from __future__ import annotations

import pytest

from framing import apply_rewrites
from framing.status import status_for


def _status(text: str, word: str, **kw: bool) -> str:
    i = text.index(word)
    return status_for(text, i, i + len(word), **kw).value


@pytest.mark.parametrize(
    "text, word, status",
    [
        ("Police are hunting the killer of a 23-year-old woman", "killer", "wanted"),
        ("The jury was told the fraudster had used the money.", "fraudster", "on_trial"),
        ("The alleged murderer, 34, appeared at the Old Bailey", "murderer", "charged"),
        (
            "The arsonist accused of setting fire to a mosque has pleaded not guilty.",
            "arsonist",
            "charged",
        ),
        ("The burglar was jailed for four years.", "burglar", "sentenced"),
        ("The robber was found guilty of two counts of robbery.", "robber", "convicted"),
        (
            "The murderer, who was released on licence in 2016, lives in Leeds.",
            "murderer",
            "released",
        ),
        ("A man was released on bail after the thieves broke in.", "thieves", "arrested"),
        ("The burglar took jewellery worth £5,000.", "burglar", "unknown"),
    ],
)
def test_cues_decide_the_status(text, word, status):
    assert _status(text, word) == status


def test_the_cue_attached_to_the_label_wins_over_another_persons():
    # two people: the boy was arrested and released; the robber is still sought
    text = (
        "A 16-year-old boy arrested on suspicion of robbery has been released under "
        "investigation, and police are still hunting a second robber."
    )
    assert _status(text, "robber.") == "wanted"
    # a conviction in another clause is someone else's: never carried over
    text = "His brother was jailed last year, and the burglar is still at large."
    assert _status(text, "burglar") == "wanted"
    assert (
        _status("His brother was jailed last year, and the burglar lives here.", "burglar")
        == "unknown"
    )


@pytest.mark.parametrize(
    "text, word, status",
    [
        # a hedge gives way to a later pre-verdict stage, never to a conviction
        (
            "The court freed a suspected burglar on bail while awaiting trial.",
            "burglar",
            "charged",
        ),
        ("A suspected robber was jailed for four years.", "robber", "suspected"),
        # an acquittal on one count, a conviction on another: the verdict stands
        (
            "The two robbers were cleared of murder but convicted of manslaughter.",
            "robbers",
            "convicted",
        ),
        ("The two robbers were cleared of murder at the Old Bailey.", "robbers", "on_trial"),
        # the furthest stage of one person's case in the clause, in either order
        (
            "The appeal court cut the sentences of the three burglars after their convictions.",
            "burglars",
            "sentenced",
        ),
        # caught is held; caught on CCTV is an appeal
        ("The thieves were caught two days later in Leeds.", "thieves", "arrested"),
        ("The thieves were caught on CCTV leaving the shop.", "thieves", "wanted"),
        # the same subject's next verb takes an arrest on to its outcome
        (
            "The burglar was caught with the jewellery in his van and jailed for two years.",
            "burglar",
            "sentenced",
        ),
        (
            "The burglar was caught by a neighbour who was jailed for fraud last year.",
            "burglar",
            "arrested",
        ),
        (
            "The robber was arrested in a dawn raid and later charged with robbery.",
            "robber",
            "charged",
        ),
        ("The burglar was arrested and police charged his brother.", "burglar", "arrested"),
        # a weak cue of the label's own gives way to a strong one in its clause
        (
            "The looters were identified from CCTV and are due to appear in court next week.",
            "looters",
            "charged",
        ),
        # a possessive label's clause is the possessed person's: no conviction
        # is carried over to the owner
        ("The robber's accomplice was jailed for three years.", "robber's", "unknown"),
        ("The burglar's getaway driver was jailed.", "burglar's", "unknown"),
        ("The killer's life sentence was cut on appeal.", "killer's", "sentenced"),
        ("A serial burglar has been locked up after stealing jewellery.", "burglar", "sentenced"),
        # a clause of time whose pronoun agrees with the label tells its stage
        (
            "The plan offers housing to the burglar when he is released from prison.",
            "burglar",
            "released",
        ),
        (
            "The plan offers housing to a burglar when they are released from prison.",
            "burglar",
            "unknown",
        ),
        ("The thief was caught stealing from a till on camera.", "thief", "unknown"),
        # what should happen is no sentence; an idiom is no jail; a catch to come is a hunt
        ("The thug should be jailed for life, she says.", "thug", "unknown"),
        (
            "The lack of police action hands fraudsters a get out of jail free card.",
            "fraudsters",
            "unknown",
        ),
        ("He hoped they would catch the killers.", "killers", "wanted"),
        # someone new the case's sentence mentions: its cues say nothing of them
        (
            "The court heard she had contacted Fletcher-Ward, a known drug dealer, online.",
            "drug dealer",
            "unknown",
        ),
        ("The jury heard he had bought heroin from a dealer in Leeds.", "dealer", "unknown"),
        (
            "The judge ordered a suspected burglar to be freed while awaiting trial.",
            "burglar",
            "charged",
        ),
        ("Pearson, a prolific burglar, was jailed for two years.", "burglar", "sentenced"),
        ("Police launched a manhunt for an armed robber.", "robber", "wanted"),
        # wanting to do something is no police appeal
        ("The murderer told Judge Ann Hale he wanted to be executed.", "murderer", "on_trial"),
        # awaiting sentence is a conviction, not a sentence yet
        ("The thief is due to be sentenced next week after pleading guilty.", "thief", "convicted"),
        ("The jury was shown CCTV of the robbers entering the shop.", "robbers", "on_trial"),
        ("The drug dealers were held in a series of raids.", "drug dealers", "arrested"),
        ("The thief was held responsible by the shop.", "thief", "unknown"),
        # a bare label before a name after a preposition is someone else's mention
        (
            "Lauren Hale is alleged to have had a relationship with inmate Andrew Roberts.",
            "inmate",
            "unknown",
        ),
        # but a case of theirs stays theirs
        ("The trial of dealer Ceon Broughton opened at Winchester.", "dealer", "on_trial"),
        # a conviction with its own subject after a fronted phrase is that person's
        (
            "After the arsonist's arrest, his father was convicted of perjury.",
            "arsonist's",
            "arrested",
        ),
        # a quashed conviction is none, even the label's own
        ("The burglar's conviction was quashed on appeal.", "burglar's", "unknown"),
        # a record of past convictions gives way to the current case
        (
            "Police said the burglar, who has previous convictions for theft, was arrested.",
            "burglar",
            "arrested",
        ),
        ("The burglar has 30 previous convictions.", "burglar", "convicted"),
        # the head of "X of the label" owns the clause's verbs
        ("The mother of the killer was jailed for perjury.", "killer", "unknown"),
        ("The victim of the burglar was herself convicted of assault.", "burglar", "unknown"),
        # a friend or an accomplice named before the verb is someone else
        ("While his friend was jailed, the burglar escaped.", "burglar", "wanted"),
        # a headline's bare participle of release after a term
        ("Burglar Freed After 20 Years Behind Bars", "Burglar", "released"),
        ("Burglar Freed On Bail", "Burglar", "arrested"),
        # a label that is itself a sentence
        ("The programme pairs lifers with volunteers.", "lifers", "sentenced"),
        ("Parolees must report weekly.", "Parolees", "released"),
        # a sentencing policy speaks of those convicted
        ("Ministers want tougher sentencing for violent offenders.", "offenders", "sentenced"),
        # the stage a possessive label's own noun names
        ("The fraudster's trial is expected to last a month.", "fraudster's", "on_trial"),
        ("The burglar's arrest came after a tip-off.", "burglar's", "arrested"),
        # a court's public gallery or a verdict with no outcome given: in court
        ("The robber's father sat in the public gallery.", "robber's", "on_trial"),
        # a judge speaking to the label: a hearing, so pre-verdict wording at most
        ("Judge Ann Lee told the burglar his crimes had caused misery.", "burglar", "on_trial"),
    ],
)
def test_a_later_stage_of_the_same_case_holds(text, word, status):
    assert _status(text, word) == status


def test_a_hypothesis_about_a_kind_is_generic():
    text = "The law would see burglars treated more harshly if convicted twice."
    assert _status(text, "burglars", plural=True, determiner=False) == "group_generic"


def test_a_bare_plural_that_has_done_something_is_particular_people(engine):
    """ "Thieves and vandals have targeted the allotments three times this year":
    a deed in the present perfect is an event, as in the past tense; a state
    ("Criminals have long been ...") is not."""
    from framing.analysis import candidates, tagged_sentence
    from framing.status import status_of

    def read(text, word):
        s = tagged_sentence(engine.nlp, text)
        c = next(c for c in candidates(text, engine.index) if c.text.lower() == word)
        return status_of(c, s, True).value

    assert read("Thieves have targeted the allotments three times this year.", "thieves") == (
        "unknown"
    )
    assert read("Thieves have long been a problem for allotment holders.", "thieves") == (
        "group_generic"
    )


def test_a_plural_with_no_determiner_and_no_cue_is_a_generic_group():
    assert (
        _status("Criminals are using encrypted phones.", "Criminals", plural=True, determiner=False)
        == "group_generic"
    )


# the issue's legal-status sentences: before (main) and after
ISSUE = [
    (
        "Police are hunting the killer of a 23-year-old woman",
        "Police are hunting the person convicted of the killing of a 23-year-old woman",
        "Police are hunting the person who killed a 23-year-old woman",
    ),
    (
        "The jury was told the fraudster had used the money…",
        "The jury was told the person convicted of fraud had used the money…",
        "The jury was told the defendant had used the money…",
    ),
    (
        "The alleged murderer, 34, appeared at the Old Bailey",
        "The alleged person convicted of murder, 34, appeared at the Old Bailey",
        "The person accused of murder, 34, appeared at the Old Bailey",
    ),
    (
        "The arsonist accused of setting fire to a mosque has pleaded not guilty.",
        "The person convicted of arson accused of setting fire to a mosque has pleaded not guilty.",
        "The person accused of setting fire to a mosque has pleaded not guilty.",
    ),
]


@pytest.mark.parametrize("text, before, after", ISSUE)
def test_issue_sentences_before_and_after(engine, text, before, after):
    flags = engine.check(text)
    out = apply_rewrites(text, flags)
    assert out == after and out != before
    assert "convicted" not in out
    (f,) = flags
    assert f.status in ("wanted", "on_trial", "charged") and f.status_cue
    # the flag keeps the label's own span; the rewrite has its own
    assert text[f.start : f.end] == f.text and f.text.split()[-1] in text


def test_a_conviction_is_stated_only_where_the_text_gives_one(engine):
    text = "The burglar was jailed for four years at Leeds Crown Court."
    (f,) = engine.check(text)
    assert f.status == "sentenced" and f.rewrite
    text = "Officers want to trace the burglar who broke into the shop."
    (f,) = engine.check(text)
    assert f.status == "wanted" and "convict" not in (f.rewrite or "")
    assert not any("convict" in s for s in f.suggestions)


def test_no_safe_wording_means_advice_only(engine):
    # an offence label whose status is unknown and that no role fits: no guess
    text = "Andrew felt honour-bound to visit the paedophile in person."
    (f,) = engine.check(text)
    assert f.status == "unknown" and f.rewrite is None
    assert apply_rewrites(text, [f]) == text


# --- attachment by the sentence's structure, with real spaCy tags ------------------

STRUCTURE = [
    # the verb the label is the object of beats a participle after it
    (
        "Detectives hunting a serial killer believed to have murdered three women in "
        "Glasgow have released an e-fit.",
        "serial killer",
        "wanted",
    ),
    (
        "Police hunting Birmingham knifeman issue CCTV of suspect after rampage",
        "knifeman",
        "wanted",
    ),
    # the main verb after a relative clause that holds a clause of its own
    (
        "A burglar who raided 19 homes in Sheffield while their owners were on holiday "
        "has been jailed for four years.",
        "burglar",
        "sentenced",
    ),
    # a later stage of the same case, in the same clause
    (
        "The robber who faced trial last year and was jailed for six years has been released.",
        "robber",
        "released",
    ),
    ("The mugger admitted robbery and was jailed for 40 months.", "mugger", "sentenced"),
    (
        "The fraudster, who admitted 14 counts of fraud by false representation, was "
        "sentenced to three years and four months.",
        "fraudster",
        "sentenced",
    ),
    # a participle with no subject of its own stays in the clause
    (
        "Both murderers will die in prison after being handed whole-life orders.",
        "murderers",
        "sentenced",
    ),
    ("Jailed: drug dealer Kyle Brown, 24", "drug dealer", "sentenced"),
    # an appeal's description; a denied identification
    (
        "The rapist is described as white, in his 30s, of slim build and with short dark hair.",
        "rapist",
        "wanted",
    ),
    (
        "Police have not yet identified the killer, but said they were confident.",
        "killer",
        "wanted",
    ),
    # the person police believe did it, in a sentence that reports an arrest
    (
        "Detectives arrested a 22-year-old woman at an address in Hull on Wednesday, and said "
        "they believed the fraudster had targeted at least 60 people.",
        "fraudster",
        "arrested",
    ),
    # a trial under way: a denial or presumption with a jury
    (
        "The judge warned jurors not to research the case online, and reminded them the killer "
        "is presumed innocent.",
        "killer",
        "on_trial",
    ),
    (
        "The robber denies the charge and was granted bail until his trial in March.",
        "robber",
        "charged",
    ),
    # what the label itself says of the past
    (
        "The ex-inmate, now 45, told the inquiry she had been strip-searched 30 times.",
        "ex-inmate",
        "released",
    ),
    ("An ex-offender has been elected to the council.", "ex-offender", "convicted"),
    # a kind of person, not a person: a noun modifier, a quantifier
    ("Inmate numbers at HMP Durham have doubled since 2015.", "Inmate", "group_generic"),
    ("No inmate has escaped from the prison since 1996.", "inmate", "group_generic"),
    # particular people: a past event, a headline, "a group of"
    ("Police said thieves broke into the museum in the early hours.", "thieves", "unknown"),
    ("Thugs attack bus driver", "Thugs", "unknown"),
    (
        "Officers were called to reports of a group of thugs fighting outside a nightclub in "
        "Newquay at 2am on Sunday.",
        "thugs",
        "unknown",
    ),
    ("Criminals are using encrypted phones.", "Criminals", "group_generic"),
    # the people a prison holds are serving; one who should not be released too
    (
        "HMP Frankland holds some of the country's most notorious murderers.",
        "murderers",
        "sentenced",
    ),
    (
        "Her family believe the murderer should not be released due to a lack of rehabilitation.",
        "murderer",
        "sentenced",
    ),
    ("The Inmate Who Became A Barrister", "Inmate", "released"),
    # a police warning, a search, a getaway: someone sought
    (
        "Police have warned women in Cambridge to be vigilant after a predator followed a "
        "student home.",
        "predator",
        "wanted",
    ),
    (
        "Police said the thugs kicked the man in the head, then ran off towards the station.",
        "thugs",
        "wanted",
    ),
    # a detective's guess is a suspicion; "may have evidence" is not one
    ("Detectives said the murderer may have taken the victim's phone.", "murderer", "suspected"),
    # a headline that is only a list, or a generic claim, names nobody in particular
    ("Burglars, robbers and car thieves", "Burglars", "group_generic"),
    (
        "Criminals who assault emergency workers will face up to two years in prison",
        "Criminals",
        "group_generic",
    ),
    # the noun after the label is a group of actual people, not a kind
    (
        "Police say they have broken up a paedophile ring operating in Leeds.",
        "paedophile",
        "unknown",
    ),
    (
        "Inmate mental health services are overstretched, the report found.",
        "Inmate",
        "group_generic",
    ),
    (
        "He was killed by a gang of three teenage thieves in August last year.",
        "thieves",
        "unknown",
    ),
]


@pytest.mark.parametrize("text, word, status", STRUCTURE)
def test_status_follows_the_sentence_structure(engine, text, word, status):
    got = [f for f in engine.check(text) if f.text == word or word in f.text]
    assert got, f"no flag on {word!r}"
    assert got[0].status == status, (got[0].status, got[0].status_cue)
    if status in ("unknown", "group_generic", "wanted", "arrested", "on_trial", "charged"):
        assert "convict" not in (got[0].rewrite or "")


NO_CONVICTION = [
    # a conviction in a clause with its own subject is someone else's
    "A robber who attacked a pensioner after his brother was jailed last year is still being sought.",
    "A man has been arrested after a burglar broke into a house in Leeds.",
    # an admission of anything is no guilty plea
    "He admits he was a thug in his youth, but says boxing turned his life around.",
    # a quashed sentence leaves no conviction
    "Drug-dealer Ceon Broughton, 31, was released from prison on August 18 after his "
    "eight-year sentence was overturned.",
    # a generic indefinite is nobody in particular
    "An ex-offender's right to a fresh start is protected by the Rehabilitation of Offenders Act.",
    # another person's conviction inside the label's clause
    "The burglar who targeted the home of a woman whose son was jailed last year is still "
    "being sought.",
    # a risk of jail is not a sentence; a police cell is not prison
    "The thug could be jailed for up to five years.",
    "The killer faces a prison term of at least 15 years.",
    "He was locked up in a police cell overnight after the thug punched a man.",
    # "never been identified" is no appeal, and no conviction either
    "The murderer in the 1888 Whitechapel killings has never been identified.",
]


@pytest.mark.parametrize("text", NO_CONVICTION)
def test_no_conviction_where_the_sentence_gives_none_for_the_label(engine, text):
    for f in engine.check(text):
        assert f.status not in ("convicted", "sentenced", "released"), (f.text, f.status_cue)
        assert "convict" not in (f.rewrite or "")


# --- the sentence's neighbours: the paragraph, the earlier text, the headline ------

NEIGHBOURS = [
    # a definite label with no cue of its own reads the text before it
    (
        "Police are hunting a man after a woman was attacked in a park in Leeds.\n\n"
        "The rapist approached her from behind on the towpath.",
        "",
        "rapist",
        "wanted",
        "earlier in the article",
    ),
    (
        "A burglar has been jailed for four years at Leeds Crown Court. The burglar broke "
        "into 19 homes while their owners were on holiday.",
        "",
        "burglar broke",
        "sentenced",
        "earlier",  # the same label was said to be jailed: "said of the same label earlier"
    ),
    (
        "The burglar broke into 19 homes while their owners were on holiday.",
        "Burglar jailed for raiding 19 homes",
        "burglar",
        "sentenced",
        "in the headline",
    ),
    # a conviction in a text that also reports a hunt may be someone else's
    (
        "Smith was jailed for six years. Police are still hunting his accomplice. "
        "The robber stole a car.",
        "",
        "robber",
        "wanted",
        "earlier in the paragraph",
    ),
]


@pytest.mark.parametrize("text, headline, word, status, where", NEIGHBOURS)
def test_a_label_reads_its_neighbours_where_its_sentence_says_nothing(
    engine, text, headline, word, status, where
):
    at = text.index(word)
    (f,) = [f for f in engine.check(text, headline=headline) if f.start <= at < f.end]
    assert (f.status, where in f.status_cue) == (status, True), (f.status, f.status_cue)
    if status not in ("convicted", "sentenced", "released"):
        assert "convict" not in (f.rewrite or "")


def test_the_same_label_earlier_keeps_its_status_and_no_retagging(engine):
    # "the pedophile" is the convicted pedophile named before, not the denial between
    text = (
        "The convicted pedophile Epstein died in a US prison in August. Prince Andrew "
        "denied the claims. The pedophile had many powerful friends."
    )
    before = engine.tagged_windows
    flags = engine.check(text)
    later = [f for f in flags if f.text == "pedophile"]
    assert [f.status for f in later] == ["convicted"]
    assert "same label earlier" in later[0].status_cue
    # the sentence read again with its context reuses its tags
    assert engine.tagged_windows - before <= 2


def test_neighbours_never_speak_for_a_new_person_or_a_sentence_alone(engine):
    # "A burglar" introduces someone new: the conviction before is another's
    text = "A man was jailed for burglary last week. A burglar also broke into a shop nearby."
    at = text.index("burglar also")
    (f,) = [f for f in engine.check(text) if f.start <= at < f.end]
    assert f.status == "unknown" and "convict" not in (f.rewrite or "")
    # the sentence alone (the rewrite set's unit) reads only itself
    (f,) = engine.check("The burglar broke into 19 homes while their owners were on holiday.")
    assert f.status == "unknown"
    # a cue in a quotation is someone else's words
    text = '"He should be jailed," a neighbour said. The burglar broke in at night.'
    (f,) = [f for f in engine.check(text) if f.text == "burglar"]
    assert f.status == "unknown"


def test_a_graded_group_the_sentencing_system_handles_is_convicted(engine):
    """ "rehabilitate low-level offenders to cut reoffending", "sentencing reforms ... persistent
    offenders": people graded by their offence whom the system deals with after
    a verdict are people convicted; the same group with no such talk is a
    generic group, and an ungraded one ("Offenders who complete the course
    are less likely to reoffend") stays generic."""
    from framing.analysis import candidates, tagged_sentence
    from framing.status import status_of

    def read(text, word):
        s = tagged_sentence(engine.nlp, text)
        c = next(c for c in candidates(text, engine.index) if c.text.lower() == word)
        return status_of(c, s, True).value

    assert read("The plan to cut reoffending by petty offenders starts today.", "offenders") == (
        "convicted"
    )
    assert read("The sentencing reforms target violent criminals.", "criminals") == "convicted"
    assert read("Violent criminals are a danger to everyone.", "criminals") != "convicted"
    assert read("Offenders who finish the course are less likely to reoffend.", "offenders") != (
        "convicted"
    )
