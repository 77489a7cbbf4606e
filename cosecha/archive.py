"""The web archive (the Wayback Machine): the closest capture of a broken link, suggested to the
analyst, and captures of alive posts made on request (`--archivar`).

Both go through the run's HTTP layer (its limits, retries, security rules and `--remap`). A
suggestion never changes a status. The archive's keys travel only in the Authorization header
of Save Page Now requests; a capture address is kept only when it is a web.archive.org one, so
an answer cannot slip a script or another site into a page.

Availability API: https://archive.org/help/wayback_api.php
Save Page Now 2 (SPN2): https://docs.google.com/document/d/1Nsv52MvSjbLb2PCpHlat0gkzw0EvtSgpKHu4mk0MnrA
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from datos import archives
from datos.store import now_iso

from .credentials import Keys
from .platforms.base import ALIVE, BROKEN, Fetcher, Unreachable

AVAILABLE = "https://archive.org/wayback/available"
SAVE = "https://web.archive.org/save"
STATUS = "https://web.archive.org/save/status/"
CAPTURE = re.compile(r"https?://web\.archive\.org/web/(\d{14})/(https?://[^\s\"'<>]+)")
POLL_FIRST_S, POLL_LONGEST_S, POLL_BUDGET_S = 0.5, 8.0, 180.0
# answers after which the archive takes no more saves from us today (or from these keys)
LIMIT_ANSWERS = {"error:too-many-requests", "error:user-session-limit",
                 "error:too-many-daily-captures", "error:unauthorized"}
WAIT = "el archivo web pide esperar (HTTP 429)"
NO_KEYS = ("cosecha: --archivar necesita las claves de Internet Archive ([archive] clave y "
           "secreto en el archivo de --credenciales); sin ellas no se archivó nada")


@dataclass(frozen=True)
class Capture:
    archived_url: str | None  # None: the archive holds no capture
    captured_at: str | None  # ISO 8601 UTC


NONE = Capture(None, None)


class Stop(Exception):
    """The archive takes no more saves in this run; the message says why, in Spanish."""


def capture_at(url) -> Capture | None:
    """A web.archive.org capture address, as https, with the moment its timestamp names."""
    found = CAPTURE.fullmatch(url) if isinstance(url, str) else None
    if not found:
        return None
    stamp = found[1]
    moment = (f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:"
              f"{stamp[12:]}Z")
    return Capture(f"https://web.archive.org/web/{stamp}/{found[2]}", moment)


async def closest(fetch: Fetcher, url: str, day: str | None) -> Capture | None:
    """The capture closest to `day` (AAAAMMDD; None: any), NONE when there is none, or None
    when the archive could not be asked (asked again another run)."""
    query = {"url": url, **({"timestamp": day} if day else {})}
    try:
        reply = await fetch.get(f"{AVAILABLE}?{urlencode(query)}")
        data = reply.json() if reply.status_code == 200 else None
    except (Unreachable, ValueError):
        return None
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    if not isinstance(snapshots, dict):
        return None
    best = snapshots.get("closest")
    if (not isinstance(best, dict) or best.get("available") is not True
            or not str(best.get("status", "")).startswith("2")):
        return NONE
    return capture_at(best.get("url")) or NONE


def spn_answer(reply) -> dict:
    """A Save Page Now answer as JSON; Stop when it says no more saves for now."""
    if reply.status_code in (401, 403):
        raise Stop(f"el archivo web rechazó las claves (HTTP {reply.status_code})")
    if reply.status_code == 429:
        raise Stop(WAIT)
    try:
        data = reply.json()
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    if data.get("status_ext") in LIMIT_ANSWERS:
        raise Stop(f"el archivo web llegó a su límite ({data['status_ext']})")
    return data


async def save(fetch: Fetcher, url: str, authorization: str) -> Capture | None:
    """One capture of `url`, its job polled until done; None when the job failed."""
    headers = {"Authorization": authorization, "Accept": "application/json"}
    try:
        job = spn_answer(await fetch.get(
            SAVE, method="POST", follow_redirects=False, content=urlencode({"url": url}).encode(),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"}))
        job_id = job.get("job_id")
        wait, deadline = POLL_FIRST_S, time.monotonic() + POLL_BUDGET_S
        while isinstance(job_id, str) and job_id and time.monotonic() < deadline:
            await asyncio.sleep(wait)
            done = spn_answer(await fetch.get(STATUS + quote(job_id, safe=""), headers=headers))
            if done.get("status") != "pending":
                return finished(done, url)
            wait = min(2 * wait, POLL_LONGEST_S)
    except Unreachable as trouble:  # retried by the HTTP layer, and still refused
        if trouble.http_status == 429:
            raise Stop(WAIT) from None
        if trouble.reason == "offline":
            raise Stop("sin conexión con el archivo web") from None
    return None


def finished(status: dict, url: str) -> Capture | None:
    if status.get("status") != "success" or not isinstance(status.get("timestamp"), str):
        return None
    original = status.get("original_url")
    original = original if isinstance(original, str) and original.startswith("http") else url
    return capture_at(f"https://web.archive.org/web/{status['timestamp']}/{original}")


@dataclass
class ArchiveWork:
    """What a run asks of the archive once its links are checked."""

    store: object
    fetch: Fetcher
    keys: Keys
    notice: Callable[[str], None]
    deadline: float | None = None

    def in_time(self) -> bool:
        return self.deadline is None or time.monotonic() < self.deadline

    async def suggest(self, outcomes) -> None:
        """The closest capture of each broken link the archive was never asked about, from
        the day it was last seen alive."""
        asked = [o for o in outcomes if o.status == BROKEN
                 and not archives.known(self.store, key_of(o)) and self.in_time()]
        found = await asyncio.gather(*(self._closest(o) for o in asked))
        for outcome, capture in zip(asked, found):
            if capture is not None:
                archives.record(self.store, key_of(outcome), capture.archived_url,
                                capture.captured_at, archives.SUGGESTED, now_iso())

    async def _closest(self, outcome) -> Capture | None:
        alive = archives.last_alive(self.store, key_of(outcome))
        day = alive[:10].replace("-", "") if alive else None
        return await closest(self.fetch, key_of(outcome), day)

    async def save_alive(self, outcomes, at_most: int) -> None:
        """Save Page Now, one job at a time, for alive posts with no capture of ours yet."""
        key, secret = self.keys.get("archive_key"), self.keys.get("archive_secret")
        if not (key and secret):
            self.notice(NO_KEYS)
            return
        due = [o for o in outcomes if o.status == ALIVE and o.post_id
               and not archives.known(self.store, key_of(o), archives.SAVED)][:at_most]
        for outcome in due:
            if not self.in_time():
                return
            try:
                capture = await save(self.fetch, key_of(outcome), f"LOW {key}:{secret}")
            except Stop as why:
                self.notice(f"cosecha: {why}: no se archiva nada más en esta ejecución")
                return
            if capture:
                archives.record(self.store, key_of(outcome), capture.archived_url,
                                capture.captured_at, archives.SAVED, now_iso())


def key_of(outcome) -> str:
    return outcome.canonical_url or outcome.url
