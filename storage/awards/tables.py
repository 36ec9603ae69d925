"""Awards tables as SQLAlchemy Core metadata (created by migration a001_awards,
evolved by a002_awards_stages_current).

Defined on the monitor's ``metadata`` so queries can join ``articles``; kept
here rather than in ``storage/schema.py`` because the awards branch of
the migrations is owned and evolved separately.  JSON values are stored as
text for portability (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from storage.schema import metadata

cycles = Table(
    "award_cycles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("name", Text, nullable=False, unique=True),
    Column("window_start", String(10), nullable=False),
    Column("window_end", String(10), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list of names
    Column("criteria", Text, nullable=False),  # JSON list of [key, label]
    Column("scale_min", Integer, nullable=False, default=1),
    Column("scale_max", Integer, nullable=False, default=5),
    Column("max_items", Integer, nullable=False, default=3),
    Column("max_citation_words", Integer, nullable=False, default=500),
    Column("shortlist_target", Integer, nullable=False, default=5),
    Column("created_at", String(32), nullable=False),
    Column("created_by", Text, nullable=False, default=""),
    # a002: entries per category that may be highly commended (one winner is fixed)
    Column("highly_commended_max", Integer, nullable=False, default=2),
    # a002: an archived cycle is read-only and hidden from the defaults
    Column("archived_at", String(32)),
    Column("archived_by", Text, nullable=False, default=""),
)

nominations = Table(
    "award_nominations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("award_cycles.id", ondelete="CASCADE"), nullable=False),
    Column("category", Text, nullable=False),
    Column("article_id", Integer),  # monitor article it came from; not a FK on purpose
    Column("title", Text, nullable=False, default=""),
    Column("outlet", Text, nullable=False, default=""),
    Column("journalists", Text, nullable=False, default="[]"),  # JSON list
    Column("url", Text, nullable=False, default=""),
    Column("published_on", String(10)),
    Column("nominator", Text, nullable=False, default=""),
    Column("citation", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column(
        "eligibility", String(16), nullable=False, default="eligible"
    ),  # eligible|ineligible|overridden
    Column("reasons", Text, nullable=False, default="[]"),  # JSON list of {code, message}
    Column("override_reason", Text, nullable=False, default=""),
    Column("stage", String(16), nullable=False, default="longlist"),  # longlist|shortlist|declined
    Column("stage_reason", Text, nullable=False, default=""),
    Column("decision", String(24), nullable=False, default=""),
    Column("decision_note", Text, nullable=False, default=""),
    Column("profile", Text),  # JSON Profile, or {"unavailable": why}
    Column("created_at", String(32), nullable=False),
    Column("created_by", Text, nullable=False, default=""),
)

judges = Table(
    "award_judges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("award_cycles.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("added_by", Text, nullable=False, default=""),
    # a002: taken off the panel (rows kept; their scores stop counting)
    Column("removed_at", String(32)),
    Column("removed_by", Text, nullable=False, default=""),
    Column("removed_reason", Text, nullable=False, default=""),
    UniqueConstraint("cycle_id", "name", name="uq_award_judges_name"),
)

recusals = Table(
    "award_recusals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "nomination_id",
        Integer,
        ForeignKey("award_nominations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("judge_id", Integer, ForeignKey("award_judges.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Column("by", Text, nullable=False, default=""),
    UniqueConstraint("nomination_id", "judge_id", name="uq_award_recusals"),
)

sheets = Table(
    "award_sheets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "nomination_id",
        Integer,
        ForeignKey("award_nominations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("judge_id", Integer, ForeignKey("award_judges.id", ondelete="CASCADE"), nullable=False),
    Column("scores", Text, nullable=False, default="{}"),  # JSON {criterion key: int}
    Column("comment", Text, nullable=False, default=""),
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", Text, nullable=False, default=""),
    UniqueConstraint("nomination_id", "judge_id", name="uq_award_sheets"),
)

audit = Table(
    "award_audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("award_cycles.id", ondelete="SET NULL")),
    Column("at", String(32), nullable=False),
    Column("who", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(16), nullable=False),
    Column("entity_id", Integer),
    Column("details", Text, nullable=False, default="{}"),  # JSON
)

# a002: values every front end must agree on, one row per key ("current_cycle")
settings = Table(
    "award_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False, default=""),
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", Text, nullable=False, default=""),
)
