"""Which organisation a piece of text names, and the role its voice has:
the editable list (``lexicon/data/organisations.yaml``) as one compiled
alternation, and, for a body the list does not name, the kind of body its
name says it is."""

from __future__ import annotations

import re

from lexicon.organisations import Organisation, Organisations

# An organisation the list does not name is known by the kind of body its
# name says it is ("Kent Anti Racism Network", "Leeds City Council", "the
# University of Kent", "Avon Fire and Rescue Service" names none): a
# capitalised name with one of these head words.  The first head word found
# in the name, in this order, decides ("Prison Reform Trust" is a trust,
# "Tayside Police Department" a police force).
_ORG_HEAD = re.compile(
    r"\b(?:Trust|Foundation|Charity|Campaign|Alliance|Coalition|Network|Project|Initiative|Society|"
    r"League|Movement|Association|Federation|Union|Police|Constabulary|Policing|Council|Ministry|"
    r"Department|Parliament|Assembly|Party|Government|Senate|Congress|University|College|Institute|"
    r"Inspectorate|Ombudsman|Commission|Inquiry|Centre|Center|Prison|Prisons|Probation)\b"
)
# the capitalised words before a head word ("Kent Anti Racism" Network), and
# what may follow it ("University" of Kent, "Ministry" of Defence)
_ORG_LEFT = re.compile(r"(?:[A-Z][\w&’'.-]*[ \t]+(?:(?:of|for|and|on|the|&)[ \t]+)?){0,4}$")
_ORG_RIGHT = re.compile(
    r"[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z][\w&’'.-]*"
    r"(?:[ \t]+(?:[A-Z][\w&’'.-]*|(?:of|for|and|on|the|&)(?=[ \t]+[A-Z]))){0,3}"
)
_ORG_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rx))
    for role, rx in (
        # a health or hospital trust, a fire service, a school, a sports body, a
        # professional college or a company speak as other
        (
            "other",
            r"\b(?:NHS|Hospitals?|Health|Medical|Fire|Rescue|Ambulance|School|Academy|Football|"
            r"Club|Federation|Ltd|plc|Leisure|Shopping|Catholic|Grammar|Royal College|Editors)\b",
        ),
        ("prison_probation", r"\b(?:Correctional|Corrections|Penitentiary|Jail|Gaol|Detention)\b"),
        # a profession's own body speaks for the profession ("Police Superintendents'
        # Association", "Criminal Bar Association", "Prison Officers' Association")
        ("police_prosecution", r"\bPolice\b.*\b(?:Association|Union|Society|Council|College)\b"),
        ("prison_probation", r"\b(?:Prisons?|Probation)\b.*\b(?:Association|Union|Society)\b"),
        (
            "courts",
            r"\b(?:Bar|Law|Barristers|Solicitors|Magistrates|Judges)\b.*\b(?:Association|Society|Council)\b",
        ),
        ("research", r"\b(?:Studies|Research|Criminology)\b"),
        (
            "charities",
            r"\b(?:Trust|Foundation|Charity|Campaign|Alliance|Coalition|Network|Project|"
            r"Initiative|League|Movement|Association|Centre|Center)\b",
        ),
        # a public inquiry speaks as research (the guide: inquiry chairs and counsel)
        (
            "research",
            r"\b(?:University|College|Institute|Inspectorate|Ombudsman|Commission|Inquiry)\b",
        ),
        ("police_prosecution", r"\b(?:Police|Constabulary|Policing)\b"),
        ("prison_probation", r"\b(?:Prisons?|Probation)\b"),
        (
            "government",
            r"\b(?:Council|Ministry|Department|Parliament|Assembly|Party|Government|Senate|Congress)\b",
        ),
    )
)


def generic_org(s: str) -> tuple[int, Organisation] | None:
    """The leftmost capitalised name in ``s`` that says what kind of body it is."""
    for h in _ORG_HEAD.finditer(s):
        left = _ORG_LEFT.search(s, max(0, h.start() - 80), h.start())
        start = left.start() if left else h.start()
        right = _ORG_RIGHT.match(s, h.end())
        name = s[start : right.end() if right else h.end()]
        # an office before the body's name is the person's ("Minister for
        # Prisons and Probation", "Members of Congress")
        lead = _OFFICE_LEAD.match(name)
        if lead:
            start += lead.end()
            name = name[lead.end() :]
        first = name.split()[0] if name.split() else ""
        if first in ("The", "A", "An") and len(name.split()) > 1:
            rest = name.split(None, 1)[1]
            start += len(name) - len(rest)
            name = rest
        for role, rx in _ORG_HEADS:
            if rx.search(name):
                if len(name.split()) < 2 or name.split()[0] in _NOT_ORG_STARTS:
                    break
                # an "other" body is returned too: its head word ("NHS Trust")
                # is then no charity cue
                return start, Organisation(name, role)
    return None


_OFFICE_LEAD = re.compile(
    r"(?:(?:Minister|Secretary|Director|Chief|Executive|Head|Chair|Chairman|Chairwoman|President|"
    r"Officer|Spokesman|Spokeswoman|Spokesperson|Commissioner|Inspector|Governor|Professor|Lecturer|"
    r"Deputy|Assistant|Senior|Leader|Manager|Founder|Members?|Shadow|Chancellor|Mayor|State)"
    r"[ \t]+(?:(?:of|for|and|on|the)[ \t]+)*)+"
)
# the head word alone, or a sentence's first word before it, names no body
_NOT_ORG_STARTS = frozenset(
    "But And He She They It In On At When After Before If As His Her Their This That We I".split()
)


class OrgMatcher:
    """All organisations as one compiled alternation (longest name first), so a
    lookup is one regex scan, not one per organisation; built once per list."""

    def __init__(self, orgs: Organisations) -> None:
        exact = [o for o in orgs.items if o.name != o.name.lower()]
        anycase = [o for o in orgs.items if o.name == o.name.lower()]
        self._exact = _alternation(exact, 0)
        self._anycase = _alternation(anycase, re.IGNORECASE)
        self._by_key = {_key(o.name): o for o in exact} | {_key(o.name).lower(): o for o in anycase}

    def first(self, s: str, *, generic: bool = True) -> tuple[int, Organisation] | None:
        """The leftmost organisation named in ``s`` (longest at a position), with
        its offset: one of the list, else (with ``generic``) a name whose head
        word says what kind of body it is."""
        best: tuple[int, Organisation] | None = None
        for rx, fold in ((self._exact, False), (self._anycase, True)):
            if rx is None:
                continue
            m = rx.search(s)
            if m:
                key = _key(m.group())
                org = self._by_key.get(key.lower() if fold else key)
                if org is not None and (best is None or m.start() < best[0]):
                    best = (m.start(), org)
        if generic:
            g = generic_org(s if best is None else s[: best[0]])
            if g is not None:
                return g
        return best


def _key(name: str) -> str:
    return " ".join(name.split()).replace("’", "'")


def _alternation(orgs: list[Organisation], flags: int) -> re.Pattern[str] | None:
    if not orgs:
        return None
    names = sorted((o.name for o in orgs), key=len, reverse=True)
    # a name's apostrophe matches either mark ("Women's Aid", "Women’s Aid")
    body = "|".join(re.sub("['’]", "['’]", re.escape(n).replace(r"\ ", r"\s+")) for n in names)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)
