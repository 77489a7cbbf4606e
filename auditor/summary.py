"""The supervisor's view across reports, from the store only (no network)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from pathlib import Path

from .compare import reassessed, verdict_of
from .model import ERROR, WARNING

COUNTS = ("claimed", "listed", "alive", "broken", "unverified")


def _row_total(coverage: list[dict], name: str) -> int | float:
    return sum(row[name] or 0 for row in coverage)


def report_file(audit: dict) -> str | None:
    """Whether the audited file is still there as it was: None when it is (or came from
    standard input), else "missing", "unreadable" or "changed" (its bytes are not the ones
    audited). A relative path is looked up from the current folder."""
    if audit["source"] == "-":
        return None
    try:
        data = Path(audit["source"]).read_bytes()
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"
    return None if hashlib.sha256(data).hexdigest() == audit["sha256"] else "changed"


def report_row(audit: dict) -> dict:
    """One report's row, its verdict by today's rule (an audit stored before it keeps the
    verdict of its time in its body; its findings say what the rule says now)."""
    coverage = audit["coverage"]
    findings = reassessed(audit)
    severities = [finding.severity for finding in findings]
    return {
        "source": audit["source"],
        "sha256": audit["sha256"],
        "institution": audit["institution"],
        "report_date": audit["report_date"],
        **{name: _row_total(coverage, name) for name in COUNTS},
        "errors": severities.count(ERROR),
        "warnings": severities.count(WARNING),
        "verdict": verdict_of(findings),
        "audited_at": audit["audited_at"],
    }


def platform_totals(audits: list[dict]) -> dict[str, dict]:
    totals: dict[str, dict] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    for audit in audits:
        for row in audit["coverage"]:
            for name in COUNTS:
                totals[row["platform"]][name] += row[name] or 0
    return dict(sorted(totals.items()))


def folded(text: str) -> str:
    """Text compared without case or accents: "Cancillería" and "CANCILLERIA" are one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def in_range(audit: dict, institution: str | None, since: str | None, until: str | None) -> bool:
    day = audit["report_date"] or audit["audited_at"][:10]
    if institution and folded(institution) not in folded(audit["institution"] or ""):
        return False
    return (not since or day >= since) and (not until or day <= until)


def changes(store, audits: list[dict]) -> list[dict]:
    """Links whose last two conclusive checks differ; newly broken ones first."""
    found = []
    for change in store.status_changes():
        sources = sorted(a["source"] for a in audits if change["url"] in a.get("links", ()))
        if sources:
            found.append({**change, "sources": sources})
    found.sort(key=lambda c: c["seen_at"], reverse=True)
    return sorted(found, key=lambda c: c["to"] != "broken")


def build_summary(store, *, institution: str | None = None, since: str | None = None,
                  until: str | None = None) -> dict:
    audits = [a for a in store.latest_audits() if in_range(a, institution, since, until)]
    return {
        "reports": [{**report_row(audit), "report_file": report_file(audit)}
                    for audit in audits],
        "totals": platform_totals(audits),
        "changes": changes(store, audits),
    }
