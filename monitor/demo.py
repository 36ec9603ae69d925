"""Offline demo: the real pipeline against a sample served from 127.0.0.1.

The sample (``monitor/data/sample``) is five fictional outlets' feeds and
nineteen article pages written for Framewatch: court reports, a prison
inspection syndicated by three outlets, youth justice, immigration
detention, drugs, a riot, domestic abuse, plus sport, weather and council
stories that the relevance filter should leave out.  Its links point at
``http://sample.invalid``; the server rewrites them to its own address as it
serves, so the fetcher, robots.txt handling, extraction and storage all run
exactly as they do against the internet.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from core.errors import FramewatchError
from monitor.feeds import register_sample_feed
from monitor.localserver import LocalServer, Response
from monitor.pipeline import PassResult, run_pass
from storage import articles as article_store
from storage import feeds as feed_store
from storage.db import Database, display_url, open_database

PLACEHOLDER = b"http://sample.invalid"
# where the demo serves its sample: stable, so stored feeds keep working
DEMO_PORT = 8787


@dataclass
class DemoResult:
    db_path: str
    feeds: int
    articles: int  # stored by this run
    relevant: int
    analysed: int
    flags: int  # in the writer's voice
    stories: int
    total_articles: int  # in the database after the run
    errors: list[str] = field(default_factory=list)
    pass_result: PassResult | None = None
    quoted: int = 0  # flags inside quotations, counted apart

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        return (
            f"demo: {self.feeds} sample feeds, {self.articles} new articles ({self.relevant} relevant, "
            f"{self.analysed} analysed, {self.flags} flags (+{self.quoted} quoted), {self.stories} stories); "
            f"{self.total_articles} articles in {self.db_path}"
        )


def sample_dir() -> Path:
    return Path(str(resources.files("monitor.data").joinpath("sample")))


def sample_routes(base: str) -> tuple[dict, list[dict]]:
    """(routes for LocalServer, the feed list from the manifest)."""
    root = sample_dir()
    manifest = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8"))
    page_types = manifest.get("pages", {})
    routes: dict = {}

    def respond(data: bytes, ctype: str) -> Response:
        body = data.replace(PLACEHOLDER, base.encode("ascii"))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        return Response(200, {"Content-Type": ctype, "ETag": etag}, body)

    feed_paths = set()
    for f in manifest["feed"]:
        routes[f["path"]] = respond((root / f["path"].lstrip("/")).read_bytes(), f["content_type"])
        feed_paths.add(f["path"])
    for html in sorted(root.glob("*/news/*.html")):
        outlet = html.parent.parent.name
        path = f"/{outlet}/news/{html.stem}"
        routes[path] = respond(
            html.read_bytes(), page_types.get(outlet, page_types.get("default", "text/html"))
        )
    routes["/robots.txt"] = Response(
        200, {"Content-Type": "text/plain"}, (root / "robots.txt").read_bytes()
    )
    return routes, manifest["feed"]


def _register(db: Database, base: str, sample_feeds: list[dict]) -> list[int]:
    """Add the sample feeds, or move ones from an earlier demo to this port
    (with their articles) so a second demo does not store everything twice."""
    ids = []
    with db.transaction() as conn:
        for f in sample_feeds:
            url = base + f["path"]
            old = feed_store.on_any_local_port(conn, f["path"])
            if old is None:
                ids.append(register_sample_feed(conn, url, f["name"]))
                continue
            old_base = old.url[: -len(f["path"])]
            if old_base != base:
                feed_store.update_feed(conn, old.id, url=url)
                article_store.rebase_feed_articles(conn, old.id, old_base, base)
            ids.append(old.id)
    return ids


def sample_server(port: int = DEMO_PORT, *, fallback: bool = True) -> LocalServer:
    """A server (bound, not started) with the sample on 127.0.0.1:``port``.

    The port is stable so the feeds a demo stores still work the next time
    the sample is served (``framewatch demo`` again, or ``demo serve``).  When
    it is taken and ``fallback``, any free port is used instead (the stored
    feeds then move to it, as ``_register`` does for an earlier demo)."""
    try:
        server = LocalServer(port=port)
    except OSError as exc:
        if not fallback or port == 0:
            raise FramewatchError(
                f"127.0.0.1:{port}: cannot serve the sample ({exc.strerror or exc}); "
                "choose another with --port"
            ) from None
        server = LocalServer()
    routes, _feeds = sample_routes(server.base)
    server.routes.update(routes)
    return server


def register_sample_feeds(db: Database, base: str) -> list[int]:
    """Point the database's sample feeds at ``base`` (adding them if new)."""
    _routes, sample_feeds = sample_routes(base)
    return _register(db, base, sample_feeds)


def sample_feed_urls(base: str) -> list[tuple[str, str]]:
    """(name, URL) of each sample feed served at ``base``."""
    _routes, sample_feeds = sample_routes(base)
    return [(f["name"], base + f["path"]) for f in sample_feeds]


def serve_sample(server: LocalServer, db) -> list[int]:
    """Put the bundled sample on ``server`` and register its feeds in ``db``
    (ids of the feeds, in manifest order)."""
    routes, sample_feeds = sample_routes(server.base)
    server.routes.update(routes)
    return _register(db, server.base, sample_feeds)


def prepare_demo(
    db_path,
    settings,
    progress=None,
    *,
    analyse: bool = True,
    engine=None,
    server: LocalServer | None = None,
) -> DemoResult:
    """Run one full pass over the sample into ``db_path``: from ``server``
    (started, left running for the demo UI and the monitor to use) or from a
    server of its own on a free port, stopped afterwards."""
    # For this run only: the sample lives on 127.0.0.1 and has one host, so the
    # SSRF guard and the per-host delay would otherwise (rightly) get in the way.
    settings = replace(
        settings,
        monitor=replace(
            settings.monitor,
            min_host_interval=0.0,
            allow_private_addresses=True,
            fetch_articles=True,
        ),
    )
    db = open_database(db_path)
    try:
        if server is not None:
            ids = serve_sample(server, db)
            result = run_pass(
                db, settings, feed_ids=ids, progress=progress, analyse=analyse, engine=engine
            )
        else:
            with LocalServer() as own:
                ids = serve_sample(own, db)
                result = run_pass(
                    db, settings, feed_ids=ids, progress=progress, analyse=analyse, engine=engine
                )
        with db.read() as conn:
            total = article_store.count(conn)
    finally:
        db.close()
    return DemoResult(
        db_path=display_url(db_path),  # a server URL with its password masked
        feeds=len(ids),
        articles=result.articles,
        relevant=result.relevant,
        analysed=result.analysed,
        flags=result.flags,
        quoted=result.quoted,
        stories=result.stories,
        total_articles=total,
        errors=result.errors,
        pass_result=result,
    )
