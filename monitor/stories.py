"""Group syndicated copies (PA/Reuters wire, lightly edited) into stories.

Each article becomes a hashed vector of its word 2- and 3-grams (stateless
``HashingVectorizer``: nothing to fit, so articles can be added one at a time
across passes and processes).  A new article joins the story of its nearest
recent neighbour when their cosine similarity is at least ``THRESHOLD``;
otherwise it starts a story of its own.  Word bigrams and trigrams make the
measure about shared *phrasing*, not shared topic: two different prison
stories share "prison" and "inspectors" but few word runs, while a wire copy
with a new intro and a trimmed ending shares most of them.  On the offline
sample the three copies of the wire story score 0.75-0.76 against each other
and the closest unrelated pair 0.06 (with single words included that pair
rose to 0.38, too close for comfort), hence the threshold 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from storage.db import Connection, iso_minus
from storage.stories import recent_members

THRESHOLD = 0.5
WINDOW_DAYS = 4  # wire copies appear within a day or two of each other
MIN_WORDS = 40  # below this (a bare summary) only a near-identical text may join
SHORT_THRESHOLD = 0.8
_CHARS = 6000  # the opening carries the wire copy; tails differ by outlet


@cache
def _vectorizer():
    # imported on first use: scikit-learn pulls in SciPy (seconds on a busy
    # machine), which `framewatch monitor list` should not pay for
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="word",
        ngram_range=(2, 3),
        n_features=2**20,
        alternate_sign=False,
        norm="l2",
        lowercase=True,
        token_pattern=r"(?u)\b\w+\b",
    )


def story_text(title: str, text: str) -> str:
    return f"{title}\n{(text or '')[:_CHARS]}"


def vectorize(texts: list[str]):
    return _vectorizer().transform(texts)


@dataclass
class StoryIndex:
    """Recent articles' vectors, queried one new article at a time.

    Rows live in a column-oriented (CSC) matrix so a query touches only the
    columns of its own n-grams (an inverted index, in effect) rather than
    every stored article; new rows wait in a small list and are merged every
    ``MERGE_EVERY`` additions.  Rebuilding the matrix per article made a
    6,000-article pass quadratic."""

    threshold: float = THRESHOLD
    story_ids: list[int] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    _main: object = None  # CSC matrix of merged rows
    _pending: list = field(default_factory=list)
    MERGE_EVERY = 64  # 3,000-article run: 5.5 ms per article at 256, 3.3 at 64, 3.4 at 32

    @classmethod
    def load(cls, conn: Connection, now: str, threshold: float = THRESHOLD) -> StoryIndex:
        index = cls(threshold=threshold)
        rows = recent_members(conn, iso_minus(now, days=WINDOW_DAYS))
        if rows:
            texts = [story_text(r.title, r.text or r.summary) for r in rows]
            matrix = vectorize(texts)
            index._main = matrix.tocsc()
            index.story_ids = [r.story_id for r in rows]
            index.words = [len(t.split()) for t in texts]
        return index

    def _merge(self) -> None:
        import scipy.sparse as sp

        parts = ([self._main] if self._main is not None else []) + self._pending
        self._main = sp.vstack(parts).tocsc()
        self._pending = []

    def nearest(self, vector, words: int) -> tuple[int | None, float]:
        """(story id, similarity) of the closest recent article that is close enough."""
        import numpy as np
        import scipy.sparse as sp

        if not self.story_ids or vector.nnz == 0:
            return None, 0.0
        vector = vector.tocsr()
        cols, weights = vector.indices, vector.data
        sims = []
        if self._main is not None:
            sims.append(np.asarray(self._main[:, cols] @ weights).ravel())
        if self._pending:
            sims.append(np.asarray((sp.vstack(self._pending) @ vector.T).todense()).ravel())
        sims = np.concatenate(sims)
        best = int(sims.argmax())
        sim = float(sims[best])
        needed = self.threshold if min(words, self.words[best]) >= MIN_WORDS else SHORT_THRESHOLD
        return (self.story_ids[best], sim) if sim >= needed else (None, sim)

    def add(self, story_id: int, vector, words: int) -> None:
        self.story_ids.append(story_id)
        self.words.append(words)
        self._pending.append(vector.tocsr())
        if len(self._pending) >= self.MERGE_EVERY:
            self._merge()
