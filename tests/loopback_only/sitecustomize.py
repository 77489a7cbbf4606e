"""Started with every Python process the tests run (see tests/conftest.py)."""

import loopback_guard  # noqa: F401
