"""Finding the links in a report's lines.

A link is an http(s) URL (bare, <angle-bracketed>, Markdown `[text](url)`, HTML `href`) or a
scheme-less URL on a platform host with a path (`x.com/...`, `youtu.be/...`); bare domains in
prose and e-mail addresses are not links. Two export accidents are handled:
- a URL wrapped onto the next line (PDF) is rejoined when the first line ends inside the URL and
  only the join is a post of a known platform (see `_rejoin`);
- a URL cut by an export space (`https://www.cne.gob.ec/wp- content/uploads/...`) is kept as
  read, up to the space, and flagged `cut` (see `_looks_cut`); the join is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import httpx

from cosecha.platforms import adapters, claimant, identify

URL_CHARS = r"[^\s<>\"\[\]`{}|\\^\x00-\x1f\x7f“”«»]"
TRAILING = ".,;:!?'\"’”»…"
CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
CONNECTORS = "-_/=&+~%"  # a URL ending in one of these is unfinished
# what follows a cut URL after the export space: a path piece with letters ("content/uploads")
CUT_REST = re.compile(r" {1,2}([\w~%+.-]{2,}[/=&]\S*)")
UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")
ORIGIN = re.compile(r"(https?)://([^/?#]*)", re.IGNORECASE)
MAX_URL = 65536  # httpx's limit
WORD = re.compile(r"[A-ZÁÉÍÓÚÑ]?[a-záéíóúñü]{3,}|X")  # a word, not a piece of an id
NEARBY = 3  # lines around a hyperlink where its target, written out, is the same link
HOST_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
VALID_HOST = re.compile(rf"(?:{HOST_LABEL}\.)*{HOST_LABEL}")
MARKDOWN = re.compile(r"\[([^\[\]]*)\]\(")
HREF = re.compile(r"""href\s*=\s*["']?""", re.IGNORECASE)
ANCHOR_END = re.compile(r"</a\s*>", re.IGNORECASE)


@dataclass
class FoundLink:
    url: str  # absolute http(s) URL as found, trailing punctuation removed
    line: int  # 1-based line where the link starts
    cut: bool = False  # looks cut by an export space: kept as read up to the space


@dataclass
class _Match:
    start: int
    end: int  # end of the URL as written, before trimming
    url: str
    trimmed: bool  # trailing punctuation or brackets were removed


@cache
def _candidate() -> re.Pattern[str]:
    hosts = sorted({h for a in adapters() for h in a.hosts}, key=len, reverse=True)
    platform_hosts = "|".join(re.escape(h) for h in hosts)
    schemeless = rf"(?<![\w.@/:-])(?:[a-z0-9-]+\.)*(?:{platform_hosts})/{URL_CHARS}+"
    return re.compile(rf"https?://{URL_CHARS}+|{schemeless}", re.IGNORECASE)


def line_links(line: str) -> list[str]:
    """The URLs on one line, in order."""
    return [m.url for m in _matches(line)]


def scan_links(lines: list[str], link_targets: dict[int, list[str]] | None = None,
               shown_urls: dict[int, list[str]] | None = None) -> list[FoundLink]:
    """The links of a report's lines and of its hyperlinks (`link_targets`); an address shown
    over a hyperlink to another (`shown_urls`, a channel over its video) is not a link."""
    found: list[FoundLink] = []
    covered = {line: set(urls) for line, urls in (shown_urls or {}).items()}
    for number, line in enumerate(lines, 1):
        for m in _matches(line):
            joined = _rejoin(m, line, lines[number] if number < len(lines) else None)
            if not _shown_near(joined or m.url, number, covered):
                found.append(FoundLink(joined or m.url, number,
                                       joined is None and _looks_cut(m, line)))
    shown: dict[int, set[str]] = {}
    for link in found:
        shown.setdefault(link.line, set()).add(link.url)
    for number, targets in sorted((link_targets or {}).items()):
        for target in targets if 1 <= number <= len(lines) else ():
            url = _trim(target.strip())[0]
            if _valid(url) and not _shown_near(url, number, shown):
                shown.setdefault(number, set()).add(url)
                found.append(FoundLink(url, number))
    return sorted(found, key=lambda link: link.line)


def _shown_near(url: str, number: int, shown: dict[int, set[str]]) -> bool:
    """The address is among those `shown` on the lines nearby: a hyperlink's target written
    out in the text is one link, not two. (A PDF marks each piece of a wrapped address, and may
    place a piece's mark on an earlier line that starts the same way.)"""
    return any(url in shown.get(near, ()) for near in range(number - NEARBY, number + NEARBY + 1))


def _matches(line: str) -> list[_Match]:
    if "/" not in line:  # every link form holds one; most report lines do not
        return []
    matches = []
    for raw in _candidate().finditer(line):
        url, trimmed = _trim(raw.group())
        if not url.lower().startswith(("http://", "https://")):
            url = "https://" + url
        url = url[:url.index(":")].lower() + url[url.index(":"):]
        if _valid(url):
            matches.append(_Match(raw.start(), raw.end(), url, trimmed))
    return _drop_repeated_text(line, matches) if len(matches) > 1 else matches


def _trim(url: str) -> tuple[str, bool]:
    """Strip trailing punctuation and unbalanced closing brackets; keep balanced ones."""
    original = url
    while url:
        last = url[-1]
        if last in TRAILING or (last in CLOSERS and url.count(CLOSERS[last]) < url.count(last)):
            url = url[:-1]
        else:
            break
    return url, url != original


def _drop_repeated_text(line: str, matches: list[_Match]) -> list[_Match]:
    """`[url](url)` and `<a href="url">url</a>` name one link: drop the visible copy."""
    starts = {m.start: m for m in matches}
    repeated = set()
    for target_start, (start, end) in _constructs(line):
        target = starts.get(target_start)
        if target is not None:
            repeated.update(m.start for m in matches if m is not target
                            and m.url == target.url and start <= m.start < end)
    return [m for m in matches if m.start not in repeated]


def _constructs(line: str):
    """(where a construct's target URL starts, the span of its visible text)."""
    for md in MARKDOWN.finditer(line):
        yield md.end(), md.span(1)
    for href in HREF.finditer(line):
        closing = ANCHOR_END.search(line, href.end())
        yield href.end(), (href.end(), closing.start() if closing else len(line))


def _valid(url: str) -> bool:
    """What httpx would accept, with an http(s) scheme, a well-formed host and a real port.

    httpx refuses only ASCII control characters, excess length and a bad authority; the path
    and query cannot fail. So the authority alone goes through httpx, once per distinct one.
    """
    origin = ORIGIN.match(url)
    return (origin is not None and len(url) <= MAX_URL and not UNSAFE.search(url)
            and _valid_origin(origin.group(1).lower(), origin.group(2)))


@lru_cache(maxsize=4096)
def _valid_origin(scheme: str, authority: str) -> bool:
    try:
        parsed = httpx.URL(f"{scheme}://{authority}/")
    except (httpx.InvalidURL, ValueError):
        return False
    return (VALID_HOST.fullmatch(parsed.host) is not None
            and (parsed.port is None or 0 < parsed.port < 65536))


def _rejoin(m: _Match, line: str, next_line: str | None) -> str | None:
    """The URL completed by the start of the next line, when a PDF export wrapped it.

    Only when the URL runs to the end of its line untrimmed, the next line starts with a piece
    that is not itself a link, and the joined URL is a post of a known platform that the first
    part is not (another id, or none). If the first part already names a post (an X status id
    cut after some digits still parses), the piece must be the whole next line, so a count
    such as "2 publicaciones" on the next line is never glued to an id.
    """
    if next_line is None or m.trimmed or m.end != len(line.rstrip()):
        return None
    rest = next_line.strip()
    piece = rest.split(maxsplit=1)[0] if rest else ""
    if not piece or "://" in piece or _candidate().match(piece) or _starts_text(piece):
        return None
    joined = _trim(m.url + piece)[0]
    if not _valid(joined) or claimant(joined).fallback:
        return None
    before, after = identify(m.url).post_id, identify(joined).post_id
    if after is None or after == before:
        return None
    if before is not None and piece != rest:
        return None
    return joined


def _starts_text(piece: str) -> bool:
    """A label ("X:", "Facebook:") or a word ("Publicaciones") opens the next line: it is
    text, never the rest of an id."""
    return piece.endswith(":") or bool(WORD.fullmatch(piece.rstrip(TRAILING)))


def _looks_cut(m: _Match, line: str) -> bool:
    """The URL stops at a connector and a path piece with letters follows after a space."""
    if m.trimmed or not m.url.endswith(tuple(CONNECTORS)):
        return False
    rest = CUT_REST.match(line, m.end)
    if rest is None:
        return False
    piece = rest.group(1)
    return any(c.isalpha() for c in piece) and not _candidate().match(piece) \
        and not piece.lower().startswith("www.")
