"""The acta as a self-contained HTML page for A4 paper: no row split across pages, table headers
repeated on each page, a signature block, and its fingerprint at the foot. Everything from a
report or a platform is escaped; the canonical JSON the fingerprint is taken from travels
inside, as data, so the page alone is enough to recompute it.

Only the "Emitida el" line depends on when the acta was issued.
"""

from __future__ import annotations

from cosecha.labels import (
    VERDICT_TEXT,
    moment,
    phase_name,
    platform_text,
    reason_text,
    status_text,
    with_last_attempt,
)

from ..acta import canonical, file_name
from ..model import ERROR, WARNING
from .page import escape, href

SEVERITY = {ERROR: "error", WARNING: "advertencia"}
LINK_HEADERS = ("N.º", "Fase", "Plataforma", "Enlace", "Estado", "Verificado el",
                "Evidencia o confirmación")
FINDING_HEADERS = ("Gravedad", "Línea", "Fase", "Plataforma", "Hallazgo", "Enlace")

STYLE = """
@page{size:A4;margin:14mm 12mm}
body{font-family:system-ui,sans-serif;color:#111;font-size:10pt;max-width:60rem;margin:0 auto;
  padding:1rem;print-color-adjust:exact;-webkit-print-color-adjust:exact}
h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:1.4rem}
table{border-collapse:collapse;width:100%}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}
th[scope=row]{width:12rem}
td.enlace,.huella{overflow-wrap:anywhere;word-break:break-all}
code,.huella{font-family:ui-monospace,monospace}
.veredicto{font-weight:bold;font-size:1.1rem;border:2px solid #111;padding:.4rem .6rem}
.firma td{height:2.6rem}
footer{margin-top:1.4rem;border-top:2px solid #111;padding-top:.5rem;break-inside:avoid}
a{color:#0645ad}
@media print{body{padding:0;max-width:none}a{color:#000}}
"""


def cells(values, tag: str = "td") -> str:
    return "".join(f"<{tag}>{escape(value or '')}</{tag}>" for value in values)


def table(identifier: str, headers, rows: list[str]) -> str:
    """`rows`: each <tr>, already HTML."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(rows) or f'<tr><td colspan="{len(headers)}">Ninguno.</td></tr>'
    return (f'<table id="{identifier}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def facts(acta: dict) -> str:
    span = " – ".join(moment(acta[key]) for key in ("checks_from", "checks_to") if acta[key])
    rows = [("Archivo", file_name(acta["source"])), ("Ruta auditada", acta["source"]),
            ("sha256 del archivo", acta["sha256"]), ("Título", acta["title"]),
            ("Institución", acta["institution"]), ("Fecha del evento", moment(acta["event_date"])),
            ("Fecha del informe", moment(acta["report_date"])),
            ("Auditado el", moment(acta["audited_at"])), ("Verificaciones", span),
            ("Versión de la herramienta", f"cosecha-auditor {acta['tool_version']}")]
    body = "".join(f'<tr><th scope="row">{escape(name)}</th>{cells([value])}</tr>'
                   for name, value in rows)
    return f'<h2>Informe</h2><table id="informe"><tbody>{body}</tbody></table>'


def proof(link: dict) -> str:
    manual = link["manual"]
    if manual:
        return escape(f"Confirmado a mano por {manual['by']} el {moment(manual['at'])}"
                      + (f": {manual['note']}" if manual["note"] else ""))
    if link["evidence_sha256"]:
        return f'sha256 <code class="huella">{escape(link["evidence_sha256"])}</code>'
    return escape(reason_text(link["reason"]) or "sin registro guardado")


def link_row(number: int, link: dict) -> str:
    status = status_text(link["status"])
    place = [str(number), phase_name(link["phase"]), platform_text(link["platform"])]
    return (f'<tr>{cells(place)}'
            f'<td class="enlace">{href(link["url"])}</td>'
            f'{cells([status, moment(link["checked_at"])])}'
            f"<td>{proof(link)}{archived(link)}</td></tr>")


def archived(link: dict) -> str:
    if not link["archived_url"]:
        return ""
    return f'<br>Copia en el archivo web: <span class="huella">{href(link["archived_url"])}</span>'


def finding_row(finding: dict) -> str:
    line = "" if finding["line"] is None else str(finding["line"])
    phase = "" if finding["phase"] is None else phase_name(finding["phase"])
    severity = SEVERITY.get(finding["severity"], "información")
    message = with_last_attempt(finding["message"], finding["last_attempt"])
    return (f"<tr>{cells([severity, line, phase, platform_text(finding['platform']), message])}"
            f'<td class="enlace">{href(finding["url"])}</td></tr>')


def signature() -> str:
    rows = "".join(f'<tr><th scope="row">{name}</th><td></td></tr>'
                   for name in ("Nombre", "Cargo", "Firma", "Fecha"))
    return f'<h2>Firma</h2><table id="firma" class="firma"><tbody>{rows}</tbody></table>'


def foot(acta: dict) -> str:
    data = canonical(acta).decode("utf-8").replace("<", "\\u003c")
    return (f'<footer><p>Huella del acta (sha256 de su JSON canónico, sin la fecha de emisión):'
            f'<br><code class="huella" id="huella">{escape(acta["fingerprint"])}</code></p>'
            "<p>Compruébela con <code>auditor acta --verificar HUELLA</code> sobre la misma base, "
            "o recalcúlela del JSON de abajo (claves ordenadas, UTF-8, sin espacios).</p>"
            f'<script type="application/json" id="acta-json">{data}</script>\n'
            f'<p id="emitida">Emitida el {escape(moment(acta["issued_at"]))}.</p>\n</footer>')


def render_acta_html(acta: dict) -> str:
    verdict = VERDICT_TEXT.get(acta["verdict"], acta["verdict"])
    title = f"Acta de verificación: {file_name(acta['source'])}"
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="es">', "<head>", '<meta charset="utf-8">',
        # nothing may leave the page, and nothing in it runs
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(title)}</h1>", facts(acta),
        f'<h2>Veredicto</h2><p class="veredicto" id="veredicto">{escape(verdict)}</p>',
        f"<h2>Enlaces ({len(acta['links'])})</h2>",
        table("enlaces", LINK_HEADERS,
              [link_row(n, link) for n, link in enumerate(acta["links"], 1)]),
        f"<h2>Hallazgos ({len(acta['findings'])})</h2>",
        table("hallazgos", FINDING_HEADERS, [finding_row(f) for f in acta["findings"]]),
        signature(), foot(acta), "</body>", "</html>", ""])
