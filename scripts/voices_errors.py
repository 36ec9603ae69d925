"""Count the profile's attribution errors on labelled articles, by kind.

    python scripts/voices_errors.py [--split dev] [--show KIND] [--limit N]

Matches predictions to labels exactly as ``framewatch eval-profile`` does
(``framing.evaluate.profile.score_attribution``) and sorts each failure into:

- ``wrong:span boundary``: another speaker span right next to the labelled one
  (the description and the name of one person split apart);
- ``wrong:pronoun``: a "he said" resolved to the wrong person;
- ``wrong:<how>``: a matched quotation with another speaker, by the rule
  that chose the speaker (``Raw.how``; "(named after)" when the label's
  speaker comes after the quotation);
- ``missed:undetected``: a labelled quotation no prediction overlaps;
- ``missed:no-speaker``: overlapped only by a prediction with no speaker
  (both split ``:short``, under six words, and ``:long``);
- ``spurious:unlabelled``: a prediction with a speaker that overlaps no
  labelled quotation (a scare quote, a title);
- ``spurious:gold-null``: a prediction with a speaker where the label says
  no one is named.

``--show KIND`` prints examples (the quotation, the predicted and the
labelled speaker) so a rule can be read against the text.  DEV only for
development; the TEST split is for the final report.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _match(voices: list[Any], golds: list[Any]) -> tuple[dict[int, int], dict[int, int]]:
    """Predicted to labelled quotations, largest overlap first (as eval-profile)."""
    from framing.evaluate.profile import _overlap

    pairs = []
    for i, v in enumerate(voices):
        for j, g in enumerate(golds):
            ov = _overlap((v.quote_start, v.quote_end), g.quote)
            if ov:
                pairs.append((ov, i, j))
    mp: dict[int, int] = {}
    mg: dict[int, int] = {}
    for _ov, i, j in sorted(pairs, reverse=True):
        if i not in mp and j not in mg:
            mp[i], mg[j] = j, i
    return mp, mg


def _gold_kind(t: str, g: Any, v: Any | None, overlapped: bool) -> tuple[str, str, str]:
    from framing.evaluate.profile import same_speaker

    size = ":short" if len(t[g.quote[0] : g.quote[1]].split()) < 6 else ":long"
    if v is None:
        return ("missed:no-speaker" if overlapped else "missed:undetected") + size, "", ""
    if v.speaker_start is None:
        return "missed:no-speaker" + size, "", v.how
    if same_speaker(t, (v.speaker_start, v.speaker_end), g.speaker):
        return "correct", v.speaker, v.how
    (gs, ge), ps, pe = g.speaker, v.speaker_start, v.speaker_end
    if max(gs - pe, ps - ge) <= 3 and "\n" not in t[min(ps, gs) : max(pe, ge)]:
        return (
            "wrong:span boundary",
            v.speaker,
            v.how,
        )  # "White House Press Secretary" | "Stephanie Grisham"
    if "pronoun" in v.how:
        return "wrong:pronoun", v.speaker, v.how
    where = " (named after)" if gs > g.quote[1] else ""
    return "wrong:" + v.how.split(" (")[0] + where, v.speaker, v.how


def _article(art: Any, voices: list[Any], kinds: Counter[str], show: str) -> list[str]:
    from framing.evaluate.profile import _overlap

    t = art.text
    golds = list(art.quotes)
    mp, mg = _match(voices, golds)
    lines = []
    for j, g in enumerate(golds):
        if g.speaker is None:
            continue
        overl = any(_overlap((v.quote_start, v.quote_end), g.quote) for v in voices)
        kind, ps, how = _gold_kind(t, g, voices[mg[j]] if j in mg else None, overl)
        kinds[kind] += 1
        if show and kind.startswith(show):
            gs = t[g.speaker[0] : g.speaker[1]]
            a, b = g.quote
            ctx = (t[max(0, a - 200) : a] + "⟦" + t[a:b] + "⟧" + t[b : b + 80]).replace("\n", " / ")
            lines.append(f"--- {art.id} {kind} [{how}] pred={ps!r} gold={gs!r}\n    {ctx}")
    for i, v in enumerate(voices):
        if v.speaker_start is None:
            continue
        if i not in mp:
            kind = "spurious:unlabelled"
        elif golds[mp[i]].speaker is None:
            kind = "spurious:gold-null"
        else:
            continue
        kinds[kind] += 1
        if show and kind.startswith(show):
            a, b = v.quote_start, v.quote_end
            ctx = (t[max(0, a - 200) : a] + "⟦" + t[a:b] + "⟧" + t[b : b + 80]).replace("\n", " / ")
            lines.append(f"--- {art.id} {kind} [{v.how}] pred={v.speaker!r}\n    {ctx}")
    return lines


def main(argv: list[str] | None = None) -> int:
    from framing.evaluate.profile import load_articles
    from framing.evaluate.profile_cli import default_texts, split_of
    from framing.profile import Profiler

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(REPO / "tests/data/realnews/profiles.jsonl"))
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--show", default="")
    ap.add_argument("--limit", type=int, default=30)
    args = ap.parse_args(argv)
    arts = load_articles(Path(args.labels), default_texts())
    arts = [
        a
        for a in arts
        if a.voices_complete and (args.split == "all" or split_of(a.id) == args.split)
    ]
    prof = Profiler()
    kinds: Counter[str] = Counter()
    shown: list[str] = []
    for art in arts:
        voices = [v for v in prof.voices(art.text) if v.kind == "direct"]
        shown += _article(art, voices, kinds, args.show)
    for line in shown[: args.limit]:
        print(line)
    for k, n in kinds.most_common():
        print(f"{n:6d}  {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
