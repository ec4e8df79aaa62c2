"""The network guard: only loopback may be reached from the test suite."""

from __future__ import annotations

import socket

import pytest

from tests.netguard import BLOCKED, NetworkBlocked, install_guard, is_loopback


@pytest.fixture
def guard() -> None:
    install_guard()  # idempotent: the session fixture installed it already
    before = len(BLOCKED)
    yield
    del BLOCKED[before:]  # the attempts made on purpose here are not failures


def test_public_address_is_blocked(guard: None) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("8.8.8.8", 53), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(NetworkBlocked):
        s.sendto(b"\0", ("8.8.8.8", 53))
    with socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect(("1.1.1.1", 443))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)
    assert not isinstance(NetworkBlocked("x"), OSError)  # libraries cannot swallow it
    assert any("8.8.8.8" in b for b in BLOCKED)


def test_loopback_is_allowed(guard: None) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            pass
        with socket.create_connection(("localhost", port), timeout=1):
            pass


def test_is_loopback() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.8.9.1", "::1", "localhost", None]))
    assert is_loopback("::ffff:127.0.0.1")
    assert not any(map(is_loopback, ["8.8.8.8", "example.com", "10.0.0.1", "::2"]))
