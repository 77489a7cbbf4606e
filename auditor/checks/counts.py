"""Findings about numbers: claims against listed posts, breakdowns, totals, and no claims."""

from __future__ import annotations

from collections.abc import Iterator

from cosecha.labels import platform_text
from cosecha.model import Claim, Phase

from ..model import ERROR, INFO, WARNING, CoverageRow, Finding
from .finding import about_report
from .spanish import number, plural
from .subject import ALL, POSTS, Subject, count_claims


def count_mismatches(subject: Subject) -> Iterator[Finding]:
    for phase, claim, row in _claimed_rows(subject):
        if row.listed == 0 or row.listed == row.claimed:
            continue  # no evidence at all is missing_evidence, not a miscount
        fewer = row.listed < row.claimed
        message = (f"Se declaran {plural(row.claimed, 'publicación', 'publicaciones')} en "
                   f"{platform_text(row.platform)} y se enlazan {number(row.listed)} distintas")
        yield about_report("count_mismatch", ERROR if fewer else WARNING,
                           message + ("" if fewer else ", más de las declaradas"),
                           phase=phase.key, platform=row.platform, line=claim.line)


def missing_evidence(subject: Subject) -> Iterator[Finding]:
    for phase, claim, row in _claimed_rows(subject):
        if row.listed or not row.claimed or row.claimed <= 0:
            continue
        anywhere = any(e.listed and e.link.platform == row.platform for e in subject.entries)
        where = ("esta fase no enlaza ninguna" if anywhere
                 else "el informe no enlaza ninguna")
        yield about_report("missing_evidence", WARNING,
                           f"Se declaran {plural(row.claimed, 'publicación', 'publicaciones')} "
                           f"en {platform_text(row.platform)} y {where}",
                           phase=phase.key, platform=row.platform, line=claim.line)


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


def total_mismatches(subject: Subject) -> Iterator[Finding]:
    for phase in subject.report.phases:
        for total, parts in _totals(phase):
            summed = sum(c.count for c in parts)
            if parts and summed != total.count:
                shown = " + ".join(f"{number(c.count)} ({platform_text(c.platform)})" for c in parts)
                yield about_report("total_mismatch", ERROR,
                                   f"El total declarado de {number(total.count)} no coincide con "
                                   f"la suma por plataforma: {shown} = {number(summed)}",
                                   phase=phase.key, platform=ALL, line=total.line)


def no_claims(subject: Subject) -> Iterator[Finding]:
    if any(phase.claims for phase in subject.report.phases):
        return
    if subject.report.links():
        message = "El informe enlaza evidencias pero no declara ninguna cifra"
    else:
        message = "El informe no declara cifras ni enlaza evidencias"
    yield about_report("no_claims", INFO, message)


def _claimed_rows(subject: Subject) -> Iterator[tuple[Phase, Claim, CoverageRow]]:
    """Each phase's claimed platforms, with the first claim line and the coverage row."""
    rows = {(id(phase), row.platform): row for phase, row in subject.coverage}
    for phase in subject.report.phases:
        firsts = {}
        for claim in count_claims(phase):
            firsts.setdefault(claim.platform, claim)
        for platform, claim in firsts.items():
            yield phase, claim, rows[id(phase), platform]


def _totals(phase: Phase) -> Iterator[tuple[Claim, list[Claim]]]:
    """Each stated total with the per-platform claims that follow it, up to the next total."""
    claims = sorted((c for c in phase.claims if c.unit == POSTS), key=lambda c: c.line)
    for i, claim in enumerate(claims):
        if claim.platform != ALL:
            continue
        parts = []
        for later in claims[i + 1:]:
            if later.platform == ALL:
                break
            parts.append(later)
        yield claim, parts
