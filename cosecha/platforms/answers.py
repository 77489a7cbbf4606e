"""Reading platform answers: JSON bodies, HTML meta tags, dates and plain HTTP statuses.

Shared by the adapters so each one only says which signals it trusts.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .base import (
    INVALID,
    RECORD_LIMIT,
    UNVERIFIED,
    CheckResult,
    Fetcher,
    Record,
    Reply,
    Unreachable,
    UrlInfo,
)

TITLE_LIMIT = 200
# Likes, views, replies: they change every night, the post does not; a record leaves them out
COUNTER = re.compile(r"count$", re.IGNORECASE)
# Media addresses are signed and expire (?oh=..&oe=.., x-expires=...): a record keeps their path
MEDIA = re.compile(r"image|thumbnail", re.IGNORECASE)
STRING_CAPS = (4096, 512, 64)  # a record over RECORD_LIMIT has its long strings cut, in steps


def result(status: str, reason: str | None = None, reply: Reply | None = None,
           **facts) -> CheckResult:
    """A check result; the reply that decided it gives the HTTP status and final URL."""
    if reply is not None:
        facts.setdefault("http_status", reply.status_code)
        facts.setdefault("final_url", reply.url)
    return CheckResult(status, reason, **facts)


def with_record(verdict: CheckResult, answer, text: str | None = None,
                volatile: frozenset[str] = frozenset()) -> CheckResult:
    """An alive verdict with the record it was read from: `answer` trimmed to the part read,
    without counters, `volatile` keys or media signatures, as canonical JSON (sorted keys, UTF-8,
    no spaces) so the same lasting content is the same bytes. A record that cannot be written
    (nested too deep) is left out: the verdict never depends on its evidence."""
    fields = _capped({"text": text, "author": verdict.author,
                      "published_at": verdict.published_at, "title": verdict.title},
                     STRING_CAPS[0])
    try:
        verdict.record = json_record(_lasting(answer, volatile), fields)
    except (RecursionError, ValueError, TypeError):
        verdict.record = None
    return verdict


def json_record(data, fields: dict) -> Record:
    body = _canonical(data)
    for cap in STRING_CAPS:
        if len(body) <= RECORD_LIMIT:
            break
        body = _canonical(_capped(data, cap))
    if len(body) > RECORD_LIMIT:  # too many fields even with short strings: a plain cut
        cut = body[:RECORD_LIMIT].decode("utf-8", errors="ignore").encode()
        return Record("text/plain; charset=utf-8", cut, fields)
    return Record("application/json", body, fields)


def _canonical(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _lasting(value, volatile: frozenset[str], media: bool = False):
    if isinstance(value, dict):
        return {key: _lasting(item, volatile, media or bool(MEDIA.search(key)))
                for key, item in value.items()
                if not COUNTER.search(key) and key not in volatile}
    if isinstance(value, list):
        return [_lasting(item, volatile, media) for item in value]
    if media and isinstance(value, str) and value.startswith(("http://", "https://")):
        return value.split("?", 1)[0]
    return value


def _capped(value, cap: int):
    if isinstance(value, dict):
        return {key: _capped(item, cap) for key, item in value.items()}
    if isinstance(value, list):
        return [_capped(item, cap) for item in value]
    if isinstance(value, str) and len(value) > cap:
        return value[:cap] + "…"
    return value


def not_a_post(info: UrlInfo) -> CheckResult:
    return result(INVALID, "not_a_post", final_url=info.canonical_url)


def unexpected(seen: str, reply: Reply | None = None) -> CheckResult:
    """The platform answered something we do not know how to read: say what it was."""
    return result(UNVERIFIED, f"unexpected: {seen}", reply)


def http_verdict(reply: Reply, endpoint: str) -> CheckResult:
    """What a status code alone says when the endpoint did not answer with content."""
    code = reply.status_code
    if code == 429:
        return result(UNVERIFIED, "rate_limited", reply)
    if code == 401:
        return result(UNVERIFIED, "login_wall", reply)
    if code in (403, 999) or "cf-mitigated" in reply.headers:  # 999: LinkedIn's bot answer
        return result(UNVERIFIED, "blocked", reply)
    if code >= 500:
        return result(UNVERIFIED, "server_error", reply)
    return unexpected(f"{endpoint} answered HTTP {code}", reply)


async def optional(fetch: Fetcher, url: str) -> Reply | None:
    """An answer that only adds facts to a verdict decided elsewhere: when it cannot be had
    (timeout, exhausted 5xx, no connection) the verdict stands without them."""
    try:
        return await fetch.get(url)
    except Unreachable:
        return None


def json_of(reply: Reply):
    """The JSON body, or None when the body is not JSON (an HTML wall, a broken answer)."""
    try:
        return json.loads(reply.body)
    except (ValueError, UnicodeDecodeError):
        return None


def described(reply: Reply) -> str:
    """A few words on a body we could not read, for an `unexpected` reason."""
    kind = reply.headers.get("content-type", "no content-type").split(";")[0]
    start = " ".join(reply.text()[:60].split())
    return f"{kind} {start!r}" if start else f"{kind}, empty body"


def shorten(text: str | None, limit: int = TITLE_LIMIT) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def iso_utc(value: str | int | float | None) -> str | None:
    """An ISO 8601 UTC timestamp ('...Z') from an epoch, an ISO string or a Twitter date.

    A bare date ('2024-05-01') stays a date: the platform gave no time of day.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float) or str(value).isdigit():
        moment = datetime.fromtimestamp(int(value), UTC)
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return str(value)
    else:
        moment = _parse_moment(str(value))
        if moment is None:
            return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")  # Twitter's v1 format
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Page:
    """An HTML page: its title and meta tags."""

    def __init__(self, html: str):
        self.html = html
        self.tree = HTMLParser(html)

    def meta(self, name: str) -> str | None:
        for attr in ("property", "name"):
            node = self.tree.css_first(f'meta[{attr}="{name}"]')
            if node is not None and node.attributes.get("content"):
                return node.attributes["content"].strip()
        return None

    def metas(self, prefixes: tuple[str, ...]) -> dict[str, str]:
        """The meta tags whose property (or name) starts with one of `prefixes`."""
        found = {}
        for node in self.tree.css("meta"):
            name = node.attributes.get("property") or node.attributes.get("name") or ""
            if name.startswith(prefixes) and node.attributes.get("content") is not None:
                found.setdefault(name, node.attributes["content"])
        return found

    def title(self) -> str | None:
        node = self.tree.css_first("title")
        return shorten(node.text()) if node is not None else None


def looks_like_html(reply: Reply) -> bool:
    kind = reply.headers.get("content-type", "")
    return "html" in kind or (not kind and reply.body.lstrip()[:1] == b"<")

