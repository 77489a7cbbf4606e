"""Command-line options shared by `cosecha` and `auditor`: the store, the harvesting options
and the reading time limit, each defined once; and the refusal to write over a report read."""

from __future__ import annotations

import argparse
import os
import sys

from datos import default_db_path, user_db_path

from .harvest import HarvestOptions
from .http import parse_remap
from .reader.bounded import READ_SECONDS


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="RUTA", default=None,
        help=f"base de datos SQLite (por defecto $COSECHA_DB; si no, {user_db_path()})",
    )


def store_path(args: argparse.Namespace) -> str:
    return args.db or str(default_db_path())


def add_read_limit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limite-lectura", metavar="S", type=_positive(float), default=READ_SECONDS,
        help=f"segundos para leer cada informe; uno que tarda más (o que necesita más memoria "
             f"de la razonable) no se puede leer (por defecto {READ_SECONDS:g})",
    )


def overwrites_an_input(output: str | None, sources: list[str]) -> bool:
    """Whether writing `output` would overwrite one of the reports read; if so, says so."""
    if not output or not os.path.exists(output):
        return False
    if any(source != "-" and os.path.exists(source) and os.path.samefile(source, output)
           for source in sources):
        print(f"error: {output}: es uno de los informes; no se sobrescribe", file=sys.stderr)
        return True
    return False


def _remap(value: str) -> str:
    try:
        parse_remap(value)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None
    return value


def _positive(kind):
    def convert(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"se esperaba un número: {value!r}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError(f"debe ser mayor que cero: {value!r}")
        return number
    return convert


def _not_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"se esperaba un número entero: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"no puede ser negativo: {value!r}")
    return number


def add_harvest_options(parser: argparse.ArgumentParser, *, offline: bool = True) -> None:
    group = parser.add_argument_group("verificación de enlaces")
    group.add_argument(
        "--remap", metavar="'REGEX REEMPLAZO'", action="append", default=[], type=_remap,
        help="reescribe cada URL pedida (también cada redirección) antes de enviarla; "
             "se puede repetir. Ej.: --remap '^https?://([^/]+)/?(.*)$ http://127.0.0.1:8080/\\1/\\2'",
    )
    group.add_argument("--concurrencia", metavar="N", type=_positive(int), default=32,
                       help="peticiones simultáneas en total (por defecto 32)")
    group.add_argument("--por-host", metavar="N", type=_positive(int), default=4,
                       help="peticiones simultáneas por servidor de plataforma (por defecto 4)")
    group.add_argument("--timeout", metavar="S", type=_positive(float), default=15.0,
                       help="segundos de espera por petición (por defecto 15)")
    group.add_argument("--reintentos", metavar="N", type=_not_negative, default=3,
                       help="reintentos ante errores de red, 429 y 5xx (por defecto 3)")
    group.add_argument("--ttl", metavar="HORAS", type=_positive(float), default=20.0,
                       help="horas durante las que una verificación concluyente se reutiliza "
                            "(por defecto 20)")
    group.add_argument("--refrescar", action="store_true",
                       help="vuelve a verificar todo, aunque haya verificaciones recientes")
    group.add_argument("--agente", metavar="UA", default=None,
                       help="User-Agent de las peticiones (por defecto, uno que nombra el proyecto)")
    if offline:
        group.add_argument("--sin-red", action="store_true",
                           help="no hace ninguna petición: usa solo la base y los datos que da la URL")


def harvest_options(args: argparse.Namespace) -> HarvestOptions:
    return HarvestOptions(
        remaps=args.remap,
        concurrency=args.concurrencia,
        per_host=args.por_host,
        timeout=args.timeout,
        retries=args.reintentos,
        ttl_hours=args.ttl,
        refresh=args.refrescar,
        offline=getattr(args, "sin_red", False),
        user_agent=args.agente,
    )
