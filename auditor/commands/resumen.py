"""`auditor resumen`: the supervisor's coverage table across the audited reports."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from cosecha.cli_kit.console import to_terminal
from cosecha.cli_kit.files import refuse_output, write_output
from cosecha.cli_kit.options import add_output_options, add_store_option, opened_store

from ..render.text import add_csv_data_option, output_format, render_summary
from ..summary import build_summary

ORDER = 40
HELP = "tabla de cobertura de todos los informes auditados (solo la base, sin red)"
DESCRIPTION = """\
Resume, desde la base y sin hacer peticiones, la última versión auditada de cada informe:
lo declarado, lo listado, lo vivo, lo roto y lo sin verificar, los errores y advertencias y el
veredicto; los totales por plataforma; y los enlaces cuyo estado cambió entre sus dos últimas
verificaciones concluyentes (primero los que se rompieron).

Un informe que ya no está en su carpeta, no se puede leer o cambió desde su auditoría se
señala en vez de mostrar su último veredicto (las rutas relativas se buscan desde la carpeta
actual); los leídos de la entrada estándar se distinguen por su sha256."""


def iso_date(value: str) -> str:
    """A real day written AAAA-MM-DD (not 2025-02-30)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"se esperaba una fecha válida AAAA-MM-DD: {value!r}")


def register(subparsers) -> None:
    parser = subparsers.add_parser("resumen", help=HELP, description=DESCRIPTION)
    add_store_option(parser)
    parser.add_argument("--institucion", metavar="TEXTO",
                        help="solo informes cuya institución contiene TEXTO")
    parser.add_argument("--desde", metavar="FECHA", type=iso_date,
                        help="solo informes fechados desde FECHA (AAAA-MM-DD)")
    parser.add_argument("--hasta", metavar="FECHA", type=iso_date,
                        help="solo informes fechados hasta FECHA (AAAA-MM-DD)")
    add_output_options(parser, ("tabla", "markdown", "json", "csv", "html"), default="tabla")
    add_csv_data_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.desde and args.hasta and args.desde > args.hasta:
        print(f"error: --desde {args.desde} es posterior a --hasta {args.hasta}", file=sys.stderr)
        return 2
    if refuse_output(args.salida):
        return 2
    with opened_store(args, create=False) as store:
        summary = build_summary(store, institution=args.institucion, since=args.desde,
                                until=args.hasta)
    write_output(render_summary(summary, output_format(args), color=to_terminal(args.salida)),
                 args.salida)
    return 0
