"""The report reader: any report file in, a `Report` (phases, claims, links, dates) out."""

from __future__ import annotations

import sys
from pathlib import Path

from cosecha.model import Link, Report, ReportWarning
from cosecha.platforms import identify

from .claims import find_claims
from .dates import (event_date, find_period, institution_of, months_mentioned, report_date,
                    title_of)
from .extract import Extracted, ReadError, extract_bytes, extract_path, sniff_kind, split_lines
from .links import FoundLink, scan_links
from .structure import assemble_phases, find_headings, label_scope

CUT_LINK = "enlace posiblemente cortado"

__all__ = ["ReadError", "read_report", "read_text"]


def read_report(source: str | Path) -> Report:
    """Read a report file, or standard input for "-". Raises ReadError (Spanish, no path)."""
    if str(source) == "-":
        data = sys.stdin.buffer.read()
        extracted = extract_bytes(data, sniff_kind(data))
    else:
        extracted = extract_path(Path(source))
    return read_text(extracted, str(source))


def read_text(text_or_extracted: str | Extracted, source: str) -> Report:
    """Build a Report from decoded text (any text, even empty) or from extracted lines."""
    extracted = text_or_extracted
    if isinstance(extracted, str):
        extracted = Extracted(split_lines(extracted))
    lines = extracted.lines
    headings = find_headings(lines, extracted.heading_lines)
    claims = find_claims(lines, headings)
    labels = label_scope(lines, headings, {claim.line: claim.platform for claim in claims})
    found = scan_links(lines, extracted.link_targets)
    report = Report(source=source, title=title_of(lines), institution=institution_of(lines),
                    event_date=event_date(lines), report_date=report_date(lines),
                    period=find_period(lines))
    report.months_mentioned = months_mentioned(lines, _year_of(report))
    report.phases = assemble_phases(headings, claims, [_link(f, labels) for f in found])
    report.warnings = [ReportWarning(f.line, CUT_LINK) for f in found if f.cut]
    return report


def _link(found: FoundLink, labels: list[str | None]) -> Link:
    info = identify(found.url)
    return Link(url=found.url, platform=info.platform, listed_as=labels[found.line - 1],
                post_id=info.post_id, account=info.account, canonical_url=info.canonical_url,
                line=found.line)


def _year_of(report: Report) -> int | None:
    """The year months named alone belong to: the period's, else the report's."""
    known = report.period.start if report.period else report.report_date
    return int(known[:4]) if known else None
