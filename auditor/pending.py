"""The links a person must look at: those of the reports whose standing answer in the store is
"unverified" (a login wall, no connection...) or that were never checked, in report order.
Read from the store only: nothing here asks the network."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cosecha.harvest import offline_verdict, targets_for
from cosecha.inputs import expand
from cosecha.labels import phase_name, platform_text, reason_text
from cosecha.model import Link, Phase, Report
from cosecha.security import visible

from .review import ReadReport, read_entries

NEVER_CHECKED = "sin verificar aún"


@dataclass
class Pending:
    phase: str
    platform: str
    reason: str  # Spanish
    url: str  # as the report writes it

    def fields(self) -> list[str]:
        """Phase, platform, reason and URL as printed: each on one line, without a tab, and
        harmless on a terminal (a platform's answer can put anything in a reason)."""
        return [visible(" ".join(text.split()))
                for text in (phase_name(self.phase), platform_text(self.platform), self.reason,
                             self.url)]

    def heading(self) -> str:
        """"Fase 1 · Facebook · la plataforma pide iniciar sesión", as the pass shows it."""
        phase, platform, reason, _ = self.fields()
        return " · ".join((f"Fase {phase}" if self.phase else phase, platform, reason))

    def line(self) -> str:
        """`fase⇥plataforma⇥motivo⇥URL`, as `auditor pendientes` prints it."""
        return "\t".join(self.fields())


def in_report_order(report: Report) -> Iterator[tuple[Phase, Link]]:
    """Phase after phase, each phase's links by line (an annex may list them out of order)."""
    for phase in report.phases:
        for link in sorted(phase.links, key=lambda link: link.line):
            yield phase, link


def pending_links(store, reports: list[ReadReport]) -> list[Pending]:
    """Each pending link once, where it first appears."""
    pending, seen = [], set()
    for read in reports:
        for phase, link in in_report_order(read.report):
            key = link.canonical_url or link.url
            if key in seen:
                continue
            seen.add(key)
            reason = pending_reason(store, link, key)
            if reason is not None:
                pending.append(Pending(phase.key, link.platform, reason, link.url))
    return pending


def pending_reason(store, link: Link, key: str) -> str | None:
    """Why a person must look at the link, or None if no one needs to."""
    row, _ = store.standing(key)
    if row is None:
        # never checked: pending, unless the URL alone says it is no post or is refused
        return None if offline_verdict(targets_for([link.url])[0]) else NEVER_CHECKED
    return reason_text(row["reason"]) if row["status"] == "unverified" else None


def pending_in(store, sources: list[str], read_limit: float) -> tuple[list, list]:
    """The pending links of the reports among `sources` that could be read, and why the
    others could not."""
    entries, problems = expand(sources, urls=False)
    reports, unreadable = read_entries(entries, read_limit)
    return pending_links(store, reports), problems + unreadable
