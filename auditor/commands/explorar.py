"""`auditor explorar`: the store in a browser, through datasette, on this machine only."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from cosecha.cli_kit.options import add_store_option, store_path

from ..exploration import metadata_for

ORDER = 70
HELP = "abre la base en el navegador con datasette (solo en esta máquina)"
DESCRIPTION = """\
Inicia datasette sobre la base, con las consultas preparadas ("Enlaces rotos", "Cambios
recientes", "Cobertura por informe") escritas para esa base, sea cual sea su nombre, y solo
en 127.0.0.1. datasette es opcional: pip install -e '.[explorar]'."""
INSTALL = ("datasette no está instalado; instálelo con: pip install -e '.[explorar]' "
           "(o pip install datasette)")


def register(subparsers) -> None:
    parser = subparsers.add_parser("explorar", help=HELP, description=DESCRIPTION)
    add_store_option(parser)
    parser.add_argument("--puerto", metavar="N", type=int, default=8001,
                        help="puerto local en el que escucha (por defecto 8001)")
    parser.set_defaults(run=run)


def run(args) -> int:
    db = Path(store_path(args))
    if not db.is_file():
        print(f"error: {db}: la base no existe", file=sys.stderr)
        return 2
    datasette = shutil.which("datasette", path=_search_path())
    if datasette is None:
        print(f"error: {INSTALL}", file=sys.stderr)
        return 2
    metadata = _written(metadata_for(db))
    command = [datasette, "serve", str(db), "--metadata", metadata, "--host", "127.0.0.1",
               "--port", str(args.puerto)]
    try:
        os.execv(datasette, command)
    except OSError as problem:
        print(f"error: {datasette}: no se pudo iniciar ({problem.strerror})", file=sys.stderr)
    return 2


def _search_path() -> str:
    """PATH, with this interpreter's own bin first (datasette installed beside auditor)."""
    return os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def _written(metadata: dict) -> str:
    handle, path = tempfile.mkstemp(prefix="cosecha-datasette-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(metadata, file, ensure_ascii=False)
    return path
