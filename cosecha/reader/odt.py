"""A .odt report (LibreOffice, OpenOffice) read into the same lines as a .docx: one line per
paragraph and per line break inside it, one per table row (cells joined by TAB), headings
(`text:h`, or a paragraph in a style named like a heading) marked, hyperlinks (`text:a`) on the
line of their text. As in a .docx, notes, comments, text frames, tracked deletions and indexes
(a table of contents repeats the headings) are not read, nor tables inside table cells.

Read with odfdo, which opens the package (refusing zip bombs) and parses its XML; the text
itself is walked here, because odfdo's text expands a `text:s` of a billion spaces and writes
hyperlinks as Markdown.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field

from .document import (
    HEADING_STYLES,
    ZIP_ERRORS,
    Extracted,
    ReadError,
    add_target,
    check_zip,
    split_lines,
)

BAD_ODT = "no es un .odt válido (archivo dañado)"
NOT_WRITER = "no es un .odt válido (no contiene un documento de texto)"
ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text",
                 "application/vnd.oasis.opendocument.text-template")
MAX_REPEAT = 100  # a repeated space, cell or row counts at most this many times

PARAGRAPHS = ("text:p", "text:h")
# what holds paragraphs and tables in the body; anything else (indexes, frames...) is not read
CONTAINERS = ("text:list", "text:list-item", "text:list-header", "text:section",
              "text:numbered-paragraph")
ROW_GROUPS = ("table:table-header-rows", "table:table-rows", "table:table-row-group")
CELLS = ("table:table-cell", "table:covered-table-cell")
UNREAD_INLINE = ("text:note", "office:annotation", "draw:frame", "draw:a", "text:ruby-text")


def extract_odt(data: bytes) -> Extracted:
    from lxml import etree
    from odfdo.security import SecurityError

    check_zip(data, BAD_ODT)
    try:
        document, styled = _open(data)
        reader = _Reader(styled, Extracted([]))
        reader.blocks(document.body)
    except (*ZIP_ERRORS, KeyError, TypeError, AttributeError, RecursionError, SecurityError,
            etree.LxmlError) as err:  # what odfdo and lxml let escape on a damaged package
        raise ReadError(BAD_ODT) from err
    return reader.extracted


def _open(data: bytes) -> tuple[object, list]:
    """The document, and its parts that hold paragraph styles (styles.xml is optional)."""
    from odfdo import Document

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "mimetype" not in names or "content.xml" not in names:
            raise ReadError(BAD_ODT)
        if archive.read("mimetype").decode("ascii", "replace").strip() not in ODT_MIMETYPES:
            raise ReadError(NOT_WRITER)
    document = Document(io.BytesIO(data))
    return document, [document.content] + ([document.styles] if "styles.xml" in names else [])


@dataclass
class _Reader:
    styled: list  # the parts holding paragraph styles
    extracted: Extracted
    headings: dict[str, bool] = field(default_factory=dict)  # style name -> a heading style

    def blocks(self, element) -> None:
        for child in element.children:
            if child.tag in PARAGRAPHS:
                self.paragraph(child)
            elif child.tag == "table:table":
                self.table(child)
            elif child.tag in CONTAINERS:
                self.blocks(child)

    def paragraph(self, element) -> None:
        text, links = _inline(element)
        first = len(self.extracted.lines) + 1
        parts = split_lines(text) or [""]
        self.extracted.lines.extend(parts)
        if element.tag == "text:h" or self.heading_style(element.get_attribute("text:style-name")):
            self.extracted.heading_lines.add(first)
        for url, shown in links:
            add_target(self.extracted, url, shown, first, parts)

    def heading_style(self, name) -> bool:
        """Whether a paragraph style, or the style an automatic one derives from, is named like
        a heading (a style "Título fase" the author made)."""
        if not isinstance(name, str):
            return False
        if name not in self.headings:
            styles = (part.get_style("paragraph", name) for part in self.styled)
            style = next((found for found in styles if found is not None), None)
            parent = style.get_attribute("style:parent-style-name") if style is not None else None
            names = [name, parent if isinstance(parent, str) else ""]
            self.headings[name] = any(n.lower().startswith(HEADING_STYLES) for n in names)
        return self.headings[name]

    def table(self, table) -> None:
        above = _Spans()
        for row in _rows(table):
            cells, above = _row_cells(row, above)
            texts = [_cell_text(cell) for cell in cells]
            line = "\t".join(" ".join(split_lines(text)) for text, _ in texts)
            for _ in range(_count(row, "table:number-rows-repeated")):
                self.extracted.lines.append(line)
                for url, shown in (link for _, links in texts for link in links):
                    add_target(self.extracted, url, shown, len(self.extracted.lines), [line])


def _rows(table):
    for child in table.children:
        if child.tag == "table:table-row":
            yield child
        elif child.tag in ROW_GROUPS:
            yield from _rows(child)


@dataclass
class _Spans:
    """The cells of a row by the grid columns they cover: [starts[i], ends[i]) shows cells[i]."""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    cells: list = field(default_factory=list)

    def add(self, start: int, end: int, cell) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.cells.append(cell)

    def at(self, column: int):
        index = bisect_right(self.starts, column) - 1
        return self.cells[index] if index >= 0 and column < self.ends[index] else None


def _row_cells(row, above: _Spans) -> tuple[list, _Spans]:
    """The row's cells, each once (repeated ones as often as they repeat); a covered cell under
    a cell spanning rows shows that cell's text, as a vertically merged .docx cell does, and one
    covered by a cell of its own row adds nothing. Spans are never expanded column by column:
    `table:number-columns-spanned` can say a billion."""
    cells, shown, column = [], _Spans(), 0
    for element in (child for child in row.children if child.tag in CELLS):
        repeat = _count(element, "table:number-columns-repeated", cap=None)
        if element.tag == "table:table-cell":
            width = _count(element, "table:number-columns-spanned", cap=None)
            cells.extend([element] * min(repeat, MAX_REPEAT))
            shown.add(column, column + width * repeat, element)
        elif shown.at(column) is None:
            cell = above.at(column)
            if cell is not None and (not cells or cells[-1] is not cell):
                cells.append(cell)
            shown.add(column, column + repeat, cell)
        column += repeat  # the columns a span covers hold covered cells of their own
    return cells, shown


def _cell_text(cell) -> tuple[str, list[tuple[str, str]]]:
    """A cell's paragraphs (in lists and sections too; not tables inside it), one per line."""
    texts, links = [], []
    for element in _cell_paragraphs(cell):
        text, found = _inline(element)
        texts.append(text)
        links.extend(found)
    return "\n".join(texts), links


def _cell_paragraphs(element):
    for child in element.children:
        if child.tag in PARAGRAPHS:
            yield child
        elif child.tag in CONTAINERS:
            yield from _cell_paragraphs(child)


def _inline(element) -> tuple[str, list[tuple[str, str]]]:
    """A paragraph's text (a line break is a new line) and its hyperlinks as (target, text)."""
    pieces: list[str] = []
    links: list[tuple[str, str]] = []
    _walk(element, pieces, links)
    return "".join(pieces), links


def _walk(element, pieces: list[str], links: list[tuple[str, str]]) -> None:
    tag = element.tag
    if tag == "text:s":
        pieces.append(" " * _count(element, "text:c"))
    elif tag == "text:tab":
        pieces.append("\t")
    elif tag == "text:line-break":
        pieces.append("\n")
    elif tag not in UNREAD_INLINE:
        start = len(pieces)
        pieces.append(element.text)
        for child in element.children:
            _walk(child, pieces, links)
            pieces.append(child.tail or "")
        url = element.get_attribute("xlink:href") if tag == "text:a" else None
        if isinstance(url, str):
            links.append((url, "".join(pieces[start:])))


def _count(element, attribute: str, cap: int | None = MAX_REPEAT) -> int:
    """A repetition or span attribute: at least 1, at most `cap`."""
    value = element.get_attribute(attribute)
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else 1
    return max(1, number if cap is None else min(number, cap))
