"""Helpers for lexicon tests: write small YAML lexicon files into tmp_path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

GOOD_ENTRY = """\
- id: {id}
  category: person-label
  severity: medium
  forms:
    singular: [{form}]
    plural: [{form}s]
  sense: a test sense
  alternatives:
    - {{singular: person in a test, plural: people in a test}}
  rationale: Because a test says so.
  sources:
    - {{title: A source, url: "https://example.org/source"}}
"""


@pytest.fixture
def write_yaml(tmp_path):
    """write_yaml(name, text) -> Path; text is dedented so tests can indent it."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def entry(id: str = "widgeteer", form: str = "widgeteer") -> str:
    return GOOD_ENTRY.format(id=id, form=form)
