"""Comparing what a report claims with what its links prove: the audit of one report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

import cosecha
from cosecha.labels import VERDICT_TEXT, WARNING_TEXT, number, plural
from cosecha.model import Report
from cosecha.platforms import by_name

from .checks import findings
from .checks.coverage import coverage_rows
from .checks.subject import Entry, Subject, entries_of
from .model import ERROR, READY, RESERVATIONS, REVIEW, WARNING, Audit, Finding, Standing

UNVERIFIED_CODE = "unverified_link"
NO_CLAIMS_CODE = "no_claims"  # nothing to sign against: never "Listo para firmar"
NOTHING_VERIFIED_CODE, MISSING_CODE = "nothing_verified", "missing_evidence"


def audit_report(report: Report, evidence: Mapping[str, Standing], *, sha256: str,
                 audited_at: str, accounts: Mapping[str, str] | None = None,
                 window_days: int = 90, tool_version: str = cosecha.__version__) -> Audit:
    """The audit of one report; `evidence` is keyed by each link's canonical URL (else its URL).

    A link with no evidence is unverified (offline), still dated by its URL when it can be.
    """
    entries = entries_of(report, evidence)
    coverage = coverage_rows(report.phases, entries)
    subject = Subject(report, entries, accounts or {}, window_days, coverage)
    found = findings(subject)
    checks_from, checks_to = _checks_span(entries)
    return Audit(report.source, sha256, report.title, report.institution, report.event_date,
                 report.report_date, verdict_of(found), audited_at, tool_version, checks_from,
                 checks_to, [row for _, row in coverage], found)


def verdict_text(audit: Audit) -> str:
    """The verdict line: the label, the errors, or each reservation with its count and the
    share of post links verified."""
    label = VERDICT_TEXT[audit.verdict]
    if audit.verdict == REVIEW:
        return f"{label}: {plural(_count(audit, ERROR), 'error', 'errores')}"
    if audit.verdict == RESERVATIONS:
        return f"{label}: {' · '.join(_reservations(audit))}"
    return label


def _reservations(audit: Audit) -> list[str]:
    unverified = sum(f.code == UNVERIFIED_CODE for f in audit.findings)
    said = [f"{plural(unverified, 'enlace', 'enlaces')} sin verificar"] if unverified else []
    warnings = Counter(f.code for f in audit.findings if f.severity == WARNING)
    said += [f"{plural(n, 'advertencia', 'advertencias')}: {WARNING_TEXT.get(code, code)}"
             for code, n in warnings.items()]
    if any(f.code == NO_CLAIMS_CODE for f in audit.findings):
        said.append("no declara cifras que auditar")
    posts = [row for row in audit.coverage if not _is_fallback(row.platform)]
    listed = sum(row.listed for row in posts)
    if listed:
        verified = sum(row.alive + row.broken for row in posts)
        posts_text = plural(listed, "publicación verificada", "publicaciones verificadas")
        said.append(f"{number(verified)} de {posts_text} ({round(100 * verified / listed)} %)")
    return said


def exit_code(audits: list[Audit]) -> int:
    """0: may sign (perhaps with reservations); 1: not yet."""
    return 1 if any(audit.verdict == REVIEW for audit in audits) else 0


def verdict_of(findings: Iterable[Finding]) -> str:
    """The rule: any error, review; any warning, link unverified or no claim, reservations."""
    findings = list(findings)
    if any(f.severity == ERROR for f in findings):
        return REVIEW
    if any(f.severity == WARNING or f.code in (UNVERIFIED_CODE, NO_CLAIMS_CODE) for f in findings):
        return RESERVATIONS
    return READY


def reassessed(body: dict) -> list[Finding]:
    """The findings of a stored audit as today's rule reads them: an audit stored before it
    lacks nothing_verified and kept missing_evidence a warning; its coverage tells both."""
    found = [Finding(**finding) for finding in body["findings"]]
    posts = [row for row in body["coverage"] if not _is_fallback(row["platform"])]
    listed = sum(row["listed"] for row in posts)
    claimed = any(row["claimed"] is not None for row in body["coverage"])
    if (claimed and listed and not sum(row["alive"] + row["broken"] for row in posts)
            and not any(f.code == NOTHING_VERIFIED_CODE for f in found)):
        found.append(Finding(NOTHING_VERIFIED_CODE, ERROR, None, None, None, None,
                             "Ningún enlace pudo verificarse"))
    if listed or body.get("event_date"):
        found = [replace(f, severity=ERROR) if f.code == MISSING_CODE else f for f in found]
    return found


def _is_fallback(platform: str) -> bool:
    adapter = by_name(platform)
    return adapter is None or adapter.fallback


def _count(audit: Audit, severity: str) -> int:
    return sum(f.severity == severity for f in audit.findings)


def _checks_span(entries: list[Entry]) -> tuple[str | None, str | None]:
    moments = [e.standing.checked_at for e in entries if e.standing.checked_at]
    return (min(moments), max(moments)) if moments else (None, None)
