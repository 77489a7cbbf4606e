"""Started with every Python process the tests run (see tests/conftest.py)."""

from loopback_guard import guard_sockets

guard_sockets()
