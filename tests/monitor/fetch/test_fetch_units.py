"""Pure parts of the fetcher: the address policy and bounded decoding."""

from __future__ import annotations

import gzip
import ipaddress
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.fetch.addresses import forbidden_reason
from monitor.fetch.decode import BoundedBody
from monitor.fetch.errors import FetchProblem, classify_error, one_line


@pytest.mark.parametrize(
    "ip",
    [
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "127.0.0.1",
        "127.8.8.8",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::1",
    ],
)
def test_non_public_addresses_are_forbidden(ip):
    assert forbidden_reason(ipaddress.ip_address(ip)) is not None


@pytest.mark.parametrize(
    "ip",
    [
        "8.8.8.8",
        "151.101.0.81",
        "212.58.244.22",
        "2606:4700:4700::1111",
        "2a00:1450:4009::200e",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
    ],
)
def test_public_addresses_are_allowed(ip):
    assert forbidden_reason(ipaddress.ip_address(ip)) is None


def chunks(data: bytes, sizes: list[int]):
    i = 0
    for n in sizes:
        if i >= len(data):
            break
        yield data[i : i + n]
        i += n
    if i < len(data):
        yield data[i:]


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=20_000) | st.builds(lambda n: b"a" * n, st.integers(0, 200_000)),
    limit=st.integers(0, 50_000),
    sizes=st.lists(st.integers(1, 5000), max_size=40),
    coding=st.sampled_from(["", "gzip", "deflate"]),
)
def test_bounded_body_returns_data_within_limit_and_never_holds_more(data, limit, sizes, coding):
    wire = {"": lambda d: d, "gzip": gzip.compress, "deflate": zlib.compress}[coding](data)
    body = BoundedBody(coding, limit)
    try:
        for piece in chunks(wire, sizes):
            body.feed(piece)
            assert len(body.out) <= limit + 1
        out = body.finish()
    except FetchProblem as exc:
        assert exc.kind == "size" and len(data) > limit
        assert len(body.out) <= limit + 1
    else:
        assert out == data and len(data) <= limit


def test_unsupported_encoding_is_other():
    with pytest.raises(FetchProblem) as info:
        BoundedBody("br", 100)
    assert info.value.kind == "other" and "br" in info.value.cause


def test_classify_real_exceptions():
    import socket
    import ssl

    assert classify_error(socket.gaierror(-2, "Name or service not known"))[0] == "dns"
    assert classify_error(TimeoutError())[0] == "timeout"
    assert classify_error(ssl.SSLError(1, "bad record"))[0] == "tls"
    assert classify_error(ConnectionRefusedError(111, "Connection refused")) == (
        "other",
        "connection refused",
    )
    assert classify_error(ConnectionResetError(104, "reset"))[1] == "connection reset by peer"
    kind, cause = classify_error(ValueError("boom\n\x1b[2Jmore"))
    assert kind == "other" and "\n" not in cause and "\x1b" not in cause


def test_one_line_strips_escapes_and_newlines():
    assert one_line("a\nb\r\n\x1b[31mc\x07") == "a b [31mc"
    assert len(one_line("x" * 1000)) == 300
