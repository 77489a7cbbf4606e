"""The contract every platform adapter fulfils, and the values it trades in.

Platform-side states (deleted, private, login wall) are values (`CheckResult`), never
exceptions. Transport trouble the HTTP layer could not get past (timeouts, exhausted retries
on 429/5xx, oversize bodies, redirect loops, refused addresses) reaches an adapter as
`Unreachable`, which the harvester turns into an unverified or refused result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol
from urllib.parse import urlsplit

from ..credentials import Keys

ALIVE = "alive"
BROKEN = "broken"
UNVERIFIED = "unverified"
INVALID = "invalid"
REFUSED = "refused"
STATUSES = (ALIVE, BROKEN, UNVERIFIED, INVALID, REFUSED)
RECORD_LIMIT = 64 * 1024  # bytes of a kept record, before compression


@dataclass(frozen=True)
class UrlInfo:
    """What the URL alone says, offline."""

    platform: str
    post_id: str | None  # None for a profile or home page; a share token for share links
    account: str | None  # as written in the URL
    canonical_url: str | None


@dataclass(frozen=True)
class Record:
    """The part of the platform's answer a verdict was read from, kept as evidence: untrusted
    bytes in a canonical form (counters and signed media addresses left out, so the same lasting
    content gives the same bytes), and the fields read from it."""

    media_type: str
    body: bytes
    fields: dict[str, str | None]  # text, author, published_at, title


@dataclass
class CheckResult:
    status: str
    reason: str | None = None
    http_status: int | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601, UTC
    title: str | None = None
    final_url: str | None = None
    resolved_id: str | None = None  # the id the platform redirected a share link to
    resolved_url: str | None = None
    record: Record | None = None  # what an alive verdict was read from


@dataclass
class Reply:
    """One HTTP answer, redirects already followed unless the caller asked otherwise."""

    status_code: int
    url: str  # the platform URL answered (never a remapped one)
    headers: dict[str, str]  # lower-case names
    body: bytes
    history: list[str] = field(default_factory=list)  # platform URLs of the hops before `url`

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        import json

        return json.loads(self.body)


class Unreachable(Exception):
    """No usable answer: reason is one of the unverified/refused reasons of the README."""

    def __init__(self, reason: str, detail: str = "", http_status: int | None = None):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.http_status = http_status


class Fetcher(Protocol):
    async def get(
        self,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
        method: str = "GET",
    ) -> Reply: ...


class Adapter:
    """Base class: a platform module defines one subclass and exposes `ADAPTER = Sub()`."""

    name: ClassVar[str]
    hosts: ClassVar[tuple[str, ...]] = ()  # host names claimed, subdomains included
    labels: ClassVar[tuple[str, ...]] = ()  # how reports name the platform, lower case
    units: ClassVar[tuple[str, ...]] = ()  # count units that imply the platform ("tuits")
    fallback: ClassVar[bool] = False  # claims every URL no other adapter claims
    # URL cases kept beside the code: url -> expected post_id (None: claimed, not a post)
    cases: ClassVar[dict[str, str | None]] = {}

    def claims_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def parse(self, url: str) -> UrlInfo:
        """Offline facts from a URL this adapter claims."""
        raise NotImplementedError

    def offline_facts(self, info: UrlInfo) -> CheckResult | None:
        """What can be known without the network (X dates its posts by id)."""
        return None

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        """A platform known by its URLs but with no checker yet: never treated as a web page
        (its login page answering 200 is no evidence), so no request at all."""
        return CheckResult(UNVERIFIED, reason="no_adapter", final_url=info.canonical_url)

    def batch_size(self, keys: Keys) -> int:
        """How many links one request with the institution's credentials checks; 0: none."""
        return 0

    async def check_keyed(self, infos: list[UrlInfo], fetch: Fetcher,
                          keys: Keys) -> dict[str, CheckResult]:
        """Verdicts by post id, with the credentials in request headers. A link left out (the
        credential was refused, the answer decides nothing) gets the keyless `check`."""
        return {}


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
