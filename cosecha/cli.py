"""`cosecha`: check every link of reports, folders or URLs and keep each check in the store."""

from __future__ import annotations

import asyncio
import sys

from datos import open_store

from . import __version__
from .cli_kit.console import json_text, to_terminal, url_table
from .cli_kit.errors import guarded
from .cli_kit.files import refuse_output, write_output
from .cli_kit.options import (
    add_harvest_options,
    add_output_options,
    add_read_limit_option,
    add_store_option,
    harvest_options,
    store_path,
)
from .cli_kit.progress import platform_progress
from .cli_kit.spanish_argparse import Parser
from .harvest import Harvester, Outcome, any_broken, targets_for
from .inputs import InputProblem, expand
from .labels import moment, number, platform_text, reason_text, status_text, with_last_attempt
from .reader import ReadError
from .reader.sandbox import Job, read_bounded
from .security import visible

DESCRIPTION = """\
Verifica cada enlace de X, Facebook, YouTube y la web que listan los informes (o las URL dadas)
contra la propia plataforma, y guarda cada verificación en la base SQLite.

Estados: vivo (la plataforma devuelve la publicación), roto (la plataforma dice que ya no está
o no es pública), sin verificar (muro de inicio de sesión, límite de peticiones, sin conexión...),
no válido (no es una publicación) y rechazado (apunta a una dirección privada o local).

Salida: 0 si ningún enlace está roto, 1 si alguno lo está, 2 si una entrada no se pudo leer."""


def build_parser() -> Parser:
    parser = Parser(prog="cosecha", description=DESCRIPTION)
    parser.add_argument("entradas", nargs="+", metavar="ENTRADA",
                        help="informe (.txt, .md, .docx, .pdf), carpeta de informes, URL o - "
                             "(informe por la entrada estándar)")
    add_store_option(parser)
    add_harvest_options(parser)
    add_output_options(parser, ("tabla", "json"), default=None)
    add_read_limit_option(parser)
    parser.add_argument("--silencioso", action="store_true",
                        help="no imprime nada salvo los enlaces rotos")
    parser.add_argument("--version", action="version", version=f"cosecha {__version__}",
                        help="muestra la versión y sale")
    return parser


def links_of(entries, seconds: float) -> tuple[list[str], list[InputProblem]]:
    jobs = [Job.of(entry.value) for entry in entries if entry.kind == "report"]
    reads = iter(read_bounded(jobs, seconds))
    urls: list[str] = []
    problems: list[InputProblem] = []
    for entry in entries:
        read = next(reads) if entry.kind == "report" else None
        if entry.kind == "url":
            urls.append(entry.value)
        elif isinstance(read, ReadError):
            problems.append(InputProblem(entry.value, str(read)))
        else:
            urls.extend(link.url for link in read.links())
    return urls, problems


def main(argv: list[str] | None = None) -> int:
    return guarded(run, build_parser().parse_args(argv))


def run(args) -> int:
    entries, problems = expand(args.entradas)
    if refuse_output(args.salida, [e.value for e in entries if e.kind == "report"]):
        return 2
    urls, unreadable = links_of(entries, args.limite_lectura)
    problems += unreadable
    for problem in problems:
        print(problem, file=sys.stderr)
    outcomes = harvest(urls, args)
    show(outcomes, args)
    if problems:
        return 2
    return 1 if any_broken(outcomes) else 0


def harvest(urls: list[str], args) -> list[Outcome]:
    targets = targets_for(urls)
    store = open_store(store_path(args))
    try:
        quiet = args.silencioso or not sys.stderr.isatty()
        with platform_progress(targets, enabled=not quiet) as advance:
            harvester = Harvester(store, harvest_options(args), command=command_line(),
                                  on_done=advance)
            return asyncio.run(harvester.run(targets))
    finally:
        store.close()


def command_line() -> str:
    return " ".join(["cosecha", *sys.argv[1:]])


def show(outcomes: list[Outcome], args) -> None:
    fmt = args.formato or ("tabla" if sys.stdout.isatty() else None)
    if fmt == "json":
        write_output(json_text([o.to_dict() for o in outcomes]), args.salida)
    elif args.silencioso:
        broken = [o for o in outcomes if o.status == "broken"]
        if broken:
            write_output(broken_lines(broken), args.salida)
    elif fmt == "tabla":
        table = table_text(outcomes, color=to_terminal(args.salida))
        write_output(table + "\n" + summary_line(outcomes, args), args.salida)
    else:
        broken = [o for o in outcomes if o.status == "broken"]
        lines = [summary_line(outcomes, args)] + ([broken_lines(broken)] if broken else [])
        write_output("\n".join(lines), args.salida)


def summary_line(outcomes: list[Outcome], args) -> str:
    counts = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    parts = [status_count(n, status) for status, n in sorted(counts.items())]
    cached = sum(o.from_cache for o in outcomes)
    distinct = "enlace distinto" if len(outcomes) == 1 else "enlaces distintos"
    reused = "reutilizado" if cached == 1 else "reutilizados"
    return (f"cosecha: {number(len(outcomes))} {distinct} ({', '.join(parts) or 'ninguno'}); "
            f"{number(cached)} {reused} de la base; base: {store_path(args)}")


_PLURAL_STATUS = {"alive": "vivos", "broken": "rotos", "invalid": "no válidos",
                  "refused": "rechazados"}


def status_count(count: int, status: str) -> str:
    """"1 vivo", "21 vivos", "3 sin verificar"."""
    word = status_text(status) if count == 1 else _PLURAL_STATUS.get(status, status_text(status))
    return f"{number(count)} {word}"


def broken_lines(broken: list[Outcome]) -> str:
    return "\n".join(f"roto: {visible(o.url)} "
                     f"({with_last_attempt(reason_text(o.reason), o.last_attempt)})"
                     for o in broken)


def table_text(outcomes: list[Outcome], color: bool) -> str:
    """The checked links, as wide as the terminal; a URL is never cut (see url_table)."""
    rows = [tuple(visible(cell) for cell in (
        with_last_attempt(status_text(o.status), o.last_attempt), reason_text(o.reason),
        platform_text(o.platform), o.author or "", moment(o.published_at),
        o.canonical_url or o.url)) for o in outcomes]
    return url_table("Enlaces verificados", ("Estado", "Motivo", "Plataforma", "Autor",
                                             "Publicado", "URL"), rows, color)


if __name__ == "__main__":
    sys.exit(main())
