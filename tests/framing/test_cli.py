"""``framewatch check`` through the real click group and the real entry point."""

import json

import pytest
from click.testing import CliRunner

from core.cli import cli, main


@pytest.fixture
def runner():
    return CliRunner()


def test_human_output_groups_by_severity_and_marks_the_term(runner, tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text("Intro line.\nThe prisoners and the inmates were moved.\n")
    r = runner.invoke(cli, ["check", "--fail-on", "never", str(p)])
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.index("high") < out.index("low")
    assert f"{p}:2:23" in out  # "inmates": line 2, column 23
    assert "[inmates]" in out and "people in prison" in out and "why:" in out
    assert "rewrite:" in out


def test_fail_on_levels(runner, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The prisoners were moved.\n")  # a low-severity flag only
    assert runner.invoke(cli, ["check", str(p)]).exit_code == 0  # default: high
    assert runner.invoke(cli, ["check", "--fail-on", "low", str(p)]).exit_code == 1
    assert runner.invoke(cli, ["check", "--fail-on", "never", str(p)]).exit_code == 0


def test_json_lines_for_several_inputs(runner, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("The thugs ran.")
    b.write_text("`thugs` in code, and yobs outside.")
    r = runner.invoke(cli, ["check", "--json", "--fail-on", "never", str(a), str(b)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [row["path"] for row in rows] == [str(a), str(b)]
    assert rows[0]["model"].startswith("en_core_web_sm")
    assert [f["text"] for f in rows[0]["flags"]] == ["thugs"]
    assert [f["text"] for f in rows[1]["flags"]] == ["yobs"]  # markdown by extension


def test_stdin_and_fix(runner):
    text = 'An inmate said "the thugs were animals".\n'
    r = runner.invoke(cli, ["check", "--fix", "-"], input=text)
    assert r.output == 'A person in prison said "the thugs were animals".\n'
    r = runner.invoke(cli, ["check", "--fix"], input=text)  # piped stdin is the default
    assert r.output.startswith("A person in prison")


def test_html_format_option(runner):
    r = runner.invoke(
        cli,
        ["check", "--format", "html", "--json", "--fail-on", "never", "-"],
        input="<p>The <i>inmates</i></p><script>thugs</script>",
    )
    (row,) = [json.loads(line) for line in r.output.splitlines()]
    assert [f["text"] for f in row["flags"]] == ["inmates"]


def test_bad_inputs_name_the_file_and_the_rest_is_checked(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("The thugs ran.")
    binary = tmp_path / "img.bin"
    binary.write_bytes(b"\x89PNG\x00\x01\x02")
    latin = tmp_path / "latin.txt"  # forced to UTF-8, which it is not
    latin.write_bytes("caf\xe9 inmates".encode("latin-1"))
    with pytest.raises(SystemExit) as exc:
        main(
            ["check", "--json", "--encoding", "utf-8"]
            + [str(good), str(binary), str(latin), str(tmp_path / "missing.txt")]
        )
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("framewatch: error: ") for line in lines)
    assert "img.bin" in lines[0] and "utf-8" in lines[0]
    assert "latin.txt" in lines[1] and "utf-8" in lines[1]
    assert "missing.txt" in lines[2]
    assert "Traceback" not in err
    assert json.loads(out)["flags"][0]["text"] == "thugs"
    with pytest.raises(SystemExit):  # detected: binary, whatever the encoding
        main(["check", "--json", str(binary)])
    assert "img.bin: looks like a binary file" in capsys.readouterr().err


def test_escape_sequences_never_reach_the_terminal(runner):
    r = runner.invoke(
        cli,
        ["check", "--fail-on", "never", "-"],
        input="\x1b[31mThe inmates\x1b]0;pwned\x07 were moved.\u202e\n",
    )
    assert "\x1b" not in r.output and "\x07" not in r.output and "\u202e" not in r.output
    assert "\\x1b" in r.output


def test_help_documents_fail_on(runner):
    r = runner.invoke(cli, ["check", "--help"])
    assert r.exit_code == 0 and "--fail-on" in r.output and "default: high" in r.output
