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


def test_html_visible_copy_of_hidden_text_is_flagged_where_it_is(engine):
    src = (
        "<pre>The inmates ran.</pre><p>The inmates ran.</p>"
        "<code>the thugs</code><script>x='the thugs'</script><p>Then the thugs left.</p>"
    )
    flags = engine.check(src, fmt="html")
    assert [(f.start, f.text) for f in flags] == [
        (src.rindex("inmates"), "inmates"),
        (src.rindex("thugs"), "thugs"),
    ]
    assert apply_rewrites(src, flags).startswith("<pre>The inmates ran.</pre>")


def test_html_rewrite_keeps_markup(engine):
    src = "<p>The <em>inmates</em> were moved.</p>"
    flags = engine.check(src, fmt="html")
    out = apply_rewrites(src, flags)
    assert out == "<p>The <em>people in prison</em> were moved.</p>"


def test_html_blockquote_is_quoted(engine):
    src = "<blockquote>They were thugs.</blockquote><p>The thugs ran.</p>"
    flags = engine.check(src, fmt="html")
    assert [f.quoted for f in flags] == [True, False]


def test_html_paragraph_ends_an_unclosed_quotation(engine):
    # BBC style: a quote left open runs to the end of its paragraph, and no further
    src = "<p>He said: \u201cThe thugs must be locked up</p><p>The thugs ran.</p>"
    flags = engine.check(src, fmt="html")
    assert [(f.start, f.quoted) for f in flags] == [
        (src.index("thugs"), True),
        (src.rindex("thugs"), False),
    ]


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


# Real publisher HTML (Zyte extraction benchmark pages, ../shared/corpora), with
# every flag checked by hand against the page and the flagging policy: the
# context each flagged word sits in (unique in the raw HTML), the word as the
# source spells it, its entry, and whether it stands inside a quotation.
ZYTE_PAGES = {
    # USA Today: prison guards charged after Jeffrey Epstein's death
    "c58aa507c4deebd660f69905f9abb8f96d935f6e7210f597ed4cd32b3f39f7f7": [
        ("should have been conducting inmate checks", "inmate", "inmate", False),
        ("that no inmate checks were made", "inmate", "inmate", False),
        ("five separate inmate counts", "inmate", "inmate", False),
        # the U.S. attorney's press release, in curly quotes
        ("of federal inmates in their care", "inmates", "inmate", True),
        ("mandated checks on inmates, and lied", "inmates", "inmate", True),
        ("such a high-profile inmate.", "inmate", "inmate", False),
        ("required checks on inmates and falsified", "inmates", "inmate", False),
        ("cell checks, inmate counts", "inmate", "inmate", False),
        ("and no inmate checks were conducted", "inmate", "inmate", False),
        ("USA TODAY that an inmate can", "an inmate", "inmate", False),
        ("concludes the inmate\xa0is", "inmate", "inmate", False),
    ],
    # Sputnik: Prince Andrew's interview; the last flag is in the site's rules for comments
    "1f765c48780665e89cc3af1f7c9af47876e9fae9b5be4a936b0649e10f5e3198": [
        ("by the convicted pedophile Epstein", "convicted pedophile", "paedophile", False),
        (
            "who reportedly committed suicide in August",
            "committed suicide",
            "committed-suicide",
            False,
        ),
        ("with the convicted sex offender Jeffrey Epstein", "sex offender", "sex-offender", True),
        ("to visit the pedophile to tell", "pedophile", "paedophile", False),
        ("incites to commit suicide", "commit suicide", "commit-suicide", False),
    ],
    # Digg: a headline in an <h2> link; the same words in an <img alt> are not text
    "680c2848e94a96f961a0964631de94ac572f83c45bfd0bec2deafa893bcfe15c": [
        ("\n        Burglars Really Do Use", "Burglars", "burglar", False),
    ],
}
# A known false flag, allowed but not required: "New York State Sex Offender
# Registry" (a photo credit) is an official register's name (policy 2) that the
# official-names list lacks.
KNOWN_FALSE = {("c58aa507c4deebd660f69905f9abb8f96d935f6e7210f597ed4cd32b3f39f7f7", "Sex Offender")}


def test_real_article_pages_map_every_flag_to_its_source(engine):
    """Real publisher HTML: each hand-checked flag is found at its place in the raw
    HTML, quoted where the page quotes it, and a fix changes only those spans."""
    import gzip

    from tests.conftest import corpora_or_skip

    folder = corpora_or_skip("extraction", "zyte-aeb", "html")
    for name, expected in ZYTE_PAGES.items():
        src = gzip.open(folder / f"{name}.html.gz").read().decode("utf-8", "replace")
        flags = engine.check(src, fmt="html")
        want = []
        for context, word, entry, quoted in expected:
            assert src.count(context) == 1, (name, context)
            start = src.index(context) + context.index(word)
            want.append((start, start + len(word), word, entry, quoted))
        got = [(f.start, f.end, f.text, f.entry, f.quoted) for f in flags]
        extra = [g for g in got if g not in want]
        assert [g for g in got if g in want] == want, name
        assert all((name, g[2]) in KNOWN_FALSE for g in extra), (name, extra)
        for f in flags:
            assert src[f.start : f.end] == f.text and "<" not in f.text
            # own voice: a rewrite, unless no wording is safe for the person's
            # legal status (policy: advice only, never a guess)
            assert f.rewrite is None if f.quoted else (f.rewrite or f.status), f
        # the fix splices each own-voice rewrite into the HTML and nothing else
        fixed, pos, pieces = apply_rewrites(src, flags), 0, []
        for f in sorted(flags, key=lambda f: f.rewrite_span[0]):
            if not f.quoted and f.rewrite is not None:
                a, b = f.rewrite_span
                pieces += [src[pos:a], f.rewrite]
                pos = b
        assert fixed == "".join(pieces) + src[pos:], name
