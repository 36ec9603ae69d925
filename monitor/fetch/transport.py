"""An httpx transport that connects only to addresses the guard approved.

Checking a name before the request and letting httpx resolve it again
leaves a window for DNS rebinding (first answer public, second private).
So the check lives in the network backend: it resolves once, vets every
address, and connects to the vetted IP itself.  TLS still verifies the
certificate against the host name, because httpcore takes the SNI/hostname
from the request origin, not from the socket.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

import httpcore
import httpx

from monitor.fetch.addresses import forbidden_reason, parse_address, resolve
from monitor.fetch.errors import FetchProblem

# (host, port) -> every address the name resolves to, as IP strings
Resolver = Callable[[str, int], Awaitable[list[str]]]


class AddressPolicy:
    """Which resolved addresses may be connected to."""

    def __init__(self, allow_private: bool, allow_networks: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.allow_networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)

    def refusal(self, ip: str, host: str = "") -> str | None:
        if self.allow_private:
            return None
        addr = parse_address(ip)
        if any(addr in net for net in self.allow_networks):
            return None
        reason = forbidden_reason(addr)
        if reason is None:
            return None
        what = f"is a {reason} address" if host == ip else f"resolves to {reason} address {ip}"
        return f"{what}; not fetched (set allow_private_addresses to permit)"


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, policy: AddressPolicy, resolver: Resolver = resolve) -> None:
        self.policy = policy
        self.resolver = resolver
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options=None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            ips = await self.resolver(host, port)
        except socket.gaierror as exc:
            raise FetchProblem("dns", f"DNS lookup failed ({exc.strerror or exc})") from exc
        if not ips:
            raise FetchProblem("dns", "DNS lookup returned no addresses")
        for ip in ips:
            refusal = self.policy.refusal(ip, host)
            if refusal:
                raise FetchProblem("refused", refusal)
        last: Exception | None = None
        for ip in ips:
            try:
                return await self._inner.connect_tcp(
                    ip,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise FetchProblem("scheme", "unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(
        self, policy: AddressPolicy, limits: httpx.Limits, resolver: Resolver = resolve
    ) -> None:
        super().__init__(limits=limits, trust_env=False)
        # httpx has no public switch for the network backend; swap its pool for
        # one built the same way plus our backend.  test_fetch_hostile's
        # private-address tests fail loudly if this ever stops taking effect.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(policy, resolver),
        )
