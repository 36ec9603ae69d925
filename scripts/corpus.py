#!/usr/bin/env python3
"""Rebuild the real-news development corpus from public sources, without
shipping their text.

The articles in ``tests/data/realnews/manifest.jsonl`` are copyrighted news
text.  The repository keeps only where each one comes from (repository,
commit, path, record key), its sha256 and its metadata; this script brings
the text back from local copies of those sources and proves it is the same
text, byte for byte, that the annotators labelled.

    python scripts/corpus.py status                 # which sources are here
    python scripts/corpus.py build [--mirror-root DIR] [--shared-root DIR] [--out DIR]
    python scripts/corpus.py merge [LABELS.jsonl] [--out DIR]   # -> realnews{,-dev,-test}.jsonl
    python scripts/corpus.py packets [--out DIR] [--dir /work/annot] [--size 25]
    python scripts/corpus.py --set desk build|merge  # issue 14's stream: desk{-texts,}.jsonl

``packets`` writes annotation packets (Markdown and JSONL, see the README it
writes beside them) listing every lexicon-form occurrence the prefilter finds,
never the engine's decisions, so annotators label blind.

``build`` writes ``<out>/realnews-texts.jsonl`` (``{"id", "title", "text"}``
per line).  ``merge`` joins annotators' labels (character offsets into those
texts) with the rebuilt texts into ``<out>/realnews.jsonl``, the format of
``tests/data/devset.jsonl``, so ``framewatch eval <out>/realnews.jsonl`` runs.
The default ``<out>`` is ``$FRAMEWATCH_CORPORA``, else
``~/.cache/framewatch-corpora``.

Sources are read from bare git mirrors (``git --git-dir=<mirror> cat-file``)
under ``--mirror-root`` (default ``/work/.mirror``; a mirror is
``<root>/<owner>+<name>/repo``, as the search tool's ``fetch`` leaves it),
and the Zyte benchmark items from ``../shared/corpora``.

Normalisation (the same for every source, so offsets are stable):

1. each source yields a headline and a list of paragraphs (how a source
   marks paragraphs is its adapter's business, documented on the adapter);
2. every paragraph is NFC-normalised, every run of whitespace inside it
   (spaces, tabs, newlines, no-break spaces) becomes one space, and it is
   stripped; empty paragraphs are dropped;
3. paragraphs the manifest lists in ``source.drop`` (0-based indices into the
   cleaned, non-empty body paragraphs) are removed: page furniture an
   aggregator pasted into the body (a video carousel's titles, "Scroll down
   for video"), found once at selection time and recorded per article so the
   rebuild needs no corpus-wide statistics;
4. ``text`` = headline, a blank line, then the paragraphs joined by one blank
   line (``"\\n\\n"``).  The headline is paragraph 1 of ``text`` (headlines are
   never exempt under the policy, so they are labelled like any paragraph)
   and is also kept on its own as ``title``.

Only the standard library is used.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
MANIFEST = REPO_ROOT / "tests" / "data" / "realnews" / "manifest.jsonl"
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
DEFAULT_SHARED_ROOT = REPO_ROOT.parent / "shared"
TEXTS_NAME = "realnews-texts.jsonl"
EVAL_NAME = "realnews.jsonl"
SPLIT_NAMES = {"dev": "realnews-dev.jsonl", "test": "realnews-test.jsonl"}
LABELS = REPO_ROOT / "tests" / "data" / "realnews" / "labels.jsonl"


@dataclass(frozen=True)
class CorpusSet:
    """One labelled set rebuilt by this script: its manifest, its labels and
    the names of the files it writes under ``<out>``."""

    manifest: Path
    labels: Path
    texts_name: str
    eval_name: str
    split_names: dict[str, str]  # {} when the whole set is one part


SETS = {
    "realnews": CorpusSet(MANIFEST, LABELS, TEXTS_NAME, EVAL_NAME, SPLIT_NAMES),
    # issue 14's reviewing desk: every post of one outlet's feeds over a
    # week, in the order received (scripts/corpus_desk.py); not split, since
    # the learning benchmark replays it as one stream
    "desk": CorpusSet(
        REPO_ROOT / "tests" / "data" / "desk" / "manifest.jsonl",
        REPO_ROOT / "tests" / "data" / "desk" / "labels.jsonl",
        "desk-texts.jsonl",
        "desk.jsonl",
        {},
    ),
}
OUTLET_TYPES = ("tabloid", "broadsheet", "regional", "broadcaster", "agency", "other")


class CorpusError(Exception):
    """A source, manifest line or label cannot be used; the message names it."""


def default_out_dir() -> Path:
    env = os.environ.get("FRAMEWATCH_CORPORA")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "framewatch-corpora"


# --------------------------------------------------------------------------
# normalisation


_WS = re.compile(r"\s+")


def clean_paragraph(p: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", p)).strip()


def body_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """The cleaned, non-empty paragraphs (what ``source.drop`` indexes)."""
    return [c for c in (clean_paragraph(p) for p in paragraphs) if c]


def compose(title: str, paragraphs: Iterable[str], drop: Iterable[int] = ()) -> tuple[str, str]:
    """(title, text) after the normalisation in the module docstring."""
    title = clean_paragraph(title)
    gone = set(drop)
    paras = [p for i, p in enumerate(body_paragraphs(paragraphs)) if i not in gone]
    if paras and paras[0] == title:
        paras = paras[1:]  # a body that repeats its headline as paragraph 1
    return title, "\n\n".join([title, *paras]) if title else "\n\n".join(paras)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------
# sources


@dataclass(frozen=True)
class Source:
    """One public source: where it lives and how its records become articles."""

    name: str
    repo: str  # owner/name on GitHub
    commit: str
    kind: str  # adapter
    repo_licence: str
    content_licence: str
    local: str | None = None  # path under --shared-root instead of a git mirror


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "finescoop",
            "soumyadipdas37/finescoop.github.io",
            "0346d6175a2c36d4054083c144b7f8364db73f2f",
            "jigsaw-post",
            "MIT (LICENSE.txt covers the Jigsaw site template)",
            "Mail Online articles (c) Associated Newspapers Ltd, Aug-Oct 2020, republished by "
            "a third-party aggregator site with no licence; not redistributable, kept out of "
            "this repository",
        ),
        Source(
            "dhproj-guardian",
            "cconzen/DH-Proj",
            "6f7aa48ecb332033cb374a25d87c1adee466e0c4",
            "guardian-capi-page",
            "none stated",
            "Guardian Open Platform API responses (c) Guardian News & Media, 2022-2023; "
            "Open Platform terms do not allow redistribution; kept out of this repository",
        ),
        Source(
            "fundus",
            "flairNLP/fundus",
            "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8",
            "fundus-json",
            "MIT",
            "parser test fixtures of articles (c) their publishers; kept out of this repository",
        ),
        Source(
            "newsie",
            "OliverCWY/News",
            "e8c6ce99fc6db2df826c513f9a8769fa834fdd4f",
            "newsie-md",
            "none stated",
            "BBC News articles (c) BBC, Mar-Sep 2020, extracted with newspaper3k by the repo's "
            "bot; kept out of this repository",
        ),
        Source(
            "readability",
            "mozilla/readability",
            "ab4027a8b37669745016869a37a504727992b2ba",
            "readability-expected",
            "Apache-2.0",
            "test-page articles (c) their publishers; kept out of this repository",
        ),
        Source(
            "zyte",
            "scrapinghub/article-extraction-benchmark",
            "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
            "zyte-gt",
            "MIT",
            "ground-truth article bodies (c) their publishers; used from ../shared/corpora, "
            "kept out of this repository",
            local="corpora/extraction/zyte-aeb",
        ),
    )
}


def mirror_dir(root: Path, repo: str) -> Path | None:
    base = root / repo.replace("/", "+")
    for cand in (base / "repo" / ".git", base / "repo", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


class GitBlobs:
    """Reads ``<commit>:<path>`` blobs from one bare mirror through one
    ``git cat-file --batch`` process.  Blob ids are looked up with one
    ``git ls-tree`` per folder (``commit:path`` lookups rescan a folder of
    25,000 posts every time)."""

    def __init__(self, git_dir: Path):
        self.git_dir = git_dir
        self._proc: subprocess.Popen | None = None
        self._trees: dict[tuple[str, str], dict[str, str]] = {}

    def has_commit(self, commit: str) -> bool:
        r = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
        )
        return r.returncode == 0

    def _blob_id(self, commit: str, path: str) -> str:
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        key = (commit, folder)
        if key not in self._trees:
            r = subprocess.run(
                ["git", f"--git-dir={self.git_dir}", "ls-tree", "-z", commit, folder or "."],
                capture_output=True,
            )
            tree: dict[str, str] = {}
            for entry in r.stdout.decode("utf-8", "surrogateescape").split("\0"):
                meta, _, name = entry.partition("\t")
                parts = meta.split()
                if len(parts) == 3 and parts[1] == "blob":
                    tree[name] = parts[2]
            self._trees[key] = tree
        blob = self._trees[key].get(path)
        if blob is None:
            raise CorpusError(f"{commit[:12]}:{path} is not in the mirror {self.git_dir}")
        return blob

    def read(self, commit: str, path: str) -> bytes:
        blob = self._blob_id(commit, path)
        if self._proc is None:
            self._proc = subprocess.Popen(
                ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        assert self._proc.stdin and self._proc.stdout
        self._proc.stdin.write(f"{blob}\n".encode())
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().decode().rstrip("\n")
        if header.endswith(" missing"):
            raise CorpusError(
                f"{commit[:12]}:{path} is listed but its content is absent from the mirror "
                f"{self.git_dir} (a file the snapshot left out)"
            )
        size = int(header.split()[2])
        data = self._proc.stdout.read(size)
        self._proc.stdout.read(1)  # the newline after each object
        return data

    def close(self) -> None:
        if self._proc is not None:
            assert self._proc.stdin
            self._proc.stdin.close()
            self._proc.wait()
            self._proc = None


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    published: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # adapter metadata (section, image, ...)


# --- adapters: bytes of the source file (+ record key) -> Article ------------


def _front_matter(raw: str) -> tuple[dict[str, str], str]:
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        raise CorpusError("no front matter")
    meta: dict[str, str] = {}
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return meta, "\n".join(lines[i + 1 :])
        k, sep, v = lines[i].partition(":")
        if sep:
            meta[k.strip()] = v.strip()
    raise CorpusError("front matter is not closed")


def jigsaw_post(read, path: str, key: str | None) -> Article:
    """A Jigsaw (static site) post: YAML-ish front matter (title, date,
    image, categories), then the article body, paragraphs separated by blank
    lines.  ``date`` is ``YYYY-MM-DD-HH-MM-SS``."""
    meta, body = _front_matter(read(path).decode("utf-8"))
    paras = re.split(r"\n\s*\n", body)
    date = meta.get("date", "")
    published = date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else None
    extra = tuple((k, meta[k]) for k in ("image", "categories") if meta.get(k))
    return Article(meta.get("title", ""), tuple(paras), None, published, extra)


def guardian_capi_page(read, path: str, key: str | None) -> Article:
    """One page of Guardian Content API search results saved as JSON; ``key``
    is the content id.  ``fields.body`` was reduced to text by the repo's
    crawler, one paragraph per line."""
    results = json.loads(read(path).decode("utf-8"))["response"]["results"]
    for r in results:
        if r.get("id") == key:
            body = r.get("fields", {}).get("body", "")
            extra = (("section", r.get("sectionId", "")),)
            return Article(
                r.get("webTitle", ""),
                tuple(body.split("\n")),
                r.get("webUrl"),
                (r.get("webPublicationDate") or "")[:10] or None,
                extra,
            )
    raise CorpusError(f"no result with id {key!r}")


def fundus_json(read, path: str, key: str | None) -> Article:
    """A fundus parser fixture: ``{version: {title, publishing_date, body:
    {summary: [..], sections: [{headline: [..], paragraphs: [..]}]}}}``;
    ``key`` is the version.  Paragraph order: summary, then each section's
    headline(s) and paragraphs."""
    rec = json.loads(read(path).decode("utf-8"))[key]
    body = rec.get("body") or {}
    paras = list(body.get("summary") or [])
    for sec in body.get("sections") or []:
        paras += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
    date = rec.get("publishing_date") or ""
    return Article(rec.get("title") or "", tuple(paras), None, date[:10] or None)


_MD_LINE_DROP = re.compile(r"^\s*(!\[[^\]]*\]\([^)]*\)|\[[^\]]+\]\([^)]*\))\s*$")


def newsie_md(read, path: str, key: str | None) -> Article:
    """A "Newsie" bot article page: ``## headline``, keyword/author/date
    lines, an image, ``[中文翻译](..)`` and ``[Original Article](url)`` links,
    then the body (newspaper3k text), paragraphs separated by blank lines.
    The body starts after the ``[Original Article]`` line; lines that are
    only a Markdown image or link are dropped."""
    raw = read(path).decode("utf-8")
    m = re.search(r"^## (.+)$", raw, re.M)
    title = m.group(1) if m else ""
    link = re.search(r"^\[Original Article\]\((\S+)\)\s*$", raw, re.M)
    if not link:
        raise CorpusError("no [Original Article] line")
    body = raw[link.end() :]
    paras = [p for p in re.split(r"\n\s*\n", body) if not _MD_LINE_DROP.match(p)]
    return Article(title, tuple(paras), link.group(1), None)


class _Blocks(HTMLParser):
    """Text of block elements (p, h1-h6, li, blockquote, figcaption) in order."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._depth = 0
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            if self._depth and self._buf:
                self.blocks.append("".join(self._buf))
                self._buf = []
            self._depth += 1
        elif tag == "br" and self._depth:
            self._buf.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS and self._depth:
            self._depth -= 1
            self.blocks.append("".join(self._buf))
            self._buf = []

    def handle_data(self, data):
        if self._depth:
            self._buf.append(data)


def html_blocks(markup: str) -> list[str]:
    p = _Blocks()
    p.feed(markup)
    p.close()
    return p.blocks


def readability_expected(read, path: str, key: str | None) -> Article:
    """mozilla/readability's expected output for a test page: ``path`` is the
    page's ``expected.html`` (paragraphs = its block elements); the headline
    is ``title`` in the sibling ``expected-metadata.json``."""
    meta = json.loads(read(path.rsplit("/", 1)[0] + "/expected-metadata.json").decode("utf-8"))
    return Article(meta.get("title") or "", tuple(html_blocks(read(path).decode("utf-8"))))


def zyte_gt(read, path: str, key: str | None) -> Article:
    """Zyte article-extraction benchmark: ``ground-truth.json`` maps a page
    hash (``key``) to ``{url, articleBody}``; paragraphs are separated by
    newlines.  The headline is the page's ``og:title`` (else ``<title>``) in
    ``html/<key>.html.gz``, HTML entities unescaped."""
    rec = json.loads(read(path).decode("utf-8"))[key]
    title = ""
    try:
        page = gzip.decompress(read(f"html/{key}.html.gz")).decode("utf-8", "replace")
    except (CorpusError, OSError):
        page = ""
    m = re.search(
        r"<meta[^>]+property=[\"']og:title[\"'][^>]*content=[\"']([^\"']*)", page
    ) or re.search(r"<meta[^>]+content=[\"']([^\"']*)[\"'][^>]*property=[\"']og:title", page)
    if not m:
        m = re.search(r"<title[^>]*>(.*?)</title>", page, re.S)
    title = html.unescape(m.group(1)) if m else ""
    return Article(title, tuple(rec["articleBody"].split("\n")), rec.get("url"), None)


ADAPTERS = {
    "jigsaw-post": jigsaw_post,
    "guardian-capi-page": guardian_capi_page,
    "fundus-json": fundus_json,
    "newsie-md": newsie_md,
    "readability-expected": readability_expected,
    "zyte-gt": zyte_gt,
}


class Library:
    """Opens the sources a manifest needs and turns a manifest ``source``
    record into an :class:`Article`."""

    def __init__(self, mirror_root: Path, shared_root: Path):
        self.mirror_root = mirror_root
        self.shared_root = shared_root
        self._blobs: dict[str, GitBlobs] = {}
        self._zyte: dict | None = None

    def problem(self, src: Source) -> str | None:
        """Why ``src`` cannot be read here, or None."""
        if src.local:
            gt = self.shared_root / src.local / "ground-truth.json"
            return None if gt.is_file() else f"{gt} is missing"
        gd = mirror_dir(self.mirror_root, src.repo)
        if gd is None:
            return f"no mirror under {self.mirror_root} (fetch github:{src.repo})"
        if not GitBlobs(gd).has_commit(src.commit):
            return (
                f"mirror {gd} lacks commit {src.commit[:12]} "
                f"(fetch github:{src.repo} again, or check the commit)"
            )
        return None

    def blobs(self, src: Source) -> GitBlobs:
        if src.name not in self._blobs:
            gd = mirror_dir(self.mirror_root, src.repo)
            if gd is None:
                raise CorpusError(f"source {src.name}: no mirror (fetch github:{src.repo})")
            self._blobs[src.name] = GitBlobs(gd)
        return self._blobs[src.name]

    def reader(self, src: Source, commit: str | None = None):
        """``read(path) -> bytes`` for one source at its (or the given) commit."""
        if src.local:
            base = self.shared_root / src.local

            def read_local(path: str) -> bytes:
                try:
                    return (base / path).read_bytes()
                except OSError as e:
                    raise CorpusError(f"{base / path}: {e.strerror}") from None

            return read_local
        blobs, rev = self.blobs(src), commit or src.commit
        return lambda path: blobs.read(rev, path)

    def article(self, source: dict) -> Article:
        src = SOURCES.get(source.get("name", ""))
        if src is None:
            raise CorpusError(f"unknown source {source.get('name')!r}")
        read = self.reader(src, source.get("commit"))
        return ADAPTERS[src.kind](read, source["path"], source.get("key"))

    def close(self) -> None:
        for b in self._blobs.values():
            b.close()


# --------------------------------------------------------------------------
# manifest


REQUIRED = (
    "id",
    "outlet",
    "outlet_type",
    "title",
    "url",
    "published",
    "source",
    "licence",
    "sha256",
    "chars",
    "topic",
)


def read_manifest(path: Path = MANIFEST) -> list[dict]:
    """The manifest's rows.  A first line ``{"defaults": {...}}`` gives the
    fields every row shares (outlet, licence, the source's repo and commit),
    so a stream of thousands of articles does not repeat them on each line;
    a row without ``published`` takes the date of its ``received``, and one
    without ``title`` (an article with no lexicon word, kept only to show the
    stream was not filtered) has ``None``: its headline comes from the source."""
    rows = []
    defaults: dict = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise CorpusError(f"{path.name} line {n}: not JSON ({e.msg})") from None
        if n == 1 and set(row) == {"defaults"}:
            defaults = row["defaults"]
            continue
        if defaults:
            source = {**defaults.get("source", {}), **row.get("source", {})}
            row = {**defaults, **row, "source": source}
            if "published" not in row and "received" in row:
                row["published"] = row["received"][:10]
            row.setdefault("title", None)
        rows.append(row)
    return rows


def write_manifest(path: Path, rows: list[dict]) -> None:
    """``rows`` as :func:`read_manifest` reads them back: the fields (and
    source fields) equal on every row go once into a ``defaults`` first line,
    a ``published`` equal to the date of ``received`` is left out, and so is
    the title of a row with no lexicon form (the build takes headlines from
    the source)."""

    def shared(dicts: list[dict]) -> dict:
        first = dicts[0]
        return {k: v for k, v in first.items() if all(k in d and d[k] == v for d in dicts)}

    defaults = {k: v for k, v in shared(rows).items() if k not in ("source", "id")}
    defaults["source"] = shared([r["source"] for r in rows])
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"defaults": defaults}, ensure_ascii=False) + "\n")
        for r in rows:
            row = {k: v for k, v in r.items() if k not in defaults}
            row["source"] = {k: v for k, v in r["source"].items() if k not in defaults["source"]}
            if "received" in row and row.get("published") == row["received"][:10]:
                del row["published"]
            if not row.get("forms_at_selection", 1):
                row.pop("title", None)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def texts_of(rows: list[dict], lib: Library) -> Iterator[tuple[dict, str, str]]:
    for row in rows:
        art = lib.article(row["source"])
        title, text = compose(art.title, art.paragraphs, row["source"].get("drop", ()))
        yield row, title, text


# --------------------------------------------------------------------------
# commands


def cmd_status(args) -> int:
    lib = Library(args.mirror_root, args.shared_root)
    rows = read_manifest(args.manifest)
    need: dict[str, int] = {}
    for r in rows:
        need[r["source"]["name"]] = need.get(r["source"]["name"], 0) + 1
    missing = 0
    for name, n in sorted(need.items()):
        src = SOURCES.get(name)
        if src is None:
            print(f"MISSING {name}: unknown source named by {n} manifest lines")
            missing += 1
            continue
        why = lib.problem(src)
        where = src.local and f"../shared/{src.local}" or f"github:{src.repo}@{src.commit[:12]}"
        if why:
            missing += 1
            print(f"MISSING {name} ({n} articles): {why}")
        else:
            print(f"present {name} ({n} articles): {where}")
    out = args.out / args.set.texts_name
    print(f"texts: {out} {'exists' if out.is_file() else 'not built yet'}")
    return 1 if missing else 0


def cmd_build(args) -> int:
    lib = Library(args.mirror_root, args.shared_root)
    rows = read_manifest(args.manifest)
    down = {}
    for name in sorted({r["source"]["name"] for r in rows}):
        src = SOURCES.get(name)
        why = lib.problem(src) if src else "unknown source"
        if why:
            down[name] = why
            print(f"MISSING {name}: {why}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    ok = bad = skipped = 0
    tmp = args.out / (args.set.texts_name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            if row["source"]["name"] in down:
                skipped += 1
                continue
            try:
                art = lib.article(row["source"])
            except (CorpusError, KeyError, ValueError, OSError) as e:
                print(f"FAIL {row['id']}: {e}", file=sys.stderr)
                bad += 1
                continue
            title, text = compose(art.title, art.paragraphs, row["source"].get("drop", ()))
            if sha256(text) != row["sha256"]:
                print(f"FAIL {row['id']}: sha256 differs from the manifest", file=sys.stderr)
                bad += 1
                continue
            fh.write(json.dumps({"id": row["id"], "title": title, "text": text}) + "\n")
            ok += 1
    lib.close()
    tmp.replace(args.out / args.set.texts_name)
    print(
        f"{ok} of {len(rows)} articles rebuilt and verified (sha256) into "
        f"{args.out / args.set.texts_name}; {bad} failed, {skipped} skipped (source missing)"
    )
    return 0 if ok == len(rows) else 1


def load_texts(out_dir: Path, texts_name: str = TEXTS_NAME) -> dict[str, dict]:
    path = out_dir / texts_name
    if not path.is_file():
        raise CorpusError(f"{path} is missing: run `python scripts/corpus.py build` first")
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


LABEL_VALUES = ("FLAG", "QUOTED", "NO")


def _label_lines(labels_path: Path) -> dict[str, list[dict]]:
    """Occurrences per article id from either label format (see merge_labels)."""
    per: dict[str, list[dict]] = {}
    for n, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{labels_path.name} line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise CorpusError(f"{where}: not JSON ({e.msg})") from None
        aid = obj.get("id")
        if not isinstance(aid, str):
            raise CorpusError(f"{where}: no article id")
        if "occurrences" in obj:  # one article per line (possibly with none)
            occs = obj["occurrences"]
            per.setdefault(aid, [])
        else:  # one packet candidate per line, its label filled in
            if obj.get("label") == "DROP":  # the other of two overlapping spans is labelled
                per.setdefault(aid, [])
                continue
            occs = [obj]
        for o in occs:
            if o.get("label") not in LABEL_VALUES:
                raise CorpusError(
                    f"{where} ({aid}): occurrence {o.get('start')}-{o.get('end')} has label "
                    f"{o.get('label')!r}, not one of {'/'.join(LABEL_VALUES)}"
                )
            per.setdefault(aid, []).append(
                {k: o.get(k) for k in ("start", "end", "text", "label", "entry", "category")}
            )
    return per


def split_of(article_id: str) -> str:
    """``"test"`` for one article in five, chosen by a hash of its id, else ``"dev"``.

    The split is fixed before labelling and never depends on the text, the
    labels or the engine, so the test fifth stays a fair check of whatever was
    tuned on the dev part (and a new article's split is known in advance)."""
    return (
        "test"
        if int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 0
        else "dev"
    )


def merge_labels(
    labels_path: Path, out_dir: Path, manifest: Path = MANIFEST, corpus_set: str = "realnews"
) -> Path:
    """Join labels with rebuilt texts into ``<out_dir>/realnews.jsonl``, and the
    same rows split by ``split_of`` into ``realnews-dev.jsonl`` and
    ``realnews-test.jsonl``.

    ``labels_path`` holds either one JSON object per article, ``{"id":
    "rn-0001", "occurrences": [{"start", "end", "text", "label", "entry",
    "category"}]}``, or the packets' candidate lines with ``label`` filled in
    (``FLAG``/``QUOTED``/``NO``, or ``DROP`` for the unused one of two
    overlapping spans).  Offsets index the rebuilt ``text``; every occurrence
    is checked against it, and occurrences may not overlap.  Articles with no
    labels are left out (not yet labelled).  ``corpus_set`` names the files
    (``SETS``: ``desk`` writes ``desk.jsonl`` only).  Returns the path written."""
    cs = SETS[corpus_set]
    texts = load_texts(out_dir, cs.texts_name)
    meta = {r["id"]: r for r in read_manifest(manifest)}
    out_rows = []
    for aid, occs in _label_lines(labels_path).items():
        if aid not in texts:
            raise CorpusError(f"{labels_path.name}: no rebuilt text for id {aid!r}")
        text = texts[aid]["text"]
        occs = sorted(occs, key=lambda o: (o["start"], o["end"]))
        for o in occs:
            if text[o["start"] : o["end"]] != o["text"]:
                raise CorpusError(
                    f"{labels_path.name} ({aid}): text[{o['start']}:{o['end']}] is "
                    f"{text[o['start'] : o['end']]!r}, not {o['text']!r}"
                )
        for a, b in zip(occs, occs[1:], strict=False):
            if b["start"] < a["end"]:
                raise CorpusError(
                    f"{labels_path.name} ({aid}): {a['text']!r} at {a['start']} overlaps "
                    f"{b['text']!r} at {b['start']}; label one and mark the other DROP"
                )
        m = meta.get(aid, {})
        s = m.get("source", {})
        src = m.get("url") or f"{s.get('repo')}@{s.get('commit')}:{s.get('path')}#{s.get('key')}"
        out_rows.append({"id": aid, "text": text, "source": src, "occurrences": occs})
    out_rows.sort(key=lambda r: r["id"])
    out = out_dir / cs.eval_name
    targets = {None: out, **{k: out_dir / v for k, v in cs.split_names.items()}}
    for split, path in targets.items():
        with path.open("w", encoding="utf-8") as fh:
            for r in out_rows:
                if split is None or split_of(r["id"]) == split:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def cmd_merge(args) -> int:
    out = merge_labels(args.labels or args.set.labels, args.out, args.manifest, args.set_name)
    for path in (out, *(out.parent / v for v in args.set.split_names.values())):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        n_occ = sum(len(r["occurrences"]) for r in rows)
        print(f"{len(rows)} labelled articles, {n_occ} occurrences written to {path}")
    return 0


PACKETS_README = """\
# Annotation packets: real-news development corpus

Made by `python scripts/corpus.py packets` from the rebuilt texts
(`realnews-texts.jsonl`) and `tests/data/realnews/manifest.jsonl`.  Work files:
never commit them (the text is copyrighted).

## Files

- `batch-NN.md`: about {size} articles each, a balanced mix of outlets, topics
  and groups (UK criminal justice, other criminal justice, traps).  For each
  article: id, outlet and type, headline, date, topic, then the whole text
  with paragraph numbers (`[P1]` is the headline), then a numbered list of
  **every** place a lexicon form occurs: occurrence number, character offsets
  `start-end` into the text, the surface text, the candidate lexicon
  entry/entries and category, the paragraph, and about 80 characters of
  context either side with the form marked `[[like this]]`.
- `batch-NN.candidates.jsonl`: the same occurrences, one JSON object a line:
  `id, occ, start, end, text, paragraph, entry, category, senses, overlaps,
  label, note`.
  Fill in `label` (and correct `entry`/`category` if the form belongs to
  another entry); leave `note` for anything a reviewer should know.
- `batch-NN.articles.jsonl`: one line per article for the constructive-
  journalism profile (issue 13): `frame` (episodic|thematic), `solutions`
  and `evidence` (true/false), `voices` (a list of `{{quote_start,
  quote_end, speaker_start, speaker_end, role, cue}}` with offsets into the
  same text).

The occurrences come from the prefilter (every surface form of every lexicon
entry, in any sense), never from the engine's flag decisions: you label blind.

## Labels (tests/data/README.md and ../shared/flagging-policy.md)

- `FLAG`: labels or describes real people in a stigmatising way, in the
  writer's own voice (including reported speech without quotation marks and
  headlines, captions and capitals: they never exempt a word).
- `QUOTED`: the same, inside quotation marks or a quoted document, or a label
  others used carried neutrally ("dubbed", "branded", "labelled").
- `NO`: exempt (adjective/compound uses, official names, titles and fiction,
  non-human referents, mentions of the word, other senses, surnames,
  captives as "prisoners").
- `DROP`: only for overlapping candidates (marked "overlaps #k"): label the
  span the policy means and DROP the other.

Every occurrence counts, however often it repeats.  When a case is truly
undecidable, label your best reading and explain it in `note`.

## Back to an evaluation set

    python scripts/corpus.py merge batch-01.candidates.jsonl   # or a concatenation
    framewatch eval ~/.cache/framewatch-corpora/realnews.jsonl

`merge` checks every offset against the rebuilt text and refuses overlaps and
unlabelled candidates with a one-line message.
"""


def _occurrences(text: str, index) -> list[dict]:
    occ = []
    for m in index.prefilter.find(text):
        senses = []
        for e, _form in m.senses:
            pair = {"entry": e.id, "category": e.category}
            if pair not in senses:
                senses.append(pair)
        occ.append({"start": m.start, "end": m.end, "text": m.text, "senses": senses})
    return occ


def _para_starts(text: str) -> list[int]:
    starts, pos = [0], 0
    while True:
        pos = text.find("\n\n", pos)
        if pos < 0:
            return starts
        pos += 2
        starts.append(pos)


def _context(text: str, start: int, end: int, width: int = 80) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    ctx = f"{left}[[{text[start:end]}]]{right}".replace("\n\n", " ¶ ").replace("\n", " ")
    return ("…" if start > width else "") + ctx + ("…" if end + width < len(text) else "")


def cmd_packets(args) -> int:
    import bisect
    import math

    from framing.index import Index  # project code: only this command needs it
    from lexicon import load_lexicon

    index = Index(load_lexicon())
    texts = load_texts(args.out, args.set.texts_name)
    rows = [r for r in read_manifest(args.manifest) if r["id"] in texts]
    if not rows:
        raise CorpusError("no rebuilt texts match the manifest: run build first")
    # balanced batches: sort by group, outlet and topic, then deal round-robin
    rows.sort(key=lambda r: (r.get("group", ""), r["outlet"], r["topic"], r["id"]))
    nb = max(1, math.ceil(len(rows) / args.size))
    batches: list[list[dict]] = [[] for _ in range(nb)]
    for i, r in enumerate(rows):
        batches[i % nb].append(r)
    args.dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for b, batch in enumerate(batches, 1):
        batch.sort(key=lambda r: r["id"])
        md = [f"# Annotation batch {b:02d} ({len(batch)} articles)", ""]
        cand_lines, art_lines = [], []
        for r in batch:
            text = texts[r["id"]]["text"]
            starts = _para_starts(text)
            occ = _occurrences(text, index)
            total += len(occ)
            md += [
                f"## {r['id']}: {r['title']}",
                "",
                f"- outlet: {r['outlet']} ({r['outlet_type']}); published: "
                f"{r.get('published') or 'unknown'}; topic: {r['topic']}; group: "
                f"{r.get('group', '')}",
                f"- source: {r.get('url') or r['source']['repo'] + ' ' + r['source']['path']}",
                "",
                "### Text",
                "",
            ]
            for pn, para in enumerate(text.split("\n\n"), 1):
                tag = " (headline)" if pn == 1 else ""
                md += [f"[P{pn}]{tag} {para}", ""]
            md += [f"### Occurrences ({len(occ)})", ""]
            if not occ:
                md += [
                    "(none: a text with no lexicon form; any flag on it is a false positive)",
                    "",
                ]
            for k, o in enumerate(occ, 1):
                pn = bisect.bisect_right(starts, o["start"])
                ents = ", ".join(f"{s['entry']} ({s['category']})" for s in o["senses"])
                over = [
                    j
                    for j, p in enumerate(occ, 1)
                    if j != k and p["start"] < o["end"] and o["start"] < p["end"]
                ]
                note = f" — OVERLAPS #{', #'.join(map(str, over))}" if over else ""
                md.append(
                    f"{k}. `{o['start']}-{o['end']}` **{o['text']}** — {ents} — P{pn}{note}  "
                )
                md.append(f"   > {_context(text, o['start'], o['end'])}")
                first = o["senses"][0]
                cand_lines.append(
                    {
                        "id": r["id"],
                        "occ": k,
                        "start": o["start"],
                        "end": o["end"],
                        "text": o["text"],
                        "paragraph": pn,
                        "entry": first["entry"],
                        "category": first["category"],
                        "senses": o["senses"],
                        "overlaps": over,
                        "label": None,
                        "note": "",
                    }
                )
            md += [
                "",
                "### Article profile (issue 13; fill in batch-NN.articles.jsonl)",
                "",
                "- frame: episodic / thematic · solutions present: yes / no · evidence "
                "present: yes / no · voices: speaker, role, quotation offsets",
                "",
                "---",
                "",
            ]
            art_lines.append(
                {
                    "id": r["id"],
                    "frame": None,
                    "solutions": None,
                    "evidence": None,
                    "voices": [],
                    "note": "",
                }
            )
        (args.dir / f"batch-{b:02d}.md").write_text("\n".join(md), encoding="utf-8")
        with (args.dir / f"batch-{b:02d}.candidates.jsonl").open("w", encoding="utf-8") as fh:
            for c in cand_lines:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
        with (args.dir / f"batch-{b:02d}.articles.jsonl").open("w", encoding="utf-8") as fh:
            for a in art_lines:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    (args.dir / "README.md").write_text(PACKETS_README.format(size=args.size), encoding="utf-8")
    print(f"{len(rows)} articles, {total} occurrences in {nb} batches under {args.dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--manifest", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument(
        "--set",
        dest="set_name",
        choices=sorted(SETS),
        default="realnews",
        help="which labelled set (default realnews; desk: issue 14's one-outlet stream)",
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    common.add_argument("--shared-root", type=Path, default=DEFAULT_SHARED_ROOT)
    common.add_argument("--out", type=Path, default=None, help="default: $FRAMEWATCH_CORPORA")
    sub.add_parser("status", parents=[common], help="which sources are present or missing")
    sub.add_parser("build", parents=[common], help="rebuild and verify the texts")
    m = sub.add_parser("merge", parents=[common], help="join labels with the rebuilt texts")
    m.add_argument(
        "labels",
        type=Path,
        nargs="?",
        default=None,
        help="default: the set's labels (tests/data/realnews/labels.jsonl)",
    )
    pk = sub.add_parser("packets", parents=[common], help="write annotation packets")
    pk.add_argument("--dir", type=Path, default=Path("/work/annot"))
    pk.add_argument("--size", type=int, default=25, help="articles per batch")
    args = ap.parse_args(argv)
    args.out = (args.out or default_out_dir()).expanduser()
    args.set = SETS[args.set_name]
    args.manifest = args.manifest or args.set.manifest
    try:
        cmds = {
            "status": cmd_status,
            "build": cmd_build,
            "merge": cmd_merge,
            "packets": cmd_packets,
        }
        return cmds[args.cmd](args)
    except CorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except FileNotFoundError as e:
        print(f"error: {e.filename}: no such file", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
