"""Reviewing reports: read them, harvest their links through the store, compare, remember.

The library function behind `auditor revisar` and the nightly run; the commands only parse
arguments and render.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cosecha.harvest import Harvester, HarvestOptions, Target, attempt_of, targets_for
from cosecha.inputs import Entry, InputProblem
from cosecha.model import Report
from cosecha.reader import ReadError
from cosecha.reader.sandbox import READ_SECONDS, Job, read_bounded
from datos import archives
from datos.store import now_iso

from .checks import subject
from .compare import audit_report
from .model import Audit, Standing


@dataclass
class ReadReport:
    report: Report
    sha256: str


def read_entries(entries: list[Entry], seconds: float = READ_SECONDS
                 ) -> tuple[list[ReadReport], list[InputProblem]]:
    """Each report (within the reading limits) and the sha256 of its bytes, or why it cannot
    be read. Never writes to the input."""
    jobs = [Job.of(entry.value) for entry in entries]
    done: list[ReadReport] = []
    problems: list[InputProblem] = []
    for job, read in zip(jobs, read_bounded(jobs, seconds)):
        if isinstance(read, ReadError):
            problems.append(InputProblem(job.source, str(read)))
            continue
        try:
            data = job.data if job.data is not None else Path(job.source).read_bytes()
        except OSError as problem:
            problems.append(InputProblem(job.source, f"no se pudo leer ({problem.strerror})"))
            continue
        done.append(ReadReport(read, hashlib.sha256(data).hexdigest()))
    return done, problems


def link_keys(report: Report) -> list[str]:
    """How each link of a report is known to the store and to the evidence map."""
    return [link.canonical_url or link.url for link in report.links()]


def standings_from(row: dict, attempt: dict | None, archived_url: str | None = None) -> Standing:
    """The standing check of a link as the audit's evidence (a person's note is its reason),
    with the web archive's capture of it, if any."""
    manual = row["source"] == "manual"
    reason = (row.get("note") or "manual") if manual else row["reason"]
    return Standing(row["status"], reason, row["author"], row["published_at"], row["checked_at"],
                    manual=manual, last_attempt=attempt_of(attempt), title=row.get("title"),
                    checked_by=row.get("checked_by"), note=row.get("note"),
                    evidence_sha256=row.get("evidence_sha256"), archived_url=archived_url)


def link_row(entry: subject.Entry) -> dict:
    """One link of an audit as the JSON of `revisar` shows it (`links`)."""
    evidence = entry.standing
    manual = ({"by": evidence.checked_by, "at": evidence.checked_at, "note": evidence.note}
              if evidence.manual else None)
    return {"url": entry.link.url, "phase": entry.phase.key, "platform": entry.link.platform,
            "status": evidence.status, "reason": "manual" if manual else evidence.reason,
            "author": evidence.author, "published_at": evidence.published_at,
            "title": evidence.title, "checked_at": evidence.checked_at, "manual": manual,
            "last_attempt": evidence.last_attempt, "evidence_sha256": evidence.evidence_sha256,
            "archived_url": evidence.archived_url}


def harvest(store, targets: list[Target], options: HarvestOptions, command: str,
            on_done=None) -> None:
    """Every target checked (or taken from the store when recent), its check stored."""
    asyncio.run(Harvester(store, options, command=command, on_done=on_done).run(targets))


def stored_evidence(store, report: Report) -> dict[str, Standing]:
    """The standing check of each link of one report, from the store."""
    evidence = {}
    for target in targets_for([link.url for link in report.links()]):
        row, attempt = store.standing(target.key)
        if row:
            evidence[target.key] = standings_from(row, attempt, archives.latest(store, target.key))
    return evidence


def audit_one(store, read: ReadReport, *, audited_at: str | None = None,
              accounts: Mapping[str, str] | None = None, window_days: int = 90) -> Audit:
    """One report audited (now, unless `audited_at`) against what the store holds of its
    links, and remembered; only this report's links are loaded, so reports can be audited one
    at a time."""
    evidence = stored_evidence(store, read.report)
    audit = audit_report(read.report, evidence, sha256=read.sha256,
                         audited_at=audited_at or now_iso(), accounts=accounts,
                         window_days=window_days)
    audit.links = [link_row(entry) for entry in subject.entries_of(read.report, evidence)]
    store.record_audit({**audit.to_dict(), "links": link_keys(read.report)})
    return audit


def review(store, reports: list[ReadReport], options: HarvestOptions, *, command: str,
           accounts: Mapping[str, str] | None = None, window_days: int = 90,
           on_done=None) -> list[Audit]:
    harvest(store, targets_for([link.url for read in reports for link in read.report.links()]),
            options, command, on_done)
    audited_at = now_iso()
    return [audit_one(store, read, audited_at=audited_at, accounts=accounts,
                      window_days=window_days) for read in reports]
