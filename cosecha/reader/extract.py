"""A report file in, its text lines out: plain text in any common encoding, .docx, .odt and .pdf.
Only the dispatch lives here: the kind of a file (by its suffix, or by its first bytes for a
text name or standard input), the size, emptiness and format checks every file passes, and the
format module that reads it (`text`, `docx`, `odt`, `pdf`).

Line N of a report is `lines[N-1]`: for text, the Nth line as an editor numbers it (CR, LF and
CRLF end a line; form feed and vertical tab do not, `grep -n` does not count them either, so
they become spaces). For .docx and .odt, one line per paragraph, per line break inside a
paragraph and per table row (cells joined by TAB). For .pdf, the lines of each page's text, pages
in order.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .document import EMPTY, MAX_BYTES, TOO_BIG, ZIP_ERRORS, Extracted, ReadError
from .docx import extract_docx
from .odt import extract_odt
from .pdf import NO_PDF_TEXT, extract_pdf
from .text import extract_text

TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".markdown"}
SUFFIX_KINDS = {**dict.fromkeys(TEXT_SUFFIXES, "text"), ".docx": "docx", ".odt": "odt",
                ".pdf": "pdf"}
# documents of word processors not read: always said, never skipped (.pages may be a folder)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OTHER_DOCUMENTS = (".doc", ".rtf", ".wpd", ".pages")

OTHER_DOCUMENT = "formato no admitido: guárdelo como .docx, .odt o .pdf"


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
    readers = {"text": extract_text, "docx": extract_docx, "odt": extract_odt,
               "pdf": extract_pdf}
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
