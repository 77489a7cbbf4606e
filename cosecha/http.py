"""The HTTP layer: the one seam every platform request goes through.

httpx's API over the aiohttp transport (plain httpx.AsyncClient queues badly under
concurrency: encode/httpx#3215). Redirects are followed here, by hand, so that each hop is
checked against the security rules and remapped on its own; `--remap` rewrites a URL just
before it is sent, and everything the adapters see (Reply.url, Reply.history) stays the
platform's.
"""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import aiohttp
import httpx
from aiohttp.abc import AbstractResolver
from httpx_aiohttp import AiohttpTransport
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from . import __version__
from .platforms.base import Reply, Unreachable
from .security import Resolver, SystemResolver, check_addresses, check_resolved, check_url

USER_AGENT = f"cosecha/{__version__} (+https://github.com/cosecha-auditor/cosecha-auditor)"
MAX_REDIRECTS = 10
MAX_BODY = 2 * 1024 * 1024
MAX_RETRY_AFTER_S = 120
RETRY_STATUSES = {429, 502, 503, 504}
PROBE_SECONDS = 2.0  # how long a host that refused a connection gets to show it is there
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Remap:
    pattern: re.Pattern
    replacement: str
    host: str | None  # the target host the replacement writes itself, if it does

    def apply(self, url: str) -> str | None:
        if not self.pattern.search(url):
            return None
        return self.pattern.sub(self.replacement, url, count=1)


def parse_remap(rule: str) -> Remap:
    pattern, sep, replacement = rule.strip().partition(" ")
    if not sep or not pattern or not replacement.strip():
        raise ValueError(f"regla --remap inválida {rule!r}: se espera 'REGEX REEMPLAZO'")
    try:
        return Remap(re.compile(pattern), replacement.strip(), literal_host(replacement.strip()))
    except re.error as problem:
        raise ValueError(f"regla --remap inválida {rule!r}: {problem}") from None


def literal_host(replacement: str) -> str | None:
    """The host written in a replacement; None when any of it may come from the link (a group
    reference such as \\1 or \\g<host>), for then the link chooses where we connect."""
    try:
        parts = urlsplit(replacement)
    except ValueError:
        return None
    return None if "\\" in parts.netloc.rpartition("@")[2] else parts.hostname


def hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def without_credentials(url: str) -> str:
    """A link's user:password@ is not ours to send (and the transport refuses it)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


class _Retryable(Exception):
    def __init__(self, status: int, retry_after: float | None):
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait, from delay-seconds or an HTTP date; None when unreadable."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError, IndexError):
        return None


class Slots:
    """At most `limit` holders at once; a freed slot is handed straight to a waiter (`_next`)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.active = 0
        self.waiting: list[tuple[Slots | None, asyncio.Future]] = []

    @asynccontextmanager
    async def held(self, owner: Slots | None = None):
        await self._acquire(owner)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, owner: Slots | None) -> None:
        if self.active < self.limit and not self.waiting:
            self.active += 1
            return
        entry = (owner, asyncio.get_running_loop().create_future())
        self.waiting.append(entry)
        try:
            await entry[1]
        except asyncio.CancelledError:
            if not entry[1].cancelled():  # handed a slot just as it was cancelled: pass it on
                self._release()
            elif entry in self.waiting:
                self.waiting.remove(entry)
            raise

    def _release(self) -> None:
        self.active -= 1
        while self.waiting and self.active < self.limit:
            entry = self._next()
            self.waiting.remove(entry)
            if entry[1].cancelled():  # its task is being cancelled and will not take the slot
                continue
            self.active += 1
            entry[1].set_result(None)

    def _next(self) -> tuple[Slots | None, asyncio.Future]:
        return self.waiting[0]


class HostLimit(Slots):
    """A host's limit, first come first served, lowered while in use after a 429."""

    def slow_down(self) -> None:
        self.limit = max(1, self.limit // 2)


class SharedLimit(Slots):
    """The global limit. A free slot goes to the host with the longest queue: served first
    come first served, the many small hosts would starve the one that bounds the run."""

    def _next(self) -> tuple[Slots | None, asyncio.Future]:
        return max(self.waiting, key=lambda entry: len(entry[0].waiting) if entry[0] else 0)


class RefusedAddress(OSError):
    """A name resolved, at connection time, to an address we may not contact."""


class PinnedResolver(AbstractResolver):
    """The resolver of our connections: they go only to the addresses checked here, so a name
    cannot answer public to the check and private to the connection (DNS rebinding). Hosts
    written in remap rules are the operator's choice and pass unchecked."""

    def __init__(self, resolver: Resolver, chosen: set[str]):
        self.resolver = resolver
        self.chosen = chosen

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET):
        addresses = await self.resolver.resolve(host)
        refusal = None if host in self.chosen else check_addresses(host, addresses)
        if refusal:
            raise RefusedAddress(refusal)
        return [{"hostname": host, "host": address, "port": port, "proto": 0,
                 "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                 "flags": socket.AI_NUMERICHOST} for address in addresses]

    async def close(self) -> None:
        pass


def refused_cause(problem: BaseException) -> RefusedAddress | None:
    while problem is not None:
        if isinstance(problem, RefusedAddress):
            return problem
        problem = getattr(problem, "os_error", None) or problem.__cause__
    return None


class HttpFetcher:
    def __init__(self, *, remaps: list[str] | tuple = (), concurrency: int = 32, per_host: int = 4,
                 timeout: float = 15.0, retries: int = 3, user_agent: str | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 resolver: Resolver | None = None, backoff: float = 0.5,
                 max_body: int = MAX_BODY):
        self.remaps = [parse_remap(rule) for rule in remaps]
        self.concurrency = SharedLimit(concurrency)
        self.per_host = per_host
        self.hosts: dict[str, HostLimit] = {}
        self.timeout = timeout
        self.retries = retries
        self.user_agent = user_agent or USER_AGENT
        self.transport = transport
        self.resolver = resolver or SystemResolver()
        # backoff, 2·backoff, 4·backoff... plus up to one backoff of jitter
        self.backoff = wait_exponential(multiplier=backoff, max=30) + wait_random(0, backoff)
        self.max_body = max_body
        self.requests: Counter[str] = Counter()  # requests sent, per platform host
        self.chosen_hosts = {rule.host for rule in self.remaps if rule.host}
        self.probes: dict[str, asyncio.Future] = {}  # per platform host: does it answer at all?
        self.client: httpx.AsyncClient | None = None

    def pinned_transport(self) -> AiohttpTransport:
        ssl_context = httpx.create_ssl_context()

        def session() -> aiohttp.ClientSession:  # made inside the running loop, on first use
            resolver = PinnedResolver(self.resolver, self.chosen_hosts)
            # no connection cap here: the slots above bound the requests in flight
            return aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0, ssl=ssl_context, resolver=resolver))

        return AiohttpTransport(client=session)

    async def __aenter__(self) -> HttpFetcher:
        self.sender = self.transport or self.pinned_transport()
        self.client = httpx.AsyncClient(transport=self.sender, follow_redirects=False,
                                        timeout=self.timeout,
                                        headers={"User-Agent": self.user_agent})
        return self

    async def __aexit__(self, *exc) -> None:
        for probe in self.probes.values():  # left behind by requests cancelled at the time limit
            probe.cancel()
        await self.client.aclose()

    def remapped(self, url: str) -> tuple[Remap | None, str | None]:
        """The first rule that rewrites this URL, and what it makes of it."""
        for rule in self.remaps:
            target = rule.apply(url)
            if target:
                return rule, target
        return None, None

    async def get(self, url: str, *, headers: dict[str, str] | None = None,
                  follow_redirects: bool = True, method: str = "GET",
                  content: bytes | None = None) -> Reply:
        history: list[str] = []
        current = url
        while True:
            reply = await self._send(method, current, headers or {}, content)
            location = reply.headers.get("location")
            if not (follow_redirects and reply.status_code in REDIRECT_STATUSES and location):
                reply.history = history
                return reply
            history.append(current)
            try:
                current = urljoin(current, location)
            except ValueError:  # e.g. an unclosed IPv6 bracket
                raise Unreachable("unexpected", f"redirección a {location!r}") from None
            if current in history:
                raise Unreachable("redirect_loop", f"vuelve a {current}")
            if len(history) > MAX_REDIRECTS:
                raise Unreachable("redirect_loop", f"más de {MAX_REDIRECTS} redirecciones")
            if reply.status_code == 303:
                method = "GET"

    async def _guard(self, url: str) -> str:
        """The URL to send (remapped or not), after the security rules allow it. Only a host
        written in the rule that remapped it skips them: one taken from the link is checked."""
        raise_refusal(url, check_url(url))
        rule, target = self.remapped(url)
        if rule and rule.host and hostname(target) == rule.host:
            return without_credentials(target)
        target = target or url
        raise_refusal(target, check_url(target)
                      or await check_resolved(hostname(target) or "", self.resolver))
        return without_credentials(target)

    async def _send(self, method: str, url: str, headers: dict[str, str],
                    content: bytes | None = None) -> Reply:
        target = await self._guard(url)
        host = urlsplit(url).hostname or ""
        retrying = AsyncRetrying(stop=stop_after_attempt(self.retries + 1), wait=self._wait,
                                 retry=retry_if_exception_type((_Retryable, httpx.TransportError)),
                                 reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._reachable_attempt(method, url, target, host, headers,
                                                         content)
        except _Retryable as exhausted:
            raise Unreachable(retry_reason(exhausted.status), f"HTTP {exhausted.status}",
                              exhausted.status) from None
        except httpx.TimeoutException as problem:
            raise Unreachable(timeout_or_offline(problem),
                              str(problem) or "sin respuesta") from None
        except httpx.TransportError as problem:
            raise Unreachable("offline", str(problem) or type(problem).__name__) from None

    @property
    def unreachable(self) -> list[str]:
        """The platform hosts that could not be reached at all in this run."""
        return [host for host, probe in self.probes.items()
                if probe.done() and not probe.cancelled() and not probe.result()]

    async def _reachable_attempt(self, method: str, url: str, target: str, host: str,
                                 headers: dict[str, str], content: bytes | None = None) -> Reply:
        """An attempt, unless its host is known to be out of reach. A connection that could not
        open has the host probed (once for all its requests): one that does not answer either
        is out of reach, and its links end now instead of each retrying on its own."""
        if host in self.unreachable:
            raise Unreachable("offline", f"sin conexión con {host}")
        try:
            return await self._attempt(method, url, target, host, headers, content)
        except httpx.TransportError as problem:
            if never_connected(problem) and not await self._answers(url, host):
                raise Unreachable("offline", f"sin conexión con {host}") from None
            raise

    async def _answers(self, url: str, host: str) -> bool:
        if host not in self.probes:
            self.probes[host] = asyncio.ensure_future(self._probe(url))
        return await asyncio.shield(self.probes[host])  # a cancelled asker leaves it to the rest

    async def _probe(self, url: str) -> bool:
        """Whether the host of `url` answers anything, asked where its requests go (remap)."""
        parts = urlsplit(url)
        try:
            request = self.client.build_request(
                "HEAD", await self._guard(f"{parts.scheme}://{parts.netloc}/"))
            async with asyncio.timeout(PROBE_SECONDS):
                response = await self.sender.handle_async_request(request)
                await response.aclose()
        except Exception:  # whatever stops the probe, the host did not answer it
            return False
        return True

    def _wait(self, state) -> float:
        problem = state.outcome.exception()
        if isinstance(problem, _Retryable) and problem.retry_after is not None:
            return problem.retry_after
        return self.backoff(state)

    async def _attempt(self, method: str, url: str, target: str, host: str,
                       headers: dict[str, str], content: bytes | None = None) -> Reply:
        limit = self.hosts.setdefault(host, HostLimit(self.per_host))
        async with limit.held(), self.concurrency.held(limit):
            self.requests[host] += 1
            status, reply_headers, body = await self._exchange(method, target, headers, content)
        if status in RETRY_STATUSES:
            if status == 429:
                limit.slow_down()
            wait = retry_after_seconds(reply_headers.get("retry-after"))
            if wait is not None and wait > MAX_RETRY_AFTER_S:
                raise Unreachable(retry_reason(status), f"Retry-After {wait:.0f} s", status)
            raise _Retryable(status, wait)
        return Reply(status, url, reply_headers, body)

    async def _exchange(self, method: str, target: str, headers: dict[str, str],
                        content: bytes | None = None):
        try:
            request = self.client.build_request(method, target, headers=headers, content=content)
        except (httpx.InvalidURL, ValueError) as problem:  # e.g. a Location no client can follow
            raise Unreachable("unexpected", f"dirección inválida {target!r}: {problem}") from None
        try:
            async with asyncio.timeout(self.timeout):
                # the transport, not client.send: httpx reads every Location, and one it cannot
                # parse (mailto:, http:foo) would raise before our own redirect rules see it
                response = await self.sender.handle_async_request(request)
                response.request = request
                self.client.cookies.extract_cookies(response)
                try:
                    body = await self._read(response) if method != "HEAD" else b""
                finally:
                    await response.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout(f"más de {self.timeout:g} s") from None
        except (httpx.TransportError, aiohttp.ClientError, OSError) as problem:
            refused = refused_cause(problem)
            if refused:
                raise Unreachable("refused", str(refused)) from None
            if isinstance(problem, httpx.TransportError):
                raise
            raise httpx.ConnectError(str(problem) or type(problem).__name__) from problem
        return response.status_code, {k.lower(): v for k, v in response.headers.items()}, body

    async def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            raise Unreachable("too_large", f"{declared} bytes")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_body:
                raise Unreachable("too_large", f"más de {self.max_body} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def raise_refusal(url: str, refusal: str | None) -> None:
    """Raise the refusal of a URL we may not fetch. A URL without a host or unparsable can only
    come from a redirect (a listed one is refused before any request): the platform's answer
    is then unexpected, not our refusal."""
    if refusal and refusal.startswith(("no_host", "malformed")):
        raise Unreachable("unexpected", f"redirección a {url!r}: {refusal}")
    if refusal:
        raise Unreachable("refused", refusal)


def retry_reason(status: int) -> str:
    return "rate_limited" if status == 429 else "server_error"


def never_connected(problem: httpx.TransportError) -> bool:
    """The name did not resolve or nothing took the connection: no server was reached, as
    opposed to a slow one or one that hung up. (The aiohttp transport calls a refused
    connection ConnectTimeout; the cause tells.)"""
    cause = problem.__cause__
    if isinstance(problem, httpx.ConnectError) and cause is None:  # as a test transport says it
        return True
    return isinstance(cause, aiohttp.ClientConnectorError)


def timeout_or_offline(problem: httpx.TimeoutException) -> str:
    """The aiohttp transport reports a dropped connection as ConnectTimeout: look at the cause."""
    cause = problem.__cause__
    if isinstance(cause, aiohttp.ClientConnectionError) and not isinstance(
            cause, (aiohttp.ServerTimeoutError, aiohttp.SocketTimeoutError)):
        return "offline"
    return "timeout"
