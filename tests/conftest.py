"""Fixtures shared by every test: the local platform server, started once per session."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from plataformas_locales import PlatformServer  # noqa: E402


@pytest.fixture(scope="session")
def servidor_sesion():
    server = PlatformServer().start()
    yield server
    server.stop()


@pytest.fixture
def plataformas(servidor_sesion):
    """The local platforms, with no scenario, latency or recorded request left by another test."""
    servidor_sesion.reset()
    yield servidor_sesion
    servidor_sesion.reset()
