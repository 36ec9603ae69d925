"""The one database setting against the real PostgreSQL server: every command
works through a URL, and its password reaches no output, log or error."""

from __future__ import annotations

import json

import sqlalchemy as sa

from core.cli import main

SECRET = "Pa55-word-for-the-team"


def _with_password(url: str, database: str | None = None) -> str:
    # the test server trusts 127.0.0.1, so any password is accepted (and must stay hidden)
    parsed = sa.make_url(url).set(password=SECRET)
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def test_commands_work_through_a_url_and_never_show_its_password(
    pg_module_database, tmp_path, capsys, monkeypatch
):
    url = _with_password(pg_module_database)
    log = tmp_path / "fw.log"
    base = ["--db", url, "--log-level", "debug", "--log-file", str(log)]
    assert main([*base, "monitor", "add", "https://news.example/feed.xml"]) == 0
    assert main([*base, "monitor", "list", "--json"]) == 0
    out = capsys.readouterr()
    listed = json.loads(out.out[out.out.index("[") :])
    assert [f["url"] for f in listed] == ["https://news.example/feed.xml"]
    monkeypatch.setenv("FRAMEWATCH_DB", url)  # the environment variable serves the same
    assert main(["articles", "--json"]) == 0
    out2 = capsys.readouterr()
    assert json.loads(out2.out) == []
    everything = out.out + out.err + out2.out + out2.err + log.read_text(encoding="utf-8")
    assert SECRET not in everything


def test_a_database_missing_on_the_server_is_one_masked_line(pg_module_database, capsys):
    url = _with_password(pg_module_database, database="fw_no_such_database")
    assert main(["--db", url, "monitor", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert SECRET not in err and ":***@" in err and "fw_no_such_database" in err
