"""A small HTTP server on 127.0.0.1 for the offline demo (and tests).

Routes map a path (query included) to a ``Response`` or to a callable that
builds one from the request, so one server can play many feeds and pages.
Stdlib only, in a daemon thread, on an ephemeral port (or a given one: the
demo serves its sample on a stable port, so stored feeds stay valid).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names


Route = Response | Callable[[Request], Response]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args) -> None:  # quiet: tests and demo print their own summaries
        pass

    def _serve(self, send_body: bool) -> None:
        req = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
        self.server.requests.append(req)
        route = self.server.routes.get(self.path)
        if route is None and "?" in self.path:
            route = self.server.routes.get(self.path.split("?", 1)[0])
        if route is None:
            resp = Response(404, {"Content-Type": "text/plain"}, b"not found")
        else:
            try:
                resp = route(req) if callable(route) else route
            except ConnectionError:
                return
        if resp is None:  # the route took over the socket (hostile behaviours)
            return
        # a 304 must carry the validators, like a real server
        etag = resp.headers.get("ETag")
        if etag and req.headers.get("if-none-match") == etag and resp.status == 200:
            resp = Response(304, {"ETag": etag})
        self.send_response(resp.status)
        has_length = any(k.lower() == "content-length" for k in resp.headers)
        for name, value in resp.headers.items():
            self.send_header(name, value)
        if not has_length:
            self.send_header("Content-Length", str(len(resp.body) if resp.status != 304 else 0))
        self.end_headers()
        if send_body and resp.status != 304:
            try:
                self.wfile.write(resp.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_GET(self) -> None:  # the name is the standard library's
        self._serve(True)

    def do_HEAD(self) -> None:
        self._serve(False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        # clients that hang up early (timeouts, size limits) are expected, not news
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    def __init__(self, routes: dict[str, Route], port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.routes = routes
        self.requests: list[Request] = []


class LocalServer:
    """``with LocalServer(routes) as s: s.url("/feed.xml")``"""

    def __init__(self, routes: dict[str, Route] | None = None, port: int = 0) -> None:
        """Binds at once (OSError when ``port`` is taken); serves from ``start()``."""
        self._server = _Server(dict(routes or {}), port)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="framewatch-local-http", daemon=True
        )

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def routes(self) -> dict[str, Route]:
        return self._server.routes

    @property
    def requests(self) -> list[Request]:
        return self._server.requests

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
