"""What one monitoring pass did: per feed, and in total (printed, returned as JSON, logged)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from core import logging as fwlogging

log = logging.getLogger("monitor.pipeline")


@dataclass
class FeedOutcome:
    feed_id: int
    name: str
    url: str
    status: int | None = None
    error_kind: str | None = None
    error: str | None = None
    new: int = 0
    seen: int = 0
    not_modified: bool = False
    unchanged: bool = False
    rejected: list[str] = field(default_factory=list)  # items left out: "item: kind: cause"

    def line(self) -> str:
        who = self.name or self.url
        error = self.error or ""
        if error.startswith(who + ": "):
            error = error[len(who) + 2 :]
        return f"{who}: {self.error_kind}: {error}"

    def log(self) -> None:
        """One structured line for a failed feed (level info: feeds fail routinely)."""
        fwlogging.event(
            log,
            logging.INFO,
            "monitor.feed_failed",
            feed_id=self.feed_id,
            feed=self.name or self.url,
            url=self.url,
            kind=self.error_kind,
            status=self.status,
            error=self.error,
        )

    def log_rejected(self, kind: str, item: str, cause: str) -> None:
        """One structured line per item left out of a feed that was read."""
        fwlogging.event(
            log,
            logging.INFO,
            "monitor.item_rejected",
            feed_id=self.feed_id,
            feed=self.name or self.url,
            kind=kind,
            item=item,
            error=cause,
        )


@dataclass
class PassResult:
    feeds: int = 0
    ok: int = 0
    failed: int = 0
    not_modified: int = 0
    articles: int = 0
    relevant: int = 0
    analysed: int = 0
    flags: int = 0  # in the writer's voice (counted as every list counts: storage.queue)
    quoted: int = 0  # inside quotations, counted apart
    stories: int = 0
    elapsed: float = 0.0
    stopped: bool = False
    analysis_note: str | None = None
    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [o.line() for o in self.outcomes if o.error_kind]

    @property
    def rejected(self) -> list[str]:
        """Items left out of feeds that were read: "feed: item: kind: cause"."""
        return [f"{o.name or o.url}: {line}" for o in self.outcomes for line in o.rejected]

    def summary(self) -> str:
        text = (
            f"{self.feeds} feeds ({self.ok} ok, {self.not_modified} unchanged, {self.failed} failed); "
            f"{self.articles} new articles, {self.relevant} relevant, {self.analysed} analysed, "
            f"{self.flags} flags (+{self.quoted} quoted), {self.stories} new stories in {self.elapsed:.1f}s"
        )
        if self.rejected:
            text += f"; {len(self.rejected)} item(s) left out"
        if self.stopped:
            text += " (stopped early)"
        if self.analysis_note:
            text += f"; analysis skipped: {self.analysis_note}"
        return text

    def log(self) -> None:
        """One structured line for the pass."""
        fwlogging.event(
            log,
            logging.INFO,
            "monitor.pass",
            feeds=self.feeds,
            ok=self.ok,
            not_modified=self.not_modified,
            failed=self.failed,
            articles=self.articles,
            relevant=self.relevant,
            analysed=self.analysed,
            flags=self.flags,
            quoted=self.quoted,
            stories=self.stories,
            seconds=round(self.elapsed, 2),
            rejected=len(self.rejected) or None,
            stopped=self.stopped,
            analysis_note=self.analysis_note,
        )
