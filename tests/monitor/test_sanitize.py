from hypothesis import given
from hypothesis import strategies as st

from monitor.sanitize import clean_line, clean_text, is_clean

NASTY = [
    ("Judge\x1b[2J\x1b[H jails man", "Judge jails man"),
    ("click\x1b]52;c;ZXZpbA==\x07 here", "click here"),  # OSC 52 clipboard write
    ("title\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "titlelink"),  # OSC 8 hyperlink
    ("bell\x07 and nul\x00 and del\x7f", "bell and nul and del"),
    ("c1\x9b31mred\x9bm", "c1red"),  # 8-bit CSI
    ("invoice\u202egpj.exe", "invoicegpj.exe"),  # right-to-left override
    ("iso\u2066late\u2069", "isolate"),
    ("surrogate\ud800 gone", "surrogate gone"),
    ("keeps £, – and ‘quotes’", "keeps £, – and ‘quotes’"),
    ("dcs\x1bPq#0;2;0;0;0\x1b\\ done", "dcs done"),
    ("reset\x1bc now", "reset now"),
]


def test_nasty_strings_are_neutralised():
    for raw, want in NASTY:
        assert clean_line(raw) == want, raw
        assert is_clean(clean_text(raw))


def test_text_keeps_paragraphs_and_tabs_but_not_carriage_returns():
    assert clean_text("a\r\nb\rc\n\nd\te") == "a\nb\nc\n\nd\te"
    assert clean_line("  a \n\n b\t c  ") == "a b c"


def test_none_and_non_strings():
    assert clean_text(None) == ""
    assert clean_line(42) == "42"


@given(st.text())
def test_anything_becomes_clean_and_encodable(value):
    out = clean_text(value)
    assert is_clean(out)
    out.encode("utf-8")  # storable in SQLite
    assert clean_text(out) == out  # idempotent
