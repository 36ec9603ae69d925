"""Read-only article text with every flag marked in place.

One ``Static`` per paragraph: moving between flags re-renders only the two
paragraphs involved and scrolls to the paragraph holding the current flag.
Text is sanitised one character for one, so flag offsets stay valid.  The
headline is a paragraph of its own, marked the same way: flags whose
``field`` is 'title' point into it, the rest into the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Static

from tui.flagstyle import DECISION_MARK, content_style, symbol
from tui.sanitize import sanitize

HEAD = -1  # paragraph index of the headline


def in_headline(flag: Any) -> bool:
    return getattr(flag, "field", "text") == "title"


@dataclass
class _Paragraph:
    start: int
    end: int
    flags: list[int]  # indexes into the article's flags


def render_paragraph(
    text: str,
    start: int,
    end: int,
    flags: list[Any],
    current: int | None,
    indexes: list[int],
    speakers: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
) -> Content:
    """The paragraph text[start:end] with its flags styled and a symbol before each,
    and each quoted speaker (start, end, role symbol) marked with its role's symbol."""
    parts: list[str | tuple[str, str]] = []
    pos = start
    marks: list[tuple[int, int, Any]] = [(flags[i].start, flags[i].end, i) for i in indexes]
    marks += [(a, b, sym) for a, b, sym in speakers if start <= a < end]
    marks.sort(key=lambda m: (m[0], isinstance(m[2], str)))
    for ms, me, what in marks:
        if isinstance(what, str):  # a speaker
            fs, fe = max(ms, start), min(me, end)
            if fs < pos:
                continue
            parts.append(text[pos:fs])
            parts.append((what, "bold"))
            parts.append((text[fs:fe], "italic"))
            pos = fe
            continue
        i = what
        f = flags[i]
        fs, fe = max(f.start, start), min(f.end, end)
        if fs < pos:  # overlaps the previous flag: keep the first, skip this marker
            continue
        parts.append(text[pos:fs])
        mark = symbol(f.severity, f.quoted) + DECISION_MARK.get(
            getattr(f, "decision", "pending"), ""
        )
        style = content_style(f.severity, f.quoted, getattr(f, "decision", "pending"), i == current)
        parts.append((mark, "bold"))
        parts.append((text[fs:fe], style))
        pos = fe
    parts.append(text[pos:end])
    return Content.assemble(*parts)


class ArticleText(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    ArticleText { padding: 0 1; }
    ArticleText > .para { margin: 0 0 1 0; }
    ArticleText > #article-head { text-style: bold; margin: 0 0 1 0; }
    """
    HELP = """
    The headline and article text. Flagged words are underlined and preceded by a symbol:
    ▲ high, ◆ medium, ○ low; ❝ marks words inside a quotation (someone else's
    words). ✓ = accepted, ✗ = dismissed (struck through). The current flag is
    shown in reverse video. A quoted speaker is in italics after the symbol of their
    role (★ lived experience, ✚ charities, ⚑ police...: see the profile pane).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.heading = ""
        self._head_flags: list[int] = []
        self.flags: list[Any] = []
        self.current: int | None = None
        self._paras: list[_Paragraph] = []
        self._para_of_flag: list[int] = []
        self.speakers: list[tuple[int, int, str]] = []  # (start, end, role symbol) in the body

    def show(
        self,
        heading: str,
        text: str,
        flags: list[Any],
        current: int | None,
        speakers: list[tuple[int, int, str]] | None = None,
    ) -> None:
        if speakers is not None:
            self.speakers = list(speakers)
        self.text = sanitize(text)
        self.heading = sanitize(heading)
        self.flags = list(flags)
        self.current = current
        self._paras = []
        for m in re.finditer(r"[^\n]+", self.text):
            if m.group().strip():
                self._paras.append(_Paragraph(m.start(), m.end(), []))
        starts = [p.start for p in self._paras]
        self._para_of_flag = []
        self._head_flags = []
        for i, f in enumerate(self.flags):
            if in_headline(f):
                self._para_of_flag.append(HEAD)
                self._head_flags.append(i)
                continue
            idx = max(0, bisect_right(starts, f.start) - 1) if starts else 0
            self._para_of_flag.append(idx)
            if self._paras:
                self._paras[idx].flags.append(i)
        self.remove_children()
        widgets = [Static(self._heading_content(), id="article-head")]
        for n, p in enumerate(self._paras):
            widgets.append(Static(self._paragraph_content(p), classes="para", id=f"para-{n}"))
        self.mount_all(widgets)
        if current is not None:
            self.call_after_refresh(self.scroll_to_flag, current)

    def source_of(self, flag: Any) -> str:
        """The sanitised text a flag's offsets point into."""
        return self.heading if in_headline(flag) else self.text

    def _heading_content(self) -> Content:
        return render_paragraph(
            self.heading, 0, len(self.heading), self.flags, self.current, self._head_flags
        )

    def _paragraph_content(self, p: _Paragraph) -> Content:
        return render_paragraph(
            self.text, p.start, p.end, self.flags, self.current, p.flags, self.speakers
        )

    def _refresh_para(self, idx: int) -> None:
        if idx == HEAD:
            try:
                self.query_one("#article-head", Static).update(self._heading_content())
            except NoMatches:  # not mounted yet; next show() redraws
                pass
        elif 0 <= idx < len(self._paras):
            try:
                self.query_one(f"#para-{idx}", Static).update(
                    self._paragraph_content(self._paras[idx])
                )
            except NoMatches:  # paragraph not mounted yet; next show() redraws
                pass

    def set_current(self, index: int | None) -> None:
        old = self.current
        self.current = index
        for i in {old, index}:
            if i is not None and 0 <= i < len(self._para_of_flag):
                self._refresh_para(self._para_of_flag[i])
        if index is not None:
            self.scroll_to_flag(index)

    def update_flag(self, index: int, flag: Any) -> None:
        self.flags[index] = flag
        self._refresh_para(self._para_of_flag[index])

    def scroll_to_flag(self, index: int) -> None:
        if not (0 <= index < len(self._para_of_flag)):
            return
        idx = self._para_of_flag[index]
        try:
            para = self.query_one("#article-head" if idx == HEAD else f"#para-{idx}", Static)
        except NoMatches:  # not mounted yet
            return
        self.scroll_to_widget(para, animate=False, top=False)
