"""The page kit: a self-contained HTML page (inline CSS and JS; nothing fetched) for a phone or
paper, and its parts: escaped text, links only for http(s) URLs, cells, sortable tables and
filters that rows carry as `data-*` attributes."""

from __future__ import annotations

import html
from itertools import zip_longest

from cosecha.labels import shown
from cosecha.security import visible

from .tables import ARCHIVE_HEADERS, Table

# columns whose cell is marked (shade plus bold or italic) when not zero
MARKED_COLUMNS = {"Rotos": "rotos", "Sin verificar": "sin-verificar"}


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
