"""A .pdf report read into lines with pypdf: the lines of each page's text, pages in order, and
the targets of its URI link annotations on the line of the text under them; a password-locked
or damaged file is refused with a Spanish reason.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from .document import Extracted, ReadError, add_link, normalise, split_lines

BAD_PDF = "no es un .pdf válido (archivo dañado)"
LOCKED_PDF = "el .pdf está protegido con contraseña"
NO_PDF_TEXT = "el .pdf no contiene texto (¿es una imagen escaneada?)"

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


def extract_pdf(data: bytes) -> Extracted:
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
        add_link(extracted, line, uri, shown)


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
