"""Hostile reports (issue 14): files small on disk that cost hours or gigabytes to read. Each is
either read cheaply now (the quadratic paths are gone) or stopped by the reading limits
(`--limite-lectura`, 512 MB) as an unreadable report, and the other reports of the run are
read and audited as usual. Every file is generated here."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
import zlib

import pytest

from auditor.cli import main as auditor
from cosecha.cli import main as cosecha
from cosecha.reader.extract import extract_bytes
from cosecha.reader.sandbox import MEMORY_TEXT, time_limit_text

X_POST = "https://x.com/CNE_StaElena/status/1935399367130657167"
GOOD = f"Informe de difusión 2024\nX: 1 publicación\n{X_POST}\n"

# --- .docx, written part by part ----------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
TYPES = f"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{OOXML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{OOXML}.styles+xml"/></Types>"""


def docx_bytes(body: str, styles: str = "", links: int = 0) -> bytes:
    """A .docx with this body and these styles, and `links` hyperlink relationships rL0..."""
    rels = [f'<Relationship Id="rSt" Type="{R}/styles" Target="styles.xml"/>']
    rels += [f'<Relationship Id="rL{i}" Type="{R}/hyperlink" TargetMode="External" '
             f'Target="https://x.com/CNE_StaElena/status/{10**18 + i}"/>' for i in range(links)]
    parts = {
        "[Content_Types].xml": TYPES,
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
                       f'Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{PACKAGE}">{"".join(rels)}'
                                        "</Relationships>",
        "word/document.xml": f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}'
                             "</w:body></w:document>",
        "word/styles.xml": f'<w:styles xmlns:w="{W}">{styles}</w:styles>',
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return output.getvalue()


def paragraph(text: str, style: str | None = None, inner: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r>{inner}</w:p>"


def many_styles_docx(styles: int, paragraphs: int) -> bytes:
    """Thousands of styles, a heading style last; paragraphs in it, in the last style or none."""
    named = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Estilo {i}"/>'
                    "</w:style>" for i in range(styles))
    named += '<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="heading 1"/></w:style>'
    body = paragraph("A. Difusión", "Ttulo1")
    body += "".join(paragraph(f"texto {i}", f"S{styles - 1}" if i % 2 else None)
                    for i in range(paragraphs))
    return docx_bytes(body, named)


def many_links_docx(links: int, relationships: int) -> bytes:
    """`links` paragraphs with a hyperlink each, among `relationships` relationships."""
    body = "".join(paragraph("X:", inner=f'<w:hyperlink r:id="rL{i}"><w:r><w:t>ver</w:t></w:r>'
                                         "</w:hyperlink>") for i in range(links))
    return docx_bytes(body, links=relationships)


def wide_cell_docx() -> bytes:
    """A table cell saying it spans 1,500,000,000 grid columns."""
    row = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1500000000"/></w:tcPr><w:p><w:r>'
           "<w:t>Facebook</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5 publicaciones</w:t>"
           "</w:r></w:p></w:tc></w:tr>")
    return docx_bytes(paragraph("Informe de difusión") +
                      f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{row}</w:tbl>")


# --- .pdf, written object by object --------------------------------------------------------

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; 1 is the catalog) and its cross-references."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n%s\nendstream" % (
        len(packed), entries, packed)


def page(contents: int, resources: bytes, extra: bytes = b"") -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources %s %s >>" % (contents, resources, extra))


def form_drawn_millions_pdf() -> bytes:
    """A page drawing a form 500,000 times, the form showing a word 5,000 times: a few KB."""
    resources = b"<< /Font << /F1 3 0 R >> /XObject << /Fm0 5 0 R >> >>"
    form = stream(b"BT /F1 12 Tf 72 700 Td (x) Tj ET\n" * 5000,
                  b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                  b"/Resources << /Font << /F1 3 0 R >> >>")
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>", FONT,
                      stream(b"BT /F1 12 Tf 72 720 Td (Informe) Tj ET\n" + b"/Fm0 Do\n" * 500_000),
                      form, page(4, resources)])


def pages_sharing_links_pdf(pages: int, links: int) -> bytes:
    """`pages` pages, each pointing at the same array of `links` link annotations."""
    first_page = 6 + links
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    annotations = [b"<< /Type /Annot /Subtype /Link /Rect [70 %d 400 %d] /A << /S /URI "
                   b"/URI (https://x.com/CNE_StaElena/status/%d) >> >>"
                   % (690 - i % 40, 700 - i % 40, 10**18 + i) for i in range(links)]
    shared = page(4, b"<< /Font << /F1 3 0 R >> >>", b"/Annots 5 0 R")
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), FONT,
                      stream(b"BT /F1 12 Tf 72 700 Td (X: enlaces) Tj ET"),
                      b"[%s]" % b" ".join(b"%d 0 R" % (6 + i) for i in range(links)),
                      *annotations, *[shared] * pages])


# --- helpers -------------------------------------------------------------------------------


def leer_json(capsys, *args) -> tuple[int, dict, str]:
    """`auditor leer --formato json`: exit code, the reports read by name, stderr."""
    code = auditor(["leer", "--formato", "json", *map(str, args)])
    out, err = capsys.readouterr()
    return code, {report["source"]: report for report in json.loads(out)}, err


def links_in(report: dict) -> list[str]:
    return [link["url"] for phase in report["phases"] for link in phase["links"]]


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "bueno.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# --- the time limit ---------------------------------------------------------------------------


def test_a_form_drawn_millions_of_times_stops_at_the_time_limit_and_the_rest_is_read(
        tmp_path, good, capsys):
    hostile = tmp_path / "formulario.pdf"
    hostile.write_bytes(form_drawn_millions_pdf())
    start = time.monotonic()
    code, reports, err = leer_json(capsys, hostile, good, "--limite-lectura", "1")
    assert time.monotonic() - start < 10
    assert code == 2
    assert f"error: {hostile}: {time_limit_text(1)}" in err
    assert "demasiado grande o complejo para leerlo (límite de 1 s)" in err
    assert links_in(reports[str(good)]) == [X_POST]


def test_standard_input_is_read_within_the_limit_too(tmp_path, good, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(form_drawn_millions_pdf())))
    code = cosecha(["-", str(good), "--sin-red", "--db", str(tmp_path / "c.db"),
                    "--limite-lectura", "1", "--formato", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"error: -: {time_limit_text(1)}" in err
    assert [outcome["url"] for outcome in json.loads(out)] == [X_POST]


def test_the_memory_limit_makes_a_report_unreadable_not_the_command_die(tmp_path, good, capsys):
    """16 million two-letter lines: 48 MB on disk, over a gigabyte as a list of lines."""
    hostile = tmp_path / "lineas.txt"
    hostile.write_bytes(b"ab\n" * 16_000_000)
    code, reports, err = leer_json(capsys, hostile, good)
    assert code == 2
    assert f"error: {hostile}: {MEMORY_TEXT}" in err
    assert "(límite de 512 MB de memoria)" in err
    assert list(reports) == [str(good)]


# --- once quadratic, now cheap ------------------------------------------------------------


def test_thousands_of_styles_are_looked_up_once(tmp_path, capsys):
    data = many_styles_docx(2000, 5000)
    hostile = tmp_path / "estilos.docx"
    hostile.write_bytes(data)
    code, _reports, err = leer_json(capsys, hostile, "--limite-lectura", "5")
    assert (code, err) == (0, "")
    extracted = extract_bytes(data, "docx")
    assert len(extracted.lines) == 5001
    assert extracted.heading_lines == {1}  # the heading style, found among 2,000 others


def test_hyperlinks_among_many_relationships_are_read_in_time(tmp_path, capsys):
    hostile = tmp_path / "enlaces.docx"
    hostile.write_bytes(many_links_docx(2000, relationships=50_000))
    code, reports, err = leer_json(capsys, hostile, "--limite-lectura", "5")
    assert (code, err) == (0, "")
    assert len(links_in(reports[str(hostile)])) == 2000


def test_a_long_run_of_one_letter_is_read_in_time(tmp_path, good, capsys):
    hostile = tmp_path / "letras.txt"
    hostile.write_text("Informe\n" + "A" * 100_000 + "\nSanta Elena, 23 de julio de 2025\n")
    code, reports, err = leer_json(capsys, hostile, good, "--limite-lectura", "5")
    assert (code, err) == (0, "")
    assert reports[str(hostile)]["report_date"] == "2025-07-23"


def test_a_cell_spanning_a_billion_columns_is_one_cell(tmp_path, good, capsys):
    hostile = tmp_path / "celda.docx"
    hostile.write_bytes(wide_cell_docx())
    code, _reports, err = leer_json(capsys, hostile, good)
    assert (code, err) == (0, "")
    assert extract_bytes(wide_cell_docx(), "docx").lines == [
        "Informe de difusión", "Facebook\t5 publicaciones"]


def test_pages_sharing_one_array_of_links_read_each_link_once(tmp_path, good, capsys):
    hostile = tmp_path / "anotaciones.pdf"
    hostile.write_bytes(pages_sharing_links_pdf(pages=1000, links=1000))
    code, reports, err = leer_json(capsys, hostile, good, "--limite-lectura", "10")
    assert (code, err) == (0, "")
    links = links_in(reports[str(hostile)])
    assert len(links) == len(set(links)) == 1000


# --- --salida is never one of the reports -------------------------------------------------


@pytest.mark.parametrize("command", ["revisar", "cosecha"])
def test_an_output_that_is_an_input_report_is_refused(tmp_path, good, capsys, command):
    before = good.read_bytes()
    run = auditor if command == "revisar" else cosecha
    args = [str(tmp_path), "--sin-red", "--db", str(tmp_path / "c.db"), "--salida", str(good)]
    code = run(["revisar", *args] if command == "revisar" else args)
    assert code == 2
    assert f"error: {good}: es uno de los informes; no se sobrescribe" in capsys.readouterr().err
    assert good.read_bytes() == before


# --- all at once, unattended --------------------------------------------------------------


@pytest.mark.lento
def test_the_nightly_run_over_every_hostile_report_publishes_and_audits_the_good_one(tmp_path):
    folder = tmp_path / "informes"
    folder.mkdir()
    (folder / "bueno.txt").write_text(GOOD, encoding="utf-8")
    files = {"formulario.pdf": form_drawn_millions_pdf(),
             "estilos.docx": many_styles_docx(20_000, 200_000),
             "enlaces.docx": many_links_docx(100_000, relationships=100_000),
             "letras.txt": ("Informe\n" + "A" * 100_000 + "\n").encode(),
             "celda.docx": wide_cell_docx(),
             "anotaciones.pdf": pages_sharing_links_pdf(pages=99_000, links=1000),
             "lineas.txt": b"ab\n" * 16_000_000}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "publicado"
    run = subprocess.run([sys.executable, "-m", "auditor.cli", "nocturno", str(folder), "--db",
                          str(tmp_path / "c.db"), "--sin-red", "--salida-dir", str(out),
                          "--limite-lectura", "5"], capture_output=True, text=True)
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    published = json.loads((out / "ultimo.json").read_text(encoding="utf-8"))
    audits = {report["source"].rsplit("/", 1)[-1]: report for report in published["reports"]}
    assert set(audits) == {"bueno.txt", *files}
    assert not any(f["code"] == "unreadable_report" for f in audits["bueno.txt"]["findings"])
    unreadable = {name for name, audit in audits.items()
                  if any(f["code"] == "unreadable_report" for f in audit["findings"])}
    assert {"formulario.pdf", "lineas.txt"} <= unreadable
    assert {"letras.txt", "celda.docx"}.isdisjoint(unreadable)  # the rest: read or too much
