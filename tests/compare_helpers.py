"""Small hand-built reports for the auditor's comparison tests."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor.compare import audit_report
from auditor.model import Audit, Finding, Standing
from cosecha.model import BreakdownItem, Claim, Link, Period, Phase, Report
from cosecha.platforms import identify

TWITTER_EPOCH_MS = 1288834974657


def tweet(when: str, account: str = "CNE_StaElena", seq: int = 0) -> str:
    """An X status URL whose id dates it at `when` (ISO, UTC)."""
    moment = datetime.fromisoformat(when).replace(tzinfo=UTC)
    ms = int(moment.timestamp() * 1000) - TWITTER_EPOCH_MS
    return f"https://x.com/{account}/status/{(ms << 22) + seq}"


def link(url: str, line: int, listed_as: str | None = None) -> Link:
    info = identify(url)
    return Link(url, info.platform, listed_as, info.post_id, info.account, info.canonical_url, line)


def claim(platform: str, count: float, line: int, unit: str = "posts",
          breakdown: tuple[int, ...] = ()) -> Claim:
    items = [BreakdownItem(f"#tema{i}", n, line + 1 + i) for i, n in enumerate(breakdown)]
    return Claim(platform, count, unit, line, items)


def phase(key: str, *items: Claim | Link) -> Phase:
    claims = [i for i in items if isinstance(i, Claim)]
    return Phase(key, f"Fase {key}", None, claims, [i for i in items if isinstance(i, Link)])


def report(*phases: Phase, event_date: str | None = None, report_date: str | None = None,
           period: Period | None = None, months: tuple[str, ...] = ()) -> Report:
    return Report("informe.txt", "Informe", "Institución", event_date, report_date, period,
                  list(months), list(phases))


def audit(rep: Report, evidence: dict[str, Standing] | None = None, **options) -> Audit:
    return audit_report(rep, evidence or {}, sha256="0" * 64, audited_at="2025-07-24T10:00:00Z",
                        **options)


def alive_for(rep: Report, **facts) -> dict[str, Standing]:
    return {link.canonical_url or link.url: Standing("alive", **facts) for link in rep.links()}


def found(result: Audit, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def row(result: Audit, phase_key: str, platform: str):
    return next(r for r in result.coverage if (r.phase, r.platform) == (phase_key, platform))
