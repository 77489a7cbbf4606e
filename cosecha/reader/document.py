"""What every report format shares: the `Extracted` lines (with hyperlink targets and heading
lines) each format reader returns, `ReadError` and the Spanish messages more than one reader
raises, the size limits, the zip checks of a .docx or .odt, the splitting of text into normalised
lines, and the recording of a hyperlink on the line where its visible text sits.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field

from ..errors import CosechaError
from .links import line_links

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 4 * MAX_BYTES  # a .docx or .odt inflating beyond this is refused (zip bombs)
# what zipfile raises on a damaged archive
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error)
HEADING_STYLES = ("heading", "título", "titulo")

EMPTY = "el archivo está vacío"
TOO_BIG = f"demasiado grande (más de {MAX_BYTES // (1024 * 1024)} MB)"
BAD_DOCX = "no es un .docx válido (archivo dañado)"


@dataclass
class Extracted:
    lines: list[str]  # text lines, in reading order; line N of the report is lines[N-1]
    # 1-based line -> hyperlink targets on that line whose visible text differs from the target
    link_targets: dict[int, list[str]] = field(default_factory=dict)
    heading_lines: set[int] = field(default_factory=set)  # .docx paragraphs in a Heading style
    # 1-based line -> URLs in the visible text of a hyperlink (as `links.line_links` finds them)
    # that its target, listed in link_targets, replaces: a channel address shown over a video
    shown_urls: dict[int, list[str]] = field(default_factory=dict)


class ReadError(CosechaError):
    """Why a file cannot be read: a short Spanish phrase, without the file name."""


LINE_END = re.compile(r"\r\n|\r|\n")
ZERO_WIDTH = re.compile("[\u200b\ufeff]")


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


def check_zip(data: bytes, damaged: str = BAD_DOCX) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS as err:
        raise ReadError(damaged) from err
    if inflated > MAX_UNZIPPED:
        raise ReadError(f"{damaged[:-1]}: dice ocupar más de {MAX_UNZIPPED // 2**20} MB)")


def add_target(extracted: Extracted, url: str, text: str, first: int, parts: list[str]) -> None:
    """Record a hyperlink on the line of the paragraph where its visible text sits."""
    url, text = url.strip(), normalise(text).strip()
    if not url or url == text:
        return
    offset = next((i for i, part in enumerate(parts) if text and text in part), 0)
    add_link(extracted, first + offset, url, text)


def add_link(extracted: Extracted, line: int, url: str, shown: str) -> None:
    extracted.link_targets.setdefault(line, []).append(url)
    replaced = [found for found in line_links(shown) if found != url]
    if replaced:
        extracted.shown_urls.setdefault(line, []).extend(replaced)
