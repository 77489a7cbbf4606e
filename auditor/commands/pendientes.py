"""`auditor pendientes`: the links of some reports a person must still look at."""

from __future__ import annotations

import sys

from cosecha.cli_kit.options import add_read_limit_option, add_store_option, store_path
from cosecha.inputs import expand
from datos import StoreError, open_store

from ..pending import pending_links
from ..review import read_entries

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
    try:
        store = open_store(store_path(args), create=False)
        try:
            pending, problems = pending_in(store, args.informes, args.limite_lectura)
        finally:
            store.close()
    except StoreError as problem:
        print(f"error: {store_path(args)}: {problem}", file=sys.stderr)
        return 2
    for link in pending:
        print(link.line())
    return 2 if problems else 0


def pending_in(store, sources: list[str], read_limit: float) -> tuple[list, list]:
    """The pending links of the reports that could be read, and why the others could not
    (said on standard error)."""
    entries, problems = expand(sources, urls=False)
    reports, unreadable = read_entries(entries, read_limit)
    for problem in problems + unreadable:
        print(problem, file=sys.stderr)
    return pending_links(store, reports), problems + unreadable
