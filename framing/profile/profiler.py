"""The Profiler: one article's text and flags in, one ``Profile`` out.

No I/O here: the organisations list comes from ``lexicon.organisations``
and the models from the package's data (``load_models``) unless handed in;
the flags come from the engine the caller already ran, so the check path
is untouched and the monitor profiles with the flags it stores.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Sequence
from importlib import resources

from framing.errors import ModelError
from framing.flag import Flag
from framing.profile.features import evidence_mentions, features, solution_mentions, term_values
from framing.profile.linear import LinearModel
from framing.profile.model import Language, Profile, Voice
from framing.profile.orgs import OrgMatcher
from framing.profile.roles import RoleFinder
from framing.profile.score import score
from framing.profile.text import Sentence, count_words, sentences
from framing.profile.voices import Raw, find_voices
from lexicon.organisations import Organisations, load_organisations

SEVERITIES = ("high", "medium", "low")
MODEL_NAMES = ("frame", "solutions", "evidence")


def load_models() -> dict[str, LinearModel]:
    """The shipped models (``framing/data/profile_models.json``)."""
    try:
        raw = resources.files("framing").joinpath("data", "profile_models.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ModelError(f"framing/data/profile_models.json: cannot read ({exc})") from exc
    missing = [n for n in MODEL_NAMES if n not in data.get("models", {})]
    if missing:
        raise ModelError(f"framing/data/profile_models.json: no model for {', '.join(missing)}")
    models = {n: LinearModel.from_json(data["models"][n]) for n in MODEL_NAMES}
    # one idf object for models fitted on the same words, so a profile computes
    # the article's TF-IDF once for all of them
    first: dict[int, dict[str, float]] = {}
    for name, m in models.items():
        same = next((d for d in first.values() if d == m.idf), None)
        if m.idf and same is not None and same is not m.idf:
            models[name] = dataclasses.replace(m, idf=same)
        elif m.idf:
            first[id(m.idf)] = m.idf
    return models


def _rate(n: float, words: int) -> float:
    return round(1000.0 * n / words, 2) if words else 0.0


class Profiler:
    """Profiles articles; holds the organisations and models, so make one and reuse it."""

    def __init__(
        self,
        organisations: Organisations | None = None,
        models: dict[str, LinearModel] | None = None,
    ) -> None:
        self.organisations = organisations or load_organisations()
        self.models = models or load_models()
        self._orgs = OrgMatcher(self.organisations)

    def voices(self, text: str, sents: list[Sentence] | None = None) -> tuple[Voice, ...]:
        sents = sentences(text) if sents is None else sents
        raws = find_voices(text, sents)
        finder = RoleFinder(text, self._orgs)
        starts = [s.start for s in sents]
        # a named person's role is decided once per article, from every mention
        # where they speak: the description one quotation gives ("Sean Brunton
        # QC, prosecuting") and the words of another ("when I was in prison")
        people: dict[str, list[Raw]] = {}
        for r in raws:
            if r.speaker_start is not None and r.speaker_end is not None:
                people.setdefault(
                    _person(text[r.speaker_start : r.speaker_end], r.appos), []
                ).append(r)
        roles: dict[str, tuple[str, str]] = {}
        for key, rs in people.items():
            first = rs[0]
            assert first.speaker_start is not None and first.speaker_end is not None
            speaker = text[first.speaker_start : first.speaker_end]
            last = speaker.split()[-1] if speaker.split() else speaker
            ctx, near = _first_context(text, last, first.speaker_start, sents, starts)
            cue = finder.role(
                speaker,
                first.appos,
                ctx,
                speakers=list(
                    dict.fromkeys(
                        text[r.speaker_start : r.speaker_end]
                        for r in rs
                        if r.speaker_start is not None and r.speaker_end is not None
                    )
                ),
                descriptions=list(dict.fromkeys(r.appos for r in rs[1:] if r.appos))
                + _antecedent(text, speaker, first.speaker_start),
                quotes=[text[r.quote_start : r.quote_end] for r in rs],
                near=near,
                mentions=_mentions(text, last, sents, starts),
            )
            roles[key] = (cue.role, cue.cue)
        out: list[Voice] = []
        for r in raws:
            quote = text[r.quote_start : r.quote_end]
            if r.speaker_start is None or r.speaker_end is None:
                out.append(
                    Voice(
                        r.kind,
                        r.quote_start,
                        r.quote_end,
                        None,
                        None,
                        "",
                        "other",
                        "no speaker found",
                        r.how or "none",
                        quote,
                    )
                )
                continue
            speaker = text[r.speaker_start : r.speaker_end]
            role, cue_text = roles[_person(speaker, r.appos)]
            out.append(
                Voice(
                    r.kind,
                    r.quote_start,
                    r.quote_end,
                    r.speaker_start,
                    r.speaker_end,
                    speaker,
                    role,
                    cue_text,
                    r.how,
                    quote,
                )
            )
        return tuple(out)

    def features(self, text: str) -> dict[str, float]:
        """The named features the frame, solutions and evidence models read
        (what ``scripts/train_profile.py`` and ``eval-profile`` fit on)."""
        voices = self.voices(text)
        return _values(
            text, count_words(text), voices, solution_mentions(text), evidence_mentions(text)
        )

    def profile(
        self,
        text: str,
        title: str = "",
        flags: Sequence[Flag] = (),
        headline_flags: Sequence[Flag] = (),
    ) -> Profile:
        """The profile of one article: ``text`` is the body, ``flags`` the engine's
        flags of the body and ``headline_flags`` those of ``title``."""
        sents = sentences(text)
        voices = self.voices(text, sents)
        words = count_words(text)
        sol = solution_mentions(text)
        evi = evidence_mentions(text)
        values = _values(text, words, voices, sol, evi, sents)
        # the three text models share one vocabulary (one fit of the words):
        # their TF-IDF is computed once per article
        terms: dict[int, dict[str, float]] = {}
        decided = []
        for n in MODEL_NAMES:
            model = self.models[n]
            if model.idf and id(model.idf) not in terms:
                terms[id(model.idf)] = term_values(text, model.idf)
            decided.append(model.decide(values | terms[id(model.idf)] if model.idf else values))
        frame, solutions, evidence = decided
        by_sev = {s: _rate(sum(1 for f in flags if f.severity == s), words) for s in SEVERITIES}
        own = {
            s: _rate(sum(1 for f in flags if f.severity == s and not f.quoted), words)
            for s in SEVERITIES
        }
        head_own = [f for f in headline_flags if not f.quoted]
        language = Language(
            words=words,
            per_1000=tuple(by_sev.items()),
            own_voice_per_1000=round(sum(own.values()), 2),
            headline_flags=len(head_own),
            headline_entries=tuple(f.entry for f in head_own),
        )
        total, parts = score(frame, voices, solutions, evidence, language, own)
        return Profile(
            words=words,
            voices=voices,
            frame=frame,
            solutions=solutions,
            # the spans are what the patterns found, shown whatever the model decided
            solution_spans=tuple(sol),
            evidence=evidence,
            evidence_spans=tuple(evi),
            language=language,
            score=total,
            score_parts=parts,
        )


def _values(
    text: str,
    words: int,
    voices: Sequence[Voice],
    sol: Sequence[object],
    evi: Sequence[object],
    sents: Sequence[Sentence] | None = None,
) -> dict[str, float]:
    quoted = sum(v.quote_end - v.quote_start for v in voices if v.kind == "direct")
    roles = [v.role for v in voices if v.speaker_start is not None]
    case = sum(r in _CASE_ROLES for r in roles) / len(roles) if roles else 0.0
    return features(text, words, quoted, len(sol), len(evi), case, sents)


# the roles that speak to one case rather than to the system
_CASE_ROLES = frozenset(("police_prosecution", "courts", "victims", "lived_experience"))


def _person(speaker: str, appos: str) -> str:
    """Who a mention names, for deciding a role once per person: a name's last
    word ("Brunton" for "Sean Brunton QC" and "Mr Brunton"); a described
    speaker ("a police spokesman") is one mention with its description."""
    words = [w.removesuffix("’s").removesuffix("'s") for w in speaker.split()]
    words = [w for w in words if w not in _NAME_TAILS]
    last = words[-1] if words else speaker
    if last[:1].isupper() and last not in _NOT_NAMES and not speaker[:1].islower():
        return last
    return speaker.lower() + "|" + appos


# titles after a name, and capitalised words that name no one person
_NAME_TAILS = frozenset(("QC", "KC", "MP", "MSP", "Jr", "Sr", "OBE", "MBE", "CBE"))
_NOT_NAMES = frozenset(
    "He She They It The Police Court Council Government Friends Family Neighbours".split()
)


_THE_HEAD = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z]+)")


def _antecedent(text: str, speaker: str, at: int) -> list[str]:
    """For "the spokesman", "the department", "the force": the words before the
    last earlier mention of that head noun ("A Government spokesman told
    MailOnline"), which say whose it is."""
    m = _THE_HEAD.fullmatch(speaker.strip())
    if not m:
        return []
    head = m.group(1)
    prev = None
    for x in re.finditer(r"\b" + re.escape(head) + r"\b", text, re.IGNORECASE):
        if x.start() >= at:
            break
        prev = x
    if prev is None:
        return []
    words = re.search(r"(?:[\w’'-]+[ \t]+){0,4}$", text[max(0, prev.start() - 60) : prev.start()])
    lead = words.group() if words else ""
    return [lead + prev.group()] if lead.strip() else []


def _mentions(text: str, key: str, sents: list[Sentence], starts: list[int]) -> list[str]:
    """The words after every mention of ``key`` (a capitalised surname or first
    name) in its sentence, in order: "Kevin, who went to rehab 29 times" says
    who he is where the first mention did not."""
    if not key[:1].isupper() or not sents or key in _NOT_NAMES:
        return []
    out: list[str] = []
    for m in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text):
        k = max(0, bisect.bisect_right(starts, m.start()) - 1)
        # what follows the name in its sentence is said of them ("Kevin Alter, 31,
        # himself an ex-heroin user"); what comes before is often someone else's
        out.append(text[m.start() : min(sents[k].end, m.end() + 150)])
    return out


def _first_context(
    text: str, key: str, at: int, sents: list[Sentence], starts: list[int]
) -> tuple[str, str]:
    """The sentence of the first mention of ``key`` (a surname, or an organisation's
    last word) up to ``at``, where news writing gives the speaker's title, and
    the words next to that mention (a few either side)."""
    if not key or not key[0].isupper():
        return "", ""
    m = re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text[: at + len(key)])
    pos = m.start() if m else at
    k = max(0, bisect.bisect_right(starts, pos) - 1)
    s = sents[k] if sents else Sentence(0, len(text), 0)
    near = text[max(s.start, pos - 30) : min(s.end, pos + len(key) + 25)]
    return text[s.start : s.end], near
