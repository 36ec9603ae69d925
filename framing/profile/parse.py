"""The speaker of a quotation the patterns leave unattributed, from spaCy's
dependency parse of its sentence.

A quoted fragment inside a sentence ("Police said they were 'really worried'",
"claims were deemed 'credible and true' by the Met", "Child ... claimed she
had provoked him into a 'sudden rage'") is a voice when a verb of saying,
writing or judging governs it; its speaker is that verb's subject (the agent
of a passive, the noun a "who" clause hangs on, the subject a conjoined verb
shares).  A quoted label that no such verb governs ("a so-called 'Covid car'",
"the 'rough sex' defence") gets no speaker.

Only the few sentences holding an unattributed quotation are parsed (a
full parse of every sentence would cost several times the profile's 50 ms
per 1,000 words budget), in one batch per article.  The model is the
engine's spaCy model with its parser (NER left out), loaded once per process
on first use.
"""

from __future__ import annotations

import os
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# verbs of saying, writing, judging and feeling whose object may be someone's
# words ("described ... as", "slammed the killers for", "ruled that it was");
# not naming verbs ("dubbed", "nicknamed", "known as"): a name is no voice
SPEECH_LEMMAS = frozenset(
    """say tell add explain continue state warn claim insist argue admit comment write ask
    reply recall reveal tweet urge note acknowledge confirm announce declare suggest remark
    believe describe stress conclude hear recount plead vow allege find post shout scream joke
    beg boast demand pledge promise concede agree report respond answer message text yell cry
    sob whisper exclaim snap quip rage fume muse sigh gush caption call brand label deem
    accuse criticise criticize slam blast condemn denounce decry praise welcome question deny
    hope think feel want accept reject refer threaten complain mention maintain assert lament
    predict dismiss swear testify order instruct advise recommend propose rule chant sing
    blame attack hail mock taunt brag bemoan express voice insist speak talk describe
    characterise characterize defend vow regret fear worry""".split()
)
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "felt": "feel",
    "found": "find",
    "heard": "hear",
    "spoke": "speak",
    "spoken": "speak",
    "swore": "swear",
    "sworn": "swear",
    "sang": "sing",
    "sung": "sing",
}


def _forms(lemma: str) -> set[str]:
    """The regular inflections of a verb ("admit": admits, admitted, admitting)."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if (
        len(lemma) > 2
        and lemma[-1] not in "aeiouwyx"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admitted, snapping
    return out


# a form of a verb of saying to its lemma (the model's lemmatizer is not
# loaded: it would cost a third of the parse's time)
_LEMMA_OF = {f: lemma for lemma in SPEECH_LEMMAS for f in _forms(lemma)} | _IRREGULAR
# any form of those verbs, as a cheap test before a sentence is parsed
# (over-inclusive: "calling" and "called", but also "callous")
SPEECH_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {
                w[:-1] if w.endswith("e") or (w.endswith("y") and len(w) > 4) else w
                for w in SPEECH_LEMMAS
            },
            key=len,
            reverse=True,
        )
    )
    + r"|"
    + "|".join(_IRREGULAR)
    + r"|according)[a-z]*\b",
    re.I,
)
_SUBJ = ("nsubj", "csubj")
_SUBJ_PASS = ("nsubjpass", "csubjpass")
# a subject that names no one (a relative or demonstrative pronoun, an expletive)
_NO_ONE = frozenset("it this that which what there these those who whom i we you me us".split())
# words of a subject noun phrase kept in its span: what comes before the head
# on its left, and names after it ("Professor Paul Rogers")
_LEFT_DEPS = frozenset(
    "det amod compound poss nummod nmod quantmod advmod case punct npadvmod".split()
)

# PARSE_DEBUG=1 adds the dependency path to the rule's name (for error analysis)
_DEBUG = bool(os.environ.get("PARSE_DEBUG"))
_lock = threading.Lock()
# the components each use leaves out: tags and the parse only for quotations
# (no NER, no lemmatizer (``_LEMMA_OF``), no coarse POS: the fine tags say as
# much); the entity recogniser alone for the person check (it has its own
# token vectors, so it needs no tagger or parser)
_PARSER_EXCLUDE = ("ner", "senter", "lemmatizer", "attribute_ruler")
_NER_EXCLUDE = ("tok2vec", "tagger", "parser", "senter", "lemmatizer", "attribute_ruler")
_models: dict[tuple[str, ...], Language] = {}


def _model(exclude: tuple[str, ...]) -> Language:
    """The spaCy model without ``exclude``, loaded once on first need
    (``framing.model.load_model``: a failure is a one-line ``ModelError``)."""
    with _lock:
        nlp = _models.get(exclude)
        if nlp is None:
            from framing.model import load_model

            nlp = _models[exclude] = load_model(exclude=exclude)
        return nlp


def parser() -> Language:
    """The spaCy model with its parser, loaded once."""
    return _model(_PARSER_EXCLUDE)


def parse_many(texts: list[str]) -> list[Doc]:
    nlp = parser()
    with _lock:
        return list(nlp.pipe(texts))


def _recogniser() -> Language:
    """The same model's entity recogniser alone, loaded once on first need."""
    return _model(_NER_EXCLUDE)


def entities_many(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named entities (start, end, label) of each text, in one batch: the person
    check of pronoun resolution runs it on the few sentences that need it."""
    if not texts:
        return []
    nlp = _recogniser()
    with _lock:
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]


def _is_verb(t: Token) -> bool:
    return t.tag_.startswith(("VB", "MD"))


def _proper(t: Token) -> bool:
    return t.tag_ in ("NNP", "NNPS")


def _agent(v: Token) -> Token | None:
    """The "by X" of a passive verb: X."""
    for k in v.children:
        if k.dep_ == "agent":
            for g in k.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _antecedent(who: Token) -> Token | None:
    """The noun right before "who" ("..., including Amber Hoffman (pictured), who
    said"): the parser often hangs the clause on an earlier noun."""
    depth = 0
    for t in reversed(who.doc[max(0, who.i - 12) : who.i]):
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and not t.is_punct:
            if not t.tag_.startswith(("NN", "PRP")):
                return None
            while t.dep_ in ("compound", "flat") and t.head.i > t.i:
                t = t.head
            return t
    return None


def _own_subject(v: Token) -> tuple[bool, Token | None]:
    """(decided, who) from ``v``'s own children: its subject, or for a passive
    its agent (decided: no one when there is none, "he was branded 'Public
    Enemy Number One'")."""
    kids = list(v.children)
    for k in kids:
        if k.dep_ in _SUBJ:
            if k.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                return True, _antecedent(k) or v.head
            return True, k
    if any(k.dep_ in _SUBJ_PASS for k in kids) and v.dep_ != "xcomp":
        agent = _agent(v)
        if agent is None and _LEMMA_OF.get(v.lower_) == "tell":
            # "..., the court was told": the guide gives such words to the court
            return True, next(k for k in kids if k.dep_ in _SUBJ_PASS)
        return True, agent
    return False, None


def _according_to(v: Token) -> Token | None:
    """X of an "according to X" that modifies ``v``."""
    for k in v.children:
        if k.lower_ == "according":
            for to in k.children:
                for g in to.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def _subject_of(v: Token) -> Token | None:
    """The one who does ``v``: its subject, the agent of a passive, the noun a
    relative clause modifies, or the subject of the verb it is conjoined to."""
    for _ in range(4):
        decided, who = _own_subject(v)
        if decided:
            return who
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ not in ("conj", "xcomp", "advcl") or v.head.i == v.i:
            return None
        if v.dep_ == "xcomp":
            # "Russell was heard shouting 'come on then'": the one heard speaks
            for k in v.head.children:
                if k.dep_ in _SUBJ_PASS:
                    return k
        h = v.head
        if v.dep_ == "conj" and h.dep_ == "ccomp" and h.head.lower_ in _LEMMA_OF:
            # "Child denied that the murder was for money and claimed ...": a verb
            # of saying joined inside what another one reports is its speaker's too
            h = h.head
        v = h
    return None


def _span_of(s: Token) -> tuple[int, int]:
    """Character span of a subject's noun phrase: its head with the words on its
    left that belong to it, or the name in apposition ("The president of Belarus,
    Alexander Lukashenko,")."""
    for k in s.children:
        if k.dep_ == "appos" and _proper(k):
            s = k
            break
    left = s
    for k in s.lefts:
        if k.dep_ in _LEFT_DEPS and k.dep_ != "punct":
            left = k if k.i < left.i else left
            left = min(left, k.left_edge, key=lambda t: t.i)
            break
    # names written after the head ("Judge Dennis Watson QC" has its head first)
    right = s
    for k in s.rights:
        if k.dep_ in ("compound", "flat", "appos") and _proper(k) and k.i == right.i + 1:
            right = k
    while left.i < s.i and left.is_punct:
        left = left.nbor()
    return left.idx, right.idx + len(right.text)


# verbs that name a thing: with a generic subject they coin a name, not quote anyone
_NAMING = frozenset(("call", "brand", "label", "term"))


def _generic(s: Token) -> bool:
    """A bare common noun ("pupils", "locals"), standing for people in general."""
    return s.tag_ in ("NNS", "NN") and not any(
        k.dep_ in ("det", "poss", "nummod") and k.tag_ != "WDT" for k in s.children
    )


def speaker_in(doc: Doc, qa: int, qb: int) -> tuple[int, int, str] | None:
    """The speaker of the quotation at ``doc.text[qa:qb]`` by the parse: the
    subject of the nearest verb of saying above it, as a span of ``doc.text``
    and the verb; None when no such verb governs it or it has no subject."""
    toks = [t for t in doc if qa <= t.idx < qb]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    node = heads[0]
    steps = 0
    path = [node.dep_]
    while node.head.i != node.i and steps < 8:
        node = node.head
        steps += 1
        path.append(node.dep_ + ":" + node.lower_)
        if node.i in inside:
            continue
        lemma = _LEMMA_OF.get(node.lower_, "")
        src = _according_to(node) if _is_verb(node) and not lemma else None
        if src is not None and src.i not in inside:
            # "According to investigators, she was 'in fear'"; not "According to
            # The Sun, Ms Patel will tell ...:", where Ms Patel speaks
            a, b = _span_of(src)
            return a, b, "according to"
        if lemma and _is_verb(node):
            subj = _subject_of(node)
            if subj is None or subj.i in inside:
                return None
            if subj.lower_ in _NO_ONE or subj.tag_ in ("CD", "SYM") or subj.is_punct:
                return None
            if lemma in _NAMING and _generic(subj):
                return None  # "what pupils call 'school beef'": a coined name, no one's words
            a, b = _span_of(subj)
            if qa <= a < qb:
                return None
            if _DEBUG:
                return a, b, lemma + "|" + ">".join(path)
            return a, b, lemma
    return None
