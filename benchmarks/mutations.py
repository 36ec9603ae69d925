"""Mutation check: do the tests that claim a guarantee fail when it is broken?

    python benchmarks/mutations.py                 # every mutation, then the table
    python benchmarks/mutations.py --list          # names, targets, guards
    python benchmarks/mutations.py --only NAME     # one (repeat --only for more)
    python benchmarks/mutations.py --ref main      # the code *and tests* of a git ref

Each mutation below is a small, named bug: a file, an exact snippet of it and
its replacement, and the tests that guard the behaviour (pytest node ids,
files, or a ``-k`` selection).  The script copies the repository into a
temporary directory (tracked and untracked-but-not-ignored files, or
``git archive REF``), with ``../shared`` linked beside it, and for one
mutation at a time: checks that the snippet occurs exactly once (a refactor
that moved or changed the code must be noticed, never silently "caught"),
writes the bug, runs the guarding tests in the copy with
``python -m pytest`` from the copy's root and the copy first on
``PYTHONPATH``, and restores the file.  Bytecode is never written
(``PYTHONDONTWRITEBYTECODE``) so a restored file can never be shadowed by
the mutant's ``.pyc``.  Before any mutation it checks that every package is
imported from the copy, not from the editable install, and the first
mutation (``sanity-engine-finds-nothing``, run first even with ``--only``)
must be caught too.

A mutation is *caught* when pytest runs the guards and reports a failed
test.  Passing guards are *NOT caught*; a guard that does not exist, nothing
selected, a collection error or a missing pytest are reported as such and
count as not caught, and so does a snippet or guard file that is not where
the mutation says ("cannot apply").  The script exits non-zero unless every
mutation run is caught.

Mutations run one after another (the machine has two cores, and several
guards start real servers or kill real processes); the guards are chosen
narrowly, so the whole table takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PER_TEST_TIMEOUT = 300  # seconds, pytest-timeout: a mutant that hangs fails its test
PER_MUTATION_TIMEOUT = 900  # seconds, the whole guard run


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str  # path relative to the repository root
    original: str  # must occur exactly once in ``file``
    replacement: str
    description: str  # one line: the bug, as a user would meet it
    guards: tuple[str, ...]  # pytest arguments selecting the guarding tests


MUTATIONS: list[Mutation] = [
    Mutation(
        name="sanity-engine-finds-nothing",
        file="framing/engine.py",
        original="        return next(iter(self.check_many([text], fmt, [headline])))",
        replacement="        return []",
        description="Engine.check finds nothing (proves the copy's code is what runs)",
        guards=("tests/framing/test_engine.py::test_flag_fields_and_offsets",),
    ),
    Mutation(
        name="lexicon-overrides-ignored",
        file="framing/factory.py",
        original="    return load_lexicon_cached(**settings.lexicon.load_args())\n",
        replacement="    return load_lexicon_cached()\n",
        description="engine_from_settings ignores [lexicon] disable/severity/extra files",
        guards=(
            "tests/framing/test_engine.py::test_engine_from_settings_applies_overrides",
            "tests/test_overrides_reach_every_consumer.py",
        ),
    ),
    Mutation(
        name="ssrf-ip-literals-only",
        file="monitor/fetch/transport.py",
        original="            refusal = self.policy.refusal(ip, host)\n",
        replacement="            refusal = self.policy.refusal(ip, host) if host == ip else None\n",
        description="address guard checks IP literals only: a name resolving to a private address is fetched",
        guards=(
            "tests/monitor/fetch/test_fetch_hostile.py",
            "-k",
            "private or guard or resolv",
        ),
    ),
    Mutation(
        name="ssrf-first-answer-only",
        file="monitor/fetch/transport.py",
        original="        for ip in ips:\n            refusal = self.policy.refusal(ip, host)\n",
        replacement="        for ip in ips[:1]:\n            refusal = self.policy.refusal(ip, host)\n",
        description="only a name's first address is vetted; the connect may use a private second one",
        guards=("tests/monitor/fetch/test_fetch_hostile.py", "-k", "private or guard or resolv"),
    ),
    Mutation(
        name="article-and-flags-two-transactions",
        file="monitor/pipeline.py",
        original=(
            "            if prep.flags is not None:\n"
            "                store_article_flags(conn, article_id, prep.flags)\n"
        ),
        replacement=(
            "        time.sleep(0.2)\n"
            "        with self.db.transaction() as conn:\n"
            "            if prep.flags is not None:\n"
            "                store_article_flags(conn, article_id, prep.flags)\n"
        ),
        description="an article (marked analysed) and its flags are committed in two transactions, 0.2 s apart",
        guards=("tests/monitor/test_crash_safety.py",),
    ),
    Mutation(
        name="recused-sheets-in-normalisation-baseline",
        file="awards/rules.py",
        original="        if not s.recused and s.complete(criteria):\n            by_judge",
        replacement="        if s.complete(criteria):\n            by_judge",
        description="a recused judge's sheets still feed that judge's normalisation mean and sd",
        guards=("tests/awards/test_results.py",),
    ),
    Mutation(
        name="recused-scores-in-mean",
        file="awards/rules.py",
        original="        counted = [s for s in mine if not s.recused and s.complete(criteria)]",
        replacement="        counted = [s for s in mine if s.complete(criteria)]",
        description="a recused judge's scores are counted in the nomination's mean",
        guards=("tests/awards/test_results.py",),
    ),
    Mutation(
        name="official-names-disabled",
        file="framing/rules/official.py",
        original="    for a, b in ix.official_spans(s.text, c.key):",
        replacement="    for a, b in ():",
        description="official names never exempt ('Young Offender Institution' is flagged and rewritten)",
        guards=("tests/framing/test_engine.py", "tests/framing/evaluate/test_engine_accuracy.py"),
    ),
    Mutation(
        name="mentions-exemption-removed",
        file="framing/rules/__init__.py",
        original="    word_mention,\n    label_rejected,\n",
        replacement="",
        description="policy exemption 5 gone: mentions of a word and labels reported to criticise them are flagged",
        guards=("tests/framing/evaluate/test_engine_accuracy.py",),
    ),
    Mutation(
        name="word-mention-rule-removed",
        file="framing/rules/__init__.py",
        original="    word_mention,\n",
        replacement="",
        description="\"the word 'inmate' is contested\" is flagged (half of policy exemption 5)",
        guards=("tests/framing/evaluate/test_engine_accuracy.py",),
    ),
    Mutation(
        name="label-rejected-rule-removed",
        file="framing/rules/__init__.py",
        original="    label_rejected,\n",
        replacement="",
        description='"I\'ve been called a thug all my life" is flagged (the other half of exemption 5)',
        guards=("tests/framing/evaluate/test_engine_accuracy.py",),
    ),
    Mutation(
        name="unclosed-quote-ends-at-nothing",
        file="framing/quotes.py",
        original=(
            "                # unclosed at paragraph end: the quote runs on (UK / BBC style)\n"
            "                self.spans.append((opened, self.end))\n"
        ),
        replacement="                pass\n",
        description="a BBC-style quotation left open to the paragraph's end counts as own voice",
        guards=("tests/framing/evaluate/test_engine_accuracy.py",),
    ),
    Mutation(
        name="quoted-rewrite-offered",
        file="framing/engine.py",
        original="        rewrite = None if quoted else h.rewrite\n",
        replacement="        rewrite = h.rewrite\n",
        description="a flag inside a quotation gets a ready rewrite (fix would change someone's words)",
        guards=(
            "tests/framing/test_rewrite.py",
            "tests/monitor/review/test_review_service.py::test_import_text_stores_article_and_engine_flags",
        ),
    ),
    Mutation(
        name="html-blocks-run-together",
        file="framing/formats.py",
        original='            sep("\\n\\n")\n',
        replacement='            sep(" ")\n',
        description="HTML block boundaries are lost: sentences and quotations run across paragraphs",
        guards=("tests/framing/test_formats.py",),
    ),
    Mutation(
        name="html-hidden-text-flagged",
        file="framing/formats.py",
        original="        if _SKIP & ",
        replacement="        if set() & ",
        description="text in <pre>, <code>, <svg> and <head> is flagged as if readers saw it",
        guards=("tests/framing/test_formats.py",),
    ),
    Mutation(
        name="html-cursor-stays-before-hidden-text",
        file="framing/formats.py",
        original="        cursor = at + len(text)\n        if _SKIP & names:\n            continue\n",
        replacement="        if _SKIP & names:\n            continue\n        cursor = at + len(text)\n",
        description="visible words repeating hidden <pre>/<code> text are located (and fixed) inside the hidden copy",
        guards=("tests/framing/test_formats.py",),
    ),
    Mutation(
        name="decision-reset-on-reanalysis",
        file="storage/flags.py",
        original="            conn.execute(flags.update().where(flags.c.id == r.id).values(**values))",
        replacement=(
            "            conn.execute(\n"
            "                flags.update()\n"
            "                .where(flags.c.id == r.id)\n"
            '                .values(**values, decision="pending", reason="", note="")\n'
            "            )"
        ),
        description="re-analysing an article resets the reviewer's decisions on flags found again",
        guards=(
            "tests/monitor/test_schedule_and_store.py::test_reanalysis_keeps_review_decisions",
        ),
    ),
    Mutation(
        name="decided-flag-deleted-on-reanalysis",
        file="storage/flags.py",
        original='    undecided = [r.id for r in gone if r.decision == "pending"]\n',
        replacement="    undecided = [r.id for r in gone]\n",
        description="re-analysis deletes a decided flag the engine no longer reports (the record of a judgement)",
        guards=(
            "tests/monitor/test_schedule_and_store.py::test_reanalysis_keeps_review_decisions",
        ),
    ),
    Mutation(
        name="quotes-never-found",
        file="framing/quotes.py",
        original="    if not _QUOTE_CHARS.search(text, start, end):\n        return spans\n",
        replacement="    if True:\n        return spans\n",
        description="quotation marks are ignored: quoted words count as the writer's own voice",
        guards=(
            "tests/awards/test_profile.py",
            "tests/awards/test_cli.py",
            "tests/monitor/review/test_review_service.py",
            "-k",
            "profile or import_text_stores",
        ),
    ),
    Mutation(
        name="awards-profile-ignores-org-lexicon",
        file="awards/cli/common.py",
        original="        return engine_from_settings(self.settings)\n",
        replacement=(
            "        from core.settings import Settings\n\n"
            "        return engine_from_settings(Settings())\n"
        ),
        description="awards profiles from the CLI use the shipped lexicon, not the organisation's",
        guards=(
            "tests/awards/test_cli.py",
            "tests/test_overrides_reach_every_consumer.py",
            "-k",
            "profile",
        ),
    ),
    Mutation(
        name="us-ascii-label-obeyed",
        file="monitor/extract.py",
        original="        if _declares_ascii(label) and not body.isascii():\n",
        replacement="        if False:\n",
        description="a page labelled us-ascii but encoded UTF-8 is read as windows-1252 (mojibake)",
        guards=("tests/monitor/test_extract.py",),
    ),
    Mutation(
        name="politeness-interval-ignored",
        file="monitor/fetch/politeness.py",
        original="                if delay > 0:\n",
        replacement="                if False:\n",
        description="requests to one host are not spaced by min_host_interval",
        guards=("tests/monitor/fetch/test_fetch_politeness.py",),
    ),
    Mutation(
        name="crawl-delay-ignored",
        file="monitor/fetch/client.py",
        original="                    self.politeness.raise_interval(u.host, delay)\n",
        replacement="                    pass\n",
        description="robots.txt Crawl-delay does not slow requests to the host",
        guards=("tests/monitor/fetch/test_fetch_robots.py", "-k", "crawl_delay"),
    ),
    Mutation(
        name="robots-cached-forever",
        file="monitor/fetch/client.py",
        original="            if rules is None or rules.expires <= ",
        replacement="            if rules is None or False and rules.expires <= ",
        description="robots.txt (and a 5xx block) is never fetched again after its lifetime",
        guards=("tests/monitor/fetch/test_fetch_robots.py", "-k", "ttl or again or retry"),
    ),
    Mutation(
        name="learned-fold-trusts-the-sigmoid",
        file="learning/model.py",
        original="            min(float(p), repeats.estimate(f)) for p, f in",
        replacement="            float(p) for p, f in",
        description="the learned model folds on its sigmoid alone: five dismissals fold a pattern",
        guards=("tests/learning/test_model.py",),
    ),
]


# --- the copy ----------------------------------------------------------------------------


def _git(*args: str, cwd: Path = REPO) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout


def make_copy(dest: Path, ref: str | None) -> None:
    """The repository as it stands (or at ``ref``) in ``dest``, ``../shared`` beside it."""
    dest.mkdir(parents=True)
    if ref:
        archive = _git("archive", "--format=tar", ref)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    else:
        listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard")
        for rel in filter(None, listed.decode().split("\0")):
            src = REPO / rel
            if not src.is_file():  # deleted in the work tree, not yet committed
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    if SHARED.exists():
        (dest.parent / "shared").symlink_to(SHARED, target_is_directory=True)


def copy_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH", "")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    return env


def check_imports(root: Path) -> str | None:
    """None when every top-level package of the copy is imported from the copy."""
    packages = sorted(
        p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").is_file()
    )
    code = (
        "import importlib, sys\n"
        f"for name in {packages!r}:\n"
        "    print(name, importlib.import_module(name).__file__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env=copy_env(root),
        capture_output=True,
        text=True,
    )
    if out.returncode:
        return f"importing the copy's packages failed: {out.stderr.strip().splitlines()[-1:]}"
    for line in out.stdout.splitlines():
        name, _, path = line.partition(" ")
        if not Path(path).resolve().is_relative_to(root.resolve()):
            return f"package {name} is imported from {path}, not from the copy {root}"
    return None


# --- running -------------------------------------------------------------------------------


@dataclass
class Outcome:
    mutation: Mutation
    status: str  # caught | NOT caught | cannot apply | error
    seconds: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "caught"


def snippet_problem(root: Path, m: Mutation) -> str | None:
    """Why ``m`` cannot be applied to the copy at ``root`` as written, or None."""
    path = root / m.file
    if not path.is_file():
        return f"{m.file} does not exist"
    n = path.read_text(encoding="utf-8").count(m.original)
    if n != 1:
        return f"snippet occurs {n} times in {m.file} (expected exactly once)"
    for guard in m.guards:
        target = guard.split("::", 1)[0]
        if target.startswith("tests/") and not (root / target).exists():
            return f"guard {target} does not exist"
    return None


_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)


def run_one(root: Path, m: Mutation) -> Outcome:
    problem = snippet_problem(root, m)
    if problem:
        return Outcome(m, "cannot apply", 0.0, problem)
    path = root / m.file
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(m.original, m.replacement, 1), encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-n",
        "0",  # serial: under xdist (the suite's default) -x ends a failing run with exit 2
        "-q",
        "--no-header",
        "-p",
        "no:cacheprovider",
        f"--timeout={PER_TEST_TIMEOUT}",
        *m.guards,
    ]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            cmd,
            cwd=root,
            env=copy_env(root),
            capture_output=True,
            text=True,
            timeout=PER_MUTATION_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return Outcome(
            m, "error", time.monotonic() - t0, f"guards ran over {PER_MUTATION_TIMEOUT} s"
        )
    finally:
        path.write_text(original, encoding="utf-8")
    seconds = time.monotonic() - t0
    tail = (proc.stdout + proc.stderr).strip().splitlines()
    last = tail[-1] if tail else ""
    failed = _FAILED.findall(proc.stdout)
    if proc.returncode == 1 and failed and re.search(r"\b\d+ failed\b", last):
        return Outcome(m, "caught", seconds, failed[0])
    if proc.returncode == 0:
        return Outcome(m, "NOT caught", seconds, last)
    if proc.returncode == 5:
        return Outcome(m, "NOT caught", seconds, "no guarding test selected")
    if proc.returncode == 4:  # a node id that does not exist, or a conftest that fails
        return Outcome(m, "NOT caught", seconds, f"pytest could not run the guards: {last}")
    return Outcome(m, "error", seconds, f"pytest exit {proc.returncode}: {last}")


def guards_text(m: Mutation) -> str:
    return " ".join(g if " " not in g else repr(g) for g in m.guards)


def print_table(outcomes: list[Outcome]) -> None:
    rows = [("mutation", "guarding tests", "result", "time", "detail")]
    for o in outcomes:
        rows.append(
            (o.mutation.name, guards_text(o.mutation), o.status, f"{o.seconds:.1f} s", o.detail)
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
        if n == 0:
            print("  ".join("-" * w for w in widths) + "  " + "-" * 6)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--list", action="store_true", help="list the mutations and exit")
    ap.add_argument("--only", action="append", metavar="NAME", help="run only NAME (repeatable)")
    ap.add_argument(
        "--ref", help="copy this git ref (code and tests) instead of the work tree, e.g. main"
    )
    ap.add_argument(
        "--keep-going",
        action="store_true",
        help="run the others when a mutation cannot be applied (it still fails the run)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = ap.parse_args(argv)

    chosen = MUTATIONS
    if args.only:
        names = {m.name for m in MUTATIONS}
        unknown = [n for n in args.only if n not in names]
        if unknown:
            print(f"unknown mutation(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        chosen = [m for m in MUTATIONS if m.name in args.only]
        if MUTATIONS[0] not in chosen and not args.list:
            chosen.insert(0, MUTATIONS[0])  # the sanity check always runs first
    if args.list:
        for m in chosen:
            print(f"{m.name}\n    {m.file}: {m.description}\n    guards: {guards_text(m)}")
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="framewatch-mutations-"))
    root = tmp / "framewatch"
    try:
        make_copy(root, args.ref)
        problem = check_imports(root)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
        missing = [(m, p) for m in chosen if (p := snippet_problem(root, m))]
        for m, p in missing:
            print(f"error: mutation {m.name}: {p}", file=sys.stderr)
        if missing and not args.keep_going:
            print(
                "the code these mutations target has moved or changed: update them", file=sys.stderr
            )
            return 2
        source = f"git ref {args.ref}" if args.ref else f"work tree {REPO}"
        print(f"mutations of {source}, copied to {root}", flush=True)
        outcomes = []
        for m in chosen:
            o = run_one(root, m)
            outcomes.append(o)
            print(f"  {m.name}: {o.status} ({o.seconds:.1f} s)", flush=True)
            if m is MUTATIONS[0] and not o.ok:
                print(
                    f"error: the sanity mutation was not caught ({o.detail}); the guards "
                    "are not running against the copy's code, so no result would mean anything",
                    file=sys.stderr,
                )
                return 2
        print()
        print_table(outcomes)
        bad = [o for o in outcomes if not o.ok]
        print(f"\n{len(outcomes) - len(bad)} of {len(outcomes)} mutations caught")
        return 1 if bad else 0
    finally:
        if args.keep:
            print(f"copy kept at {root}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
