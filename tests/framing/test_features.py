"""framing.features: the context stored with a decision, on the real spaCy model."""

from __future__ import annotations

from framing.features import context, describe, section_of


def test_a_label_before_a_thing_reads_as_modifying_it(engine):
    text = "She wore killer heels to the launch. The killer was jailed for life."
    heels = context(text, text.index("killer"), text.index("killer") + 6, engine.tag)
    assert heels["tagged"] and heels["after"] == ["heels", "to", "the", "launch"]
    assert heels["pos_after"][0] == "NOUN" and heels["lemmas_after"][0] == "heel"
    assert heels["referent"] == "modifies:thing"
    assert heels["pattern"].startswith("PRON VERB [")
    second = text.rindex("killer")
    person = context(text, second, second + 6, engine.tag)
    assert person["before"] == ["the"] and person["referent"] != heels["referent"]
    assert person["referent"].startswith("self:")


def test_a_label_after_a_linking_verb_is_a_predicate(engine):
    text = "Supermarkets are the worst offenders for plastic waste."
    i = text.index("offenders")
    assert context(text, i, i + 9, engine.tag)["referent"].startswith("predicate:")


def test_without_a_tagger_the_words_are_still_recorded():
    text = "Mr Smith said the yobs had gone."
    i = text.index("yobs")
    got = context(text, i, i + 4)
    assert got == {
        "version": 1,
        "before": ["mr", "smith", "said", "the"],
        "after": ["had", "gone"],
        "sentence_start": False,
        "capitalised": False,
        "span_kind": got["span_kind"],
        "tagged": False,
    }


def test_describe_keeps_the_flag_and_where_it_was(engine):
    text = "Inmates rioted."
    got = describe(
        text,
        0,
        7,
        entry="inmate",
        category="person-label",
        severity="high",
        quoted=False,
        outlet="The Daily",
        url="https://daily.example/news/uk/2026/inmates-riot",
        status="new",
        tag=engine.tag,
    )
    assert (got["entry"], got["text"], got["outlet"], got["section"]) == (
        "inmate",
        "Inmates",
        "The Daily",
        "uk",
    )
    assert got["context"]["sentence_start"] and got["context"]["capitalised"]


def test_section_of_reads_the_first_path_segment():
    assert section_of("https://www.theguardian.com/fashion/2019/may/01/heels") == "fashion"
    assert section_of("https://www.bbc.co.uk/sport/football/123") == "sport"
    assert section_of("https://example.com/2019/05/01/story") == ""
    assert section_of("https://example.com/story-only") == ""
