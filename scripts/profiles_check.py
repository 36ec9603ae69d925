#!/usr/bin/env python3
"""Validate the article-profile labels and the human ranking (issue 13).

The profile labels (``tests/data/realnews/profiles.jsonl``) hold offsets
into copyrighted article text that is never in the repository, so nothing
but a check against the rebuilt texts can show that a quotation span really
is a quotation and a speaker span really names someone.  This script is that
check, and the shape check that needs no texts at all:

    python scripts/profiles_check.py [--profiles FILE] [--ranking FILE] [--second FILE] [--texts FILE] [--json]

Shape (always): every line names a manifest article once, has exactly the
documented keys, ``frame`` is episodic/thematic, the flags are booleans,
every voice has integer offsets with ``start < end``, a speaker that is both
null or both set, a known role, and voices are in text order without two
quotations overlapping.  A line with ``voices_complete: false`` carries no
voices (partial voices would look complete to an evaluator).

Texts (when ``realnews-texts.jsonl`` is present, verified by sha256 against
the manifest): every span lies inside its text, a quotation span is trimmed and
opens just after or closes just before a quotation mark (the quoted words,
marks excluded; a block quotation may carry only its closing mark),
a speaker span is trimmed and holds a letter, and a speaker span never sits
inside its own quotation.

Ranking (``ranking.jsonl``): 30 distinct manifest articles ranked 1..30 once
each, each with a ``why`` in the annotator's words; a ``why`` that repeats
six or more consecutive words of its article is refused (no quoted prose).

Second pass (``profiles-second.jsonl``, when present): a re-label of a seeded
sample of articles for frame, solutions and evidence; the script reports raw
agreement and Cohen's kappa (scikit-learn's) per field against the first pass.

Exits 0 and prints a one-line summary (or ``--json``) when all is well;
otherwise prints one line per problem, naming the article and the cause,
and exits 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = HERE.parent / "tests" / "data" / "realnews"
PROFILES = FOLDER / "profiles.jsonl"
RANKING = FOLDER / "ranking.jsonl"
SECOND = FOLDER / "profiles-second.jsonl"

FRAMES = ("episodic", "thematic")
ROLES = (
    "police-prosecution",
    "courts",
    "government-politicians",
    "prison-probation",
    "lived-experience",
    "victims-families",
    "charities-campaigners",
    "researchers-inspectorates",
    "other",
)
KEYS = {"id", "frame", "solutions", "evidence", "criminal_justice", "voices", "voices_complete"}
VOICE_KEYS = {"quote_start", "quote_end", "speaker_start", "speaker_end", "role"}
RANK_KEYS = {"id", "rank", "why"}
SECOND_KEYS = {"id", "frame", "solutions", "evidence"}
RANK_SIZE = 30
QUOTE_MARKS = "\"'“”‘’"
_WORD = re.compile(r"[a-z0-9]+")


def _corpus():
    spec = importlib.util.spec_from_file_location("realnews_corpus", HERE / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("realnews_corpus", mod)
    spec.loader.exec_module(mod)
    return mod


def _read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name} line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path.name} line {n}: not an object")
            continue
        rows.append(row)
    return rows


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _check_voices(aid: str, voices: list) -> list[str]:
    """Problems in one article's voice entries (offsets, speaker pairing, role, order)."""
    problems: list[str] = []
    last_end = -1
    for k, v in enumerate(voices, 1):
        where = f"{aid} voice {k}"
        if not isinstance(v, dict) or set(v) != VOICE_KEYS:
            problems.append(f"{where}: keys must be {sorted(VOICE_KEYS)}")
            continue
        qs, qe, ss, se = v["quote_start"], v["quote_end"], v["speaker_start"], v["speaker_end"]
        if not (_is_int(qs) and _is_int(qe) and 0 <= qs < qe):
            problems.append(f"{where}: quotation offsets must be integers with start < end")
            continue
        if (ss is None) != (se is None):
            problems.append(f"{where}: speaker offsets must be both null or both set")
        elif ss is not None and not (_is_int(ss) and _is_int(se) and 0 <= ss < se):
            problems.append(f"{where}: speaker offsets must be integers with start < end")
        if v["role"] not in ROLES:
            problems.append(f"{where}: role {v['role']!r} is not a known role")
        if qs < last_end:
            problems.append(f"{where}: quotation overlaps or precedes the one before")
        last_end = qe
    return problems


def check_shape(rows: list[dict], ids: set[str]) -> list[str]:
    """Problems in the profile lines that need no article text."""
    problems: list[str] = []
    seen: Counter[str] = Counter(str(r.get("id")) for r in rows)
    for r in rows:
        aid = r.get("id")
        if aid not in ids:
            problems.append(f"{aid}: not in the manifest")
            continue
        if seen[aid] > 1:
            problems.append(f"{aid}: labelled {seen[aid]} times")
        if set(r) != KEYS:
            problems.append(f"{aid}: keys must be {sorted(KEYS)}, got {sorted(r)}")
            continue
        if r["frame"] not in FRAMES:
            problems.append(f"{aid}: frame {r['frame']!r} is not one of {'/'.join(FRAMES)}")
        for flag in ("solutions", "evidence", "criminal_justice", "voices_complete"):
            if not isinstance(r[flag], bool):
                problems.append(f"{aid}: {flag} must be true or false")
        voices = r["voices"]
        if not isinstance(voices, list):
            problems.append(f"{aid}: voices must be a list")
            continue
        if r["voices_complete"] is False and voices:
            problems.append(f"{aid}: voices given but voices_complete is false")
        problems += _check_voices(aid, voices)
    return problems


def check_texts(rows: list[dict], texts: dict[str, str]) -> list[str]:
    """Problems only the article text can show (offsets land on real spans)."""
    problems: list[str] = []
    for r in rows:
        aid = r.get("id")
        text = texts.get(aid)
        if text is None or not isinstance(r.get("voices"), list):
            continue
        for k, v in enumerate(r["voices"], 1):
            where = f"{aid} voice {k}"
            try:
                qs, qe = int(v["quote_start"]), int(v["quote_end"])
            except (KeyError, TypeError, ValueError):
                continue
            if qe > len(text):
                problems.append(f"{where}: quotation ends at {qe}, past the text ({len(text)})")
                continue
            quote = text[qs:qe]
            opened = qs > 0 and text[qs - 1] in QUOTE_MARKS
            closed = qe < len(text) and text[qe] in QUOTE_MARKS
            if quote != quote.strip() or not (opened or closed):
                problems.append(
                    f"{where}: quotation span {qs}-{qe} is not next to a quotation mark"
                )
            ss, se = v.get("speaker_start"), v.get("speaker_end")
            if ss is None or not _is_int(ss) or not _is_int(se):
                continue
            if se > len(text):
                problems.append(f"{where}: speaker ends at {se}, past the text ({len(text)})")
                continue
            speaker = text[ss:se]
            if speaker != speaker.strip() or not any(c.isalpha() for c in speaker):
                problems.append(f"{where}: speaker span {ss}-{se} is not a trimmed mention")
            if qs <= ss and se <= qe:
                problems.append(f"{where}: speaker span lies inside its own quotation")
    return problems


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def check_ranking(rows: list[dict], ids: set[str], texts: dict[str, str]) -> list[str]:
    """Problems in the 30-article human ranking."""
    problems: list[str] = []
    if len(rows) != RANK_SIZE:
        problems.append(f"ranking: {len(rows)} lines, expected {RANK_SIZE}")
    for r in rows:
        if set(r) != RANK_KEYS:
            problems.append(f"ranking {r.get('id')}: keys must be {sorted(RANK_KEYS)}")
            continue
        if r["id"] not in ids:
            problems.append(f"ranking {r['id']}: not in the manifest")
        if not isinstance(r["why"], str) or len(r["why"].split()) < 5:
            problems.append(f"ranking {r['id']}: why must say in a sentence why")
        elif r["id"] in texts and _shingles(r["why"]) & _shingles(texts[r["id"]]):
            problems.append(f"ranking {r['id']}: why repeats six or more words of the article")
    if sorted(str(r.get("id")) for r in rows) != sorted({str(r.get("id")) for r in rows}):
        problems.append("ranking: an article is ranked twice")
    ranks = sorted(r.get("rank") for r in rows if _is_int(r.get("rank")))
    if ranks != list(range(1, len(rows) + 1)):
        problems.append(f"ranking: ranks must be 1..{len(rows)}, each once")
    return problems


def check_second(rows: list[dict], labelled: set[str]) -> list[str]:
    """Problems in the second-pass lines (a re-label of a sample of articles)."""
    problems: list[str] = []
    seen: Counter[str] = Counter(str(r.get("id")) for r in rows)
    for r in rows:
        aid = r.get("id")
        if set(r) != SECOND_KEYS:
            problems.append(f"second {aid}: keys must be {sorted(SECOND_KEYS)}")
            continue
        if aid not in labelled:
            problems.append(f"second {aid}: not in the first pass")
        if seen[str(aid)] > 1:
            problems.append(f"second {aid}: labelled {seen[str(aid)]} times")
        if r["frame"] not in FRAMES:
            problems.append(f"second {aid}: frame {r['frame']!r} is not one of {'/'.join(FRAMES)}")
        if not isinstance(r["solutions"], bool) or not isinstance(r["evidence"], bool):
            problems.append(f"second {aid}: solutions and evidence must be true or false")
    return problems


def agreement(first: list[dict], second: list[dict]) -> dict:
    """Raw agreement and Cohen's kappa (scikit-learn's) per field on the shared articles."""
    try:
        from sklearn.metrics import cohen_kappa_score
    except ImportError:  # the project's own install brings it; a bare interpreter may not
        cohen_kappa_score = None

    by_id = {r["id"]: r for r in first}
    shared = [r for r in second if r["id"] in by_id]
    out: dict = {"articles": len(shared)}
    for key in ("frame", "solutions", "evidence"):
        a = [by_id[r["id"]][key] for r in shared]
        b = [r[key] for r in shared]
        raw = sum(x == y for x, y in zip(a, b, strict=True)) / len(shared) if shared else 0.0
        two_classes = len(set(a) | set(b)) > 1
        kappa = float(cohen_kappa_score(a, b)) if cohen_kappa_score and two_classes else None
        out[key] = {"agreement": round(raw, 3), "kappa": None if kappa is None else round(kappa, 3)}
    return out


def load_verified_texts(
    path: Path, manifest_rows: list[dict], problems: list[str]
) -> dict[str, str]:
    """``id -> text`` for every rebuilt text whose sha256 matches the manifest."""
    corpus = _corpus()
    sha = {r["id"]: r["sha256"] for r in manifest_rows}
    texts: dict[str, str] = {}
    for row in _read_jsonl(path, problems):
        aid, text = row.get("id"), row.get("text")
        if aid not in sha or not isinstance(text, str):
            continue
        if corpus.sha256(text) != sha[aid]:
            problems.append(f"{aid}: rebuilt text does not match the manifest's sha256")
            continue
        texts[aid] = text
    return texts


def summary(rows: list[dict]) -> dict:
    """Counts a reader of the closing note wants (by split, frames, flags, roles)."""
    corpus = _corpus()
    split = Counter(corpus.split_of(r["id"]) for r in rows)
    roles: Counter[str] = Counter()
    for r in rows:
        roles.update(v["role"] for v in r["voices"])
    complete = [r for r in rows if r["voices_complete"]]
    return {
        "articles": len(rows),
        "by_split": dict(split),
        "frame": dict(Counter(r["frame"] for r in rows)),
        "solutions": sum(r["solutions"] for r in rows),
        "evidence": sum(r["evidence"] for r in rows),
        "criminal_justice": sum(r["criminal_justice"] for r in rows),
        "voices_complete": len(complete),
        "voices_complete_by_split": dict(Counter(corpus.split_of(r["id"]) for r in complete)),
        "voices": sum(roles.values()),
        "unattributed": sum(1 for r in rows for v in r["voices"] if v["speaker_start"] is None),
        "roles": dict(roles.most_common()),
    }


def main(argv: list[str] | None = None) -> int:
    corpus = _corpus()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profiles", type=Path, default=PROFILES)
    ap.add_argument("--ranking", type=Path, default=RANKING)
    ap.add_argument(
        "--texts", type=Path, default=None, help="realnews-texts.jsonl (default: the build's)"
    )
    ap.add_argument("--second", type=Path, default=SECOND, help="second-pass labels (if present)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)

    for p in (args.profiles, args.ranking):
        if not p.is_file():
            print(f"error: {p}: no such file", file=sys.stderr)
            return 2
    manifest = corpus.read_manifest(corpus.MANIFEST)
    ids = {r["id"] for r in manifest}
    problems: list[str] = []
    rows = _read_jsonl(args.profiles, problems)
    ranking = _read_jsonl(args.ranking, problems)
    problems += check_shape(rows, ids)
    texts_path = args.texts or corpus.default_out_dir() / corpus.TEXTS_NAME
    texts: dict[str, str] = {}
    if texts_path.is_file():
        texts = load_verified_texts(texts_path, manifest, problems)
        problems += check_texts(rows, texts)
    else:
        print(
            f"note: {texts_path} absent, offsets not checked (python scripts/corpus.py build)",
            file=sys.stderr,
        )
    problems += check_ranking(ranking, ids, texts)
    second: list[dict] = []
    if args.second.is_file():
        second = _read_jsonl(args.second, problems)
        problems += check_second(second, {str(r.get("id")) for r in rows})
    if problems:
        for p in problems:
            print(f"error: {p}")
        return 1
    info = summary(rows)
    info["texts_checked"] = bool(texts)
    if second:
        info["second_pass"] = agreement(rows, second)
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        print(
            f"ok: {info['articles']} articles {info['by_split']}, frames {info['frame']}, "
            f"solutions {info['solutions']}, evidence {info['evidence']}, "
            f"{info['voices']} voices in {info['voices_complete']} complete articles, "
            f"texts checked: {'yes' if texts else 'no'}"
        )
        if second:
            sp = info["second_pass"]
            print(
                f"second pass on {sp['articles']} articles: "
                + ", ".join(
                    f"{k} agreement {sp[k]['agreement']} kappa {sp[k]['kappa']}"
                    for k in ("frame", "solutions", "evidence")
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
