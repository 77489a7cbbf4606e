"""`auditor evidencia`: the history of one link, with what the platform said each time."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from rich.table import Table
from rich.text import Text

from cosecha import platforms
from cosecha.cli_kit.console import json_text, render
from cosecha.cli_kit.files import os_problem, refuse_output, write_output
from cosecha.cli_kit.options import add_output_options, add_store_option, store_path
from cosecha.labels import moment, platform_text, reason_text, status_text
from cosecha.platforms.answers import shorten
from cosecha.security import visible
from datos import StoreError, archives, evidence, open_store

from ..render.page import escape, page

ORDER = 35
HELP = "historial de un enlace y lo que la plataforma dijo cada vez (solo la base, sin red)"
DESCRIPTION = """\
Muestra, desde la base y sin hacer peticiones, cada verificación de un enlace (automática o de
una persona) con su hora, estado y motivo, y para cada registro guardado de la plataforma su
sha256 y lo que se leyó de él (texto, autor, fecha, título). Una publicación borrada sigue
mostrando su último registro.

--guardar DIR escribe los bytes de cada registro en DIR/<sha256>, sin comprimir: cualquiera
puede recalcular el sha256 (sha256sum DIR/*).

Salida: 0 si el historial se escribió; 2 si el enlace no está en la base, la base no existe o
no se pudo escribir la salida o la carpeta."""

FIELDS = ("text", "author", "published_at", "title")
FIELD_LABELS = {"text": "texto", "author": "autor", "published_at": "fecha", "title": "título"}
CONCLUSIVE = ("alive", "broken")
TEXT_SHOWN = 280  # characters of a record's text in a table or page; --guardar has all of it


def register(subparsers) -> None:
    parser = subparsers.add_parser("evidencia", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", metavar="URL", help="el enlace, como aparece en el informe")
    add_store_option(parser)
    add_output_options(parser, ("tabla", "json", "html"), default="tabla")
    parser.add_argument("--guardar", metavar="DIR",
                        help="escribe cada registro guardado en DIR/<sha256>, sin comprimir")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not args.url.lower().startswith(("http://", "https://")):
        return refused(f"{visible(args.url)}: no es un enlace http(s)")
    if refuse_output(args.salida):
        return 2
    try:
        store = open_store(store_path(args), create=False)
        try:
            found = link_history(store, args.url)
            records = {sha: evidence.body(store, sha) for sha in kept(found)} if found else {}
        finally:
            store.close()
    except StoreError as problem:
        return refused(f"{store_path(args)}: {problem}")
    if found is None:
        return refused(f"{visible(args.url)}: el enlace no está en la base (nunca se verificó)")
    if args.guardar and not save(records, Path(args.guardar)):
        return 2
    write_output(RENDERERS[args.formato](found), args.salida)
    return 0


def refused(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def link_history(store, url: str) -> dict | None:
    """The JSON of `evidencia`: the link and every check of it, or None when never stored."""
    canonical = platforms.identify(url).canonical_url or url
    link = evidence.find_link(store, canonical)
    if link is None:
        return None
    checks = [check_json(row) for row in evidence.history(store, link["id"])]
    for capture in archives.captures(store, link["canonical_url"]):
        # a capture belongs to the check it followed: the latest made by then
        made = [check for check in checks if check["checked_at"] <= capture["recorded_at"]]
        if made:
            made[-1]["archived_url"] = capture["archived_url"]
    return {"url": url, "canonical_url": link["canonical_url"], "platform": link["platform"],
            "post_id": link["post_id"], "checks": checks}


def check_json(row: dict) -> dict:
    manual = ({"by": row["checked_by"], "at": row["checked_at"], "note": row["note"]}
              if row["source"] == "manual" else None)
    record = None
    if row["evidence_sha256"]:
        record = {"sha256": row["evidence_sha256"], "media_type": row["media_type"],
                  "size": row["size"], "fields": {name: row["fields"].get(name) for name in FIELDS}}
    return {"checked_at": row["checked_at"], "status": row["status"], "reason": row["reason"],
            "source": row["source"], "manual": manual, "evidence": record, "archived_url": None}


def kept(found: dict) -> dict[str, dict]:
    """Each distinct record of the history, first seen first."""
    records: dict[str, dict] = {}
    for check in found["checks"]:
        if check["evidence"]:
            records.setdefault(check["evidence"]["sha256"], check["evidence"])
    return records


def save(records: dict[str, bytes], folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for sha256, body in records.items():
            (folder / sha256).write_bytes(body)
    except OSError as problem:
        print(f"error: {os_problem(problem, str(folder))}", file=sys.stderr)
        return False
    return True


def last_record(found: dict) -> dict | None:
    return next((c["evidence"] for c in reversed(found["checks"]) if c["evidence"]), None)


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
