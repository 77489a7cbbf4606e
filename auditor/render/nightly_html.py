"""The nightly run's pages: a summary with one row per report (news, totals, changes, the
history chart), and one page per report with its findings grouped, a finding new since the
previous run marked `data-nuevo` and a visible "nuevo". Besides http(s) URLs, the only links are
the relative ones between these pages, which we name.
"""

from __future__ import annotations

from collections import defaultdict

from cosecha.labels import (
    VERDICT_TEXT,
    number,
    platform_text,
    plural,
)

from ..model import Audit
from .audit_html import (
    VERDICT_CLASS,
    VERDICT_MARK,
    IsNew,
    coverage,
    filters,
    grouped_findings,
    links_section,
    report_title,
    verdicts,
)
from .page import (
    body_cell,
    cell,
    data_attributes,
    escape,
    page,
    select,
    table_html,
    table_section,
)
from .tables import (
    TOTAL_HEADERS,
    Table,
    changes_table,
)

# how many items of a long list the nightly summary shows; the rest are in its JSON
SHOWN_AT_MOST = 200


STATUS_COLOURS = (("alive", "vivos", "#2e7d32", ""), ("broken", "rotos", "#c62828", "url(#rayas)"),
                  ("unverified", "sin verificar", "#9e9e9e", "url(#puntos)"))


def changes_section(changes: list[dict], total: int) -> str:
    """The first changes of `total`; all of them are in the run's JSON."""
    more = (f" (los primeros {len(changes)} de {total}; todos en el JSON)"
            if total > len(changes) else "")
    title = f"Cambios desde la ejecución anterior{more}"
    return table_section("cambios", changes_table(changes, title))


def run_label(run: str) -> str:
    """"2025-07-24T02:00:00Z" -> "24/07": short enough to sit under a bar."""
    parts = run[:10].split("-")
    return "/".join(reversed(parts[1:])) if len(parts) == 3 else run[:5]


def bar(x: int, bottom: float, point: dict, top: int, plot: int) -> list[str]:
    """One run's stacked bar: each status its colour, and a fill pattern for black and white."""
    shapes = []
    for status, label, colour, pattern in STATUS_COLOURS:
        size = plot * point[status] / top
        bottom -= size
        box = f'x="{x}" y="{bottom:.1f}" width="20" height="{size:.1f}"'
        shapes.append(f'<rect {box} fill="{colour}" stroke="#000" stroke-width=".5"><title>'
                      f'{escape(point["run"])}: {point[status]} {label}</title></rect>')
        if pattern:
            shapes.append(f'<rect {box} fill="{pattern}"/>')
    return shapes


def chart(platform: str, points: list[dict]) -> str:
    width, height, plot = 40 + 28 * len(points), 160, 110
    top = max((sum(p[s] for s, *_ in STATUS_COLOURS) for p in points), default=0) or 1
    axis = height - 30
    shapes = []
    for index, point in enumerate(points):
        x = 36 + 28 * index
        shapes += bar(x, axis, point, top, plot)
        shapes.append(f'<text x="{x + 10}" y="{axis + 14}" font-size="9" text-anchor="middle">'
                      f"{escape(run_label(point['run']))}</text>")
    name = escape(platform_text(platform))
    return (f'<figure class="grafico" data-platform="{escape(platform)}"><figcaption>'
            f'{name}</figcaption><svg width="{width}" height="{height}" role="img" '
            f'aria-label="{name}: vivos, rotos y sin verificar por ejecución">'
            f'<text x="0" y="{axis - plot + 4}" font-size="10">{top}</text>'
            f'<line x1="32" y1="{axis}" x2="{width}" y2="{axis}" stroke="#000"/>'
            f"{''.join(shapes)}</svg></figure>")


def swatch(colour: str, pattern: str) -> str:
    fill = f'<rect width="14" height="14" fill="{pattern}"/>' if pattern else ""
    return (f'<svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" '
            f'fill="{colour}" stroke="#000"/>{fill}</svg>')


PATTERNS = ('<svg width="0" height="0" aria-hidden="true"><defs>'
            '<pattern id="rayas" width="6" height="6" patternUnits="userSpaceOnUse">'
            '<path d="M0,6 L6,0" stroke="#fff" stroke-width="1.5"/></pattern>'
            '<pattern id="puntos" width="5" height="5" patternUnits="userSpaceOnUse">'
            '<circle cx="2.5" cy="2.5" r="1" fill="#fff"/></pattern></defs></svg>')


def history_section(history) -> str:
    by_platform: dict[str, list[dict]] = defaultdict(list)
    for point in history:
        by_platform[point["platform"]].append(point)
    legend = " · ".join(
        f"{swatch(colour, p)} {label} ({'rayado' if 'rayas' in p else 'punteado' if p else 'liso'})"
        for _, label, colour, p in STATUS_COLOURS)
    charts = "".join(chart(name, points) for name, points in sorted(by_platform.items()))
    return (f'<section id="historial"><h2>Historial por plataforma</h2><p>{legend}</p>'
            f"{PATTERNS}{charts or '<p>Sin ejecuciones anteriores.</p>'}</section>")


def render_report_page(audit: Audit, *, title: str, generated_at: str, summary: str,
                       is_new: IsNew | None = None, records: dict | None = None) -> str:
    """A nightly run's page of one report; `summary`: the relative address of the run's
    summary page, which we name; `records`: the fields of the platform's kept records, by
    sha256."""
    back = f'<p><a href="{escape(summary)}">← Resumen de la auditoría nocturna</a></p>'
    return page(title, generated_at, [back, filters([audit]), verdicts([audit]),
                                      coverage([audit]), grouped_findings(audit, is_new),
                                      links_section(audit, records or {})])


def render_nightly_summary(night: dict, *, title: str, generated_at: str) -> str:
    """A nightly run's summary page: what is new, one row per report linking to its page,
    totals by platform, changes and the history chart. `night`: `note`, `news`, `rows`
    (report_row's fields plus `title`, `page` and `new`), `totals`, `changes`, `history`."""
    return page(title, generated_at, [
        news_section(night["note"], night["news"]), verdict_filter(),
        reports_section(night["rows"]), totals_section(night["totals"]),
        changes_section(night["changes"][:SHOWN_AT_MOST], len(night["changes"])),
        history_section(night["history"])])


def at_most(items: list[str], total: int) -> list[str]:
    shown_items = items[:SHOWN_AT_MOST]
    if total > len(shown_items):
        shown_items.append(f"… y {number(total - len(shown_items))} más: en el JSON de esta "
                           "ejecución y en la página de cada informe")
    return shown_items


def news_list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    entries = "".join(f"<li>{escape(item)}</li>" for item in at_most(items, len(items)))
    return f"<h3>{escape(title)} ({len(items)})</h3><ul>{entries}</ul>"


def news_section(note: str, news: dict) -> str:
    broken = [f"{url} ({', '.join(sources)})" for url, sources in news["broken"].items()]
    errors = [f"{e['source']}: {e['message']}" for e in news["errors"]]
    return "".join([
        '<section id="lo-nuevo"><h2>Lo nuevo</h2>', f'<p id="novedades">{escape(note)}</p>',
        news_list("Enlaces rotos desde la ejecución anterior", broken),
        news_list("Informes que ya no se pueden leer", news["unreadable"]),
        news_list("Errores nuevos", errors),
        news_list("Informes nuevos", news["reports"] if news["previous_run"] else []),
        "</section>"])


def verdict_filter() -> str:
    return ('<div class="filtros">'
            + select("filtro-veredicto", "Veredicto", list(VERDICT_TEXT.items())) + "</div>")


REPORT_ROW_HEADERS = ("Informe", "Institución", "Declarado", "Listado", "Vivos", "Rotos",
                      "Sin verificar", "Errores", "Advertencias", "Nuevos", "Veredicto")


REPORT_ROW_COUNTS = ("claimed", "listed", "alive", "broken", "unverified", "errors",
                     "warnings", "new")


def report_row_html(row: dict) -> str:
    name = (f'<td><a href="{escape(row["page"])}">{escape(row["source"])}</a>'
            f'{report_title(row["title"])}</td>')
    counts = [body_cell(header, row[key])
              for header, key in zip(REPORT_ROW_HEADERS[2:], REPORT_ROW_COUNTS)]
    verdict = (f'<td class="{VERDICT_CLASS[row["verdict"]]}">{VERDICT_MARK[row["verdict"]]} '
               f"{escape(VERDICT_TEXT[row['verdict']])}</td>")
    attributes = data_attributes(report=row["source"], verdict=row["verdict"])
    return (f"<tr{attributes}>{name}{cell(row['institution'] or '')}{''.join(counts)}"
            f"{verdict}</tr>")


def reports_section(rows: list[dict]) -> str:
    title = f"Informes ({plural(len(rows), 'informe', 'informes')})"
    return table_html("informes", title, REPORT_ROW_HEADERS, [report_row_html(r) for r in rows])


def totals_section(totals: dict[str, dict]) -> str:
    rows = [(platform_text(p), t["claimed"], t["listed"], t["alive"], t["broken"],
             t["unverified"]) for p, t in totals.items()]
    return table_section("totales", Table("Totales por plataforma", TOTAL_HEADERS, rows),
                         [data_attributes(platform=p) for p in totals])
