"""The scorer on a tiny dataset whose figures were worked out by hand."""

from __future__ import annotations

import json

import pytest

from framing.evaluate.dataset import load_dataset
from framing.evaluate.scoring import score, snippet
from framing.flag import Flag

T1 = 'Inmates met the "criminals" near the Criminal Justice Alliance.'
T2 = "A junkie and a thug."


def occ(text, word, label, category, entry=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {
        "start": start,
        "end": start + len(word),
        "text": word,
        "label": label,
        "entry": entry,
        "category": category,
    }


def flag(text, start, end, category, quoted=False, entry="x"):
    return Flag(
        start=start,
        end=end,
        text=text[start:end],
        entry=entry,
        category=category,
        severity="low",
        quoted=quoted,
        suggestions=(),
        rewrite=None,
        why="",
        sources=(),
    )


@pytest.fixture
def tiny(tmp_path):
    items = [
        {
            "id": "a",
            "text": T1,
            "source": "written",
            "occurrences": [
                occ(T1, "Inmates", "FLAG", "person-label", "inmate"),
                occ(T1, "criminals", "QUOTED", "person-label", "criminal"),
                occ(T1, "Criminal", "NO", "person-label", "criminal"),
            ],
        },
        {
            "id": "b",
            "text": T2,
            "source": "written",
            "occurrences": [
                occ(T2, "junkie", "FLAG", "drug-use", "junkie"),
                occ(T2, "thug", "FLAG", "dehumanising", "thug"),
            ],
        },
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return load_dataset(path)


def test_tiny_case_figures(tiny):
    crim = T1.index("criminals")
    no = T1.index("Criminal ")
    thug = T2.index("thug")
    flags = [
        [
            flag(T1, 0, 7, "person-label"),  # TP, quote agrees
            flag(T1, crim + 1, crim + 8, "person-label"),  # TP by partial overlap, quote disagrees
            flag(T1, no, no + 8, "person-label"),  # FP on a NO occurrence
        ],
        [
            flag(T2, thug, thug + 4, "person-label"),  # TP: counted under dehumanising
            flag(T2, thug, thug + 4, "dehumanising"),  # second flag on the same positive
            flag(T2, 9, 12, "race-class"),  # FP on unlabelled "and"
        ],
    ]
    r = score(tiny, flags, "hand")
    o = r.overall
    assert (o.tp, o.fp, o.positives, o.found, o.fn) == (4, 2, 4, 3, 1)
    assert o.precision == pytest.approx(4 / 6)
    assert o.recall == pytest.approx(3 / 4)
    assert o.f1 == pytest.approx(2 * (4 / 6) * 0.75 / (4 / 6 + 0.75))
    assert (r.quote_matches, r.quote_total) == (3, 4)
    assert r.quote_agreement == pytest.approx(0.75)

    pc = r.per_category
    assert (pc["person-label"].tp, pc["person-label"].fp, pc["person-label"].found) == (2, 1, 2)
    assert pc["person-label"].precision == pytest.approx(2 / 3)
    assert (pc["dehumanising"].tp, pc["dehumanising"].fp, pc["dehumanising"].found) == (2, 0, 1)
    # the false flag on unlabelled text is charged to the flag's own category
    assert (pc["race-class"].tp, pc["race-class"].fp, pc["race-class"].positives) == (0, 1, 0)
    assert pc["race-class"].precision == 0.0 and pc["race-class"].recall is None
    assert pc["drug-use"].recall == 0.0 and pc["drug-use"].precision is None
    assert pc["drug-use"].f1 == 0.0

    assert [(m.item, m.text, m.label) for m in r.misses] == [("b", "junkie", "FLAG")]
    assert "[[junkie]]" in r.misses[0].snippet
    assert sorted((f.item, f.text, f.label) for f in r.false_flags) == [
        ("a", "Criminal", "NO"),
        ("b", "and", None),
    ]
    assert [(q.item, q.text, q.label, q.quoted) for q in r.quote_mismatches] == [
        ("a", "criminals", "QUOTED", False)
    ]
    assert r.labels == {"FLAG": 3, "QUOTED": 1, "NO": 1}

    js = r.to_json()
    assert js["overall"]["tp"] == 4 and js["quote_agreement"] == 0.75
    assert js["per_category"]["race-class"]["recall"] is None


def test_touching_spans_do_not_overlap(tiny):
    # a flag ending exactly where an occurrence starts (or starting where it
    # ends) shares no character with it
    r = score(tiny, [[flag(T1, 7, 8, "person-label")], [flag(T2, 1, 2, "drug-use")]])
    assert (r.overall.tp, r.overall.fp, r.overall.found) == (0, 2, 0)
    assert r.overall.recall == 0.0 and r.quote_agreement is None


def test_perfect_flags_score_one(tiny):
    flags = [
        [
            flag(T1, o.start, o.end, o.category, quoted=o.label == "QUOTED")
            for o in it.occurrences
            if o.positive
        ]
        for it in tiny.items
    ]
    r = score(tiny, flags)
    assert (r.overall.precision, r.overall.recall, r.overall.f1) == (1.0, 1.0, 1.0)
    assert r.quote_agreement == 1.0 and not r.misses and not r.false_flags


def test_no_flags_at_all(tiny):
    r = score(tiny, [[], []])
    assert r.overall.precision is None and r.overall.recall == 0.0 and r.overall.f1 == 0.0
    assert len(r.misses) == 4


def test_flag_list_count_must_match(tiny):
    with pytest.raises(ValueError):
        score(tiny, [[]])


def test_snippet_marks_span_and_flattens_newlines():
    text = "Line one.\n\nThe inmates said so.\n" + "x" * 100
    s = snippet(text, text.index("inmates"), text.index("inmates") + 7, context=12)
    assert s == "…e one. The [[inmates]] said so. xx…"
