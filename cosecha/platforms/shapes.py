"""URL shapes: how an adapter recognises a post from its URL alone, offline.

A URL is matched as one string, `host/path?query` (host lower-cased, always a `?`), so a
single compiled pattern per shape can read ids from the path or the query, in any parameter
order. The first shape that matches wins; a shape without an `id` group names a profile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import SplitResult, urlsplit, urlunsplit

from .base import Adapter, UrlInfo

TRACKING = re.compile(r"utm_\w*|fbclid|gclid", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

Groups = dict[str, "str | None"]


@dataclass(frozen=True)
class Shape:
    pattern: re.Pattern[str]
    # str.format template over the named groups, a function of them, or None: the URL cleaned
    canonical: str | Callable[[Groups], str] | None = None

    def canonical_for(self, groups: Groups) -> str | None:
        if isinstance(self.canonical, str):
            return self.canonical.format(**groups)
        return self.canonical(groups) if self.canonical else None


def shape(regex: str, canonical: str | Callable[[Groups], str] | None = None) -> Shape:
    return Shape(re.compile(regex, re.IGNORECASE), canonical)


def split(url: str) -> SplitResult:
    url = url.strip()
    return urlsplit(url if _SCHEME.match(url) else "https://" + url)


def match_key(parts: SplitResult) -> str:
    path = parts.path or "/"
    if parts.fragment.startswith("!/"):  # old hashbang URLs: twitter.com/#!/user/status/1
        path = parts.fragment[1:]
    return f"{(parts.hostname or '').rstrip('.')}{path}?{parts.query}"


def clean(parts: SplitResult, drop: re.Pattern[str], host: str | None = None,
          scheme: str | None = None) -> str:
    """The URL without fragment and without the query parameters `drop` matches in full."""
    kept = [p for p in parts.query.split("&") if p and not drop.fullmatch(p.split("=", 1)[0])]
    netloc = host or _netloc(parts)
    return urlunsplit((scheme or parts.scheme.lower(), netloc, parts.path, "&".join(kept), ""))


def _netloc(parts: SplitResult) -> str:
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port}" if port else host


class ShapedAdapter(Adapter):
    """An adapter whose `parse` is its list of URL shapes."""

    shapes: ClassVar[tuple[Shape, ...]] = ()
    home: ClassVar[str | None] = None  # the host canonical URLs use...
    folded: ClassVar[re.Pattern[str] | None] = None  # ...for the hosts this matches in full
    tracking: ClassVar[re.Pattern[str]] = TRACKING  # query parameters canonical URLs drop

    def parse(self, url: str) -> UrlInfo:
        try:
            parts = split(url)
        except ValueError:  # malformed, e.g. an unclosed IPv6 bracket: nothing to canonicalise
            return UrlInfo(self.name, None, None, None)
        key = match_key(parts)
        for candidate in self.shapes:
            found = candidate.pattern.match(key)
            if found:
                groups = found.groupdict()
                canonical = candidate.canonical_for(groups) or self.clean(parts)
                return UrlInfo(self.name, groups.get("id"), groups.get("account"), canonical)
        return UrlInfo(self.name, None, None, self.clean(parts))

    def clean(self, parts: SplitResult) -> str:
        if self.folded is None:
            return clean(parts, self.tracking)
        host = _netloc(parts)
        if self.folded.fullmatch(host):
            host = self.home
        return clean(parts, self.tracking, host=host, scheme="https")
