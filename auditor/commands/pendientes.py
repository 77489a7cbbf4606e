"""`auditor pendientes`: the links of some reports a person must still look at."""

from __future__ import annotations

import sys

from cosecha.cli_kit.options import (
    add_read_limit_option,
    add_store_option,
    opened_store,
)

from ..pending import pending_in

ORDER = 25
HELP = "lista los enlaces que una persona debe mirar (sin verificar, tras un muro)"
DESCRIPTION = """\
Lista, solo a partir de la base (sin ninguna petición), los enlaces de los informes cuya
respuesta vigente es "sin verificar" (un muro de inicio de sesión, sin conexión...) o que nunca
se verificaron, en el orden del informe (fase, luego línea), una línea por enlace:

  fase<TAB>plataforma<TAB>motivo<TAB>URL

Después, `auditor confirmar INFORME --por NOMBRE` los recorre en este orden.

Salida: 0 si la lista se escribió (tenga o no enlaces), 2 si un informe no se pudo leer (los
demás se listan igual) o la base no existe."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("pendientes", help=HELP, description=DESCRIPTION)
    parser.add_argument("informes", nargs="+", metavar="INFORME",
                        help="informe (.txt, .md, .docx, .odt, .pdf), carpeta de informes o - "
                             "(informe por la entrada estándar)")
    add_store_option(parser)
    add_read_limit_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    with opened_store(args, create=False) as store:
        pending, problems = pending_in(store, args.informes, args.limite_lectura)
    for problem in problems:
        print(problem, file=sys.stderr)
    for link in pending:
        print(link.line())
    return 2 if problems else 0

