"""Options that several `auditor` commands share (this module is not a command): how a report
is compared, for `revisar` and `nocturno`."""

from __future__ import annotations

import argparse

from cosecha.platforms import adapters


def account_rule(value: str) -> tuple[str, str]:
    platform, sep, account = value.partition("=")
    names = [adapter.name for adapter in adapters()]
    if not sep or not account.strip() or platform.strip().lower() not in names:
        raise argparse.ArgumentTypeError(
            f"se esperaba PLATAFORMA=CUENTA con PLATAFORMA entre {', '.join(names)}: {value!r}")
    return platform.strip().lower(), account.strip().lstrip("@")


def add_audit_options(parser: argparse.ArgumentParser) -> None:
    """The comparison options `revisar` and the nightly run share."""
    parser.add_argument("--cuenta", metavar="PLATAFORMA=CUENTA", action="append", default=[],
                        type=account_rule,
                        help="cuenta oficial de la institución en una plataforma (se puede "
                             "repetir); por defecto, la que comparten la mayoría de los enlaces")
    parser.add_argument("--ventana-dias", metavar="N", type=int, default=90,
                        help="días antes del evento en que una publicación aún cuenta "
                             "(por defecto 90)")
