"""Turn network exceptions into an error kind and a one-line cause."""

from __future__ import annotations

import errno
import re
import socket
import ssl

import httpx

from core.safe_text import C0, DEL_C1

_CONTROL = re.compile(f"[{C0}{DEL_C1}]+")


class FetchProblem(Exception):
    """Internal: a failure already classified by the fetcher."""

    def __init__(
        self, kind: str, cause: str, *, status: int | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(cause)
        self.kind = kind
        self.cause = cause
        self.status = status
        self.headers = headers or {}


def one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace and strip control characters (terminal escapes included)."""
    text = _CONTROL.sub(" ", str(text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _protocol_cause(text: str) -> str:
    low = text.lower()
    if "without sending complete message body" in low:
        detail = re.search(r"\(received \d+ bytes, expected \d+\)", text)
        return "connection closed before the body was complete" + (
            f" {detail.group(0)}" if detail else ""
        )
    if "status line" in low:
        return "not an HTTP response (malformed status line)"
    if "disconnected without sending a response" in low:
        return "server closed the connection without a response"
    return f"HTTP protocol error ({one_line(text, 120) or 'unknown'})"


def classify_error(exc: BaseException) -> tuple[str, str]:  # noqa: C901 - one table of cases
    """Return (error_kind, cause) for an exception raised while fetching.

    TCP-level refusals and resets are "other": "refused" is reserved for our
    own address policy (SSRF guard) so a caller can tell "the server is down"
    (retry later) from "we will never fetch this" apart.
    """
    if isinstance(exc, FetchProblem):
        return exc.kind, exc.cause
    chain = list(_chain(exc))
    for e in chain:
        if isinstance(e, socket.gaierror):
            return "dns", f"DNS lookup failed ({one_line(e.strerror or e)})"
    for e in chain:
        if isinstance(e, (httpx.TimeoutException, TimeoutError)):
            what = {
                httpx.ConnectTimeout: "connect timed out",
                httpx.ReadTimeout: "read timed out",
                httpx.WriteTimeout: "write timed out",
                httpx.PoolTimeout: "timed out waiting for a connection",
            }.get(type(e), "timed out")
            return "timeout", what
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            detail = getattr(e, "verify_message", None) or getattr(e, "reason", None) or e
            return "tls", f"TLS certificate rejected ({one_line(detail)})"
        if isinstance(e, ssl.SSLError):
            return "tls", f"TLS error ({one_line(getattr(e, 'reason', None) or e)})"
    for e in chain:
        if isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED:
            return "other", "connection refused"
        if isinstance(e, ConnectionResetError) or getattr(e, "errno", None) == errno.ECONNRESET:
            return "other", "connection reset by peer"
        if isinstance(e, (httpx.RemoteProtocolError, httpx.LocalProtocolError)):
            return "other", _protocol_cause(str(e))
    text = str(exc) or type(exc).__name__
    # anyio reports "all connection attempts failed" for refused multi-address hosts
    if "connection attempts failed" in text.lower():
        return "other", "connection refused"
    for e in chain:
        if isinstance(e, OSError) and e.strerror:
            return "other", f"network error ({one_line(e.strerror)})"
    return "other", one_line(f"{type(exc).__name__}: {text}")
