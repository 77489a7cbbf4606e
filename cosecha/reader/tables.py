"""Claim tables: a header naming a platform column and a count column, then a row per platform;
or transposed, a header naming the phase column and a column per platform, then a row per phase.

A row is one line: .docx cells joined by TAB, Markdown pipe cells, or a PDF's extracted text
(cells joined by spaces, the platform first). A row named "Total" or "Subtotal" is a total
across platforms. The lines after a row that start no row of their own (a wrapped cell, a link
on the next line) still belong to it, so their links are that platform's.

In a table of phase rows ("Momento | X | FB | Total"), each cell is the phase's claim for its
platform, a Total column the phase's total, and the Total row's cells totals over the table's
phases; in a PDF the counts are the row's last words, as many as the header has columns after
the phase's, so that a phase's name may have any number of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from cosecha.model import Claim
from cosecha.platforms import adapters, platform_named

from .claims import ALL, NUMBER, POSTS, Counted, approximation, parse_count
from .sections import PHASE_WORDS, folded
from .structure import heading_of

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
    """The line's non-empty cells: TAB or pipe separated, else two spaces or more apart."""
    parts = re.split(r" {2,}", line.strip()) if _separator(line) == TEXT else _separated(line)
    return [cell for part in parts if (cell := part.strip(" *_"))]


def _separated(line: str) -> list[str]:
    """Every cell of a TAB or pipe row, the empty ones too, without emphasis marks."""
    parts = line.split("\t") if "\t" in line else line.strip().strip("|").split("|")
    return [part.strip(" *_") for part in parts]  # **Total** is Total


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


def _count_cell(rest: str, platform: str, total: bool = False) -> Counted | None:
    """The count in the cells after the name: the first number that is not part of a link;
    a total when the platform is "all" or `total` says so."""
    text = _URL.sub(" ", rest)
    found = _COUNT_CELL.search(text)
    if found is None or (value := parse_count(found["num"])) is None:
        return None
    return Counted(value, POSTS, platform, approximation(text, *found.span("num")),
                   total=total or platform == ALL)


def as_claim(counted: Counted, line: int, covers: Iterable[str] = ()) -> Claim:
    """The claim a table's count states on its line; `covers` preset when its row says them."""
    return Claim(counted.platform, counted.count, counted.unit, line, covers=list(covers),
                 approximate=counted.approximate)


# --- tables whose rows are phases -----------------------------------------------------------

_PHASE_COLUMN = re.compile(rf"(?:{'|'.join(PHASE_WORDS)})s?\b")  # on folded text: "Momentos"
_TEXT_COUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+|[-–—]")  # a PDF's count cell, "—" for none
_NAMED = re.compile(r"[^\W_]")  # a row's first cell names something
_SPACES = re.compile(r"\s*")


@dataclass(frozen=True)
class PhaseRow:
    """A row of a table whose rows are phases."""

    name: str  # its first cell, the phase it names; "" on the Total row
    counts: tuple[Counted, ...]  # its cells' counts, platform "all" for the Total column
    table: int  # the line of the table's header


@dataclass
class PhaseTables:
    rows: dict[int, PhaseRow] = field(default_factory=dict)  # row line -> row
    lines: set[int] = field(default_factory=set)  # every header and row line


@dataclass(frozen=True)
class _Header:
    line: int
    layout: str  # its cell separator
    columns: tuple[str, ...]  # the platform (or "all") of each column after the phase's


def find_phase_tables(lines: list[str]) -> PhaseTables:
    """Every table of the report whose rows are phases and whose columns are platforms."""
    found = PhaseTables()
    header: _Header | None = None
    for number, line in enumerate(lines, start=1):
        if header is not None:
            header = _phase_line(found, header, number, line)
        if header is None:
            header = _phase_header(number, line)
    return found


def _phase_header(number: int, line: str) -> _Header | None:
    """ "Momento | X | Facebook | Total", "Etapa  X  FB  IG  Total": the phase column first,
    then two columns or more, each a platform or a total."""
    start = line[:70].lower()
    if not any(word in start for word in PHASE_WORDS):
        return None  # the cheap look that almost every line fails
    layout = _separator(line)
    if layout == TEXT:
        first, _, rest = line.strip().partition(" ")
    else:
        first, *rest = _separated(line)
    if len(first) > 40 or not _PHASE_COLUMN.match(folded(first)):
        return None
    columns = _names_in(rest) if layout == TEXT else [_row_name(cell) for cell in rest]
    if len(columns) < 2 or None in columns or set(columns) == {ALL}:
        return None
    return _Header(number, layout, tuple(columns))


def _names_in(text: str) -> list[str | None]:
    """The platform (or "all") of each name a PDF header's words are; None for other words."""
    columns: list[str | None] = []
    at = 0
    while (at := _SPACES.match(text, at).end()) < len(text):
        found = _names().match(text, at)
        if found is None:
            return [None]
        columns.append(_row_name(found["name"]))
        at = found.end()
    return columns


def _phase_line(found: PhaseTables, header: _Header, number: int, line: str
                ) -> _Header | None:
    """Record one line of a table of phase rows; the header while the table goes on."""
    if not line.strip() or (header.layout != TEXT and _separator(line) != header.layout):
        return None
    if _SEPARATOR_ROW.fullmatch(line):
        return header
    cells = _phase_cells(line, header)
    if cells is None:  # in a PDF, a phase's name wrapped on the next line goes on the table
        wrapped = header.layout == TEXT and not _is_prose(line) and not _URL.search(line)
        return header if wrapped and heading_of(line) is None else None
    name, counts = cells
    total = bool(_TOTAL_ROW.match(name)) and len(name) < 30
    row = [_count_cell(cell, platform, total) for cell, platform in zip(counts, header.columns)]
    found.rows[number] = PhaseRow("" if total else name, tuple(c for c in row if c), header.line)
    found.lines |= {header.line, number}
    return None if total else header


def _phase_cells(line: str, header: _Header) -> tuple[str, list[str]] | None:
    """(the first cell, the count cells) of a row with a cell per column of the header."""
    width = len(header.columns)
    if header.layout == TEXT:  # the counts are the last words, the name may have many
        words = line.split()
        name, counts = " ".join(words[:-width]).strip(" *_"), words[-width:]
        if not all(_TEXT_COUNT.fullmatch(word) for word in counts):
            return None
    else:
        name, *counts = _separated(line)
    return (name, counts) if len(counts) == width and _NAMED.search(name) else None


def phase_row_claims(tables: PhaseTables, keys: dict[int, str]) -> list[tuple[Claim, bool]]:
    """The claims of the phase rows, each with its total flag: a row's cover the phase of the
    row (`keys`: row line -> phase key), the Total row's every phase of its table."""
    claims = []
    for number, row in tables.rows.items():
        covers = [keys[number]] if row.name else _table_keys(tables, row.table, keys)
        claims += [(as_claim(counted, number, covers), counted.total) for counted in row.counts]
    return claims


def _table_keys(tables: PhaseTables, table: int, keys: dict[int, str]) -> list[str]:
    """The keys of the phases a table's rows name, in their order."""
    return list(dict.fromkeys(keys[number] for number, row in tables.rows.items()
                              if row.table == table and row.name))
