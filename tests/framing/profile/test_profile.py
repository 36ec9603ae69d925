"""The profile's parts on short articles written to show each attribution
pattern; accuracy on real whole articles is `framewatch eval-profile`."""

from __future__ import annotations

import pytest

from framing.profile import Profile, Profiler
from framing.profile.linear import LinearModel
from lexicon.errors import LexiconError
from lexicon.organisations import load_organisations

ARTICLE = (
    "Prison numbers have risen by 20% since 2010, according to Ministry of Justice figures.\n\n"
    "\u201cWe are locking up more people for longer and it is not working,\u201d said Andrea "
    "Coomber, chief executive of the Howard League for Penal Reform.\n\n"
    "\u201cReoffending rates tell the story.\u201d\n\n"
    "Det Insp John Smith, of Kent Police, said: \u201cWe arrested three men on Tuesday night.\u201d\n\n"
    "Marcus Bell, who spent six years in prison, told the BBC the education classes he took "
    "inside gave him a second chance.\n\n"
    "\u201cI would not have a job without them,\u201d he said.\n\n"
    "A study by the University of Oxford found that restorative justice cut reoffending by 14%.\n\n"
    "Smith added that the investigation was continuing."
)


@pytest.fixture(scope="module")
def profiler() -> Profiler:
    return Profiler()


def _speaker(profile: Profile, quote_part: str) -> tuple[str, str, str]:
    for v in profile.voices:
        if quote_part in v.quote:
            return v.speaker, v.role, v.how
    raise AssertionError(f"no voice quoting {quote_part!r}: {[v.quote for v in profile.voices]}")


def test_voices_are_attributed_by_each_pattern(profiler):
    p = profiler.profile(ARTICLE)
    assert _speaker(p, "locking up") == ("Andrea Coomber", "charities", "said X")
    # a quotation alone in its paragraph: the speaker of the one before
    assert _speaker(p, "Reoffending rates")[:2] == ("Andrea Coomber", "charities")
    assert _speaker(p, "arrested three")[:2] == ("Det Insp John Smith", "police_prosecution")
    assert _speaker(p, "education classes")[:2] == ("Marcus Bell", "lived_experience")
    # "he said": the pronoun is the last named speaker
    assert _speaker(p, "would not have a job")[:2] == ("Marcus Bell", "lived_experience")
    # a later mention by surname takes its role from the first mention's title
    assert _speaker(p, "investigation was continuing")[:2] == ("Smith", "police_prosecution")
    kinds = {v.kind for v in p.voices}
    assert kinds == {"direct", "reported"}
    for v in p.voices:
        assert ARTICLE[v.quote_start : v.quote_end] == v.quote
        assert v.speaker_start is not None and ARTICLE[v.speaker_start : v.speaker_end] == v.speaker
        assert v.cue


def test_scare_quotes_are_not_voices(profiler):
    p = profiler.profile("The fight, over what pupils call \u201cschool beef\u201d, left him hurt.")
    assert p.voices == ()


def test_a_fragment_is_the_voice_of_its_sentences_subject(profiler):
    # the labelling guide: a fragment attributed in its own sentence is a voice
    text = (
        "Rounding on the force, Mr Corbyn called it an 'obnoxious trend' online.\n\n"
        "Robyn Thompson, from Woking, Surrey, said she left her 'unusable' car on her drive.\n\n"
        "The victim had been 'prodded in the face' with a knife, Winchester Crown Court heard."
    )
    p = profiler.profile(text)
    assert _speaker(p, "obnoxious")[0] == "Mr Corbyn"
    assert _speaker(p, "unusable")[0] == "Robyn Thompson"
    assert _speaker(p, "prodded")[:2] == ("Winchester Crown Court", "courts")


def test_unattributed_quotations_go_to_the_nearest_naming_mention(profiler):
    text = (
        "Chief Superintendent Nigel Brookes from Kent Police said: 'We will not tolerate "
        "violence or disorder.'\n\n"
        "'Anyone planning to visit should be aware they are not welcome here.'\n\n"
        "Campaigners gathered on the seafront on Saturday afternoon.\n\n"
        "Speaking in court, Mr Cornish's daughter Beverley Cornish explained her fears.\n\n"
        "'I saw danger and I told him so.'\n\n"
        "Investigator: 'Do you admit your guilt?'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "not tolerate")[:2] == (
        "Chief Superintendent Nigel Brookes",
        "police_prosecution",
    )
    assert _speaker(p, "not welcome")[0] == "Chief Superintendent Nigel Brookes"
    # a narrative paragraph naming someone else ends the carry-over; the possessor
    # ("Mr Cornish's") is not the subject
    assert _speaker(p, "saw danger")[0] == "Beverley Cornish"
    assert _speaker(p, "admit your guilt")[0] == "Investigator"


def test_solutions_evidence_and_score_are_explained(profiler):
    p = profiler.profile(ARTICLE, title="Prison numbers rise")
    kinds = {m.kind for m in p.solution_spans}
    assert "restorative justice" in kinds and "education" in kinds
    assert any(m.kind in ("study", "found that") for m in p.evidence_spans)
    assert p.solutions.label == "yes" and p.evidence.label == "yes"
    assert p.lived_experience
    assert p.score == sum(part.points for part in p.score_parts)
    assert all(0 <= part.points <= part.out_of and part.reason for part in p.score_parts)
    assert sum(part.out_of for part in p.score_parts) == 100
    assert p.frame.drivers and all(d.feature for d in p.frame.drivers)
    # a court report with no context, no voices beyond the police, scores lower
    court = profiler.profile(
        "A man was jailed for eight years at Leeds Crown Court on Friday after he stabbed "
        "a neighbour. \u201cThis was a cowardly attack,\u201d said Det Sgt Ann Lee of West "
        "Yorkshire Police."
    )
    assert court.frame.label == "episodic"
    assert court.score < p.score


def test_language_counts_the_engines_flags(profiler, engine):
    text = "The thug was jailed. Police said the yob was a danger to the public."
    title = "Thug jailed"
    p = profiler.profile(text, title, engine.check(text), engine.check(title))
    assert p.language.headline_flags == 1
    assert p.language.own_voice_per_1000 > 0
    assert dict(p.language.per_1000)["high"] + dict(p.language.per_1000)["medium"] > 0
    assert p.score_parts[-1].part == "language" and p.score_parts[-1].points < 10


def test_profile_round_trips_through_json(profiler):
    p = profiler.profile(ARTICLE)
    assert Profile.from_json(p.to_json()) == p


def test_organisations_are_editable(tmp_path):
    extra = tmp_path / "orgs.yaml"
    extra.write_text("organisations:\n  charities:\n    - Widgeteer Rehabilitation Trust\n")
    orgs = load_organisations([extra])
    names = {o.name: o.role for o in orgs.items}
    assert names["Widgeteer Rehabilitation Trust"] == "charities"
    assert names["HMPPS"] == "prison_probation"
    p = Profiler(organisations=orgs).profile(
        "\u201cIt changed my life,\u201d said a spokeswoman for Widgeteer Rehabilitation Trust."
    )
    assert p.voices[0].role == "charities"
    assert "Widgeteer" in p.voices[0].cue
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisations:\n  wizards:\n    - Unseen University\n")
    with pytest.raises(LexiconError, match="unknown role 'wizards'"):
        load_organisations([bad])


def test_linear_model_rejects_a_malformed_file():
    from framing.errors import ModelError

    with pytest.raises(ModelError, match="differ in length"):
        LinearModel.from_json(
            {
                "features": ["a", "b"],
                "mean": [0],
                "scale": [1],
                "weights": [1],
                "intercept": 0,
                "positive": "yes",
                "negative": "no",
            }
        )


def test_the_spacy_component_puts_the_profile_on_the_doc():
    import spacy

    import framing.profile.component  # noqa: F401 - registers the factory
    from framing.errors import ComponentError

    nlp = spacy.blank("en")
    nlp.add_pipe("framewatch_profile")
    with pytest.raises(ComponentError, match="initialize"):
        nlp("\u201cIt works,\u201d said Ann Lee.")
    nlp.get_pipe("framewatch_profile").initialize()
    doc = nlp(ARTICLE)
    assert doc._.profile.score == Profiler().profile(ARTICLE).score
    speakers = {s.text: s._.voice.role for s in doc._.voices}
    assert speakers["Andrea Coomber"] == "charities"
    assert speakers["Marcus Bell"] == "lived_experience"


def test_a_role_can_come_from_what_the_article_says_elsewhere(profiler):
    # a court report names the defendant and the victim long before they speak
    text = (
        "A man was left with a broken jaw after an attack outside a pub in Leeds.\n\n"
        "John Wray, 34, of Headingley, pleaded guilty to grievous bodily harm.\n\n"
        "Mr Robertson was punched four times and needed surgery.\n\n"
        "Wray told the court: 'I am ashamed of what I did that night.'\n\n"
        "Mr Robertson said: 'I still cannot sleep properly.'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "ashamed")[:2] == ("Wray", "lived_experience")
    assert _speaker(p, "cannot sleep")[:2] == ("Mr Robertson", "victims")


def test_a_relative_who_speaks_is_a_victims_family_and_the_force_is_police(profiler):
    text = (
        "Bernadette, 17, has not been seen since July.\n\n"
        "In August Bernadette's mother Sarah told a local news site: 'I can't eat or sleep.'\n\n"
        "A spokesperson for the force said: 'Our inquiries are continuing.'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "eat or sleep")[:2] == ("Sarah", "victims")
    assert _speaker(p, "inquiries")[1] == "police_prosecution"


def test_a_sentence_opener_is_not_part_of_a_name_and_labels_stay_unattributed(profiler):
    text = (
        "In December Neil Gillingham spoke outside the parole hearing in Bristol.\n\n"
        "'We will keep fighting until she is found.'\n\n"
        "The so-called 'rule of six' rules were published at the weekend."
    )
    p = profiler.profile(text)
    assert _speaker(p, "keep fighting")[0] == "Neil Gillingham"
    assert not any("rule of six" in v.quote for v in p.voices if v.speaker)


def test_a_defendant_answering_the_case_earns_no_lived_experience_point(profiler):
    court = (
        "John Wray, 34, of Headingley, pleaded guilty to grievous bodily harm.\n\n"
        "Wray told the court: 'I am ashamed of what I did that night.'"
    )
    p = profiler.profile(court)
    assert _speaker(p, "ashamed")[1] == "lived_experience"
    lived = next(s for s in p.score_parts if s.part == "lived experience")
    assert lived.points == 0 and "accused" in lived.reason
    p = profiler.profile(ARTICLE)  # Marcus Bell, who spent six years in prison
    lived = next(s for s in p.score_parts if s.part == "lived experience")
    assert lived.points > 0


def test_accusers_experts_and_the_court_get_their_own_roles(profiler):
    text = (
        "Sir Keir Starmer accused the Prime Minister of losing control of the streets.\n\n"
        "'This government has failed,' Sir Keir Starmer said.\n\n"
        "One legal expert said: 'The case turns on the definition of consent.'\n\n"
        "The victim was 'terrified for her life', the court heard.\n\n"
        "His defense attorney Bryan Williams said: 'My client is serious.'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "has failed")[1] == "government"
    assert _speaker(p, "definition of consent")[1] == "research"
    assert _speaker(p, "terrified")[1] == "courts"
    assert _speaker(p, "client is serious")[1] == "courts"


def test_a_pronoun_is_the_last_person_of_its_sex_named_outside_quotations(profiler):
    text = (
        "Speaking in court, Mr Cornish's daughter Beverley explained her fears.\n\n"
        "She said: 'I saw danger and I told him so.'\n\n"
        "Senator Ben Sasse said the charges against the two staffers are overdue.\n\n"
        '"Heads needed to roll the day Jeffrey Epstein died," he said.\n\n'
        "Her sister, Amanda Tessier, said Miss Bushby was devastated by the news.\n\n"
        "Describing Mr Ratana, she said: 'He was a great big friendly bear of a man.'"
    )
    p = profiler.profile(text)
    # "Mr Cornish" is a man and a possessor; "daughter" makes Beverley a woman
    assert _speaker(p, "saw danger")[0] == "Beverley"
    # the name inside the quotation is not the speaker; "Sasse" alone is a name
    # because the article gave it in full
    assert _speaker(p, "Heads needed")[0] in ("Sasse", "Senator Ben Sasse", "Ben Sasse")
    # "Mr Ratana" is a man, so "she" is the sister
    assert _speaker(p, "friendly bear")[0] == "Amanda Tessier"


def test_a_persons_role_comes_from_all_their_mentions(profiler):
    # prosecution counsel by the side named at the first mention, whatever the
    # later "QC"; a victim by what was done to them; a prison officer attacked
    # at work speaks as a victim; an ex-prisoner by her own words; a friend is other
    text = (
        "Sean Brunton QC, prosecuting, told jurors the attack was planned.\n\n"
        "'He knew the victim well,' Mr Brunton QC said.\n\n"
        "Fleck pointed the shotgun at Mr Robertson before firing twice.\n\n"
        "Mr Robertson said: 'I was terrified for my children.'\n\n"
        "Hockton admitted assault occasioning actual bodily harm against Ms Ibbotson.\n\n"
        "Prison officer Ms Ibbotson said: 'I felt the blood on my face.'\n\n"
        "Jo Bell said: 'When I was in prison nobody asked what I needed.'\n\n"
        "A friend of the family said: 'They are devastated by what happened.'\n\n"
        "Charlotte Edmonds, 38, lost £1,700 to a fake holiday let.\n\n"
        "Ms Edmonds said: 'I feel such a fool for paying up front.'\n\n"
        "Aomar Ait Khedache, the alleged mastermind, said: 'She was an easy target for us.'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "knew the victim")[1] == "police_prosecution"
    assert _speaker(p, "terrified")[1] == "victims"
    assert _speaker(p, "blood on my face")[1] == "victims"
    assert _speaker(p, "nobody asked")[1] == "lived_experience"
    assert _speaker(p, "devastated")[1] == "other"
    assert _speaker(p, "such a fool")[1] == "victims"
    assert _speaker(p, "easy target")[1] == "lived_experience"


def test_a_description_gives_way_to_the_name_beside_it(profiler):
    text = (
        "After the case on Monday, September 21, Detective Sergeant Jon Kerry, of "
        "Nottinghamshire Police, said: 'Burrell decided to threaten shop workers.'\n\n"
        "GMP's match commander, superintendent Gareth Parkin, added: 'We are aware of a "
        "number of objects thrown.'\n\n"
        "Holland's attorney Bryan Williams confirmed his client is 'serious' about it.\n\n"
        "The detainee replied: 'For murder.'\n\n"
        "Judge Dennis Watson QC rejected the claim as a 'spiteful attack' on her."
    )
    p = profiler.profile(text)
    assert _speaker(p, "threaten shop")[0] == "Detective Sergeant Jon Kerry"
    speaker, _role, how = _speaker(p, "number of objects")
    assert speaker == "Gareth Parkin"
    assert _speaker(p, "serious")[0] == "Bryan Williams"
    assert _speaker(p, "For murder")[0] == "The detainee"
    assert _speaker(p, "spiteful attack")[0] == "Judge Dennis Watson QC"


def test_single_quoted_fragments_ending_in_a_plural_are_separate_voices(profiler):
    text = (
        "The judge accepted the behaviour had been 'spontaneous' and 'random' while "
        "describing his actions as 'every parent's nightmare'."
    )
    quotes = [v.quote for v in profiler.profile(text).voices]
    assert "'spontaneous'" in quotes and "'random'" in quotes
    assert all(q.count("'") <= 3 for q in quotes), quotes


def test_the_text_model_applies_what_scikit_learn_fitted_and_names_its_words():
    # the shipped text part is applied without scikit-learn: its TF-IDF must be
    # scikit-learn's, and the words that pushed the decision must be listed
    from framing.evaluate.profile import fit_text_model
    from framing.profile.features import FEATURE_NAMES, term_values
    from framing.profile.linear import LinearModel

    texts = [
        "Prison numbers rose again, figures show, as reoffending rates climb.",
        "A man was jailed after a stabbing outside a pub in Leeds.",
        "Reoffending figures show rates rose across prisons since 2010.",
        "The court heard the man was jailed for the stabbing.",
        "Prisons report rates of reoffending fell, figures show.",
        "He was jailed for a pub stabbing, the court heard.",
    ]
    y = [True, False, True, False, True, False]
    rows = [[float(i % 3)] * len(FEATURE_NAMES) for i in range(len(texts))]
    data = fit_text_model(texts, rows, y, "thematic", "episodic", 1.0, 0.1)
    model = LinearModel.from_json(data)
    # parity with scikit-learn's own transform and decision
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.profile.features import terms

    vec = TfidfVectorizer(analyzer=terms, sublinear_tf=True, min_df=3, max_df=0.9).fit(texts)
    ours = term_values(texts[2], model.idf)
    theirs = vec.transform([texts[2]]).toarray()[0]
    for w, i in vec.vocabulary_.items():
        assert abs(ours.get(f"term:{w}", 0.0) - theirs[i]) < 1e-5
    values = dict(zip(FEATURE_NAMES, rows[2], strict=True)) | ours
    d = model.decide(values)
    assert d.label == "thematic"
    assert any(c.feature.startswith("term:") for c in d.drivers)


def test_later_mentions_say_who_a_speaker_is_but_not_who_stands_before_them(profiler):
    text = (
        "The Addict's Diary is a community for people in recovery.\n\n"
        "'Heroin took over my life for eleven years,' Kevin said.\n\n"
        "Kevin, now 31, went to rehab 29 times before it worked.\n\n"
        "Durham was arrested and served two years in prison, but it wasn't Brand who caught him.\n\n"
        "'We found the painting in a flat in Amsterdam,' Brand said."
    )
    p = profiler.profile(text)
    assert _speaker(p, "took over my life")[1] == "lived_experience"
    assert _speaker(p, "found the painting")[1] != "lived_experience"


def test_a_fragment_belongs_to_the_named_speaker_nearest_it_in_its_sentence(profiler):
    text = (
        "The court heard that Paul Whitfield, a paramedic, described the scene as a "
        "'blood bath'.\n\n"
        "Home Secretary Priti Patel said she wants a 'fresh look' at the law, while Boris "
        "Johnson deemed the act 'completely unacceptable'."
    )
    p = profiler.profile(text)
    assert _speaker(p, "blood bath")[0] == "Paul Whitfield"
    assert _speaker(p, "fresh look")[0].endswith("Priti Patel")
    assert _speaker(p, "completely unacceptable")[0] == "Boris Johnson"


def test_a_pronoun_with_no_name_before_is_the_described_subject_before_it(profiler):
    text = (
        "Police were called to the airport on Tuesday night.\n\n"
        "The passenger revealed how the plane was seconds from take off.\n\n"
        "He told the Sun: 'The doors were shut, we were ready to fly.'"
    )
    assert _speaker(profiler.profile(text), "doors were shut")[0] == "The passenger"


def test_the_spokesman_is_whoever_the_article_said_the_spokesman_was_for(profiler):
    text = (
        "A Government spokesman told reporters that open prisons are closely watched.\n\n"
        "'Our thoughts remain with the victim,' the spokesman said."
    )
    p = profiler.profile(text)
    assert _speaker(p, "thoughts remain")[1] == "government"


def test_the_accuseds_lawyer_and_family_and_the_president(profiler):
    text = (
        "Raymond Rodio, 49, pleaded guilty to sex trafficking in February.\n\n"
        "Nancy Rodio, his mother, said: 'He was always a gentle boy to me.'\n\n"
        "'The system failed him at every turn,' Alexander's attorney, Rod Vereen, told reporters.\n\n"
        "'This is a disgrace and a scandal,' the president said.\n\n"
        "Phil Chalmers started researching teen killers in 1985.\n\n"
        "'They want to be remembered,' Chalmers said."
    )
    p = profiler.profile(text)
    assert _speaker(p, "gentle boy")[1] == "lived_experience"
    assert _speaker(p, "failed him")[1] == "courts"
    assert _speaker(p, "a disgrace")[1] == "government"
    assert _speaker(p, "be remembered")[1] == "research"


def test_a_fragment_is_the_voice_of_the_subject_of_the_verb_of_saying_over_it(profiler):
    # no pattern attributes these: the dependency parse of their sentences does
    text = (
        "Robert Child struck his mother 31 times.\n\n"
        "But Child, a former conjurer who had some status, denied that the murder was for "
        "money and claimed she had provoked him into a 'sudden rage'.\n\n"
        "His story of a paedophile ring was deemed 'credible and true' by the Met.\n\n"
        "He was later branded 'Public Enemy Number One' after the case.\n\n"
        "Officers drove a silver Mercedes 'stash car' through the city."
    )
    p = profiler.profile(text)
    speaker, _role, how = _speaker(p, "sudden rage")
    assert speaker == "Child" and how.startswith("parse")
    speaker, _role, how = _speaker(p, "credible and true")
    assert speaker == "the Met" and how.startswith("parse")
    # a passive with no one named, and a quoted name of a thing, have no speaker
    assert not any(v.speaker for v in p.voices if "Public Enemy" in v.quote or "stash" in v.quote)


def test_a_picture_caption_does_not_break_a_speakers_run_of_paragraphs(profiler):
    text = (
        "Ellie Gould was killed in 2019.\n\n"
        "Her mother Carole Gould said: 'I sprinted up the drive to find Matt sobbing.\n\n"
        "Ellie Gould was studying for her A-Levels when her ex-boyfriend arrived at her home\n\n"
        "'Two officers sat us in the back of their car and asked who her friends were.\n\n"
        "'We were taken to the police station and told it was a murder inquiry.'"
    )
    p = profiler.profile(text)
    assert _speaker(p, "Two officers")[0] == "Carole Gould"
    assert _speaker(p, "murder inquiry")[0] == "Carole Gould"


def test_the_parse_gives_fragments_to_the_court_told_and_to_according_to(profiler):
    text = (
        "Examination of his devices revealed he had downloaded an 'enormous volume' of "
        "material, the court was told.\n\n"
        "According to investigators, his mother was 'in fear of the defendant' that night.\n\n"
        "Police said they were 'really worried' about the calls."
    )
    p = profiler.profile(text)
    assert _speaker(p, "enormous volume")[0] == "the court"
    assert _speaker(p, "in fear of")[0] == "investigators"
    assert _speaker(p, "really worried")[0] == "Police"


def test_a_name_after_a_title_or_a_description_of_a_place_is_the_speaker(profiler):
    text = (
        "\u201cWe pray for the full recovery of both men,\u201d said White House Press "
        "Secretary Stephanie Grisham.\n\n"
        "A month earlier, the president of Belarus, Alexander Lukashenko, had told a "
        "Russian radio station the case was under his personal control."
    )
    p = profiler.profile(text)
    assert _speaker(p, "full recovery")[0].endswith("Stephanie Grisham")
    assert _speaker(p, "personal control")[0] == "Alexander Lukashenko"
