"""One monitor per database: the lease ``monitor once`` and ``monitor run`` take.

Two monitors on one database fetched the same feeds twice (twice the load on
every publisher: politeness is per process) and raced each other's inserts.
So a monitor first takes the database-wide lease (``storage.lease``): the
holder is ``host:pid`` plus a name a person recognises (``--name``, else
``[ui] reviewer``, else the login name), renewed from a background thread
every ``ttl / 4`` seconds while it runs and released when it stops.  A second
monitor reads who holds it and says so (``monitor run`` then exits 0, or
waits with ``--wait``).  A holder that dies without releasing (SIGKILL, power
cut) is taken over when the lease expires, or at once when it was a process
on this host that no longer exists.  A holder that cannot renew in time (the
machine slept past the lease) and finds it taken stops at the next article.
"""

from __future__ import annotations

import getpass
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

from storage import lease as lease_store
from storage.db import Database, iso_plus, utcnow


@dataclass(frozen=True)
class Holder:
    """Who holds the lease, as stored."""

    holder: str  # host:pid
    name: str
    acquired_at: str
    renewed_at: str
    expires_at: str

    def describe(self) -> str:
        who = f"{self.holder} ({self.name})" if self.name else self.holder
        return f"{who}, running since {self.acquired_at}, lease until {self.expires_at}"

    def to_json(self) -> dict[str, str]:
        return {
            "holder": self.holder,
            "holder_name": self.name,
            "acquired_at": self.acquired_at,
            "renewed_at": self.renewed_at,
            "expires_at": self.expires_at,
        }


def default_name(settings) -> str:
    """A name people recognise in "held by ...": the reviewer's, else the login."""
    reviewer = (getattr(getattr(settings, "ui", None), "reviewer", "") or "").strip()
    if reviewer:
        return reviewer[:80]
    try:
        return getpass.getuser()[:80]
    except (OSError, KeyError, ImportError):  # no login name in some containers
        return ""


def _gone(holder: str) -> bool:
    """True when ``holder`` is a process on this host that no longer exists."""
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not (pid.isascii() and pid.isdigit()):
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


class MonitorLease:
    """``with MonitorLease(db, name) as lease: if lease.acquire() is None: ...``"""

    def __init__(self, db: Database, name: str = "", *, ttl: float = 90.0) -> None:
        self.db = db
        self.name = name
        self.ttl = max(4.0, float(ttl))
        self.holder = f"{socket.gethostname()}:{os.getpid()}"
        self.held = False
        self.lost: Holder | None = None  # set when another process took the lease from us
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> MonitorLease:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _until(self, now: str) -> str:
        return iso_plus(now, seconds=self.ttl)

    def current(self) -> Holder | None:
        with self.db.read("reading the monitor lease") as conn:
            row = lease_store.current(conn)
        if row is None:
            return None
        return Holder(row.holder, row.holder_name, row.acquired_at, row.renewed_at, row.expires_at)

    def acquire(self) -> Holder | None:
        """Take the lease: None when it is ours now, else who holds it."""
        held = self.current()
        dead = held.holder if held is not None and _gone(held.holder) else None
        now = utcnow()
        with self.db.transaction("taking the monitor lease") as conn:
            got = lease_store.acquire(
                conn,
                holder=self.holder,
                holder_name=self.name,
                now=now,
                until=self._until(now),
                dead_holder=dead,
            )
        if got:
            self.held = True
            return None
        return self.current() or held

    def renew(self) -> bool:
        """Push the lease on; False (and ``lost`` set) when another process has it."""
        now = utcnow()
        with self.db.transaction("renewing the monitor lease") as conn:
            kept = lease_store.renew(conn, holder=self.holder, now=now, until=self._until(now))
        if not kept:
            self.held = False
            self.lost = self.current()
        return kept

    def keep_renewed(self, on_lost: Callable[[], None]) -> None:
        """Renew every ttl/4 seconds in a daemon thread; ``on_lost()`` if it is taken."""

        def beat() -> None:
            while not self._stop.wait(self.ttl / 4):
                try:
                    if not self.renew():
                        on_lost()
                        return
                except Exception:  # noqa: BLE001 - a busy database: try again at the next beat
                    continue

        self._thread = threading.Thread(target=beat, name="framewatch-lease", daemon=True)
        self._thread.start()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self.held:
            self.held = False
            with self.db.transaction("releasing the monitor lease") as conn:
                lease_store.release(conn, holder=self.holder)
