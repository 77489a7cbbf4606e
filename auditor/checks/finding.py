"""Building findings: about one listed link, or about the report, a phase or a claim."""

from __future__ import annotations

from ..model import Finding
from .subject import Entry


def about_link(code: str, severity: str, entry: Entry, message: str) -> Finding:
    link = entry.link
    return Finding(code, severity, entry.phase.key, link.platform, link.url, link.line, message,
                   entry.standing.last_attempt)


def about_report(code: str, severity: str, message: str, *, phase: str | None = None,
                 platform: str | None = None, line: int | None = None) -> Finding:
    return Finding(code, severity, phase, platform, None, line, message)
