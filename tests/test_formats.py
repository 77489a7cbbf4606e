""".docx and .pdf reports, written by the tests: text, tables, headings, hyperlink targets."""

from __future__ import annotations

import io
import random
import re

import docx
import pytest
from documents import add_hyperlink, make_pdf
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from cosecha.reader.document import ReadError
from cosecha.reader.extract import extract_bytes, extract_path
from cosecha.reader.links import scan_links

X_POST = "https://x.com/CNE_StaElena/status/1935399367130657167"
FB_POST = "https://www.facebook.com/share/p/1FFHYCBvYd/"
YT_VIDEO = "https://youtu.be/FVxRBZKWRe4"


# --- fixtures -----------------------------------------------------------------------------


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Informe de difusión 2024")  # line 1
    document.add_heading("A. Difusión de aportes", level=1)  # line 2
    paragraph = document.add_paragraph("X (antes Twitter): ")  # line 3
    add_hyperlink(paragraph, X_POST, "ver publicación")
    paragraph = document.add_paragraph("primera parte")  # lines 4 and 5: a line break
    paragraph.add_run().add_break()
    paragraph.add_run("segunda\u00a0parte, ")
    add_hyperlink(paragraph, YT_VIDEO, "video de la sesión")
    table = document.add_table(rows=2, cols=3)  # lines 6 and 7
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "Red", "Cuenta", "N"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Facebook"
    table.cell(1, 2).text = "5 "
    add_hyperlink(table.cell(1, 2).paragraphs[0], FB_POST, "enlace")
    paragraph = document.add_paragraph()  # line 8: the visible text is the target itself
    add_hyperlink(paragraph, X_POST, X_POST)
    document.add_paragraph("Título 2 en español", style="Heading 2")  # line 9
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


PDF_PAGES = [
    (["Informe trimestral", "Fase A", "X: ver la publicacion", "texto final"], {2: X_POST}),
    (["Segunda pagina", "Facebook: enlace aqui", "Video " + YT_VIDEO], {1: FB_POST, 2: YT_VIDEO}),
]


@pytest.fixture(scope="module")
def docx_data() -> bytes:
    return make_docx()


@pytest.fixture(scope="module")
def pdf_data() -> bytes:
    return make_pdf(PDF_PAGES)


# --- docx ---------------------------------------------------------------------------------


def test_docx_paragraphs_breaks_and_table_rows_are_lines(docx_data):
    assert extract_bytes(docx_data, "docx").lines == [
        "Informe de difusión 2024",
        "A. Difusión de aportes",
        "X (antes Twitter): ver publicación",
        "primera parte",
        "segunda parte, video de la sesión",
        "Red\tCuenta\tN",
        "Facebook\t5 enlace",  # the merged cell once
        X_POST,
        "Título 2 en español",
    ]


def test_docx_hyperlink_targets_sit_on_the_line_of_their_text(docx_data):
    assert extract_bytes(docx_data, "docx").link_targets == {3: [X_POST], 5: [YT_VIDEO],
                                                              7: [FB_POST]}


def test_docx_heading_styles_are_heading_lines(docx_data):
    assert extract_bytes(docx_data, "docx").heading_lines == {2, 9}


def test_docx_links_are_the_targets_once_each(docx_data):
    extracted = extract_bytes(docx_data, "docx")
    found = [(f.url, f.line) for f in scan_links(extracted.lines, extracted.link_targets)]
    assert found == [(X_POST, 3), (YT_VIDEO, 5), (FB_POST, 7), (X_POST, 8)]


def test_docx_suffix_in_any_case(tmp_path, docx_data):
    path = tmp_path / "INFORME.DOCX"
    path.write_bytes(docx_data)
    assert extract_path(path).heading_lines == {2, 9}


def test_docx_saved_as_txt_is_still_read_as_docx(tmp_path, docx_data):
    path = tmp_path / "informe.txt"
    path.write_bytes(docx_data)
    assert extract_path(path).lines[0] == "Informe de difusión 2024"


def test_empty_docx_is_empty():
    output = io.BytesIO()
    docx.Document().save(output)
    with pytest.raises(ReadError, match=r"^el archivo está vacío$"):
        extract_bytes(output.getvalue(), "docx")


# --- pdf ----------------------------------------------------------------------------------


def test_pdf_text_of_every_page_in_order(pdf_data):
    assert extract_bytes(pdf_data, "pdf").lines == [*PDF_PAGES[0][0], *PDF_PAGES[1][0]]


def test_pdf_uri_annotations_land_on_the_line_under_them(pdf_data):
    assert extract_bytes(pdf_data, "pdf").link_targets == {3: [X_POST], 6: [FB_POST],
                                                           7: [YT_VIDEO]}


def test_pdf_links_dedupe_a_target_that_is_also_visible(pdf_data):
    extracted = extract_bytes(pdf_data, "pdf")
    found = [(f.url, f.line) for f in scan_links(extracted.lines, extracted.link_targets)]
    assert found == [(X_POST, 3), (FB_POST, 6), (YT_VIDEO, 7)]


def test_pdf_annotation_without_text_under_it_goes_to_the_page_first_line():
    data = make_pdf([(["uno"], {}), (["dos", "tres"], {5: X_POST})])  # rectangle below the text
    assert extract_bytes(data, "pdf").link_targets == {2: [X_POST]}


def test_pdf_malformed_annotation_is_skipped_and_the_rest_read(pdf_data):
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_data)))
    bad = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([TextStringObject("ancho")]),
        NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/URI"),
                                            NameObject("/URI"): TextStringObject(YT_VIDEO)})})
    writer.pages[0]["/Annots"].append(writer._add_object(bad))
    output = io.BytesIO()
    writer.write(output)
    assert extract_bytes(output.getvalue(), "pdf").link_targets == {
        3: [X_POST], 6: [FB_POST], 7: [YT_VIDEO]}


def test_pdf_annotation_on_a_page_without_text_goes_to_the_line_before():
    data = make_pdf([(["uno", "dos"], {}), ([], {0: X_POST})])
    assert extract_bytes(data, "pdf").link_targets == {2: [X_POST]}


def test_pdf_without_text_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    output = io.BytesIO()
    writer.write(output)
    with pytest.raises(ReadError, match="no contiene texto"):
        extract_bytes(output.getvalue(), "pdf")


def test_password_protected_pdf_is_refused(pdf_data):
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_data)))
    writer.encrypt(user_password="secreta", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    with pytest.raises(ReadError, match=r"^el \.pdf está protegido con contraseña$"):
        extract_bytes(output.getvalue(), "pdf")


def test_pdf_reading_is_quiet(pdf_data, capsys, caplog):
    from pypdf import PdfReader

    pointer = re.search(rb"startxref\s+(\d+)", pdf_data)
    repairable = pdf_data[:pointer.start(1)] + b"%d" % (int(pointer.group(1)) + 7) + \
        pdf_data[pointer.end(1):]
    PdfReader(io.BytesIO(repairable))
    assert caplog.records  # pypdf, left alone, warns about this file
    caplog.clear()
    assert extract_bytes(repairable, "pdf").lines[0] == "Informe trimestral"
    with pytest.raises(ReadError):
        extract_bytes(pdf_data[: len(pdf_data) // 2], "pdf")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == "" and not caplog.records


# --- damaged files ------------------------------------------------------------------------


@pytest.mark.parametrize("kind, damage, message", [
    ("docx", lambda data: data[: len(data) // 2], "no es un .docx válido (archivo dañado)"),
    ("docx", lambda data: b"PK\x03\x04" + b"\x00" * 100, "no es un .docx válido (archivo dañado)"),
    ("docx", lambda data: b"esto no es un zip", "no es un .docx válido (archivo dañado)"),
    ("pdf", lambda data: data[: len(data) // 3], "no es un .pdf válido (archivo dañado)"),
    ("pdf", lambda data: b"%PDF-1.4\n" + bytes(range(256)) * 3,
     "no es un .pdf válido (archivo dañado)"),
])
def test_damaged_files_are_refused(docx_data, pdf_data, kind, damage, message):
    data = docx_data if kind == "docx" else pdf_data
    with pytest.raises(ReadError) as err:
        extract_bytes(damage(data), kind)
    assert str(err.value) == message


def test_zip_without_a_word_document_is_not_a_docx():
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match=re.escape("no es un .docx válido")):
        extract_bytes(output.getvalue(), "docx")


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_randomly_damaged_files_are_read_or_refused(docx_data, pdf_data, kind):
    """Truncations, overwritten bytes and cut-out spans: a ReadError, never another exception."""
    original = docx_data if kind == "docx" else pdf_data
    rng = random.Random(f"dañado-{kind}")
    for _ in range(150):
        data = bytearray(original)
        start = rng.randrange(len(data))
        how = rng.randrange(3)
        if how == 0:
            del data[start:]
        elif how == 1:
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            del data[start:start + rng.randrange(1, 300)]
        try:
            extract_bytes(bytes(data), kind)
        except ReadError:
            pass
