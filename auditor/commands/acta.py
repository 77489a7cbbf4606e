"""`auditor acta`: the signable verification record of one report, and checking a printed one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cosecha.cli_kit.console import json_text
from cosecha.cli_kit.files import refuse_output, write_output
from cosecha.cli_kit.options import (
    add_output_options,
    add_read_limit_option,
    add_store_option,
    opened_store,
)
from cosecha.inputs import Entry
from cosecha.labels import moment
from cosecha.security import visible
from datos.actas import issues_of, record
from datos.store import now_iso

from ..acta import FINGERPRINT, build_acta, issued
from ..render.acta_html import render_acta_html
from ..review import ReadReport, read_entries

ORDER = 45
HELP = "acta firmable de la verificación de un informe (solo la base, sin red)"
DESCRIPTION = """\
Emite, solo a partir de la base (sin ninguna petición), el acta de verificación de un informe
según su última auditoría: el archivo, su sha256, la institución y las fechas, la versión de la
herramienta, el periodo de las verificaciones, cada enlace listado con su fase, plataforma,
estado, cuándo se verificó y el sha256 de la evidencia guardada (o quién lo confirmó a mano,
cuándo y con qué nota), los hallazgos, el veredicto, un espacio para la firma y, al pie, la
huella: el sha256 del JSON canónico del acta, sin la fecha de emisión. Cada acta emitida queda
registrada en la base; `--verificar HUELLA` dice si una acta impresa se emitió.

La misma base y el mismo informe dan la misma acta, byte a byte, salvo la línea "Emitida el".

Salida: 0 si se emitió (o, con --verificar, si la huella consta); 1 si la huella no consta;
2 si el informe no se puede leer, cambió desde su auditoría o nunca se auditó, o la base no
existe."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("acta", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("informe", nargs="?", metavar="INFORME",
                        help="el informe (.txt, .md, .docx, .odt, .pdf) o - (entrada estándar)")
    parser.add_argument("--verificar", metavar="HUELLA",
                        help="comprueba si se emitió una acta con esta huella (sin INFORME)")
    add_store_option(parser)
    add_output_options(parser, ("html", "json"), default="html")
    add_read_limit_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if (args.informe is None) == (args.verificar is None):
        print("error: indique un INFORME o --verificar HUELLA (uno de los dos)", file=sys.stderr)
        return 2
    if args.verificar is not None:
        return verify(args)
    if Path(args.informe).is_dir():
        print(f"error: {args.informe}: es una carpeta; el acta es de un solo informe",
              file=sys.stderr)
        return 2
    if refuse_output(args.salida, [args.informe]):
        return 2
    reads, problems = read_entries([Entry("report", args.informe)], args.limite_lectura)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not reads:
        return 2
    with opened_store(args, create=False) as store:
        return issue(store, reads[0], args)


def issue(store, read: ReadReport, args) -> int:
    """The acta built and rendered, recorded only once it exists whole, then written."""
    acta = issued(build_acta(store, read), now_iso())
    text = render_acta_html(acta) if args.formato == "html" else json_text(acta)
    record(store, acta)
    write_output(text, args.salida)
    return 0


def verify(args) -> int:
    huella = "".join(args.verificar.split()).lower()
    if not FINGERPRINT.fullmatch(huella):
        print(f"error: {args.verificar!r} no es una huella: se esperaban 64 caracteres "
              "hexadecimales (0-9, a-f)", file=sys.stderr)
        return 2
    with opened_store(args, create=False) as store:
        return said(issues_of(store, huella), huella)


def said(issues: list[dict], huella: str) -> int:
    if not issues:
        print(f"no consta ninguna acta emitida con la huella {huella} en esta base")
        return 1
    for row in issues:
        print(f"emitida el {moment(row['issued_at'])} para {visible(row['source'])} "
              f"(sha256 {row['sha256']})")
    return 0
