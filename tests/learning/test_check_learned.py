"""``framewatch check --learned``: only when asked, the learned model leaves
out what reviewers keep dismissing; without it every flag is shown."""

from __future__ import annotations

import json

from click.testing import CliRunner

from core.cli import cli

TEXT = "Savage scored twice for United on Saturday. The offender was jailed for six years."


def _check(db, tmp_path, *extra):
    cfg = tmp_path / "framewatch.toml"
    cfg.write_text("[learning]\nfold_threshold = 0.8\n")
    result = CliRunner().invoke(
        cli, ["--config", str(cfg), "--db", db.location, "check", "--json", *extra, "-"], input=TEXT
    )
    return result


def test_check_shows_every_flag_unless_learned_is_asked_for(trained_db, tmp_path):
    plain = _check(trained_db, tmp_path)
    assert plain.exit_code == 1, plain.output  # a high flag: exit 1
    assert [f["text"] for f in json.loads(plain.stdout)["flags"]] == ["Savage", "offender"]
    learned = _check(trained_db, tmp_path, "--learned")
    assert [f["text"] for f in json.loads(learned.stdout)["flags"]] == ["offender"]
    assert "1 flag(s) left out as probable noise (--learned)" in learned.stderr


def test_learned_without_a_model_is_one_clear_error(db, tmp_path):
    result = _check(db, tmp_path, "--learned")
    assert result.exit_code == 1
    assert (
        "no learned model; run 'framewatch learn train' first"
        in str(result.exception or "") + result.output
    )
