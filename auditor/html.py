"""Self-contained HTML pages (inline CSS, JS and SVG; nothing fetched), for a phone or paper:
the page of `auditor revisar` and `auditor resumen`, and the nightly run's pages (a summary with
one row per report, and one page per report with its findings grouped).

Everything that comes from a report is escaped; only http(s) URLs become links, besides the
relative links between the nightly pages, which we name. Tables carry `data-report`,
`data-platform`, `data-severity` and `data-verdict` so the page can filter and sort itself; a
finding new since the previous nightly run also `data-nuevo` and a visible "nuevo".
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from itertools import zip_longest

from cosecha.labels import status_text, with_last_attempt
from cosecha.output import moment, visible
from cosecha.platforms.answers import shorten

from .checks.spanish import number, plural
from .compare import verdict_text
from .model import (ERROR, INFO, READY, RESERVATIONS, REVIEW, VERDICT_TEXT, WARNING, Audit,
                    Finding)
from .tables import (ARCHIVE_HEADERS, COVERAGE_HEADERS, FINDING_HEADERS, SEVERITY_TITLES,
                     TOTAL_HEADERS, Table, archive_table, changes_table, coverage_table,
                     finding_groups, finding_row, phase_name, platform_name, shown,
                     summary_tables)

# whether a finding is new since the previous nightly run
IsNew = Callable[[Audit, Finding], bool]

VERDICT_CLASS = {READY: "ok", RESERVATIONS: "reservas", REVIEW: "revisar"}
VERDICT_MARK = {READY: "✓", RESERVATIONS: "?", REVIEW: "✗"}
SEVERITY_MARK = {ERROR: "✗ error", WARNING: "! advertencia", INFO: "i información"}
NEW_MARK = " · nuevo"
# how many items of a long list the nightly summary shows; the rest are in its JSON
SHOWN_AT_MOST = 200
# columns whose cell is marked (shade plus bold or italic) when not zero
MARKED_COLUMNS = {"Rotos": "rotos", "Sin verificar": "sin-verificar"}
STATUS_COLOURS = (("alive", "vivos", "#2e7d32", ""), ("broken", "rotos", "#c62828", "url(#rayas)"),
                  ("unverified", "sin verificar", "#9e9e9e", "url(#puntos)"))

STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#111}
h1{font-size:1.4rem;overflow-wrap:anywhere}h2{font-size:1.15rem;margin-top:2rem}
.envoltura{overflow-x:auto}
ul.enlaces{margin:0;padding-left:1.1rem}ul.enlaces li.nuevo{font-weight:bold}
/* a report's path, its institution and a link in the news may be one long word */
#informes td,#lo-nuevo li{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#eee;cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.rotos{background:#fde0e0;font-weight:bold}.sin-verificar{background:#eee;font-style:italic}
tr.nuevo td:nth-child(2){font-weight:bold;background:#fff3c4}
.ok{border-left:.5rem solid #2e7d32}.reservas{border-left:.5rem dashed #b26a00}
.revisar{border-left:.5rem double #c62828}
.veredicto{padding:.4rem .6rem;margin:.3rem 0;background:#fafafa;overflow-wrap:anywhere}
.titulo{display:block;font-size:.85rem;color:#333}
.filtros{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}
.filtros label{display:flex;flex-direction:column;font-size:.85rem;max-width:100%}
select{max-width:100%}
.grafico{display:inline-block;margin:.5rem 1rem .5rem 0;max-width:100%;overflow-x:auto}
a{color:#0645ad;word-break:break-all}
/* links break anywhere, so a table squeezed on a phone would shrink them to one letter */
td.enlace{min-width:14rem}td.texto{min-width:10rem;overflow-wrap:anywhere}
td.texto code{word-break:break-all}  /* a sha256 is one 64-letter word */
@media print{th{cursor:default}.filtros{display:none}a{color:#000}
  tr.oculta{display:table-row!important}
  /* paper does not scroll: tables must fit the page */
  td:first-child,td.enlace{overflow-wrap:anywhere}td.enlace,td.texto{min-width:0}
  #informes{font-size:.7rem}#informes th{overflow-wrap:anywhere}}
"""

SCRIPT = """
(function(){
  function key(cell){var t=cell.textContent.trim();var n=parseFloat(t.replace(',','.'));
    return t!==''&&!isNaN(n)&&/^[-\\d.,]+$/.test(t)?n:t.toLowerCase();}
  document.querySelectorAll('table.ordenable').forEach(function(table){
    table.querySelectorAll('th').forEach(function(th,col){
      th.addEventListener('click',function(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        table.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
          if(x===y)return 0;var r=(typeof x===typeof y)?(x<y?-1:1):(typeof x==='number'?-1:1);
          return asc?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  var filters={report:'filtro-informe',platform:'filtro-plataforma',severity:'filtro-gravedad',
    verdict:'filtro-veredicto'};
  function apply(){
    document.querySelectorAll('tr[data-report]').forEach(function(row){
      var show=true;
      Object.keys(filters).forEach(function(name){
        var select=document.getElementById(filters[name]);var want=select&&select.value;
        var has=row.getAttribute('data-'+name);
        if(want&&has!==null&&has!==want)show=false;
      });
      row.hidden=!show;row.classList.toggle('oculta',!show);
    });
  }
  Object.keys(filters).forEach(function(name){
    var select=document.getElementById(filters[name]);
    if(select)select.addEventListener('change',apply);
  });
})();
"""


def escape(text: str) -> str:
    """Text for HTML: markup escaped, control characters shown (`visible`)."""
    return html.escape(visible(text))


def href(url: str | None) -> str:
    """A link for http(s) URLs without control characters; anything else is shown as text."""
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")) and visible(url) == url:
        return (f'<a href="{escape(url)}" rel="noopener noreferrer" target="_blank">'
                f"{escape(url)}</a>")
    return escape(url)


def cell(value, css: str = "") -> str:
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    classes = " ".join(c for c in ("num" if numeric else "", css) if c)
    attribute = f' class="{classes}"' if classes else ""
    return f"<td{attribute}>{escape(shown(value)) if value != '' else ''}</td>"


def data_attributes(**values) -> str:
    return "".join(f' data-{name}="{escape(str(value))}"' for name, value in values.items()
                   if value is not None)


def page(title: str, generated_at: str, body: list[str]) -> str:
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="es">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may leave the page: no network, no external assets
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(title)}</h1>", f"<p>Generado el {escape(generated_at)}.</p>",
        *body, f"<script>{SCRIPT}</script>", "</body>", "</html>", ""])


def select(identifier: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>'
                      for value, text in options)
    return (f'<label>{escape(label)}<select id="{identifier}"><option value="">Todos</option>'
            f"{choices}</select></label>")


def filters(audits: list[Audit]) -> str:
    """Selects for the rows' report (when there are several), platform and severity."""
    platforms = sorted({r.platform for a in audits for r in a.coverage}
                       | {f.platform for a in audits for f in a.findings if f.platform})
    return "".join([
        '<div class="filtros">',
        select("filtro-informe", "Informe", [(a.source, a.source) for a in audits])
        if len(audits) > 1 else "",
        select("filtro-plataforma", "Plataforma", [(p, platform_name(p)) for p in platforms]),
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
             cell(platform_name(first.platform)), cell(message, "texto"),
             cell(len(group) if first.url else ""), f'<td class="enlace">{where}</td>']
    return f'<tr class="fila-hallazgo{" nuevo" if new else ""}"{attributes}>{"".join(cells)}</tr>'


def grouped_findings(audit: Audit, is_new: IsNew | None = None) -> str:
    """One row per phase, platform, code and reason, with how many links and each beneath
    (its line, a link to it, whether it is new): 50 links behind a wall are one row."""
    rows = [group_row(audit.source, group, [bool(is_new and is_new(audit, f)) for f in group])
            for group in finding_groups(audit.findings)]
    title = f"Hallazgos ({plural(len(audit.findings), 'hallazgo', 'hallazgos')})"
    return table_html("hallazgos", title, GROUP_HEADERS, rows)


def body_cell(header: str, value) -> str:
    if header in ("Enlace", ARCHIVE_HEADERS[-1]):
        return f'<td class="enlace">{href(value)}</td>'
    if header == "Hallazgo":
        return cell(value, "texto")
    return cell(value, MARKED_COLUMNS.get(header, "") if value else "")


def table_section(identifier: str, table: Table, attributes: list[str] = ()) -> str:
    """`attributes`: what each row's <tr> carries (class, data-*), already escaped."""
    rows = [f"<tr{extra}>" + "".join(body_cell(h, v) for h, v in zip(table.headers, row))
            + "</tr>" for extra, row in zip_longest(attributes, table.rows, fillvalue="")]
    return table_html(identifier, table.title, table.headers, rows)


def table_html(identifier: str, title: str, headers, rows: list[str]) -> str:
    """A sortable table under its title; `rows`: each <tr>, already HTML."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(rows) or f'<tr><td colspan="{len(headers)}">Nada que mostrar.</td></tr>'
    return (f'<section><h2>{escape(title)}</h2><div class="envoltura">'
            f'<table id="{identifier}" class="ordenable"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div></section>")


def changes_section(changes: list[dict], total: int) -> str:
    """The first changes of `total`; all of them are in the run's JSON."""
    more = f" (los primeros {len(changes)} de {total}; todos en el JSON)" if total > len(changes) else ""
    return table_section("cambios", changes_table(changes, f"Cambios desde la ejecución anterior{more}"))


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
    name = escape(platform_name(platform))
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


def render_report_page(audit: Audit, *, title: str, generated_at: str, summary: str,
                       is_new: IsNew | None = None, records: dict | None = None) -> str:
    """A nightly run's page of one report; `summary`: the relative address of the run's
    summary page, which we name; `records`: the fields of the platform's kept records, by
    sha256."""
    back = f'<p><a href="{escape(summary)}">← Resumen de la auditoría nocturna</a></p>'
    return page(title, generated_at, [back, filters([audit]), verdicts([audit]),
                                      coverage([audit]), grouped_findings(audit, is_new),
                                      links_section(audit, records or {})])


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
            f"{cell(phase_name(link['phase']))}{cell(platform_name(link['platform']))}"
            f"{cell(status_text(link['status']))}"
            f'<td class="enlace">{href(link["url"])}</td>{record_cell(link, records)}</tr>'
            for link in links]
    return table_html(identifier, title, LINK_ROW_HEADERS, rows)


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
    rows = [(platform_name(p), t["claimed"], t["listed"], t["alive"], t["broken"],
             t["unverified"]) for p, t in totals.items()]
    return table_section("totales", Table("Totales por plataforma", TOTAL_HEADERS, rows),
                         [data_attributes(platform=p) for p in totals])


def render_summary_html(summary: dict, *, generated_at: str) -> str:
    reports, totals, changes = summary_tables(summary)
    sections = [
        table_section("informes", reports,
                      [data_attributes(report=r["source"]) for r in summary["reports"]]),
        table_section("totales", totals, [data_attributes(platform=p) for p in summary["totals"]]),
        table_section("cambios", changes)]
    return page("Resumen de auditorías", generated_at, sections)
