"""Draft checker (and paste mode): edit copy, see flags live, apply suggestions.

Checking is debounced and runs in an exclusive worker: typing never waits for
spaCy, and only the newest text's result is shown.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from core.decoding import DecodeError, decode_text
from tui.bindings import bindings_for
from tui.flagstyle import symbol
from tui.messages import DraftChecked, DraftCheckFailed, ServiceFailed
from tui.sanitize import one_line, sanitize
from tui.screens.prompt import PromptDialog
from tui.widgets.draft_editor import DraftEditor
from tui.widgets.flag_panel import describe_flag

DEBOUNCE_SECONDS = 0.35


def _shifted(flag: Any, shift: int) -> Any:
    """The flag moved by ``shift`` characters (the draft was edited before it)."""
    if shift == 0:
        return flag
    import dataclasses

    rs = None if flag.rewrite_start is None else flag.rewrite_start + shift
    re_ = None if flag.rewrite_end is None else flag.rewrite_end + shift
    return dataclasses.replace(
        flag, start=flag.start + shift, end=flag.end + shift, rewrite_start=rs, rewrite_end=re_
    )


def clean_draft(text: str) -> str:
    """Text from files, stdin or the clipboard: one newline style, nothing unsafe."""
    return sanitize(text.replace("\r\n", "\n").replace("\r", "\n"))


class DraftScreen(Screen):
    SCOPE = "draft"
    HELP_TITLE = "Draft checker"
    BINDINGS = bindings_for("draft")
    AUTO_FOCUS = "#draft"
    DEFAULT_CSS = """
    DraftScreen #draft-body { height: 1fr; }
    DraftScreen DraftEditor { width: 3fr; }
    DraftScreen #draft-side { width: 2fr; min-width: 34; border-left: wide $primary; }
    DraftScreen #draft-status { height: auto; padding: 0 1; color: $text-muted; }
    DraftScreen #draft-flags { height: 1fr; }
    DraftScreen #draft-detail { height: auto; max-height: 60%; padding: 0 1; overflow-y: auto; }
    """

    def __init__(self, initial_text: str | None = None) -> None:
        super().__init__()
        self.initial_text = clean_draft(initial_text or "")
        self.dirty = False
        self.path: Path | None = None
        self.checks = 0  # completed checks, for tests and the status line
        self.last_elapsed = 0.0
        self._timer: Timer | None = None
        self._loading = False
        self._listed: tuple = ()
        self.check_error: str | None = None  # why the last check failed, until one succeeds

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="draft-body"):
            yield DraftEditor(self.initial_text, id="draft")
            with Vertical(id="draft-side"):
                yield Static("Type or paste copy; flags appear as you pause.", id="draft-status")
                yield OptionList(id="draft-flags")
                yield Static("", id="draft-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.draft_screen = self
        self.sub_title = "Draft checker" if not self.initial_text else "Pasted text"
        if self.initial_text.strip():
            self.check_text(self.initial_text)
        else:
            self.warm_engine()

    @property
    def editor(self) -> DraftEditor:
        return self.query_one(DraftEditor)

    # ------------------------------------------------------------------ checking

    @on(TextArea.Changed, "#draft")
    def _changed(self, event: TextArea.Changed) -> None:
        if self._loading:
            self._loading = False
        else:
            self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._check_now)
        self._show_flags()

    def _check_now(self) -> None:
        self.check_text(self.editor.text)

    @work(thread=True, group="engine-warm", exit_on_error=False)
    def warm_engine(self) -> None:
        # Load the model while the trainer starts typing.
        try:
            self.app.get_engine()
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))

    @work(thread=True, exclusive=True, group="draft-check", exit_on_error=False)
    def check_text(self, text: str) -> None:
        worker = get_current_worker()
        try:
            engine = self.app.get_engine()
            if worker.is_cancelled:
                return
            started = time.perf_counter()
            if worker.is_cancelled:
                return  # newer text is waiting; skip stale work
            # the engine locks itself: a nomination's profile may be computing
            flags = engine.check(text) if text.strip() else []
            elapsed = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(DraftCheckFailed(str(exc) or type(exc).__name__))
            return
        if not worker.is_cancelled:
            self.post_message(DraftChecked(text, list(flags), elapsed))

    @on(DraftCheckFailed)
    def _check_failed(self, message: DraftCheckFailed) -> None:
        self.check_error = message.error
        self._show_flags()
        self.notify(f"Could not check the draft: {message.error}", severity="error")

    @on(DraftChecked)
    def _checked(self, message: DraftChecked) -> None:
        self.check_error = None
        self.checks += 1
        self.last_elapsed = message.elapsed
        self.editor.set_flags(message.text, message.flags)
        self._show_flags()

    def _show_flags(self) -> None:
        spans = self.editor.live_spans()
        # Rebuild the list only when the flags themselves change, not on every
        # keystroke that merely shifts their offsets.
        signature = tuple((s.flag.entry, s.flag.text, s.flag.quoted, s.flag.rewrite) for s in spans)
        if signature != self._listed:
            self._listed = signature
            options = self.query_one("#draft-flags", OptionList)
            highlighted = options.highlighted
            options.clear_options()
            options.add_options(
                [
                    Option(
                        f"{symbol(s.flag.severity, s.flag.quoted)} {one_line(s.flag.text)}"
                        + (
                            " (quoted)"
                            if s.flag.quoted
                            else (f" → {one_line(s.flag.rewrite)}" if s.flag.rewrite else "")
                        ),
                        id=f"flag-{i}",
                    )
                    for i, s in enumerate(spans)
                ]
            )
            if spans and highlighted is not None:
                options.highlighted = min(highlighted, len(spans) - 1)
        n = len(spans)
        writer = sum(1 for s in spans if not s.flag.quoted)
        if self.check_error is not None:
            status = f"Not checked: {one_line(self.check_error, 120)}"
        elif n:
            status = f"{n} flag{'s' if n != 1 else ''} ({writer} in the writer's voice)"
        else:
            status = "No flags." if self.checks else "Checking…"
        if self.dirty:
            status += " · unsaved"
        self.query_one("#draft-status", Static).update(status)
        self._show_detail()

    def _show_detail(self, span: Any = None) -> None:
        if span is None:
            span = self.editor.span_at(self.editor.cursor_offset())
        detail = self.query_one("#draft-detail", Static)
        if span is None:
            detail.update("")
            return
        detail.update(describe_flag(span.flag, self.editor.text))

    @on(TextArea.SelectionChanged, "#draft")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#draft-flags")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        spans = self.editor.live_spans()
        index = event.option_index
        if 0 <= index < len(spans):
            self._move_to(spans[index])
            self.editor.focus()

    def _move_to(self, span: Any) -> None:
        editor = self.editor
        editor.move_cursor(editor.location_of(span.start))
        editor.scroll_cursor_visible()
        self._show_detail(span)

    # ------------------------------------------------------------------ actions

    def _target(self) -> Any:
        """The flag at the cursor, else the nearest one in the writer's voice."""
        editor = self.editor
        at = editor.span_at(editor.cursor_offset())
        if at is not None:
            return at
        spans = [s for s in editor.live_spans() if not s.flag.quoted and s.flag.rewrite]
        if not spans:
            return None
        cursor = editor.cursor_offset()
        return min(spans, key=lambda s: (abs(s.start - cursor), s.start))

    def action_apply_suggestion(self) -> None:
        span = self._target()
        if span is None:
            self.notify("No suggestion to apply here.", timeout=3)
            return
        flag = span.flag
        if self._refuse_quoted(flag):
            return
        if not flag.rewrite:
            self.notify(
                f"No ready rewrite for “{one_line(flag.text)}”; see the suggestions.",
                severity="warning",
            )
            return
        a, b = self._rewrite_span(span)
        self._replace(a, b, flag.rewrite)

    def _refuse_quoted(self, flag: Any) -> bool:
        """A quoted term is someone else's words: say so, and apply nothing."""
        if flag.quoted:
            self.notify(
                "That term is inside a quotation (someone else's words); "
                "suggestions are not applied there.",
                severity="warning",
            )
        return bool(flag.quoted)

    @staticmethod
    def _rewrite_span(span: Any) -> tuple[int, int]:
        """Where the ready rewrite goes now: it may reach past the flag ("the
        alleged murderer"), by the same amount as when the flag was found."""
        flag = span.flag
        rs, re_ = getattr(flag, "rewrite_span", (flag.start, flag.end))
        return span.start + (rs - flag.start), span.end + (re_ - flag.end)

    def _replace(self, a: int, b: int, text: str) -> None:
        editor = self.editor
        editor.replace(text, editor.location_of(a), editor.location_of(b))  # undoable
        editor.move_cursor(editor.location_of(a + len(text)))

    def action_choose_suggestion(self) -> None:
        """Every suggestion, not only the first, each shown as the sentence would read."""
        from framing.choices import choices
        from tui.screens.suggestions import SuggestionsDialog

        span = self._target()
        if span is None:
            self.notify("No flag here.", timeout=3)
            return
        flag = span.flag
        if self._refuse_quoted(flag):
            return
        # the choices are worked out on the text as it was checked, then moved
        # by how far the flag has moved since
        options = choices(self.editor.text, _shifted(flag, span.start - flag.start))
        if not options:
            self.notify(f"No suggestion for “{one_line(flag.text)}”.", severity="warning")
            return

        def apply(index: int | None) -> None:
            if index is None:
                return
            c = options[index]
            self._replace(c.start, c.end, c.replacement)

        self.app.push_screen(SuggestionsDialog(flag.text, options), apply)

    def action_next_flag(self) -> None:
        editor = self.editor
        spans = editor.live_spans()
        if not spans:
            return
        cursor = editor.cursor_offset()
        nxt = next((s for s in spans if s.start > cursor), spans[0])
        self._move_to(nxt)

    def action_undo(self) -> None:
        self.editor.undo()

    def action_copy_result(self) -> None:
        self.app.copy_to_clipboard(self.editor.text)
        self.notify("Draft copied to the clipboard.", timeout=3)

    def action_open_file(self) -> None:
        def done(path: str | None) -> None:
            if path:
                self.read_file(Path(path).expanduser())

        self.app.push_screen(
            PromptDialog("Open text file", str(self.path or ""), placeholder="path/to/draft.txt"),
            done,
        )

    def action_save_file(self) -> None:
        def done(path: str | None) -> None:
            if path:
                self.write_file(Path(path).expanduser(), self.editor.text)

        self.app.push_screen(
            PromptDialog("Save draft as", str(self.path or ""), placeholder="path/to/draft.txt"),
            done,
        )

    def action_import_draft(self) -> None:
        text = self.editor.text
        if not text.strip():
            self.notify("The draft is empty.", timeout=3)
            return

        def done(title: str | None) -> None:
            if title is not None:
                self.store_draft(title, text)

        first = one_line(text.strip().splitlines()[0], 80)
        self.app.push_screen(PromptDialog("Title for the review queue", first), done)

    @work(thread=True, group="draft-io", exit_on_error=False)
    def read_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
            if len(data) > 5_000_000:
                raise ValueError("file is larger than 5 MB")
            # the one decoding every reader shares: BOM, UTF-8, then detected
            text = decode_text(data).text
        except (OSError, ValueError, DecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.post_message(ServiceFailed(f"{path}: cannot open ({reason})"))
            return
        self.app.call_from_thread(self._loaded_file, path, text)

    def _loaded_file(self, path: Path, text: str) -> None:
        self._loading = True
        self.editor.load_text(clean_draft(text))
        self.path = path
        self.dirty = False
        self.notify(f"Opened {path}", timeout=3)

    @work(thread=True, group="draft-io", exit_on_error=False)
    def write_file(self, path: Path, text: str) -> None:
        try:
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)  # never leave a half-written draft
        except OSError as exc:
            self.post_message(ServiceFailed(f"{path}: cannot save ({exc.strerror or exc})"))
            return
        self.app.call_from_thread(self._saved_file, path, text)

    def _saved_file(self, path: Path, text: str) -> None:
        self.path = path
        if self.editor.text == text:
            self.dirty = False
        self._show_flags()
        self.notify(f"Saved {path}", timeout=3)

    @work(thread=True, group="draft-io", exit_on_error=False)
    def store_draft(self, title: str, text: str) -> None:
        from monitor.review import paste

        try:
            engine = self.app.get_engine()
            article_id = paste.import_text(self.app.db, title, text, outlet="Draft", engine=engine)
        except Exception as exc:  # noqa: BLE001 - a worker's failure is one line; the screen stays usable
            self.post_message(ServiceFailed(str(exc)))
            return
        self.app.call_from_thread(self.notify, f"Stored as article {article_id} in the queue.")

    @on(ServiceFailed)
    def _failed(self, message: ServiceFailed) -> None:
        self.notify(message.error, title="Draft checker", severity="error")
