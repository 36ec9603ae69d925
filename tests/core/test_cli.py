"""The command line as a whole: every command has help, errors are one line."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from core.cli import COMMANDS, cli, main


def _walk(group: click.Group, ctx: click.Context, prefix: tuple[str, ...]):
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, click.Context(cmd, parent=ctx), prefix + (name,))


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMANDS:
        assert f"  {name} " in result.output or f"  {name}\n" in result.output
    assert "unavailable" not in result.output


def test_every_command_and_subcommand_has_help():
    ctx = click.Context(cli)
    paths = list(_walk(cli, ctx, ()))
    assert len(paths) >= len(COMMANDS)
    runner = CliRunner()
    for path, cmd in paths:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage: " in result.output, path
        assert cmd.help or cmd.short_help, f"{' '.join(path)} has no help text"


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["no-such-command"]) == 2
    assert "No such command" in capsys.readouterr().err


def test_broken_config_is_one_line_without_traceback(tmp_path):
    cfg = tmp_path / "broken.toml"
    cfg.write_text("[monitor\n")
    proc = subprocess.run(
        [sys.executable, "-m", "core.cli", "--config", str(cfg), "lexicon", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2  # a config error, not a finding
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(cfg) in lines[0] and "invalid TOML" in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("flag", ["--version", "-h"])
def test_version_and_short_help(flag):
    result = CliRunner().invoke(cli, [flag])
    assert result.exit_code == 0
    assert result.output.strip()


def test_exit_codes_from_ctx_exit_reach_the_shell(tmp_path):
    @cli.command("fail-for-test", hidden=True)
    @click.pass_context
    def _fail(ctx):
        ctx.exit(3)

    try:
        assert main(["fail-for-test"]) == 3
    finally:
        cli.commands.pop("fail-for-test", None)
