"""Claim tables: a header naming a platform column and a count column, then a row per platform.

A row is one line: .docx cells joined by TAB, Markdown pipe cells, or a PDF's extracted text
(cells joined by spaces, the platform first). A row named "Total" or "Subtotal" is a total
across platforms. The lines after a row that start no row of their own (a wrapped cell, a link
on the next line) still belong to it, so their links are that platform's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cosecha.platforms import adapters, platform_named

from .claims import ALL, NUMBER, POSTS, Counted, approximation, parse_count
from .sections import folded

_PLATFORM_COLUMN = re.compile(
    r"\b(?:red(?:es)?(?: sociales?)?|plataformas?|medios?(?: digitales?)?|canal(?:es)?)\b")
_COUNT_COLUMN = re.compile(
    r"(?:^|\s)(?:n\.? ?[º°o]\.?|nro\.?|no\.|numero|cantidad|total|publicaciones|posts)(?=\s|$|\.)")
_TOTAL_ROW = re.compile(r"(?:sub)?total(?:es)?\b", re.IGNORECASE)
_SEPARATOR_ROW = re.compile(r"[\s|:\-–—]*")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MAX_CONTINUATION = 30  # characters, links aside: longer text after a row is prose, not a cell


@dataclass
class Tables:
    claims: dict[int, Counted] = field(default_factory=dict)  # row line -> its claim
    platforms: dict[int, str] = field(default_factory=dict)  # row or continuation line -> label
    rows: set[int] = field(default_factory=set)  # every row line, claim or not


def find_tables(lines: list[str], stops: set[int]) -> Tables:
    """Every claim table of the report; `stops` (headings) end a table."""
    tables = Tables()
    row_platform: str | None = None
    layout = None  # the header's cell separator while in a table
    for number, line in enumerate(lines, start=1):
        if not line.strip() or number in stops:
            layout = None
        elif _is_header(line):
            layout, row_platform = _separator(line), None
        elif layout not in (None, TEXT) and _separator(line) != layout:
            layout = None  # a paragraph after a .docx or Markdown table
        elif layout is not None:
            going_on, row_platform = _add_row(tables, number, line, row_platform)
            layout = layout if going_on else None
    return tables


TEXT = "text"  # cells only spaces apart, as in a PDF's text


def _separator(line: str) -> str:
    return "\t" if "\t" in line else "|" if line.count("|") >= 2 else TEXT


def _add_row(tables: Tables, number: int, line: str, previous: str | None
             ) -> tuple[bool, str | None]:
    """Record one line of a table; (whether the table goes on, the platform in force)."""
    if _SEPARATOR_ROW.fullmatch(line):
        return True, previous
    row = _row(line)
    if row is None:
        if _is_prose(line):
            return False, None
        if previous is not None:  # else the header's own wrapped cells
            tables.platforms[number] = previous
        return True, previous
    platform, counted = row
    tables.rows.add(number)
    if platform != ALL:
        tables.platforms[number] = platform
    if counted is not None:
        tables.claims[number] = counted
    return True, platform


def _is_prose(line: str) -> bool:
    """Longer text than a cell's, links and wrapped pieces of links (one word) aside."""
    rest = _URL.sub("", line).strip()
    return len(rest) > _MAX_CONTINUATION and len(rest.split()) > 1


def _is_header(line: str) -> bool:
    cells = _cells(line)
    if len(cells) < 2:
        return _header_words(folded(line)) if len(line) < 120 else False
    names = [folded(cell) for cell in cells]
    platform = next((i for i, name in enumerate(names) if _PLATFORM_COLUMN.match(name)), None)
    return platform is not None and any(_COUNT_COLUMN.match(name) and i != platform
                                        for i, name in enumerate(names))


def _header_words(text: str) -> bool:
    """A header whose cells the text no longer separates (a PDF): both kinds of column named."""
    platform = _PLATFORM_COLUMN.search(text)
    return (platform is not None and _COUNT_COLUMN.search(text[platform.end():]) is not None
            and not _URL.search(text))


def _cells(line: str) -> list[str]:
    if "\t" in line:
        parts = line.split("\t")
    elif line.count("|") >= 2:
        parts = line.strip().strip("|").split("|")
    else:
        parts = re.split(r" {2,}", line.strip())
    return [part.strip(" *_") for part in parts if part.strip(" *_")]  # **Total** is Total


def _row(line: str) -> tuple[str, Counted | None] | None:
    """(platform or ALL, its count if the row gives one) when the line starts a row: the first
    cell naming a platform or a total (a row number may come before it), then its count."""
    cells = _cells(line)
    if len(cells) < 2:
        cells = list(_leading_name(line.strip()))
    for index, cell in enumerate(cells[:3]):
        platform = _row_name(cell)
        if platform is not None:
            return platform, _count_cell(" \t ".join(cells[index + 1:]), platform)
    return None


def _row_name(cell: str) -> str | None:
    if _TOTAL_ROW.match(cell) and len(cell) < 30:
        return ALL
    return platform_named(cell)


@cache
def _names() -> re.Pattern[str]:
    labels = sorted({n for a in adapters() if not a.fallback for n in a.labels},
                    key=len, reverse=True)
    names = "|".join(map(re.escape, labels))
    return re.compile(rf"(?P<name>(?:sub)?total(?:es)?|{names})(?=\s|:|$)", re.IGNORECASE)


def _leading_name(text: str) -> tuple[str, ...]:
    """A row without cell separators: the platform (or Total) it starts with, and the rest."""
    found = _names().match(text)
    if found is None or _is_prose(text[found.end():]):
        return (text,)  # prose that starts with a name ("Total de publicaciones en...: 16")
    return found["name"], text[found.end():]


_COUNT_CELL = re.compile(rf"(?<![\w/.,:])(?P<num>{NUMBER})(?![\w/.,:]*\w)", re.IGNORECASE)


def _count_cell(rest: str, platform: str) -> Counted | None:
    """The count in the cells after the name: the first number that is not part of a link."""
    text = _URL.sub(" ", rest)
    found = _COUNT_CELL.search(text)
    if found is None or (value := parse_count(found["num"])) is None:
        return None
    return Counted(value, POSTS, platform, approximation(text, *found.span("num")),
                   total=platform == ALL)
