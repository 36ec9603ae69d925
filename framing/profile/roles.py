"""A speaker's role, from cues in the text and the editable organisations list.

A role is decided by the first cue found, in this order: the description
next to the speaker ("Jane Smith, chief executive of Nacro"), the speaker's
own words ("a Ministry of Justice spokesman"), what the article says the
speaker did or suffered anywhere ("Wray, 34, pleaded guilty", "Mr Robertson
was punched": measured on the labelled DEV articles, this beats the words of
the first mention, which in a court report are often about someone else),
then the words around the speaker's first mention in the article (where news
writing gives the title: "Det Insp John Smith, of Kent Police, said ...";
later mentions are "Smith").
Within each, the strong lived-experience and victim cues ("who spent six
years in prison", "whose son was killed") come before titles and
organisations, and the rest go by position (the first cue in the words wins): "a former prisoner who now works for the Howard League" is
heard as lived experience, the voice amplifying looks for.

Where none of those speaks, every other mention of the name does, in turn:
its apposition ("..., Smith, chief executive of Nacro, told MPs"), a title,
organisation or description written right before it ("the Home Secretary,
Priti Patel,", "Hope Not Hate's Joe Mulhall", "campaigner Ann Lowe", "her
father Denis"), an office in the definite subject of the next sentence
("Boris Johnson vowed ... The Prime Minister wants"), and the lede that
describes the person before naming them ("The mother of a woman murdered ...
has called for ... / Marie Kemp told the BBC").  A mention with another
first name is a relative sharing the surname and is skipped.  An
organisation the list does not name is known by its name's head word
("Kent Anti Racism Network", "Leeds City Council", "University of Kent").
Only then is the speaker "other" ("no cue").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.profile.naming import (
    COMMA_NAME_TAIL,
    NAME_TAIL,
    ORG_BEFORE_TAIL,
    OTHER_NAME,
    POSSESSIVE,
    SENTENCE_END,
    SUBJECT_START,
    SURNAME,
    apposition,
    first_names,
    someone_else,
)
from framing.profile.orgs import OrgMatcher
from framing.profile.role_cues import (
    ACCUSED as ACCUSED,  # re-exported: the profile's score names the accused's voice
)
from framing.profile.role_cues import (
    ACCUSED_SPEAKER,
    ANAPHOR,
    APPOSED,
    BYSTANDER,
    CUES,
    KIN_SPEAKER,
    LEDE,
    OBJECT_CUE,
    RANK,
    SOMEONE_ELSES,
    STUDENT,
    SUBJECT_CUES,
    WORD_BEFORE,
)

_COUNSEL = re.compile(r"'(?:QC|KC|barrister|counsel for)'")
_PROSECUTION_COUNSEL = next(i for i, c in enumerate(CUES) if c[1] == "prosecution counsel")
# how much of the words after a later mention count before the speaker's own
# title: "Kevin, now 31, went to rehab" (50 to 70 characters measure the
# same on DEV)
_AFTER_NAME = 60


def _word_before(before: str) -> RoleCue | None:
    for m in WORD_BEFORE.finditer(before):
        # on the same line: a headline's last word is not a title ("the killer / Julie")
        if NAME_TAIL.fullmatch(before, m.end()) and "\n" not in before[m.end() :]:
            if m.lastgroup == "relative":
                return RoleCue("victims", f"relative (before a mention): '{m.group()}'")
            return RoleCue(m.lastgroup or "other", f"description before a mention: '{m.group()}'")
    return None


# the cues a title at a later mention may give: offices, not descriptions
_TITLE_LABELS = frozenset(
    {
        "government or political title",
        "police or prosecution title",
        "prison or probation title",
        "prosecution counsel",
        "court title",
    }
)
_GENERIC_KEYS = frozenset("He She They It The Police Court Council Government".split())

_SUBJECT_RX = tuple((role, label, re.compile(rx)) for role, label, rx in SUBJECT_CUES)
_OBJECT_RX = re.compile("(?:" + OBJECT_CUE + ")$")


_WEAK_AT_A_MENTION = frozenset(("relative", "research or inspectorate title"))
# the victim words a first mention's sentence gives only next to the name: in
# news writing that sentence is often the speaker's about a victim (police,
# lawyers, witnesses and reporters all speak of "the victim")
_NEAR_ONLY = frozenset(("relative", "victim or survivor"))
# an indefinite right before a relative word: someone's parent in general
_INDEFINITE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any|[Oo]ther)\s+$")


@dataclass(frozen=True)
class RoleCue:
    role: str
    cue: str


class RoleFinder:
    """Decides roles for one article, with the profiler's compiled organisations."""

    def __init__(self, text: str, orgs: OrgMatcher) -> None:
        self.text = text
        self._orgs = orgs

    def organisation(self, s: str) -> RoleCue | None:
        found = self._orgs.first(s)
        return None if found is None else RoleCue(found[1].role, f"organisation: {found[1].name}")

    def cues(self, s: str, where: str, near: str = "") -> RoleCue | None:
        best: tuple[int, int, RoleCue] | None = None
        found = self._orgs.first(s)
        if found is not None and found[1].role == "other":
            # "of Barts Health NHS Trust": a body that speaks as other; its
            # head word is no charity cue
            a, n = found[0], len(found[1].name)
            s = s[:a] + " " * n + s[a + n :]
            found = self._orgs.first(s)
        for rank, (role, label, rx) in enumerate(CUES):
            if label == ACCUSED and where == "first mention":
                continue  # "said the man was jailed": the words around a name are about others
            if where == "a mention's description" and label in _WEAK_AT_A_MENTION:
                # another mention's description may give an office or a story,
                # but a bare relation ("Andrew, brother of ...") or an expert
                # word is too weak to outrank "other" there
                continue
            if label in _NEAR_ONLY and where == "first mention":
                # "he and his family lived near the gang", "Mr Paterson said the
                # victim was ...": a relative or victim word far from the name is
                # someone else's; next to it ("mother Sarah") it is theirs
                m = rx.search(near)
                if m and (best is None or s.find(near) + m.start() < best[0]):
                    at = max(s.find(near), 0) + m.start()
                    best = (at, rank, RoleCue(role, f"{label} ({where}): '{m.group()}'"))
                continue
            if rank < 2 and where == "first mention" and near:
                # in a first mention's sentence, only next to or after the name:
                # "Durham served two years in prison, but it wasn't Brand who caught him"
                m = rx.search(near)
                if m:
                    return RoleCue(role, f"{label} ({where}): '{m.group()}'")
                continue
            if label == "relative" and where == "description":
                # "Hadassah, who had her son Braxton": after the name, a possessive
                # relative is the speaker's own family, not what the speaker is
                m = next((x for x in rx.finditer(s) if not POSSESSIVE.search(s[: x.start()])), None)
            else:
                m = rx.search(s)
            if m and label == "relative" and _INDEFINITE.search(s[: m.start()]):
                # "One mother said", "a father told": a parent speaking in general,
                # not a named victim's family (that takes a stronger cue)
                m = None
            if m and label == "research or inspectorate title" and STUDENT.search(s[: m.start()]):
                m = None  # "who attends Cornell University": a student
            if m and rank < 2:  # lived experience and victims win wherever they are
                return RoleCue(role, f"{label} ({where}): '{m.group()}'")
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), rank, RoleCue(role, f"{label} ({where}): '{m.group()}'"))
        if (
            found is not None
            and (best is None or found[0] <= best[0])
            and not (found[1].role == "research" and STUDENT.search(s[: found[0]]))
        ):
            return RoleCue(found[1].role, f"organisation: {found[1].name} ({where})")
        return best[2] if best else None

    def as_subject(self, key: str) -> RoleCue | None:
        """What the article says the speaker did or suffered, wherever it names
        them: "Wray, 34, pleaded guilty", "Mr Robertson was stabbed", "Gardner,
        whose son was murdered" (a court report gives a defendant's or a
        victim's part away from the sentence that first names them)."""
        if not key or not key[0].isupper() or key in _GENERIC_KEYS:
            return None
        # one small pattern per name; the cues are compiled once (compiling
        # name-plus-cue patterns for every speaker cost most of the profile)
        best: tuple[int, RoleCue] | None = None
        text = self.text
        for km in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text):
            # a speaker named by first name is found with the surname after it too
            # ("Charlotte" for "Charlotte Edmonds, 38, lost £1,700")
            sm = SURNAME.match(text, km.end())
            ends = (sm.end(), km.end()) if sm and sm.end() > km.end() else (km.end(),)
            for role, label, rx in _SUBJECT_RX:
                for e in ends:
                    m = rx.match(text, e)
                    if m:
                        break
                if m and (best is None or km.start() < best[0]):
                    cue = text[km.start() : m.end()][:80]
                    best = (km.start(), RoleCue(role, f"{label} (elsewhere): '{cue}'"))
            if best is not None and best[0] <= km.start():
                break  # later mentions cannot be leftmost
            om = _OBJECT_RX.search(text, max(0, km.start() - 160), km.start())
            if om:
                cue = text[om.start() : ends[0]][:80]
                return RoleCue("victims", f"victim or family (elsewhere): '{cue}'")
        return best[1] if best else None

    def role(
        self,
        speaker: str,
        appos: str,
        first_context: str,
        *,
        speakers: Sequence[str] = (),
        descriptions: Sequence[str] = (),
        quotes: Sequence[str] = (),
        near: str = "",
        mentions: Sequence[str] = (),
    ) -> RoleCue:
        """The role of a speaker named ``speaker`` with description ``appos``;
        ``first_context`` is the sentence of the speaker's first mention and
        ``near`` its words next to the name.  A person's role is decided once
        per article from all their mentions: ``speakers`` and ``descriptions``
        are every way the article named and described them where they spoke,
        ``quotes`` their own words ("my son was murdered", "when I was in
        prison")."""
        if re.fullmatch(r"(?:[Tt]he|[Aa]) (?:court|jury|trial)", speaker.strip()):
            return RoleCue("courts", f"court (speaker): '{speaker}'")  # "the court heard"
        if ACCUSED_SPEAKER.fullmatch(speaker.strip()):
            # "the pervert told officers", "the defendant said": the accused speaking
            return RoleCue("lived_experience", f"{ACCUSED} (speaker): '{speaker}'")
        if BYSTANDER.match(speaker.strip()):
            # "a friend of the victim's family", "Neighbours": near a victim, not one
            return RoleCue("other", f"bystander (speaker): '{speaker}'")
        kin = KIN_SPEAKER.fullmatch(speaker.strip())
        if kin:
            # "PC Harper's mother", "the Prime Minister's father": the relative
            # speaks, not the person named; their part decides whose family
            words = kin.group(1).split()
            owner = self.as_subject(words[-1]) if words else None
            if owner is not None and owner.role == "lived_experience":
                return RoleCue("lived_experience", f"family of the accused: {owner.cue}")
            return RoleCue("victims", f"relative (speaker): '{kin.group(2)}'")
        words = speaker.split()
        key = words[-1].removesuffix("’s").removesuffix("'s") if words else ""
        descs = [d for d in (appos, *descriptions) if d]
        names = [speaker, *(n for n in speakers if n != speaker)]
        # people attacked at work (a prison officer assaulted, a PC covered in
        # petrol) speak as victims about the attack: what happened to them
        # outranks their title (the labelling guide's ruling)
        harmed = self.as_subject(key)
        if harmed is not None and harmed.role == "victims":
            return harmed
        steps: list[tuple[str, str]] = [(d, "description") for d in descs]
        # the strong cues right after any mention outrank the speaker's title, as
        # in a description ("a former prisoner who now works for the Howard League")
        steps += [(m[:_AFTER_NAME], "a mention") for m in mentions]
        steps += [(n, "speaker") for n in names]
        steps.append(("", "elsewhere"))
        # all their words at once: a lived-experience cue in any of them comes
        # before a victim's ("my abusers" and "my addiction": a survivor in recovery)
        steps += [("\n".join(quotes), "own words")] if quotes else []
        steps += [(m, "a mention") for m in mentions]
        firsts = first_names(key, names)
        if not someone_else(key, near, firsts):
            steps.append((first_context, "first mention"))
        # where the quoted mentions and the first one say nothing, another
        # mention's own description does ("..., Smith, chief executive of
        # Nacro, told MPs" before he speaks as "Smith")
        steps += [
            (d, "a mention's description")
            for d in dict.fromkeys(self._appositions(key, firsts))
            if d and d not in descs
        ]
        for s, where in steps:
            got = harmed if where == "elsewhere" else self._step(s, where, near)
            if got is not None:
                rank = RANK.search(" ".join([*names, near]))
                if (
                    rank is not None
                    and got.role == "victims"
                    and got.cue.startswith(("victim or survivor", "relative"))
                    and where != "speaker"
                ):
                    # "Det Insp Smith, who told the victim's family": an officer's
                    # rank beside the name outranks a victim word about others; an
                    # officer attacked at work is caught above (``harmed``)
                    return RoleCue("police_prosecution", f"police rank (speaker): '{rank.group()}'")
                if (
                    got.cue.startswith("relative")
                    and harmed is not None
                    and harmed.role == "lived_experience"
                ):
                    # a relative sharing the name of the accused ("Nancy Rodio, his
                    # mother") is family of the accused: lived experience (the guide)
                    return RoleCue("lived_experience", f"family of the accused: {harmed.cue}")
                if got.role == "courts" and _COUNSEL.search(got.cue):
                    # counsel's title says counsel, the first mention says for which side
                    side = CUES[_PROSECUTION_COUNSEL][2].search(first_context) or re.search(
                        r"\b[Pp]rosecut(?:or|ing|ion)\b|\bfor the (?:prosecution|Crown)\b", near
                    )
                    if side:
                        return RoleCue(
                            "police_prosecution",
                            f"prosecution counsel (first mention): '{side.group()}'",
                        )
                return got
        titled = self.title_before(key, firsts) or self.anaphor(key) or self.lede(key)
        if (
            titled is not None
            and titled.cue.startswith("relative")
            and harmed is not None
            and harmed.role == "lived_experience"
        ):
            return RoleCue("lived_experience", f"family of the accused: {harmed.cue}")
        return titled if titled is not None else RoleCue("other", "no cue")

    def lede(self, key: str) -> RoleCue | None:
        """The description that opens the sentence before the one that first
        names the speaker, when the naming opens its own ("The sister of missing
        journalist John Cantlie has told of her relief. / Jessica Pocock told
        Radio 4", "An MP in Plymouth has slammed ... / Luke Pollard posted"):
        news writing's lede, then the name."""
        if not key or not key[0].isupper() or key in _GENERIC_KEYS:
            return None
        text = self.text
        km = re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text)
        if km is None:
            return None
        head = SUBJECT_START.search(text, max(0, km.start() - 40), km.start())
        if head is None:
            return None
        ends = list(SENTENCE_END.finditer(text, max(0, head.start() - 400), km.start()))
        if not ends:
            return None
        prev = text[
            ends[-2].end() if len(ends) > 1 else max(0, head.start() - 400) : ends[-1].start()
        ]
        m = LEDE.match(prev.strip())
        if m is None:
            return None
        got = self.cues(m.group("np"), "lede")
        if got is None or got.role == "other" or got.cue.startswith(ACCUSED):
            return None
        return RoleCue(got.role, f"the lede before the first naming: '{m.group('np')}'")

    def anaphor(self, key: str) -> RoleCue | None:
        """An office named by a definite description opening the sentence after
        one that begins with the speaker's name ("Boris Johnson today vowed to
        end ... The Prime Minister said"): news writing's way of repeating the
        subject.  Only offices that are not the other side of a case (a judge
        or an officer after "Smith was jailed" is someone else)."""
        if not key or not key[0].isupper() or key in _GENERIC_KEYS:
            return None
        text = self.text
        for km in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text):
            line = text[max(0, km.start() - 40) : km.start()]
            if not SUBJECT_START.search(line) or text.startswith(("’s", "'s"), km.end()):
                continue  # not its sentence's subject ("Extinction Rebellion’s protests")
            end = SENTENCE_END.search(text, km.end(), km.end() + 400)
            if end is None:
                continue
            if OTHER_NAME.search(text, km.end(), end.start()):
                continue  # "XR protesters should face jail, Priti Patel warns": whose office?
            m = ANAPHOR.match(text, end.end())
            if m:
                role = m.lastgroup or "other"
                return RoleCue(role, f"the next sentence's subject: '{m.group().strip()}'")
        return None

    def _appositions(self, key: str, firsts: frozenset[str]) -> list[str]:
        """The description each mention of ``key`` gives in apposition, leaving
        out mentions with another first name (a relative sharing the surname)."""
        if not key[:1].isupper() or key in _GENERIC_KEYS:
            return []
        text, out = self.text, []
        for km in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text):
            if someone_else(key, text[max(0, km.start() - 40) : km.end()], firsts):
                continue
            d = apposition(text[km.start() : km.end() + 150])
            if d:
                out.append(d)
        return out

    def _step(self, s: str, where: str, near: str) -> RoleCue | None:
        """What one place the article describes the speaker gives."""
        if where in ("own words", "a mention"):
            return self.own_words(s, where)
        return self.cues(s, where, near=near) if s else None

    def title_before(self, key: str, firsts: frozenset[str] = frozenset()) -> RoleCue | None:
        """A title written right before any mention of the speaker's name ("Home
        Secretary Priti Patel", "Labour MP Jess Phillips", "Det Insp Smith"):
        the last resort before "no cue", where the quoted mention gave none.
        A mention with another first name is a relative sharing the surname
        ("PC Andrew Harper" is not his widow Lissie Harper), so it is skipped
        when the speaker's own first names are known (``firsts``)."""
        if not key or not key[0].isupper() or key in _GENERIC_KEYS:
            return None
        text = self.text
        found: RoleCue | None = None
        for km in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text):
            before = text[max(0, km.start() - 50) : km.start()]
            if someone_else(key, before + key, firsts):
                continue
            # the name itself stays in the window, so a title's lookahead sees it
            # ("the Met Office" is no Met)
            window, n = before + key, len(before)
            for role, label, rx in CUES:
                if label not in _TITLE_LABELS:
                    continue
                for m in rx.finditer(window):
                    if m.end() <= n and (
                        NAME_TAIL.fullmatch(window, m.end(), n)
                        or COMMA_NAME_TAIL.fullmatch(window, m.end(), n)
                    ):
                        return RoleCue(role, f"{label} (title at a mention): '{m.group()}'")
            if found is None:
                found = self._org_before(text[max(0, km.start() - 90) : km.start()])
            if found is None:
                found = _word_before(before)
        return found

    def _org_before(self, before: str) -> RoleCue | None:
        """An organisation written right before a name, with its possessive or a
        job title between ("Hope Not Hate's Joe Mulhall", "Nacro chief
        executive Campbell Robb", "Labour's Jess Phillips")."""
        m = ORG_BEFORE_TAIL.search(before)
        if m is None:
            return None
        head = before[: m.start()]
        found = self._orgs.first(head[-70:])
        if found is None:
            return None
        at = len(head[-70:]) - found[0]
        if at != len(found[1].name) or found[1].role == "other":
            return None  # the organisation must end where the title begins
        return RoleCue(found[1].role, f"organisation: {found[1].name} (before a mention)")

    def own_words(self, quote: str, where: str = "own words") -> RoleCue | None:
        """Only the strong lived-experience and victim cues count in a quotation
        or a later mention: titles and organisations there are often someone else's."""
        for role, label, rx in CUES[:2]:
            for m in rx.finditer(quote):
                if SOMEONE_ELSES.match(m.group()):
                    # after a mention, a noun is the speaker's only in apposition
                    # ("Kevin, himself an ex-heroin user"), not as an object
                    # ("Trump accused Bloomberg of bribing ex-prisoners")
                    if not APPOSED.search(quote[: m.start()]):
                        continue
                return RoleCue(role, f"{label} ({where}): '{m.group()}'")
        return None
