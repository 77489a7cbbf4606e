"""Hostile servers (issue 14) and a deadline striking mid-harvest (issue 10): a Location no
client can follow, a Retry-After of forever, a remap rule that lets the link choose the host.
Each ends as that link's status, never as the run's end, and never waits past the 120 s cap."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from urllib.parse import quote

import httpx
import pytest
from reliability.nightly_common import latest_page, rows, write_folder

from auditor.cli import main as auditor_main
from auditor.nightly.run import NightlyOptions, run_nightly
from cosecha.cli import main as cosecha_main
from cosecha.harvest import HarvestOptions
from cosecha.http import HttpFetcher, parse_remap
from cosecha.platforms.base import Unreachable
from datos import open_store

SITE = "https://www.cne.gob.ec"
ALIVE, GONE = f"{SITE}/ok", f"{SITE}/no-existe"

# Location -> (status, reason up to its detail) of the link that redirects there
LOCATIONS = {
    "mailto:prensa@cne.gob.ec": ("refused", "scheme"),
    "tel:+59342000000": ("refused", "scheme"),
    "javascript:alert(1)": ("refused", "scheme"),
    "about:blank": ("refused", "scheme"),
    "data:text/html,hola": ("refused", "scheme"),
    "http:foo": ("unverified", "unexpected"),
    "http://": ("unverified", "unexpected"),
    "https://[::1": ("unverified", "unexpected"),
    # the credentials are not sent; the page behind them answers
    "https://usuario:clave@www.cne.gob.ec/ok": ("alive", None),
}


def redirecting_to(location: str) -> str:
    return f"{SITE}/redir-a?a={quote(location, safe='')}"


def keeping_credentials(server) -> str:
    """A remap rule that carries a link's user:password@ to the target, as a plain
    `^https?://(.*)$ https://\\1` rule does on the real network."""
    return rf"^https?://(?:([^/@]*)@)?([^/]+)/?(.*)$ http://\g<1>@127.0.0.1:{server.port}/\2/\3"


def by_url(output: str) -> dict[str, dict]:
    return {row["url"]: row for row in json.loads(output or "[]")}


def cosecha(capsys, *args: str) -> tuple[int, dict[str, dict]]:
    """The command in this process, as a user runs it: its exit code and JSON rows by link."""
    code = cosecha_main(["--formato", "json", *args])
    return code, by_url(capsys.readouterr().out)


def cosecha_process(*args: str, timeout: float) -> tuple[dict[str, dict], float]:
    """The command in its own process, for what could hang: its JSON rows and how long it took."""
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "cosecha.cli", "--formato", "json", *args],
                         capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in run.stderr, run.stderr
    return by_url(run.stdout), time.monotonic() - started


def code_of(reason: str | None) -> str | None:
    return reason.split(":")[0] if reason else None


def test_a_redirect_no_client_can_follow_ends_that_link_and_the_run_goes_on(
        plataformas, tmp_path, capsys):
    links = [redirecting_to(location) for location in LOCATIONS]
    code, found = cosecha(capsys, "--db", str(tmp_path / "c.db"),
                          "--remap", keeping_credentials(plataformas), "--reintentos", "0",
                          *links, ALIVE, GONE)
    seen = {location: (found[link]["status"], code_of(found[link]["reason"]))
            for location, link in zip(LOCATIONS, links)}
    assert seen == LOCATIONS
    assert (found[ALIVE]["status"], found[GONE]["status"], code) == ("alive", "broken", 1)
    assert ("GET", "www.cne.gob.ec", "/ok") in plataformas.requests


def test_a_nightly_run_over_a_report_with_such_links_publishes_its_pages(plataformas, tmp_path):
    folder, out = tmp_path / "informes", tmp_path / "publicado"
    folder.mkdir()
    links = [redirecting_to(location) for location in LOCATIONS] + [ALIVE]
    lines = ["Informe de difusión", "", "A. Difusión del evento", "", "Enlaces:", "", *links]
    (folder / "informe.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = auditor_main(["nocturno", str(folder), "--db", str(tmp_path / "c.db"),
                         "--salida-dir", str(out), "--remap", keeping_credentials(plataformas),
                         "--reintentos", "0"])
    assert code in (0, 1)
    assert (out / "ultimo.html").is_file() and latest_page(out)["reports"]
    stored = dict(rows(tmp_path / "c.db", "SELECT url, status FROM latest_checks"))
    assert stored[redirecting_to("mailto:prensa@cne.gob.ec")] == "refused"
    assert stored[ALIVE] == "alive"


FOREVER = ["99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"]
UNREADABLE = ["-30", "pronto"]


def test_retry_after_is_never_waited_beyond_two_minutes(plataformas, tmp_path):
    links = {}  # link -> (reason, requests it should take)
    for n, value in enumerate(FOREVER + UNREADABLE):
        for status, reason in ((429, "rate_limited"), (503, "server_error")):
            link = (f"https://espera-{n}-{status}.gob.ec/retry-after"
                    f"?estado={status}&valor={quote(value)}")
            # beyond the cap: one HEAD, not retried; unreadable: the usual backoff, one retry
            links[link] = (reason, 1 if value in FOREVER else 2)
    found, elapsed = cosecha_process("--db", str(tmp_path / "c.db"), "--remap", plataformas.remap,
                                     "--reintentos", "1", *links, timeout=30)
    assert elapsed < 8
    assert {url: (row["status"], row["reason"], len(plataformas.requests_for(url.split("/")[2])))
            for url, row in found.items()} == {
        url: ("unverified", reason, sent) for url, (reason, sent) in links.items()}


def test_a_remap_that_takes_the_host_from_the_link_leaves_it_checked(
        plataformas, tmp_path, capsys):
    rules = ["--remap", r"^http://(.*)$ http://\1", "--remap", plataformas.remap]
    private = ["http://10.0.0.1/", "http://127.0.0.2/x"]
    _, found = cosecha(capsys, "--db", str(tmp_path / "c.db"), *rules, *private, ALIVE)
    assert [found[url]["status"] for url in private] == ["refused", "refused"]
    assert found[ALIVE]["status"] == "alive"
    assert list(plataformas.requests) == [("HEAD", "www.cne.gob.ec", "/ok"),
                                          ("GET", "www.cne.gob.ec", "/ok")]


class Table:
    def __init__(self, **answers):
        self.answers = answers

    async def resolve(self, host):
        return self.answers.get(host, ["93.184.216.34"])


@pytest.mark.parametrize("rule, url, address", [
    (r"^http://(.*)$ http://\1", "http://intranet.example/x", "10.0.0.1"),
    (r"^http://(.*)$ http://\1", "http://intranet.example/x", "127.0.0.2"),
    (r"^http://salto\.example/([^/]+)/(.*)$ http://\1/\2", "http://salto.example/10.0.0.1/x",
     "10.0.0.1"),
    (r"^http://salto\.example/([^/]+)/(.*)$ http://\g<1>/\2", "http://salto.example/127.0.0.2/x",
     "127.0.0.2"),
])
def test_a_host_the_link_chooses_through_a_remap_is_refused_and_never_sent(rule, url, address):
    sent = []

    async def fetch():
        transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))
        async with HttpFetcher(remaps=[rule], transport=transport,
                               resolver=Table(**{"intranet.example": [address]})) as fetcher:
            return await fetcher.get(url)

    with pytest.raises(Unreachable) as refused:
        asyncio.run(fetch())
    assert refused.value.reason == "refused" and address in refused.value.detail
    assert sent == []


@pytest.mark.parametrize("replacement, host", [
    (r"http://127.0.0.1:8080/\1/\2", "127.0.0.1"),
    (r"http://\g<1>@localhost:8080/\2", "localhost"),
    (r"http://\1", None),
    (r"http://\1.espejo.example/", None),
    (r"http://127.0.0.1:\1/", None),
    (r"\1://127.0.0.1/", None),
])
def test_only_a_host_written_in_the_rule_is_the_operators_choice(replacement, host):
    assert parse_remap(rf"^https?://(.*)$ {replacement}").host == host


def test_a_deadline_striking_mid_harvest_ends_the_night_within_seconds(plataformas, tmp_path):
    """Issue 10: a freed slot handed to a waiter just cancelled raised InvalidStateError."""
    write_folder(plataformas, tmp_path / "informes", reports=20)
    db = tmp_path / "c.db"
    options = NightlyOptions(tmp_path / "informes", tmp_path / "publicado", minutes=1.2 / 60)
    harvest = HarvestOptions(remaps=[plataformas.remap], concurrency=6, per_host=2, retries=0)
    store = open_store(db)
    started = time.monotonic()
    with plataformas.with_latency(0.15):
        try:
            run_nightly(store, db, options, harvest)
        finally:
            store.close()
    elapsed = time.monotonic() - started
    assert elapsed < 1.2 + 5
    statuses = dict(rows(db, "SELECT status || ' ' || coalesce(reason, ''), count(*) "
                             "FROM latest_checks GROUP BY 1"))
    assert statuses.get("unverified time_limit", 0) > 50 and statuses.get("alive ", 0) > 0
    assert latest_page(tmp_path / "publicado")["reports"]
    assert list(tmp_path.glob("c.db.respaldo-*"))
    assert rows(db, "SELECT count(*) FROM nightly_runs") == [(1,)]
