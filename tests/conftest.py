"""Fixtures shared by every test: the local platform server (tests/local_platforms.py, whose
docstring tables say how each platform answers), started once per session on a free port."""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# the loopback-only guard, here and in every process a test starts
_GUARD = Path(__file__).parent / "loopback_only"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_GUARD),
                                                         os.environ.get("PYTHONPATH")]))
sys.path.insert(0, str(_GUARD))
import loopback_guard  # noqa: E402,F401

from local_platforms import PlatformServer  # noqa: E402


@pytest.fixture(scope="session")
def servidor_sesion():
    """The one server of the session, as it is: for session-wide fixtures of other folders."""
    with PlatformServer() as server:
        yield server


@pytest.fixture
def plataformas(servidor_sesion):
    """The session's server with no scenario, latency, fault count or recorded request left by
    another test: `.port`, `.remap` (the --remap argument), `.requests`, `.latency`,
    `.with_latency(s)`, `.slow_seconds`, `.x_scenario(id, kind)`, `.youtube_scenario(id, kind)`,
    `.facebook_scenario(token, kind)`, `.local_url(url)`."""
    servidor_sesion.reset()
    yield servidor_sesion
    servidor_sesion.reset()
