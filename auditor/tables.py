"""The tables every rendering shares (terminal, Markdown, CSV, HTML): headers and rows,
with Spanish headers and display names."""

from __future__ import annotations

from dataclasses import dataclass

from cosecha.labels import platform_text as platform_name
from cosecha.labels import status_text, with_last_attempt

from .model import ERROR, INFO, VERDICT_TEXT, WARNING, Audit, Finding

SEVERITY_TITLES = {ERROR: "Errores", WARNING: "Advertencias", INFO: "Información"}
COVERAGE_HEADERS = ("Fase", "Plataforma", "Declarado", "Listado", "Vivos", "Rotos",
                    "Sin verificar")
FINDING_HEADERS = ("Línea", "Fase", "Plataforma", "Hallazgo", "Enlace")


@dataclass
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple]


def shown(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def phase_name(phase: str | None) -> str:
    return "(sin fase)" if phase == "" else shown(phase)


def coverage_table(audit: Audit) -> Table:
    rows = [(phase_name(r.phase), platform_name(r.platform), r.claimed, r.listed, r.alive,
             r.broken, r.unverified) for r in audit.coverage]
    return Table("Cobertura", COVERAGE_HEADERS, rows)


def finding_row(finding: Finding) -> tuple:
    phase = phase_name(finding.phase) if finding.phase is not None else ""
    return (finding.line, phase, platform_name(finding.platform),
            with_last_attempt(finding.message, finding.last_attempt), finding.url or "")


def finding_tables(audit: Audit) -> list[Table]:
    tables = []
    for severity, title in SEVERITY_TITLES.items():
        rows = [finding_row(f) for f in audit.findings if f.severity == severity]
        if rows:
            tables.append(Table(f"{title} ({len(rows)})", FINDING_HEADERS, rows))
    return tables


def heading(audit: Audit) -> str:
    dates = [f"evento {audit.event_date}" if audit.event_date else "",
             f"fecha {audit.report_date}" if audit.report_date else ""]
    details = ", ".join(d for d in dates if d)
    who = f" — {audit.institution}" if audit.institution else ""
    return f"{audit.source}{who}" + (f" ({details})" if details else "")


REPORT_HEADERS = ("Informe", "Institución", "Fecha", "Declarado", "Listado", "Vivos", "Rotos",
                  "Sin verificar", "Errores", "Advertencias", "Veredicto", "Auditado")
REPORT_KEYS = ("source", "institution", "report_date", "claimed", "listed", "alive", "broken",
               "unverified", "errors", "warnings", "verdict", "audited_at")
TOTAL_HEADERS = ("Plataforma", "Declarado", "Listado", "Vivos", "Rotos", "Sin verificar")
CHANGE_HEADERS = ("Enlace", "Antes", "Ahora", "Visto", "Informes")


def changes_table(changes, title: str) -> Table:
    """Links whose status changed, in the order given (the summary puts newly broken first)."""
    rows = [(c["url"], status_text(c["from"]), status_text(c["to"]), c["seen_at"],
             ", ".join(c.get("sources", ()))) for c in changes]
    return Table(title, CHANGE_HEADERS, rows)


def summary_tables(summary: dict) -> list[Table]:
    reports = [tuple(VERDICT_TEXT.get(r[k], r[k]) if k == "verdict" else r[k]
                     for k in REPORT_KEYS) for r in summary["reports"]]
    totals = [(platform_name(p), t["claimed"], t["listed"], t["alive"], t["broken"],
               t["unverified"]) for p, t in summary["totals"].items()]
    changes = summary["changes"]
    return [Table(f"Informes ({len(reports)})", REPORT_HEADERS, reports),
            Table("Totales por plataforma", TOTAL_HEADERS, totals),
            changes_table(changes, f"Cambios ({len(changes)})")]
