"""Apply the PROFILES-GUIDE.md ruling "the attribution's own naming" to the gold
voices, listing every record it changes.

    python scripts/relabel_speaker_description.py [--write]

Ruling: the speaker span is the nearest explicit mention that names the
speaker *in the attribution* -- "the judge" when the quotation is attributed
with "the judge said" (or "said the judge", "The judge said: ..."), even when
an earlier sentence names the judge.  Coreference to the name is not required.
Only quotations whose own attribution is a description of this shape
(a determiner and up to five lower-case words, no pronoun, joined to the
quotation by a speech verb in the same sentence) are touched; names, pronoun
attributions ("he said") and continuation paragraphs keep their labels.
Without ``--write`` it only prints the changes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests/data/realnews/profiles.jsonl"

VERB = (
    r"(?:said|says|added|adds|told|tells|explained|continued|stated|"
    r"wrote|writes|warned|insisted|asked|replied|concluded|remarked|accepted|"
    r"described|called|admitted|claimed|noted|urged|ruled|argued|revealed|"
    r"confirmed|described|suggested|recalled|branded)"
)
# a description: a determiner and up to six words (no pronouns, no clause words)
DESC = r"((?:[Tt]he|[Aa]n?)(?:\s+[\w’'-]+){1,6}?)"
STOP = {
    "he",
    "she",
    "they",
    "it",
    "who",
    "which",
    "that",
    "this",
    "we",
    "i",
    "and",
    "or",
    "but",
    "not",
    "also",
    "then",
    "later",
    "had",
    "has",
    "was",
    "is",
    "were",
    "would",
    "will",
    "could",
    "didn't",
    "did",
    "in",
    "on",
    "at",
    "to",
    "of",
    "after",
    "when",
}
CLOSE = "\"”’'"
OPEN = "\"“‘'"
# after the quotation, mid-sentence: ', the judge said' / ', said the judge'
# (a full stop ends the sentence, so the determiner is lower-case)
LDESC = r"((?:the|an?)(?:\s+[\w’'-]+){1,6}?)"
AFTER = [
    re.compile(
        r"^[,!?]?[" + CLOSE + r"]?[,!?]?\s+" + LDESC + r"\s+(?:has\s+|had\s+)?" + VERB + r"\b"
    ),
    re.compile(r"^[,!?]?[" + CLOSE + r"]?[,!?]?\s+" + VERB + r"\s+" + LDESC + r"(?=[.,;])"),
    # '... going 'wrong' despite ..., the professor said.' (the sentence's end)
    re.compile(
        r"^["
        + CLOSE
        + r"]?(?:(?![.!?]\s)[^\n"
        + OPEN
        + r"])*?,\s+"
        + LDESC
        + r"\s+"
        + VERB
        + r"\.(?:\s|$)"
    ),
]
# before the quotation, the sentence's subject: 'The judge said: "' or
# 'The judge said the man was "a danger"' (no sentence end in between)
BEFORE = re.compile(
    r"(?:^|[.!?]["
    + CLOSE
    + r"]?\s+|\n)"
    + DESC
    + r"\s+(?:has\s+|had\s+)?"
    + VERB
    + r"\b((?:(?![.!?]\s)[^\n])*)$"
)
NEAR_BEFORE = re.compile(r"\b" + VERB + r"[,:]?\s*[" + OPEN + r"]$")
VERB_RX = re.compile(r"\b" + VERB + r"\b")
NOT_SPEAKER = {"statement", "complaint", "letter", "post", "message", "report", "document"}


def _desc_ok(s: str) -> bool:
    words = s.split()
    if words[-1].lower() in NOT_SPEAKER or words[-1].endswith("ly"):
        return False
    return not any(w.lower() in STOP for w in words[1:])


def attribution_description(text: str, qs: int, qe: int) -> tuple[int, int] | None:
    tail = text[qe : qe + 240]
    if not NEAR_BEFORE.search(text[max(0, qs - 40) : qs]):
        # (not when 'and said, "..."' attributes it right before)
        for rx in AFTER:
            m = rx.match(tail)
            if m and _desc_ok(m.group(1)):
                return qe + m.start(1), qe + m.end(1)
    head_start = max(0, qs - 300)
    m = BEFORE.search(text[head_start:qs])
    if m and _desc_ok(m.group(1)) and not VERB_RX.search(m.group(2)):
        # (no nearer attribution in between: 'who Lacerda said Epstein "was ..."')
        return head_start + m.start(1), head_start + m.end(1)
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop a trailing word that is part of the verb phrase ('the judge has')."""
    span = text[a:b]
    return a, a + len(span.rstrip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    root = Path(os.environ.get("FRAMEWATCH_CORPORA") or "~/.cache/framewatch-corpora").expanduser()
    texts = {}
    with open(root / "realnews-texts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    out, changed = [], []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        t = texts.get(rec["id"])
        dirty = False
        for v in rec.get("voices", []) if t else []:
            if v.get("speaker_start") is None:
                continue
            span = attribution_description(t, v["quote_start"], v["quote_end"])
            if span is None:
                continue
            a, b = _trim(t, *span)
            gs, ge = v["speaker_start"], v["speaker_end"]
            if gs < b and a < ge:
                continue  # already the attribution's mention
            if 0 <= gs - b <= 3 or 0 <= a - ge <= 3:
                continue  # apposition: "the home secretary, Suella Braverman"
            print(
                f"{rec['id']} quote {v['quote_start']}-{v['quote_end']}: "
                f"{t[gs:ge]!r} ({gs}) -> {t[a:b]!r} ({a})"
            )
            v["speaker_start"], v["speaker_end"] = a, b
            dirty = True
        if dirty:
            changed.append(rec["id"])
        out.append(json.dumps(rec, ensure_ascii=False))
    print(f"{len(changed)} records changed: {' '.join(changed)}")
    if args.write:
        LABELS.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
