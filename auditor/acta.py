"""The acta: a signable verification record of one report, from the store only (no network).

It shows the latest audit of the report's sha256: every listed link with the check that stood
for it when that audit was made (so a later re-check does not change an acta already signed),
the findings and the verdict by today's rule, and a fingerprint: the sha256 of the acta's
canonical JSON (keys sorted, UTF-8, no insignificant whitespace) without `issued_at`, which
anyone holding the JSON can recompute. Each issued acta is recorded in the append-only `actas`
table, so a printed one can be checked later.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict
from pathlib import Path

import cosecha
from cosecha.harvest import targets_for
from cosecha.model import Report
from datos import actas, archives
from datos.store import CONCLUSIVE, stored_json

from .checks.subject import entries_of
from .compare import reassessed, verdict_of
from .errors import Refusal
from .review import ReadReport, link_row, standings_from

UNSIGNED = ("issued_at", "fingerprint")  # what the fingerprint leaves out
FINGERPRINT = re.compile(r"[0-9a-f]{64}")



def canonical(acta: dict) -> bytes:
    """The bytes the fingerprint is the sha256 of."""
    signed = {key: value for key, value in acta.items() if key not in UNSIGNED}
    return json.dumps(signed, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def fingerprint(acta: dict) -> str:
    return hashlib.sha256(canonical(acta)).hexdigest()


def build_acta(store, read: ReadReport) -> dict:
    """The acta of a report as read now (its fingerprint and issue time not yet added)."""
    body = latest_audit(store, read)
    findings = reassessed(body)
    return {
        "source": body["source"], "sha256": body["sha256"], "title": body.get("title"),
        "institution": body.get("institution"), "event_date": body.get("event_date"),
        "report_date": body.get("report_date"), "audited_at": body["audited_at"],
        "tool_version": cosecha.__version__,
        "checks_from": body.get("checks_from"), "checks_to": body.get("checks_to"),
        "verdict": verdict_of(findings),
        "links": link_rows(store, read.report, body["audited_at"]),
        "findings": [asdict(finding) for finding in findings],
    }


def issued(acta: dict, issued_at: str) -> dict:
    return {**acta, "issued_at": issued_at, "fingerprint": fingerprint(acta)}


def latest_audit(store, read: ReadReport) -> dict:
    row = actas.latest_audit_of(store, read.sha256)
    if row:
        return stored_json(row["body"], f"la auditoría guardada de {row['source']} "
                                        f"(audits.id = {row['id']})")
    name = read.report.source
    earlier = audited_before(store, name)
    if earlier:
        raise Refusal(f"{name}: cambió después de su auditoría (sha256 auditado {earlier}, "
                      f"sha256 actual {read.sha256}); vuelva a auditarlo con auditor revisar")
    raise Refusal(f"{name}: este informe no se ha auditado nunca (sha256 {read.sha256}); "
                  "audítelo antes con auditor revisar")


def audited_before(store, source: str) -> str | None:
    """The sha256 of the latest audit of the same file (as named, or the same file reached by
    another path from the current folder), when its content was another."""
    for row in actas.audited_files(store):
        if row["source"] == source or _same_file(row["source"], source):
            return row["sha256"]
    return None


def _same_file(one: str, other: str) -> bool:
    try:
        return "-" not in (one, other) and os.path.samefile(one, other)
    except OSError:
        return False


def link_rows(store, report: Report, audited_at: str) -> list[dict]:
    """Every link as the report lists it, with the check that stood for it at the audit."""
    stood = {}
    for target in targets_for([link.url for link in report.links()]):
        row, attempt = standing_at(store.history(target.key), audited_at)
        if row:
            stood[target.key] = row, attempt
    evidence = {key: standings_from(row, attempt) for key, (row, attempt) in stood.items()}
    rows = []
    for entry in entries_of(report, evidence):
        key = entry.link.canonical_url or entry.link.url
        check, _ = stood.get(key, (None, None))
        shown = link_row(entry)
        rows.append({key: shown[key] for key in ("url", "phase", "platform", "status", "reason",
                                                 "checked_at", "manual")}
                    | {"evidence_sha256": (check or {}).get("evidence_sha256"),
                       "archived_url": archives.latest(store, key, until=audited_at)})
    return rows


def standing_at(history: list[dict], moment: str) -> tuple[dict | None, dict | None]:
    """Store.standing as it was at `moment`: of the checks made by then (in row order), the
    latest conclusive one, and a newer inconclusive one as its last attempt; else the latest."""
    made = [row for row in history if row["checked_at"] <= moment]
    if not made or made[-1]["status"] in CONCLUSIVE:
        return (made[-1] if made else None), None
    conclusive = [row for row in made if row["status"] in CONCLUSIVE]
    return (conclusive[-1], made[-1]) if conclusive else (made[-1], None)


def file_name(source: str) -> str:
    return "entrada estándar" if source == "-" else Path(source).name

