"""Invisible and spoofing characters never reach the database from a feed, and
plain output shows any that are there (rows stored before the monitor removed
them) as visible escapes.  Readers keep what they need: an emoji's ZWJ, the
tags of a flag, the joiners of a Persian word.  Issue 16, failure 5."""

import json

import sqlalchemy as sa
from hypothesis import example, given
from hypothesis import strategies as st

from core.cli import main
from monitor.feeds import add_feed
from monitor.localserver import Response
from monitor.pipeline import run_pass
from monitor.sanitize import clean_line, clean_text, is_clean
from storage import articles as article_store
from storage import feeds as feed_store
from storage.db import utcnow
from storage.schema import articles

DOCTOR = "\U0001f469\u200d\u2695\ufe0f"  # woman health worker: a ZWJ sequence
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want": ZWNJ inside the word
HIDDEN = "\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065"  # "ignore", in tags

# Each of these is invisible, or changes how a line displays, and is not needed.
SPOOFERS = [
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space (BOM)
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u00ad",  # soft hyphen: splits a word so no lexicon entry matches it
    "\u034f",  # combining grapheme joiner
    "\u3164",  # Hangul filler: a blank "letter"
    "\ufff9",  # interlinear annotation anchor
    "\ufffa",  # interlinear annotation separator
    "\ufffb",  # interlinear annotation terminator
    "\U000e0041",  # a tag character outside a flag
    "\u200d",  # a ZWJ between letters
    "\u200c",  # a ZWNJ between Latin letters
]

TITLE = f"Judge\u200b jails\u200e man\u2028for{HIDDEN} fraud\ufff9 at\ufffa\ufffb court {DOCTOR} {ENGLAND}"
CLEAN_TITLE = f"Judge jails man for fraud at court {DOCTOR} {ENGLAND}"
BODY = f"The pris\u00adoner was\u2060 moved.\u2029A{HIDDEN} guard\u200f said so. {PERSIAN}"
CLEAN_BODY = f"The prisoner was moved.\n\nA guard said so. {PERSIAN}"


def _rss(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Daily\u200b\u2060 Example\u061c</title>"
        f"<item><title>{TITLE}</title><link>{base}/a/1</link><guid>{base}/a/1</guid>"
        f"<author>J\u200bo Bloggs\u00ad</author><description>{BODY}</description></item>"
        "</channel></rss>"
    ).encode()


def test_each_spoofing_character_is_removed_and_reader_sequences_are_kept():
    for ch in SPOOFERS:
        assert clean_line(f"in{ch}mate") == "inmate", repr(ch)
        assert clean_text(f"in{ch}mate") == "inmate", repr(ch)
    assert clean_text("a\u2028b\u2029c") == "a\nb\n\nc"
    assert clean_line("a\u2028b\u2029c") == "a b c"
    for kept in (DOCTOR, ENGLAND, PERSIAN, "\U0001f44d\U0001f3fd", "caf\u00e9"):
        assert clean_line(kept) == kept and is_clean(kept), repr(kept)
    assert clean_line("cafe\u0301") == "caf\u00e9"  # NFC: the same word is the same characters


@given(
    st.text(
        alphabet=st.sampled_from(
            [*SPOOFERS, "\u2028", "\u2029", "\U0001f469", "\u2695", "\ufe0f"]
            + ["\U0001f3f4", "\U000e0067", "\U000e007f", "\u0645", "\u062e", "a", " ", "\n"]
            + ["e", "\u0301", "\x1b", "["]
        )
    )
)
@example("\u061c\u200c\u061c")  # a joiner between two (removed) Arabic letter marks
def test_cleaning_is_idempotent_and_leaves_nothing_invisible(value):
    out = clean_text(value)
    assert is_clean(out) and clean_text(out) == out
    line = clean_line(value)
    assert is_clean(line) and clean_line(line) == line


def test_a_feed_stores_titles_outlets_and_bodies_without_them(mon_db, mon_settings, local_server):
    base = local_server.base
    local_server.routes["/feed.xml"] = Response(
        200, {"Content-Type": "application/rss+xml; charset=utf-8"}, _rss(base)
    )
    add_feed(mon_db, base + "/feed.xml")
    result = run_pass(mon_db, mon_settings, all_feeds=True, analyse=False, fetch_articles=False)
    assert result.articles == 1, result.errors
    with mon_db.read() as conn:
        row = conn.execute(sa.select(articles)).one()
    assert row.title == CLEAN_TITLE
    assert row.outlet == "Daily Example"
    assert row.author == "Jo Bloggs"
    assert row.summary == CLEAN_BODY and row.text == CLEAN_BODY
    assert "prisoner" in row.text  # the soft hyphen no longer hides the word from the engine


def _old_row(db, feed_id: int) -> int:
    """An article stored as an older version did: invisible characters included."""
    now = utcnow()
    with db.transaction() as conn:
        feed_store.update_feed(conn, feed_id, name="Daily\u200b Example")
        return article_store.insert_article(
            conn,
            dict(
                feed_id=feed_id,
                outlet="Daily\u200b Example",
                url="https://news.example/a/old",
                url_norm="https://news.example/a/old",
                title=f"Prison\u200e report{HIDDEN} {DOCTOR}",
                title_norm="prison report",
                fetched_at=now,
                published_at=now,
                text=f"The inmates\u2060 were moved.\u2028{ENGLAND}",
                relevant=True,
                relevance=1.0,
            ),
        )


def test_plain_output_escapes_what_is_stored_and_json_keeps_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # a table cell must not fold an escape in two
    db_path = tmp_path / "fw.sqlite3"
    assert main(["--db", str(db_path), "monitor", "add", "https://news.example/feed.xml"]) == 0
    from storage.db import open_database

    db = open_database(db_path)
    article_id = _old_row(db, 1)
    db.close()
    capsys.readouterr()

    outputs = {}
    for args in (["articles", "--status", "all"], ["articles", "show", str(article_id)]):
        assert main(["--db", str(db_path), *args]) == 0
        outputs[args[-1]] = capsys.readouterr().out
    assert main(["--db", str(db_path), "monitor", "list"]) == 0
    outputs["list"] = capsys.readouterr().out
    for name, out in outputs.items():
        seen = out.replace(DOCTOR, "").replace(ENGLAND, "")  # what readers need stays whole
        assert not any(ch in seen for ch in SPOOFERS + ["\u2028"]), name
        assert "\\u200b" in out, name  # "Daily\u200b Example", shown
    assert "\\u200e" in outputs[str(article_id)] and "\\U000e0069" in outputs[str(article_id)]
    assert "\\u2060" in outputs[str(article_id)] and "\\u2028" in outputs[str(article_id)]
    assert DOCTOR in outputs[str(article_id)] and ENGLAND in outputs[str(article_id)]

    assert main(["--db", str(db_path), "articles", "show", str(article_id), "--json"]) == 0
    raw = capsys.readouterr().out
    seen = raw.replace(DOCTOR, "").replace(ENGLAND, "")
    assert not any(ch in seen for ch in SPOOFERS + ["\u2028"])
    data = json.loads(raw)  # escapes in the text, the original characters in the data
    assert data["title"] == f"Prison\u200e report{HIDDEN} {DOCTOR}"
    assert data["outlet"] == "Daily\u200b Example"
