"""Offsets map back to the original input for HTML and Markdown."""

from framing import apply_rewrites


def test_html_offsets_point_into_the_source(engine):
    src = (
        "<html><head><title>t</title><style>.inmate{}</style></head><body>"
        "<p>Tom &amp; Jerry met an inmate&rsquo;s mother.</p><p>The <b>thugs</b> ran.</p>"
        "<script>var inmate = 1;</script><pre>inmate</pre></body></html>"
    )
    flags = engine.check(src, fmt="html")
    texts = [f.text for f in flags]
    assert "inmate&rsquo;s mother" in texts or "inmate&rsquo;s" in texts
    assert "thugs" in texts
    for f in flags:
        assert src[f.start : f.end] == f.text
        assert (
            src.rfind("<script", 0, f.start) < src.rfind("</script>", 0, f.start)
            or "<script" not in src[: f.start]
        )
    assert not any(src.find("<pre>") < f.start < src.find("</pre>") for f in flags)


def test_html_rewrite_keeps_markup(engine):
    src = "<p>The <em>inmates</em> were moved.</p>"
    flags = engine.check(src, fmt="html")
    out = apply_rewrites(src, flags)
    assert out == "<p>The <em>people in prison</em> were moved.</p>"


def test_html_blockquote_is_quoted(engine):
    src = "<blockquote>They were thugs.</blockquote><p>The thugs ran.</p>"
    flags = engine.check(src, fmt="html")
    assert [f.quoted for f in flags] == [True, False]


def test_markdown_skips_code_and_urls_and_keeps_offsets(engine):
    src = (
        "# Report\n\nThe `inmate` field and [link](https://x.org/thugs) are code.\n\n"
        "```\ninmates here\n```\n\n    indented inmate\n\nThe inmates were moved, see www.thugs.com.\n\n"
        "> The yobs ran.\n"
    )
    flags = engine.check(src, fmt="markdown")
    assert [(f.text, f.quoted) for f in flags] == [("inmates", False), ("yobs", True)]
    for f in flags:
        assert src[f.start : f.end] == f.text


def test_markdown_italic_title_is_exempt(engine):
    src = "We watched *Gangs of Old Leeds* and the gangs of thugs in it.\n"
    flags = engine.check(src, fmt="markdown")
    assert [f.text for f in flags] == ["thugs"]


def test_markdown_italic_emphasis_is_not_a_title(engine):
    src = "*Thugs* attacked him. We loved *Scum* and hated *thugs*.\n"
    flags = engine.check(src, fmt="markdown")
    assert [f.start for f in flags] == [src.index("Thugs"), src.index("thugs")]


def test_real_article_pages_map_every_flag_to_its_source(engine):
    """Real publisher HTML (Zyte benchmark pages): every span is the source text."""
    import gzip

    from tests.conftest import corpora_or_skip

    folder = corpora_or_skip("extraction", "zyte-aeb", "html")
    pages = sorted(folder.glob("*.html.gz"))[:12]
    seen = 0
    for page in pages:
        src = gzip.open(page).read().decode("utf-8", "replace")
        flags = engine.check(src, fmt="html")
        seen += len(flags)
        for f in flags:
            assert src[f.start : f.end] == f.text
            assert "<" not in f.text
        apply_rewrites(src, flags)
    assert pages
