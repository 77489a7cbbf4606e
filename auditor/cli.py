"""`auditor`: the command line. Each subcommand is a module in `auditor.commands` exposing
`ORDER` (its place in --help), `register(subparsers)` and a `run(args) -> int` it sets as
the parser default; this module only builds the parser and dispatches."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

from cosecha import __version__
from cosecha.cli_kit.errors import guarded
from cosecha.cli_kit.spanish_argparse import Parser

from . import commands
from .errors import AuditorError

DESCRIPTION = """\
Audita informes de rendición de cuentas: lee lo que cada fase declara y los enlaces que
lista como evidencia, y lo compara con lo que las plataformas confirman."""


def _command_modules() -> list:
    found = [importlib.import_module(f"{commands.__name__}.{info.name}")
             for info in pkgutil.iter_modules(commands.__path__)]
    return sorted((m for m in found if hasattr(m, "register")), key=lambda m: m.ORDER)


def build_parser() -> Parser:
    parser = Parser(prog="auditor", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"auditor {__version__}",
                        help="muestra la versión y sale")
    subparsers = parser.add_subparsers(title="órdenes", metavar="ORDEN", dest="orden",
                                       required=True)
    for module in _command_modules():
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return guarded(args.run, args, also=(AuditorError,))
    except BrokenPipeError:
        # whoever read our output stopped (`| head`): no traceback, and none at exit either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrumpido", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
