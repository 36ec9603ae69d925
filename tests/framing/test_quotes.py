from framing.quotes import find_quotes


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
