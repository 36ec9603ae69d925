"""Article review: the text with flags in place, one flag at a time.

Every decision is written by a worker in its own transaction the moment the
key is pressed; the screen only redraws from what the database returned.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.bindings import bindings_for
from tui.flagstyle import STATUS_LABEL
from tui.messages import ArticleLoaded, ArticleSaved, FlagSaved, ServiceFailed
from tui.sanitize import one_line
from tui.screens.prompt import PromptDialog
from tui.widgets.article_text import ArticleText
from tui.widgets.flag_panel import FlagPanel
from tui.widgets.profile_panel import ProfilePanel


class ReviewScreen(Screen):
    SCOPE = "review"
    HELP_TITLE = "Article review"
    BINDINGS = bindings_for("review")
    AUTO_FOCUS = "ArticleText"
    DEFAULT_CSS = """
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen ArticleText { width: 3fr; }
    ReviewScreen #review-side { width: 2fr; min-width: 36; }
    ReviewScreen FlagPanel { height: 1fr; }
    ReviewScreen ProfilePanel { height: 1fr; }
    ReviewScreen #review-meta { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: Any = None
        self.flags: list[Any] = []
        self.current: int | None = None
        # flag id -> learning.service.Prediction; folded ones are "probably noise"
        self.predictions: dict[int, Any] = {}
        self.show_noise = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("Loading…", id="review-meta")
        with Horizontal(id="review-body"):
            yield ArticleText(id="article")
            with Vertical(id="review-side"):
                yield FlagPanel(id="flag-panel")
                yield ProfilePanel(id="profile-panel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load_article()
        from monitor.review.article import LEASE_SECONDS

        self.set_interval(LEASE_SECONDS / 3, self.renew_lease)

    # ------------------------------------------------------------------ workers

    @work(thread=True, exclusive=True, group="review-load", exit_on_error=False)
    def load_article(self) -> None:
        from monitor.review import article

        try:
            article.start_review(self.app.db, self.article_id)
            self._hold()
            view = article.get_article(
                self.app.db,
                self.article_id,
                lexicon=self.app.get_lexicon(),
                viewer=self.app.reviewer,
            )
        except Exception as exc:  # noqa: BLE001 - shown as one line, never a traceback
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(ArticleLoaded(view, self._predict()))

    def _predict(self) -> dict[int, Any]:
        """The learned model's predictions for this article's flags; none when
        there is no model or it cannot be used (the review works without)."""
        from core.errors import FramewatchError
        from learning.service import load, predict

        try:
            if load(self.app.db) is None:
                return {}  # no model: the engine (spaCy) is not even loaded for it
            lexicon = self.app.get_lexicon()
            if lexicon is None:
                return {}
            return predict(
                self.app.db,
                self.article_id,
                lexicon,
                self.app.learning_settings,
                engine=self._tagger_engine(),
            )
        except FramewatchError:
            return {}

    def _hold(self) -> None:
        """Mark the article as open by this reviewer (renewed while it stays open)."""
        import os
        import socket

        from monitor.review import article

        article.open_article(
            self.app.db,
            self.article_id,
            who=self.app.reviewer,
            session=f"{socket.gethostname()}:{os.getpid()}",
        )

    @work(thread=True, group="review-lease", exit_on_error=False)
    def renew_lease(self) -> None:
        try:
            self._hold()
        except Exception:  # noqa: BLE001 - a missed renewal only lets the mark expire early
            return

    def on_unmount(self) -> None:
        # the app's worker, not the screen's: this screen's workers end with it
        db, article_id, who = self.app.db, self.article_id, self.app.reviewer

        def release() -> None:
            from monitor.review import article

            try:
                article.close_article(db, article_id, who=who)
            except Exception:  # noqa: BLE001 - the mark expires by itself
                return

        self.app.run_worker(release, thread=True, group="review-lease", exit_on_error=False)

    @work(thread=True, group="review-save", exit_on_error=False)
    def save_decision(
        self, flag_id: int, decision: str, reason: str = "", shown: int | None = None
    ) -> None:
        from monitor.review import article
        from monitor.review.model import DecisionConflict

        try:
            flag = article.decide(
                self.app.db,
                flag_id,
                decision,
                reason=reason,
                by=self.app.reviewer,
                lexicon=self.app.get_lexicon(),
                engine=self._tagger_engine(),
                shown=shown,
                team=getattr(getattr(self.app, "settings", None), "team", None),
            )
        except DecisionConflict as conflict:
            # nothing was saved: show theirs in place and say whose it is
            self.post_message(FlagSaved(conflict.current, "conflict"))
            self.post_message(ServiceFailed(str(conflict)))
            return
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(FlagSaved(flag, decision))

    def _tagger_engine(self) -> Any:
        """The engine that describes a decided flag's context, or None when it
        cannot be built (no spaCy model): the decision is saved either way."""
        from core.errors import FramewatchError

        try:
            return self.app.get_engine()
        except FramewatchError:
            return None

    @work(thread=True, group="review-save", exit_on_error=False)
    def save_flag_note(self, flag_id: int, note: str) -> None:
        from monitor.review import article

        try:
            flag = article.set_flag_note(self.app.db, flag_id, note, lexicon=self.app.get_lexicon())
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(FlagSaved(flag, "note"))

    @work(thread=True, group="review-save", exit_on_error=False)
    def save_article(self, what: str, value: str) -> None:
        from monitor.review import article

        try:
            if what == "status":
                article.set_status(self.app.db, self.article_id, value)
            else:
                article.set_article_note(self.app.db, self.article_id, value)
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.post_message(ArticleSaved(self.article_id, f"{what}:{value}"))

    # ------------------------------------------------------------------ results

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        self.article = message.article
        self.flags = list(self.article.flags)
        self.predictions = dict(message.predictions)
        self.current = next(
            (i for i, f in enumerate(self.flags) if f.decision == "pending" and self._shown(i)),
            next((i for i in range(len(self.flags)) if self._shown(i)), None),
        )
        self.sub_title = one_line(self.article.title, 80)
        self._update_meta()
        profile = getattr(self.article, "profile", None)
        self.query_one(ArticleText).show(
            self.article.title, self.article.text, self.flags, self.current, _speakers(profile)
        )
        self.query_one(ProfilePanel).show(profile)
        self._update_panel()

    @on(FlagSaved)
    def _flag_saved(self, message: FlagSaved) -> None:
        flag = message.flag
        index = next((i for i, f in enumerate(self.flags) if f.id == flag.id), None)
        if index is None:
            return
        self.flags[index] = flag
        self.query_one(ArticleText).update_flag(index, flag)
        if self.article is not None and self.article.status == "new":
            self.article = replace(self.article, status="in_review")
        if message.what in ("accepted", "dismissed"):
            self.app.decision_made()
        if message.what in ("accepted", "dismissed") and index == self.current:
            # Move on to the next flag still waiting for a decision.
            nxt = next(
                (
                    i
                    for i in range(index + 1, len(self.flags))
                    if self.flags[i].decision == "pending" and self._shown(i)
                ),
                None,
            )
            if nxt is not None:
                self._go(nxt)
            elif not any(
                f.decision == "pending" for i, f in enumerate(self.flags) if self._shown(i)
            ):
                self.notify(
                    "Every flag has a decision. Press r to mark the article reviewed.",
                    title="All flags decided",
                    timeout=5,
                )
        self._update_meta()
        self._update_panel()

    @on(ArticleSaved)
    def _article_saved(self, message: ArticleSaved) -> None:
        what, _, value = message.what.partition(":")
        if self.article is None:
            return
        if what == "status":
            was = self.article.status
            self.article = replace(self.article, status=value)
            if was == "reviewed" and value == "in_review":
                self.notify("Reopened: the article is in review again.", title="Saved")
            else:
                self.notify(f"Marked {value.replace('_', ' ')}.", title="Saved")
        else:
            self.article = replace(self.article, note=value)
            self.notify("Article note saved.", title="Saved")
        self._update_meta()

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.notify(message.error, title="Could not complete", severity="error")

    # ------------------------------------------------------------------ display

    def _update_meta(self) -> None:
        a = self.article
        if a is None:
            return
        decided = sum(1 for f in self.flags if f.decision != "pending")
        bits = [
            one_line(a.outlet) or "(no outlet)",
            (a.published_at or "")[:10],
            STATUS_LABEL.get(a.status, a.status),
            f"{decided}/{len(self.flags)} flags decided",
        ]
        noise = self.noise_count
        if noise:
            bits.append(
                f"{noise} probably noise ({'shown' if self.show_noise else 'folded'}; z to "
                f"{'fold' if self.show_noise else 'show'})"
            )
        if a.copies:
            outlets = ", ".join(dict.fromkeys(one_line(c.outlet) or "?" for c in a.copies))
            bits.append(f"also in {one_line(outlets, 50)}")
        if a.note:
            bits.append(f"note: {one_line(a.note, 40)}")
        if a.open_by:
            bits.append(f"also open by {one_line(a.open_by, 30)}")
        self.query_one("#review-meta", Static).update(" · ".join(b for b in bits if b))

    def _update_panel(self) -> None:
        panel = self.query_one(FlagPanel)
        if self.current is None or not self.flags:
            panel.show(None)
            return
        flag = self.flags[self.current]
        position = f"flag {self.current + 1} of {len(self.flags)}"
        if getattr(flag, "field", "text") == "title":
            position += " · in the headline"
        panel.show(
            flag,
            self.query_one(ArticleText).source_of(flag),
            position,
            self.predictions.get(flag.id),
        )

    def _go(self, index: int) -> None:
        self.current = index
        self.query_one(ArticleText).set_current(index)
        self._update_panel()

    def _folded(self, index: int) -> bool:
        """In the "probably noise" group: pending, and predicted at or above the
        fold threshold by a model that is not stale (``Prediction.folded``)."""
        p = self.predictions.get(self.flags[index].id)
        return bool(p is not None and p.folded and self.flags[index].decision == "pending")

    def _shown(self, index: int) -> bool:
        return self.show_noise or not self._folded(index)

    @property
    def noise_count(self) -> int:
        return sum(1 for i in range(len(self.flags)) if self._folded(i))

    @property
    def current_flag(self) -> Any | None:
        if self.current is None or not self.flags:
            return None
        return self.flags[self.current]

    # ------------------------------------------------------------------ actions

    def action_next_flag(self) -> None:
        start = -1 if self.current is None else self.current
        nxt = next((i for i in range(start + 1, len(self.flags)) if self._shown(i)), None)
        if nxt is not None:
            self._go(nxt)
        elif self.flags:
            more = (
                " (z shows the probable noise)" if self.noise_count and not self.show_noise else ""
            )
            self.notify(f"This is the last flag{more}.", timeout=2)

    def action_prev_flag(self) -> None:
        if self.flags and self.current:
            prev = next((i for i in range(self.current - 1, -1, -1) if self._shown(i)), None)
            if prev is not None:
                self._go(prev)

    def action_toggle_noise(self) -> None:
        """Show or fold the "probably noise" group; folded flags are never
        deleted, only skipped by n/p and counted apart."""
        if not self.noise_count:
            self.notify("No flag here is predicted to be noise.", timeout=2)
            return
        self.show_noise = not self.show_noise
        if self.show_noise:
            first = next(i for i in range(len(self.flags)) if self._folded(i))
            self._go(first)
        elif self.current is not None and not self._shown(self.current):
            nxt = next((i for i in range(len(self.flags)) if self._shown(i)), None)
            if nxt is not None:
                self._go(nxt)
            else:
                self.current = None
                self._update_panel()
        self._update_meta()

    def action_accept(self) -> None:
        flag = self.current_flag
        if flag is not None:
            self.save_decision(flag.id, "accepted", shown=flag.version)

    def action_undecide(self) -> None:
        flag = self.current_flag
        if flag is not None:
            self.save_decision(flag.id, "pending", shown=flag.version)

    def action_dismiss(self) -> None:
        flag = self.current_flag
        if flag is None:
            return

        def done(reason: str | None) -> None:
            if reason is not None:
                self.save_decision(flag.id, "dismissed", reason, shown=flag.version)

        self.app.push_screen(
            PromptDialog(
                f"Dismiss “{one_line(flag.text)}”: reason (optional)",
                flag.reason,
                placeholder="e.g. official name, used correctly",
            ),
            done,
        )

    def action_note(self) -> None:
        flag = self.current_flag
        if flag is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.save_flag_note(flag.id, note)

        self.app.push_screen(PromptDialog(f"Note on “{one_line(flag.text)}”", flag.note), done)

    def action_article_note(self) -> None:
        if self.article is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.save_article("note", note)

        self.app.push_screen(PromptDialog("Note on this article", self.article.note), done)

    def action_mark_reviewed(self) -> None:
        """Mark reviewed; with flags still pending, ask first, naming how many,
        so an article is never closed by a stray key with work left in it."""
        if self.article is None:
            return
        if self.article.status == "reviewed":
            self.notify("Already reviewed. R reopens it.", timeout=4)
            return
        pending = sum(1 for f in self.flags if f.decision == "pending")
        if not pending:
            self.save_article("status", "reviewed")
            return
        from tui.screens.confirm import ConfirmDialog

        def answer(ok: bool | None) -> None:
            if ok:
                self.save_article("status", "reviewed")

        self.app.push_screen(
            ConfirmDialog(
                f"{pending} of {len(self.flags)} flags {'is' if pending == 1 else 'are'} "
                "still pending (no decision yet). "
                "Mark the article reviewed anyway?",
                yes="Mark reviewed",
                no="Keep reviewing",
            ),
            answer,
        )

    def action_reopen(self) -> None:
        if self.article is None:
            return
        if self.article.status != "reviewed":
            self.notify("Not reviewed yet: nothing to reopen.", timeout=4)
            return
        self.save_article("status", "in_review")

    def action_open_url(self) -> None:
        if self.article is None:
            return
        url = self.article.url
        if not url.startswith(("http://", "https://")):
            self.notify(
                "This article has no web address (it was entered by hand).", severity="warning"
            )
            return
        self.app.open_url(url)
        self.notify(f"Opening {one_line(url, 60)}", timeout=3)

    def action_nominate(self) -> None:
        if self.article is None:
            return
        from tui.screens.nominate import NominateDialog

        def done(nomination: int | None) -> None:
            if nomination:
                self.notify(
                    f"Nominated for the media awards (nomination {nomination}).", title="Awards"
                )

        self.app.push_screen(
            NominateDialog(self.app.db, article_id=self.article_id, reviewer=self.app.reviewer),
            done,
        )

    def action_back(self) -> None:
        self.dismiss()


def _speakers(profile: dict[str, Any] | None) -> list[tuple[int, int, str]]:
    """Where each distinct quoted speaker is named in the body, with its role's symbol."""
    from tui.profilestyle import ROLE_SYMBOL

    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int, str]] = []
    for v in (profile or {}).get("voices", ()):
        a, b = v.get("speaker_start"), v.get("speaker_end")
        if a is None or b is None or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append((a, b, ROLE_SYMBOL.get(v.get("role", "other"), "●")))
    return sorted(out)
