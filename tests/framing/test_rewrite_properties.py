"""Property tests for safe rewrites (issue 10), over generated news sentences:

- no output says "convicted" for a person whose status is not a conviction;
- applying every rewrite and checking again gives no new flags and no doubled words;
- a quotation is byte-identical after the fix.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import apply_rewrites

LABELS = [
    "killer",
    "murderer",
    "burglar",
    "thief",
    "robber",
    "fraudster",
    "arsonist",
    "rapist",
    "drug dealer",
    "offender",
    "criminal",
    "thug",
    "knifeman",
    "mugger",
    "shoplifter",
    "looter",
    "paedophile",
    "sex beast",
    "predator",
    "serial killer",
    "armed robber",
    "vandal",
]
PLURAL = {
    "thief": "thieves",
    "knifeman": "knifemen",
    "sex beast": "sex beasts",
}
DETS = ["the", "a", "the alleged", "two", "the suspected", "The", "A"]
# {L}: the labelled person or people; every frame is before a verdict
PRE_VERDICT = [
    "Police are hunting {L} who broke into a house in Leeds.",
    "Detectives believe {L} fled in a silver car.",
    "{L} was arrested at the scene after neighbours called 999.",
    "{L} accused of the attack appeared at Leeds Crown Court on Monday.",
    "The jury heard {L} had used a stolen card.",
    "{L}, who denies the charge, will stand trial in June.",
    "Officers want to trace {L} after the raid on the post office.",
    "Prosecutors told the court {L} had planned the raid.",
    "His brother was jailed last year, and {L} is still at large.",
    "The trial continues, and {L} is expected to give evidence next week.",
    "Anyone who recognises {L} is asked to call Crimestoppers.",
    "{L} has pleaded not guilty and was remanded in custody.",
    "A man has been arrested after {L} attacked a woman in the park.",
    "Police have released CCTV images of {L} they want to identify.",
]
QUOTED = [
    'The officer said: "{L} should be ashamed," and left.',
    'A neighbour told reporters "{L} ran that way" before police arrived.',
    "“{L} took everything,” the victim said, as {M} was jailed.",
]
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("FW_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)


def _noun(label: str, det: str) -> str:
    if det == "two":
        return PLURAL.get(label, label + "s")
    return label


def _phrase(det: str, label: str) -> str:
    noun = _noun(label, det)
    if det.lower() == "a" and noun[0] in "aeiou":
        det = det[0] + "n" if det == "a" else "An"
    return f"{det} {noun}"


def _sentence(frame: str, det: str, label: str) -> str:
    p = _phrase(det, label)
    if frame.startswith("{L}"):
        p = p[0].upper() + p[1:]
    return frame.replace("{L}", p)


labelled = st.tuples(st.sampled_from(PRE_VERDICT), st.sampled_from(DETS), st.sampled_from(LABELS))


@SETTINGS
@given(labelled)
def test_no_conviction_is_stated_before_a_verdict(engine, case):
    text = _sentence(*case)
    flags = engine.check(text)
    out = apply_rewrites(text, flags)
    if "convict" not in text.lower():
        assert "convict" not in out.lower(), (text, out)
    for f in flags:
        if f.rewrite is not None:
            assert f.status not in ("convicted", "sentenced", "released"), (text, f)


@SETTINGS
@given(st.lists(labelled, min_size=1, max_size=3))
def test_applying_every_rewrite_gives_no_new_flags_and_no_doubled_words(engine, cases):
    text = " ".join(_sentence(*c) for c in cases)
    flags = engine.check(text)
    out = apply_rewrites(text, flags)
    # what may still be flagged: the labels left as advice (or quoted)
    left: dict[str, int] = {}
    for f in flags:
        if f.rewrite is None or f.quoted:
            left[f.entry] = left.get(f.entry, 0) + 1
    for f in engine.check(out):
        assert left.get(f.entry, 0) > 0, (text, out, f.text)
        left[f.entry] -= 1
    assert len(DOUBLED.findall(out)) <= len(DOUBLED.findall(text)), (text, out)


@SETTINGS
@given(st.sampled_from(QUOTED), st.sampled_from(LABELS), st.sampled_from(LABELS))
def test_quotations_are_byte_identical_after_the_fix(engine, frame, inside, outside):
    text = frame.replace("{L}", "The " + inside).replace("{M}", "the " + outside)
    out = apply_rewrites(text, engine.check(text))
    for quote in re.findall(r'"[^"]*"|“[^”]*”', text):
        assert quote in out, (text, out)


def test_the_properties_can_fail_without_the_status_analysis(engine):
    """The same frames through the engine with the analysis switched off state
    convictions: the first property above is what the analysis makes true."""
    from framing import Engine

    plain = Engine(engine.lexicon, status_analysis=False)
    text = _sentence(PRE_VERDICT[4], "the", "fraudster")  # "The jury heard the fraudster ..."
    assert "convicted" in apply_rewrites(text, plain.check(text))
    assert "convicted" not in apply_rewrites(text, engine.check(text))


# lists and possessives (grammar where a rewrite lands): plural labels joined
# into one list, and a label owning a noun, in the same pre-verdict frames
POSSESSED = ["mother", "car", "trial", "lawyer", "haul of phones", "three children"]
POSS_DETS = ["the", "a", "one", "each", "the alleged", "his", "the notorious"]
# ("predator" is flagged by the words near it, which a list's rewrite changes)
LISTED = [x for x in LABELS if x != "predator"]
lists = st.tuples(
    st.sampled_from(PRE_VERDICT),
    st.lists(st.sampled_from(LISTED), min_size=2, max_size=3, unique=True),
    st.sampled_from(["", "the "]),
)
owned = st.tuples(
    st.sampled_from(PRE_VERDICT),
    st.sampled_from(POSS_DETS),
    st.sampled_from(LABELS),
    st.sampled_from(POSSESSED),
)


def _list_sentence(frame: str, labels: list[str], det: str) -> str:
    nouns = [PLURAL.get(x, x + "s") for x in labels]
    p = det + (", ".join(nouns[:-1]) + " and " + nouns[-1])
    if frame.startswith("{L}"):
        p = p[0].upper() + p[1:]
    return frame.replace("{L}", p)


def _owned_sentence(frame: str, det: str, label: str, noun: str) -> str:
    p = _phrase(det, label) + "'s " + noun
    if frame.startswith("{L}"):
        p = p[0].upper() + p[1:]
    return frame.replace("{L}", p)


@SETTINGS
@given(st.one_of(lists.map(lambda c: _list_sentence(*c)), owned.map(lambda c: _owned_sentence(*c))))
def test_lists_and_possessives_state_no_verdict_and_read_cleanly(engine, text):
    flags = engine.check(text)
    out = apply_rewrites(text, flags)
    if "convict" not in text.lower():
        assert "convict" not in out.lower(), (text, out)
    left: dict[str, int] = {}
    for f in flags:
        if f.rewrite is None or f.quoted:
            left[f.entry] = left.get(f.entry, 0) + 1
    for f in engine.check(out):
        assert left.get(f.entry, 0) > 0, (text, out, f.text)
        left[f.entry] -= 1
    assert len(DOUBLED.findall(out)) <= len(DOUBLED.findall(text)), (text, out)
    # no determiner left stranded before a restructured phrase ("Each the cell of")
    assert not re.search(r"\b(?:the|a|an|each|every|one|his|her)\s+the\b", out, re.I), (text, out)
