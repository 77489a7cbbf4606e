"""Faults from the platforms during a nightly run: the run finishes, each link is unverified
with the reason the fault deserves, and only what the platform says is gone is broken."""

from __future__ import annotations

import socket
import time

import pytest

from .nightly_common import FIRST_X_ID, findings_of, rows, run_nightly

pytestmark = pytest.mark.lento

UNVERIFIED, BROKEN, ALIVE = "unverified", "broken", "alive"

WEB = {  # path on an ordinary web host -> (status, reason)
    "lento": (UNVERIFIED, "timeout"),  # answers after 3 s; --timeout 1
    "429": (ALIVE, None),  # one 429 with Retry-After: 1, then 200
    "429-http-date": (ALIVE, None),  # Retry-After as an HTTP date
    "rafaga-5xx": (UNVERIFIED, "server_error"),  # two 503: more than --reintentos 1 allows
    "reset": (UNVERIFIED, "offline"),  # connection dropped without an answer
    "bucle": (UNVERIFIED, "redirect_loop"),
    "redir-larga": (UNVERIFIED, "redirect_loop"),  # more than 10 redirections
    "enorme": (UNVERIFIED, "too_large"),  # 50 MB body
    "utf8-invalido": (ALIVE, None),
    "json-roto": (ALIVE, None),
    "prohibido": (UNVERIFIED, "blocked"),  # 403
    "cf": (UNVERIFIED, "blocked"),  # Cloudflare challenge
    "999": (UNVERIFIED, "blocked"),
    "no-existe": (BROKEN, "not_found"),  # 404: the site says it is not there
    "gone": (BROKEN, "not_found"),  # 410
}
X = {  # syndication scenario -> (status, reason)
    "html": (UNVERIFIED, "unexpected"),  # HTML where JSON was expected
    "broken_json": (UNVERIFIED, "unexpected"),
    "empty": (UNVERIFIED, "unexpected"),
    "rate_limited": (UNVERIFIED, "rate_limited"),  # 429, Retry-After: 1, every time
    "rate_limited_long": (UNVERIFIED, "rate_limited"),  # Retry-After: 3600, not waited
    "deleted": (BROKEN, "deleted"),
    "not_found": (BROKEN, "deleted"),  # 404, confirmed by oEmbed
}
YOUTUBE = {
    "consent": (UNVERIFIED, "consent_wall"),
    "private": (BROKEN, "private"),
    "deleted": (BROKEN, "unavailable"),
}
FACEBOOK = {
    "login_redirect": (UNVERIFIED, "login_wall"),
    "login_form": (UNVERIFIED, "login_wall"),
    "unsupported_browser": (UNVERIFIED, "login_wall"),
    "unavailable": (BROKEN, "unavailable"),
}


def fault_links(server) -> dict[str, tuple[str, str | None]]:
    """Every fault as a link, with the scenario set on the local server."""
    expected = {f"https://www.fallas.gob.ec/{path}": answer for path, answer in WEB.items()}
    for n, (kind, answer) in enumerate(X.items()):
        server.x(FIRST_X_ID + n, kind)
        expected[f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + n}"] = answer
    for n, (kind, answer) in enumerate(YOUTUBE.items()):
        server.youtube(f"falla{n:06d}", kind)
        expected[f"https://www.youtube.com/watch?v=falla{n:06d}"] = answer
    for n, (kind, answer) in enumerate(FACEBOOK.items()):
        server.facebook(f"falla{n}", kind)
        expected[f"https://www.facebook.com/share/p/falla{n}/"] = answer
    return expected


def write_report(folder, links) -> None:
    folder.mkdir()
    lines = ["Informe de difusión con fallas", "", "A. Difusión del evento", "", "Enlaces:", "",
             *links]
    (folder / "fallas.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def latest_statuses(db) -> dict[str, tuple[str, str | None]]:
    found = rows(db, "SELECT canonical_url, status, reason FROM latest_checks")
    return {url: (status, reason.split(":")[0] if reason else None)
            for url, status, reason in found}


def test_platform_faults_are_unverified_with_their_reason_and_only_gone_posts_are_broken(
        plataformas, tmp_path, cifras):
    expected = fault_links(plataformas)
    write_report(tmp_path / "carpeta", expected)
    started = time.monotonic()
    run = run_nightly(plataformas, tmp_path / "carpeta", tmp_path / "c.db", tmp_path / "out",
                      "--reintentos", "1", "--timeout", "1")
    elapsed = time.monotonic() - started
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert elapsed < 60  # a Retry-After of an hour is not waited for
    statuses = latest_statuses(tmp_path / "c.db")
    wrong = {url: (statuses.get(url), answer) for url, answer in expected.items()
             if statuses.get(url) != answer}
    assert not wrong
    gone = {url for url, (status, _) in expected.items() if status == BROKEN}
    assert {finding["url"] for finding in findings_of(tmp_path / "out", "broken_link")} == gone
    unverified = {url for url, (status, _) in expected.items() if status == UNVERIFIED}
    assert unverified <= {f["url"] for f in findings_of(tmp_path / "out", "unverified_link")}
    cifras["fallas de plataforma"] = (f"{len(expected)} probadas en una ejecución nocturna "
                                      f"({elapsed:.1f} s); rotos solo los {len(gone)} que la "
                                      "plataforma da por desaparecidos")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_platforms_out_of_reach_leave_everything_unverified_and_nothing_broken(
        plataformas, tmp_path):
    links = [f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + n}" for n in range(3)]
    links += ["https://www.youtube.com/watch?v=falla000000", "https://www.fallas.gob.ec/gone"]
    write_report(tmp_path / "carpeta", links)
    unreachable = rf"^https?://([^/]+)/?(.*)$ http://127.0.0.1:{closed_port()}/\1/\2"
    run = run_nightly(None, tmp_path / "carpeta", tmp_path / "c.db", tmp_path / "out",
                      "--remap", unreachable, "--reintentos", "1", "--timeout", "1")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    statuses = latest_statuses(tmp_path / "c.db")
    assert len(statuses) == len(links)
    assert set(statuses.values()) == {(UNVERIFIED, "offline")}
    assert not findings_of(tmp_path / "out", "broken_link")
    assert not plataformas.requests
