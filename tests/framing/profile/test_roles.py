"""Roles from cues any mention of a speaker gives (issue 13); accuracy on real
articles is `framewatch eval-profile`."""

from __future__ import annotations

import pytest

from framing.profile import Profile, Profiler
from lexicon.organisations import load_organisations


@pytest.fixture(scope="module")
def profiler() -> Profiler:
    return Profiler()


def _role(profile: Profile, quote_part: str) -> tuple[str, str]:
    for v in profile.voices:
        if quote_part in v.quote:
            return v.speaker, v.role
    raise AssertionError(f"no voice quoting {quote_part!r}: {[v.quote for v in profile.voices]}")


def test_every_spelling_of_a_listed_organisation_matches(tmp_path):
    extra = tmp_path / "orgs.yaml"
    extra.write_text("organisations:\n  charities:\n    - Hope Not Hate\n    - Hope not Hate\n")
    names = {o.name for o in load_organisations([extra]).items}
    assert {"Hope Not Hate", "Hope not Hate"} <= names
    # a later file still overrides an earlier one whatever its case
    again = tmp_path / "again.yaml"
    again.write_text("organisations:\n  research:\n    - hope not hate\n")
    orgs = load_organisations([extra, again]).items
    assert [o.role for o in orgs if o.name.lower() == "hope not hate"] == ["research"]


def test_an_unlisted_organisation_is_known_by_its_kind(profiler):
    text = (
        "Dr Ann Hale, head of research at the Kent Anti Racism Network, said: 'Tension is rising.'\n\n"
        "Tom Reid, of Leeds City Council, said: 'We will review the scheme.'\n\n"
        "Priya Shah, a lecturer at Birmingham City University, said: 'The figures are clear.'\n\n"
        "Sam Ode, of Barts Health NHS Trust, said: 'Two people were treated.'"
    )
    p = profiler.profile(text)
    assert _role(p, "Tension")[1] == "charities"
    assert _role(p, "review the scheme")[1] == "government"
    assert _role(p, "figures are clear")[1] == "research"
    assert _role(p, "were treated")[1] == "other"  # a hospital trust is no charity


def test_a_student_does_not_speak_for_the_university(profiler):
    text = (
        "Jessica Lane, who attends Cornell University, writes to prisoners.\n\n"
        "'I always ask about their interests,' said Jessica Lane."
    )
    assert _role(profiler.profile(text), "interests")[1] == "other"


def test_a_description_at_another_mention_gives_the_role(profiler):
    text = (
        "The inquiry heard from Ruth Black, chief executive of the Widgeteer Trust, on Monday.\n\n"
        "Later, Black said: 'Nobody listened to the families.'"
    )
    assert _role(profiler.profile(text), "Nobody listened") == ("Black", "charities")


def test_an_organisation_or_description_before_another_mention(profiler):
    text = (
        "Hope Not Hate's Joe Mulhall warned of trouble on Saturday.\n\n"
        "'There is a real danger of violence,' Mulhall said.\n\n"
        "Campaigner Ann Lowe spoke at the rally in the morning.\n\n"
        "'We want the law changed,' Lowe said."
    )
    p = profiler.profile(text)
    assert _role(p, "real danger") == ("Mulhall", "charities")
    assert _role(p, "law changed") == ("Lowe", "charities")


def test_the_next_sentences_subject_names_the_office(profiler):
    text = (
        "Boris Johnson today vowed to end early release for violent criminals.\n\n"
        "The Prime Minister wants them to serve two thirds of their sentences.\n\n"
        "'Enough is enough,' Mr Johnson said."
    )
    assert _role(profiler.profile(text), "Enough") == ("Mr Johnson", "government")


def test_a_victims_and_a_recovering_addicts_own_words(profiler):
    text = (
        "Kim Hart spoke to reporters outside the court.\n\n"
        "'I was attacked on my way home and nobody helped,' Kim Hart said.\n\n"
        "Dana Cole shared her story online.\n\n"
        "'My abusers kept me quiet,' Dana Cole said. 'Before my meth addiction I had a job.'"
    )
    p = profiler.profile(text)
    assert _role(p, "nobody helped")[1] == "victims"
    # both cues in one speaker's words: the lived-experience voice is heard
    assert _role(p, "kept me quiet")[1] == "lived_experience"


def test_the_lede_describes_the_person_it_then_names(profiler):
    text = (
        "The mother of a woman murdered by a pub landlord has called for a new law.\n\n"
        "Marie Kemp told the BBC: 'He has never said where she is.'"
    )
    assert _role(profiler.profile(text), "never said") == ("Marie Kemp", "victims")


def test_an_office_before_a_body_is_the_persons():
    from framing.profile.orgs import generic_org

    found = generic_org("Lucy Frazer, Minister of State for Prisons and Probation")
    assert found is not None and found[1].name == "Prisons and Probation"
    found = generic_org("an inmate at Brisbane Correctional Centre")
    assert found is not None and found[1].role == "prison_probation"
    found = generic_org("a fellow of the Royal College of GPs")
    assert found is not None and found[1].role == "other"


def test_either_apostrophe_matches_a_listed_name(profiler):
    text = "Jo Bell, of Women\u2019s Aid, said: 'Refuges are full.'"
    assert _role(profiler.profile(text), "Refuges") == ("Jo Bell", "charities")


def test_a_relative_sharing_the_surname_does_not_take_the_officers_rank(profiler):
    text = (
        "PC Andrew Harper was honoured at a ceremony in August.\n\n"
        "'I miss him every single day,' Lissie Harper said outside the court."
    )
    speaker, role = _role(profiler.profile(text), "miss him")
    assert speaker == "Lissie Harper" and role != "police_prosecution"


def test_a_coroner_and_a_judge_who_rules_are_courts(profiler):
    text = (
        "At the inquest in Truro, senior coroner Andrew Cox recorded a conclusion of suicide.\n\n"
        "'This was a tragedy,' Mr Cox said.\n\n"
        "Sir Duncan Ouseley ruled that the men could stay in Britain.\n\n"
        "'This is a serious issue,' Sir Duncan said."
    )
    p = profiler.profile(text)
    assert _role(p, "tragedy")[1] == "courts"
    assert _role(p, "serious issue")[1] == "courts"


def test_a_title_in_apposition_before_the_name(profiler):
    text = (
        "Patel has faced critics all week.\n\n"
        "The plans were announced by the Home Secretary, Priti Patel, on Monday.\n\n"
        "'We will not be deterred,' Patel said."
    )
    assert _role(profiler.profile(text), "deterred") == ("Patel", "government")


def test_a_lived_experience_noun_as_an_object_is_someone_elses(profiler):
    text = (
        "Tom Reid accused his rival of bribing ex-prisoners to vote.\n\n"
        "'Nobody realised how far he went with ex-prisoners,' Tom Reid said.\n\n"
        "Kevin Alter, himself an ex-heroin user, runs the project.\n\n"
        "'I know what it is like,' Kevin Alter said."
    )
    p = profiler.profile(text)
    assert _role(p, "how far he went")[1] != "lived_experience"
    assert _role(p, "what it is like")[1] == "lived_experience"


def test_criminal_exploitation_is_lived_experience(profiler):
    text = (
        "Joey Lane was recruited by a gang as a schoolboy and made to carry drugs.\n\n"
        "'I was terrified every day,' Joey Lane said."
    )
    assert _role(profiler.profile(text), "terrified")[1] == "lived_experience"


def test_policing_titles_and_a_prisoner_speaking(profiler):
    text = (
        "The UK's head of counter-terrorism policing Neil Basu gave a warning on Monday.\n\n"
        "'Children as young as 13 are being drawn in,' Mr Basu said.\n\n"
        "Policing minister Kit Malthouse announced the powers.\n\n"
        "'This will save lives,' Mr Malthouse said.\n\n"
        "'I want to go home,' the inmate said."
    )
    p = profiler.profile(text)
    assert _role(p, "as young as 13")[1] == "police_prosecution"
    assert _role(p, "save lives")[1] == "government"
    assert _role(p, "go home")[1] == "lived_experience"


def test_another_mentions_description_is_not_a_relatives(profiler):
    text = (
        "Ciara Glennon, 27, was a lawyer at a Perth firm.\n\n"
        "Her father Denis Glennon spoke outside the court.\n\n"
        "'We waited 24 years for this,' Denis Glennon said."
    )
    speaker, role = _role(profiler.profile(text), "waited 24 years")
    assert speaker == "Denis Glennon" and role == "victims"


def test_a_lede_with_a_possessive_and_an_aide(profiler):
    text = (
        "His lawyer later described the scene in the basement.\n\n"
        "Chuck Peruto said: 'He was getting ready to hide everything.'\n\n"
        "'The governor has no comment,' an aide to the governor said."
    )
    p = profiler.profile(text)
    assert _role(p, "getting ready")[1] == "courts"
    assert _role(p, "no comment")[1] == "government"


def test_a_relatives_part_said_with_the_speakers_name(profiler):
    text = (
        "Mrs Dale's daughter Ellie was murdered in 2019.\n\n"
        "'Not a day goes by,' Mrs Dale said.\n\n"
        "Ms Cole's son Rico, 24, is serving a life sentence.\n\n"
        "'He was a boy when it happened,' Ms Cole said."
    )
    p = profiler.profile(text)
    assert _role(p, "Not a day")[1] == "victims"
    assert _role(p, "was a boy")[1] == "lived_experience"


def test_a_speaker_named_as_someones_relative_is_the_relative(profiler):
    text = (
        "PC Ann Harper was killed on duty in August.\n\n"
        "'She was the best of us,' PC Harper's mother said.\n\n"
        "Tom Wray, 34, pleaded guilty to robbery.\n\n"
        "'He is not a bad boy,' Wray's mother said."
    )
    p = profiler.profile(text)
    assert _role(p, "best of us")[1] == "victims"
    assert _role(p, "not a bad boy")[1] == "lived_experience"


def test_police_commissioners_expert_witnesses_and_a_widow(profiler):
    text = (
        "'Parents must be vigilant,' Assistant Commissioner Brad Royce said.\n\n"
        "Dr Pat Gall, called by the defence, gave evidence.\n\n"
        "'He was drowning in his own nightmares,' Dr Gall said.\n\n"
        "Lissie Harper, 29, said her husband's 2019 death still feels surreal.\n\n"
        "'I refuse to crumble,' Lissie Harper said."
    )
    p = profiler.profile(text)
    assert _role(p, "vigilant")[1] == "police_prosecution"
    assert _role(p, "nightmares")[1] == "research"
    assert _role(p, "crumble")[1] == "victims"


def test_addressing_parliament_is_a_politicians_part(profiler):
    text = (
        "Matt Hale told the House of Commons the plans would go ahead.\n\n"
        "'We will not wait,' Mr Hale said."
    )
    assert _role(profiler.profile(text), "not wait")[1] == "government"


def test_founding_a_charity_is_a_charitys_part(profiler):
    text = (
        "Grace Ode set up the charity in 2010 in Leeds.\n\n"
        "'Nobody should face this alone,' Ms Ode said."
    )
    assert _role(profiler.profile(text), "face this alone")[1] == "charities"


def test_the_met_law_enforcement_judges_and_a_commons_committee(profiler):
    text = (
        "'Inquiries continue,' the Met said.\n\n"
        "'The suspect is known to us,' Russian law enforcement said.\n\n"
        "'The sentence was too short,' judges said.\n\n"
        "'Nobody is above the law,' Commons justice committee chairman Sir Bob Neill said.\n\n"
        "'Expect rain,' the Met Office said."
    )
    p = profiler.profile(text)
    assert _role(p, "Inquiries continue")[1] == "police_prosecution"
    assert _role(p, "known to us")[1] == "police_prosecution"
    assert _role(p, "too short")[1] == "courts"
    assert _role(p, "above the law")[1] == "government"
    assert _role(p, "Expect rain")[1] != "police_prosecution"


def test_a_parent_in_general_and_a_victim_word_away_from_the_name_are_no_victims(profiler):
    text = (
        "'The buses are always late,' one mother said.\n\n"
        "Tom Reed, who lives nearby, said the victim had been a quiet man.\n\n"
        "'It is a shock,' Mr Reed said.\n\n"
        "'We lost our boy,' his mother Ann Cole said.\n\n"
        "'Staff are stretched,' a Correctional Service spokesman said."
    )
    p = profiler.profile(text)
    assert _role(p, "buses are always late")[1] == "other"
    assert _role(p, "a shock")[1] == "other"
    assert _role(p, "lost our boy")[1] == "victims"
    assert _role(p, "Staff are stretched")[1] == "prison_probation"


def test_a_public_inquiry_and_its_chair_speak_as_research(profiler):
    text = (
        "'Lessons must be learned,' the public inquiry said.\n\n"
        "Sir Brian Langstaff, chairman of the Infected Blood Inquiry, said: 'This was no accident.'"
    )
    p = profiler.profile(text)
    assert _role(p, "Lessons must be learned")[1] == "research"
    assert _role(p, "no accident")[1] == "research"
