"""What the auditor knows of each link of a report: where it stands, its post identity and date.

Every check reads this one view, so a link is looked up, identified and dated once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cosecha.model import PHASE, Claim, Link, Phase, Report
from cosecha.platforms import by_name
from cosecha.platforms.base import INVALID, REFUSED, UNVERIFIED, CheckResult, UrlInfo
from cosecha.security import SCHEMES, check_host, reorders

from ..model import CoverageRow, Standing

ALL = "all"  # the claim platform of a total across networks
POSTS = "posts"

# what a link is for counting
POST, NOT_A_POST, INVALID_LINK, REFUSED_LINK = "post", "not_a_post", "invalid", "refused"


@dataclass(frozen=True)
class Entry:
    """One link of the report, where it is listed and what is known of it."""

    phase: Phase
    link: Link
    standing: Standing
    kind: str  # POST | NOT_A_POST | INVALID_LINK | REFUSED_LINK
    first: Entry | None  # the earlier listing of the same post, when this one repeats it
    published: datetime | None  # UTC
    dated_offline: bool  # the date comes from the URL, not from the platform

    @property
    def listed(self) -> bool:
        """A distinct post, counted in the phase where it first appears."""
        return self.kind == POST and self.first is None

    @property
    def listed_post(self) -> bool:
        """Listed, and a platform's post (a web page has an author and a date of its own)."""
        return self.listed and self.link.post_id is not None


@dataclass
class Subject:
    report: Report
    entries: list[Entry]
    accounts: Mapping[str, str]
    window_days: int
    coverage: list[tuple[Phase, CoverageRow]]


def count_claims(phase: Phase) -> list[Claim]:
    """The claims of a phase that a count of its links can prove: per platform, in posts, of
    this phase alone (not a total, a subtotal or a summary's restatement)."""
    return [c for c in phase.claims if c.platform != ALL and c.unit == POSTS
            and phase.kind == PHASE and c.covers in ([], [phase.key])]


def entries_of(report: Report, standing: Mapping[str, Standing]) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[tuple[str, ...], Entry] = {}
    for phase in report.phases:
        for link in phase.links:
            entry = _entry(phase, link, standing.get(link.canonical_url or link.url), seen)
            entries.append(entry)
            if entry.kind == POST and entry.first is None:
                seen.update(dict.fromkeys(_identities(link), entry))
    return entries


def _entry(phase: Phase, link: Link, standing: Standing | None,
           seen: dict[tuple[str, ...], Entry]) -> Entry:
    facts = _offline_facts(link)
    standing = standing or _offline_standing(link)
    kind = _kind(link, standing)
    first = next((seen[i] for i in _identities(link) if i in seen), None) if kind == POST else None
    published = _moment(standing.published_at)
    dated_offline = published is None and facts is not None and facts.published_at is not None
    if dated_offline:
        published = _moment(facts.published_at)
    return Entry(phase, link, standing, kind, first, published, dated_offline)


def _kind(link: Link, standing: Standing) -> str:
    if standing.status == REFUSED:
        return REFUSED_LINK
    if standing.status == INVALID and standing.reason == "malformed":  # whatever it points at
        return INVALID_LINK
    if link.post_id is None and not _is_fallback(link.platform):
        return NOT_A_POST
    if standing.status == INVALID:
        return INVALID_LINK
    return POST


def _is_fallback(platform: str) -> bool:
    """Pages of the fallback platform (the web) are evidence in themselves, with no post id."""
    adapter = by_name(platform)
    return adapter is not None and adapter.fallback


def _identities(link: Link) -> list[tuple[str, ...]]:
    """The same post: same platform and post id, or same canonical URL."""
    ids = [("url", link.canonical_url or link.url)]
    if link.post_id is not None:
        ids.append(("id", link.platform, link.post_id))
    return ids


def _offline_facts(link: Link) -> CheckResult | None:
    adapter = by_name(link.platform)
    if adapter is None or link.post_id is None:
        return None
    info = UrlInfo(link.platform, link.post_id, link.account, link.canonical_url)
    return adapter.offline_facts(info)


def _offline_standing(link: Link) -> Standing:
    """A link nobody checked: unverified, unless the URL alone shows it cannot be checked."""
    try:
        parts = urlsplit(link.url)
        host = parts.hostname or ""
    except ValueError:
        return Standing(INVALID, "malformed")
    spaced = any(c.isspace() for c in link.url)
    if parts.scheme.lower() not in SCHEMES or not host or spaced or reorders(link.url):
        return Standing(INVALID, "malformed")
    refusal = check_host(host)
    return Standing(REFUSED, refusal) if refusal else Standing(UNVERIFIED, "offline")


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
