"""Command palette provider: every action in ``tui.bindings``, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.bindings import commands_for, display_keys, keys_of
from tui.command_table import Command


class FramewatchCommands(Provider):
    def _commands(self) -> list[tuple[Command, object]]:
        scope = getattr(self.screen, "SCOPE", "")
        found = [(c, self.app) for c in commands_for("app")]
        if scope:
            found += [(c, self.screen) for c in commands_for(scope)]
        return found

    def _run(self, command: Command, target: object) -> None:
        self.app.call_later(self.app.run_action, command.action, target)

    async def discover(self) -> Hits:
        for command, target in self._commands():
            yield DiscoveryHit(
                command.label,
                partial(self._run, command, target),
                help=f"{display_keys(keys_of(command, self.app.keymap))} - {command.help}",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, target in self._commands():
            text = f"{command.label}: {command.help}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._run, command, target),
                    help=display_keys(keys_of(command, self.app.keymap)),
                )
