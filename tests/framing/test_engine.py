"""Engine API, caching, batching, laziness."""

import subprocess
import sys
from pathlib import Path

from core.settings import load_settings
from framing import Engine, Flag, apply_rewrites, engine_from_settings

REPO = Path(__file__).resolve().parents[2]


def test_flag_fields_and_offsets(engine):
    text = "Police said the inmates, not the guards, were to blame."
    (f,) = engine.check(text)
    assert isinstance(f, Flag)
    assert text[f.start : f.end] == f.text == "inmates"
    assert f.entry == "inmate" and f.category == "person-label" and f.severity == "high"
    assert f.why and f.sources and f.suggestions[0] == "people in prison"
    assert Flag.from_json(f.to_json()) == f


def test_exempt_contexts_give_no_flags(engine):
    for text in [
        "Criminal justice reform is overdue.",
        "The killer whale surfaced.",
        "She watched Gangs of New York.",
        "The word 'inmate' is contested.",
        "We were labelled savages.",
        "TV addicts love it.",
        "Jet lag is awful.",
        "He works for the Criminal Cases Review Commission.",
        "Feral cats roam here.",
    ]:
        assert engine.check(text) == [], text


def test_official_names_are_left_alone_and_survive_a_fix(engine):
    """Policy exemption 2 through the whole engine: names of institutions, laws
    and roles are never flagged, so applying the rewrites cannot touch them."""
    # "in any case": a capitalised name mid-sentence is also a Title Case run, so
    # the name is written where only the official-names list can tell: at the start
    # of a sentence, and in lower case
    text = (
        "Young Offender Institution staff met her at HMYOI Feltham. She had spent a "
        "year in a young offender institution, and under the rehabilitation of "
        "offenders act 1974 her offender manager said the young offender had changed."
    )
    flags = engine.check(text)
    # by hand: only the label in the writer's voice, "young offender" at the end
    start = text.rindex("young offender")
    assert [(f.start, f.end, f.entry) for f in flags] == [
        (start, start + len("young offender"), "young-offender")
    ]
    fixed = apply_rewrites(text, flags)
    a, b = flags[0].rewrite_span
    assert flags[0].rewrite and fixed == text[:a] + flags[0].rewrite + text[b:]
    for name in (
        "Young Offender Institution staff",
        "in a young offender institution,",
        "rehabilitation of offenders act 1974",
        "her offender manager",
    ):
        assert name in fixed


def test_check_many_matches_check(engine):
    texts = ["The thugs ran.", "Nothing here.", "An inmate's cell.", ""]
    assert list(engine.check_many(texts)) == [engine.check(t) for t in texts]


def test_cache_retags_only_changed_sentences():
    eng = Engine(engine_lexicon())
    draft = " ".join(f"Sentence {i} says the inmates were moved." for i in range(20))
    eng.check(draft)
    first = eng.tagged_windows
    assert first == 20
    edited = draft.replace("Sentence 7 says", "Sentence 7 now says")
    flags = eng.check(edited)
    assert eng.tagged_windows == first + 1
    assert len(flags) == 20


def engine_lexicon():
    from lexicon import load_lexicon

    return load_lexicon()


ORG_ENTRY = """\
entries:
  - id: org-widgeteer
    category: person-label
    severity: medium
    forms:
      singular: [widgeteer]
      plural: [widgeteers]
    sense: a person the organisation's style guide asks us not to label
    alternatives:
      - {singular: person in the scheme, plural: people in the scheme}
    rationale: The organisation's own guidance.
    sources:
      - {title: Org style guide, url: "https://example.org/style"}
official_names:
  - Widgeteer Rehabilitation Trust
"""


def test_engine_from_settings_applies_overrides(tmp_path):
    """[lexicon] extra_files, disable and severity all reach the engine's flags."""
    (tmp_path / "org.yaml").write_text(ORG_ENTRY, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        '[lexicon]\nextra_files = ["org.yaml"]\ndisable = ["thug"]\n\n'
        '[lexicon.severity]\ninmate = "low"\n',
        encoding="utf-8",
    )
    text = (
        "The inmates met a widgeteer. The thugs ran off. "
        "The Widgeteer Rehabilitation Trust paid for it."
    )
    # by hand: "inmates" (severity now low) and "widgeteer" (the extra file's entry);
    # "thugs" is disabled; the Trust is an official name from the extra file
    eng = engine_from_settings(load_settings(config))
    assert eng.lexicon.entries
    got = [(f.start, f.end, f.text, f.entry, f.severity) for f in eng.check(text)]
    assert got == [
        (4, 11, "inmates", "inmate", "low"),
        (18, 27, "widgeteer", "org-widgeteer", "medium"),
    ]
    # the same text with no overrides: the shipped lexicon's view of it
    plain = engine_from_settings(load_settings())
    assert [(f.text, f.entry, f.severity) for f in plain.check(text)] == [
        ("inmates", "inmate", "high"),
        ("thugs", "thug", "high"),
    ]


def test_no_spacy_import_without_candidates(tmp_path):
    code = (
        "import sys; from framing import Engine; e = Engine(); "
        "assert e.check('A calm and ordinary sentence.') == []; "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_component_works_in_a_plain_spacy_pipeline(engine):
    import framing.component  # noqa: F401
    from framing.model import load_model

    nlp = load_model()
    nlp.add_pipe("framewatch_flags").index = engine.index
    doc = nlp("The criminals said criminal justice failed them.")
    assert [s.text for s in doc._.flags] == ["criminals"]
    assert doc._.flags[0]._.flag.entry == "criminal"


def test_apply_rewrites_reexport():
    assert apply_rewrites("abc", []) == "abc"


def test_tagging_windows_give_the_same_flags_as_whole_sentences(engine, monkeypatch):
    """The tagger sees 4 tokens either side, so an 8-word window is exact."""
    import json
    from pathlib import Path

    import framing.engine as fe

    path = Path(__file__).resolve().parents[1] / "data" / "devset.jsonl"
    texts = [
        json.loads(line)["text"] for line in path.read_text().splitlines()[:80] if line.strip()
    ]
    windowed = list(Engine(engine.lexicon, cache_size=0).check_many(texts))
    monkeypatch.setattr(fe, "WINDOW_WORDS", 10_000)
    whole = list(Engine(engine.lexicon, cache_size=0).check_many(texts))
    assert windowed == whole


def test_pathological_input_stays_linear(engine):
    text = "inmate " * 20000
    flags = engine.check(text)
    assert len(flags) == 20000 and len({(f.start, f.end) for f in flags}) == 20000


def test_missing_model_is_one_clear_line(monkeypatch):
    import pytest

    import framing.model as fm
    from framing.errors import ModelError

    monkeypatch.setattr(fm, "MODEL_NAMES", ("fw_no_such_model_a", "fw_no_such_model_b"))
    with pytest.raises(ModelError) as exc:
        fm.resolve_model_name()
    msg = str(exc.value)
    assert "\n" not in msg and fm.INSTALL_HINT in msg
    # the hint is the README's own model install step, naming a file that exists
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = fm.INSTALL_HINT.split("install it with: ", 1)[1]
    assert command in readme and (REPO / command.rsplit(" ", 1)[1]).is_file()
