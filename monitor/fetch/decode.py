"""Bounded Content-Encoding decoding.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB
chunk of a gzip bomb can become ~64 MB in memory before any size check can
run.  Here zlib's ``max_length`` keeps every step within the remaining
allowance, so a response never costs more than ``limit`` + one chunk.
"""

from __future__ import annotations

import zlib

from monitor.fetch.errors import FetchProblem

# What we advertise; anything else a server sends anyway is refused.
ACCEPT_ENCODING = "gzip, deflate"


class BoundedBody:
    def __init__(self, content_encoding: str, limit: int, host: str = "") -> None:
        self.limit = limit
        self.out = bytearray()
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise FetchProblem("other", f"unsupported Content-Encoding {content_encoding!r}")
        self.coding = codings[0] if codings else ""
        self._raw_deflate_tried = False
        if self.coding in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._d = zlib.decompressobj()
        elif self.coding == "":
            self._d = None
        else:
            raise FetchProblem("other", f"unsupported Content-Encoding {self.coding!r}")

    def _too_large(self) -> FetchProblem:
        what = "decompressed body" if self._d is not None else "body"
        return FetchProblem("size", f"{what} exceeds the {self.limit:,}-byte limit")

    def _append(self, piece: bytes) -> None:
        self.out += piece
        if len(self.out) > self.limit:
            raise self._too_large()

    def feed(self, data: bytes) -> None:
        if self._d is None:
            if len(self.out) + len(data) > self.limit:
                raise self._too_large()
            self.out += data
            return
        buf = data
        while buf and not self._d.eof:
            room = self.limit - len(self.out) + 1
            try:
                piece = self._d.decompress(buf, room)
            except zlib.error as exc:
                # Servers disagree on "deflate": zlib-wrapped per the RFC, raw in practice.
                if self.coding == "deflate" and not self._raw_deflate_tried and not self.out:
                    self._raw_deflate_tried = True
                    self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchProblem("other", f"corrupt {self.coding} body ({exc})") from exc
            self._append(piece)
            tail = self._d.unconsumed_tail
            if not piece and tail == buf:
                break
            buf = tail

    def finish(self) -> bytes:
        if self._d is not None:
            try:
                self._append(self._d.flush(self.limit - len(self.out) + 1))
            except zlib.error as exc:
                raise FetchProblem("other", f"corrupt {self.coding} body ({exc})") from exc
        return bytes(self.out)
