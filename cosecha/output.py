"""The output options every command that prints rows shares, and where the text goes."""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import re
import shutil
import stat
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table

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
    final newline is added when missing. A file that cannot be written ends the command like
    a usage error: one line saying why, and exit 2."""
    if text and not text.endswith("\n"):
        text += "\n"
    if salida in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(salida).write_text(text, encoding="utf-8")
    except OSError as problem:
        print(f"error: {os_problem(problem, salida)}", file=sys.stderr)
        raise SystemExit(2) from None


def refuse_output(salida: str | None, sources: Iterable[str] = ()) -> bool:
    """Whether `--salida` must be refused before any work is done: it is one of the reports
    read (`sources`), a folder, or in a folder that is missing or cannot be written. If so,
    says why on one line."""
    problem = _output_problem(salida, [source for source in sources if source != "-"])
    if problem:
        print(f"error: {salida}: {problem}", file=sys.stderr)
    return problem is not None


def _output_problem(salida: str | None, sources: list[str]) -> str | None:
    if salida in (None, "-"):
        return None
    path = Path(salida)
    try:
        if not stat.S_ISDIR(path.parent.stat().st_mode):
            return OS_REASONS[errno.ENOTDIR]
        if path.is_dir():
            return OS_REASONS[errno.EISDIR]
        if path.exists() and any(os.path.exists(source) and os.path.samefile(source, path)
                                 for source in sources):
            return "es uno de los informes; no se sobrescribe"
    except OSError as problem:
        return OS_REASONS.get(problem.errno, OS_REASONS[errno.ENOENT])
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        read_only = os.statvfs(path.parent).f_flag & os.ST_RDONLY
        return OS_REASONS[errno.EROFS if read_only else errno.EACCES]
    return None


OS_REASONS = {
    errno.EROFS: "el disco es de solo lectura",
    errno.EACCES: "no hay permiso para escribir",
    errno.EPERM: "no hay permiso para escribir",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.ENOENT: "no existe la carpeta",
    errno.ENOTDIR: "parte de la ruta no es una carpeta",
    errno.EISDIR: "es una carpeta",
    errno.EEXIST: "apareció un archivo con ese nombre mientras se escribía",
}


def os_problem(problem: OSError, path: str | None = None) -> str:
    """A file that could not be written and why, in Spanish; `path` names it when the error
    does not (a full disk is often told when the file is closed)."""
    reason = OS_REASONS.get(problem.errno, f"error del sistema ({problem.strerror or problem})")
    name = problem.filename or path
    return f"{name}: {reason}" if name else reason


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


def console_for(color: bool) -> Console:
    """A console writing to a string: the terminal's width and colours, or plain and wide.

    Strings are never read as console markup or emoji codes: a title with `[/link]` or
    `[link=...]` is shown as written (styles come only from `Text` objects we build)."""
    width = shutil.get_terminal_size((120, 24)).columns if color else PLAIN_WIDTH
    return Console(file=io.StringIO(), force_terminal=color, no_color=not color,
                   width=width, highlight=False, markup=False, emoji=False)


def render(renderables: Iterable[RenderableType], color: bool) -> str:
    """Rich renderables as text: coloured for a terminal, plain for files and pipes."""
    console = console_for(color)
    for renderable in renderables:
        console.print(renderable)
    return console.file.getvalue()


# How numbers and moments read in Spanish, in every table.

def number(value: float | int) -> str:
    """2345 -> "2.345"; 100.0 -> "100"; 2.5 -> "2,5"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def moment(value: str | None, year: bool = True) -> str:
    """"2026-11-29T07:31:00Z" -> "29/11/2026 02:31" ("29/11 02:31" without the year) in the
    local time zone (TZ); a day alone -> "29/11/2026"; anything else as given."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if len(value) == 10:
        return parsed.strftime("%d/%m/%Y")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime("%d/%m/%Y %H:%M" if year else "%d/%m %H:%M")


# A URL is never wrapped inside: one that does not fit its table goes whole on its own line
# under its row, where it can be read, copied and clicked.

BENEATH = "↓"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_MARKED_ROW = re.compile(f"│ {BENEATH} +│")


def url_table(title: str, headers: Sequence[str], rows: Sequence[tuple], color: bool,
              url_column: int = -1) -> str:
    """A table with a column of URLs: each cell a URL (a str), or the lines to show under its
    row (a list: several URLs). `rows` hold visible text; numbers are the caller's to format."""
    console = console_for(color)
    column = range(len(headers))[url_column]
    without = [_with(row, column, "") for row in rows]
    room = console.width - _width(console, title, headers, column, without)
    room += len(headers[column])
    table = _table(title, headers, column)
    beneath: list[list[str]] = []
    for row in rows:
        url = row[column]
        if isinstance(url, str) and len(url) <= room:
            table.add_row(*row)
            continue
        beneath.append([url] if isinstance(url, str) else url)
        table.add_row(*_with(row, column, BENEATH))
    console.print(table)
    return _with_lines_beneath(console.file.getvalue(), beneath)


def _with(row: tuple, column: int, cell: str) -> tuple:
    return (*row[:column], cell, *row[column + 1:])


def _table(title: str, headers: Sequence[str], column: int) -> Table:
    table = Table(title=title, title_justify="left")
    for index, header in enumerate(headers):
        if index == column:
            table.add_column(header, no_wrap=True, vertical="bottom")
        else:
            table.add_column(header, overflow="fold")
    return table


def _width(console: Console, title: str, headers: Sequence[str], column: int,
           rows: list[tuple]) -> int:
    table = _table(title, headers, column)
    for row in rows:
        table.add_row(*row)
    return Measurement.get(console, console.options, table).maximum


def _with_lines_beneath(text: str, beneath: list[list[str]]) -> str:
    lines, pending = [], iter(beneath)
    for line in text.splitlines():
        lines.append(line)
        if _MARKED_ROW.search(_ANSI.sub("", line)):
            lines += [f"    {url}" for url in next(pending, [])]
    return "\n".join(lines) + "\n"
