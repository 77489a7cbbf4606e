"""Report documents written by the tests, as Word writes them and exports them to PDF.

A document is a list of blocks, the same for both formats:

    ("heading", text, level)       a Word "Heading N" paragraph (bold and larger in the PDF)
    ("paragraph", text)
    ("paragraph_links", parts)     parts: text, or (visible_text, url) for a hyperlink
    ("table", rows)                rows of cells; a cell is text or a list of lines (each a
                                   text or a (visible_text, url) hyperlink); header row bold

`docx_bytes(blocks)` gives a .docx with real `w:hyperlink` runs; `pdf_bytes(pages)` gives a PDF
laid out like Word's export: each piece of text drawn at its position, table cells at their
column's x on one baseline (pypdf reads a row as its cells joined by spaces), a cell's further
lines on the next baselines, long text wrapped at the column width (URLs cut anywhere), and a
URI annotation over every line fragment of a hyperlink, each with the whole target.
"""

from __future__ import annotations

import io
import textwrap

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfWriter
from pypdf.annotations import Link
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

# --- docx ---------------------------------------------------------------------------------


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """A real w:hyperlink with an external relationship, as Word writes it."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def docx_bytes(blocks: list[tuple]) -> bytes:
    document = docx.Document()
    for kind, content, *rest in blocks:
        if kind == "heading":
            document.add_heading(content, level=rest[0])
        elif kind == "paragraph":
            document.add_paragraph(content)
        elif kind == "paragraph_links":
            _add_parts(document.add_paragraph(), content)
        else:
            _add_table(document, content)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _add_parts(paragraph, parts: list, bold: bool = False) -> None:
    for part in parts:
        if isinstance(part, tuple):
            add_hyperlink(paragraph, part[1], part[0])
        else:
            paragraph.add_run(part).bold = bold


def _add_table(document, rows: list[list]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            lines = _cell_lines(cell)
            paragraphs = table.cell(r, c).paragraphs
            for i, line in enumerate(lines):
                paragraph = paragraphs[0] if i == 0 else table.cell(r, c).add_paragraph()
                _add_parts(paragraph, [line], bold=r == 0)


# --- pdf ----------------------------------------------------------------------------------
# A drawn page is (texts, links): texts as (x, baseline, text, font), links as (rect, url).

LEFT, RIGHT, TOP, BOTTOM = 72, 540, 720, 72
SIZE, LEADING = 11, 14
CHAR = 0.5 * SIZE  # an average Helvetica character, enough to place text and rectangles
FONTS = {"/F1": "/Helvetica", "/F2": "/Helvetica-Bold"}
REGULAR, BOLD = "/F1", "/F2"


def make_pdf(pages: list[tuple[list[str], dict[int, str]]]) -> bytes:
    """Pages of text lines (14 pt apart) with URI links over the given line indexes."""
    return _write_pdf([([(LEFT, 700 - LEADING * i, line, REGULAR) for i, line in enumerate(lines)],
                        [((70, 697 - LEADING * i, 400, 710 - LEADING * i), url)
                         for i, url in links.items()])
                       for lines, links in pages])


def pdf_bytes(pages: list[list[tuple]]) -> bytes:
    """Each page's blocks from the top of a new page; a page that fills up goes on to the next."""
    drawn: list[tuple[list, list]] = []
    for blocks in pages:
        drawn.append(([], []))
        y = TOP
        for line in (line for block in blocks for line in _block_lines(block)):
            if y < BOTTOM:
                drawn.append(([], []))
                y = TOP
            _draw_line(drawn[-1], line, y)
            y -= LEADING
    return _write_pdf(drawn)


def _block_lines(block: tuple) -> list[list[tuple]]:
    """A block as baselines, each a list of (x, text, url or None, font) segments."""
    kind, content, *_ = block
    width = RIGHT - LEFT
    if kind == "heading":
        return [[], *_flow([content], LEFT, width, BOLD)]
    if kind == "paragraph":
        return _flow([content], LEFT, width, REGULAR)
    if kind == "paragraph_links":
        return _flow(content, LEFT, width, REGULAR)
    edges = _columns(content)
    return [baseline for r, row in enumerate(content)
            for baseline in _row_lines(row, edges, BOLD if r == 0 else REGULAR)]


def _columns(rows: list[list]) -> list[float]:
    """Column edges as Word's autofit draws them: each column as wide as its header, the rest
    of the width shared after the longest line of each."""
    header = [(len(_text(_cell_lines(cell)[0])) + 3) * CHAR for cell in rows[0]]
    longest = [max(len(_text(line)) for row in rows for line in _cell_lines(row[c]))
               for c in range(len(rows[0]))]
    spare = max(RIGHT - LEFT - sum(header), 0)
    edges = [LEFT]
    for least, most in zip(header, longest):
        edges.append(edges[-1] + least + spare * most / max(sum(longest), 1))
    return edges


def _cell_lines(cell) -> list:
    return cell if isinstance(cell, list) else [cell]


def _text(part) -> str:
    return part if isinstance(part, str) else part[0]


def _row_lines(row: list, edges: list[float], font: str) -> list[list[tuple]]:
    cells = [[line for item in _cell_lines(cell)
              for line in _flow([item], edges[c], edges[c + 1] - edges[c] - 2 * CHAR, font)]
             for c, cell in enumerate(row)]
    return [[segment for cell in cells if i < len(cell) for segment in cell[i]]
            for i in range(max(len(cell) for cell in cells))]


def _flow(parts: list, x0: float, width: float, font: str) -> list[list[tuple]]:
    """Text and hyperlinks wrapped to the width: words move on whole, a long address is cut."""
    chars = max(int(width / CHAR), 8)
    lines: list[list[tuple]] = [[]]
    x = x0
    for text, url in ((p, None) if isinstance(p, str) else p for p in parts):
        for word in _words(text, chars):
            if x > x0 and x + len(word.rstrip()) * CHAR > x0 + width:
                lines.append([])
                x = x0
            lines[-1].append((x, word, url, font))
            x += len(word) * CHAR
    return lines


def _words(text: str, chars: int) -> list[str]:
    """Words with their trailing space; a word longer than a line in line-long pieces."""
    words = []
    for word in text.split(" "):
        words += textwrap.wrap(word, chars, break_on_hyphens=False) or [""]
        words[-1] += " "
    words[-1] = words[-1][:-1]
    return [word for word in words if word]


def _draw_line(page: tuple[list, list], segments: list[tuple], y: float) -> None:
    texts, links = page
    for x, text, url, font in segments:
        texts.append((x, y, text, font))
        if url and text.strip():
            right = x + len(text.rstrip()) * CHAR
            if links and links[-1][1] == url and abs(links[-1][0][1] - (y - 3)) < 1:
                links[-1] = ((links[-1][0][0], y - 3, right, y + SIZE), url)  # one per line
            else:
                links.append(((x - 1, y - 3, right, y + SIZE), url))


def _write_pdf(drawn: list[tuple[list, list]]) -> bytes:
    writer = PdfWriter()
    fonts = DictionaryObject({NameObject(name): DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject(base),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}) for name, base in FONTS.items()})
    for texts, links in drawn:
        page = writer.add_blank_page(612, 792)
        content = DecodedStreamObject()
        content.set_data("".join(f"BT {font} {SIZE} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm "
                                 f"({_escaped(text)}) Tj ET\n"
                                 for x, y, text, font in texts).encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(content)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        for rect, url in links:
            writer.add_annotation(len(writer.pages) - 1, Link(rect=rect, url=url))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
