"""A plain-text report (.txt, .md, standard input) read into lines: decoded as UTF-8 (BOM or
not) or UTF-16 with BOM, bytes that are not UTF-8 read as Windows-1252, and refused when it
looks binary (NUL bytes, or too many control or undecodable characters to be text).
"""

from __future__ import annotations

import codecs
import re

from .document import Extracted, ReadError, split_lines

NOISE_SHARE = 0.02  # more control/undecodable characters than this: not a text file

BINARY = "parece un archivo binario, no texto"

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
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


def extract_text(data: bytes) -> Extracted:
    text = decode_text(data)
    if _looks_binary(text):
        raise ReadError(BINARY)
    return Extracted(split_lines(text))


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(NOISE.findall(text)) > NOISE_SHARE * len(text)
