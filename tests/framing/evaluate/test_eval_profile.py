"""`framewatch eval-profile` on a small labelled set written for the test:
the counting (overlap matching, same speaker by surname, roles, CV F1) and the
baseline beside it. Accuracy on real articles is the command run on
tests/data/realnews/profiles.jsonl."""

from __future__ import annotations

import json

from click.testing import CliRunner

from core.cli import cli

THEMATIC = (
    "Prison numbers have risen by 20% since 2010, according to Ministry of Justice figures. "
    "A study by the University of Leeds found that rehabilitation programmes cut reoffending rates. "
    "Poverty and mental health are root causes, the report said, and policy reform is needed.\n\n"
    "\u201cWe need more education in prisons, not less,\u201d Ann Reid, of the Prison Reform Trust, told the BBC."
)
EPISODIC = (
    "A man was jailed for eight years at Leeds Crown Court on Friday after he stabbed a neighbour. "
    "The court heard he attacked the victim outside a pub.\n\n"
    "Det Sgt Tom Hale, of West Yorkshire Police, said: \u201cThis was a cowardly attack on a man.\u201d"
)


def _labels(text: str, thematic: bool, idx: int) -> dict:
    q = text.index("\u201c")
    qe = text.index("\u201d", q) + 1
    name = "Ann Reid" if thematic else "Det Sgt Tom Hale"
    s = text.index(name)
    return {
        "id": f"t-{idx}",
        "quotations": [
            {
                "quote_start": q,
                "quote_end": qe,
                "speaker_start": s,
                "speaker_end": s + len(name),
                "role": "charities" if thematic else "police",
            }
        ],
        "frame": "thematic" if thematic else "episodic",
        "solutions": thematic,
        "evidence": thematic,
    }


def test_eval_profile_reports_system_and_baseline(tmp_path):
    labels, texts = tmp_path / "profiles.jsonl", tmp_path / "texts.jsonl"
    with labels.open("w") as lf, texts.open("w") as tf:
        for i in range(12):
            thematic = i % 2 == 0
            text = (THEMATIC if thematic else EPISODIC).replace(
                "Leeds", f"Leeds{i}" if i > 1 else "Leeds"
            )
            tf.write(json.dumps({"id": f"t-{i}", "text": text}) + "\n")
            lf.write(json.dumps(_labels(text, thematic, i)) + "\n")
    out = CliRunner().invoke(
        cli, ["eval-profile", str(labels), "--texts", str(texts), "--json"], catch_exceptions=False
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    att = data["attribution"]
    assert data["articles"] == 12 and data["quotations"] == 12
    # the "said"-adjacent baseline finds no proper noun next to "said" here: "X told
    # the BBC" and "Det Sgt Tom Hale, of West Yorkshire Police, said:"
    assert att["system"]["recall"] == 1.0 and att["system"]["precision"] == 1.0
    assert att["system"]["role_accuracy"] == 1.0
    assert att["baseline"]["recall"] == 0.0 and att["baseline"]["predicted"] == 0
    assert data["frame"]["macro_f1"] == 1.0
    # the shipped models' own decisions are reported beside the cross-validation:
    # a textbook thematic piece and a court report, each read right
    assert data["frame"]["shipped_macro_f1"] == 1.0
    assert data["evidence"]["shipped_macro_f1"] == 1.0
    assert data["ranking"] is None
    human = CliRunner().invoke(cli, ["eval-profile", str(labels), "--texts", str(texts)])
    assert "attribution F1 %" in human.output and "baseline" in human.output
    assert "frame macro F1 % (shipped)" in human.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "t-0", "quotations": [{"quote_start": 5, "quote_end": 99999}]}\n')
    err = CliRunner().invoke(cli, ["eval-profile", str(bad), "--texts", str(texts)])
    assert err.exit_code == 1 and "outside the text" in err.output


def test_a_shorter_mention_of_the_same_person_is_the_same_speaker():
    from framing.evaluate.profile import same_speaker

    text = (
        "Richard was joined by ambassador Aminat Sule, who is training to be a barrister. "
        "Aminat said it was a way of life. The Prime Minister's official spokesman said the "
        "Prime Minister was confident."
    )

    def span(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    assert same_speaker(text, span("Aminat", 1), span("Aminat Sule"))
    assert not same_speaker(text, span("Richard"), span("Aminat Sule"))
    # a possessor is not the speaker: the spokesman is not the Prime Minister
    assert not same_speaker(
        text, span("Prime Minister", 1), span("The Prime Minister's official spokesman")
    )
