"""SSRF guard: which resolved addresses we are willing to connect to.

A feed list is user-editable and a redirect is server-controlled, so a URL
could point the monitor at the router admin page or a cloud metadata
service (169.254.169.254).  Every address a host name resolves to must be
public; one private answer is enough to refuse, because the connect may
pick any of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_v4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def forbidden_reason(addr: IPAddress) -> str | None:
    """Why ``addr`` is not a public unicast address, or None if it is."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner = _embedded_v4(addr)
        if inner is not None:
            return forbidden_reason(inner)
    for attr, label in (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    ):
        if getattr(addr, attr):
            return label
    # is_global also excludes shared address space (100.64.0.0/10, carrier NAT)
    if not addr.is_global:
        return "non-global"
    return None


def parse_address(text: str) -> IPAddress:
    # IPv6 link-local answers carry a zone ("fe80::1%eth0")
    return ipaddress.ip_address(text.split("%", 1)[0])


async def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to for a TCP connection, in resolver order."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = sockaddr[0]
        if ip not in seen:
            seen.append(ip)
    return seen
