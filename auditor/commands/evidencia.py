"""`auditor evidencia`: the history of one link, with what the platform said each time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cosecha.cli_kit.files import os_problem, refuse_output, write_output
from cosecha.cli_kit.options import add_output_options, add_store_option, opened_store
from cosecha.security import visible
from datos import evidence

from ..link_history import kept, link_history
from ..render.link_history import RENDERERS

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
    with opened_store(args, create=False) as store:
        found = link_history(store, args.url)
        records = {sha: evidence.body(store, sha) for sha in kept(found)} if found else {}
    if found is None:
        return refused(f"{visible(args.url)}: el enlace no está en la base (nunca se verificó)")
    if args.guardar and not save(records, Path(args.guardar)):
        return 2
    write_output(RENDERERS[args.formato](found), args.salida)
    return 0


def refused(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def save(records: dict[str, bytes], folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for sha256, body in records.items():
            (folder / sha256).write_bytes(body)
    except OSError as problem:
        print(f"error: {os_problem(problem, str(folder))}", file=sys.stderr)
        return False
    return True


