"""The report reader: any report file in, a `Report` (phases, claims, links, dates) out."""

from __future__ import annotations

import sys
from pathlib import Path

from cosecha.model import ANNEX, Claim, Link, Report, ReportWarning
from cosecha.platforms import identify

from .claims import find_claims
from .dates import event_date, find_period, institution_of, months_mentioned, report_date, title_of
from .document import Extracted, ReadError, split_lines
from .extract import extract_bytes, extract_path, sniff_kind
from .links import FoundLink, scan_links
from .scope import assign_covers
from .structure import (
    Heading,
    Layout,
    assemble_phases,
    find_headings,
    label_scope,
    layout_of,
    place_rows,
)
from .tables import PhaseTables, Tables, as_claim, find_phase_tables, find_tables, phase_row_claims

CUT_LINK = "enlace posiblemente cortado"
ANNEX_LINK = "enlace del anexo que no está bajo el nombre de ninguna fase"

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
    by_phase = find_phase_tables(lines)
    headings = find_headings(lines, extracted.heading_lines, by_phase.lines)
    found = scan_links(lines, extracted.link_targets, extracted.shown_urls)
    layout = layout_of(lines, headings, {f.line for f in found})
    stops = set(headings) | layout.groups
    tables = find_tables(lines, stops | by_phase.lines)
    tables.rows |= by_phase.lines
    claims = _claims(lines, headings, tables)
    claims += _phase_claims(by_phase, headings, layout, claims)
    labels = label_scope(lines, stops, {c.line: c.platform for c, _ in claims}, tables.platforms)
    report = Report(source=source, title=title_of(lines), institution=institution_of(lines),
                    event_date=event_date(lines), report_date=report_date(lines),
                    period=find_period(lines))
    report.months_mentioned = months_mentioned(lines, _year_of(report))
    report.phases = assemble_phases(headings, layout, [c for c, _ in claims],
                                    [_link(f, labels) for f in found])
    assign_covers(report.phases, lines, {id(c) for c, total in claims if total}, tables.rows)
    report.warnings = [ReportWarning(f.line, CUT_LINK) for f in found if f.cut]
    report.warnings += [ReportWarning(link.line, ANNEX_LINK) for phase in report.phases
                        if phase.kind == ANNEX for link in phase.links]
    report.warnings.sort(key=lambda warning: warning.line)
    return report


def _claims(lines: list[str], headings: dict[int, Heading], tables: Tables
            ) -> list[tuple[Claim, bool]]:
    """Claims of the lines and of the table rows, in reading order, each with its total flag."""
    rows = [(as_claim(c, line), c.total) for line, c in tables.claims.items()]
    found = find_claims(lines, headings, tables.rows) + rows
    return sorted(found, key=lambda pair: pair[0].line)


def _phase_claims(tables: PhaseTables, headings: dict[int, Heading], layout: Layout,
                  claims: list[tuple[Claim, bool]]) -> list[tuple[Claim, bool]]:
    """The claims of the tables whose rows are phases, placed in the phases their rows name
    (`headings` and `layout` learn where); `claims` are the report's other claims."""
    claimed = {layout.owners[claim.line - 1] for claim, _ in claims}
    names = {line: row.name for line, row in tables.rows.items() if row.name}
    return phase_row_claims(tables, place_rows(names, headings, layout, claimed))


def _link(found: FoundLink, labels: list[str | None]) -> Link:
    info = identify(found.url)
    return Link(url=found.url, platform=info.platform, listed_as=labels[found.line - 1],
                post_id=info.post_id, account=info.account, canonical_url=info.canonical_url,
                line=found.line)


def _year_of(report: Report) -> int | None:
    """The year months named alone belong to: the period's, else the report's."""
    known = report.period.start if report.period else report.report_date
    return int(known[:4]) if known else None
