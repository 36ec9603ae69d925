"""How news writing names and describes a person: the patterns the role
finder (``framing.profile.roles``) uses to find a name's title, first names,
apposition and sentence, apart from the role cues themselves
(``framing.profile.role_cues``).  None of these decides a role; they say
where in the text a cue may be read as the speaker's."""

from __future__ import annotations

import re
from collections.abc import Sequence

POSSESSIVE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:own\s+|\w+-year-old\s+)?$")
# what may stand between a title and the surname: first names and initials
NAME_TAIL = re.compile(r"(?:\s+[A-Z][\w.-]*(?:['’][A-Z][\w-]*)?){0,2}\s+")
# between an organisation's name and a person's: a possessive, a job title in
# lower case, first names ("Nacro chief executive Campbell Robb")
ORG_BEFORE_TAIL = re.compile(
    r"(?:['’]s?)?(?:[ \t]+(?:[a-z][\w-]*|Chief|Executive|Director|Head|Founder|Chair|Leader|"
    r"Spokesman|Spokeswoman|Spokesperson|Officer|Manager)){0,3}"
    r"(?:[ \t]+[A-Z][\w.-]*(?:['’][A-Z][\w-]*)?){0,2}[ \t]+$"
)
# the capitalised word right before a surname: a first name, or a title
FIRST_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z][\w’'-]*)[ \t]+$")
NOT_FIRST = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor Det Detective Insp Inspector Supt "
    "Superintendent Sgt Sergeant Constable Chief Judge Justice Recorder Councillor Cllr "
    "Baroness Rev Father Sister Brother Mum Dad Mother Governor Senator President Minister "
    "Secretary Officer Commander Commissioner Captain Major General Colonel".split()
)


def someone_else(key: str, s: str, firsts: frozenset[str]) -> bool:
    """Whether the mention of ``key`` in ``s`` has another first name than the
    speaker's own ("PC Andrew Harper" when Lissie Harper speaks)."""
    at = s.find(key)
    if not firsts or at < 0:
        return False
    other = FIRST_BEFORE.search(s[:at])
    return other is not None and other.group(1) not in firsts and other.group(1) not in NOT_FIRST


def first_names(key: str, names: Sequence[str]) -> frozenset[str]:
    """The first names the article gives the speaker in the mentions where they
    speak ("Lissie" for "Lissie Harper")."""
    out = set()
    for n in names:
        words = [w.removesuffix("’s").removesuffix("'s") for w in n.split()]
        if key in words:
            i = words.index(key)
            if i > 0 and words[i - 1][:1].isupper() and words[i - 1] not in NOT_FIRST:
                if not words[i - 1].isupper():
                    out.add(words[i - 1])
    return frozenset(out)


# a name opening its sentence (after a title or first names at most)
SUBJECT_START = re.compile(r"(?:^|[.!?][\"'’”]?[ \t]+|\n[ \t]*)(?:[A-Z][\w.’'-]*[ \t]+){0,3}$")
SENTENCE_END = re.compile(r"[.!?][\"'’”]?[ \t]+(?=[A-Z])|\n+[ \t]*(?=[A-Z])")
# another capitalised word later in the sentence: someone else may be its subject
OTHER_NAME = re.compile(r"(?<=[ \t(])[A-Z][a-z]")
# "the Home Secretary, Priti Patel,": a title in apposition before the name
COMMA_NAME_TAIL = re.compile(r",[ \t]+(?:[A-Z][\w.-]*(?:['’][A-Z][\w-]*)?[ \t]+){1,2}")
SURNAME = re.compile(r"\s+[A-Z][\w'’-]+")
# a mention's apposition: "Smith, 45, chief executive of Nacro," "Smith, who
# spent six years in prison," "Smith of the Howard League" (``mentions`` start
# at the name); a speech verb, a pronoun or another name after the comma is
# not one ("Smith, Jones and Brown", "Smith, he said")
APPOSITION = re.compile(
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}(?:[ \t]+(?:QC|KC|MP|MSP|OBE|MBE|CBE|Jr|Sr))?"
    r"(?:,[ \t]*(?:\d{1,3},[ \t]*)?(?P<d>(?!(?:said|says|told|added|adds|explained|he|she|they|it|and|but|"
    r"or|who said|who told|between|after|before|in|on|at|for|from|with|when|while|as|if|then|so|because|"
    r"since|until|during|by|to|of|now|also|however|adding|saying|telling|according|this|that|these|"
    r"those|which|where|whom|who (?:he|she|they|I|we|you|it|police|officers))\b)"
    r"(?:[a-z]|the |a |an |(?:Chief|Head|Director|Deputy|Assistant|Senior|"
    r"Professor|Founder|Chair|Chairman|Chairwoman|President|Secretary|Minister|Leader|"
    r"Commissioner|Governor|Manager|Spokesman|Spokeswoman|Spokesperson)\b)[^,;:.!?‘“\"\n]{2,100})"
    r"(?:,|\.|;|$|\n|[ \t]+(?:said|told|says|added))"
    r"|[ \t]+(?P<o>(?:of|from|at)[ \t]+(?:the[ \t]+)?[A-Z][^,;:.!?‘“\"\n]{2,80}?)(?=,|\.|;|$|\n|[ \t]+[a-z])"
    # "Smith is the chief executive of Nacro", "Smith was a prison officer"
    r"|[ \t]+(?:is|was|has been|had been|became|is now|was then)[ \t]+"
    r"(?P<c>(?:the|a|an)[ \t][^,;:.!?‘“\"\n]{2,80}))"
)


def apposition(mention: str) -> str:
    m = APPOSITION.match(mention)
    return "" if m is None else (m.group("d") or m.group("o") or m.group("c") or "").strip()
