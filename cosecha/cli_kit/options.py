"""Command-line options shared by `cosecha` and `auditor`, each defined once: the store, the
harvesting options, the reading time limit and the output (format and file)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager

from datos import Store, default_db_path, open_store, user_db_path

from ..credentials import Credentials, CredentialsProblem, from_environment, from_file
from ..harvest import HarvestOptions
from ..http import parse_remap
from ..reader.sandbox import READ_SECONDS

_FORMAT_HELP = {"tabla": "tabla legible", "json": "JSON", "csv": "CSV", "texto": "texto plano"}


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...],
                       default: str | None) -> None:
    """`--formato` (one of `formats`) and `--salida ARCHIVO` (default: standard output).

    A None default lets the command choose (e.g. a table on a terminal, JSON in a pipe)."""
    described = ", ".join(f"{name} ({_FORMAT_HELP.get(name, name)})" for name in formats)
    chosen = f"; por omisión {default}" if default else ""
    parser.add_argument("--formato", choices=formats, default=default, metavar="FORMATO",
                        help=f"formato de salida: {described}{chosen}")
    parser.add_argument("--salida", metavar="ARCHIVO",
                        help="escribe el resultado en ARCHIVO en vez de la salida estándar")


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="RUTA", default=None,
        help=f"base de datos SQLite (por defecto $COSECHA_DB; si no, {user_db_path()})",
    )


def store_path(args: argparse.Namespace) -> str:
    return args.db or str(default_db_path())


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool = True) -> Iterator[Store]:
    """The store the options name, open for the block and closed after it; a store that cannot
    be used raises `StoreError`, which `errors.guarded` says in one line."""
    store = open_store(store_path(args), create=create)
    try:
        yield store
    finally:
        store.close()


def add_read_limit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limite-lectura", metavar="S", type=_positive(float), default=READ_SECONDS,
        help=f"segundos para leer cada informe; uno que tarda más (o que necesita más memoria "
             f"de la razonable) no se puede leer (por defecto {READ_SECONDS:g})",
    )


def _remap(value: str) -> str:
    """A rule checked whole before any work: its shape, its pattern, and that every group its
    replacement names is one the pattern has."""
    try:
        rule = parse_remap(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}': {_shape_problem(value)}") from None
    try:
        _groups_like(rule.pattern).expand(rule.replacement)
    except (re.error, IndexError) as problem:
        where = f", posición {problem.pos + 1}" if getattr(problem, "pos", None) is not None else ""
        raise argparse.ArgumentTypeError(
            f"'{value}': el reemplazo nombra un grupo que el patrón no tiene, o lo escribe mal "
            f"('{rule.replacement}'{where}); el patrón tiene {rule.pattern.groups} grupo(s)"
        ) from None
    return value


def _shape_problem(value: str) -> str:
    pattern, space, replacement = value.strip().partition(" ")
    if space and replacement.strip():
        try:
            re.compile(pattern)
        except re.error as problem:
            return (f"el patrón '{pattern}' no es una expresión regular válida "
                    f"(posición {(problem.pos or 0) + 1})")
    return "se espera 'REGEX REEMPLAZO', separados por un espacio"


def _groups_like(pattern: re.Pattern) -> re.Match:
    """A match with the groups (numbers and names) of `pattern`, each empty: what a
    replacement can be expanded against without a URL that matches."""
    names = {number: name for name, number in pattern.groupindex.items()}
    groups = "".join(f"(?P<{names[n]}>)" if n in names else "()"
                     for n in range(1, pattern.groups + 1))
    return re.match(groups, "")


def _positive(kind):
    def convert(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"se esperaba un número: {value!r}") from None
        if not 0 < number < float("inf"):  # nan and inf too
            raise argparse.ArgumentTypeError(f"debe ser un número mayor que cero: {value!r}")
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
    group.add_argument("--ttl", metavar="HORAS", type=_positive(float), default=None,
                       help="horas durante las que una verificación concluyente se reutiliza, "
                            "en lugar del calendario por edad de la publicación (auditor "
                            "revisar: 20 por defecto)")
    group.add_argument("--refrescar", action="store_true",
                       help="vuelve a verificar todo, aunque haya verificaciones recientes")
    group.add_argument("--agente", metavar="UA", default=None,
                       help="User-Agent de las peticiones (por defecto, uno que nombra el "
                            "proyecto)")
    group.add_argument("--credenciales", metavar="ARCHIVO", type=_credentials, default=None,
                       help="archivo TOML con las credenciales de la institución ([youtube] clave, "
                            "[meta] token, [archive] clave y secreto), legible solo por su "
                            "dueño; también $COSECHA_YOUTUBE_KEY y $COSECHA_META_TOKEN")
    group.add_argument("--archivar", action="store_true",
                       help="pide a Save Page Now (Internet Archive) una captura de cada "
                            "publicación viva que aún no tiene una; necesita [archive] clave y "
                            "secreto en --credenciales")
    group.add_argument("--archivar-max", metavar="N", type=_positive(int), default=50,
                       help="capturas pedidas como mucho por ejecución (por defecto 50)")
    if offline:
        group.add_argument("--sin-red", action="store_true",
                           help="no hace ninguna petición: usa solo la base y los datos que "
                                "da la URL")


def harvest_options(args: argparse.Namespace, *, flat_ttl: float | None = None
                    ) -> HarvestOptions:
    """The harvest as the options say; without --ttl, `flat_ttl` hours (revisar: the analyst
    wants today's answer), else the schedule by the post's age (cosecha, nocturno)."""
    return HarvestOptions(
        remaps=args.remap,
        concurrency=args.concurrencia,
        per_host=args.por_host,
        timeout=args.timeout,
        retries=args.reintentos,
        ttl_hours=args.ttl or flat_ttl,
        refresh=args.refrescar,
        offline=getattr(args, "sin_red", False),
        user_agent=args.agente,
        credentials=from_environment() | (args.credenciales or Credentials()),
        archive=args.archivar,
        archive_max=args.archivar_max,
    )


def _credentials(path: str):
    try:
        return from_file(path)
    except CredentialsProblem as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None
