"""`auditor revisar`: claims against evidence, phase by phase, with a verdict and an exit code."""

from __future__ import annotations

import argparse
import sys

from cosecha.cli_kit.console import to_terminal
from cosecha.cli_kit.files import refuse_output, write_output
from cosecha.cli_kit.options import (
    add_harvest_options,
    add_output_options,
    add_read_limit_option,
    add_store_option,
    harvest_options,
    opened_store,
)
from cosecha.cli_kit.progress import platform_progress
from cosecha.harvest import targets_for
from cosecha.inputs import expand

from ..compare import exit_code
from ..model import Audit
from ..render.text import Options, add_csv_data_option, findings_csv, output_format, render_audits
from ..review import ReadReport, read_entries, review
from .options import add_audit_options

ORDER = 20
HELP = "compara lo que cada informe declara con lo que prueban sus enlaces"
DESCRIPTION = """\
Lee cada informe, verifica sus enlaces (reutilizando las verificaciones recientes de la base),
compara fase por fase lo declarado, lo listado y lo verificado, guarda la auditoría en la base
y muestra la cobertura, los hallazgos y un veredicto:

  Listo para firmar                       sin errores y todo verificado
  Firmable con reservas: N sin verificar  sin errores, con enlaces que no se pudieron verificar
  Revisar antes de firmar: N errores      al menos un error

Salida: 0 sin errores, 1 con algún error, 2 si algún informe no se pudo leer (los demás se
auditan igual)."""

FORMATS = ("tabla", "markdown", "json", "csv", "html")


def register(subparsers) -> None:
    parser = subparsers.add_parser("revisar", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("entradas", nargs="+", metavar="ENTRADA",
                        help="informe (.txt, .md, .docx, .pdf), carpeta de informes o - "
                             "(informe por la entrada estándar)")
    add_store_option(parser)
    add_audit_options(parser)
    add_harvest_options(parser)
    add_output_options(parser, FORMATS, default="tabla")
    add_csv_data_option(parser)
    parser.add_argument("--enlaces", action="store_true",
                        help="añade a la tabla (y al Markdown) cada enlace con su estado, autor, "
                             "fecha, título y quién lo confirmó a mano")
    parser.add_argument("--detalle", action="store_true",
                        help="una fila por hallazgo, sin agrupar los que se repiten")
    parser.add_argument("--hallazgos-csv", metavar="ARCHIVO",
                        help="escribe además los hallazgos, uno por fila, en un CSV")
    add_read_limit_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    entries, problems = expand(args.entradas, urls=False)
    sources = [entry.value for entry in entries]
    if refuse_output(args.salida, sources) or refuse_output(args.hallazgos_csv, sources):
        return 2
    reports, unreadable = read_entries(entries, args.limite_lectura)
    problems += unreadable
    for problem in problems:
        print(problem, file=sys.stderr)
    with opened_store(args) as store:
        audits = watched_review(store, reports, args)
    options = Options(links=args.enlaces, detail=args.detalle)
    write_output(render_audits(audits, output_format(args), color=to_terminal(args.salida),
                               options=options), args.salida)
    if args.hallazgos_csv:
        write_output(findings_csv(audits, data=args.csv_datos), args.hallazgos_csv)
    return 2 if problems else exit_code(audits)


def watched_review(store, reports: list[ReadReport], args) -> list[Audit]:
    """The review, with a progress bar per platform when a person watches standard error."""
    targets = targets_for(link.url for read in reports for link in read.report.links())
    with platform_progress(targets, enabled=sys.stderr.isatty()) as advance:
        return review(store, reports, harvest_options(args, flat_ttl=20.0),
                      command=" ".join(sys.argv), accounts=dict(args.cuenta),
                      window_days=args.ventana_dias, on_done=advance)
