"""One feed item whose summary nests thousands of elements must cost its own
rejection (a classified, one-line record), not a stalled pass, and must not
lose the feed's other items.  (Issue 16, failure 1: the old converter was
quadratic in the depth, 50,000 <div>s took two minutes.)"""

import html
import json

import pytest
import sqlalchemy as sa

from core.cli import main
from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from storage.schema import articles, feeds

DEPTH = 5_000  # five times the cap; enough that the old converter took seconds on it


def _deep(depth: int, words: str = "buried words") -> str:
    return "<div>" * depth + words + "</div>" * depth


def _feed(base: str) -> bytes:
    items = [
        ("Court hears appeal", "<p>The appeal was heard at Harwick Crown Court.</p>"),
        ("Nested to death", _deep(DEPTH)),
        ("Prison report published", "<p>The inspectorate published its report.</p>"),
    ]
    body = "".join(
        f"<item><title>{title}</title><link>{base}/a/{n}</link><guid>{base}/a/{n}</guid>"
        f"<description>{html.escape(summary)}</description></item>"
        for n, (title, summary) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>{body}'
        "</channel></rss>"
    ).encode()


def test_nesting_under_the_cap_is_read_whole_and_over_it_is_refused():
    from monitor.html_text import MAX_DEPTH, HtmlBudgetError, html_to_text

    assert html_to_text(_deep(MAX_DEPTH - 5, "still read")) == "still read"
    assert html_to_text("<p>one</p><div><p>two<br>three</p></div>") == "one\n\ntwo\nthree"
    with pytest.raises(HtmlBudgetError, match="deeper than 1,000 elements"):
        html_to_text(_deep(MAX_DEPTH + 1))
    with pytest.raises(HtmlBudgetError, match="more than 100,000 elements"):
        html_to_text("<span>x</span>" * 100_001)


def test_an_over_budget_item_is_left_out_with_its_cause_and_the_rest_is_stored(
    mon_db, mon_settings, local_server
):
    base = local_server.base
    local_server.routes["/deep.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _feed(base)
    )
    feed_id = add_feed(mon_db, base + "/deep.xml", name="Deep")
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)

    assert result.failed == 0 and result.ok == 1 and result.articles == 2
    assert result.rejected == [
        "Deep: 'Nested to death': budget: over the work budget "
        "(markup nests deeper than 1,000 elements)"
    ]
    with mon_db.read() as conn:
        titles = set(conn.execute(sa.select(articles.c.title)).scalars())
        problem = conn.execute(
            sa.select(feeds.c.parse_problem).where(feeds.c.id == feed_id)
        ).scalar_one()
    assert titles == {"Court hears appeal", "Prison report published"}
    assert "1 item(s) left out: 'Nested to death': budget:" in problem
    assert "\n" not in problem


def test_the_json_summary_and_stderr_name_the_item_left_out(
    tmp_path, local_server, capsys, monkeypatch
):
    base = local_server.base
    local_server.routes["/deep.xml"] = Response(
        200, {"Content-Type": "application/rss+xml"}, _feed(base)
    )
    db = tmp_path / "fw.sqlite3"
    assert main(["--db", str(db), "monitor", "add", base + "/deep.xml", "--name", "Deep"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    assert main(["--db", str(db), "monitor", "once", "--all", "--no-analyse", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["failed"] == 0 and summary["articles"] == 2
    assert len(summary["rejected"]) == 1 and "budget" in summary["rejected"][0]
