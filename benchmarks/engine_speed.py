"""Engine speed and memory, with spaCy's own tagger over the same text as the
baseline measured in the same run.

    python benchmarks/engine_speed.py [--words 200000] [--quick]

(a) throughput of Engine.check_many on >= 200,000 words of real news text (the
    Zyte benchmark article bodies, repeated to size; the sentence cache is
    switched off so repeats cost full price), against nlp.pipe with the tagger
    pipeline over ALL of the text;
(b) latency of re-checking a 1,000-word draft after a one-word edit (median);
(c) cold `framewatch check` of one sentence, as a subprocess (wall time);
(d) peak RSS of `framewatch check` over 1,000 files;
(e) one dense input: a text of --dense-mb MB (default 5) built from the real
    sentences of the Zyte articles, each given a lexicon term (a flagged term in
    every sentence), checked by `framewatch check --json` as a subprocess: wall
    time, words/s and peak RSS, against `wc -w`-like reading of the same file
    (python reading and splitting it) as the floor.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "extraction" / "zyte-aeb" / "ground-truth.json"


def corpus_texts() -> list[str]:
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    data = json.loads(CORPUS.read_text())
    return [v["articleBody"] for v in data.values() if v.get("articleBody", "").strip()]


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def sized(texts: list[str], target: int) -> list[str]:
    out, n = [], 0
    while n < target:
        for t in texts:
            out.append(t)
            n += len(t.split())
            if n >= target:
                break
    return out


# What each real sentence is given so every sentence holds a candidate: a term in
# the writer's voice, as a tabloid would put it, or in a quotation.  The mix and
# the rotation below make ~40,000 distinct sentences per 5 MB, so the engine's
# sentence cache (20,000 entries) cannot make the repeats free.
DENSE_TERMS = (
    "the inmate",
    "an offender",
    "the thug",
    "a drug addict",
    "the killer",
    "prisoners",
    "the paedophile",
    "a career criminal",
    "the yobs",
    "illegal immigrants",
    "the burglar",
    "a junkie",
    "the sex offender",
    "lags",
    "a crazed gunman",
    "the robber",
)
DENSE_TEMPLATES = (
    "{body}, {term} told the court{end}",
    "{Term} said {body_lc}{end}",
    "{body}, according to {term}{end}",
    "“{body}{end}” {term} said.",
    "{body}; police later named {term}{end}",
)
_SENT = __import__("re").compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def real_sentences() -> list[str]:
    """Sentences of 8-40 words from the Zyte article bodies, in order, unique."""
    seen: dict[str, None] = {}
    for body in corpus_texts():
        for para in body.split("\n"):
            for s in _SENT.split(para):
                s = s.strip()
                if 8 <= len(s.split()) <= 40 and s[-1:] in ".!?":
                    seen.setdefault(s, None)
    return list(seen)


def dense_text(megabytes: float) -> str:
    """Real sentences, each holding a lexicon term, in paragraphs of five, to size."""
    target = int(megabytes * 1_000_000)
    sents = real_sentences()
    out: list[str] = []
    size = 0
    para: list[str] = []
    r = 0
    while size < target:
        for i, s in enumerate(sents):
            term = DENSE_TERMS[(i + 7 * r) % len(DENSE_TERMS)]
            tpl = DENSE_TEMPLATES[(i + r) % len(DENSE_TEMPLATES)]
            body, end = s[:-1], s[-1]
            line = tpl.format(
                body=body,
                body_lc=body[:1].lower() + body[1:],
                end=end,
                term=term,
                Term=term[:1].upper() + term[1:],
            )
            para.append(line)
            if len(para) == 5:
                chunk = " ".join(para) + "\n\n"
                out.append(chunk)
                size += len(chunk.encode())
                para = []
                if size >= target:
                    break
        r += 1
    return "".join(out)


def _seconds(run) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def _engine_vs_tagger(engine, nlp, texts: list[str]) -> tuple[float, float, int]:
    """(engine seconds, tagger seconds, flags) over the same texts, one after the other."""
    found: list[int] = []
    engine_s = _seconds(lambda: found.extend(len(f) for f in engine.check_many(texts)))
    tagger_s = _seconds(lambda: all(True for _ in nlp.pipe(texts, batch_size=64)))
    return engine_s, tagger_s, sum(found)


def throughput(target: int) -> None:
    from framing import Engine
    from framing.model import load_model

    texts = sized(corpus_texts(), target)
    n = words(texts)
    engine = Engine(cache_size=0)  # no sentence cache: every text is scanned and tagged afresh
    engine.nlp  # load the model outside the timing  # noqa: B018
    nlp = load_model()  # the tagger pipeline alone, without the flags component
    # one untimed pass first: lazily loaded tables (lemminflect's dictionaries,
    # ~0.4 s, on the first rewrite that needs a verb's lemmas) are a one-off
    # start-up cost, which (c) measures; (a) is the steady throughput
    cold = _seconds(lambda: list(engine.check_many(texts)))
    dt, bt, total_flags = _engine_vs_tagger(engine, nlp, texts)
    print(
        f"(a) engine:   {n:,} words in {dt:.2f} s = {n / dt:,.0f} words/s "
        f"({total_flags:,} flags, {engine.tagged_windows:,} windows tagged)"
    )
    print(
        f"    baseline: spaCy {'+'.join(nlp.pipe_names)} over all text: {n / bt:,.0f} words/s "
        f"({bt:.1f} s); engine is {bt / dt:.1f}x faster"
    )
    print(f"    (an untimed first pass took {cold:.2f} s, one-off loads included)")
    # criminal-justice-dense text: the dev set's sentences (nearly every one holds a
    # candidate), the worst case for the engine; the cache is off here too
    dev = REPO / "tests" / "data" / "devset.jsonl"
    if dev.exists():
        dense = sized(
            [json.loads(line)["text"] for line in dev.read_text().splitlines() if line.strip()],
            target // 4,
        )
        dn = words(dense)
        engine.tagged_windows = 0
        dd, db, _ = _engine_vs_tagger(engine, nlp, dense)
        print(
            f"    CJ-dense text (dev set, {dn:,} words, {engine.tagged_windows:,} windows tagged): "
            f"engine {dn / dd:,.0f} words/s vs tagger {dn / db:,.0f} words/s"
        )
    # the legal-status analysis (issue 10) against the same engine without it,
    # on the general text and on the CJ-dense text (where it runs for most flags)
    plain = Engine(cache_size=0, status_analysis=False)
    plain.nlp  # noqa: B018
    samples = [("news text", texts)]
    if dev.exists():
        samples.append(("CJ-dense text", dense))
    for label, sample in samples:
        with_t, without_t, with_cpu, without_cpu = [], [], [], []
        for i in range(6):  # interleaved, alternating which goes first, best of six each
            runs = [(with_t, with_cpu, engine), (without_t, without_cpu, plain)]
            for times, cpus, e in runs if i % 2 == 0 else runs[::-1]:
                c0 = time.process_time()
                times.append(_seconds(lambda e=e, s=sample: list(e.check_many(s))))
                cpus.append(time.process_time() - c0)
        with_s, without_s = min(with_t), min(without_t)
        sn = words(sample)
        # CPU time as well as wall time: on a shared machine the wall time of one
        # run swings by tens of per cent with the other processes' load, the
        # process's own CPU time much less
        cpu = 100 * (min(with_cpu) / min(without_cpu) - 1)
        print(
            f"    status analysis, {label}: {sn / with_s:,.0f} words/s with it, "
            f"{sn / without_s:,.0f} without ({100 * (with_s / without_s - 1):+.1f}% time, "
            f"{cpu:+.1f}% CPU time, best of 6)"
        )
    cached = Engine()
    cached.nlp  # noqa: B018
    list(cached.check_many(texts[: len(texts) // 2]))
    ct = _seconds(lambda: list(cached.check_many(texts)))
    print(f"    with the sentence cache warm for half the text: {n / ct:,.0f} words/s")


def latency(edits: int) -> None:
    from framing import Engine

    rng = random.Random(7)
    pool = " ".join(corpus_texts()).split()
    start = rng.randrange(0, len(pool) - 1000)
    draft_words = pool[start : start + 1000]
    # make sure the draft has flags to recompute
    for i in range(0, 1000, 90):
        draft_words[i] = rng.choice(["offenders", "inmates", "thugs", "addicts", "criminals"])
    engine = Engine()
    plain = Engine(status_analysis=False)  # the same, without the legal-status analysis
    draft = " ".join(draft_words)
    engine.check(draft)
    plain.check(draft)
    times, plain_times = [], []
    for k in range(edits):
        i = rng.randrange(len(draft_words))
        draft_words[i] = rng.choice(["new", "the", "inmate", "report", "said", "quickly"])
        draft = " ".join(draft_words)
        # alternating which engine sees the edit first: the per-paragraph caches
        # the two share (framing.discourse, framing.status) favour the second
        runs = [(times, engine), (plain_times, plain)]
        for out, e in runs if k % 2 == 0 else runs[::-1]:
            t = time.perf_counter()
            e.check(draft)
            out.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(
        f"(b) re-check a 1,000-word draft after a one-word edit: median {statistics.median(times):.1f} ms, "
        f"p90 {times[int(len(times) * 0.9)]:.1f} ms, max {times[-1]:.1f} ms over {edits} edits"
    )
    print(
        f"    without the status analysis, same edits: median "
        f"{statistics.median(plain_times):.1f} ms"
    )


def framewatch_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("framewatch")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "core.cli"]


def cold(runs: int) -> None:
    from framing.model import EXCLUDE, resolve_model_name

    cmd = framewatch_cmd()
    model = resolve_model_name()
    # Each run is a new process, as a user's shell starts one.  Python's bytecode
    # cache is left to work as on any install (pip compiles installed packages;
    # an editable checkout gets its cache on the first run), so the variable
    # some sandboxes set to forbid writing it is dropped for the child, and one
    # unmeasured round fills the cache.  The rounds interleave the baselines with
    # the checks, so a machine that slows down mid-run slows all of them alike.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    py = [sys.executable, "-c"]
    cases = {
        "with a candidate": (
            cmd + ["check", "--fail-on", "never", "-"],
            "The inmates were moved to another wing.\n",
        ),
        "no candidate": (
            cmd + ["check", "--fail-on", "never", "-"],
            "The council met on Tuesday to discuss parking.\n",
        ),
        "baseline: python -c 'import spacy'": (py + ["import spacy"], ""),
        "baseline: import spacy + load the model as the engine does": (
            py + [f"import spacy; spacy.load({model!r}, exclude={EXCLUDE!r})"],
            "",
        ),
    }
    walls: dict[str, list[float]] = {label: [] for label in cases}
    for i in range(runs + 1):
        for label, (argv, stdin) in cases.items():
            t = time.perf_counter()
            subprocess.run(argv, input=stdin.encode(), capture_output=True, check=True, env=env)
            if i:
                walls[label].append(time.perf_counter() - t)
    for label, w in walls.items():
        what = (
            f"cold `framewatch check` of one sentence ({label})"
            if not label.startswith("baseline")
            else label
        )
        print(
            f"(c) {what}: median {statistics.median(w):.2f} s, min {min(w):.2f} s, max {max(w):.2f} s "
            f"over {runs} runs"
        )
    ours = statistics.median(walls["with a candidate"])
    floor = statistics.median(walls["baseline: import spacy + load the model as the engine does"])
    print(
        f"    framewatch's own share of a cold check with a candidate: {ours - floor:+.2f} s over "
        "spaCy's import and model load"
    )


def memory(files: int) -> None:
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i in range(files):
            p = Path(d) / f"article{i:04d}.txt"
            p.write_text(texts[i % len(texts)])
            paths.append(str(p))
        n = words(texts[i % len(texts)] for i in range(files))
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run(
            framewatch_cmd() + ["check", "--json", "--fail-on", "never", *paths],
            capture_output=True,
            check=True,
        )
        wall = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        note = "" if peak > before else " (an earlier child was larger)"
        print(
            f"(d) `framewatch check --json` on {files:,} files ({n:,} words): peak RSS {peak / 1024:.0f} MB"
            f"{note}, wall {wall:.1f} s"
        )


def dense(megabytes: float) -> None:
    text = dense_text(megabytes)
    n = len(text.split())
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "dense.txt"
        path.write_text(text)
        size = path.stat().st_size
        floor = _seconds(lambda: len(path.read_text().split()))
        code = (
            "import resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True); "
            "w = time.perf_counter() - t; "
            "print(p.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "p.stdout.count(b'\"entry\"'))"
        )
        # a fresh parent per run, so RUSAGE_CHILDREN's peak is this check's own
        res = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                *framewatch_cmd(),
                "check",
                "--json",
                "--fail-on",
                "never",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rc, wall, peak, flags = res.stdout.split()
        if rc != "0":
            sys.exit(f"framewatch check failed on the dense text (exit {rc})")
        wall = float(wall)
        print(
            f"(e) dense text ({size / 1e6:.1f} MB, {n:,} words, a lexicon term in every sentence): "
            f"`framewatch check --json` {wall:.1f} s = {n / wall:,.0f} words/s, "
            f"peak RSS {int(peak) / 1024:.0f} MB, {int(flags):,} flags"
        )
        print(f"    baseline: reading and splitting the same file in Python: {floor:.2f} s")


def main() -> None:
    quick = "--quick" in sys.argv
    target = 200_000
    if "--words" in sys.argv:
        target = int(sys.argv[sys.argv.index("--words") + 1])
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    memory(100 if quick else 1000)  # first, so its peak RSS is not another child's
    throughput(20_000 if quick else target)
    latency(20 if quick else 200)
    cold(2 if quick else 11)
    mb = 5.0
    if "--dense-mb" in sys.argv:
        mb = float(sys.argv[sys.argv.index("--dense-mb") + 1])
    dense(0.5 if quick and "--dense-mb" not in sys.argv else mb)


if __name__ == "__main__":
    main()
