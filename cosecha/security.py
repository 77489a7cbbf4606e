"""Links that try to reach private or local addresses are refused before any connection.

A report is public text: a link in it must not make us talk to our own machine or network
(169.254.169.254, 10.x, localhost...). Checked for the link as listed and for every redirect
target, before remapping; names are resolved through one replaceable resolver. And untrusted
text (from a report, a file name, a platform) is shown without what could drive a terminal.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import threading
import unicodedata
from typing import Protocol
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
# Bidirectional controls (a regex class body): they reorder what a person reads, so a URL
# with one shows a host or path it does not have. Such a URL is malformed.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def reorders(text: str) -> bool:
    """Whether `text` carries a bidirectional control."""
    return _BIDI.search(text) is not None


class Resolver(Protocol):
    async def resolve(self, host: str) -> list[str]: ...


class SystemResolver:
    async def resolve(self, host: str) -> list[str]:
        infos = await _lookup(host)
        return [info[4][0] for info in infos]


async def _lookup(host: str) -> list:
    """getaddrinfo in a daemon thread of its own: a resolver that drops queries can hold a
    lookup for seconds after the run has its answer, and the loop's executor would keep the
    process from exiting until then."""
    loop = asyncio.get_running_loop()
    answer = loop.create_future()

    def settle(outcome, error) -> None:
        if not answer.done():
            answer.set_exception(error) if error else answer.set_result(outcome)

    def lookup() -> None:
        try:
            outcome, error = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM), None
        except OSError as problem:
            outcome, error = None, problem
        try:
            loop.call_soon_threadsafe(settle, outcome, error)
        except RuntimeError:  # the loop is closed: nobody waits for this answer any more
            pass

    threading.Thread(target=lookup, name=f"dns {host}", daemon=True).start()
    return await answer


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip("[]")
    try:
        return ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        pass
    try:  # the forms a resolver accepts besides dotted quads: 2130706433, 0x7f.1, 127.1
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except (OSError, ValueError):
        return None


def forbidden_address(address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # an IPv4 address carried inside IPv6 (::ffff:10.0.0.1, 6to4 2002:0a00:0001::) is
        # judged as that IPv4 address
        address = address.ipv4_mapped or address.sixtofour or address
    return not address.is_global or address.is_multicast or address.is_reserved


def check_host(host: str) -> str | None:
    """Why this host may not be contacted, or None. Offline: names are not resolved here."""
    # IDNA folds compatibility forms before resolving: "１２７.0.0.1" is 127.0.0.1
    host = unicodedata.normalize("NFKC", host).lower().rstrip(".")
    if not host:
        return "no_host"
    if host == "localhost" or host.endswith(".localhost"):
        return f"local_address: {host}"
    address = _ip(host)
    if address is not None and forbidden_address(address):
        return f"private_address: {host}"
    return None


def check_url(url: str) -> str | None:
    """Why this URL is refused (a reason code with detail), or None when it may be fetched."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "malformed"
    if reorders(url):
        return "malformed"
    if parts.scheme.lower() not in SCHEMES:
        return f"scheme: {parts.scheme or 'ninguno'}"
    return check_host(host)


async def check_resolved(host: str, resolver: Resolver) -> str | None:
    """Refuse a name that resolves to a forbidden address; a name that does not resolve is
    left to the connection (offline), never refused."""
    if _ip(host) is not None:
        return None
    try:
        addresses = await resolver.resolve(host)
    except OSError:
        return None
    return check_addresses(host, addresses)


def check_addresses(host: str, addresses: list[str]) -> str | None:
    """Why a name that resolved to these addresses may not be contacted, or None."""
    for text in addresses:
        address = _ip(text)
        if address is not None and forbidden_address(address):
            return f"private_address: {host} -> {text}"
    return None


# What moves the cursor, rings, recolours or reorders what a person reads: C0 but TAB and LF
# (ESC, BEL, CR...), DEL, C1, bidi controls and the Unicode line and paragraph separators.
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def visible(text: str) -> str:
    """Untrusted text (from a report, a file name, a platform) with every control character
    shown as `\\uXXXX`: printed, it cannot drive a terminal or reorder a line."""
    return _HIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
