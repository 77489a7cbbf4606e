"""`auditor leer`: what each report claims and lists, phase by phase."""

from __future__ import annotations

import sys

from cosecha.cli_kit.console import json_text, render, to_terminal
from cosecha.cli_kit.files import refuse_output, write_output
from cosecha.cli_kit.options import add_output_options, add_read_limit_option
from cosecha.inputs import InputProblem
from cosecha.reader import ReadError
from cosecha.reader.sandbox import Job, read_bounded

from ..render.read_report import report_tables

ORDER = 10
HELP = "muestra las fases, afirmaciones y enlaces de cada informe"
DESCRIPTION = """\
Lee cada informe (.txt, .md, .docx, .pdf, o - para la entrada estándar) y muestra, fase por
fase y con números de línea, lo que afirma (cuántas publicaciones por plataforma) y los enlaces
que lista como evidencia. No modifica los informes.

Salida: 0 si todos los informes se leyeron, 2 si alguno no se pudo leer."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("leer", help=HELP, description=DESCRIPTION)
    parser.add_argument("informes", nargs="+", metavar="INFORME",
                        help="informe a leer (.txt, .md, .docx, .pdf) o - para la entrada estándar")
    add_output_options(parser, ("tabla", "json"), default="tabla")
    add_read_limit_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if refuse_output(args.salida, args.informes):
        return 2
    reports, failed = [], False
    jobs = [Job.of(source) for source in args.informes]
    for source, read in zip(args.informes, read_bounded(jobs, args.limite_lectura)):
        if isinstance(read, ReadError):
            print(InputProblem(source, str(read)), file=sys.stderr)
            failed = True
        else:
            reports.append(read)
    if args.formato == "json":
        text = json_text([r.to_dict() for r in reports])
    else:
        text = render(report_tables(reports), color=to_terminal(args.salida))
    write_output(text, args.salida)
    return 2 if failed else 0

