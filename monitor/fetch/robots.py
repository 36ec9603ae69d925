"""robots.txt policy for article pages (RFC 9309).

Feeds are never checked: a feed URL is an explicit subscription, and no feed
reader we studied (Miniflux, FreshRSS, TT-RSS, NewsBlur, Media Cloud) reads
robots.txt for it.  Article pages are crawled, so they are checked.

Outcomes of fetching ``/robots.txt``, following RFC 9309 section 2.3.1:
- 2xx: parsed with ``urllib.robotparser``; cached for ``ROBOTS_TTL``.
- 4xx other than 429 ("unavailable"): everything allowed; cached for ``ROBOTS_TTL``.
- 5xx or 429 ("unreachable"): complete disallow for ``ROBOTS_RETRY`` seconds
  (or the server's Retry-After if longer), then we ask again.  Google does the
  same; allowing would mean crawling a site exactly when it is struggling.
- network failure (DNS, timeout, TLS, refused): the page fetch reports that
  failure (the page lives on the same host) and it is remembered for
  ``ROBOTS_RETRY`` so a pass does not hammer a dead host once per article.
- too many redirects / a redirect to another scheme: treated as unavailable
  (allow), as the RFC says.
``urllib.robotparser`` applies the first matching rule rather than the most
specific one; that errs towards the site's earlier lines and is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 600.0
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least the first 500 KiB
# A Crawl-delay beyond this is capped so one host cannot stall a whole pass.
MAX_CRAWL_DELAY = 60.0


@dataclass
class RobotsRules:
    expires: float
    parser: RobotFileParser | None = None  # None with no block: allow everything
    block_kind: str | None = None  # set: every page on the host fails with this kind
    block_cause: str | None = None

    def verdict(self, agent: str, url: str) -> tuple[bool, str | None]:
        if self.block_kind:
            return False, self.block_cause
        if self.parser is None or self.parser.can_fetch(agent, url):
            return True, None
        return False, None

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests:
            delay = max(delay or 0, rate.seconds / rate.requests)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)


def parse_robots(body: bytes, expires: float) -> RobotsRules:
    parser = RobotFileParser()
    parser.parse(body.decode("utf-8", "replace").splitlines())
    return RobotsRules(expires=expires, parser=parser)


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups match against ("Framewatch")."""
    return user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "*"
