"""`auditor nocturno`: the unattended audit of a folder of reports, for cron or systemd."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cosecha.cli_kit.files import os_problem
from cosecha.cli_kit.options import (
    _positive,
    add_harvest_options,
    add_read_limit_option,
    add_store_option,
    harvest_options,
    opened_store,
    store_path,
)

from ..nightly.files import exclusive
from ..nightly.run import NightlyOptions, run_nightly
from ..render.nightly_text import news_text
from .options import add_audit_options

ORDER = 50
HELP = "auditoría desatendida de una carpeta de informes (para cron o systemd)"
DESCRIPTION = """\
Audita cada informe de la carpeta (recursivamente; .txt, .md, .docx, .pdf), reutilizando las
verificaciones recientes de la base y volviendo a verificar lo que toca, un informe tras otro
(la memoria crece con el informe más grande, no con la carpeta). Cada ejecución escribe en
--salida-dir, con fecha y hora en UTC (-2 si ya existe): auditoria-AAAA-MM-DD-HHMMSS.html, un
resumen con una fila por informe, los totales, los cambios y lo nuevo; la carpeta
auditoria-AAAA-MM-DD-HHMMSS/ con una página por informe (sus hallazgos agrupados por fase,
plataforma y motivo), enlazada desde el resumen; auditoria-AAAA-MM-DD-HHMMSS.json; y
ultimo.html / ultimo.json, copias de los de la última ejecución. Copia la base con la API de
respaldo de SQLite.

Un hallazgo es el mismo de una noche a otra si coinciden el informe (su ruta en la carpeta), el
código, la fase, la plataforma y el enlace, aunque cambien su línea o su texto. No imprime nada
si no hay novedades; si las hay, un resumen breve. La primera ejecución dice que es la primera;
la primera tras actualizar desde una versión anterior es una línea de base, sin alarmas.

Salida: 0 si nada nuevo salió mal desde la ejecución anterior; 1 si algo sí (un enlace que se
rompió, un error nuevo, un informe que ya no se puede leer); 2 si no se pudo hacer la
auditoría (opciones incorrectas, base inutilizable u otra auditoría nocturna en curso)."""


def _whole(minimum: int):
    def convert(value: str) -> int:
        if not value.isdigit() or int(value) < minimum:
            raise argparse.ArgumentTypeError(
                f"se esperaba un entero mayor o igual que {minimum}: {value!r}")
        return int(value)
    return convert


def register(subparsers) -> None:
    parser = subparsers.add_parser("nocturno", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("carpeta", metavar="CARPETA", help="carpeta con los informes")
    add_store_option(parser)
    parser.add_argument("--salida-dir", metavar="DIR", default="informes",
                        help="carpeta de las páginas y JSON generados (por defecto informes/)")
    parser.add_argument("--conservar", metavar="N", type=_whole(1), default=30,
                        help="de cuántas ejecuciones se conservan el resumen, la carpeta de "
                             "páginas y el JSON con fecha (por defecto 30)")
    parser.add_argument("--limite-minutos", metavar="N", type=_positive(float), default=60,
                        help="al cumplirse, lo no verificado queda sin verificar y la ejecución "
                             "termina limpiamente (por defecto 60)")
    parser.add_argument("--respaldos", metavar="N", type=_whole(0), default=7,
                        help="cuántas copias de la base se conservan junto a ella (por defecto 7)")
    add_audit_options(parser)
    add_read_limit_option(parser)
    add_harvest_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    folder = Path(args.carpeta)
    if not folder.is_dir():
        print(f"error: {args.carpeta}: no es una carpeta", file=sys.stderr)
        return 2
    db_path = Path(store_path(args))
    options = NightlyOptions(folder, Path(args.salida_dir), args.conservar, args.limite_minutos,
                             args.respaldos, dict(args.cuenta), args.ventana_dias,
                             read_seconds=args.limite_lectura, progress=sys.stderr.isatty())
    try:
        with exclusive(db_path), opened_store(args) as store:
            result = run_nightly(store, db_path, options, harvest_options(args))
    except OSError as problem:
        print(f"error: {os_problem(problem)}", file=sys.stderr)
        return 2
    text = news_text(result.news, result.started_at[:10], alarming=result.exit_code == 1)
    if text:
        print(text if result.news["baseline"] else f"{text}\nPágina: {result.page}")
    return result.exit_code
