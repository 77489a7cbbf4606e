"""Fixtures shared by every test: the local platform server (tests/local_platforms.py, whose
docstring tables say how each platform answers), started once per session on a free port."""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# The network guard: no socket may connect outside loopback, in this process and (through
# loopback_only/sitecustomize.py on PYTHONPATH) in every Python process a test starts, so no
# test can reach a real platform even on a connected machine.
_GUARD = Path(__file__).parent / "loopback_only"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_GUARD),
                                                         os.environ.get("PYTHONPATH")]))
sys.path.insert(0, str(_GUARD))
from loopback_guard import guard_sockets  # noqa: E402

guard_sockets()

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
