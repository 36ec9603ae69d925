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
