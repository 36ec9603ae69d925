"""The queue's bulk mark-reviewed and reopen: all of a selection, or none of it."""

from __future__ import annotations

import pytest

from monitor.review import article
from monitor.review.model import ReviewError


def _statuses(db):
    return [article.get_article(db, i).status for i in db.article_ids]


def test_set_status_many_changes_every_article_in_one_go(filled_db):
    first, second, third = filled_db.article_ids
    assert article.set_status_many(filled_db, [first, third, first], "reviewed") == 2
    assert _statuses(filled_db) == ["reviewed", "new", "reviewed"]
    assert article.set_status_many(filled_db, [third], "in_review") == 1  # reopen
    assert _statuses(filled_db) == ["reviewed", "new", "in_review"]


def test_an_unknown_article_changes_none_of_the_selection(filled_db):
    first, second, _ = filled_db.article_ids
    with pytest.raises(ReviewError, match=r"^article 9999: not found \(no status changed\)$"):
        article.set_status_many(filled_db, [first, second, 9999], "reviewed")
    assert _statuses(filled_db) == ["new", "new", "new"]
    with pytest.raises(ReviewError, match="unknown status 'done'"):
        article.set_status_many(filled_db, [first], "done")
