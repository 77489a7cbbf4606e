"""One self-contained HTML page (inline CSS, JS and SVG; nothing fetched), for a phone or paper.

Everything that comes from a report is escaped; only http(s) URLs become links. Tables carry
`data-report`, `data-platform` and `data-severity` so the page can filter and sort itself; a
finding new since the previous nightly run also `data-nuevo` and a visible "nuevo".
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from itertools import zip_longest

from cosecha.output import visible

from .compare import verdict_text
from .model import ERROR, INFO, READY, RESERVATIONS, REVIEW, WARNING, Audit, Finding
from .tables import (COVERAGE_HEADERS, FINDING_HEADERS, SEVERITY_TITLES, Table, changes_table,
                     coverage_table, finding_row, platform_name, shown, summary_tables)

# whether a finding is new since the previous nightly run
IsNew = Callable[[Audit, Finding], bool]

VERDICT_CLASS = {READY: "ok", RESERVATIONS: "reservas", REVIEW: "revisar"}
VERDICT_MARK = {READY: "✓", RESERVATIONS: "?", REVIEW: "✗"}
SEVERITY_MARK = {ERROR: "✗ error", WARNING: "! advertencia", INFO: "i información"}
NEW_MARK = " · nuevo"
# columns whose cell is marked (shade plus bold or italic) when not zero
MARKED_COLUMNS = {"Rotos": "rotos", "Sin verificar": "sin-verificar"}
STATUS_COLOURS = (("alive", "vivos", "#2e7d32", ""), ("broken", "rotos", "#c62828", "url(#rayas)"),
                  ("unverified", "sin verificar", "#9e9e9e", "url(#puntos)"))

STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.envoltura{overflow-x:auto}
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
td.enlace{min-width:14rem}td.texto{min-width:10rem}
@media print{th{cursor:default}.filtros{display:none}a{color:#000}
  tr.oculta{display:table-row!important}
  /* paper does not scroll: tables must fit the page */
  td:first-child,td.enlace{overflow-wrap:anywhere}td.enlace,td.texto{min-width:0}}
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
  var filters={report:'filtro-informe',platform:'filtro-plataforma',severity:'filtro-gravedad'};
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
    platforms = sorted({r.platform for a in audits for r in a.coverage}
                       | {f.platform for a in audits for f in a.findings if f.platform})
    return "".join([
        '<div class="filtros">',
        select("filtro-informe", "Informe", [(a.source, a.source) for a in audits]),
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


def findings(audits: list[Audit], is_new: IsNew | None = None) -> str:
    pairs = [(audit, finding, bool(is_new and is_new(audit, finding)))
             for audit in audits for finding in audit.findings]
    rows = [(a.source, SEVERITY_MARK[f.severity] + (NEW_MARK if new else ""), *finding_row(f))
            for a, f, new in pairs]
    attributes = [f' class="fila-hallazgo{" nuevo" if new else ""}"' + data_attributes(
        report=a.source, platform=f.platform or "", severity=f.severity,
        nuevo="sí" if new else None) for a, f, new in pairs]
    table = Table("Hallazgos", ("Informe", "Gravedad", *FINDING_HEADERS), rows)
    return table_section("hallazgos", table, attributes)


def body_cell(header: str, value) -> str:
    if header == "Enlace":
        return f'<td class="enlace">{href(value)}</td>'
    if header == "Hallazgo":
        return cell(value, "texto")
    return cell(value, MARKED_COLUMNS.get(header, "") if value else "")


def table_section(identifier: str, table: Table, attributes: list[str] = ()) -> str:
    """`attributes`: what each row's <tr> carries (class, data-*), already escaped."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    rows = [f"<tr{extra}>" + "".join(body_cell(h, v) for h, v in zip(table.headers, row))
            + "</tr>" for extra, row in zip_longest(attributes, table.rows, fillvalue="")]
    body = "".join(rows) or f'<tr><td colspan="{len(table.headers)}">Nada que mostrar.</td></tr>'
    return (f'<section><h2>{escape(table.title)}</h2><div class="envoltura">'
            f'<table id="{identifier}" class="ordenable"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div></section>")


def changes_section(changes) -> str:
    return table_section("cambios", changes_table(changes, "Cambios desde la ejecución anterior"))


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


def render_html(audits: list[Audit], *, changes=(), history=(),
                title: str = "Auditoría de enlaces", generated_at: str,
                is_new: IsNew | None = None, note: str = "") -> str:
    """`is_new` marks findings new since the previous run; `note` says against what."""
    body = [f'<p id="novedades">{escape(note)}</p>'] if note else []
    body += [filters(audits), verdicts(audits), coverage(audits), findings(audits, is_new)]
    if changes or history:
        body += [changes_section(changes), history_section(history)]
    return page(title, generated_at, body)


def render_summary_html(summary: dict, *, generated_at: str) -> str:
    reports, totals, changes = summary_tables(summary)
    sections = [
        table_section("informes", reports,
                      [data_attributes(report=r["source"]) for r in summary["reports"]]),
        table_section("totales", totals, [data_attributes(platform=p) for p in summary["totals"]]),
        table_section("cambios", changes)]
    return page("Resumen de auditorías", generated_at, sections)
