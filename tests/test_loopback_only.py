"""The suite's guard: no socket of a test, or of a process a test starts, leaves loopback."""

import socket
import subprocess
import sys

import pytest
from loopback_guard import REFUSED, _loopback

PROBE = "import socket; print(socket.socket.connect.__qualname__)"


@pytest.mark.parametrize("address, allowed", [
    (("127.0.0.1", 80), True), (("127.8.9.10", 80), True), (("::1", 80, 0, 0), True),
    (("localhost", 80), True), (("10.0.0.1", 80), False), (("192.168.1.1", 80), False),
    (("8.8.8.8", 53), False), (("x.com", 443), False), (("2001:db8::1", 80, 0, 0), False),
])
def test_only_loopback_addresses_pass(address, allowed):
    assert _loopback(address) is allowed


def test_a_connection_beyond_loopback_is_refused_before_any_packet():
    with socket.socket() as sock:
        sock.close()  # a closed socket: were the guard gone, connect would fail on its own
        with pytest.raises(ConnectionRefusedError, match=REFUSED):
            socket.socket.connect(sock, ("10.0.0.1", 80))


def test_processes_started_by_the_tests_carry_the_guard():
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert run.stdout.strip() == "_guarded.<locals>.connect"
    assert socket.socket.connect.__qualname__ == "_guarded.<locals>.connect"
