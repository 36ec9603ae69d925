"""Every class of lexicon error is reported, all at once, with the right file and line."""

from __future__ import annotations

import pytest

from lexicon import load_lexicon, validate_files
from lexicon.errors import LexiconError
from lexicon.problems import Problem

from .conftest import entry


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_good_file_has_no_problems(write_yaml):
    path = write_yaml("good.yaml", "entries:\n" + entry())
    assert validate_files([path]) == []


def test_yaml_syntax_error_reports_its_line(write_yaml):
    path = write_yaml(
        "bad.yaml",
        """\
        entries:
        - id: widgeteer
          category: person-label
          forms: [widgeteer
          sense: unclosed list above
        """,
    )
    [problem] = validate_files([path])
    assert problem.path == str(path)
    assert problem.line == 5
    assert "YAML syntax error" in problem.message


def test_unknown_field_is_reported_at_the_key(write_yaml):
    text = "entries:\n" + entry().replace(
        "  sense: a test sense\n", "  sense: a test sense\n  sence: typo\n"
    )
    path = write_yaml("f.yaml", text)
    [problem] = validate_files([path])
    assert problem.line == 9
    assert "unknown field 'sence'" in problem.message
    assert "did you mean 'sense'" in problem.message


@pytest.mark.parametrize(
    "field",
    ["id", "category", "severity", "forms", "sense", "alternatives", "rationale", "sources"],
)
def test_missing_required_field_is_reported_at_the_entry(write_yaml, field):
    lines = ("entries:\n" + entry()).splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        if line.startswith(f"  {field}:") or line.startswith(f"- {field}:"):
            skipping = True
            if line.startswith("- "):
                kept.append("- \n")  # keep the list item itself
            continue
        if skipping and line.startswith("    "):
            continue
        skipping = False
        kept.append(line)
    text = "".join(kept).replace("- \n  ", "- ")
    path = write_yaml("f.yaml", text)
    problems = validate_files([path])
    assert [p.message for p in problems if "missing" in p.message] == [
        next(p.message for p in problems if f"missing required field '{field}'" in p.message)
    ]
    assert all(p.line == 2 for p in problems if "missing" in p.message)


def test_source_without_title_or_url(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry().replace(
            '    - {title: A source, url: "https://example.org/source"}\n',
            "    - {title: No link}\n"
            '    - {url: "https://example.org/x"}\n'
            "    - {title: Bad, url: example.org}\n",
        ),
    )
    assert messages(validate_files([path])) == [
        f"{path}:13: source has no url",
        f"{path}:14: source has no title",
        f"{path}:15: source url 'example.org' must start with http:// or https://",
    ]


def test_unknown_category_and_severity_at_their_values(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry()
        .replace("category: person-label", "category: person-labels")
        .replace("severity: medium", "severity: severe"),
    )
    problems = validate_files([path])
    assert [p.line for p in problems] == [3, 4]
    assert "unknown category 'person-labels' (did you mean 'person-label'?)" in problems[0].message
    assert "unknown severity 'severe'" in problems[1].message


def test_duplicate_id_across_files_names_both(write_yaml):
    a = write_yaml("a.yaml", "entries:\n" + entry("widgeteer", "widgeteer"))
    b = write_yaml(
        "b.yaml", "entries:\n" + entry("gadgeteer", "gadgeteer") + entry("widgeteer", "sprocketeer")
    )
    [problem] = validate_files([a, b])
    assert problem.path == str(b) and problem.line == 14
    assert f"duplicate id 'widgeteer' (first defined at {a}:2)" in problem.message


def test_duplicate_form_across_entries_is_case_insensitive(write_yaml):
    path = write_yaml(
        "f.yaml", "entries:\n" + entry("one", "widgeteer") + entry("two", "Widgeteer")
    )
    problems = validate_files([path])
    assert [(p.line, p.message.split(" of entry")[0]) for p in problems] == [
        (14, "form 'Widgeteer'"),
        (14, "form 'Widgeteers'"),
    ]
    assert "also a form of entry 'one'" in problems[0].message


def test_alternative_that_is_not_a_string(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry().replace(
            "    - {singular: person in a test, plural: people in a test}\n",
            "    - {singular: person in a test, plural: people in a test}\n"
            "    - 42\n"
            "    - {singular: [a, list], plural: fine}\n"
            "    - {plural: only plural}\n",
        ),
    )
    assert messages(validate_files([path])) == [
        f"{path}:11: an alternative must be text, not '42'",
        f"{path}:12: alternative 'singular' must be text, not a list",
        f"{path}:13: alternative is missing 'singular'",
    ]


def test_exception_that_never_matches_its_own_entry(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry().replace(
            "  sense: a test sense\n",
            "  sense: a test sense\n  exceptions:\n    - Widgeteer Act\n    - Widgeteerings Act\n",
        ),
    )
    assert messages(validate_files([path])) == [
        f"{path}:11: exception 'Widgeteerings Act' contains none of the entry's forms, "
        "so it can never apply"
    ]


@pytest.mark.parametrize(
    "forms, line", [("forms: []", 5), ("forms: {singular: []}", 5), ("forms: {}", 5)]
)
def test_empty_forms(write_yaml, forms, line):
    text = "entries:\n" + entry()
    text = text.replace(
        "  forms:\n    singular: [widgeteer]\n    plural: [widgeteers]\n", f"  {forms}\n"
    )
    path = write_yaml("f.yaml", text)
    problems = validate_files([path])
    assert [p.line for p in problems] == [line]
    assert "forms is empty" in problems[0].message


def test_every_problem_is_reported_not_just_the_first(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry()
        .replace("severity: medium", "severity: loud")
        .replace("  sense: a test sense\n", "  sense: a test sense\n  colour: red\n")
        + entry("Bad Id", "gadgeteer").replace(
            "rationale: Because a test says so.", "rationale: ''"
        ),
    )
    problems = validate_files([path])
    assert [p.line for p in problems] == [4, 9, 15, 24]
    assert "unknown severity" in problems[0].message
    assert "unknown field 'colour'" in problems[1].message
    assert "lower-case slug" in problems[2].message
    assert "rationale is empty" in problems[3].message


def test_other_file_level_problems(write_yaml, tmp_path):
    empty = write_yaml("empty.yaml", "")
    wrong_top = write_yaml("top.yaml", "entries: []\nwords: [a]\n")
    not_list = write_yaml("notlist.yaml", "entries:\n  id: x\n")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"entries:\n- id: \xff\xfe\n")
    missing = tmp_path / "missing.yaml"
    assert messages(validate_files([empty, wrong_top, not_list, binary, missing])) == [
        f"{empty}:1: file is empty (expected 'entries:' or 'official_names:')",
        f"{wrong_top}:2: unknown top-level key 'words' (expected one of: entries, official_names, exceptions)",
        f"{not_list}:2: 'entries' must be a list, not a mapping",
        f"{binary}: not UTF-8 text (bad byte at offset 15)",
        f"{missing}: cannot read file: No such file or directory",
    ]


def test_suggestion_that_would_itself_be_flagged(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry("one", "widgeteer")
        + entry("two", "gadgeteer").replace("person in a test", "reformed widgeteer"),
    )
    [problem] = validate_files([path])
    assert problem.line == 14
    assert (
        "alternative 'reformed widgeteer' of entry 'two' contains 'widgeteer', "
        "flagged by entry 'one'"
    ) in problem.message


def test_no_alternatives_needs_advice(write_yaml):
    text = "entries:\n" + entry().replace(
        "  alternatives:\n    - {singular: person in a test, plural: people in a test}\n",
        "  alternatives: []\n",
    )
    path = write_yaml("f.yaml", text)
    [problem] = validate_files([path])
    assert problem.line == 9 and "needs 'advice'" in problem.message
    fixed = write_yaml(
        "g.yaml",
        text.replace("  alternatives: []\n", "  alternatives: []\n  advice: Rewrite it.\n"),
    )
    assert validate_files([fixed]) == []


def test_load_lexicon_raises_one_line_with_the_count(write_yaml):
    path = write_yaml(
        "org.yaml",
        "entries:\n"
        + entry()
        .replace("severity: medium", "severity: loud")
        .replace("category: person-label", "category: nope"),
    )
    with pytest.raises(LexiconError) as info:
        load_lexicon(extra_files=[path])
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:3: unknown category 'nope'")
    assert message.endswith("(2 problems; run framewatch lexicon check)")


def test_fixing_a_file_is_seen_on_the_next_load(write_yaml):
    path = write_yaml(
        "org.yaml", "entries:\n" + entry().replace("severity: medium", "severity: loud")
    )
    with pytest.raises(LexiconError):
        load_lexicon(extra_files=[path])
    write_yaml("org.yaml", "entries:\n" + entry() + "# now valid, and a different size\n")
    assert load_lexicon(extra_files=[path]).get("widgeteer") is not None


def test_too_short_nearby_word(write_yaml):
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry().replace(
            "  sense: a test sense\n",
            "  sense: a test sense\n  requires_nearby: [prison, he, in a cell]\n",
        ),
    )
    [problem] = validate_files([path])
    assert problem.line == 9
    assert "requires_nearby word 'he' is too short" in problem.message


def test_suggestion_containing_its_own_form(write_yaml):
    text = "entries:\n" + entry().replace("  pos_placeholder", "").replace(
        "    - {singular: person in a test, plural: people in a test}\n",
        "    - {singular: reformed widgeteer, plural: people in a test}\n"
        "    - {singular: widgeteer guild member, plural: people in a test}\n",
    ).replace(
        "  sense: a test sense\n",
        "  sense: a test sense\n  pos: [NOUN]\n  not_followed_by: [guild]\n",
    )
    path = write_yaml("f.yaml", text)
    [problem] = validate_files([path])
    assert problem.line == 2
    assert (
        "alternative 'reformed widgeteer' of entry 'widgeteer' contains its own form 'widgeteer'"
    ) in problem.message


def test_alternative_statuses_are_checked_and_expanded(write_yaml):
    """An alternative says which legal statuses it fits (issue 10): names or
    shorthands, a typo reported with the closest name."""
    path = write_yaml(
        "f.yaml",
        "entries:\n"
        + entry().replace(
            "    - {singular: person in a test, plural: people in a test}\n",
            "    - {singular: person in a test, plural: people in a test, statuses: [conviction]}\n"
            "    - {singular: person on trial, statuses: [on_trial, charged]}\n"
            "    - {singular: person, statuses: [convictd]}\n",
        ),
    )
    assert messages(validate_files([path])) == [
        f"{path}:12: unknown status 'convictd' (did you mean 'convicted'?) (expected one of: "
        "wanted, suspected, arrested, charged, on_trial, convicted, sentenced, released, "
        "group_generic, unknown, pre-charge, pre-verdict, court, conviction)"
    ]
    path.write_text(path.read_text().replace("[convictd]", "[pre-charge]"))
    e = load_lexicon([path]).by_id()["widgeteer"]
    assert [a.statuses for a in e.alternatives] == [
        ("convicted", "sentenced", "released"),
        ("charged", "on_trial"),
        ("wanted", "suspected", "arrested"),
    ]
    assert not e.alternatives[0].fits("charged") and e.alternatives[1].fits("charged")
