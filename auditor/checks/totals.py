"""Totals, subtotals and summaries against the phase claims they sum; where the phases claim
nothing, against the links the phases list."""

from __future__ import annotations

from collections.abc import Iterator

from cosecha.labels import platform_text
from cosecha.model import PHASE, Claim, Phase

from ..model import ERROR, Finding
from .counts import listed_finding, missing_severity
from .finding import about_report
from .ranges import figure, overlap, summed
from .subject import ALL, POSTS, Subject, count_claims


def total_mismatches(subject: Subject) -> Iterator[Finding]:
    for phase in subject.report.phases:
        own = {id(claim) for claim in count_claims(phase)}
        for total in phase.claims:
            if total.unit != POSTS or id(total) in own:
                continue
            covered = [p for p in subject.report.phases
                       if p.kind == PHASE and p.key in (total.covers or [phase.key])]
            parts = [(p, _parts(p, total)) for p in covered]
            parts = [(p, claims) for p, claims in parts if claims]
            if parts:
                yield from _against_claims(phase, total, parts)
            else:
                yield from _against_links(subject, phase, total, covered)


def _parts(phase: Phase, total: Claim) -> list[Claim]:
    """What a phase claims towards a total: its claims for the total's platform, or for a total
    across platforms, all of them (else the phase's own subtotal)."""
    claims = [c for c in count_claims(phase) if total.platform in (ALL, c.platform)]
    if claims or total.platform != ALL:
        return claims
    own = [c for c in phase.claims if c is not total and c.platform == ALL and c.unit == POSTS
           and c.covers in ([], [phase.key])]
    return own[:1]


def _against_claims(phase: Phase, total: Claim,
                    parts: list[tuple[Phase, list[Claim]]]) -> Iterator[Finding]:
    every = [claim for _, claims in parts for claim in claims]
    low, high = summed(every)
    if overlap(summed([total]), (low, high)):
        return
    if len(parts) == 1:
        shown = " + ".join(f"{figure([c])} ({platform_text(c.platform)})" for c in every)
        where = "la suma por plataforma"
    else:
        shown = " + ".join(f"{figure(claims)} (fase {p.key})" for p, claims in parts)
        where = "la suma de las fases"
    whole = figure(every)
    of = "" if total.platform == ALL else f" en {platform_text(total.platform)}"
    yield about_report("total_mismatch", ERROR,
                       f"El total declarado de {figure([total])}{of} no coincide con {where}: "
                       f"{shown} = {whole}",
                       phase=phase.key, platform=total.platform, line=total.line)


def _against_links(subject: Subject, phase: Phase, total: Claim,
                   covered: list[Phase]) -> Iterator[Finding]:
    """A total over phases that claim nothing themselves is the claim their links must prove."""
    listed = sum(1 for e in subject.entries if e.phase in covered and e.listed_post
                 and total.platform in (ALL, e.link.platform))
    finding = listed_finding([total], listed, phase=phase.key, platform=total.platform)
    if finding is not None:
        yield finding
    elif not listed and total.count > 0:
        yield about_report("missing_evidence", missing_severity(subject),
                           f"Se declara un total de {figure([total])} publicaciones y las fases "
                           f"que suma no enlazan ninguna", phase=phase.key,
                           platform=total.platform, line=total.line)

