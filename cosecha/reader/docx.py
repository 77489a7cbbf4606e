"""A .docx report (Word) read into lines with python-docx: one line per paragraph and per line
break inside it, one per table row (cells joined by TAB, a vertically merged cell showing the
text of the cell it continues), paragraphs in a heading style marked, external hyperlinks on
the line of their visible text.
"""

from __future__ import annotations

import io

from .document import (
    BAD_DOCX,
    HEADING_STYLES,
    ZIP_ERRORS,
    Extracted,
    ReadError,
    add_target,
    check_zip,
    split_lines,
)

NOT_WORD = "no es un .docx válido (no contiene un documento de Word)"


def extract_docx(data: bytes) -> Extracted:
    from lxml import etree

    extracted = Extracted([])
    document = _open_docx(data)
    try:
        headings = _heading_styles(document)
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                _add_table(extracted, block)
            else:
                _add_paragraph(extracted, block, headings)
    except (KeyError, ValueError, etree.LxmlError) as err:  # e.g. a hyperlink to a missing rel
        raise ReadError(BAD_DOCX) from err
    return extracted


def _open_docx(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    check_zip(data)
    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as err:
        raise ReadError(NOT_WORD) from err
    except (*ZIP_ERRORS, KeyError, AttributeError, TypeError, etree.LxmlError) as err:
        # python-docx lets these escape on a package with missing or malformed parts
        raise ReadError(NOT_WORD if "not a Word file" in str(err) else BAD_DOCX) from err


def _add_paragraph(extracted: Extracted, paragraph, headings: dict[str | None, bool]) -> None:
    first = len(extracted.lines) + 1
    parts = split_lines(_text(paragraph._p)) or [""]
    extracted.lines.extend(parts)
    if headings.get(paragraph._p.style, headings[None]):
        extracted.heading_lines.add(first)
    for url, text in _hyperlinks(paragraph._p, paragraph.part):
        add_target(extracted, url, text, first, parts)


# What python-docx's `paragraph.text` reads, read here in one pass over the XML: its XPath
# query per run made a table-heavy report cost three times as much.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _text(element) -> str:
    """The text of a w:p (its runs and hyperlinks' runs) or of a w:hyperlink (its runs)."""
    parts = []
    for child in element:
        if child.tag == f"{_W}r":
            parts.append(_run_text(child))
        elif child.tag == f"{_W}hyperlink" and element.tag == f"{_W}p":
            parts.append(_text(child))
    return "".join(parts)


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag == f"{_W}br":
            parts.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        else:
            parts.append(_RUN_TEXT.get(child.tag, ""))
    return "".join(parts)


def _hyperlinks(p, part) -> list[tuple[str, str]]:
    """(target, visible text) of a w:p's external hyperlinks; a missing relationship raises
    KeyError (a damaged file)."""
    return [(part.rels[link.get(_R_ID)].target_ref, _text(link))
            for link in p.iterchildren(f"{_W}hyperlink") if link.get(_R_ID)]


def _heading_styles(document) -> dict[str | None, bool]:
    """Paragraph style id -> whether it is a heading style (None: the default style), read
    once: python-docx's `paragraph.style` looks for the styles part among all the relationships
    and for the style among all the styles, for every paragraph (hours on a .docx with thousands
    of styles). Same rules: an unknown id is the default style."""
    headings: dict[str | None, bool] = {None: False}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        if style.get(f"{_W}type", "paragraph") != "paragraph":
            continue
        name = style.find(f"{_W}name")
        heading = (name.get(f"{_W}val", "") if name is not None else "").lower().startswith(
            HEADING_STYLES)
        headings.setdefault(style.get(f"{_W}styleId"), heading)
        if style.get(f"{_W}default") in ("1", "true", "on"):
            headings[None] = heading
    return headings


def _add_table(extracted: Extracted, table) -> None:
    above: dict[int, object] = {}  # grid column -> the cell whose text it shows, in the row above
    for row in table.rows:
        cells, above = _row_cells(row, table, above)
        paragraphs = [list(cell._tc.iterchildren(f"{_W}p")) for cell in cells]
        line = "\t".join(" ".join(split_lines("\n".join(_text(p) for p in mine)))
                         for mine in paragraphs)
        extracted.lines.append(line)
        number = len(extracted.lines)
        for p in (p for mine in paragraphs for p in mine):
            for url, text in _hyperlinks(p, table.part):
                add_target(extracted, url, text, number, [line])


def _row_cells(row, table, above: dict[int, object]) -> tuple[list, dict[int, object]]:
    """The row's cells, each once; a vertically merged cell shows the text of the cell it
    continues. Never `row.cells`: it repeats a cell once per grid column it spans, and a
    `gridSpan` of 1,500,000,000 exhausts the memory."""
    from docx.table import _Cell

    cells, shown, column = [], {}, row.grid_cols_before
    for tc in row._tr.tc_lst:
        cell = above.get(column) if tc.vMerge == "continue" else None
        if cell is None:
            cell = _Cell(tc, table)
        shown[column] = cell
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
        column += tc.grid_span
    return cells, shown
