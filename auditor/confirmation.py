"""A person's confirmation of a link: checked against what the store knows, then recorded.

Refused (a `Refusal`, one Spanish line): a link that is not http(s); one in no report and not in
the store, unless forced; and "vivo" over the platform's own "roto", unless forced (then the
line that says it was recorded also shows what the platform said)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from cosecha.harvest import Target, link_fields, targets_for
from cosecha.labels import moment, reason_text, status_text
from cosecha.security import visible
from datos.store import now_iso

from .errors import Refusal

STATES = {"vivo": "alive", "roto": "broken"}


@dataclass
class Confirmation:
    url: str  # as given
    target: Target
    status: str  # alive | broken
    note: str | None
    overrules: dict | None = None  # the platform's "broken" check a forced "alive" goes against
    replaces: dict | None = None  # the person's earlier confirmation this one supersedes


def prepare(store, url: str, status: str, note: str | None, *, force: bool,
            listed: bool = False) -> Confirmation:
    """The confirmation, ready to record, or the Refusal that says why not. `listed`: the link
    comes from a report being confirmed."""
    if not url.lower().startswith(("http://", "https://")):
        raise Refusal(f"{url}: no es un enlace http(s)")
    target = targets_for([url])[0]
    if not (listed or force or store.knows(target.key)):
        raise Refusal(f"{url}: no está en ningún informe auditado ni en la base; compruebe el "
                      "enlace o use --forzar")
    platform = store.platform_verdict(target.key)
    overrules = platform if status == "alive" and platform and platform["status"] == "broken" \
        else None
    if overrules and not force:
        raise Refusal(f"{url}: la plataforma dijo roto ({said(overrules)}); para registrarlo "
                      "vivo de todos modos use --forzar")
    return Confirmation(url, target, status, note or None, overrules,
                        store.latest_manual(target.key))


def record(store, confirmations: list[Confirmation], by: str) -> None:
    """All of them in one transaction, at once."""
    checked_at = now_iso()
    store.record_manuals([{"link": link_fields(c.target), "url": c.url, "status": c.status,
                           "checked_by": by, "note": c.note, "checked_at": checked_at}
                          for c in confirmations])


def said(check: dict) -> str:
    """"eliminado por su autor, 29/11 02:31": a check's reason and local time."""
    reason = check.get("note") if check["source"] == "manual" else reason_text(check["reason"])
    return ", ".join(filter(None, (reason, moment(check["checked_at"], year=False))))


def recorded_line(confirmation: Confirmation, by: str) -> str:
    """What was recorded, with the platform's word it overrules and the confirmation it
    supersedes, when there are."""
    line = f"Registrado: {confirmation.url} {status_text(confirmation.status)} (manual, por {by})"
    if confirmation.overrules:
        line += f"; la plataforma dijo roto ({said(confirmation.overrules)})"
    earlier = confirmation.replaces
    if earlier:
        line += (f"; sustituye la confirmación de {earlier['checked_by']} "
                 f"({status_text(earlier['status'])}, {said(earlier)})")
    return visible(line + ".")


# many at once, from a spreadsheet

HEADER = ("url", "estado", "nota")
READ_PROBLEMS = {FileNotFoundError: "no existe", IsADirectoryError: "es una carpeta",
                 PermissionError: "no hay permiso para leerlo"}


def read_table(path: Path) -> list[tuple[int, dict]]:
    """The rows of a CSV with a header row url,estado,nota (nota may be left out), separated by
    `,` or `;`, as (row number as a spreadsheet counts it, {url, estado, nota}). Blank rows are
    skipped; anything else wrong is a Refusal naming the row."""
    text = decoded(path)
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")),
                           delimiter=";" if ";" in first else ","))
    names = [name.strip().lower() for name in rows[0]] if rows else []
    if sorted(names) not in (sorted(HEADER), sorted(HEADER[:2])):
        raise Refusal(f"{path}, fila 1: se esperaba el encabezado url,estado,nota (o con ;)")
    table = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise Refusal(f"{path}, fila {number}: tiene {len(cells)} columnas y el "
                          f"encabezado {len(names)}")
        table.append((number, {name: cell.strip() for name, cell in zip(names, cells)}))
    if not table:
        raise Refusal(f"{path}: no tiene ninguna fila bajo el encabezado")
    return table


def decoded(path: Path) -> str:
    """UTF-8 (with or without BOM), or Windows-1252 as a Spanish spreadsheet saves CSV."""
    try:
        data = path.read_bytes()
    except OSError as problem:
        why = READ_PROBLEMS.get(type(problem), f"no se pudo leer ({problem.strerror})")
        raise Refusal(f"{path}: {why}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def prepare_table(store, path: Path, *, force: bool) -> list[Confirmation]:
    """Every row of the file as a confirmation; the first bad row refuses the whole file."""
    confirmations = []
    for number, row in read_table(path):
        state = row["estado"].lower()
        try:
            if state not in STATES:
                raise Refusal(f"estado {row['estado']!r}: se esperaba vivo o roto")
            confirmations.append(prepare(store, row["url"], STATES[state], row.get("nota"),
                                         force=force))
        except Refusal as refusal:
            raise Refusal(f"{path}, fila {number}: {refusal}") from None
    return confirmations
