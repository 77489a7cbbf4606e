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

from cosecha.harvest import Harvester, HarvestOptions, attempt_of, now_iso, targets_for
from cosecha.inputs import Entry, InputProblem
from cosecha.model import Report
from cosecha.reader import ReadError
from cosecha.reader.bounded import READ_SECONDS, Job, read_bounded

from .compare import audit_report
from .model import Audit, Evidence


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


def evidence_from(row: dict, attempt: dict | None) -> Evidence:
    """The standing check of a link as the audit's evidence (a person's note is its reason)."""
    manual = row["source"] == "manual"
    reason = (row.get("note") or "manual") if manual else row["reason"]
    return Evidence(row["status"], reason, row["author"], row["published_at"], row["checked_at"],
                    manual=manual, last_attempt=attempt_of(attempt))


def harvest_evidence(store, reports: list[ReadReport], options: HarvestOptions,
                     command: str, on_done=None) -> dict[str, Evidence]:
    urls = [link.url for read in reports for link in read.report.links()]
    targets = targets_for(urls)
    asyncio.run(Harvester(store, options, command=command, on_done=on_done).run(targets))
    evidence = {}
    for target in targets:  # each has its check stored now
        row, attempt = store.standing(target.key)
        if row:
            evidence[target.key] = evidence_from(row, attempt)
    return evidence


def review(store, reports: list[ReadReport], options: HarvestOptions, *, command: str,
           accounts: Mapping[str, str] | None = None, window_days: int = 90,
           on_done=None) -> list[Audit]:
    evidence = harvest_evidence(store, reports, options, command, on_done)
    audited_at = now_iso()
    audits = []
    for read in reports:
        audit = audit_report(read.report, evidence, sha256=read.sha256, audited_at=audited_at,
                             accounts=accounts, window_days=window_days)
        store.record_audit({**audit.to_dict(), "links": link_keys(read.report)})
        audits.append(audit)
    return audits
