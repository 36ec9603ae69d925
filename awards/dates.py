"""Dates as an awards team types them: ISO, or the UK's day-first forms.

An explicit list of forms rather than a lenient parser (dateutil's
``dayfirst`` silently reads "09/15/2026" as 15 September, so a file that
mixes US and UK dates would be imported half wrong):

    2026-09-15, 2026-09-15T10:00:00+00:00    ISO (what the monitor stores)
    15/09/2026, 15.09.2026, 15-09-2026       day first, 4-digit year
    2026/09/15                               year first
    15 Sept 2026, 15th September 2026,       a named month (any case, with or
    Tue 15 Sep 2026, Sept 15, 2026, 15-Sep-2026   without a weekday)
    15/09/2026 10:00                         a form's timestamp (time left out)

Refused, each with a line saying why: two-digit years ("15/09/26": which
century, which order?), a numeric date whose day-first reading is impossible
but month-first is not ("09/15/2026" looks like a US date), a named month
without a year, and anything else.  No database, no I/O.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

FORMS = "15/09/2026, 15 Sept 2026 or 2026-09-15"

_MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    _MONTHS[calendar.month_name[_n].lower()] = _n
    _MONTHS[calendar.month_abbr[_n].lower()] = _n
_MONTHS["sept"] = 9

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = re.compile(
    r"[\s,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?\s*(?:am|pm)?\s*"
    r"(?:z|utc|gmt|bst|[+-]\d{2}:?\d{2})?$"
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NUMERIC = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})$")
_DAY_MONTH = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+([a-z]+)\.?,?(?:[\s\-/.]+(\d{2,4}))?$"
)
_MONTH_DAY = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{2,4}))?$")


class DateProblem(ValueError):
    """Why a date was refused, as the end of a sentence."""


class MonthFirst(DateProblem):
    """A numeric date that only reads month-first (a US date in a UK file)."""


def parse_day(text: str) -> date:
    """The date ``text`` names, or DateProblem saying why it is refused."""
    raw = " ".join(text.split())
    if _ISO.match(raw):
        try:
            return date.fromisoformat(raw[:10])
        except ValueError as exc:
            raise DateProblem(f"is not a date (write it like {FORMS})") from exc
    lowered = _TIME.sub("", raw.lower()).strip()
    numeric = _NUMERIC.match(lowered)
    if numeric:
        return _numeric(raw, numeric)
    named = _DAY_MONTH.match(lowered) or _MONTH_DAY.match(lowered)
    if named:
        return _named(raw, named)
    raise DateProblem(f"is not a date (write it like {FORMS})")


def ambiguous(text: str) -> bool:
    """A numeric date that reads as a different valid date month-first
    ("03/04/2026": 3 April, or 4 March in a US file)."""
    m = _NUMERIC.match(_TIME.sub("", " ".join(text.split()).lower()).strip())
    if not m or len(m.group(4)) != 4 or len(m.group(1)) == 4:
        return False
    a, b = int(m.group(1)), int(m.group(3))
    return a != b and a <= 12 and b <= 12


def _numeric(raw: str, m: re.Match[str]) -> date:
    first, second, last = m.group(1), m.group(3), m.group(4)
    if len(first) == 4:  # 2026/09/15
        return _make(raw, int(first), int(second), int(last))
    if len(last) != 4:
        raise DateProblem(f"has a {len(last)}-digit year: write the year in full (e.g. 15/09/2026)")
    day, month, year = int(first), int(second), int(last)
    try:
        return date(year, month, day)
    except ValueError:
        pass
    try:
        us = date(year, day, month)
    except ValueError:
        raise DateProblem(f"is not a date (no day {day} in month {month})") from None
    raise MonthFirst(
        f"reads month first (a US date?); UK dates are day first: "
        f"write {us:%d/%m/%Y} or {us.isoformat()}"
    )


def _named(raw: str, m: re.Match[str]) -> date:
    if m.re is _DAY_MONTH:
        day, month_name, year = m.group(1), m.group(2), m.group(3)
    else:
        month_name, day, year = m.group(1), m.group(2), m.group(3)
    month = _MONTHS.get(month_name)
    if month is None:
        raise DateProblem(f"is not a date ('{month_name}' is not a month; write it like {FORMS})")
    if year is None:
        raise DateProblem("has no year (e.g. 15 Sept 2026)")
    if len(year) != 4:
        raise DateProblem(
            f"has a {len(year)}-digit year: write the year in full (e.g. 15 Sept 2026)"
        )
    return _make(raw, int(year), month, int(day))


def _make(raw: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(f"is not a date (no day {day} in month {month} of {year})") from None
