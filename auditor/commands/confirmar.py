"""`auditor confirmar`: a person records what they saw at a link no robot can see: one link,
the pending links of some reports in one pass, or a spreadsheet of answers."""

from __future__ import annotations

import argparse
import sys
import webbrowser
from collections import Counter
from pathlib import Path

from cosecha.cli_kit.options import (
    add_read_limit_option,
    add_store_option,
    opened_store,
)
from cosecha.labels import plural
from cosecha.security import visible

from ..confirmation import STATES, prepare, prepare_table, record, recorded_line
from ..errors import Refusal
from ..pending import Pending, pending_in

ORDER = 30
HELP = "registra lo que una persona vio en un enlace (vivo o roto): uno, los pendientes o un CSV"
DESCRIPTION = """\
Algunas evidencias no las ve ningún robot (Facebook suele mostrarles un muro de inicio de
sesión). Quien revisa abre el enlace y registra lo que vio: queda en el historial con quién,
cuándo y la nota, se muestra como manual en las tablas, y vale hasta que una verificación
automática posterior sea concluyente (vivo o roto). Una confirmación posterior del mismo enlace
sustituye a la anterior; el historial guarda las dos.

  auditor confirmar URL --estado vivo|roto --por NOMBRE [--nota TEXTO]
  auditor confirmar INFORME... --por NOMBRE     recorre los pendientes (auditor pendientes)
  auditor confirmar --archivo ARCHIVO.csv --por NOMBRE

En el recorrido, una respuesta por línea (mayúsculas o minúsculas): v (vivo), r (roto),
s (saltar), n TEXTO (nota para el enlace actual; la siguiente respuesta lo decide), a (abrirlo
en el navegador, solo en una terminal con navegador gráfico), q (salir). Cada respuesta se
guarda en el acto; el fin de la entrada es q. Fuera de una terminal lee las mismas respuestas
de la entrada estándar.

El CSV lleva el encabezado url,estado,nota (separado por , o ;) y una fila por enlace; una fila
mala no registra nada del archivo.

Se niega (salida 2): un enlace que no está en ningún informe auditado ni en la base, o "vivo"
sobre el "roto" de la plataforma, salvo con --forzar; un --por vacío.
Salida: 0 si lo respondido quedó registrado."""

PROMPT = "v vivo · r roto · s saltar · n TEXTO nota · a abrir · q salir > "
ANSWERS = {"v": "alive", "r": "broken"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("confirmar", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("entradas", nargs="*", metavar="URL|INFORME",
                        help="el enlace tal como aparece en el informe (con --estado), o los "
                             "informes o carpetas cuyos pendientes se recorren")
    parser.add_argument("--estado", choices=tuple(STATES),
                        help="lo que se vio en el enlace URL: vivo o roto")
    parser.add_argument("--por", required=True, metavar="NOMBRE", help="quién lo verificó")
    parser.add_argument("--nota", metavar="TEXTO", default=None,
                        help="qué se vio en el enlace URL (opcional)")
    parser.add_argument("--archivo", metavar="ARCHIVO.csv", type=Path,
                        help="registra muchas a la vez: CSV con encabezado url,estado,nota")
    parser.add_argument("--forzar", action="store_true",
                        help="registra aunque el enlace no esté en ningún informe ni en la base, "
                             "o vivo aunque la plataforma diga roto")
    add_store_option(parser)
    add_read_limit_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    usage_problem(args)
    args.por = args.por.strip()
    return confirm_pass(args) if walking(args) else confirm_given(args)


def walking(args) -> bool:
    """Whether the arguments are reports whose pending links are walked."""
    return not (args.archivo or args.estado)


def usage_problem(args) -> None:
    """Which of the three forms was meant, and nothing that belongs to another."""
    if not args.por.strip():
        raise Refusal("--por está vacío: diga quién verificó")
    if args.archivo and (args.entradas or args.estado or args.nota):
        raise Refusal("--archivo no lleva URL, --estado ni --nota: van en cada fila del CSV")
    if args.estado and len(args.entradas) != 1:
        raise Refusal("--estado confirma un solo enlace: auditor confirmar URL --estado "
                      "vivo|roto --por NOMBRE")
    if walking(args) and not args.entradas:
        raise Refusal("falta qué confirmar: una URL con --estado, informes o --archivo")
    if walking(args) and args.entradas[0].lower().startswith(("http:", "https:")):
        raise Refusal(f"{args.entradas[0]}: falta --estado vivo|roto")
    if args.nota is not None and not args.estado:
        raise Refusal("--nota acompaña a --estado; en el recorrido la nota es la respuesta "
                      "n TEXTO")


def confirm_given(args) -> int:
    """One link (--estado) or every row of a spreadsheet (--archivo): all recorded or none."""
    with opened_store(args) as store:
        if args.archivo:
            confirmations = prepare_table(store, args.archivo, force=args.forzar)
        else:
            confirmations = [prepare(store, args.entradas[0], STATES[args.estado], args.nota,
                                     force=args.forzar)]
        record(store, confirmations, args.por)
    for confirmation in confirmations:
        print(recorded_line(confirmation, args.por))
    return 0


# the pass over the pending links

def confirm_pass(args) -> int:
    if "-" in args.entradas:
        raise Refusal("-: en el recorrido la entrada estándar trae las respuestas; indique "
                      "el informe por su ruta")
    with opened_store(args, create=False) as store:
        pending, unreadable = pending_in(store, args.entradas, args.limite_lectura)
        for problem in unreadable:
            print(problem, file=sys.stderr)
        if unreadable:
            return 2
        interactive = sys.stdin.isatty()
        tally = walk(store, pending, answer_lines(interactive), args, interactive)
    print(summary(tally, len(pending)))
    return 0


def answer_lines(interactive: bool):
    """The answers, one per line; they end with the input."""
    if not interactive:
        yield from sys.stdin
        return
    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            print()
            return


def walk(store, pending: list[Pending], answers, args, interactive: bool) -> Counter:
    tally = Counter()
    for number, link in enumerate(pending, 1):
        print(f"\n[{number}/{len(pending)}] {link.heading()}\n  {link.fields()[3]}")
        outcome = decide(store, link, answers, args, interactive)
        if outcome == "q":
            break
        tally[outcome] += 1
    return tally


def decide(store, link: Pending, answers, args, interactive: bool) -> str:
    """Answers for one link until one decides it: "alive", "broken", "s" (skipped) or "q"."""
    note = None
    for line in answers:
        word, _, text = line.strip().partition(" ")
        word = word.lower()
        if word in ("q", "s"):
            return word
        if word in ANSWERS:
            if record_answer(store, link, ANSWERS[word], note, args):
                return ANSWERS[word]
        elif word == "n" and text.strip():
            note = text.strip()
            print(f"  nota: {visible(note)} (la siguiente respuesta decide el enlace)")
        elif word == "a":
            open_in_browser(link.url, interactive)
        elif word:
            print(f"  respuesta no reconocida: {visible(line.strip())!r}; "
                  "use v, r, s, n TEXTO, a o q", file=sys.stderr)
    return "q"


def record_answer(store, link: Pending, status: str, note: str | None, args) -> bool:
    try:
        confirmation = prepare(store, link.url, status, note, force=args.forzar, listed=True)
    except Refusal as refusal:
        print(f"  {visible(str(refusal))}", file=sys.stderr)
        return False
    record(store, [confirmation], args.por)
    print(f"  {recorded_line(confirmation, args.por)}")
    return True


def open_in_browser(url: str, interactive: bool) -> None:
    if interactive and graphical_browser():
        webbrowser.open(url)
        print("  abierto en el navegador")
    else:
        print("  «a» abre el enlace solo en una terminal con navegador gráfico; cópielo",
              file=sys.stderr)


def graphical_browser() -> bool:
    """Whether the browser Python would start is a window, not a text browser that would take
    over this terminal (lynx, w3m, links, elinks)."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return type(browser) is not webbrowser.GenericBrowser and \
        not isinstance(browser, webbrowser.Elinks)


def summary(tally: Counter, total: int) -> str:
    """"1 vivo, 1 roto, 1 saltado; quedan pendientes: 2." (a skipped link is still pending)"""
    left = total - tally["alive"] - tally["broken"]
    return (f"\n{plural(tally['alive'], 'vivo', 'vivos')}, "
            f"{plural(tally['broken'], 'roto', 'rotos')}, "
            f"{plural(tally['s'], 'saltado', 'saltados')}; quedan pendientes: {left}.")
