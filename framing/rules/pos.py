"""Part of speech / morphology (policy 1): "criminals" (noun) is a label,
"criminal justice" (adjective) is not; "convicted" (verb) is not "convict".

The small tagger errs in predictable places, corrected here with context:
a plural noun read as a verb ("inmates enjoyed"), an adjective standing
alone as a noun ("called to a domestic", "the criminal said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence, Tok
from framing.rules.names import nicknamed
from framing.senses import has_nonperson_sense, kind, names_people

if TYPE_CHECKING:
    from framing.index import Index

# a single-word form tagged as one of these is never the person-labelling noun
_NEVER_LABEL = {"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "PART", "NUM", "PRON", "DET", "INTJ"}
_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM"}
# plural forms in the lexicon that are also English verbs ("the jury convicts",
# "the region lags behind", "the critic savages the film"); any other plural
# form the tagger reads as a verb is a tagging error
VERB_HOMOGRAPHS = frozenset(
    {
        "convicts",
        "cons",
        "lags",
        "savages",
        "romps",
        "addicts",
        "rots",
        "floods",
        "swarms",
        "deals",
        "monsters",
        "beasts",
        "predators",
    }
)


# adjectives that double as person nouns: before another noun they are the
# adjective ("juvenile reformatories", "criminal networks"), whatever the tagger says
ADJ_NOUN_HOMOGRAPHS = frozenset({"juvenile", "delinquent", "criminal", "savage", "domestic"})


def _modifies_next_noun(s: Sentence, head: Tok, prev: Tok | None, nxt: Tok | None) -> bool:
    """The homograph sits right before a noun it describes ("criminal networks")."""
    return (
        nxt is not None
        and nxt.start == head.end + 1
        and (
            nxt.pos in ("NOUN", "PROPN")
            # "a savage beating": after "a", the -ing word is the noun it describes
            or nxt.tag == "VBG"
            and prev is not None
            and prev.text.lower() in ("a", "an")
        )
        and not s.text[head.end : nxt.start].strip()
    )


def _agent_noun_misread(c: Candidate, tag: str) -> bool:
    """ "guard hurls shoplifter out of shop": an agent noun that only names
    people is no verb, whatever the small tagger says."""
    return (
        tag not in ("VBD", "VBN")
        and len(c.lower_words) == 1
        and c.key.endswith(_AGENT_SUFFIXES)
        and c.key + "s" not in VERB_HOMOGRAPHS
        and names_people(c.key) is True
        and not has_nonperson_sense(c.key)
    )


def _plural_noun_misread(head: Tok, prev: Tok | None, nxt: Tok | None) -> bool:
    """ "inmates enjoyed", "the inmates": a plural noun the tagger read as a verb."""
    if (
        (nxt is not None and nxt.tag in ("VBD", "VBZ", "VBP", "MD"))
        or (prev is not None and prev.pos in ("DET", "ADJ", "NUM", "ADP"))
        or prev is None
    ):
        return True
    # "said inmates at HMP Bedford were": no such verb, so it is the noun
    return head.text.lower() not in VERB_HOMOGRAPHS


def effective_pos(c: Candidate, s: Sentence) -> str | None:
    head = s.head_token(c)
    if head is None:
        return None
    pos = head.pos
    nxt = s.token_after(head.end)
    prev = s.token_before(head.start)
    if (
        pos in ("NOUN", "PROPN")
        and c.key in ADJ_NOUN_HOMOGRAPHS
        and not c.possessive
        and c.form.number != "plural"
    ):
        if _modifies_next_noun(s, head, prev, nxt):
            return "ADJ"
    if pos == "VERB" and (
        _agent_noun_misread(c, head.tag)
        # "Thug Who Attacked Nurse Is Jailed": a relative "who" right after the
        # word makes it a noun for a person, whatever the tagger says of a
        # Title Case headline
        or (nxt is not None and nxt.text.lower() == "who" and names_people(c.key) is True)
        # "FRAUDSTER JAILED": the small tagger reads ALL CAPS words as verbs; a
        # word that only names people is the noun there
        or (
            s.text.isupper()
            and len(c.lower_words) == 1
            and (
                names_people(c.key) is True
                or c.entry.category in ("offence-identity", "person-label")
                and names_people(c.key) is None
            )
            and not has_nonperson_sense(c.key)
            and c.key + "s" not in VERB_HOMOGRAPHS
        )
    ):
        return "NOUN"
    if (
        pos == "ADJ"
        and c.key in ADJ_NOUN_HOMOGRAPHS
        and c.text.islower()
        and not c.possessive
        and _before_a_given_name(s, nxt)
    ):
        return "NOUN"  # "notorious criminal Charles Bronson": a label before a name
    if (
        pos == "VERB"
        and head.tag in ("VBZ", "VBP")
        and c.form.number == "plural"
        and _plural_noun_misread(head, prev, nxt)
    ):
        return "NOUN"
    if (
        c.key in ADJ_NOUN_HOMOGRAPHS
        and not c.possessive
        and c.form.number != "plural"
        and (_coordinated_adjective(s, nxt) or _coordinated_modifier(c, s, nxt))
    ):
        return "ADJ"  # "criminal and civil charges", "criminal or civil proceedings"
    if (
        pos == "ADJ"
        and (nxt is None or nxt.pos not in _NOMINAL)
        and not c.possessive
        and not _coordinated_adjective(s, nxt, adverbs=True)
    ):
        # nothing for the adjective to modify: it stands as a noun ("a domestic",
        # "the criminal said"); "such an evil and cowardly thing" shares its noun
        # with the next adjective (the small tagger reads "cowardly" as an adverb)
        if prev is not None and prev.pos == "DET" or c.form.number == "plural":
            return "NOUN"
    if c.possessive and pos in ("ADJ", "PROPN", "VERB"):
        return "NOUN"  # "the criminal's family": only nouns take 's
    if (
        pos == "ADJ"
        and c.key not in ADJ_NOUN_HOMOGRAPHS
        and len(c.lower_words) == 1
        and _before_a_noun(s, nxt)
        and names_people(c.key) is True
        and not has_nonperson_sense(c.key)
    ):
        # "Paedophile rugby coach, 25": a noun that only names people, tagged as
        # an adjective before another noun, still labels the person (policy)
        return "NOUN"
    if (
        pos == "VERB"
        and head.tag == "VB"
        and prev is None
        and c.form.number != "plural"
        and len(c.lower_words) == 1
        and c.key + "s" not in VERB_HOMOGRAPHS
        and (_before_a_noun(s, nxt) or s.text[c.end :].lower().startswith(f"-on-{c.key}"))
        and names_people(c.key) is True
        and not has_nonperson_sense(c.key)
    ):
        # "Inmate mental health services are overstretched", "Inmate-on-inmate
        # violence": a line-initial noun read as an imperative; no such verb,
        # and a noun follows
        return "NOUN"
    if (
        pos == "VERB"
        and head.tag == "VB"
        and prev is not None
        and (prev.pos == "DET" or prev.tag == "IN" and prev.text.lower() != "to")
        and nxt is not None
        and nxt.pos == "NOUN"
        and not s.text[head.end : nxt.start].strip()
    ):
        # "complained about yobbish behaviour": a base-form verb never follows a
        # preposition or a determiner, so before a noun it is the adjective
        return "ADJ"
    return pos


def _coordinated_adjective(s: Sentence, nxt: Tok | None, adverbs: bool = False) -> bool:
    """``nxt`` starts "and/or ADJ NOUN": the word is one of two adjectives
    sharing a noun ("criminal and civil courts"), not a noun coordinated with
    another ("the criminal and his accomplice")."""
    if nxt is None or nxt.pos != "CCONJ" or nxt.text.lower() not in ("and", "or", "&"):
        return False
    adj = s.token_after(nxt.end)
    if adj is None or not (
        adj.pos == "ADJ" or adverbs and adj.pos == "ADV" and adj.text.lower().endswith("ly")
    ):
        return False
    noun = s.token_after(adj.end)
    if adverbs and noun is not None and noun.pos == "ADJ":
        # "a domestic and European double": the small tagger reads the shared
        # noun as an adjective too
        noun = s.token_after(noun.end)
        return noun is not None and noun.pos in ("NOUN", "PROPN", "ADP", "PUNCT")
    return noun is not None and noun.pos in ("NOUN", "PROPN")


def _before_a_noun(s: Sentence, nxt: Tok | None) -> bool:
    """``nxt`` is a noun, or an adjective and then a noun ("rugby coach" tagged JJ
    NN), or a noun for people the tagger read as an adjective ("Paedophile
    academic who ...")."""
    if nxt is not None and nxt.pos == "ADJ":
        if nxt.text.islower() and names_people(nxt.text) is True:
            after = s.token_after(nxt.end)
            if after is None or after.pos not in ("NOUN", "PROPN", "ADJ"):
                return True
        nxt = s.token_after(nxt.end)
    return nxt is not None and nxt.pos in ("NOUN", "PROPN")


_AGENT_SUFFIXES = ("er", "or", "ist", "ee", "ar")


def _before_a_given_name(s: Sentence, nxt: Tok | None) -> bool:
    """``nxt`` starts a personal name: two capitalised proper nouns, the first
    a word WordNet knows only as a person, or not at all ("Charles Bronson")."""
    if nxt is None or nxt.tag != "NNP" or not nxt.text[:1].isupper() or nxt.text.isupper():
        return False
    second = s.token_after(nxt.end)
    if second is None or second.tag != "NNP" or not second.text[:1].isupper():
        return False
    return kind(nxt.text) in (None, "people")


def _coordinated_modifier(c: Candidate, s: Sentence, nxt: Tok | None) -> bool:
    """ "a criminal or immigration record", "the criminal and family law
    barrister": the word and a noun modifier share a head the entry lists as
    a thing it describes (record, law), so the word is the adjective.  "A
    criminal and drug dealer" shares no such head: two nouns for a person."""
    if nxt is None or nxt.pos != "CCONJ" or nxt.text.lower() not in ("and", "or", "&"):
        return False
    heads = {w.lower() for w in c.entry.not_followed_by}
    tok = s.token_after(nxt.end)
    nouns = 0
    while tok is not None and tok.pos in ("NOUN", "PROPN") and nouns < 3:
        nouns += 1
        if nouns >= 2 and tok.text.lower() in heads:
            return True
        tok = s.token_after(tok.end)
    return False


def wrong_part_of_speech(c: Candidate, s: Sentence, ix: Index) -> str | None:

    head = s.head_token(c)
    if head is None:
        return None
    pos = effective_pos(c, s)
    if c.entry.pos:
        if pos == "PROPN" and nicknamed(c, s):
            return None  # "the nickname 'The Animal'": a name made of the label
        if pos not in c.entry.pos:
            return f"'{head.text}' is {pos}, entry needs {'/'.join(c.entry.pos)}"
        return None
    if len(c.lower_words) == 1 and pos in _NEVER_LABEL:
        if pos == "VERB" and head.tag in ("VBN", "VBD") and c.key.endswith("ed"):
            nxt = s.token_after(head.end)
            if (
                head.tag == "VBD"
                and nxt is not None
                and (nxt.pos in ("DET", "PRON") or nxt.tag == "PRP$")
            ):
                # "she coloured her hair": a finite verb with an object, not an adjective
                return f"'{head.text}' is a verb with an object"
            return None  # "crazed", "deranged", "coloured": participles used as adjectives
        return f"'{head.text}' is {pos}"
    return None
