"""Harvesting: every distinct link resolved to the platform's own record, each check stored.

The harvester never names a platform: it asks the registry who claims a URL and lets that
adapter judge the platform's answer. Transport trouble (`Unreachable`) becomes an honest
`unverified` (or `refused`) result here, in one place.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from datos import evidence
from datos.store import now_iso

from . import platforms, schedule
from .archive import ArchiveWork
from .credentials import Credentials, Keys
from .http import HttpFetcher
from .labels import offline_line
from .platforms.base import (
    BROKEN,
    INVALID,
    REFUSED,
    UNVERIFIED,
    Adapter,
    CheckResult,
    Unreachable,
    UrlInfo,
)
from .security import check_url

REUSABLE = ("alive", "broken")  # conclusive statuses a fresh check may stand for


@dataclass
class HarvestOptions:
    remaps: list[str] = field(default_factory=list)
    concurrency: int = 32
    per_host: int = 4
    timeout: float = 15.0
    retries: int = 3
    ttl_hours: float | None = 20.0  # None: when cosecha/schedule.py says a link is due
    refresh: bool = False
    offline: bool = False
    user_agent: str | None = None
    deadline: float | None = None  # time.monotonic() after which nothing new is requested
    transport: object | None = None  # an httpx transport for tests; None: the real network
    resolver: object | None = None  # a name resolver for tests; None: the system's
    credentials: Credentials = field(default_factory=Credentials)
    archive: bool = False  # --archivar: Save Page Now for alive posts with no capture yet
    archive_max: int = 50
    notice: Callable[[str], None] = field(default=lambda text: print(text, file=sys.stderr))


@dataclass
class Outcome:
    """The JSON row of `cosecha --formato json`: one per distinct canonical URL."""

    url: str
    canonical_url: str | None
    platform: str
    post_id: str | None
    status: str
    reason: str | None
    http_status: int | None
    author: str | None
    published_at: str | None
    title: str | None
    final_url: str | None
    checked_at: str
    from_cache: bool
    # a newer inconclusive check than the one that stands: {checked_at, status, reason}
    last_attempt: dict | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Target:
    url: str
    info: UrlInfo
    adapter: Adapter

    @property
    def key(self) -> str:
        return self.info.canonical_url or self.url


def targets_for(urls: Iterable[str]) -> list[Target]:
    """One target per distinct canonical URL, in first-seen order."""
    seen: dict[str, Target] = {}
    for url in urls:
        adapter = platforms.claimant(url)
        target = Target(url, adapter.parse(url), adapter)
        seen.setdefault(target.key, target)
    return list(seen.values())


def offline_verdict(target: Target) -> CheckResult | None:
    """Statuses that need no request: refused addresses and URLs that are not posts."""
    refusal = check_url(target.url)
    if refusal == "malformed":
        return CheckResult(INVALID, reason=refusal)
    if refusal:
        return CheckResult(REFUSED, reason=refusal)
    if target.info.post_id is None and not target.adapter.fallback:
        return CheckResult(INVALID, reason="not_a_post")
    return None


def with_offline_facts(target: Target, result: CheckResult) -> CheckResult:
    facts = target.adapter.offline_facts(target.info)
    if facts and facts.published_at and not result.published_at:
        result.published_at = facts.published_at
    return result


class KeyedChecks:
    """The links adapters check many at a time with the institution's credentials. Batches are
    made before any request, from the links that need one; each is one shared check, started by
    whichever of its links asks first, its requests under the same limits as any other."""

    def __init__(self, targets: list[Target], keys: Keys, fetch: HttpFetcher):
        self.keys, self.fetch = keys, fetch
        self.batches: list[tuple[Adapter, list[UrlInfo]]] = []
        self.batch_of: dict[str, int] = {}
        self.running: dict[int, asyncio.Future] = {}
        for adapter in platforms.adapters():
            size = adapter.batch_size(keys)
            if not size:
                continue
            mine = [t for t in targets if t.adapter is adapter and t.info.post_id]
            for start in range(0, len(mine), size):
                self.batch_of.update((t.key, len(self.batches)) for t in mine[start:start + size])
                self.batches.append((adapter, [t.info for t in mine[start:start + size]]))

    async def verdict(self, target: Target) -> CheckResult | None:
        index = self.batch_of.get(target.key)
        if index is None:
            return None
        if index not in self.running:
            self.running[index] = asyncio.ensure_future(self._check(*self.batches[index]))
        # shielded: a link that runs out of time leaves the batch to the others
        return (await asyncio.shield(self.running[index])).get(target.info.post_id)

    async def _check(self, adapter: Adapter, infos: list[UrlInfo]) -> dict[str, CheckResult]:
        try:
            return await adapter.check_keyed(infos, self.fetch, self.keys)
        except Exception:  # whatever fails here, the keyless check still decides each link
            return {}

    def close(self) -> None:
        for batch in self.running.values():
            batch.cancel()


async def check_online(target: Target, fetch: HttpFetcher,
                       keyed: KeyedChecks | None = None) -> CheckResult:
    try:
        verdict = await keyed.verdict(target) if keyed else None
        return verdict or await target.adapter.check(target.info, fetch)
    except Unreachable as trouble:
        if trouble.reason == "refused":  # the detail says why: private_address: ...
            return CheckResult(REFUSED, reason=trouble.detail)
        return CheckResult(UNVERIFIED, reason=trouble.reason, http_status=trouble.http_status)
    except Exception as problem:  # whatever a hostile answer breaks ends this link, not the run
        return CheckResult(UNVERIFIED, reason=f"unexpected: {type(problem).__name__}: {problem}")


class Harvester:
    """Checks targets against the platforms, reusing fresh checks, recording each as it lands."""

    def __init__(self, store, options: HarvestOptions, command: str = "cosecha",
                 on_done: Callable[[Outcome], None] | None = None):
        self.store = store
        self.options = options
        self.command = command
        self.on_done = on_done or (lambda outcome: None)
        self.offline: dict[str, None] = {}  # platforms with a link that found no connection
        self.verified = False  # whether any link got a conclusive answer in this run

    async def run(self, targets: list[Target]) -> list[Outcome]:
        run_id = self.store.start_run(self.command)
        outcomes: list[Outcome] = []
        try:
            if self.options.offline:
                outcomes = [self._offline(target, run_id) for target in targets]
            else:
                outcomes = await self._online(targets, run_id)
        finally:
            self.store.finish_run(run_id, counts_of(outcomes))
        return outcomes

    def _offline(self, target: Target, run_id: int) -> Outcome:
        if self.store.standing(target.key)[0]:  # a person's confirmation counts too
            return self._done(target, asked=False)
        result = offline_verdict(target) or CheckResult(UNVERIFIED, reason="not_asked")
        return self._record(target, with_offline_facts(target, result), run_id, elapsed=0)

    async def _online(self, targets: list[Target], run_id: int) -> list[Outcome]:
        async with HttpFetcher(
            remaps=self.options.remaps,
            concurrency=self.options.concurrency,
            per_host=self.options.per_host,
            timeout=self.options.timeout,
            retries=self.options.retries,
            user_agent=self.options.user_agent,
            transport=self.options.transport,
            resolver=self.options.resolver,
        ) as fetch:
            settled = {t.key: self._settled(t, run_id) for t in targets}
            asked = [t for t in targets if settled[t.key] is None]
            keyed = KeyedChecks(asked, Keys(self.options.credentials, self.options.notice), fetch)
            try:
                checked = await asyncio.gather(*(self._asked(t, fetch, keyed, run_id)
                                                 for t in asked))
            finally:
                keyed.close()
            settled.update(zip((t.key for t in asked), checked))
            if fetch.unreachable and self.offline:  # said once, not link by link
                self.options.notice(offline_line(list(self.offline), self.verified))
            outcomes = [settled[t.key] for t in targets]
            await self._archive(outcomes, fetch, keyed.keys)
            return outcomes

    async def _archive(self, outcomes: list[Outcome], fetch: HttpFetcher, keys: Keys) -> None:
        work = ArchiveWork(self.store, fetch, keys, self.options.notice, self.options.deadline)
        await work.suggest(outcomes)
        if self.options.archive:
            await work.save_alive(outcomes, self.options.archive_max)

    def _settled(self, target: Target, run_id: int) -> Outcome | None:
        """The outcome of a link that needs no request (refused, not a post, checked recently)."""
        early = offline_verdict(target)
        if early:
            return self._record(target, with_offline_facts(target, early), run_id, elapsed=0)
        if not self.options.refresh and not self._due(target):
            return self._done(target, asked=False)
        return None

    def _due(self, target: Target) -> bool:
        """Whether to ask again: by the flat window of --ttl, else by the post's age."""
        if self.options.ttl_hours is None:
            return schedule.is_due(self.store.history(target.key), datetime.now(UTC))
        fresh = self.store.fresh_check(target.key, self.options.ttl_hours)
        return not (fresh and fresh["status"] in REUSABLE)

    async def _asked(self, target: Target, fetch: HttpFetcher, keyed: KeyedChecks,
                     run_id: int) -> Outcome:
        started = time.monotonic()
        result = with_offline_facts(target, await self._bounded_check(target, fetch, keyed))
        return self._record(target, result, run_id, elapsed=time.monotonic() - started)

    async def _bounded_check(self, target: Target, fetch: HttpFetcher,
                             keyed: KeyedChecks) -> CheckResult:
        """The check, unless the run's time is up before it answers."""
        remaining = None
        if self.options.deadline is not None:
            remaining = self.options.deadline - time.monotonic()
            if remaining <= 0:
                return CheckResult(UNVERIFIED, reason="time_limit")
        try:
            return await asyncio.wait_for(check_online(target, fetch, keyed), remaining)
        except TimeoutError:
            return CheckResult(UNVERIFIED, reason="time_limit")

    def _record(self, target: Target, result: CheckResult, run_id: int, elapsed: float) -> Outcome:
        checked_at = now_iso()
        if result.reason == "offline":
            self.offline[target.info.platform] = None
        self.verified = self.verified or result.status in REUSABLE
        evidence.record_check(
            self.store, result.record,
            link=link_fields(target, result),
            run_id=run_id,
            url=target.url,
            checked_at=checked_at,
            elapsed_ms=round(elapsed * 1000),
            **check_fields(result),
        )
        return self._done(target, asked=True)

    def _done(self, target: Target, asked: bool) -> Outcome:
        """The standing answer on the target, now that its check (if any) is stored."""
        row, attempt = self.store.standing(target.key)
        outcome = outcome_from_row(target, row, attempt)
        outcome.from_cache = not asked
        self.on_done(outcome)
        return outcome


CHECK_FIELDS = ("status", "reason", "http_status", "author", "published_at", "title", "final_url")


def link_fields(target: Target, result: CheckResult | None = None) -> dict:
    return {
        "canonical_url": target.key,
        "platform": target.info.platform,
        "post_id": target.info.post_id,
        "account": target.info.account,
        "resolved_id": result.resolved_id if result else None,
        "resolved_url": result.resolved_url if result else None,
    }


def check_fields(result: CheckResult) -> dict:
    return {name: getattr(result, name) for name in CHECK_FIELDS}


def outcome_from_row(target: Target, row: dict, attempt: dict | None = None) -> Outcome:
    return Outcome(
        url=target.url,
        canonical_url=target.info.canonical_url,
        platform=target.info.platform,
        post_id=target.info.post_id,
        checked_at=row["checked_at"],
        from_cache=True,
        last_attempt=attempt_of(attempt),
        **{name: row.get(name) for name in CHECK_FIELDS},
    )


def attempt_of(row: dict | None) -> dict | None:
    """What JSON shows of a last attempt."""
    return {name: row[name] for name in ("checked_at", "status", "reason")} if row else None


def counts_of(outcomes: list[Outcome]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts


def any_broken(outcomes: list[Outcome]) -> bool:
    return any(outcome.status == BROKEN for outcome in outcomes)
