"""The Fetcher: polite, bounded HTTP GETs that never raise for network trouble.

What the caller decides (not the fetcher): when to force a full fetch (drop
the validators at least every ``full_fetch_hours``, because some servers keep
answering 304 or reuse an ETag after the content changed), and whether an
unchanged ``body_hash`` means the feed can be skipped.  The back-off between
polls after failures is computed with ``monitor.fetch.backoff``.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterable
from http import HTTPStatus

import httpx

from monitor.fetch.addresses import resolve
from monitor.fetch.backoff import parse_retry_after
from monitor.fetch.clock import REAL_CLOCK, Clock
from monitor.fetch.decode import ACCEPT_ENCODING, BoundedBody
from monitor.fetch.errors import FetchProblem, classify_error, one_line
from monitor.fetch.politeness import Politeness
from monitor.fetch.result import FetchResult
from monitor.fetch.robots import (
    ROBOTS_MAX_BYTES,
    ROBOTS_RETRY,
    ROBOTS_TTL,
    RobotsRules,
    agent_token,
    parse_robots,
)
from monitor.fetch.transport import AddressPolicy, GuardedTransport, Resolver
from monitor.fetch.validators import clean_etag, clean_last_modified

ALLOWED_SCHEMES = ("http", "https")
ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.8",
    "robots": "text/plain, */*;q=0.8",
}


def _user_agent(settings) -> str:
    ua = settings.user_agent.strip()
    contact = settings.contact_url.strip()
    if contact and contact not in ua:
        ua = f"{ua} (+{contact})"
    return ua


def _is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except Exception:  # noqa: BLE001 - an unparseable URL is its own host label
        return url


class Fetcher:
    """Async HTTP fetcher for feeds (``kind="feed"``) and article pages (``kind="page"``).

    Usage::

        async with Fetcher(settings.monitor) as f:
            r = await f.fetch(url, etag=stored_etag, last_modified=stored_lm, kind="feed")

    ``fetch`` never raises for network or HTTP problems; it returns a
    ``FetchResult`` with ``error_kind`` set and a one-line ``error`` that
    starts with the host.  Use one Fetcher per pass: politeness state and the
    robots.txt cache live on the instance and are shared by concurrent calls.

    - Conditional GET: If-None-Match when ``etag`` is given, else
      If-Modified-Since when ``last_modified`` is given - never both (some
      servers answer 200 to the pair and 304 to one).  304 gives
      ``not_modified=True``.  Validators are dropped if a redirect leaves the
      origin, and when they are not valid header values
      (``monitor.fetch.validators``).  Pass neither to force a full fetch.
      A 304 to a request that carried no validator is an "http" error: the
      server claims "unchanged" about nothing, and must not look healthy.
    - Politeness: ``min_host_interval`` between request starts to one host
      (raised by robots.txt Crawl-delay, capped at 60 s),
      ``per_host_concurrency`` and ``global_concurrency``.  Time spent waiting
      for politeness does not count against ``total_timeout``.
    - Limits: ``connect_timeout``; ``total_timeout`` is wall time for all hops
      of one fetch including a slow-drip body; ``max_body_bytes`` counts
      decompressed bytes (gzip/deflate only are accepted) and stops early;
      ``max_redirects`` hops, http/https only on every hop.
    - Address guard: every address a host resolves to must be public unless
      ``allow_private_addresses`` (or the address is in ``allow_networks``);
      enforced at connect time on every hop.  Environment proxies and
      certificate settings are ignored (``trust_env=False``) because a proxy
      would resolve names behind the guard's back.
    - robots.txt: pages only, see ``monitor.fetch.robots`` for the policy
      (4xx = allow all, 5xx = pages wait, network failure = the page fails
      with that cause).  Feeds are subscriptions and are not checked.
    - Error kinds: "refused" means our address policy refused; a TCP
      connection refused or reset is "other" (transient, worth retrying).
    """

    def __init__(
        self,
        settings,
        *,
        allow_networks: Iterable[str] = (),
        clock: Clock = REAL_CLOCK,
        resolver: Resolver = resolve,
    ) -> None:
        """``allow_networks``: CIDR ranges exempt from the private-address guard
        (an organisation's intranet feed server, say), on top of the
        ``allow_private_addresses`` switch that disables the guard entirely.

        ``clock`` times the deliberate waits (host intervals, Crawl-delay,
        robots.txt lifetimes); ``resolver`` turns a host name into the
        addresses the guard vets and the connection uses (the system resolver
        by default; an organisation with split-horizon DNS, or a test, may pass
        its own).  Network timeouts always run on the event loop's clock."""
        self.settings = settings
        self.clock = clock
        self.user_agent = _user_agent(settings)
        self.robots_agent = agent_token(self.user_agent)
        self.politeness = Politeness(
            settings.min_host_interval,
            settings.per_host_concurrency,
            settings.global_concurrency,
            clock,
        )
        self.policy = AddressPolicy(settings.allow_private_addresses, allow_networks)
        self.resolver = resolver
        self._client: httpx.AsyncClient | None = None
        self._robots: dict[tuple[str, str, int | None], RobotsRules] = {}
        self._robots_locks: dict[tuple[str, str, int | None], asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        timeout = httpx.Timeout(
            connect=s.connect_timeout, read=s.total_timeout, write=s.total_timeout, pool=None
        )
        limits = httpx.Limits(
            max_connections=max(1, s.global_concurrency) + 2,
            max_keepalive_connections=max(1, s.global_concurrency),
        )
        self._client = httpx.AsyncClient(
            transport=GuardedTransport(self.policy, limits, self.resolver),
            timeout=timeout,
            follow_redirects=False,
            # Proxies from the environment would resolve names for us and defeat the
            # address guard, so the environment is ignored.
            trust_env=False,
            headers={"User-Agent": self.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: str = "feed",
    ) -> FetchResult:
        if kind not in ("feed", "page"):
            raise ValueError(f"kind must be 'feed' or 'page', not {kind!r}")
        if self._client is None:
            raise RuntimeError("use 'async with Fetcher(...)' before fetching")
        # a stored value that is not a valid header value would fail every request
        etag, last_modified = clean_etag(etag), clean_last_modified(last_modified)
        return await self._fetch(url, etag, last_modified, kind, self.settings.max_body_bytes)

    # -- internals ---------------------------------------------------------

    async def _fetch(  # noqa: C901 - one loop over the hops; see CONTRIBUTING.md
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        kind: str,
        limit: int,
    ) -> FetchResult:
        loop = asyncio.get_running_loop()
        started = loop.time()
        budget = float(self.settings.total_timeout)
        spent = 0.0
        hops: list[tuple[int, str]] = []
        visited: set[str] = set()
        current = url
        first_origin = None
        host = _host_of(url)
        timed_out = f"no complete response within {budget:g} s"

        def result(**kw) -> FetchResult:
            kw.setdefault("final_url", current)
            if kw.get("error") is not None:
                shown = f"[{host}]" if _is_ipv6(host) else host
                kw["error"] = one_line(f"{shown}: {kw['error']}")
            return FetchResult(url=url, elapsed=loop.time() - started, redirects=tuple(hops), **kw)

        while True:
            try:
                u = httpx.URL(current)
            except Exception as exc:  # noqa: BLE001 - httpx rejects bad URLs in several ways
                return result(error_kind="other", error=f"invalid URL ({one_line(exc)})")
            scheme = u.scheme.lower()
            if scheme not in ALLOWED_SCHEMES:
                if not scheme:
                    cause = "URL has no scheme (only http and https are fetched)"
                elif hops:
                    cause = f"redirect to a {scheme}: URL refused (only http and https are fetched)"
                else:
                    cause = f"{scheme}: URLs are not fetched (only http and https)"
                return result(error_kind="scheme", error=cause)
            if not u.host:
                return result(error_kind="other", error="URL has no host")
            u = u.copy_with(fragment=None)
            current = str(u)
            host = u.host
            origin = (scheme, host, u.port)
            if first_origin is None:
                first_origin = origin
            visited.add(current)

            if kind == "page":
                blocked = await self._robots_check(u)
                if blocked is not None:
                    bkind, cause, retry = blocked
                    return result(error_kind=bkind, error=cause, retry_after=retry)

            headers = {"Accept": ACCEPT[kind]}
            # Validators belong to the resource we stored them for; a different
            # origin must not be asked "has it changed since" about it.
            if origin == first_origin:
                if etag:
                    headers["If-None-Match"] = etag
                elif last_modified:
                    headers["If-Modified-Since"] = last_modified

            remaining = budget - spent
            if remaining <= 0:
                return result(error_kind="timeout", error=timed_out)
            async with self.politeness.slot(host):
                t0 = loop.time()
                try:
                    async with asyncio.timeout(remaining):
                        outcome = await self._one_request(
                            u, headers, limit, truncate=(kind == "robots")
                        )
                except TimeoutError:
                    return result(error_kind="timeout", error=timed_out)
                except FetchProblem as exc:
                    return result(
                        error_kind=exc.kind, error=exc.cause, status=exc.status, headers=exc.headers
                    )
                except Exception as exc:  # noqa: BLE001 - any transport failure becomes a result
                    ekind, cause = classify_error(exc)
                    return result(error_kind=ekind, error=cause)
                finally:
                    spent += loop.time() - t0

            status, resp_headers, body, reason = outcome
            if 300 <= status < 400 and status != 304:
                location = resp_headers.get("location")
                if not location:
                    return result(
                        error_kind="redirect",
                        status=status,
                        headers=resp_headers,
                        error=f"HTTP {status} without a Location header",
                    )
                try:
                    target = str(u.join(location).copy_with(fragment=None))
                except Exception as exc:  # noqa: BLE001 - a Location httpx cannot join
                    return result(
                        error_kind="redirect",
                        status=status,
                        headers=resp_headers,
                        error=f"unusable redirect Location ({one_line(exc)})",
                    )
                hops.append((status, target))
                if target in visited:
                    return result(
                        error_kind="redirect",
                        status=status,
                        headers=resp_headers,
                        error=f"redirect loop back to {target}",
                    )
                if len(hops) > self.settings.max_redirects:
                    return result(
                        error_kind="redirect",
                        status=status,
                        headers=resp_headers,
                        error=f"more than {self.settings.max_redirects} redirects",
                    )
                current = target
                continue

            retry_after = None
            if status in (429, 503) or (status >= 400 and "retry-after" in resp_headers):
                retry_after = parse_retry_after(resp_headers.get("retry-after"))
            if status == 304:
                if kind != "robots" and not (
                    "If-None-Match" in headers or "If-Modified-Since" in headers
                ):
                    return result(
                        error_kind="http",
                        status=status,
                        headers=resp_headers,
                        error="HTTP 304 Not Modified to a request without validators "
                        "(the server answers 'unchanged' to a full fetch)",
                    )
                return result(status=status, headers=resp_headers, not_modified=True)
            if status >= 400:
                label = f"HTTP {status} {reason}".strip()
                if retry_after is not None:
                    label += f" (retry after {retry_after:g} s)"
                return result(
                    error_kind="http",
                    status=status,
                    headers=resp_headers,
                    error=label,
                    retry_after=retry_after,
                )
            return result(status=status, headers=resp_headers, body=body)

    async def _one_request(
        self, u: httpx.URL, headers: dict[str, str], limit: int, *, truncate: bool
    ) -> tuple[int, dict[str, str], bytes, str]:
        """One hop: guard the address, send, read a bounded body for 2xx."""
        assert self._client is not None
        request = self._client.build_request("GET", u, headers=headers)
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            resp_headers = {k.lower(): v for k, v in response.headers.items()}
            try:
                # the standard phrase: servers send anything here, in any case
                reason = HTTPStatus(status).phrase
            except ValueError:
                reason = one_line(response.reason_phrase or "", 60)
            if not 200 <= status < 300:
                return status, resp_headers, b"", reason
            declared = resp_headers.get("content-length", "")
            # ASCII digits only: "²".isdigit() is true and int() refuses it
            if declared.isascii() and declared.isdigit() and int(declared) > limit and not truncate:
                raise FetchProblem(
                    "size",
                    f"Content-Length {int(declared):,} exceeds the {limit:,}-byte limit",
                    status=status,
                    headers=resp_headers,
                )
            body = BoundedBody(resp_headers.get("content-encoding", ""), limit)
            try:
                async for chunk in response.aiter_raw():
                    body.feed(chunk)
                data = body.finish()
            except FetchProblem as exc:
                if exc.kind == "size" and truncate:
                    data = bytes(body.out[:limit])
                else:
                    exc.status, exc.headers = status, resp_headers
                    raise
            return status, resp_headers, data, reason
        finally:
            await response.aclose()

    async def _robots_check(self, u: httpx.URL) -> tuple[str, str, float | None] | None:
        """None when ``u`` may be fetched, else (error_kind, cause, retry_after)."""
        key = (u.scheme, u.host, u.port)
        lock = self._robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            rules = self._robots.get(key)
            if rules is None or rules.expires <= self.clock.now():
                rules = await self._load_robots(u)
                self._robots[key] = rules
                delay = rules.crawl_delay(self.robots_agent)
                if delay:
                    self.politeness.raise_interval(u.host, delay)
        allowed, cause = rules.verdict(self.robots_agent, str(u))
        if allowed:
            return None
        if rules.block_kind:
            retry = max(0.0, rules.expires - self.clock.now())
            return rules.block_kind, cause or "robots.txt unavailable", retry
        path = u.raw_path.decode("ascii", "replace")
        return "robots", f"robots.txt disallows {path} for {self.robots_agent}", None

    async def _load_robots(self, u: httpx.URL) -> RobotsRules:
        now = self.clock.now()
        robots_url = str(u.copy_with(path="/robots.txt", query=None, fragment=None))
        r = await self._fetch(robots_url, None, None, "robots", ROBOTS_MAX_BYTES)
        if r.ok:
            return parse_robots(r.body, now + ROBOTS_TTL)
        if r.error_kind == "http" and r.status is not None:
            if 400 <= r.status < 500 and r.status != 429:
                return RobotsRules(expires=now + ROBOTS_TTL)
            wait = max(ROBOTS_RETRY, r.retry_after or 0.0)
            return RobotsRules(
                expires=now + wait,
                block_kind="robots",
                block_cause=f"robots.txt answered HTTP {r.status}; pages are not fetched "
                f"until it can be read (retry in {wait:g} s)",
            )
        if r.error_kind in ("redirect", "scheme"):
            return RobotsRules(expires=now + ROBOTS_TTL)
        cause = (r.error or "").split(": ", 1)[-1]
        if r.error_kind not in ("dns", "refused"):
            # the page would hit the same host; say which request actually failed
            cause = f"robots.txt: {cause}"
        return RobotsRules(expires=now + ROBOTS_RETRY, block_kind=r.error_kind, block_cause=cause)


__all__ = ["Fetcher"]
