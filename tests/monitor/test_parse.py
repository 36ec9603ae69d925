import pytest

from monitor.html_text import html_to_text
from monitor.parse import FeedParseError, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Court \x1b[31mNews</title><link>https://news.example/</link><ttl>30</ttl>
<item><title>Man jailed</title><link>/crime/1?utm_source=rss</link><guid>a1</guid>
<description>&lt;p&gt;First &lt;b&gt;para&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second\xe2\x80\xae para&lt;/p&gt;</description>
<pubDate>Tue, 24 Nov 2026 09:12:00 GMT</pubDate></item>
<item><title>No link here</title><guid>urn:x:2</guid></item>
</channel></rss>"""


def test_items_are_plain_clean_and_absolute():
    feed = parse_feed(RSS, {"content-type": "application/rss+xml"}, "https://news.example/feed.xml")
    assert feed.title == "Court News"
    assert feed.ttl_minutes == 30
    assert "not well-formed" in feed.problem  # the raw ESC makes it ill-formed XML: kept, noted
    first, second = feed.items
    assert first.link == "https://news.example/crime/1?utm_source=rss"
    assert first.key == "https://news.example/crime/1"
    assert first.summary == "First para\n\nSecond para"
    assert first.published == "2026-11-24T09:12:00+00:00"
    assert second.link == "" and second.key.startswith("urn:framewatch:")


def test_html_page_instead_of_feed_is_a_parse_error():
    page = (
        b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    )
    with pytest.raises(FeedParseError, match="HTML page, not a feed"):
        parse_feed(page, {"content-type": "text/html"}, "https://x.example/feed")


@pytest.mark.parametrize(
    "body", [b"", b"\x00\xff\xfe garbage \x89PNG", b"<rss><channel><item><title>x"[:12]]
)
def test_garbage_is_a_parse_error(body):
    with pytest.raises(FeedParseError):
        parse_feed(body, {}, "https://x.example/feed")


def test_ill_formed_feed_with_entries_is_kept_with_the_problem_recorded():
    broken = b"<rss version='2.0'><channel><title>T</title><item><title>A &amp B</title><link>https://x.example/a</link></item></channel>"
    feed = parse_feed(broken, {"content-type": "application/xml"}, "https://x.example/feed")
    assert len(feed.items) == 1
    assert feed.problem  # e.g. "SAXParseException: ..."
    assert "\n" not in feed.problem


def test_bytes_are_never_opened_as_a_local_file(tmp_path):
    # feedparser.parse(bytes) tries open(bytes) first; we must hand it a stream.
    secret = tmp_path / "secret.xml"
    secret.write_bytes(RSS)
    with pytest.raises(FeedParseError):
        parse_feed(str(secret).encode(), {}, "https://x.example/feed")


def test_html_to_text_handles_plain_and_markup():
    assert html_to_text("plain & simple") == "plain & simple"
    assert html_to_text("a<br>b<script>x</script>").startswith("a\nb")
    assert html_to_text("") == ""
