"""Loaded by every Python process the tests start (tests/conftest.py puts this folder first on
PYTHONPATH): no socket may reach beyond loopback, so no test can touch a real platform even on
a connected machine."""

import ipaddress
import socket

REFUSED = "prueba sin red: conexión fuera de loopback rechazada"


def _loopback(address) -> bool:
    if not isinstance(address, tuple):
        return True  # a Unix socket path
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name: connect() to a name resolves it outside loopback


def _guarded(method):
    def connect(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
            raise ConnectionRefusedError(f"{REFUSED}: {address!r}")
        return method(self, address, *args)
    return connect


def guard_sockets() -> None:
    """From now on, socket.connect refuses any address outside loopback (once per process)."""
    if socket.socket.connect.__qualname__ != "_guarded.<locals>.connect":
        socket.socket.connect = _guarded(socket.socket.connect)
        socket.socket.connect_ex = _guarded(socket.socket.connect_ex)
