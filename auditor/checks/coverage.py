"""The coverage table: per phase and platform, what is claimed and what the links prove."""

from __future__ import annotations

from cosecha.model import Phase
from cosecha.platforms.base import ALIVE, BROKEN, UNVERIFIED

from ..model import CoverageRow
from .subject import Entry, count_claims


def coverage_rows(phases: list[Phase], entries: list[Entry]) -> list[tuple[Phase, CoverageRow]]:
    """Every phase's rows, each with its phase (keys may repeat across phases)."""
    return [(phase, row) for phase in phases for row in _phase_rows(phase, entries)]


def _phase_rows(phase: Phase, entries: list[Entry]) -> list[CoverageRow]:
    mine = [e for e in entries if e.phase is phase]
    claims = count_claims(phase)
    # platforms in the order the phase first mentions them
    mentions = [(c.line, c.platform) for c in claims]
    mentions += [(e.link.line, e.link.platform) for e in mine]
    platforms = list(dict.fromkeys(platform for _, platform in sorted(mentions)))
    rows = []
    for platform in platforms:
        claimed = [c.count for c in claims if c.platform == platform]
        listed = [e for e in mine if e.listed and e.link.platform == platform]
        statuses = [e.standing.status for e in listed]
        rows.append(CoverageRow(phase.key, platform, sum(claimed) if claimed else None, len(listed),
                                statuses.count(ALIVE), statuses.count(BROKEN),
                                statuses.count(UNVERIFIED)))
    return rows
