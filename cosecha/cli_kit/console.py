"""Text for a terminal, a file or a pipe: rich tables and JSON, coloured only for a person."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from collections.abc import Iterable, Sequence

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table

from cosecha.security import visible

PLAIN_WIDTH = 200  # files and pipes: wide enough that tables keep one line per row


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
