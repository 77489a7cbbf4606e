"""What each claim counts: its own phase, or the phases a total, subtotal or summary sums."""

from __future__ import annotations

import re

from cosecha.model import PHASE, SUMMARY, Claim, Phase

from .phrasebook import ALL_PHASES
from .sections import phase_key_named

_SUBTOTAL = re.compile(r"\bsubtotal(?:es)?\b", re.IGNORECASE)
# "durante las tres etapas", "en todas las fases": a total that says it sums every phase
_EVERY_PHASE = re.compile("|".join(re.escape(form).replace(re.escape("{phases}"), r"\w+")
                                   for form in ALL_PHASES), re.IGNORECASE)


def assign_covers(phases: list[Phase], lines: list[str], totals: set[int],
                  table_rows: set[int]) -> None:
    """Set `covers` on every claim. `totals` holds the id() of the claims whose line says
    "total"; `table_rows` the lines that are rows of a claim table.

    A claim covers its own phase, except: covers already set (a table whose rows are phases)
    stand; a summary's claims cover every phase (or those it names); a total naming a phase
    covers it; a total that says it sums every phase ("durante las tres etapas") does; an
    unnamed total after the report's last claims, or before the first phase, covers every
    phase, unless every phase closes with its own total.
    """
    keys = list(dict.fromkeys(p.key for p in phases if p.kind == PHASE))
    keys = [key for key in keys if key] or keys  # the text before the first phase is none
    last_claim = max((c.line for p in phases if p.kind == PHASE for c in p.claims
                      if id(c) not in totals), default=0)
    closing = sum(_closes_with_total(p, lines, totals, table_rows, keys)
                  for p in phases if p.kind == PHASE)
    named_on = {line: phase_key_named(lines[line - 1], keys)
                for line in {c.line for p in phases for c in p.claims}}
    for phase in phases:
        for claim in phase.claims:
            line = lines[claim.line - 1]
            named = named_on[claim.line]
            if claim.covers:
                continue
            if phase.kind == SUMMARY:
                claim.covers = [named] if named else keys
            elif named is not None and id(claim) in totals:
                claim.covers = [named]
            elif id(claim) in totals and _EVERY_PHASE.search(line):
                claim.covers = keys
            elif _covers_all(phase, claim, line, totals, table_rows, last_claim, closing):
                claim.covers = keys
            else:
                claim.covers = [phase.key]


def _covers_all(phase: Phase, claim: Claim, line: str, totals: set[int], table_rows: set[int],
                last_claim: int, closing: int) -> bool:
    if id(claim) not in totals or claim.line in table_rows or _SUBTOTAL.search(line):
        return False
    if any(id(other) not in totals and other.line > claim.line for other in phase.claims):
        return False  # a total before the claims it sums
    if phase.line is None:
        return True  # before the first phase: the report's total
    return claim.line > last_claim and closing < 2


def _closes_with_total(phase: Phase, lines: list[str], totals: set[int], table_rows: set[int],
                       keys: list[str]) -> bool:
    """The phase's last claim is an unnamed total line after claims of its own (a table's Total
    row, a subtotal, or a total that names its phase says what it covers)."""
    claims = sorted(phase.claims, key=lambda c: c.line)
    last = claims[-1] if claims else None
    if (len(claims) < 2 or id(last) not in totals or id(claims[0]) in totals
            or last.line in table_rows):
        return False
    line = lines[claims[-1].line - 1]
    return not _SUBTOTAL.search(line) and phase_key_named(line, keys) is None
