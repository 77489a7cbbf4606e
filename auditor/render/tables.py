"""The tables every rendering shares (terminal, Markdown, CSV, HTML): headers and rows,
with Spanish headers and display names. Numbers stay numbers (each format writes them its
way); dates are written here, as a person reads them."""

from __future__ import annotations

from dataclasses import dataclass

from cosecha.labels import (
    VERDICT_TEXT,
    moment,
    number,
    phase_name,
    platform_text,
    plural,
    reason_text,
    status_text,
    with_last_attempt,
)

from ..model import ERROR, INFO, WARNING, Audit, Finding

SEVERITY_TITLES = {ERROR: "Errores", WARNING: "Advertencias", INFO: "Información"}
COVERAGE_HEADERS = ("Fase", "Plataforma", "Declarado", "Listado", "Vivos", "Rotos",
                    "Sin verificar")
FINDING_HEADERS = ("Línea", "Fase", "Plataforma", "Hallazgo", "Enlace")
ARCHIVE_HEADERS = ("Línea", "Fase", "Plataforma", "Copia archivada")
LINK_HEADERS = ("Fase", "Plataforma", "Estado", "Autor", "Publicado", "Título", "Verificado",
                "Enlace")


@dataclass
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple]
    # the column of links, if any: each cell a URL, or for a group of findings the
    # [(line, URL)] of each, shown under the row
    link_column: int | None = None


def coverage_table(audit: Audit) -> Table:
    rows = [(phase_name(r.phase), platform_text(r.platform), r.claimed, r.listed, r.alive,
             r.broken, r.unverified) for r in audit.coverage]
    return Table("Cobertura", COVERAGE_HEADERS, rows)


def finding_row(finding: Finding) -> tuple:
    phase = phase_name(finding.phase) if finding.phase is not None else ""
    return (finding.line, phase, platform_text(finding.platform),
            with_last_attempt(finding.message, finding.last_attempt), finding.url or "")


def finding_groups(findings: list[Finding], key=lambda f: (f.severity, f.phase, f.platform,
                                                           f.code, f.message)
                   ) -> list[list[Finding]]:
    """Findings about links with the same `key` in one group, in the order first seen; a
    finding about no link is a group of its own."""
    groups: dict[tuple, list[Finding]] = {}
    for index, finding in enumerate(findings):
        groups.setdefault(key(finding) if finding.url else (index,), []).append(finding)
    return list(groups.values())


def grouped_rows(findings: list[Finding]) -> list[tuple]:
    """One row per phase, platform, code and message as shown (its last attempt included); a
    group of links says how many and lists each (line, URL) under it."""
    rows = []
    for group in finding_groups(findings, key=lambda f: (f.code, *finding_row(f)[1:4])):
        line, phase, platform, message, url = finding_row(group[0])
        if len(group) > 1:
            line, url = "", [(f.line, f.url) for f in group]
            message += f" ({plural(len(group), 'enlace', 'enlaces')})"
        rows.append((line, phase, platform, message, url))
    return rows


def finding_tables(audit: Audit, detail: bool = True) -> list[Table]:
    """The findings by severity: one row per finding in `detail`, else grouped; then the web
    archive's captures of the broken links, if it has any."""
    tables = []
    for severity, title in SEVERITY_TITLES.items():
        found = [f for f in audit.findings if f.severity == severity]
        rows = [finding_row(f) for f in found] if detail else grouped_rows(found)
        if rows:
            tables.append(Table(f"{title} ({number(len(found))})", FINDING_HEADERS, rows,
                                link_column=-1))
    archived = archive_table(audit)
    return tables + ([archived] if archived.rows else [])


def archive_table(audit: Audit) -> Table:
    """Each broken link's closest capture in the web archive, by its line: for the analyst to
    look at; it changes no status."""
    rows = [(f.line, phase_name(f.phase) if f.phase is not None else "",
             platform_text(f.platform), f.archived_url) for f in audit.findings if f.archived_url]
    return Table("Copias en el archivo web de los enlaces rotos (sugerencias, no cambian el "
                 "estado)", ARCHIVE_HEADERS, rows, link_column=-1)


def link_status(link: dict) -> str:
    """"vivo", "roto: eliminado por su autor", or who confirmed it, when and what they wrote."""
    text = status_text(link["status"])
    manual = link["manual"]
    if manual:
        text += f" · confirmado por {manual['by'] or 'alguien sin nombre'}, {moment(manual['at'])}"
        text += f": «{manual['note']}»" if manual["note"] else ""
    elif link["reason"]:
        text += f": {reason_text(link['reason'])}"
    return with_last_attempt(text, link["last_attempt"])


def links_table(audit: Audit) -> Table:
    """Every link of the report with what its platform (or a person) said of it."""
    rows = [(phase_name(link["phase"]), platform_text(link["platform"]), link_status(link),
             link["author"] or "", moment(link["published_at"]), link["title"] or "",
             moment(link["checked_at"]), link["url"]) for link in audit.links]
    return Table(f"Enlaces ({number(len(rows))})", LINK_HEADERS, rows, link_column=-1)


def heading(audit: Audit) -> str:
    dates = [f"evento {moment(audit.event_date)}" if audit.event_date else "",
             f"fecha {moment(audit.report_date)}" if audit.report_date else ""]
    details = ", ".join(d for d in dates if d)
    who = f" — {audit.institution}" if audit.institution else ""
    return f"{audit.source}{who}" + (f" ({details})" if details else "")


REPORT_HEADERS = ("Informe", "Institución", "Fecha", "Declarado", "Listado", "Vivos", "Rotos",
                  "Sin verificar", "Errores", "Advertencias", "Veredicto", "Auditado")
REPORT_KEYS = ("source", "institution", "report_date", "claimed", "listed", "alive", "broken",
               "unverified", "errors", "warnings", "verdict", "audited_at")
TOTAL_HEADERS = ("Plataforma", "Declarado", "Listado", "Vivos", "Rotos", "Sin verificar")
CHANGE_HEADERS = ("Enlace", "Antes", "Ahora", "Visto", "Informes")
# a report whose file is no longer the one audited: what its verdict column says instead
FILE_TEXT = {"missing": "Ya no está en su carpeta", "unreadable": "No se puede leer",
             "changed": "Cambió desde su auditoría: volver a revisarlo"}
STDIN = "-"


def changes_table(changes, title: str) -> Table:
    """Links whose status changed, in the order given (the summary puts newly broken first)."""
    rows = [(c["url"], status_text(c["from"]), status_text(c["to"]), c["seen_at"],
             ", ".join(c.get("sources", ()))) for c in changes]
    return Table(title, CHANGE_HEADERS, rows, link_column=0)


def report_cells(report: dict) -> tuple:
    """A report's row as people read it: a report from standard input named by its sha256,
    dates in Spanish, and its verdict unless its file is gone or changed."""
    cells = dict(report)
    if report["source"] == STDIN:
        cells["source"] = f"entrada estándar (sha256 {report['sha256'][:12]})"
    cells["report_date"] = moment(report["report_date"]) or None
    cells["audited_at"] = moment(report["audited_at"])
    cells["verdict"] = (FILE_TEXT.get(report.get("report_file"))
                        or VERDICT_TEXT.get(report["verdict"], report["verdict"]))
    return tuple(cells[key] for key in REPORT_KEYS)


def summary_tables(summary: dict) -> list[Table]:
    reports = [report_cells(r) for r in summary["reports"]]
    totals = [(platform_text(p), t["claimed"], t["listed"], t["alive"], t["broken"],
               t["unverified"]) for p, t in summary["totals"].items()]
    changes = [{**change, "seen_at": moment(change["seen_at"])} for change in summary["changes"]]
    return [Table(f"Informes ({number(len(reports))})", REPORT_HEADERS, reports),
            Table("Totales por plataforma", TOTAL_HEADERS, totals),
            changes_table(changes, f"Cambios ({number(len(changes))})")]
