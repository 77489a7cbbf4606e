"""Folders of reports as offices keep them: .odt read like .docx, other word processors' files
said unreadable, the folder's notes and the office programs' leftovers never mentioned."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from documents import docx_bytes
from odfdo import Cell, Document, Header, Link, Paragraph, Row, Table

from cosecha.reader import ReadError, read_report
from cosecha.reader.extract import extract_bytes

X1 = "https://x.com/CNE_StaElena/status/1935399367130657167"
X2 = "https://x.com/CNE_StaElena/status/1935399367130657177"
X3 = "https://x.com/CNE_StaElena/status/1935399367130657187"
FB = "https://www.facebook.com/share/p/1FFHYCBvYd/"
YT1, YT2 = "https://youtu.be/FVxRBZKWRe4", "https://www.youtube.com/watch?v=vid00000001"
CHANNEL = "https://www.youtube.com/@CNEEcuadorOficial"
UNSUPPORTED = "formato no admitido: guárdelo como .docx, .odt o .pdf"

BLOCKS = [
    ("paragraph", "INFORME DE DIFUSIÓN EN REDES SOCIALES"),
    ("paragraph", "Consejo Nacional Electoral – Delegación Provincial de Santa Elena"),
    ("paragraph", "Fecha del evento: Jueves, 3 de julio de 2025"),
    ("heading", "Fase 1: Convocatoria", 1),
    ("table", [["Red social", "N.º de publicaciones", "Enlaces"],
               ["X", "2", [("Ver", X1), ("Ver", X2)]],
               ["Facebook", "1", [("Ver", FB)]]]),
    ("heading", "Fase 2: Jornada electoral", 1),
    ("paragraph", "Se realizaron 2 publicaciones en YouTube y 1 en X."),
    ("paragraph_links", ["Videos: ", (CHANNEL, YT1), " y ", ("segundo video", YT2)]),
    ("paragraph_links", ["En X: ", ("la publicación del día", X3)]),
]


# --- .odt written with odfdo, from the blocks tests/documents.py writes as .docx -----------


def odt_bytes(blocks: list[tuple]) -> bytes:
    document = Document("text")
    document.body.clear()
    for kind, content, *rest in blocks:
        if kind == "heading":
            document.body.append(Header(rest[0], content))
        elif kind == "paragraph":
            document.body.append(Paragraph(content))
        elif kind == "paragraph_links":
            document.body.append(_paragraph(content))
        else:
            document.body.append(_table(content))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _paragraph(parts: list) -> Paragraph:
    paragraph = Paragraph("")
    for part in parts:
        paragraph.append(Link(part[1], text=part[0]) if isinstance(part, tuple) else part)
    return paragraph


def _table(rows: list[list]) -> Table:
    table = Table("Tabla")
    for cells in rows:
        row = Row()
        for content in cells:
            cell = Cell()
            for line in content if isinstance(content, list) else [content]:
                cell.append(_paragraph([line]))
            row.append(cell)
        table.append(row)
    return table


def facts(report) -> list[tuple]:
    """Each phase with its claims and links, as the rest of the reader and the audit see them."""
    return [(phase.key, phase.title, phase.kind,
             [(c.platform, c.count, c.unit, c.line) for c in phase.claims],
             [(link.url, link.platform, link.post_id, link.line) for link in phase.links])
            for phase in report.phases]


@pytest.fixture(scope="module")
def informes(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("formatos")
    odt, docx = folder / "informe.odt", folder / "informe.docx"
    odt.write_bytes(odt_bytes(BLOCKS))
    docx.write_bytes(docx_bytes(BLOCKS))
    return odt, docx


def test_an_odt_gives_the_lines_headings_and_hyperlinks_of_the_same_docx(informes):
    odt, docx = (extract_bytes(path.read_bytes(), path.suffix[1:]) for path in informes)
    assert odt.lines == docx.lines
    assert odt.heading_lines == docx.heading_lines == {4, 8}
    assert odt.link_targets == docx.link_targets
    assert odt.link_targets[6] == [X1, X2]  # the claim table's "Ver" cell
    assert odt.shown_urls == docx.shown_urls == {10: [CHANNEL]}


def test_an_odt_report_has_the_phases_claims_and_links_of_the_same_docx(informes):
    odt, docx = (read_report(path) for path in informes)
    assert facts(odt) == facts(docx)
    first, second = facts(odt)
    assert [c[:2] for c in first[3]] == [("x", 2), ("facebook", 1)]
    assert [link[0] for link in first[4]] == [X1, X2, FB]
    assert [link[0] for link in second[4]] == [YT1, YT2, X3]  # not the channel shown over YT1


def content_odt(body: str, styles: str = "") -> bytes:
    """An .odt holding only `body` as its text, written by hand as a hostile author would."""
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
               'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xlink='
               '"http://www.w3.org/1999/xlink" xmlns:style="urn:oasis:names:tc:opendocument:'
               f'xmlns:style:1.0"><office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body>'
               '</office:document-content>')
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return output.getvalue()


def test_merged_cells_show_once_and_huge_counts_stay_small():
    cell = '<table:table-cell><text:p>{}</text:p></table:table-cell>'
    body = ('<text:p>a<text:s text:c="2000000000"/>b</text:p><table:table>'
            '<table:table-row><table:table-cell table:number-columns-spanned="2000000000" '
            'table:number-rows-spanned="2"><text:p>X</text:p></table:table-cell>'
            f'<table:covered-table-cell/>{cell.format("5")}</table:table-row>'
            '<table:table-row table:number-rows-repeated="2000000000"><table:covered-table-cell '
            f'table:number-columns-repeated="2"/>{cell.format("7")}</table:table-row>'
            '</table:table>')
    lines = extract_bytes(content_odt(body), "odt").lines
    assert lines[0] == "a" + " " * 100 + "b"
    assert lines[1:] == ["X\t5"] + ["X\t7"] * 100


def test_a_paragraph_in_a_style_named_like_a_heading_is_one():
    styles = ('<style:style style:name="P1" style:family="paragraph" '
              'style:parent-style-name="Título_20_de_20_fase"/>')
    body = ('<text:p text:style-name="P1">Fase 1: Convocatoria</text:p><text:p>texto</text:p>'
            '<text:p text:style-name="Heading_20_2">Fase 2: Jornada</text:p>')
    assert extract_bytes(content_odt(body, styles), "odt").heading_lines == {1, 3}


@pytest.mark.parametrize("damage", ["truncated", "bad xml", "no mimetype", "a spreadsheet"])
def test_a_damaged_odt_is_a_spanish_read_error(tmp_path, informes, damage):
    data = informes[0].read_bytes()
    broken = {"truncated": data[: len(data) // 2],
              "bad xml": content_odt("<text:p>sin cerrar"),
              "no mimetype": docx_bytes(BLOCKS),
              "a spreadsheet": content_odt("").replace(b"opendocument.text",
                                                       b"opendocument.spreadsheet")}[damage]
    path = tmp_path / "informe.odt"
    path.write_bytes(broken)
    with pytest.raises(ReadError) as err:
        read_report(path)
    assert str(err.value).startswith("no es un .odt válido (")


# --- folders, as each command walks them ----------------------------------------------------

TXT = ("Informe de difusión\n\nFase 1: Convocatoria\n\nX: 1 publicación\n"
       "https://x.com/CNE_StaElena/status/1935399367130657197\n")
SKIPPED = ["README.md", "LEEME.txt", ".oculto.txt", "~$informe.docx", ".~lock.informe.docx#",
           "foto.png", "datos.xlsx"]
UNREAD = ["informe.doc", "informe.rtf"]
BUNDLE = "anterior.pages"  # a Pages document is a folder, on a Mac
PLANTED = [f"https://x.com/Otra/status/{1935399367130658000 + n}" for n in range(len(SKIPPED))]


@pytest.fixture
def carpeta(tmp_path, informes) -> Path:
    folder = tmp_path / "recibidos"
    folder.mkdir()
    for name, url in zip(SKIPPED + UNREAD, PLANTED + PLANTED):
        (folder / name).write_text(f"Fase 1: Convocatoria\nX: 1 publicación\n{url}\n")
    (folder / "informe.odt").write_bytes(informes[0].read_bytes())
    (folder / "informe.txt").write_text(TXT, encoding="utf-8")
    (folder / BUNDLE / "Data").mkdir(parents=True)
    (folder / BUNDLE / "Data" / "notas.txt").write_text(TXT, encoding="utf-8")
    return folder


def run(module: str, *args) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", module, *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def never_mentioned(*texts: str) -> None:
    for name in SKIPPED:
        assert all(name not in text for text in texts), name


def test_revisar_audits_odt_and_txt_and_names_other_documents(carpeta, tmp_path):
    done = run("auditor.cli", "revisar", carpeta, "--sin-red", "--formato", "json",
               "--db", tmp_path / "a.db")
    sources = [Path(report["source"]).name for report in json.loads(done.stdout)["reports"]]
    assert done.returncode == 2
    assert sorted(sources) == ["informe.odt", "informe.txt"]
    assert done.stderr.splitlines() == [f"error: {carpeta / name}: {UNSUPPORTED}"
                                        for name in [BUNDLE, *UNREAD]]
    never_mentioned(done.stdout, done.stderr)


def test_nocturno_audits_odt_and_txt_and_other_documents_are_unreadable(carpeta, tmp_path):
    out = tmp_path / "publicado"
    done = run("auditor.cli", "nocturno", carpeta, "--sin-red", "--salida-dir", out,
               "--db", tmp_path / "a.db")
    reports = json.loads((out / "ultimo.json").read_text(encoding="utf-8"))["reports"]
    by_name = {Path(report["source"]).name: report for report in reports}
    assert sorted(by_name) == [BUNDLE, "informe.doc", "informe.odt", "informe.rtf",
                               "informe.txt"]
    coverage = [(row["phase"], row["platform"], row["claimed"], row["listed"])
                for row in by_name["informe.odt"]["coverage"]]
    assert coverage == [("1", "x", 2, 2), ("1", "facebook", 1, 1), ("2", "x", 1, 1),
                        ("2", "youtube", 2, 2)]
    for name in [BUNDLE, *UNREAD]:
        [finding] = by_name[name]["findings"]
        assert finding["code"] == "unreadable_report" and UNSUPPORTED in finding["message"]
    never_mentioned(done.stdout, done.stderr, (out / "ultimo.json").read_text(encoding="utf-8"),
                    (out / "ultimo.html").read_text(encoding="utf-8"))


def test_cosecha_harvests_odt_and_txt_and_names_other_documents(carpeta, tmp_path):
    done = run("cosecha.cli", carpeta, "--sin-red", "--formato", "json", "--db", tmp_path / "a.db")
    urls = {row["canonical_url"] for row in json.loads(done.stdout)}
    assert done.returncode == 2
    assert {X1, X2, X3, FB, "https://x.com/CNE_StaElena/status/1935399367130657197"} <= urls
    assert not urls & set(PLANTED)
    assert done.stderr.splitlines() == [f"error: {carpeta / name}: {UNSUPPORTED}"
                                        for name in [BUNDLE, *UNREAD]]
    never_mentioned(done.stdout, done.stderr)


def test_an_odt_saved_under_a_text_name_is_still_read_as_odt(tmp_path, informes):
    odt, _ = informes
    disguised = tmp_path / "informe.txt"
    disguised.write_bytes(odt.read_bytes())
    assert facts(read_report(disguised)) == facts(read_report(odt))
