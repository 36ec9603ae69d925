"""Messages that carry worker results back to the UI thread.

Workers never touch widgets; they post one of these to the screen that asked,
and a single ``@on`` handler there updates the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class QueueLoaded(Message):
    page: Any  # monitor.review.model.QueuePage
    append: bool  # True: a further page for the same filter
    generation: int  # drops pages for a filter the reviewer already changed


@dataclass
class OptionsLoaded(Message):
    options: Any  # monitor.review.model.Options
    learned: bool = False  # a current learned model ranks the queue


@dataclass
class ArticleLoaded(Message):
    article: Any  # monitor.review.model.ArticleView
    # flag id -> learning.service.Prediction (empty without a learned model)
    predictions: dict = field(default_factory=dict)


@dataclass
class ModelRetrained(Message):
    """The learned review model was retrained in a worker."""

    status: Any  # learning.service.ModelStatus


@dataclass
class FlagSaved(Message):
    flag: Any  # monitor.review.model.ReviewFlag, as stored
    what: str  # "accepted", "dismissed", "note", ...


@dataclass
class ArticleSaved(Message):
    article_id: int
    what: str


@dataclass
class StatusesSaved(Message):
    """The queue's bulk status change is committed."""

    article_ids: tuple[int, ...]
    status: str


@dataclass
class DraftChecked(Message):
    text: str  # the text the flags were computed on
    flags: list  # list[framing.Flag]
    elapsed: float

    def can_replace(self, message: Message) -> bool:
        # Only the newest result matters; older ones are stale.
        return isinstance(message, DraftChecked)


@dataclass
class DraftCheckFailed(Message):
    """The engine could not check the draft: the status line must say so,
    never "No flags." (which would tell the trainer the copy is clean)."""

    error: str


@dataclass
class ServiceFailed(Message):
    """A worker's one-line error (database locked, file unreadable...)."""

    error: str


@dataclass
class LexiconLoaded(Message):
    stats: Any  # tuple[monitor.review.LexiconStat, ...]


@dataclass
class OverviewLoaded(Message):
    overview: Any  # monitor.review.model.Overview


@dataclass
class AwardsLoaded(Message):
    """One read of the current award cycle for the awards screen, or the one
    line saying why there is none (no cycle yet, several and none current)."""

    data: Any  # tui.screens.awards.CycleData | str
    generation: int


@dataclass
class LexiconStale(Message):
    articles: int  # analysed with another lexicon than the engine's


@dataclass
class ReanalyseProgress(Message):
    done: int
    total: int


@dataclass
class Reanalysed(Message):
    result: Any  # monitor.reanalyse.Reanalysis
