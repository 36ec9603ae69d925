"""What the keys do on the media awards screen (``tui/screens/awards.py``):
sift moves, decisions, judges, scores, recusals, exports.  Each action calls
an awards service on the screen's database and reloads the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from awards import cycles, exports, judging, lifecycle, rules, sift
from awards.rules import DECISIONS
from core.errors import FramewatchError
from tui.sanitize import one_line


class AwardsActions:
    """The awards screen's actions, as a mixin of :class:`AwardsScreen`."""

    # provided by the screen
    db: Any
    cycle: Any
    judges: Any
    sheets: Any

    # ------------------------------------------------------------------ helpers

    def _run(self, fn, *args, done: str = "", **kw) -> bool:
        try:
            fn(self.db, *args, **kw)
        except FramewatchError as exc:
            self.notify(one_line(str(exc)), title="Awards", severity="error")
            return False
        if done:
            self.notify(done, timeout=3)
        self.load()
        return True

    def _ask(self, question: str, then, placeholder: str = "") -> None:
        from tui.screens.prompt import PromptDialog

        def answered(value: str | None) -> None:
            if value is not None:
                then(value)

        self.app.push_screen(PromptDialog(question, placeholder=placeholder), answered)

    # ------------------------------------------------------------------ actions

    def action_move(self, to: str) -> None:
        n = self._selected_or_say()
        if n is not None:
            self._run(sift.move, n.id, to, who=self.who, done=f"#{n.id} {rules.moved_to(to)}")

    def action_decline(self) -> None:
        n = self._selected_or_say()
        if n is not None:
            self._ask(
                f"Why decline #{n.id} {one_line(n.title, 50)}?",
                lambda reason: self._run(
                    sift.move, n.id, "declined", reason, who=self.who, done=f"#{n.id} declined"
                ),
            )

    def action_override(self) -> None:
        n = self._selected_or_say()
        if n is not None:
            self._ask(
                f"Why accept #{n.id} despite: {one_line('; '.join(r.message for r in n.reasons), 120)}?",
                lambda reason: self._run(
                    sift.override_eligibility,
                    n.id,
                    reason,
                    who=self.who,
                    done=f"#{n.id} accepted by override",
                ),
            )

    def action_suggest(self) -> None:
        """Coverage worth inviting nominations for (issue 13): the cycle's eligible,
        not yet nominated articles ranked by their constructive profile."""
        from awards.suggest import suggest
        from tui.screens.awards_suggestions import AwardsSuggestionsDialog

        if self.cycle is None:
            self.notify("No current cycle (c makes the next open cycle current).", title="Awards")
            return
        try:
            found = suggest(self.db, self.cycle)
        except FramewatchError as exc:
            self.notify(one_line(str(exc)), title="Awards", severity="error")
            return
        self.app.push_screen(AwardsSuggestionsDialog(self.cycle.name, found))

    def action_nominate(self) -> None:
        from tui.screens.nominate import NominateDialog

        self.app.push_screen(
            NominateDialog(self.db, reviewer=self.reviewer), lambda _id: self.load()
        )

    def _selected_or_say(self) -> Any:
        """The selected nomination, or a one-line notice that there is none."""
        n = self.selected
        if n is None:
            self.notify(
                "No nomination selected: nominate one with n, or from an article with w.",
                severity="warning",
            )
        return n

    def action_decide(self) -> None:
        n = self._selected_or_say()
        if n is None:
            return
        choices = ", ".join(d for d in DECISIONS if d) + ", none"

        def do(answer: str) -> None:
            decision, _, note = answer.strip().partition(" ")
            self._run(sift.decide, n.id, decision, note, who=self.who, done=f"#{n.id}: {decision}")

        self._ask(
            f"Decision for #{n.id} ({choices}), then an optional note:",
            do,
            placeholder="winner Unanimous; strongest on all five criteria",
        )

    def action_next_judge(self) -> None:
        if self.cycle is None:
            self.notify("No current award cycle.", severity="warning")
            return
        if not self.judges:
            self.notify("No judges yet: press J to add one.", severity="warning")
            return
        names = [j.name for j in self.judges]
        self.judge = (
            names[(names.index(self.judge) + 1) % len(names)] if self.judge in names else names[0]
        )
        self.criterion = 0
        self._redraw()

    @property
    def team(self) -> Any:
        """The config's [team] (who may judge), when the app has settings."""
        return getattr(getattr(self.app, "settings", None), "team", None)

    def action_add_judge(self) -> None:
        if self.cycle is None:
            return
        cycle_id = self.cycle.id
        self._ask(
            "Name of the judge to add:",
            lambda name: self._run(
                judging.add_judge,
                cycle_id,
                name,
                who=self.who,
                team=self.team,
                done=f"Judge {one_line(name, 40)} added",
            ),
        )

    def action_score(self, digit: int) -> None:
        c = self.cycle
        if c is None:
            self.notify("No current award cycle: nothing to score.", severity="warning")
            return
        n = self._selected_or_say()
        if n is None:
            return
        if not self.judge:
            self.notify("Choose the judge first (j).", severity="warning")
            return
        key, label = c.criteria[self.criterion]
        lo, hi = c.scale
        if not lo <= digit <= hi:
            # said here, before the service: a stray key must never pass unnoticed
            self.notify(
                f"{digit} is outside the scale {lo}-{hi}: type {lo}-{hi} for {label}.",
                title="Score not saved",
                severity="warning",
            )
            return
        try:
            sheet = judging.score(
                self.db, n.id, self.judge, {key: digit}, who=self.who, team=self.team
            )
        except FramewatchError as exc:
            self.notify(one_line(str(exc)), title="Score not saved", severity="error")
            return
        if sheet.complete and self.criterion == len(c.criteria) - 1:
            self.notify(f"{self.judge}'s score sheet for #{n.id} is complete.", timeout=3)
        self.criterion = (self.criterion + 1) % len(c.criteria)
        self.load()

    def action_criterion(self, step: int) -> None:
        if self.cycle is not None:
            self.criterion = (self.criterion + step) % len(self.cycle.criteria)
            self._redraw()

    def action_comment(self) -> None:
        n = self.selected
        if n is None or not self.judge:
            self.notify("Choose the judge first (j).", severity="warning")
            return
        judge = self.judge
        self._ask(
            f"{judge}'s comment on #{n.id}:",
            lambda text: self._run(
                judging.score,
                n.id,
                judge,
                {},
                text,
                who=self.who,
                team=self.team,
                done="Comment saved",
            ),
        )

    def action_recuse(self) -> None:
        n = self.selected
        if n is None or not self.judge:
            self.notify("Choose the judge who recuses first (j).", severity="warning")
            return
        judge = self.judge
        self._ask(
            f"Why does {judge} recuse from #{n.id} (conflict of interest)?",
            lambda reason: self._run(
                judging.recuse,
                n.id,
                judge,
                reason,
                who=self.who,
                team=self.team,
                done=f"{judge} recused from #{n.id}",
            ),
        )

    def action_toggle_normalise(self) -> None:
        self.normalise = not self.normalise
        self.load()

    def action_toggle_progress(self) -> None:
        self.show_progress = not self.show_progress
        self.set_class(self.show_progress, "-progress")
        self._results_title()

    def action_export(self) -> None:
        if self.cycle is None:
            return
        cycle_id = self.cycle.id

        def do(answer: str) -> None:
            kind, _, path = answer.strip().partition(" ")
            if kind not in exports.KINDS or not path.strip():
                self.notify(
                    f"Type a kind ({', '.join(exports.KINDS)}) then a path.", severity="warning"
                )
                return
            try:
                written = exports.export(self.db, cycle_id, kind, Path(path.strip()).expanduser())
            except FramewatchError as exc:
                self.notify(one_line(str(exc)), title="Export failed", severity="error")
                return
            self.notify(f"Wrote {', '.join(str(p) for p in written)}", title="Exported")

        self._ask(
            f"Export what, where? ({', '.join(exports.KINDS)}; judge-pack takes a folder)",
            do,
            placeholder="scores ~/awards-scores.csv",
        )

    def action_next_cycle(self) -> None:
        """Make the next open cycle the current one, for every front end (audited)."""
        try:
            found = cycles.list_cycles(self.db)
            if not found:
                self.notify(
                    "No open award cycle: framewatch awards cycle new YEAR", severity="warning"
                )
                return
            ids = [c.id for c in found]
            here = self.cycle.id if self.cycle is not None else None
            nxt = ids[(ids.index(here) + 1) % len(ids)] if here in ids else ids[0]
            if nxt == here:
                self.notify(f"{one_line(found[0].name)} is the only open cycle.", timeout=3)
                return
            chosen, _ = lifecycle.use_cycle(self.db, nxt, who=self.who)
        except FramewatchError as exc:
            self.notify(one_line(str(exc)), title="Awards", severity="error")
            return
        self.notify(
            f"Current cycle: {one_line(chosen.name)} (for the CLI and the nominate dialog too).",
            timeout=4,
        )
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        # the awards are an app mode: go back to the mode F6 was pressed in
        self.app.action_leave_awards()
