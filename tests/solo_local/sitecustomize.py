"""Started with every Python process the tests run (see tests/conftest.py)."""

import solo_loopback  # noqa: F401
