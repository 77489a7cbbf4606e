"""Comparing what a report claims with what its links prove: the audit of one report."""

from __future__ import annotations

from collections.abc import Mapping

import cosecha
from cosecha.model import Report

from .checks import findings
from .checks.coverage import coverage_rows
from .checks.spanish import plural
from .checks.subject import Entry, Subject, entries_of
from .model import ERROR, READY, RESERVATIONS, REVIEW, VERDICT_TEXT, Audit, Evidence, Finding

UNVERIFIED_CODE = "unverified_link"
NO_CLAIMS_CODE = "no_claims"  # nothing to sign against: never "Listo para firmar"


def audit_report(report: Report, evidence: Mapping[str, Evidence], *, sha256: str,
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
                 report.report_date, _verdict(found), audited_at, tool_version, checks_from,
                 checks_to, [row for _, row in coverage], found)


def verdict_text(audit: Audit) -> str:
    label = VERDICT_TEXT[audit.verdict]
    if audit.verdict == REVIEW:
        return f"{label}: {plural(_count(audit, ERROR), 'error', 'errores')}"
    if audit.verdict == RESERVATIONS:
        return f"{label}: {' · '.join(_reservations(audit))}"
    return label


def _reservations(audit: Audit) -> list[str]:
    unverified = sum(f.code == UNVERIFIED_CODE for f in audit.findings)
    reservations = [f"{plural(unverified, 'enlace', 'enlaces')} sin verificar"] if unverified else []
    if any(f.code == NO_CLAIMS_CODE for f in audit.findings):
        reservations.append("no declara cifras que auditar")
    return reservations


def exit_code(audits: list[Audit]) -> int:
    return 1 if any(_count(audit, ERROR) for audit in audits) else 0


def _verdict(found: list[Finding]) -> str:
    if any(f.severity == ERROR for f in found):
        return REVIEW
    if any(f.code in (UNVERIFIED_CODE, NO_CLAIMS_CODE) for f in found):
        return RESERVATIONS
    return READY


def _count(audit: Audit, severity: str) -> int:
    return sum(f.severity == severity for f in audit.findings)


def _checks_span(entries: list[Entry]) -> tuple[str | None, str | None]:
    moments = [e.evidence.checked_at for e in entries if e.evidence.checked_at]
    return (min(moments), max(moments)) if moments else (None, None)
