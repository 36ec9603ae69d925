"""``framewatch demo`` keeps serving its sample while the UI is open, on a
stable port, and ``framewatch demo serve`` serves it on its own, so the
stored feeds point at a live server and the monitor can be tried on them.

Real parts: the demo in a real terminal (tmux), its real HTTP server, the
monitor CLI in a subprocess fetching from it, a real SQLite file."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .tmux_smoke import REPO, Tmux

FAST = {"FRAMEWATCH_ALLOW_PRIVATE": "1", "FRAMEWATCH_MIN_HOST_INTERVAL": "0"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _served(port: int) -> int | None:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/herald/atom.xml", timeout=5).status_code
    except httpx.TransportError:
        return None


def _monitor_once(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "core.cli",
            "--db",
            str(db),
            "monitor",
            "once",
            "--all",
            "--no-analyse",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **FAST},
        check=False,
    )


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_demo_serves_its_feeds_while_the_ui_is_open(tmp_path: Path):
    db, port = tmp_path / "demo.sqlite3", _free_port()
    tmux = Tmux(f"fw-demo-{os.getpid()}")
    env = "-u COLUMNS -u LINES TERM=xterm-256color TEXTUAL_ANIMATIONS=none"
    tmux.start(
        f"cd {shlex.quote(str(REPO))} && env {env} {shlex.quote(sys.executable)} -m core.cli "
        f"--db {shlex.quote(str(db))} demo --port {port}"
    )
    try:
        tmux.wait_for("stories", timeout=180, step="demo UI opens")
        assert tmux.alive()
        assert _served(port) == 200  # the UI is open and the sample is still served
        done = _monitor_once(db)
        assert done.returncode == 0, done.stderr
        assert "5 feeds (" in done.stdout and " 0 failed)" in done.stdout
        tmux.keys("C-q")
        deadline = time.monotonic() + 30
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not tmux.alive(), tmux.capture()
    finally:
        if tmux.alive():
            tmux.kill()
    assert _served(port) is None  # stopped with the UI


def test_demo_serve_serves_on_a_stable_port_until_interrupted(tmp_path: Path):
    db, port = tmp_path / "demo.sqlite3", _free_port()
    cmd = [sys.executable, "-m", "core.cli", "--db", str(db), "demo", "serve", "--port", str(port)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()
        assert (
            first == f"Serving the sample at http://127.0.0.1:{port} (Ctrl-C stops); its feeds:\n"
        )
        assert _served(port) == 200
        busy = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
        assert busy.returncode == 1
        assert busy.stderr.startswith(
            f"framewatch: error: 127.0.0.1:{port}: cannot serve the sample"
        )
        done = _monitor_once(db)  # the demo database's feeds point here
        assert done.returncode == 0 and "5 feeds (5 ok" in done.stdout, done.stderr
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert out.rstrip().endswith("stopped serving the sample")
    assert _served(port) is None
