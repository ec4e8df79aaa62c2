"""A guard that makes any attempt to reach a non-loopback host fail the test loudly.

``install_guard()`` patches ``socket.getaddrinfo``, ``socket.create_connection``,
``socket.socket.connect`` / ``connect_ex`` and ``socket.socket.sendto``: loopback
addresses (127.0.0.0/8, ::1, ``localhost``) and Unix sockets pass, anything else raises
:class:`NetworkBlocked` before a packet leaves. ``NetworkBlocked`` is deliberately not an
``OSError``, so client libraries cannot swallow it as a connection failure; every attempt
is also recorded in :data:`BLOCKED` so a session hook can fail the run afterwards.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

BLOCKED: list[str] = []
_ORIGINALS: dict[str, Any] = {}


class NetworkBlocked(RuntimeError):
    """A test tried to reach a host other than the loopback interface."""


def is_loopback(host: object) -> bool:
    """True for loopback IPs and ``localhost`` names (and for no host at all)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    name = str(host).strip("[]").split("%", 1)[0].lower()
    if name in ("", "localhost") or name.endswith(".localhost"):
        return True
    try:
        addr = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = getattr(addr, "ipv4_mapped", None)
    return bool(addr.is_loopback or (mapped is not None and mapped.is_loopback))


def _deny(what: str, host: object) -> NetworkBlocked:
    BLOCKED.append(f"{what} {host!r}")
    return NetworkBlocked(f"Network access to {host!r} blocked in tests ({what}).")


def _host_of(address: object) -> object:
    if isinstance(address, tuple) and address:
        return address[0]
    return None  # AF_UNIX paths and the like


def install_guard() -> Callable[[], None]:
    """Install the guard (idempotent); returns a function that removes it."""
    if _ORIGINALS:
        return uninstall_guard
    _ORIGINALS.update(
        getaddrinfo=socket.getaddrinfo,
        create_connection=socket.create_connection,
        connect=socket.socket.connect,
        connect_ex=socket.socket.connect_ex,
        sendto=socket.socket.sendto,
    )
    real_getaddrinfo = _ORIGINALS["getaddrinfo"]
    real_create = _ORIGINALS["create_connection"]
    real_connect = _ORIGINALS["connect"]
    real_connect_ex = _ORIGINALS["connect_ex"]
    real_sendto = _ORIGINALS["sendto"]

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_loopback(host):
            raise _deny("getaddrinfo", host)
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_loopback(_host_of(address)):
            raise _deny("create_connection", _host_of(address))
        return real_create(address, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family != socket.AF_UNIX and not is_loopback(_host_of(address)):
            raise _deny("connect", _host_of(address))
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family != socket.AF_UNIX and not is_loopback(_host_of(address)):
            raise _deny("connect_ex", _host_of(address))
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: Any, *args: Any) -> Any:
        address = args[-1] if args else None
        if self.family != socket.AF_UNIX and not is_loopback(_host_of(address)):
            raise _deny("sendto", _host_of(address))
        return real_sendto(self, data, *args)

    socket.getaddrinfo = getaddrinfo
    socket.create_connection = create_connection
    socket.socket.connect = connect  # type: ignore[method-assign, assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign, assignment]
    socket.socket.sendto = sendto  # type: ignore[method-assign, assignment]
    return uninstall_guard


def uninstall_guard() -> None:
    """Restore the real socket functions."""
    if not _ORIGINALS:
        return
    socket.getaddrinfo = _ORIGINALS["getaddrinfo"]
    socket.create_connection = _ORIGINALS["create_connection"]
    socket.socket.connect = _ORIGINALS["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _ORIGINALS["connect_ex"]  # type: ignore[method-assign]
    socket.socket.sendto = _ORIGINALS["sendto"]  # type: ignore[method-assign]
    _ORIGINALS.clear()
