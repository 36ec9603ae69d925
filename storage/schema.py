"""Tables, as SQLAlchemy Core metadata.

Portable SQL only: the same tables must work on PostgreSQL for a team server,
so no SQLite-only types; timestamps are ISO-8601 UTC strings written by Python
(sortable, portable, readable in ``sqlite3``).  Migrations in
``storage/migrations`` create and evolve these tables; this module is
what queries are written against.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False, default=""),
    Column("site_url", Text, nullable=False, default=""),
    # the reader's folder ("Crime/Courts"), from OPML folders or categories
    Column("folder", Text, nullable=False, default="", server_default=""),
    Column("verified", Boolean, nullable=False, default=True),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("added_at", String(32), nullable=False),
    # conditional GET and change detection
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("last_full_fetch_at", String(32)),
    # schedule
    Column("interval_minutes", Integer, nullable=False, default=60),
    Column("next_fetch_at", String(32)),
    Column("last_fetch_at", String(32)),
    Column("last_success_at", String(32)),
    # failures: classified, kept per feed, never a reason to drop the feed
    Column("failures", Integer, nullable=False, default=0),
    Column("last_status", Integer),
    Column("last_error_kind", String(16)),  # dns|timeout|tls|http|parse|refused|size|other
    Column("last_error", Text),
    Column("parse_problem", Text),  # feed kept though ill-formed: what was wrong
)

fetch_events = Table(
    "fetch_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(32), nullable=False),
    Column("status", Integer),
    Column("error_kind", String(16)),
    Column("error", Text),
    Column("new_items", Integer, nullable=False, default=0),
    Column("seen_items", Integer, nullable=False, default=0),
    Column("not_modified", Boolean, nullable=False, default=False),
    Index("ix_fetch_events_feed", "feed_id", "at"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("outlet", Text, nullable=False, default=""),
    Column("guid", Text),
    Column("url", Text, nullable=False),
    Column("url_norm", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False, default=""),
    Column("title_norm", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("published_at", String(32)),  # the feed's date, or the fetch time when impossible
    Column("published_claimed", Text),  # the feed's date when it was impossible (in the future)
    Column("fetched_at", String(32), nullable=False),
    Column("summary", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column(
        "text_source", String(16), nullable=False, default="summary"
    ),  # extracted|fallback|summary
    Column("extract_note", Text),
    Column("raw_html_gz", LargeBinary),  # kept for re-extraction
    Column("word_count", Integer, nullable=False, default=0),
    Column("relevance", Float, nullable=False, default=0.0),
    Column("relevant", Boolean, nullable=False, default=False),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL")),
    Column("status", String(16), nullable=False, default="new"),  # new|in_review|reviewed
    Column("analysed_at", String(32)),
    Column("model", Text),
    Column("lexicon_hash", String(32)),  # lexicon.fingerprint of the lexicon analysed with
    Column("note", Text, nullable=False, default=""),
    Index("ix_articles_feed_guid", "feed_id", "guid"),
    Index("ix_articles_feed_title", "feed_id", "title_norm"),
    Index("ix_articles_status", "relevant", "status", "published_at"),
    Index("ix_articles_story", "story_id"),
)

# One row per lease ("monitor"): the process that may run passes on this database.
monitor_leases = Table(
    "monitor_leases",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("holder", Text, nullable=False),  # host:pid
    Column("holder_name", Text, nullable=False, default=""),  # a name a person recognises
    Column("acquired_at", String(32), nullable=False),
    Column("renewed_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    # where the offsets point: the stored headline ('title') or body ('text')
    Column("field", String(8), nullable=False, default="text", server_default="text"),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("entry", String(64), nullable=False),
    Column("category", String(32), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("quoted", Boolean, nullable=False, default=False),
    Column("suggestions", Text, nullable=False, default="[]"),  # JSON list
    Column("rewrite", Text),
    # review decision: pending|accepted|dismissed
    Column("decision", String(16), nullable=False, default="pending"),
    Column("reason", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("decided_by", Text, nullable=False, default=""),
    Column("decided_at", String(32)),
    # what the flag looked like when it was decided (framing.features.describe, JSON):
    # the training data of the learned review model, kept whatever the lexicon becomes
    Column("features", Text),
    # the learned review model's predicted probability that a reviewer would
    # dismiss this flag (None: not predicted yet); the queue sorts by it
    Column("dismiss_p", Float),
    # since the last re-analysis: current | changed (not as decided) | vanished (no longer found)
    Column(
        "lexicon_state", String(16), nullable=False, default="current", server_default="current"
    ),
    Column("previous", Text),  # changed: JSON of the fields as they were when decided
    # t17: bumped by each decision; a decision is written only over the version it was shown
    Column("version", Integer, nullable=False, default=0, server_default="0"),
    # r10: the legal status the engine read for the person (framing.status), and its cue
    Column("legal_status", String(16), nullable=False, default="", server_default=""),
    Column("status_cue", Text, nullable=False, default="", server_default=""),
    UniqueConstraint("article_id", "field", "start", "end", "entry", name="uq_flags_occurrence"),
    Index("ix_flags_entry", "entry", "decision"),
)

# The learned review model of this database (issue 14): one row per training,
# the newest in use.  ``model`` is the fitted scikit-learn estimator, pickled by
# ``learning.model``; it is only ever read back from the database it was trained on.
learned_models = Table(
    "learned_models",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trained_at", String(32), nullable=False),
    Column("decisions", Integer, nullable=False),  # decided flags it was trained on
    Column("lexicon_hash", String(64), nullable=False),  # the lexicon it belongs to
    Column("kind", String(32), nullable=False),  # logistic|boosting
    Column("metrics", Text, nullable=False, default="{}"),  # JSON: cross-validated figures
    Column("seconds", Float, nullable=False, default=0.0),  # training time
    Column("model", LargeBinary, nullable=False),
)

# t17: every review decision, who and when, and the flag version it produced.
flag_decisions = Table(
    "flag_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("flag_id", Integer, ForeignKey("flags.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, nullable=False),
    Column("decision", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("by", Text, nullable=False, default=""),
    Column("at", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("flag_id", "version", name="uq_flag_decisions_version"),
    Index("ix_flag_decisions_by", "by", "at"),
)

# t17: who has an article open for review, until when.
article_leases = Table(
    "article_leases",
    metadata,
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("holder", Text, nullable=False),
    Column("session", Text, nullable=False),
    Column("acquired_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)

# The constructive-journalism profile of an article (issue 13): one row per
# article, recomputed with its analysis.  ``profile`` is the whole record as
# JSON (``framing.profile.Profile.to_json``); the columns beside it are what
# the queue filters and the overview counts in SQL.
article_profiles = Table(
    "article_profiles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("computed_at", String(32), nullable=False),
    Column("score", Integer, nullable=False),
    Column("thematic", Boolean, nullable=False),
    Column("lived_experience", Boolean, nullable=False),
    Column("solutions", Boolean, nullable=False),
    Column("evidence", Boolean, nullable=False),
    Column("voices", Integer, nullable=False),
    Column("profile", Text, nullable=False),
    Index("ix_article_profiles_score", "score"),
)
