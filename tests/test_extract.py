"""Plain-text reports: encodings, line ends, spaces, and the files that cannot be read; and
the addresses a .docx or .pdf hyperlink shows but replaces by its target."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_formats import add_hyperlink, make_pdf

from cosecha.reader.document import MAX_BYTES, ReadError
from cosecha.reader.extract import extract_bytes, extract_path, sniff_kind
from cosecha.reader.text import decode_text

SAMPLES = Path(__file__).resolve().parent.parent / "ejemplos"
SPANISH = "Rendición de cuentas: año 2024, niños y señales «ñ» – €5"


def lines_of(data: bytes) -> list[str]:
    return extract_bytes(data, "text").lines


@pytest.mark.parametrize("encoded", [
    SPANISH.encode("utf-8"),
    codecs.BOM_UTF8 + SPANISH.encode("utf-8"),
    SPANISH.encode("utf-16"),  # with BOM, native order
    codecs.BOM_UTF16_LE + SPANISH.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SPANISH.encode("utf-16-be"),
    SPANISH.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-le", "utf16-be", "cp1252"])
def test_every_supported_encoding_reads_the_same_text(encoded):
    assert lines_of(encoded) == [SPANISH]


def test_latin1_bytes_read_as_their_letters():
    assert decode_text("Información pública".encode("latin-1")) == "Información pública"


def test_utf8_with_stray_cp1252_bytes_keeps_both():
    mixed = "Gestión ".encode() + "difusión".encode("cp1252") + " año".encode()
    assert decode_text(mixed) == "Gestión difusión año"


def test_undefined_cp1252_byte_is_replaced_not_fatal():
    assert decode_text(b"abc \x81 def") == "abc \ufffd def"


def test_cr_lf_and_crlf_each_end_a_line():
    assert lines_of(b"uno\rdos\r\ntres\ncuatro") == ["uno", "dos", "tres", "cuatro"]


def test_final_line_end_adds_no_line_but_blank_lines_count():
    assert lines_of(b"uno\n\n\ntres\n") == ["uno", "", "", "tres"]


def test_form_feed_and_other_separators_are_spaces_not_line_ends():
    prose = "texto de un informe exportado a PDF y luego a texto plano " * 3
    text = f"{prose}a\x0cb\x0bc\x1cd\u2028e\u0085f\ng"
    assert lines_of(text.encode("utf-8")) == [f"{prose}a b c d e f", "g"]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2009", "\u3000", "\u2002"])
def test_unicode_spaces_become_plain_spaces(space):
    assert lines_of(f"Se publicaron{space}2{space}345 tuits".encode()) == [
        "Se publicaron 2 345 tuits"]


def test_zero_width_characters_are_removed():
    assert lines_of("https://x.com/a\u200b/status/1\ufeff".encode()) == ["https://x.com/a/status/1"]


def test_tabs_are_kept_as_columns():
    assert lines_of(b"Indicador\t100,00%\t") == ["Indicador\t100,00%\t"]


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                  "\u00a0\n\u3000".encode()])
def test_empty_or_blank_file_is_refused(data):
    with pytest.raises(ReadError, match=r"^el archivo está vacío$"):
        extract_bytes(data, "text")


@pytest.mark.parametrize("data", [
    b"texto\x00con nulos",
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04 algo de texto \x05\x06",
])
def test_binary_bytes_are_refused(data):
    with pytest.raises(ReadError, match="binario"):
        extract_bytes(data, "text")


def test_text_with_a_few_control_characters_is_still_text():
    text = ("línea normal de un informe exportado " * 20 + "\x07\n") * 5
    assert len(lines_of(text.encode())) == 5


def test_oversize_data_is_refused_without_decoding():
    with pytest.raises(ReadError, match="demasiado grande"):
        extract_bytes(b"a" * (MAX_BYTES + 1), "text")


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n...", "pdf"),
    (b"PK\x03\x04 not really a zip", "text"),
    (b"plain text", "text"),
    ("informe".encode("utf-16"), "text"),
])
def test_sniff_kind(data, kind):
    assert sniff_kind(data) == kind


# --- files --------------------------------------------------------------------------------


def test_sample_reports_read_with_their_line_numbers():
    lines = extract_path(SAMPLES / "000_a182aa916ef26d9e.txt").lines
    assert lines[41] == "https://x.com/CNE_StaElena/status/1935399367130657167"  # line 42
    assert len(lines) == 181  # the last line has no line end
    tabs = extract_path(SAMPLES / "004_266fee83d5143ea3.txt").lines
    assert tabs[56] == "Se publicaron 2,345 tuits: "  # line 57, its NBSPs normalised


@pytest.mark.parametrize("name", ["informe.TXT", "informe.md", "informe.Markdown", "informe.text",
                                  "informe"])
def test_text_suffixes_in_any_case_are_read_as_text(tmp_path, name):
    path = tmp_path / name
    path.write_bytes("Fase A\r\nX: 5 publicaciones".encode("cp1252"))
    assert extract_path(path).lines == ["Fase A", "X: 5 publicaciones"]


def test_reading_never_modifies_the_file(tmp_path):
    path = tmp_path / "informe.txt"
    data = codecs.BOM_UTF8 + "Línea\u00a01\r\nLínea 2\r".encode()
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    extract_path(path)
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize("name, message", [
    ("falta.txt", "no existe"),
    ("falta.xls", "no existe"),
])
def test_missing_file(tmp_path, name, message):
    with pytest.raises(ReadError, match=f"^{message}$"):
        extract_path(tmp_path / name)


def test_directory_is_refused(tmp_path):
    (tmp_path / "carpeta.txt").mkdir()
    with pytest.raises(ReadError, match=r"^es una carpeta, no un archivo$"):
        extract_path(tmp_path / "carpeta.txt")


@pytest.mark.parametrize("suffix", [".xls", ".XLSX", ".png"])
def test_unsupported_suffix_names_it(tmp_path, suffix):
    path = tmp_path / f"informe{suffix}"
    path.write_bytes(b"algo")
    with pytest.raises(ReadError) as err:
        extract_path(path)
    assert str(err.value) == f"formato no admitido ({suffix}); use .txt, .md, .docx, .odt o .pdf"


@pytest.mark.parametrize("suffix", [".doc", ".RTF", ".wpd", ".pages"])
def test_other_word_processors_are_asked_to_save_again(tmp_path, suffix):
    path = tmp_path / f"informe{suffix}"
    path.write_bytes(b"algo")
    with pytest.raises(ReadError,
                       match=r"^formato no admitido: guárdelo como \.docx, \.odt o \.pdf$"):
        extract_path(path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "informe.txt"
    path.write_text("texto")

    def refuse(self):  # chmod 0 would not stop root, who may run the tests
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ReadError, match=r"^sin permiso de lectura$"):
        extract_path(path)


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "grande.txt"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(ReadError, match="demasiado grande"):
        extract_path(path)


def test_empty_file_on_disk(tmp_path):
    path = tmp_path / "vacio.md"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match=r"^el archivo está vacío$"):
        extract_path(path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_read_or_refused_never_crash(data):
    try:
        extracted = extract_bytes(data, "text")
    except ReadError as err:
        assert str(err)
        return
    assert any(line.strip() for line in extracted.lines)
    assert all("\n" not in line and "\r" not in line for line in extracted.lines)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
def test_any_utf8_text_keeps_its_line_count(text):
    data = text.encode("utf-8")
    try:
        lines = extract_bytes(data, "text").lines
    except ReadError:
        return
    ends = text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    trailing = text.endswith(("\r", "\n"))
    assert len(lines) == ends + (0 if trailing else 1)


# --- a hyperlink shown as another address -------------------------------------------------

CHANNEL = "https://www.youtube.com/@CNE_Ecuador"
VIDEO = "https://youtu.be/FVxRBZKWRe4"


def test_pdf_link_over_a_shown_address_records_the_address_its_target_replaces():
    data = make_pdf([(["Informe", f"Canal {CHANNEL}", f"Video {VIDEO}"], {1: VIDEO, 2: VIDEO})])
    extracted = extract_bytes(data, "pdf")
    assert extracted.link_targets == {2: [VIDEO], 3: [VIDEO]}
    assert extracted.shown_urls == {2: [CHANNEL]}  # line 3 shows the target itself


def test_docx_hyperlink_shown_as_another_address_records_it():
    document = docx.Document()
    add_hyperlink(document.add_paragraph("Canal: "), VIDEO, CHANNEL)
    add_hyperlink(document.add_paragraph("Video: "), VIDEO, "ver el video")
    output = io.BytesIO()
    document.save(output)
    extracted = extract_bytes(output.getvalue(), "docx")
    assert extracted.link_targets == {1: [VIDEO], 2: [VIDEO]}
    assert extracted.shown_urls == {1: [CHANNEL]}


def test_docx_vertically_merged_cell_shows_its_text_on_each_row_it_spans():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Facebook"
    table.cell(0, 1).text, table.cell(1, 1).text = "a", "b"
    output = io.BytesIO()
    document.save(output)
    assert extract_bytes(output.getvalue(), "docx").lines == ["Facebook\ta", "Facebook\tb"]
