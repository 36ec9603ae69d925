"""Drive the real ``framewatch tui`` in a real terminal (tmux) and check what it draws.

    python tests/tui/tmux_smoke.py [--db PATH] [--keep]

Without --db it builds a small database with the real engine.  It starts the
app in a detached tmux session of fixed size, sends keys, polls
``capture-pane`` for expected text (never fixed sleeps), checks that flagged
words carry underline SGR codes, records a decision, types in the draft
checker, and quits through the unsaved-draft confirmation.  Exit status 0
means every step passed; otherwise one line says which step failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 120, 36
ARTICLE = dict(
    title="Prison moves inmates after riot",
    outlet="Daily Example",
    url="https://news.example.org/prison-moves",
    published_at="2026-11-20T09:00:00+00:00",
    text=(
        "Officials said the inmates were moved to another prison on Tuesday.\n"
        'A local councillor said: "These thugs should never be released."'
    ),
)
# SGR parameter lists that include underline: 4, 4:n (curly/double), 21 (double)
UNDERLINE = re.compile(r"\x1b\[(?:[0-9:]*;)*(?:4|4:\d|21)(?:;[0-9:]*)*m")


# COLUMNS/LINES (pytest exports them) would override the real terminal size.
ENV = "-u COLUMNS -u LINES COLORTERM=truecolor TERM=xterm-256color TEXTUAL_ANIMATIONS=none"


class SmokeFailure(Exception):
    pass


class Tmux:
    def __init__(self, session: str) -> None:
        self.session = session
        # A private server with no user config: other tmux users' sessions and
        # window-size settings on this machine cannot change our terminal size.
        self.base = ["tmux", "-L", session, "-f", os.devnull]

    def run(self, *args: str) -> str:
        done = subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=20)
        if done.returncode != 0 and args[0] != "kill-session":
            raise SmokeFailure(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: str, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
        width, height = size
        self.run(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command
        )

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def text(self, literal: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", literal)

    def capture(self, escapes: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.session]
        if escapes:
            args.insert(2, "-e")
        return self.run(*args)

    def alive(self) -> bool:
        return (
            subprocess.run(
                [*self.base, "has-session", "-t", self.session], capture_output=True
            ).returncode
            == 0
        )

    def wait_for(self, what: str, timeout: float = 30.0, step: str = "") -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            if not self.alive():
                raise SmokeFailure(f"{step or what}: the app exited early")
            screen = self.capture()
            if what in screen:
                return screen
            time.sleep(0.1)
        last = " | ".join(line.strip() for line in screen.splitlines() if line.strip())[-300:]
        raise SmokeFailure(f"{step or what}: {what!r} not on screen after {timeout:.0f}s ({last})")

    def kill(self) -> None:
        self.run("kill-session", "-t", self.session)
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def build_db(path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from framing import Engine
    from monitor.review.paste import import_text
    from storage.db import open_database

    db = open_database(path)
    import_text(db, engine=Engine(), **ARTICLE)
    db.close()


def smoke(db: Path, keep: bool = False) -> list[str]:
    steps: list[str] = []
    tmux = Tmux(f"fw-smoke-{os.getpid()}")
    env = ENV
    command = (
        f"cd {shlex.quote(str(REPO))} && env {env} {shlex.quote(sys.executable)} "
        f"-m core.cli --db {shlex.quote(str(db))} tui"
    )
    tmux.start(command)
    try:
        tmux.wait_for("stories", step="queue opens")
        tmux.wait_for(ARTICLE["title"], step="article listed")
        steps.append("queue shows the article")

        tmux.keys("Enter")
        tmux.wait_for("flag 1 of", step="review opens")
        # the status line can paint before the article body: poll, as wait_for does
        deadline = time.monotonic() + 30
        while True:
            lines = [ln for ln in tmux.capture(escapes=True).splitlines() if "inmates" in ln]
            if any(UNDERLINE.search(ln) for ln in lines):
                break
            if time.monotonic() > deadline:
                raise SmokeFailure(
                    f"flag styling: no underline SGR code on the flagged line ({lines[-1][:120]!r})"
                    if lines
                    else "flag styling: no line with 'inmates'"
                )
            time.sleep(0.1)
        steps.append("flagged word is underlined (SGR 4)")

        tmux.keys("a")
        # 3 flags: "inmates" in the headline (first), then "inmates" and the quoted "thugs" in the body
        tmux.wait_for("1/3 flags decided", step="accept")
        steps.append("accept recorded")

        tmux.keys("F1")
        tmux.wait_for("What it does", step="help")
        tmux.wait_for("Accept", step="help lists accept")
        tmux.keys("Escape")
        tmux.wait_for("flag 2 of", step="help closes")
        steps.append("F1 help lists the bindings")

        tmux.keys("F3")
        tmux.wait_for("Type or paste copy", step="draft checker")
        tmux.text("The offenders were released.")
        tmux.wait_for("1 flag (1 in the writer's voice)", step="live check")
        steps.append("draft checker flags typed text")

        tmux.keys("C-q")
        tmux.wait_for("unsaved changes", step="quit asks")
        tmux.keys("y")
        deadline = time.monotonic() + 15
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.1)  # the session ends when the app exits
        if tmux.alive():
            raise SmokeFailure("quit: the app was still running 15s after confirming")
        steps.append("quit after confirming")
    finally:
        if not keep:
            tmux.kill()

    # Paste mode from stdin: the UI must reopen the terminal for its keys.
    piped = Tmux(f"fw-smoke-pipe-{os.getpid()}")
    piped.start(
        f"cd {shlex.quote(str(REPO))} && printf 'Neighbours said the inmates were calm.' | "
        f"env {env} {shlex.quote(sys.executable)} -m core.cli --db {shlex.quote(str(db))} tui -"
    )
    try:
        piped.wait_for("Pasted text", step="stdin paste mode")
        piped.wait_for("1 flag (1 in the writer's voice)", step="stdin text checked")
        piped.keys("C-n")  # keys reach the app: cursor jumps to the flag
        piped.wait_for("Rewrite in context", step="keys after stdin")
        piped.keys("C-q")  # nothing typed: quits without asking
        deadline = time.monotonic() + 15
        while piped.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        if piped.alive():
            raise SmokeFailure("stdin paste mode: the app did not quit")
        steps.append("framewatch tui - (stdin) checks the text and takes keys")
    finally:
        piped.kill()
    steps.append(small_terminal(db, env))
    return steps


SMALL = (80, 24)


def small_terminal(db: Path, env: str, show: bool = False) -> str:
    """At 80x24 the queue row must show its flag counts, status and copies
    (they were off the right edge): find the article's line and read them."""
    tmux = Tmux(f"fw-smoke-small-{os.getpid()}")
    tmux.start(
        f"cd {shlex.quote(str(REPO))} && env {env} {shlex.quote(sys.executable)} "
        f"-m core.cli --db {shlex.quote(str(db))} tui",
        size=SMALL,
    )
    try:
        screen = tmux.wait_for("stories", step="80x24 queue opens")
        tmux.wait_for("Prison moves", step="80x24 article listed")
        screen = tmux.wait_for("pending", step="80x24 detail line")
        if show:
            print(screen)
        lines = screen.splitlines()
        if len(lines) > SMALL[1] or any(len(line) > SMALL[0] for line in lines):
            raise SmokeFailure(f"80x24: the capture is not 80x24 ({len(lines)} lines)")
        header = next((ln for ln in lines if "Headline" in ln), "")
        row = next((ln for ln in lines if "Prison moves" in ln), "")
        # headline "inmates" (high), body "inmates" (high), quoted "thugs"
        if "Flags" not in header or "▲2❝1" not in row:
            raise SmokeFailure(f"80x24: no flag counts on the article's line ({row.strip()!r})")
        if not set("●◐✓") & set(row.split("▲2❝1", 1)[1]):
            raise SmokeFailure(f"80x24: no status after the counts ({row.strip()!r})")
        detail = next((ln for ln in lines if "pending" in ln), "")
        if "▲2 high" not in detail or "❝1 quoted" not in detail:
            raise SmokeFailure(f"80x24: the detail line does not give the counts ({detail!r})")
    finally:
        tmux.kill()
    return "80x24: counts, status and copies columns on screen, detail line in words"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to open (default: build a small one)")
    parser.add_argument("--keep", action="store_true", help="leave the tmux session running")
    parser.add_argument(
        "--small", action="store_true", help="only the 80x24 check, printing the screen"
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux smoke: tmux is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "smoke.sqlite3"
            build_db(db)
        try:
            steps = [small_terminal(db, ENV, show=True)] if args.small else smoke(db, args.keep)
        except SmokeFailure as exc:
            print(f"tmux smoke: FAILED at {exc}", file=sys.stderr)
            return 1
    for s in steps:
        print(f"ok  {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
