"""``framewatch lexicon export --format vale``: files Vale can load, faithful to the lexicon."""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner

from core.cli import cli
from lexicon import load_lexicon
from lexicon.vale import LEVELS


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("vale")
    result = CliRunner().invoke(cli, ["lexicon", "export", "--format", "vale", str(out)])
    assert result.exit_code == 0, result.output
    rules = {
        p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((out / "Framewatch").glob("*.yml"))
    }
    return out, rules


def _vale_regex(key: str) -> re.Pattern:
    # Vale wraps swap keys and tokens in word boundaries; Python's re handles
    # the same lookarounds as Vale's regexp2 for these patterns.
    return re.compile(r"(?i)\b(?:" + key + r")\b")


def test_one_file_per_category_with_the_documented_names(exported):
    _out, rules = exported
    assert {
        "PersonLabel.yml",
        "PersonLabelError.yml",
        "SoftPersonLabel.yml",
        "OffenceIdentity.yml",
        "Dehumanising.yml",
        "DehumanisingAvoid.yml",
        "PunitiveFrame.yml",
        "PunitiveFrameAvoid.yml",
        "DrugUse.yml",
        "Immigration.yml",
        "RaceClass.yml",
        "MentalHealth.yml",
        "Vawg.yml",
    } <= set(rules)


def test_rule_keys_and_levels(exported):
    _out, rules = exported
    for name, rule in rules.items():
        assert rule["extends"] in ("substitution", "existence"), name
        assert rule["level"] in ("error", "warning", "suggestion")
        assert rule["ignorecase"] is True
        assert rule["link"].startswith("http")
        assert "%s" in rule["message"]
        assert isinstance(rule["exceptions"], list)
        if rule["extends"] == "substitution":
            assert rule["action"] == {"name": "replace"}
            assert rule["swap"] and all(isinstance(v, str) and v for v in rule["swap"].values())
            assert not name.endswith("Avoid.yml")
        else:
            assert rule["tokens"] and name.endswith("Avoid.yml")
    assert rules["PersonLabel.yml"]["level"] == "warning"
    assert rules["PersonLabelError.yml"]["level"] == "error"
    assert rules["SoftPersonLabel.yml"]["level"] == "suggestion"


def _find(rules, text):
    """(file, swap value or None, rule) for the rule that matches text."""
    hits = []
    for name, rule in rules.items():
        keys = rule.get("swap") or {t: None for t in rule["tokens"]}
        for key, value in keys.items():
            m = _vale_regex(key).search(text)
            if m:
                hits.append((name, value, m.group(0)))
    return hits


def test_swap_content_follows_entries_and_levels(exported):
    _out, rules = exported
    lex = load_lexicon()
    assert _find(rules, "The inmates complained.") == [
        (
            "PersonLabelError.yml",
            "people in prison|people in custody|people serving sentences",
            "inmates",
        )
    ]
    assert _find(rules, "an illegal immigrant") == [
        (
            "Immigration.yml",
            "undocumented migrant|irregular migrant|person without immigration status",
            "illegal immigrant",
        )
    ]
    for name, rule in rules.items():
        for entry in lex.entries:
            if entry.alternatives and any(
                _vale_regex(k).fullmatch(entry.forms[0].text) for k in rule.get("swap", {})
            ):
                assert rule["level"] == LEVELS[entry.severity], (name, entry.id)


def test_neighbour_rules_become_lookarounds(exported):
    _out, rules = exported
    assert _find(rules, "The criminal justice system") == []
    assert _find(rules, "a killer whale and a killer app") == []
    assert _find(rules, "feral cats") == []
    assert [h[2] for h in _find(rules, "convicted criminals")] == ["criminals"]
    assert [h[0] for h in _find(rules, "a feral gang")] == ["Dehumanising.yml"]


def test_context_dependent_entries_are_left_out_and_listed(exported):
    out, rules = exported
    assert _find(rules, "the time lags in the data") == []
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "BasedOnStyles = Framewatch" in readme and "StylesPath" in readme
    assert "lags" in readme and "vermin" in readme


def test_exceptions_carry_entry_exceptions_and_official_names(exported):
    _out, rules = exported
    soft = rules["SoftPersonLabel.yml"]["exceptions"]
    assert "prisoner of war" in soft and "Prisoners Abroad" in soft
    assert "pond scum" in rules["DehumanisingAvoid.yml"]["exceptions"]
    assert r"Unlock, the National Association of Ex-Offenders" in soft


def test_export_replaces_stale_rules(tmp_path):
    stale = tmp_path / "Framewatch" / "Old.yml"
    stale.parent.mkdir()
    stale.write_text("extends: existence\n")
    result = CliRunner().invoke(cli, ["lexicon", "export", str(tmp_path)])
    assert result.exit_code == 0
    assert not stale.exists()
    assert "Vale rules" in result.output
