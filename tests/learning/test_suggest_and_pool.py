"""``learn suggest`` (repeated dismissals -> lexicon exceptions, accepted into
the organisation's file and validated by ``lexicon check``) and ``decisions
export/import`` (JSON Lines; importing twice changes nothing), on a real
database with real decisions."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
import yaml

from core.cli import main
from framing import Engine
from learning import pool
from learning.errors import LearningError
from learning.model import Example
from learning.suggest import accept, suggest
from lexicon.cache import load_lexicon_cached
from lexicon.load import check_lexicon, load_lexicon
from storage.schema import flags


def _ex(entry, text, after, outlet, dismissed, article):
    features = {"entry": entry, "text": text, "outlet": outlet, "context": {"after": [after]}}
    return Example(features, dismissed, str(article))


def test_suggestions_carry_support_and_counter_examples():
    lexicon = load_lexicon_cached()
    data = [_ex("savages", "Savage", "scored", "Sports Daily", True, n) for n in range(5)]
    data += [_ex("savages", "savage", "scored", "News Daily", False, 9)]  # a counter-example
    data += [_ex("savages", "savages", "attacked", "News Daily", False, n) for n in range(3)]
    data += [_ex("killer", "killer", "struck", "News Daily", True, n) for n in range(2)]  # too few
    (top, *rest) = suggest(data, lexicon, min_share=0.8)
    assert (top.id, top.support, top.counter) == ("savages:phrase:savage scored", 5, 1)
    assert top.where == ("Sports Daily",) and top.counter_where == ("News Daily",)
    assert "dismissed 5 times in Sports Daily, 1 counter-example (News Daily)" in top.describe()
    assert not any(s.entry == "killer" for s in rest)
    # 5 of 6 dismissed: below the default share of 90%, nothing is suggested for it
    assert not [s for s in suggest(data, lexicon) if s.value == "savage scored"]


def test_accepting_a_suggestion_writes_a_checked_exception(trained_db, tmp_path, capsys):
    org = tmp_path / "org-lexicon.yaml"
    where = ["--db", trained_db.location]
    assert main([*where, "learn", "suggest", "--json"]) == 0
    found = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    savage = found["savages:phrase:savage scored"]
    assert (savage["support"], savage["counter_examples"], savage["acceptable"]) == (9, 0, True)
    assert not found["offender:outlet:Sports Daily"]["acceptable"]
    assert main([*where, "learn", "suggest", "--accept", savage["id"], "--file", str(org)]) == 0
    out = capsys.readouterr().out
    assert f"added to {org}" in out and "add it to [lexicon] extra_files" in out
    data = yaml.safe_load(org.read_text())
    assert data["exceptions"][0]["entry"] == "savages"
    assert data["exceptions"][0]["phrases"] == ["savage scored"]
    assert check_lexicon(extra_files=[org]).ok
    engine = Engine(load_lexicon(extra_files=[org]))
    assert [f.text for f in engine.check("Savage scored twice. The savage attacked him.")] == [
        "savage"
    ]
    # the organisation's config now uses it; lexicon check validates it with the rest
    cfg = tmp_path / "framewatch.toml"
    cfg.write_text(f'[lexicon]\nextra_files = ["{org}"]\n')
    assert main(["--config", str(cfg), "lexicon", "check"]) == 0
    assert "lexicon OK" in capsys.readouterr().out
    # once in the lexicon, it is no longer suggested
    assert main(["--config", str(cfg), *where, "learn", "suggest", "--json"]) == 0
    assert savage["id"] not in {s["id"] for s in json.loads(capsys.readouterr().out)}


def test_lexicon_check_reports_a_bad_exception(tmp_path, capsys):
    org = tmp_path / "org.yaml"
    org.write_text("exceptions:\n  - entry: savagez\n    phrases: [savage scored]\n")
    with pytest.raises(SystemExit) as done:  # lexicon check exits 1 by sys.exit
        main(["lexicon", "check", str(org)])
    assert done.value.code == 1
    assert f"{org}:2: exception for unknown lexicon entry 'savagez' (did you mean 'savages'?)" in (
        capsys.readouterr().out
    )
    with pytest.raises(LearningError, match="an outlet is not a lexicon rule"):
        (outlet,) = [
            s
            for s in suggest(
                [_ex("savages", "Savage", "", "Sports Daily", True, n) for n in range(3)],
                load_lexicon_cached(),
            )
            if s.kind == "outlet"
        ]
        accept(outlet, org)


def _decisions(db):
    with db.read() as conn:
        return conn.execute(
            sa.select(flags.c.id, flags.c.decision, flags.c.decided_at, flags.c.features)
            .where(flags.c.decision != "pending")
            .order_by(flags.c.id)
        ).all()


def test_decisions_export_and_import_twice_changes_nothing(trained_db, tmp_path, capsys):
    from monitor.review import article

    where = ["--db", trained_db.location]
    export = tmp_path / "decisions.jsonl"
    assert main([*where, "decisions", "export", str(export)]) == 0
    lines = export.read_text().splitlines()
    assert len(lines) == 36 and json.loads(lines[0])["format"] == pool.FORMAT
    before = _decisions(trained_db)
    # another machine's copy of the same articles with no decisions yet
    for row in before:
        article.decide(trained_db, row.id, "pending")
    assert _decisions(trained_db) == []
    assert main([*where, "decisions", "import", str(export), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "lines": 36,
        "applied": 36,
        "unchanged": 0,
        "missing": 0,
    }
    assert _decisions(trained_db) == before  # decisions, times and features all back
    assert main([*where, "decisions", "import", str(export), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["applied"] == 0
    assert _decisions(trained_db) == before


def test_a_bad_import_line_is_refused_whole(trained_db, tmp_path, capsys):
    export = tmp_path / "decisions.jsonl"
    export.write_text("".join(line + "\n" for line in pool.export_lines(trained_db)))
    good = export.read_text().splitlines()
    bad = json.loads(good[0]) | {"decision": "maybe"}
    changed = json.loads(good[1]) | {"decision": "accepted", "decided_at": "2999-01-01T00:00:00"}
    export.write_text("\n".join([json.dumps(changed), json.dumps(bad)]) + "\n")
    before = _decisions(trained_db)
    assert main(["--db", trained_db.location, "decisions", "import", str(export)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"framewatch: error: {export}:2: decision must be accepted or dismissed"
    )
    assert _decisions(trained_db) == before  # line 1 was valid, but nothing was written
