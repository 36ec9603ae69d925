from framing.quotes import blank_quotes, find_quotes


def quoted(text):
    q = find_quotes(text)
    return [text[a:b] for a, b in q.spans]


def test_straight_and_curly_double_quotes():
    assert quoted('He said "they are thugs" today.') == ['"they are thugs"']
    assert quoted("He said “they are thugs” today.") == ["“they are thugs”"]


def test_single_curly_quotes_and_apostrophes():
    assert quoted("‘Evil’ thug jailed") == ["‘Evil’"]
    assert quoted("The prisoners’ families said it wasn’t fair.") == []
    assert quoted("He called it ‘the prisoners’ favourite’ yesterday") == [
        "‘the prisoners’ favourite’"
    ]
    assert quoted("it's the prisoners' right and 'thugs' too") == ["'thugs'"]


def test_bbc_style_quote_runs_across_paragraphs():
    text = "“I was there,” he said. “It was awful.\n\n“Then the thugs came.”\n\nThe thugs left."
    q = find_quotes(text)
    first = text.index("awful")
    second = text.index("thugs")
    last = text.rindex("thugs")
    assert q.inside(first, first + 5)  # open at paragraph end: runs to the end
    assert q.inside(second, second + 5)  # paragraph opening with a quote mark
    assert not q.inside(last, last + 5)


def test_unclosed_quote_does_not_leak_into_next_paragraph():
    text = '"I was there, he said.\n\nThe thugs left.'
    q = find_quotes(text)
    i = text.index("thugs")
    assert not q.inside(i, i + 5)


def test_quoted_headline_and_markup_quotes():
    text = "'Evil' predator jailed for 12 years"
    assert quoted(text) == ["'Evil'"]
    q = find_quotes("plain words here", extra=[(0, 5)])
    assert q.inside(0, 5) and not q.inside(6, 11)


# --- quote state that cannot leak (policy, "Decisions on hard cases") ---------


def test_possessive_and_elided_apostrophes_never_open_or_close_a_quote():
    for text in [
        "Mack's mother said the murderer should never be freed.",
        "Mack’s mother said the murderer should never be freed.",
        "James' murderer was jailed and the Smiths' house was sold.",
        "It was the ’90s and rock 'n' roll ruled the thugs' estate.",
        "It was the ‘90s, when the thugs ruled. Police said so.",
        "Fish ‘n’ chips, said the inmates.",
        "The automaker isn ‘t slowing down, the thugs said.",
    ]:
        assert quoted(text) == [], text


def test_a_stray_opening_single_mark_ends_with_its_sentence():
    text = "The ‘new regime started. The thugs left at noon."
    q = find_quotes(text)
    i = text.index("thugs")
    assert not q.inside(i, i + 5)


def test_a_possessive_inside_a_quote_does_not_close_it():
    text = "‘Mack’s killer is a monster and the prisoners’ families know it,’ she said. The killer left."
    q = find_quotes(text)
    assert q.inside(text.index("monster"), text.index("monster") + 7)
    assert q.inside(text.index("families"), text.index("families") + 8)
    assert not q.inside(text.rindex("killer"), text.rindex("killer") + 6)


def test_a_nested_quote_keeps_the_outer_one_open():
    for text in [
        "“He called it ‘rubbish’ and said the thugs won,” she said. The thugs left.",
        '“He called it "rubbish" and said the thugs won,” she said. The thugs left.',
        "‘He shouted “get out” and the thugs ran,’ she said. The thugs left.",
    ]:
        q = find_quotes(text)
        first, last = text.index("thugs"), text.rindex("thugs")
        assert q.inside(first, first + 5), text
        assert not q.inside(last, last + 5), text


def test_uk_quote_over_several_paragraphs():
    text = (
        "She told the court: ‘The thugs came at night.\n\n"
        "‘They smashed every window and the thugs laughed.\n\n"
        "‘Then the thugs left.’\n\n"
        "The thugs were jailed."
    )
    q = find_quotes(text)
    starts = [i for i in range(len(text)) if text.startswith("thugs", i)]
    assert [q.inside(i, i + 5) for i in starts] == [True, True, True, False]


def test_a_missing_closing_mark_ends_before_the_next_quotation():
    text = "“I was there, he said. “Then the thugs came.” The thugs left."
    q = find_quotes(text)
    assert q.inside(text.index("thugs"), text.index("thugs") + 5)
    assert not q.inside(text.rindex("thugs"), text.rindex("thugs") + 5)


def test_doubled_single_marks_close_a_double_quotation():
    # some systems write a closing double mark as two single ones
    text = "“It was an attempt to mislead voters,’’ Will Moy told the BBC. The thugs left."
    q = find_quotes(text)
    assert not q.inside(text.index("thugs"), text.index("thugs") + 5)
    assert q.inside(text.index("mislead"), text.index("mislead") + 7)


def test_straight_closing_mark_after_a_space():
    text = '"Who are we as a nation? " she wrote. The thugs left.'
    q = find_quotes(text)
    assert not q.inside(text.index("thugs"), text.index("thugs") + 5)


def test_a_quotation_opened_before_the_excerpt_ends_at_its_attribution():
    """ "... going to appeal,' said another.": the opening mark is in an earlier
    paragraph the text does not hold; the closing mark after the quotation's
    punctuation, then its attribution, marks everything before it as quoted."""
    for text in (
        "The thugs will now appeal,' said another.",
        "The thugs will now appeal,” the victim's brother said.",
        'The thugs will now appeal," she added.',
    ):
        q = find_quotes(text)
        assert q.inside(text.index("thugs"), text.index("thugs") + 5), text


def test_an_apostrophe_after_a_word_opens_nothing_backwards():
    for text in ("The Smiths' house was burgled by thugs.", "The thugs' families said little."):
        q = find_quotes(text)
        assert not q.inside(text.index("thugs"), text.index("thugs") + 5), text


def test_blank_quotes_keeps_offsets_and_the_writers_own_words():
    text = "Friends called him a 'bullying victim' and Tom's mother said \"no\"."
    out = blank_quotes(text)
    assert len(out) == len(text)
    assert "victim" not in out and '"no"' not in out
    # a possessive apostrophe opens no quotation
    assert "Tom's mother said" in out
    assert blank_quotes("No quotation here.") == "No quotation here."
