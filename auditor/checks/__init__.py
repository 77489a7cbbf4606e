"""The checks that compare a report's claims with its evidence, one function per finding family."""

from __future__ import annotations

from ..model import Finding
from .accounts import foreign_accounts
from .counts import breakdown_mismatches, count_mismatches, missing_evidence, no_claims
from .dates import out_of_window, period_mismatches
from .links import (
    broken_links,
    duplicate_links,
    invalid_links,
    manual_confirmations,
    not_posts,
    nothing_verified,
    platform_mismatches,
    refused_links,
    unverified_links,
)
from .reading import reader_warnings
from .subject import Subject
from .totals import total_mismatches

CHECKS = (
    count_mismatches, missing_evidence, broken_links, unverified_links, nothing_verified,
    manual_confirmations,
    duplicate_links, not_posts, invalid_links, refused_links, platform_mismatches,
    foreign_accounts, out_of_window, breakdown_mismatches, total_mismatches, period_mismatches,
    no_claims, reader_warnings,
)


def findings(subject: Subject) -> list[Finding]:
    """Every finding, report-wide ones first, then in the order of the report's lines."""
    found = [f for check in CHECKS for f in check(subject)]
    return sorted(found, key=lambda f: f.line or 0)
