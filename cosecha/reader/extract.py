"""A report file in, its text lines out: plain text in any common encoding, .docx, .odt and .pdf.

Line N of a report is `lines[N-1]`: for text, the Nth line as an editor numbers it (CR, LF and
CRLF end a line; form feed and vertical tab do not, `grep -n` does not count them either, so
they become spaces). For .docx and .odt, one line per paragraph, per line break inside a
paragraph and per table row (cells joined by TAB). For .pdf, the lines of each page's text, pages
in order.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import struct
import unicodedata
import warnings
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .links import line_links

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 4 * MAX_BYTES  # a .docx or .odt inflating beyond this is refused (zip bombs)
TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".markdown"}
SUFFIX_KINDS = {**dict.fromkeys(TEXT_SUFFIXES, "text"), ".docx": "docx", ".odt": "odt",
                ".pdf": "pdf"}
# documents of word processors not read: always said, never skipped (.pages may be a folder)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OTHER_DOCUMENTS = (".doc", ".rtf", ".wpd", ".pages")
# what zipfile raises on a damaged archive
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error)
NOISE_SHARE = 0.02  # more control/undecodable characters than this: not a text file

EMPTY = "el archivo está vacío"
BINARY = "parece un archivo binario, no texto"
TOO_BIG = f"demasiado grande (más de {MAX_BYTES // (1024 * 1024)} MB)"
BAD_DOCX = "no es un .docx válido (archivo dañado)"
NOT_WORD = "no es un .docx válido (no contiene un documento de Word)"
BAD_PDF = "no es un .pdf válido (archivo dañado)"
OTHER_DOCUMENT = "formato no admitido: guárdelo como .docx, .odt o .pdf"
LOCKED_PDF = "el .pdf está protegido con contraseña"
NO_PDF_TEXT = "el .pdf no contiene texto (¿es una imagen escaneada?)"


@dataclass
class Extracted:
    lines: list[str]  # text lines, in reading order; line N of the report is lines[N-1]
    # 1-based line -> hyperlink targets on that line whose visible text differs from the target
    link_targets: dict[int, list[str]] = field(default_factory=dict)
    heading_lines: set[int] = field(default_factory=set)  # .docx paragraphs in a Heading style
    # 1-based line -> URLs in the visible text of a hyperlink (as `links.line_links` finds them)
    # that its target, listed in link_targets, replaces: a channel address shown over a video
    shown_urls: dict[int, list[str]] = field(default_factory=dict)


class ReadError(Exception):
    """Why a file cannot be read: a short Spanish phrase, without the file name."""


def extract_path(path: Path) -> Extracted:
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    try:
        if path.suffix.lower() in OTHER_DOCUMENTS and path.exists():
            raise ReadError(OTHER_DOCUMENT)
        if path.is_dir():
            raise ReadError("es una carpeta, no un archivo")
        if kind is None and path.exists():
            raise ReadError(f"formato no admitido ({path.suffix}); use .txt, .md, .docx, .odt o "
                            ".pdf")
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(TOO_BIG)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no existe") from None
    except PermissionError:
        raise ReadError("sin permiso de lectura") from None
    except OSError as err:
        raise ReadError(f"no se pudo leer ({err.strerror or 'error de lectura'})") from None
    # a .pdf or .docx saved under a text name is still read as what it is
    return extract_bytes(data, sniff_kind(data) if kind == "text" else kind)


def extract_bytes(data: bytes, kind: str) -> Extracted:
    if len(data) > MAX_BYTES:
        raise ReadError(TOO_BIG)
    if not data.strip():
        raise ReadError(EMPTY)
    readers = {"text": _extract_text, "docx": _extract_docx, "odt": _extract_odt,
               "pdf": _extract_pdf}
    extracted = readers[kind](data)
    if not any(line.strip() for line in extracted.lines):
        raise ReadError(NO_PDF_TEXT if kind == "pdf" else EMPTY)
    return extracted


def sniff_kind(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _zip_holds(data, "word/document.xml"):
        return "docx"
    if data.startswith(b"PK\x03\x04") and ODT_MIMETYPE in data[:100]:  # the mimetype comes first
        return "odt"
    return "text"


def _zip_holds(data: bytes, name: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return name in archive.namelist()
    except ZIP_ERRORS:
        return False


# --- text ---------------------------------------------------------------------------------

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
LINE_END = re.compile(r"\r\n|\r|\n")
ZERO_WIDTH = re.compile("[\u200b\ufeff]")
NOISE = re.compile("[\x01-\x08\x0e-\x1f\x7f\ufffd]")  # control characters text files lack


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252, the usual other encoding of reports."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("cosecha.cp1252", _cp1252_fallback)


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not) or UTF-16 with BOM; bytes that are not UTF-8 are read as Windows-1252,
    one by one, so a UTF-8 file with a few Windows-1252 bytes mixed in still reads right."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="cosecha.cp1252")


def _odd_spaces() -> re.Pattern[str]:
    """Unicode spaces and separators other than " ", and control characters but TAB, CR, LF."""
    odd = [chr(code) for code in range(0x3001) if chr(code) not in " \t\r\n"
           and unicodedata.category(chr(code)) in ("Zs", "Zl", "Zp", "Cc")]
    return re.compile("[" + re.escape("".join(odd)) + "]")


ODD_SPACES = _odd_spaces()


def normalise(text: str) -> str:
    """Unicode spaces (NBSP, thin, figure...) and stray control characters become plain spaces."""
    return ODD_SPACES.sub(" ", ZERO_WIDTH.sub("", text))


def split_lines(text: str) -> list[str]:
    lines = LINE_END.split(normalise(text))
    if lines and lines[-1] == "":
        lines.pop()  # the end of the last line, not an extra empty line
    return lines


def _extract_text(data: bytes) -> Extracted:
    text = decode_text(data)
    if _looks_binary(text):
        raise ReadError(BINARY)
    return Extracted(split_lines(text))


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(NOISE.findall(text)) > NOISE_SHARE * len(text)


# --- docx ---------------------------------------------------------------------------------

HEADING_STYLES = ("heading", "título", "titulo")


def _extract_docx(data: bytes) -> Extracted:
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

    _check_zip(data)
    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as err:
        raise ReadError(NOT_WORD) from err
    except (*ZIP_ERRORS, KeyError, AttributeError, TypeError, etree.LxmlError) as err:
        # python-docx lets these escape on a package with missing or malformed parts
        raise ReadError(NOT_WORD if "not a Word file" in str(err) else BAD_DOCX) from err


def _check_zip(data: bytes, damaged: str = BAD_DOCX) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS as err:
        raise ReadError(damaged) from err
    if inflated > MAX_UNZIPPED:
        raise ReadError(f"{damaged[:-1]}: dice ocupar más de {MAX_UNZIPPED // 2**20} MB)")


def _add_paragraph(extracted: Extracted, paragraph, headings: dict[str | None, bool]) -> None:
    first = len(extracted.lines) + 1
    parts = split_lines(_text(paragraph._p)) or [""]
    extracted.lines.extend(parts)
    if headings.get(paragraph._p.style, headings[None]):
        extracted.heading_lines.add(first)
    for url, text in _hyperlinks(paragraph._p, paragraph.part):
        _add_target(extracted, url, text, first, parts)


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
                _add_target(extracted, url, text, number, [line])


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


def _add_target(extracted: Extracted, url: str, text: str, first: int, parts: list[str]) -> None:
    """Record a hyperlink on the line of the paragraph where its visible text sits."""
    url, text = url.strip(), normalise(text).strip()
    if not url or url == text:
        return
    offset = next((i for i, part in enumerate(parts) if text and text in part), 0)
    _add_link(extracted, first + offset, url, text)


def _add_link(extracted: Extracted, line: int, url: str, shown: str) -> None:
    extracted.link_targets.setdefault(line, []).append(url)
    replaced = [found for found in line_links(shown) if found != url]
    if replaced:
        extracted.shown_urls.setdefault(line, []).extend(replaced)


def _extract_odt(data: bytes) -> Extracted:
    from .odt import extract_odt  # imported when needed: it builds on this module

    return extract_odt(data)


# --- pdf ----------------------------------------------------------------------------------
# A URI annotation is placed on the line holding the text inside its rectangle; when that text
# cannot be found (no text drawn there, or the page text reorders it), on the page's first line;
# on a page without text, on the line before it. A malformed annotation is skipped. An annotation
# object shared by several pages is read once, on the first; beyond the caps the rest are skipped.

MAX_PAGE_ANNOTATIONS = 2_000
MAX_ANNOTATIONS = 20_000


@dataclass
class _Chunk:
    text: str
    x: float
    y: float


def _extract_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    extracted = Extracted([])
    seen: set[tuple[int, int]] = set()  # the annotations and /Annots arrays already read
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReadError(LOCKED_PDF)
            for page in reader.pages:
                _add_page(extracted, page, seen)
        except FileNotDecryptedError as err:
            raise ReadError(LOCKED_PDF) from err
        except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
                AssertionError, struct.error, zlib.error, RecursionError, OverflowError,
                UnicodeError) as err:
            # pypdf's own parsing lets these escape on damaged files
            raise ReadError(BAD_PDF) from err
    return extracted


@contextmanager
def _quiet_pypdf():
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _add_page(extracted: Extracted, page, seen: set[tuple[int, int]]) -> None:
    chunks: list[_Chunk] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append(_Chunk(text, x, y))

    lines = split_lines(page.extract_text(visitor_text=visit) or "")
    first = len(extracted.lines) + 1
    extracted.lines.extend(lines)
    placed = _chunk_lines(chunks, lines)
    for uri, box in _uri_annotations(page, seen):
        inside = _inside(box, chunks)
        shown = normalise(" ".join(chunks[i].text for i in inside)).strip()
        index = placed[inside[0]] if inside else _line_of(shown, lines)
        line = first + index if lines else max(first - 1, 1)
        _add_link(extracted, line, uri, shown)


def _uri_annotations(page, seen: set[tuple[int, int]]
                     ) -> list[tuple[str, tuple[float, float, float, float]]]:
    found = []
    for ref in _new_annotations(page, seen):
        try:
            link = _uri_annotation(ref.get_object())
        except (ValueError, TypeError, AttributeError, KeyError, IndexError):
            continue
        if link is not None:
            found.append(link)
    return found


def _new_annotations(page, seen: set[tuple[int, int]]) -> list:
    """The page's annotations not read before, within the caps."""
    refs = page.raw_get("/Annots") if "/Annots" in page else None
    if refs is None or _seen_before(refs, seen):
        return []
    fresh = []
    for ref in (refs.get_object() or [])[:MAX_PAGE_ANNOTATIONS]:
        if len(seen) >= MAX_ANNOTATIONS:
            break
        if not _seen_before(ref, seen):
            fresh.append(ref)
    return fresh


def _seen_before(ref, seen: set[tuple[int, int]]) -> bool:
    """Whether `ref` is an indirect object read before; marks it read. Direct ones never are."""
    if not hasattr(ref, "idnum"):
        return False
    key = (ref.idnum, ref.generation)
    if key in seen:
        return True
    seen.add(key)
    return False


def _uri_annotation(annot) -> tuple[str, tuple[float, float, float, float]] | None:
    action = annot.get("/A")
    action = action.get_object() if action is not None else None
    if annot.get("/Subtype") != "/Link" or not action or action.get("/S") != "/URI":
        return None
    uri = action.get("/URI")
    uri = (uri.decode("latin-1") if isinstance(uri, bytes) else str(uri or "")).strip()
    x1, y1, x2, y2 = (float(n) for n in annot.get("/Rect"))
    return (uri, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))) if uri else None


def _inside(box: tuple[float, float, float, float], chunks: list[_Chunk]) -> list[int]:
    """Indexes of the chunks of text drawn inside a link's rectangle."""
    left, bottom, right, top = box
    slack = 2.0  # text baselines sit a little inside or below a link's rectangle
    return [i for i, c in enumerate(chunks)
            if left - slack <= c.x <= right + slack and bottom - slack <= c.y <= top + slack]


def _chunk_lines(chunks: list[_Chunk], lines: list[str]) -> list[int]:
    """The page line of each chunk: both come in drawing order, so each chunk is on the first
    line from the previous chunk's on that holds its text (text shown twice stays apart)."""
    placed, current = [], 0
    for chunk in chunks:
        text = normalise(chunk.text).strip().split("\n")[0].strip()
        found = next((i for i in range(current, len(lines)) if text in lines[i]), None)
        current = found if found is not None else current
        placed.append(current)
    return placed


def _line_of(text: str, lines: list[str]) -> int:
    """0-based index of the page line holding `text` (or its first word), else 0."""
    for probe in (text, text.split(" ")[0] if text else ""):
        if probe:
            for index, line in enumerate(lines):
                if probe in line:
                    return index
    return 0
