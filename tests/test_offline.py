"""Offline is said once: a platform that cannot be reached is probed, not retried link by link,
and the run says so in one line; `--sin-red` says it did not ask, not that it could not."""

import asyncio
import json
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from auditor.cli import main as auditor
from cosecha.http import HttpFetcher
from cosecha.platforms.base import Unreachable

S000 = Path(__file__).parent.parent / "ejemplos" / "000_a182aa916ef26d9e.txt"
ANY_HOST = r"^https?://([^/]+)/?(.*)$"
OFFLINE_LINE = "sin conexión con"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nowhere(hosts: str = "[^/]+") -> str:
    """A remap sending these hosts to a local port where nothing listens."""
    return rf"^https?://({hosts})/?(.*)$ http://127.0.0.1:{closed_port()}/\1/\2"


def revisar(*args, db):
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "auditor.cli", "revisar", S000, *args,
                          "--formato", "json", "--db", str(db)],
                         capture_output=True, text=True, timeout=60)
    assert "Traceback" not in run.stderr, run.stderr
    return run, time.monotonic() - started


def latest(db) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return {url: (status, reason) for url, status, reason in conn.execute(
            "SELECT canonical_url, status, reason FROM latest_checks")}


def offline_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if OFFLINE_LINE in line]


def test_sample_000_with_nothing_reachable_ends_within_5_s_and_says_so_once(tmp_path):
    run, elapsed = revisar("--remap", nowhere(), db=tmp_path / "c.db")
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert offline_lines(run.stderr) == [
        "sin conexión con las plataformas: X, Facebook, Web, YouTube; nada se verificó"]
    statuses = latest(tmp_path / "c.db")
    assert len(statuses) == 40 and set(statuses.values()) == {("unverified", "offline")}


def revisar_here(capsys, *args, db):
    """The same command in this process (no interpreter to start)."""
    auditor(["revisar", str(S000), *args, "--formato", "json", "--db", str(db)])
    return capsys.readouterr()


def test_a_platform_that_answers_keeps_being_asked(plataformas, tmp_path, capsys):
    down = nowhere(r"www\.facebook\.com|www\.youtube\.com|youtu\.be|[^/]*\.gob\.ec")
    run = revisar_here(capsys, "--remap", down, "--remap", plataformas.remap, db=tmp_path / "c.db")
    assert offline_lines(run.err) == ["sin conexión con las plataformas: Facebook, Web, YouTube"]
    statuses = latest(tmp_path / "c.db")
    x = {s for url, s in statuses.items() if url.startswith("https://x.com/")}
    others = {s for url, s in statuses.items() if not url.startswith("https://x.com/")}
    assert x == {("alive", None)} and others == {("unverified", "offline")}


def test_without_the_network_findings_say_it_was_not_asked(tmp_path, capsys):
    run = revisar_here(capsys, "--sin-red", db=tmp_path / "c.db")
    messages = {f["message"] for f in json.loads(run.out)["reports"][0]["findings"]
                if f["code"] == "unverified_link"}
    assert messages == {"Enlace sin verificar: sin consultar la red (--sin-red)"}
    assert not offline_lines(run.err)


def test_requests_to_a_host_that_never_answers_end_after_one_probe_without_retries():
    def refused(request):
        raise httpx.ConnectError("refused")

    async def fetch_five():
        internet = httpx.MockTransport(refused)
        async with HttpFetcher(transport=internet, retries=3, backoff=0.01) as fetcher:
            tries = [fetcher.get(f"http://93.184.216.34/{n}") for n in range(5)]
            return await asyncio.gather(*tries, return_exceptions=True), fetcher

    answers, fetcher = asyncio.run(fetch_five())
    assert {(type(a), a.reason) for a in answers} == {(Unreachable, "offline")}
    assert fetcher.requests.total() == 5 and fetcher.unreachable == ["93.184.216.34"]
