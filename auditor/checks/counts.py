"""Findings about numbers: claims against listed posts, breakdowns, and no claims."""

from __future__ import annotations

from collections.abc import Iterator

from cosecha.labels import number, platform_text
from cosecha.model import Claim, Phase

from ..model import ERROR, INFO, WARNING, CoverageRow, Finding
from .finding import about_report
from .ranges import figure, holds, summed
from .subject import Subject, count_claims


def count_mismatches(subject: Subject) -> Iterator[Finding]:
    for phase, claims, row in _claimed_rows(subject):
        finding = listed_finding(claims, row.listed, phase=phase.key, platform=row.platform)
        if finding is not None:
            yield finding


def listed_finding(claims: list[Claim], listed: int, *, phase: str,
                   platform: str) -> Finding | None:
    """count_mismatch when the distinct posts listed fall outside what the claims allow: an
    error for fewer than an exact claim, a warning for more, or outside an approximate one."""
    allowed = summed(claims)
    if listed == 0 or holds(listed, allowed):
        return None  # no evidence at all is missing_evidence, not a miscount
    approximate = any(claim.approximate for claim in claims)
    fewer = listed < allowed[0]
    message = (f"Se declaran {figure(claims)} publicaciones en {platform_text(platform)} y se "
               f"enlazan {number(listed)} distintas")
    if approximate:
        message += ", fuera de lo que admite la cifra aproximada"
    elif not fewer:
        message += ", más de las declaradas"
    return about_report("count_mismatch", ERROR if fewer and not approximate else WARNING,
                        message, phase=phase, platform=platform, line=claims[0].line)


def missing_evidence(subject: Subject) -> Iterator[Finding]:
    for phase, claims, row in _claimed_rows(subject):
        if row.listed or summed(claims)[1] <= 0:
            continue
        anywhere = any(e.listed and e.link.platform == row.platform for e in subject.entries)
        where = ("esta fase no enlaza ninguna" if anywhere
                 else "el informe no enlaza ninguna")
        yield about_report("missing_evidence", missing_severity(subject),
                           f"Se declaran {figure(claims)} publicaciones "
                           f"en {platform_text(row.platform)} y {where}",
                           phase=phase.key, platform=row.platform, line=claims[0].line)


def missing_severity(subject: Subject) -> str:
    """A claim of posts with no link is an error, except in a periodic report (a period and no
    event, such as a quarterly report) that links no post at all: it may not be meant to."""
    report = subject.report
    periodic = report.period is not None and report.event_date is None
    if periodic and not any(entry.listed_post for entry in subject.entries):
        return WARNING
    return ERROR


def breakdown_mismatches(subject: Subject) -> Iterator[Finding]:
    for phase in subject.report.phases:
        for claim in phase.claims:
            if not claim.breakdown:
                continue
            parts = sum(item.count for item in claim.breakdown)
            if parts > claim.count:
                yield about_report("breakdown_mismatch", ERROR,
                                   f"El desglose suma {number(parts)}, más que el total declarado "
                                   f"de {number(claim.count)}",
                                   phase=phase.key, platform=claim.platform, line=claim.line)
            elif parts < claim.count:
                yield about_report("breakdown_mismatch", INFO,
                                   f"Desglose parcial: suma {number(parts)} de "
                                   f"{number(claim.count)}",
                                   phase=phase.key, platform=claim.platform, line=claim.line)


def no_claims(subject: Subject) -> Iterator[Finding]:
    if any(phase.claims for phase in subject.report.phases):
        return
    if subject.report.links():
        message = "El informe enlaza evidencias pero no declara ninguna cifra"
    else:
        message = "El informe no declara cifras ni enlaza evidencias"
    yield about_report("no_claims", INFO, message)


def _claimed_rows(subject: Subject) -> Iterator[tuple[Phase, list[Claim], CoverageRow]]:
    """Each phase's claimed platforms, with their claims and the coverage row."""
    rows = {(id(phase), row.platform): row for phase, row in subject.coverage}
    for phase in subject.report.phases:
        claims: dict[str, list[Claim]] = {}
        for claim in count_claims(phase):
            claims.setdefault(claim.platform, []).append(claim)
        for platform, mine in claims.items():
            yield phase, mine, rows[id(phase), platform]
