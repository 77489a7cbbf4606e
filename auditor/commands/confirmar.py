"""`auditor confirmar`: a person records what they saw at a link no robot can see."""

from __future__ import annotations

import sys

from cosecha.arguments import add_store_option, store_path
from cosecha.harvest import link_fields, now_iso, targets_for
from datos import StoreError, open_store

ORDER = 30
HELP = "registra una verificación manual de un enlace (vivo o roto)"
DESCRIPTION = """\
Algunas evidencias no las ve ningún robot (Facebook suele mostrarles un muro de inicio de
sesión). Quien revisa abre el enlace y registra lo que vio: queda en el historial con quién,
cuándo y la nota, se muestra como manual en las tablas, y vale hasta que una verificación
automática posterior sea concluyente (vivo o roto)."""

STATES = {"vivo": "alive", "roto": "broken"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("confirmar", help=HELP, description=DESCRIPTION)
    parser.add_argument("url", metavar="URL", help="el enlace tal como aparece en el informe")
    parser.add_argument("--estado", required=True, choices=tuple(STATES),
                        help="lo que se vio: vivo o roto")
    parser.add_argument("--por", required=True, metavar="NOMBRE", help="quién lo verificó")
    parser.add_argument("--nota", metavar="TEXTO", default=None, help="qué se vio (opcional)")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    target = targets_for([args.url])[0]
    if not target.url.lower().startswith(("http://", "https://")):
        print(f"error: {args.url}: no es un enlace http(s)", file=sys.stderr)
        return 2
    try:
        store = open_store(store_path(args))
        try:
            store.record_manual(link=link_fields(target), url=args.url,
                                status=STATES[args.estado], checked_by=args.por,
                                note=args.nota, checked_at=now_iso())
        finally:
            store.close()
    except StoreError as problem:
        print(f"error: {store_path(args)}: {problem}", file=sys.stderr)
        return 2
    print(f"Registrado: {args.url} {args.estado} (manual, por {args.por}).")
    return 0
