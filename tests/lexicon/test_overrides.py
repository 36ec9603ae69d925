"""An organisation's overrides: extra files, disabled entries, severity changes."""

from __future__ import annotations

import pytest

from core.settings import load_settings
from lexicon import load_lexicon
from lexicon.errors import LexiconError

from .conftest import entry


def test_extra_file_adds_entries_and_official_names(write_yaml):
    path = write_yaml(
        "org.yaml",
        "entries:\n"
        + entry("org-widgeteer", "widgeteer")
        + "official_names:\n  - Widgeteer Rehabilitation Trust\n",
    )
    base = load_lexicon()
    lex = load_lexicon(extra_files=[path])
    assert len(lex.entries) == len(base.entries) + 1
    added = lex.get("org-widgeteer")
    assert added.file == str(path) and added.line == 2
    assert "Widgeteer Rehabilitation Trust" in lex.official_names
    assert str(path) in lex.files


def test_extra_file_reusing_a_shipped_form_needs_the_shipped_entry_disabled(write_yaml):
    path = write_yaml("org.yaml", "entries:\n" + entry("org-inmate", "inmate"))
    with pytest.raises(
        LexiconError,
        match=r"form 'inmate' of entry 'org-inmate' is also a "
        r"form of entry 'inmate'",
    ):
        load_lexicon(extra_files=[path])
    lex = load_lexicon(extra_files=[path], disable=["inmate"])
    assert lex.get("inmate") is None
    assert lex.get("org-inmate").forms[0].text == "inmate"


def test_extra_file_cannot_reuse_a_shipped_id(write_yaml):
    path = write_yaml("org.yaml", "entries:\n" + entry("inmate", "widgeteer"))
    with pytest.raises(
        LexiconError,
        match=r"duplicate id 'inmate' \(first defined at .*"
        r"person-label\.yaml:\d+\)",
    ):
        load_lexicon(extra_files=[path])


def test_disable_removes_entries():
    lex = load_lexicon(disable=["prisoner", "lags"])
    assert lex.get("prisoner") is None and lex.get("lags") is None
    assert lex.get("inmate") is not None
    assert len(lex.entries) == len(load_lexicon().entries) - 2


def test_disable_unknown_id_names_it():
    with pytest.raises(LexiconError) as info:
        load_lexicon(disable=["prisonr"])
    assert str(info.value) == (
        "cannot disable unknown lexicon entry 'prisonr' (did you mean 'prisoner'?)"
    )


def test_severity_override():
    lex = load_lexicon(severity={"prisoner": "medium", "inmate": "low"})
    assert lex.get("prisoner").severity == "medium"
    assert lex.get("inmate").severity == "low"
    # The shipped entries themselves are untouched for the next caller.
    assert load_lexicon().get("inmate").severity == "high"


def test_severity_override_errors():
    with pytest.raises(LexiconError, match="unknown lexicon entry 'nobody'"):
        load_lexicon(severity={"nobody": "low"})
    with pytest.raises(LexiconError) as info:
        load_lexicon(severity={"inmate": "extreme"})
    assert str(info.value) == (
        "unknown severity 'extreme' for lexicon entry 'inmate' (expected one of: high, medium, low)"
    )


def test_missing_extra_file():
    with pytest.raises(LexiconError, match=r"nowhere\.yaml: cannot read file"):
        load_lexicon(extra_files=["/nonexistent/nowhere.yaml"])


def test_overrides_from_config_file(write_yaml, tmp_path):
    write_yaml("org.yaml", "entries:\n" + entry("org-widgeteer", "widgeteer"))
    config = write_yaml(
        "config.toml",
        """\
        [lexicon]
        extra_files = ["org.yaml"]
        disable = ["prisoner"]

        [lexicon.severity]
        inmate = "medium"
        """,
    )
    settings = load_settings(str(config))
    lex = load_lexicon(
        **{
            "extra_files": settings.lexicon.extra_files,
            "disable": settings.lexicon.disable,
            "severity": settings.lexicon.severity,
        }
    )
    assert lex.get("org-widgeteer") is not None
    assert lex.get("prisoner") is None
    assert lex.get("inmate").severity == "medium"
