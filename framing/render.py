"""Human output for ``framewatch check``: flags grouped by severity, each with
``path:line:col``, its sentence with the term marked, why, suggestions and the
rewrite.  Everything taken from the input is sanitised first so escape
sequences in a document never reach the terminal."""

from __future__ import annotations

import bisect
import html as htmllib
import re
from typing import IO

from rich.console import Console
from rich.text import Text

from core.safe_text import BIDI, BIDI_MARKS, C0, DEL_C1, PRIVATE_USE, SURROGATES, replace_unseen
from framing.flag import Flag

SEVERITY_ORDER = ("high", "medium", "low")
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
# Controls (Unicode category Cc), surrogates (Cs), private use (Co) and bidi controls and marks.
_UNSAFE = re.compile(f"[{C0}{DEL_C1}{BIDI}{BIDI_MARKS}{SURROGATES}{PRIVATE_USE}]")


def _escape(ch: str) -> str:
    if ch in "\n\r\t":
        return " "
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def _visible(match: re.Match[str]) -> str:
    return _escape(match.group())


def sanitise(text: str) -> str:
    """Control characters, escape sequences, bidi controls and invisible
    characters made visible (an emoji's ZWJ and a flag's tags stay whole)."""
    return replace_unseen(_UNSAFE.sub(_visible, text), _escape)


class LineIndex:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def _context(source: str, start: int, end: int, fmt: str, width: int = 70) -> tuple[str, str, str]:
    ls = max(source.rfind("\n", 0, start) + 1, start - 400)
    le = source.find("\n", end)
    le = len(source) if le < 0 else min(le, end + 400)
    left, term, right = source[ls:start], source[start:end], source[end:le]
    if fmt == "html":
        left = htmllib.unescape(_TAGS.sub("", left.rsplit(">", 1)[-1] if "<" in left else left))
        right = htmllib.unescape(_TAGS.sub("", right.split("<", 1)[0] if "<" in right else right))
        term = htmllib.unescape(_TAGS.sub("", term))
    left, term, right = (_SPACES.sub(" ", sanitise(x)) for x in (left, term, right))
    left = left.lstrip()
    right = right.rstrip()
    if len(left) > width:
        left = "…" + left[-width:]
    if len(right) > width:
        right = right[:width] + "…"
    return left, term, right


def make_console(stream: IO[str] | None = None) -> Console:
    # rich already honours NO_COLOR and drops styling when not writing to a terminal
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False, markup=False)


def render_flags(console: Console, path: str, source: str, flags: list[Flag], fmt: str) -> None:
    if not flags:
        return
    lines = LineIndex(source)
    for sev in SEVERITY_ORDER:
        group = [f for f in flags if f.severity == sev]
        if not group:
            continue
        console.print(
            Text(f"{sanitise(path)}: {len(group)} {sev}", style=SEVERITY_STYLE[sev] + " underline")
        )
        for f in group:
            line, col = lines.line_col(f.start)
            head = Text(f"{sanitise(path)}:{line}:{col}  ", style="bold")
            head.append(sev.upper(), style=SEVERITY_STYLE[sev])
            head.append(f"  {sanitise(f.text)}  [{f.entry}, {f.category}]")
            if f.quoted:
                head.append("  (inside a quotation: suggestions only)", style="italic")
            console.print(head)
            left, term, right = _context(source, f.start, f.end, fmt)
            ctx = Text("    ")
            ctx.append(left)
            ctx.append(
                f"[{term}]" if console.no_color or not console.is_terminal else term,
                style="reverse " + SEVERITY_STYLE[sev],
            )
            ctx.append(right)
            console.print(ctx)
            console.print(Text("    why: " + sanitise(f.why), style="dim"))
            if f.suggestions:
                console.print(Text("    instead: " + "; ".join(sanitise(s) for s in f.suggestions)))
            if f.status:
                cue = f' ("{sanitise(f.status_cue)}")' if f.status_cue else ""
                console.print(Text(f"    status: {f.status.replace('_', ' ')}{cue}", style="dim"))
            if f.rewrite is not None:
                a, b = f.rewrite_span
                console.print(
                    Text(
                        f'    rewrite: "{sanitise(source[a:b])}" -> "{sanitise(f.rewrite)}"',
                        style="green",
                    )
                )
        console.print()


def summary(n_inputs: int, flags_by_sev: dict[str, int], errors: int) -> str:
    total = sum(flags_by_sev.values())
    parts = ", ".join(f"{flags_by_sev.get(s, 0)} {s}" for s in SEVERITY_ORDER)
    msg = f"{total} flag{'s' if total != 1 else ''} ({parts}) in {n_inputs} input{'s' if n_inputs != 1 else ''}"
    if errors:
        msg += f"; {errors} could not be read"
    return msg
