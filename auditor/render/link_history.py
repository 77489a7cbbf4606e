"""`auditor evidencia`'s renderings of one link's history: a table, JSON and a page; a record's
text cut, dates local, every value from a platform escaped."""

from __future__ import annotations

from datetime import datetime

from rich.table import Table
from rich.text import Text

from cosecha.cli_kit.console import json_text, render
from cosecha.labels import moment, platform_text, reason_text, status_text
from cosecha.platforms.answers import shorten
from cosecha.security import visible

from ..link_history import CONCLUSIVE, FIELDS, kept, last_record
from .page import escape, page

FIELD_LABELS = {"text": "texto", "author": "autor", "published_at": "fecha", "title": "título"}


TEXT_SHOWN = 280  # characters of a record's text in a table or page; --guardar has all of it


def who(check: dict) -> str:
    manual = check["manual"]
    if manual is None:
        return "automática"
    note = f": {manual['note']}" if manual["note"] else ""
    return f"manual, por {manual['by']}{note}"


def field_lines(record: dict) -> list[tuple[str, str]]:
    """(label, value) of a record's fields, as people read them: text cut, dates local."""
    fields = record["fields"]
    shown = {"text": shorten(fields["text"], TEXT_SHOWN), "author": fields["author"],
             "published_at": moment(fields["published_at"]), "title": fields["title"]}
    return [(FIELD_LABELS[name], shown[name] or "—") for name in FIELDS]


def heading(found: dict) -> str:
    return f"Evidencia de {found['canonical_url']} ({platform_text(found['platform'])})"


def copies(found: dict) -> list[str]:
    """The web archive's captures of the link, as people read them."""
    return [f"Copia en el archivo web tras la verificación del {moment(check['checked_at'])}: "
            f"{check['archived_url']}" for check in found["checks"] if check["archived_url"]]


def closing(found: dict) -> str | None:
    """What a post gone since its last record still shows."""
    standing = next((c for c in reversed(found["checks"]) if c["status"] in CONCLUSIVE), None)
    record = last_record(found)
    if standing is None or standing["status"] != "broken" or record is None:
        return None
    return (f"La publicación ya no está ({reason_text(standing['reason'])}); su último registro "
            f"guardado es {record['sha256']}.")


def render_table(found: dict) -> str:
    table = Table(title=visible(heading(found)), title_justify="left")
    for header in ("Verificado", "Estado", "Motivo", "Origen", "Registro"):
        table.add_column(header, overflow="fold")
    for check in found["checks"]:
        *shown, sha256 = (visible(value) for value in cells(check))
        table.add_row(*shown, sha256[:16] + "…" if sha256 else "")
    blocks: list = [table]
    for sha256, record in kept(found).items():
        blocks.append(Text(f"\nRegistro {sha256} ({visible(record['media_type'])}, "
                           f"{record['size']} bytes)"))
        blocks += [Text(f"  {label}: {visible(value)}") for label, value in field_lines(record)]
    blocks += [Text("\n" + visible(line)) for line in copies(found)]
    if closing(found):
        blocks.append(Text("\n" + closing(found)))
    return render(blocks, color=False)


def render_json(found: dict) -> str:
    return json_text(found)


def cells(check: dict) -> tuple[str, ...]:
    """A check's row as people read it: moment, status, reason, who, record."""
    record = check["evidence"]
    return (moment(check["checked_at"]), status_text(check["status"]),
            reason_text(check["reason"]) if check["source"] == "auto" else "", who(check),
            record["sha256"] if record else "")


def render_html(found: dict) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{escape(value)}</td>" for value in cells(check))
                   + "</tr>" for check in found["checks"])
    body = ["<table><thead><tr><th>Verificado</th><th>Estado</th><th>Motivo</th><th>Origen</th>"
            f"<th>Registro (sha256)</th></tr></thead><tbody>{rows}</tbody></table>"]
    for sha256, record in kept(found).items():
        items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                        for label, value in field_lines(record))
        body.append(f"<h2>Registro <code>{escape(sha256)}</code></h2><p>"
                    f"{escape(record['media_type'])}, {record['size']} bytes</p><dl>{items}</dl>")
    body += [f"<p>{escape(line)}</p>" for line in copies(found)]
    if closing(found):
        body.append(f"<p>{escape(closing(found))}</p>")
    return page(heading(found), datetime.now().strftime("%d/%m/%Y %H:%M"), body)


RENDERERS = {"tabla": render_table, "json": render_json, "html": render_html}
