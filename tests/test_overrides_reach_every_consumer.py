"""An organisation's [lexicon] settings reach every consumer of the engine.

One config disables a shipped entry ("inmate"), lowers another's severity
("thug": high -> low) and adds an extra file (an entry for "widgeteer").  The
check command, the monitor pipeline, the UI's draft checker and the awards'
framing profile are each driven through their real entry point with that
config and no engine handed in, so each builds its own: if any of them built
an engine without the settings, it would flag "inmates", miss "widgeteers"
or report "thug" as high, and this test would fail.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace

import pytest

from core.cli import main
from core.settings import Settings, load_settings
from framing.factory import engine_from_settings
from monitor.feeds import add_feed
from monitor.localserver import LocalServer, Response
from monitor.pipeline import run_pass
from monitor.review.article import get_article
from monitor.review.listing import queue
from storage.db import open_database

from .tui.conftest import settle

TITLE = "Prison moves people after complaint"
TEXT = (
    "Inmates at the prison were moved after widgeteers complained to the court. "
    "The thug was jailed for two years at Crown Court."
)
# what the engine must report with the organisation's settings: entry -> severity
WITH_OVERRIDES = {"org-widgeteer": "medium", "thug": "low"}
ORG_ENTRY = """\
entries:
  - id: org-widgeteer
    category: race-class
    severity: medium
    forms:
      singular: [widgeteer]
      plural: [widgeteers]
    sense: a test label for people
    alternatives:
      - {singular: person in a test, plural: people in a test}
    rationale: Because the organisation says so.
    sources:
      - {title: An organisation's style guide, url: "https://example.org/style"}
"""


@pytest.fixture
def org_config(tmp_path):
    (tmp_path / "org.yaml").write_text(ORG_ENTRY, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        textwrap.dedent(
            """\
            [lexicon]
            extra_files = ["org.yaml"]
            disable = ["inmate"]

            [lexicon.severity]
            thug = "low"
            """
        ),
        encoding="utf-8",
    )
    return config


def _entries(flags) -> dict[str, str]:
    return {f.entry: f.severity for f in flags}


def test_the_shipped_lexicon_alone_flags_differently():
    """The premise: without the settings the same text gives other flags."""
    shipped = _entries(engine_from_settings(Settings()).check(TEXT))
    assert shipped == {"inmate": "high", "thug": "high"}
    assert shipped != WITH_OVERRIDES


def test_check_command(org_config, tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    assert (
        main(["--config", str(org_config), "check", "--json", "--fail-on", "never", str(draft)])
        == 0
    )
    [line] = capsys.readouterr().out.splitlines()
    flags = json.loads(line)["flags"]
    assert {f["entry"]: f["severity"] for f in flags} == WITH_OVERRIDES


def test_monitor_pipeline(org_config, tmp_path):
    settings = load_settings(config=org_config, db=tmp_path / "fw.sqlite3")
    settings = replace(
        settings,
        monitor=replace(
            settings.monitor,
            min_host_interval=0.0,
            allow_private_addresses=True,
            fetch_articles=False,
        ),
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>'
        "<link>https://news.example/</link><item><title>" + TITLE + "</title>"
        "<link>https://news.example/a1</link><guid>a1</guid>"
        "<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate>"
        "<description>" + TEXT + "</description></item></channel></rss>"
    ).encode()
    db = open_database(settings.db_path)
    try:
        with LocalServer() as server:
            server.routes["/feed.xml"] = Response(200, {"Content-Type": "application/rss+xml"}, rss)
            add_feed(db, server.base + "/feed.xml")
            result = run_pass(db, settings, all_feeds=True)  # no engine given: it builds one
        assert result.articles == 1 and result.analysed == 1, result.summary()
        [row] = queue(db).rows
        assert _entries(get_article(db, row.article_id).text_flags) == WITH_OVERRIDES
    finally:
        db.close()


async def test_ui_draft_checker(org_config, tmp_path):
    from tui.app import create_app
    from tui.screens.draft import DraftScreen

    settings = load_settings(config=org_config, db=tmp_path / "fw.sqlite3")
    app = create_app(settings.db_path, settings, paste_text=TEXT)  # no engine given
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(
            pilot,
            app,
            lambda: isinstance(app.screen, DraftScreen) and app.screen.checks >= 1,
            timeout=60,
        )
        spans = app.screen.editor.live_spans()
        assert _entries(s.flag for s in spans) == WITH_OVERRIDES


def test_awards_framing_profile(org_config, tmp_path, capsys):
    db = str(tmp_path / "fw.sqlite3")
    text = tmp_path / "piece.txt"
    text.write_text(TEXT, encoding="utf-8")
    base = ["--config", str(org_config), "--db", db, "awards"]
    assert main([*base, "cycle", "new", "2026", "--as", "Admin"]) == 0
    capsys.readouterr()
    args = ["nominate", "--title", TITLE, "--outlet", "Local News", "--journalist", "A Writer"]
    args += ["--date", "2026-03-02", "--category", "Outstanding Journalism"]
    args += ["--nominator", "N", "--citation", "Careful.", "--text-file", str(text), "--json"]
    assert main([*base, *args, "--as", "Admin"]) == 0
    profile = json.loads(capsys.readouterr().out)["profile"]
    assert profile is not None and profile["source"] == "engine"
    # a profile counts flags per category: the extra entry's and the lowered
    # entry's, and none of the disabled entry's (person-label)
    assert {c["category"]: c["voice"] for c in profile["categories"]} == {
        "race-class": 1,
        "dehumanising": 1,
    }
