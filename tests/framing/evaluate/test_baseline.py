"""The naive baseline really is plain whole-word matching of lexicon forms."""

from __future__ import annotations

from framing.evaluate.baseline import NaiveBaseline
from lexicon.model import Entry, Form, Lexicon


def entry(id_, category, *forms):
    return Entry(
        id=id_,
        category=category,
        severity="medium",
        forms=tuple(Form(f, None) for f in forms),
        sense="",
        alternatives=(),
        rationale="",
        sources=(),
    )


LEX = Lexicon(
    entries=(
        entry("inmate", "person-label", "inmate", "inmates"),
        entry("killer", "offence-identity", "killer", "killers"),
        entry("tough-on-crime", "punitive-frame", "tough on crime"),
        entry("criminal", "person-label", "criminal"),
    ),
    official_names=("Criminal Justice Alliance",),
)


def spans(flags):
    return [(f.text, f.entry, f.category, f.quoted) for f in flags]


def test_whole_words_any_case_never_quoted():
    text = 'INMATES said "the Killer was tough on crime" about painkillers and killers.'
    got = spans(NaiveBaseline(LEX).check(text))
    assert got == [
        ("INMATES", "inmate", "person-label", False),
        ("Killer", "killer", "offence-identity", False),
        ("tough on crime", "tough-on-crime", "punitive-frame", False),
        ("killers", "killer", "offence-identity", False),
    ]


def test_no_context_rules_at_all():
    # the baseline knows nothing of official names, adjectives or animals
    text = "The Criminal Justice Alliance watched a killer whale."
    got = [f.text for f in NaiveBaseline(LEX).check(text)]
    assert got == ["Criminal", "killer"]
    flags = NaiveBaseline(LEX).check(text)
    assert text[flags[0].start : flags[0].end] == "Criminal"


def test_check_many_matches_check():
    texts = ["two inmates", "none here", "a killer"]
    b = NaiveBaseline(LEX)
    assert [spans(x) for x in b.check_many(texts)] == [spans(b.check(t)) for t in texts]


def test_shipped_lexicon_forms_are_matched():
    b = NaiveBaseline()  # the real shipped lexicon
    flags = b.check("Three inmates and an illegal immigrant were moved.")
    assert [(f.text, f.entry) for f in flags] == [
        ("inmates", "inmate"),
        ("illegal immigrant", "illegal-immigrant"),
    ]


def test_evaluate_accepts_an_engine_with_only_check(tmp_path):
    from framing.evaluate.dataset import load_dataset
    from framing.evaluate.scoring import evaluate

    class CheckOnly:
        def __init__(self):
            self._inner = NaiveBaseline(LEX)

        def check(self, text, fmt="text"):
            return self._inner.check(text, fmt)

    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"id": "1", "text": "two inmates", "source": "written", "occurrences": '
        '[{"start": 4, "end": 11, "text": "inmates", "label": "FLAG", '
        '"entry": "inmate", "category": "person-label"}]}\n',
        encoding="utf-8",
    )
    report = evaluate(CheckOnly(), load_dataset(path))
    assert (report.overall.tp, report.overall.fp, report.overall.found) == (1, 0, 1)
    assert report.engine == "CheckOnly"
