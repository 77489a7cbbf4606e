"""The output options every command that prints rows shares, and where the text goes."""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console, RenderableType

from .security import BIDI_CONTROLS

PLAIN_WIDTH = 200  # files and pipes: wide enough that tables keep one line per row

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


def write_output(text: str, salida: str | None) -> None:
    """Write `text` to the file `salida`, or to standard output when it is None or "-"; a
    final newline is added when missing."""
    if text and not text.endswith("\n"):
        text += "\n"
    if salida in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(salida).write_text(text, encoding="utf-8")


# What moves the cursor, rings, recolours or reorders what a person reads: C0 but TAB and LF
# (ESC, BEL, CR...), DEL, C1, bidi controls and the Unicode line and paragraph separators.
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def visible(text: str) -> str:
    """Untrusted text (from a report, a file name, a platform) with every control character
    shown as `\\uXXXX`: printed, it cannot drive a terminal or reorder a line."""
    return _HIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def json_text(data) -> str:
    """JSON for people and programs: non-ASCII kept readable, control characters escaped
    (JSON escapes C0 itself; `visible` escapes the rest the same way, so the data is intact)."""
    return visible(json.dumps(data, ensure_ascii=False, indent=2))


def to_terminal(salida: str | None) -> bool:
    return salida in (None, "-") and sys.stdout.isatty()


def render(renderables: Iterable[RenderableType], color: bool) -> str:
    """Rich renderables as text: coloured for a terminal, plain for files and pipes.

    Strings are never read as console markup or emoji codes: a title with `[/link]` or
    `[link=...]` is shown as written (styles come only from `Text` objects we build)."""
    width = shutil.get_terminal_size((120, 24)).columns if color else PLAIN_WIDTH
    console = Console(file=io.StringIO(), force_terminal=color, no_color=not color,
                      width=width, highlight=False, markup=False, emoji=False)
    for renderable in renderables:
        console.print(renderable)
    return console.file.getvalue()
