"""The pages of `auditor revisar` and `auditor resumen`: verdicts, coverage, findings (grouped,
or one row each) and each report's links with what the platform said.

Everything that comes from a report is escaped; only http(s) URLs become links. Tables carry
`data-report`, `data-platform` and `data-severity` so the page can filter and sort itself.
"""

from __future__ import annotations

from collections.abc import Callable

from cosecha.labels import (
    moment,
    phase_name,
    platform_text,
    plural,
    status_text,
    with_last_attempt,
)
from cosecha.platforms.answers import shorten

from ..compare import verdict_text
from ..model import ERROR, INFO, READY, RESERVATIONS, REVIEW, WARNING, Audit, Finding
from .page import (
    cell,
    data_attributes,
    escape,
    href,
    page,
    select,
    table_html,
    table_section,
)
from .tables import (
    COVERAGE_HEADERS,
    FINDING_HEADERS,
    SEVERITY_TITLES,
    Table,
    archive_table,
    coverage_table,
    finding_groups,
    finding_row,
    summary_tables,
)

# whether a finding is new since the previous nightly run
IsNew = Callable[[Audit, Finding], bool]


VERDICT_CLASS = {READY: "ok", RESERVATIONS: "reservas", REVIEW: "revisar"}


VERDICT_MARK = {READY: "✓", RESERVATIONS: "?", REVIEW: "✗"}


SEVERITY_MARK = {ERROR: "✗ error", WARNING: "! advertencia", INFO: "i información"}


NEW_MARK = " · nuevo"


def filters(audits: list[Audit]) -> str:
    """Selects for the rows' report (when there are several), platform and severity."""
    platforms = sorted({r.platform for a in audits for r in a.coverage}
                       | {f.platform for a in audits for f in a.findings if f.platform})
    return "".join([
        '<div class="filtros">',
        select("filtro-informe", "Informe", [(a.source, a.source) for a in audits])
        if len(audits) > 1 else "",
        select("filtro-plataforma", "Plataforma", [(p, platform_text(p)) for p in platforms]),
        select("filtro-gravedad", "Gravedad", [(s, t) for s, t in SEVERITY_TITLES.items()]),
        "</div>"])


def report_title(title: str) -> str:
    return f'<span class="titulo">{escape(title)}</span>' if title else ""


def verdicts(audits: list[Audit]) -> str:
    items = [f'<div class="veredicto {VERDICT_CLASS[a.verdict]}"{data_attributes(report=a.source)}>'
             f"{VERDICT_MARK[a.verdict]} <strong>{escape(a.source)}</strong>"
             f"{' — ' + escape(a.institution) if a.institution else ''}: "
             f"{escape(verdict_text(a))}{report_title(a.title)}</div>" for a in audits]
    return '<section id="veredictos"><h2>Veredictos</h2>' + "".join(items) + "</section>"


def coverage(audits: list[Audit]) -> str:
    rows, attributes = [], []
    for audit in audits:
        rows += [(audit.source, *row) for row in coverage_table(audit).rows]
        attributes += [data_attributes(report=audit.source, platform=r.platform)
                       for r in audit.coverage]
    table = Table("Cobertura por fase y plataforma", ("Informe", *COVERAGE_HEADERS), rows)
    return table_section("cobertura", table, attributes)


def findings(audits: list[Audit]) -> str:
    pairs = [(audit, finding) for audit in audits for finding in audit.findings]
    rows = [(a.source, SEVERITY_MARK[f.severity], *finding_row(f)) for a, f in pairs]
    attributes = [' class="fila-hallazgo"' + data_attributes(
        report=a.source, platform=f.platform or "", severity=f.severity) for a, f in pairs]
    table = Table("Hallazgos", ("Informe", "Gravedad", *FINDING_HEADERS), rows)
    return table_section("hallazgos", table, attributes) + archived(audits)


def archived(audits: list[Audit]) -> str:
    """The web archive's captures of the broken links, when it has any."""
    rows, attributes = [], []
    for audit in audits:
        table = archive_table(audit)
        rows += [(audit.source, *row) for row in table.rows]
        attributes += [data_attributes(report=audit.source, platform=f.platform)
                       for f in audit.findings if f.archived_url]
    if not rows:
        return ""
    return table_section("archivo-web", Table(table.title, ("Informe", *table.headers), rows),
                         attributes)


GROUP_HEADERS = ("Gravedad", "Fase", "Plataforma", "Hallazgo", "Enlaces", "Dónde")


def where_item(finding: Finding, new: bool) -> str:
    line = f"línea {finding.line}: " if finding.line is not None else ""
    attempt = with_last_attempt("", finding.last_attempt)
    marked = ' class="nuevo" data-nuevo="sí"' if new else ""
    copy = (f'<br><span class="archivo">copia en el archivo web: {href(finding.archived_url)}'
            "</span>" if finding.archived_url else "")
    return (f"<li{marked}>{escape(line)}{href(finding.url)}{escape(attempt)}"
            f"{escape(NEW_MARK) if new else ''}{copy}</li>")


def group_row(source: str, group: list[Finding], marks: list[bool],
              named: bool = False) -> str:
    """One group of findings as a row; `named`: the row starts with its report (a page of
    several reports)."""
    first, new = group[0], any(marks)
    if first.url:
        where = ('<ul class="enlaces">' + "".join(map(where_item, group, marks)) + "</ul>")
    else:
        where = escape(f"línea {first.line}" if first.line is not None else "")
    phase = phase_name(first.phase) if first.phase is not None else ""
    message = with_last_attempt(first.message, first.last_attempt if len(group) == 1 else None)
    attributes = data_attributes(report=source, platform=first.platform or "",
                                 severity=first.severity, nuevo="sí" if new else None)
    cells = [cell(source)] * named + [
             cell(SEVERITY_MARK[first.severity] + (NEW_MARK if new else "")), cell(phase),
             cell(platform_text(first.platform)), cell(message, "texto"),
             cell(len(group) if first.url else ""), f'<td class="enlace">{where}</td>']
    return f'<tr class="fila-hallazgo{" nuevo" if new else ""}"{attributes}>{"".join(cells)}</tr>'


def grouped_findings(audit: Audit, is_new: IsNew | None = None) -> str:
    """One row per phase, platform, code and reason, with how many links and each beneath
    (its line, a link to it, whether it is new): 50 links behind a wall are one row."""
    rows = [group_row(audit.source, group, [bool(is_new and is_new(audit, f)) for f in group])
            for group in finding_groups(audit.findings)]
    title = f"Hallazgos ({plural(len(audit.findings), 'hallazgo', 'hallazgos')})"
    return table_html("hallazgos", title, GROUP_HEADERS, rows)


def render_html(audits: list[Audit], *, title: str = "Auditoría de enlaces",
                generated_at: str, detail: bool = False) -> str:
    """`auditor revisar`'s page: findings grouped (`detail`: one row each), then each report's
    links, one collapsible table per phase."""
    found = findings(audits) if detail else grouped_across(audits)
    return page(title, generated_at, [filters(audits), verdicts(audits), coverage(audits),
                                      found, links_by_phase(audits)])


def grouped_across(audits: list[Audit]) -> str:
    rows = [group_row(audit.source, group, [False] * len(group), named=True)
            for audit in audits for group in finding_groups(audit.findings)]
    count = sum(len(audit.findings) for audit in audits)
    title = f"Hallazgos ({plural(count, 'hallazgo', 'hallazgos')})"
    return table_html("hallazgos", title, ("Informe", *GROUP_HEADERS), rows) + archived(audits)


def links_by_phase(audits: list[Audit]) -> str:
    """Each report's links, a collapsible table per phase, with what the platform said."""
    parts = []
    for audit in audits:
        phases: dict[str, list[dict]] = {}
        for link in audit.links:
            phases.setdefault(link["phase"], []).append(link)
        for phase, links in phases.items():
            title = (f"{audit.source} · {phase_name(phase)}: "
                     f"{plural(len(links), 'enlace', 'enlaces')}")
            table = links_table(f"enlaces-{len(parts) + 1}", title, audit, links, {})
            parts.append(f"<details><summary>{escape(title)}</summary>{table}</details>")
    return "<section><h2>Enlaces por fase</h2>" + "".join(parts) + "</section>" if parts else ""


LINK_ROW_HEADERS = ("Fase", "Plataforma", "Estado", "Enlace", "Lo que dijo la plataforma")


RECORD_TEXT_SHOWN = 280  # characters of a post's text; `evidencia --guardar` gives it whole


def record_cell(link: dict, records: dict) -> str:
    """An alive post's kept record (text, author, date, sha256) or, without it at hand, what
    its check read; a broken one's capture in the web archive. All escaped: untrusted."""
    kept = records.get(link.get("evidence_sha256")) if link["status"] == "alive" else None
    parts = []
    if kept:
        parts += _said([("texto", shorten(kept.get("text"), RECORD_TEXT_SHOWN)),
                        ("autor", kept.get("author")), ("fecha", moment(kept.get("published_at")))])
        parts.append(f'sha256 <code>{escape(link["evidence_sha256"])}</code>')
    elif link["status"] == "alive":
        parts += _said([("título", link.get("title")), ("autor", link.get("author")),
                        ("fecha", moment(link.get("published_at")))])
    if link["status"] == "broken" and link.get("archived_url"):
        parts.append(f"copia en el archivo web: {href(link['archived_url'])}")
    return f'<td class="texto">{"<br>".join(parts)}</td>'


def _said(pairs: list[tuple[str, str | None]]) -> list[str]:
    return [f"{escape(label)}: {escape(value)}" for label, value in pairs if value]


def links_section(audit: Audit, records: dict) -> str:
    """Every link of the report, each with what its platform said (the kept record)."""
    title = f"Enlaces ({plural(len(audit.links), 'enlace', 'enlaces')})"
    return links_table("enlaces", title, audit, audit.links, records)


def links_table(identifier: str, title: str, audit: Audit, links: list[dict],
                records: dict) -> str:
    rows = [f"<tr{data_attributes(report=audit.source, platform=link['platform'])}>"
            f"{cell(phase_name(link['phase']))}{cell(platform_text(link['platform']))}"
            f"{cell(status_text(link['status']))}"
            f'<td class="enlace">{href(link["url"])}</td>{record_cell(link, records)}</tr>'
            for link in links]
    return table_html(identifier, title, LINK_ROW_HEADERS, rows)


def render_summary_html(summary: dict, *, generated_at: str) -> str:
    reports, totals, changes = summary_tables(summary)
    sections = [
        table_section("informes", reports,
                      [data_attributes(report=r["source"]) for r in summary["reports"]]),
        table_section("totales", totals, [data_attributes(platform=p) for p in summary["totals"]]),
        table_section("cambios", changes)]
    return page("Resumen de auditorías", generated_at, sections)
