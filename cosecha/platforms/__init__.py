"""The registry of platform adapters: every module in this package that exposes `ADAPTER`.

The core asks "who claims this URL?" and never names a platform.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import Adapter, UrlInfo, host_of


@cache
def adapters() -> tuple[Adapter, ...]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        adapter = getattr(importlib.import_module(f"{__name__}.{module.name}"), "ADAPTER", None)
        if adapter is not None:
            found.append(adapter)
    # specific adapters first, the fallback last
    return tuple(sorted(found, key=lambda a: (a.fallback, a.name)))


def by_name(name: str) -> Adapter | None:
    return next((a for a in adapters() if a.name == name), None)


def claimant(url: str) -> Adapter:
    host = host_of(url)
    for adapter in adapters():
        if adapter.fallback or adapter.claims_host(host):
            return adapter
    raise LookupError("no fallback adapter registered")


def identify(url: str) -> UrlInfo:
    return claimant(url).parse(url)


def platform_named(text: str) -> str | None:
    """The platform a label names ("X (antes Twitter)", "YouTube:", "Página web"), or None."""
    label = " ".join(text.lower().strip().rstrip(":").split())
    for adapter in adapters():
        if label in adapter.labels:
            return adapter.name
    return None
