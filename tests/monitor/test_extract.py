import gzip

from monitor.extract import (
    MIN_CHARS,
    compress_html,
    decode_html,
    decompress_html,
    extract_text,
    is_html,
)

PARAS = "".join(
    f"<p>The court heard that the defendant, who is {20 + i}, had no previous convictions and had been "
    f"working as a delivery driver at the time of the offence number {i}.</p>"
    for i in range(6)
)
PAGE = f"""<html><head><title>T</title></head><body>
<nav><a href='/'>Home</a> <a href='/crime'>Crime</a> <a href='/sport'>Sport</a></nav>
<article><h1>Driver sentenced</h1>{PARAS}</article>
<aside><h2>Most read</h2><ul><li><a href='/x'>Prison riot latest</a></li><li><a href='/y'>Thugs jailed</a></li></ul></aside>
<footer>Copyright 2026 Example News. Cookie settings.</footer></body></html>"""


def test_trafilatura_gets_the_article_without_boilerplate():
    ex = extract_text(PAGE, "https://news.example/a", summary="summary")
    assert ex.source == "extracted" and ex.extractor == "trafilatura" and ex.note is None
    assert "delivery driver" in ex.text and "offence number 5" in ex.text
    assert "Most read" not in ex.text and "Thugs jailed" not in ex.text and "Cookie" not in ex.text


def test_short_pages_fall_back_to_the_summary_with_a_reason():
    ex = extract_text(
        "<html><body><p>Subscribe to read.</p></body></html>", None, summary="Feed summary"
    )
    assert ex.source == "summary" and ex.text == "Feed summary"
    assert f"under {MIN_CHARS}" in ex.note and "trafilatura" in ex.note and "readability" in ex.note


def test_readability_is_the_fallback_when_trafilatura_finds_too_little(monkeypatch):
    import monitor.extract as extract

    # trafilatura genuinely returning nothing is page-specific; make it fail as it does on odd markup
    monkeypatch.setattr(
        extract, "_trafilatura", lambda html, url: (_ for _ in ()).throw(ValueError("boom"))
    )
    ex = extract.extract_text(PAGE, None, summary="s")
    assert ex.source == "fallback" and ex.extractor == "readability"
    assert "offence number 3" in ex.text
    assert "trafilatura failed (ValueError)" in ex.note


def test_decoding_follows_http_then_meta_then_utf8():
    text = "Défendant – £40 ‘fine’"
    cp = f"<html><head><meta charset='windows-1252'></head><body>{text}</body></html>".encode(
        "cp1252"
    )
    assert text in decode_html(cp, {"content-type": "text/html"})
    assert text in decode_html(cp, {"content-type": "text/html; charset=windows-1252"})
    # HTTP says iso-8859-1: browsers read that as windows-1252, so smart quotes survive
    assert text in decode_html(cp, {"content-type": "text/html; charset=iso-8859-1"})
    # a declared charset that cannot decode the bytes is a lie: fall through to UTF-8
    page = f"<html><body>{text}</body></html>"
    assert decode_html(page.encode(), {"content-type": "text/html; charset=iso-2022-jp"}) == page
    # a BOM beats a declared charset
    utf8 = page.encode()
    assert decode_html(b"\xef\xbb\xbf" + utf8, {"content-type": "text/html; charset=koi8-r"}) == (
        page
    )


def test_a_page_mislabelled_us_ascii_is_read_as_utf8_when_its_bytes_are_utf8():
    """us-ascii cannot hold a byte >= 0x80, so such a label is provably wrong:
    valid UTF-8 bytes are UTF-8; anything else is windows-1252 (WHATWG's mapping)."""
    text = "Défendant – £40 ‘fine’"
    page = f"<html><body>{text}</body></html>"
    utf8 = page.encode()
    assert utf8 != page.encode("cp1252")  # the two readings really differ
    for label in ("us-ascii", "US-ASCII", "ascii", '"us-ascii"', "ANSI_X3.4-1968"):
        assert decode_html(utf8, {"content-type": f"text/html; charset={label}"}) == page, label
    meta = f"<html><head><meta charset='us-ascii'></head><body>{text}</body></html>"
    assert decode_html(meta.encode(), {"content-type": "text/html"}) == meta
    # declared us-ascii, bytes that are not UTF-8: windows-1252, exactly
    assert decode_html(page.encode("cp1252"), {"content-type": "text/html; charset=us-ascii"}) == (
        page
    )
    assert decode_html(meta.encode("cp1252"), {}) == meta
    # plain ASCII bytes under an ASCII label: unchanged
    assert decode_html(b"<p>A plain page</p>", {"content-type": "text/html; charset=ascii"}) == (
        "<p>A plain page</p>"
    )


def test_meta_charset_after_the_first_kilobyte(tmp_path):
    from tests.conftest import CORPORA

    base = CORPORA / "feeds/miniflux-encoding/encoding/testdata"
    if not base.exists():
        import pytest

        pytest.skip("shared corpus not present")
    for name in ("iso-8859-1-meta-after-1024.html", "utf8-meta-after-1024.html", "iso-8859-1.html"):
        html = decode_html((base / name).read_bytes(), {"content-type": "text/html"})
        assert "\ufffd" not in html and "Ã" not in html, name


def test_raw_html_round_trip_and_content_types():
    html = "<p>£ ‘x’</p>"
    blob = compress_html(html)
    assert gzip.decompress(blob).decode() == html and decompress_html(blob) == html
    assert is_html({"content-type": "text/html; charset=utf-8"}) and is_html({})
    assert not is_html({"content-type": "application/pdf"})
