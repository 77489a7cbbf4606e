"""Builds the corpus's .docx, .pdf and .odt reports from block lists and writes them beside this
file.

    .venv/bin/python tests/report_corpus/build.py

Blocks as in tests/documents.py: a .docx or an .odt is one list of blocks, a .pdf a list of pages
(each a list of blocks). The built files are committed so a person can open them; the corpus test
checks that rebuilding gives the same extracted text (`build(name)` builds any of them).

What each new report of issue 18 ("Claims as people write them") exercises is said in its key's
"nota"; the classes are: (a) tables whose rows are phases and whose columns are platforms, (b)
claims in prose as people write them, (c) grand totals in prose, (d) a claim line just before a
list of links of several platforms, with decoy figures (people, reactions, impressions) beside.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from odfdo import Cell, Column, Document, Header, Link, Paragraph, Row, Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from documents import docx_bytes, pdf_bytes  # noqa: E402

ODT_HEADING = "Heading_20_{}"  # LibreOffice's "Heading 1", "Heading 2"...; level 0 is "Title"


def links(label: str, *urls: str) -> list[tuple[str, str]]:
    """A table cell of hyperlinks that all show the same word ("Ver", "Enlace")."""
    return [(label, url) for url in urls]


def signature(*lines: str) -> list[tuple]:
    return [("paragraph", "Atentamente,"), ("paragraph", "")] + [("paragraph", line) for line in lines]


# --- .odt, as LibreOffice Writer saves it -------------------------------------------------


def odt_bytes(blocks: list[tuple]) -> bytes:
    """An .odt of the same blocks as a .docx: headings as `text:h` in the "Heading N" styles (a
    level-0 heading is a "Title" paragraph, as in Word), paragraphs whose links are `text:a`, and
    tables whose cells hold a paragraph per line."""
    document = Document("text")
    document.body.clear()
    tables = 0
    for kind, content, *rest in blocks:
        if kind == "heading" and rest[0] == 0:
            document.body.append(Paragraph(content, style="Title"))
        elif kind == "heading":
            document.body.append(Header(rest[0], content, style=ODT_HEADING.format(rest[0])))
        elif kind == "paragraph":
            document.body.append(Paragraph(content, style="Standard"))
        elif kind == "paragraph_links":
            document.body.append(_odt_paragraph(content))
        else:
            tables += 1
            document.body.append(_odt_table(content, f"Tabla{tables}"))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _odt_paragraph(parts: list, style: str = "Standard") -> Paragraph:
    """Text and (visible text, url) hyperlinks, in one paragraph."""
    paragraph = Paragraph("", style=style)
    for part in parts:
        paragraph.append(Link(part[1], text=part[0]) if isinstance(part, tuple) else part)
    return paragraph


def _odt_table(rows: list[list], name: str) -> Table:
    """A table of the rows' width; a cell is text or a list of lines (texts or hyperlinks), the
    header row in LibreOffice's "Table Heading" style."""
    table = Table(name)
    table.append(Column(repeated=max(len(row) for row in rows)))
    for r, cells in enumerate(rows):
        row = Row()
        for content in cells:
            cell = Cell()
            for line in content if isinstance(content, list) else [content]:
                cell.append(_odt_paragraph([line], "Table_20_Heading" if r == 0 else "Table_20_Contents"))
            row.append(cell)
        table.append(row)
    return table


DOCX = {
    "d01_mineduc_tabla_ver.docx": [
        ("paragraph", "MINISTERIO DE EDUCACIÓN Y CULTURA DEL ECUADOR"),
        ("paragraph", "Coordinación Zonal 9 – Dirección de Comunicación Social"),
        ("heading", "Informe de difusión de la Rendición de Cuentas 2024", 0),
        ("paragraph", "Quito, D.M., 19 de mayo de 2025"),
        ("paragraph", "La Dirección de Comunicación Social presenta el detalle de las publicaciones "
                      "realizadas en las cuentas oficiales de la Coordinación Zonal durante cada fase "
                      "del proceso de rendición de cuentas 2024, cuya deliberación pública se llevó a "
                      "cabo el 8 de mayo de 2025."),
        ("heading", "Fase 1 – Convocatoria", 1),
        ("paragraph", "Se difundió la convocatoria a la deliberación pública y el formulario de "
                      "inscripción."),
        ("table", [["Red social", "N.º de publicaciones", "Evidencia"],
                   ["X", "3", links("Ver", "https://x.com/EducacionCZ9/status/1914232299919498011",
                                    "https://x.com/EducacionCZ9/status/1915346361414320758", "https://x.com/EducacionCZ9/status/1917291080340858285")],
                   ["Facebook", "2", links("Ver", "https://www.facebook.com/EducacionZona9Ec/posts/2537872980164747", "https://www.facebook.com/share/p/1vEAaTK2IO/")],
                   ["Total", "5", ""]]),
        ("heading", "Fase 2 – Deliberación pública", 1),
        ("table", [["Red social", "N.º de publicaciones", "Evidencia"],
                   ["YouTube", "1", links("Ver publicación", "https://www.youtube.com/watch?v=z5ixrASPJng")],
                   ["Facebook", "2", links("Ver publicación", "https://www.facebook.com/EducacionZona9Ec/videos/1739900402461129",
                                           "https://www.facebook.com/EducacionZona9Ec/posts/7559835000947409")],
                   ["Total", "3", ""]]),
        ("paragraph", "Total de publicaciones en redes sociales: 8"),
        *signature("Director de Comunicación Social", "Coordinación Zonal 9"),
    ],
    "d02_alcaldia_tabla_faltan_enlaces.docx": [
        ("paragraph", "REPÚBLICA DE COLOMBIA – DEPARTAMENTO DE NARIÑO ALTO"),
        ("paragraph", "ALCALDÍA MUNICIPAL DE SAN PABLO DE LA CORDILLERA"),
        ("paragraph", "Oficina de Comunicaciones y Prensa"),
        ("heading", "Informe de divulgación de la audiencia pública de rendición de cuentas 2024", 0),
        ("paragraph", "San Pablo de la Cordillera, 14 de febrero de 2025"),
        ("paragraph", "En cumplimiento del Manual Único de Rendición de Cuentas, la Oficina de "
                      "Comunicaciones relaciona las publicaciones realizadas en las redes "
                      "sociales de la Alcaldía para la audiencia pública del 31 de enero de 2025."),
        ("heading", "Etapa 1. Alistamiento y convocatoria", 1),
        ("table", [["Plataforma", "Cantidad", "Enlace"],
                   ["Facebook", "5", links("Enlace", "https://www.facebook.com/AlcaldiaSanPabloCordillera/posts/5477180660250684",
                                           "https://www.facebook.com/AlcaldiaSanPabloCordillera/posts/8210690198194231", "https://www.facebook.com/share/p/1yXeWaiiUS/")],
                   ["X", "2", links("Enlace", "https://x.com/AlcSanPabloC/status/1879515764244850559",
                                    "https://x.com/AlcSanPabloC/status/1882128518486831584")],
                   ["Total", "7", ""]]),
        ("heading", "Etapa 2. Audiencia pública", 1),
        ("table", [["Plataforma", "Cantidad", "Enlace"],
                   ["Instagram", "2", ["https://www.instagram.com/p/DEq7LmRsT2x/",
                                       "https://www.instagram.com/p/DEr9KpQwZ4b/"]],
                   ["YouTube", "1", ["https://youtu.be/Qxz7luHmyS3"]]]),
        *signature("Jefe de la Oficina de Comunicaciones y Prensa"),
    ],
    "d03_universidad_sintesis_discrepa.docx": [
        ("paragraph", "UNIVERSIDAD PEDAGÓGICA Y TECNOLÓGICA DEL ALTO MAGDALENA"),
        ("paragraph", "Vicerrectoría Administrativa – Oficina de Comunicaciones"),
        ("heading", "Informe de difusión: audiencia pública de rendición de cuentas 2024", 0),
        ("paragraph", "Neiva del Alto Magdalena, 3 de abril de 2025"),
        ("paragraph", "La Oficina de Comunicaciones informa las publicaciones realizadas en las redes "
                      "sociales institucionales para la audiencia pública del 21 de marzo de 2025."),
        ("heading", "A. Difusión previa", 1),
        ("paragraph", "X: 4 publicaciones."),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1896974287612610195"),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1898064864797165948"),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1899385131070218668"),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1900501849423279525"),
        ("paragraph", "Facebook: 3 publicaciones."),
        ("paragraph", "https://www.facebook.com/UPTAltoMagdalena/posts/7379875775898594"),
        ("paragraph", "https://www.facebook.com/UPTAltoMagdalena/posts/6491727488676282"),
        ("paragraph", "https://www.facebook.com/UPTAltoMagdalena/posts/6642420110986771"),
        ("heading", "B. Audiencia pública", 1),
        ("paragraph", "X: 3 publicaciones."),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1903099143110801931"),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1903152690977786584"),
        ("paragraph", "https://x.com/UPTAMagdalena/status/1903057432613465287"),
        ("paragraph", "Facebook: 3 publicaciones."),
        ("paragraph", "https://www.facebook.com/UPTAltoMagdalena/videos/7775414849047198"),
        ("paragraph", "https://www.facebook.com/share/p/1IgVUC7tye/"),
        ("paragraph", "https://www.facebook.com/share/p/10ELVtqxsu/"),
        ("heading", "Síntesis", 1),
        ("paragraph", "En las dos fases se realizaron 7 publicaciones en X y 5 en Facebook."),
        *signature("Jefe de la Oficina de Comunicaciones"),
    ],
    "d04_gad_tungurahua_miles.docx": [
        ("paragraph", "GOBIERNO AUTÓNOMO DESCENTRALIZADO MUNICIPAL DE SAN PEDRO DE PELILEO ALTO"),
        ("paragraph", "Dirección de Comunicación Institucional"),
        ("heading", "Informe de difusión anual – Rendición de Cuentas 2024", 0),
        ("paragraph", "San Pedro de Pelileo Alto, 6 de junio de 2025"),
        ("paragraph", "Se presentan las cifras de publicaciones de las cuentas institucionales durante "
                      "el periodo 2024 y la deliberación pública del 28 de mayo de 2025, con una "
                      "muestra de enlaces de evidencia."),
        ("heading", "Fase 1: Difusión de la gestión 2024", 1),
        ("table", [["Red social", "Número", "Enlaces"],
                   ["X", "1.250", ["https://x.com/GADPelileoAlto/status/1886437898576712628", "https://x.com/GADPelileoAlto/status/1899131312266850182",
                                   "https://x.com/GADPelileoAlto/status/1911856571225811076"]],
                   ["Facebook", "840", ["https://www.facebook.com/GADPelileoAlto/posts/7241623082135274", "https://www.facebook.com/GADPelileoAlto/posts/9876088976171711"]],
                   ["Total", "2.090", ""]]),
        ("heading", "Fase 2: Deliberación pública", 1),
        ("paragraph", "Facebook: 1,040 publicaciones, incluidas historias y reacciones a comentarios."),
        ("paragraph", "https://www.facebook.com/GADPelileoAlto/videos/1438593353827578"),
        ("paragraph", "https://www.facebook.com/share/p/15z7nrkpxF/"),
        ("paragraph", "Subtotal fase 2: 1,040"),
        *signature("Director de Comunicación Institucional"),
    ],
    "d05_cpccs_palabras_tabla.docx": [
        ("paragraph", "CONSEJO DE PARTICIPACIÓN CIUDADANA – DELEGACIÓN PROVINCIAL DE PASTAZA ORIENTAL"),
        ("heading", "Informe de difusión del proceso de rendición de cuentas 2024", 0),
        ("paragraph", "Puyo Oriental, 11 de julio de 2025"),
        ("paragraph", "La Delegación difundió por sus cuentas oficiales la feria ciudadana de "
                      "rendición de cuentas realizada el 3 de julio de 2025. Se detalla a continuación."),
        ("heading", "Fase 1: Feria ciudadana de rendición de cuentas", 1),
        ("table", [["Plataforma", "Cantidad", "Enlace"],
                   ["Facebook", "Tres", links("Enlace", "https://www.facebook.com/share/p/1SpQjIGddp/", "https://www.facebook.com/share/p/1bMl3BPifC/", "https://www.facebook.com/share/p/137z5YfoWx/")],
                   ["YouTube", "una transmisión", links("Enlace", "https://www.youtube.com/watch?v=GwOMCVYa5L4")],
                   ["X", "dos", links("Enlace", "https://x.com/CPC_PastazaOr/status/1940745423425271938",
                                      "https://x.com/CPC_PastazaOr/status/1940818005852472913")],
                   ["Total", "seis", ""]]),
        *signature("Delegada Provincial"),
    ],
    "d06_telecom_anexo_titulos.docx": [
        ("paragraph", "EMPRESA NACIONAL DE TELECOMUNICACIONES DEL ALTIPLANO S.A. – ENTELSA"),
        ("paragraph", "Gerencia de Imagen y Relaciones Institucionales"),
        ("heading", "Informe de difusión – Audiencia Pública de Rendición de Cuentas 2024", 0),
        ("paragraph", "Puno, 29 de abril de 2025"),
        ("paragraph", "El presente informe da cuenta de las publicaciones de ENTELSA en redes "
                      "sociales para la audiencia pública virtual del 16 de abril de 2025. Los "
                      "enlaces se consignan en el anexo."),
        ("heading", "Etapa 1. Lanzamiento de la campaña", 1),
        ("paragraph", "Facebook: 3 publicaciones."),
        ("paragraph", "X: 2 publicaciones."),
        ("heading", "Etapa 2. Audiencia pública virtual", 1),
        ("paragraph", "YouTube: 1 transmisión en vivo."),
        ("paragraph", "Facebook: 1 transmisión en vivo."),
        ("paragraph", "Quedan registradas las preguntas ciudadanas y sus respuestas."),
        ("heading", "Anexo", 1),
        ("heading", "Lanzamiento de la campaña", 2),
        ("paragraph_links", [("Enlace", "https://www.facebook.com/ENTELSAperu/posts/9126004768452279")]),
        ("paragraph_links", [("Enlace", "https://www.facebook.com/ENTELSAperu/posts/6519381779704801")]),
        ("paragraph_links", [("Enlace", "https://www.facebook.com/share/p/1b4HsC4opL/")]),
        ("paragraph_links", [("Enlace", "https://x.com/ENTELSA_pe/status/1907099644808590250")]),
        ("paragraph_links", [("Enlace", "https://x.com/ENTELSA_pe/status/1909275621691485929")]),
        ("heading", "Audiencia pública virtual", 2),
        ("paragraph_links", [("Enlace", "https://www.youtube.com/watch?v=NwHczNqJ7ml")]),
        ("paragraph_links", [("Enlace", "https://www.facebook.com/ENTELSAperu/videos/7667265051947669")]),
        *signature("Gerente de Imagen y Relaciones Institucionales"),
    ],
    "d07_secretaria_subtotal_mal.docx": [
        ("paragraph", "H. AYUNTAMIENTO CONSTITUCIONAL DE SANTA MARÍA DEL RÍO BRAVO"),
        ("paragraph", "Secretaría del Ayuntamiento – Dirección de Comunicación Social"),
        ("heading", "Informe de difusión del Primer Informe de Gobierno Municipal", 0),
        ("paragraph", "Santa María del Río Bravo, a 20 de enero de 2025"),
        ("paragraph", "Se informa de las publicaciones en redes sociales institucionales con motivo "
                      "del Primer Informe de Gobierno Municipal, rendido en sesión solemne el 9 de "
                      "enero de 2025."),
        ("heading", "Fase 1. Preparación", 1),
        ("paragraph", "X: 3 publicaciones."),
        ("paragraph", "Facebook: 2 publicaciones."),
        ("table", [["Red social", "Enlace"],
                   ["X", links("Ver", "https://x.com/AyuntSMRioBravo/status/1868620337916581358",
                               "https://x.com/AyuntSMRioBravo/status/1870108605392163680", "https://x.com/AyuntSMRioBravo/status/1876310734026899225")],
                   ["Facebook", links("Ver", "https://www.facebook.com/AyuntamientoSMRioBravo/posts/3827111457578028", "https://www.facebook.com/AyuntamientoSMRioBravo/posts/8405834248353204")]]),
        ("paragraph", "Subtotal fase 1: 5 publicaciones"),
        ("heading", "Fase 2. Sesión solemne", 1),
        ("paragraph", "X: 3 publicaciones."),
        ("paragraph", "Facebook: 3 publicaciones."),
        ("table", [["Red social", "Enlace"],
                   ["X", links("Ver", "https://x.com/AyuntSMRioBravo/status/1877337003996734478",
                               "https://x.com/AyuntSMRioBravo/status/1877422096618413764", "https://x.com/AyuntSMRioBravo/status/1877333147766891399")],
                   ["Facebook", links("Ver", "https://www.facebook.com/AyuntamientoSMRioBravo/videos/7967741754385148", "https://www.facebook.com/share/p/1OxL4gcNb6/", "https://www.facebook.com/share/p/1FgRL0Hmjz/")]]),
        ("paragraph", "Subtotal fase 2: 7 publicaciones"),
        ("paragraph", "Total de publicaciones en redes sociales: 11"),
        *signature("Director de Comunicación Social"),
    ],
    "d08_gad_pimampiro_momentos_tabla.docx": [
        ("paragraph", "GOBIERNO AUTÓNOMO DESCENTRALIZADO MUNICIPAL DEL CANTÓN PIMAMPIRO ALTO"),
        ("paragraph", "Dirección de Comunicación Social y Participación Ciudadana"),
        ("heading", "Informe de difusión del proceso de Rendición de Cuentas 2024", 0),
        ("paragraph", "Pimampiro Alto, 10 de junio de 2025"),
        ("paragraph", "Fecha de la deliberación pública: 29 de mayo de 2025"),
        ("paragraph", "En cumplimiento de la Guía Especializada de Rendición de Cuentas para los Gobiernos "
                      "Autónomos Descentralizados, la Dirección de Comunicación Social presenta el consolidado "
                      "de las publicaciones realizadas en las redes sociales institucionales en cada momento del "
                      "proceso y, a continuación, el detalle de cada momento con sus enlaces."),
        ("paragraph", "Publicaciones realizadas en cada momento del proceso:"),
        ("table", [["Momento", "X", "Facebook", "YouTube", "Total"],
                   ["Momento 1: Planificación y facilitación del proceso", "2", "3", "0", "5"],
                   ["Momento 2: Evaluación de la gestión y redacción del informe", "1", "2", "0", "3"],
                   ["Momento 3: Deliberación pública y evaluación ciudadana", "2", "2", "1", "5"],
                   ["Total", "5", "7", "1", "13"]]),
        ("heading", "Momento 1. Planificación y facilitación del proceso", 1),
        ("paragraph", "Se difundió la conformación del equipo técnico mixto y la convocatoria a la Asamblea "
                      "Cantonal para designar a los representantes ciudadanos."),
        ("paragraph", "Enlaces:"),
        ("paragraph", "https://x.com/GADPimampiro/status/1907992660436185835"),
        ("paragraph", "https://x.com/GADPimampiro/status/1913449015414646884"),
        ("paragraph", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/3891567567508038"),
        ("paragraph", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/3181025551022414"),
        ("paragraph", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/3621102471404364"),
        ("heading", "Momento 2. Evaluación de la gestión y redacción del informe", 1),
        ("paragraph", "Se publicó el cronograma de elaboración del informe y la invitación a revisar el borrador "
                      "en la página web institucional."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", links("Ver publicación", "https://x.com/GADPimampiro/status/1919300616364227637")),
        ("paragraph_links", links("Ver publicación", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/6635967192611075")),
        ("paragraph_links", links("Ver publicación", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/6248156503571042")),
        ("heading", "Momento 3. Deliberación pública y evaluación ciudadana", 1),
        ("paragraph", "La deliberación pública se realizó en el Salón de la Ciudad y se transmitió en vivo por "
                      "las cuentas institucionales."),
        ("paragraph", "Enlaces:"),
        ("paragraph", "https://www.youtube.com/watch?v=w4816BYEu0n"),
        ("paragraph", "https://x.com/GADPimampiro/status/1927921711432218569"),
        ("paragraph", "https://x.com/GADPimampiro/status/1928028669379309809"),
        ("paragraph", "https://www.facebook.com/GADMunicipalPimampiroAlto/posts/7432177787733425"),
        ("paragraph", "https://www.facebook.com/GADMunicipalPimampiroAlto/videos/5097657006506827"),
        *signature("Director de Comunicación Social y Participación Ciudadana"),
    ],
    "d09_iee_baja_sierra_lista_mixta.docx": [
        ("paragraph", "INSTITUTO ESTATAL ELECTORAL DE BAJA SIERRA"),
        ("paragraph", "Unidad Técnica de Comunicación Social"),
        ("heading", "Informe de difusión de la Jornada de Rendición de Cuentas 2024", 0),
        ("paragraph", "Santa Rosalía de la Sierra, B. S., a 14 de marzo de 2025"),
        ("paragraph", "Fecha del evento: 6 de marzo de 2025"),
        ("paragraph", "La Unidad Técnica de Comunicación Social informa al Consejo General las publicaciones "
                      "realizadas en las cuentas institucionales para la Jornada de Rendición de Cuentas 2024, "
                      "con los datos de alcance que reportan las propias plataformas."),
        ("heading", "Fase 1. Convocatoria", 1),
        ("paragraph", "La convocatoria se difundió del 17 de febrero al 4 de marzo. En Facebook alcanzó a 48,350 "
                      "personas y generó 1,204 reacciones."),
        ("paragraph", "- Facebook: 3 publicaciones"),
        ("paragraph", "- IG: 1"),
        ("paragraph", "- X: 4 publicaciones (9,870 impresiones)"),
        ("paragraph", "Enlaces:"),
        ("paragraph", "https://x.com/IEEBajaSierra/status/1892589322431100783"),
        ("paragraph", "https://www.facebook.com/IEEBajaSierraOficial/posts/1505808014574262"),
        ("paragraph", "https://x.com/IEEBajaSierra/status/1893202277437774027"),
        ("paragraph", "https://www.instagram.com/p/CuBmPU8jSvQ/"),
        ("paragraph", "https://www.facebook.com/IEEBajaSierraOficial/posts/2387369961331665"),
        ("paragraph", "https://x.com/IEEBajaSierra/status/1893663179128224792"),
        ("paragraph", "https://x.com/IEEBajaSierra/status/1895701346292305111"),
        ("paragraph", "https://www.facebook.com/IEEBajaSierraOficial/posts/3457496284424873"),
        ("heading", "Fase 2. Jornada de Rendición de Cuentas", 1),
        ("paragraph", "La jornada se celebró en el auditorio del Instituto ante 312 asistentes y se transmitió "
                      "en vivo."),
        ("paragraph", "- YouTube: 1 transmisión en vivo (3,412 reproducciones)"),
        ("paragraph", "- TikTok: 2 videos"),
        ("paragraph", "Enlaces:"),
        ("paragraph", "https://www.youtube.com/watch?v=vpUhHS_1Nx5"),
        ("paragraph", "https://www.tiktok.com/@ieebajasierra/video/7478603669640142251"),
        ("paragraph", "https://www.tiktok.com/@ieebajasierra/video/7478729262201644000"),
        *signature("Titular de la Unidad Técnica de Comunicación Social"),
    ],
    "d10_ambiente_mendoza_tuits_en_linea.docx": [
        ("paragraph", "PROVINCIA DE MENDOZA NORTE"),
        ("paragraph", "Secretaría de Ambiente y Desarrollo Sostenible"),
        ("paragraph", "Dirección de Prensa y Comunicación Institucional"),
        ("heading", "Informe de difusión – Audiencia Pública de Rendición de Cuentas 2024", 0),
        ("paragraph", "Ciudad de Mendoza Norte, 18 de marzo de 2025"),
        ("paragraph", "Fecha de la audiencia: 11 de marzo de 2025"),
        ("paragraph", "Se detallan las publicaciones realizadas en las cuentas oficiales de la Secretaría para "
                      "convocar a la audiencia pública y difundir su desarrollo, con el enlace de cada una."),
        ("heading", "Fase 1: Convocatoria", 1),
        ("paragraph", "Entre el 20 de febrero y el 7 de marzo se publicaron 2 tuits "
                      "(https://x.com/AmbienteMzaN/status/1893839787817967401, "
                      "https://x.com/AmbienteMzaN/status/1895231311540858407) y 3 publicaciones en FB "
                      "(https://www.facebook.com/SecAmbienteMendozaNorte/posts/2676908293226005, "
                      "https://www.facebook.com/SecAmbienteMendozaNorte/posts/6203447174889305) con el afiche de "
                      "la convocatoria y el formulario de inscripción de oradores."),
        ("heading", "Fase 2: Audiencia pública", 1),
        ("paragraph", "Transmisión en YT: 1"),
        ("paragraph", "https://www.youtube.com/watch?v=DQCfWdKOVnm"),
        ("paragraph", "Instagram (3 publicaciones):"),
        ("paragraph", "https://www.instagram.com/p/D4RrhxbjrN_/"),
        ("paragraph", "https://www.instagram.com/p/CwI1EpBQtyw/"),
        ("paragraph", "https://www.instagram.com/p/ChqpQcrObSX/"),
        *signature("Director de Prensa y Comunicación Institucional"),
    ],
}

PDF = {
    "p01_minambiente_envueltos.pdf": [[
        ("paragraph", "MINISTERIO DE AMBIENTE Y TERRITORIOS SOSTENIBLES"),
        ("paragraph", "Grupo de Comunicaciones – República de Colombia"),
        ("heading", "Informe de divulgación de la Audiencia Pública de Rendición de Cuentas 2024", 1),
        ("paragraph", "Bogotá D.C., 16 de diciembre de 2024"),
        ("paragraph", "El Grupo de Comunicaciones presenta las publicaciones hechas en las cuentas del "
                      "Ministerio para la audiencia pública de rendición de cuentas del 5 de diciembre "
                      "de 2024, con los enlaces de cada una."),
        ("heading", "Fase 1: Convocatoria", 1),
        ("paragraph", "Se realizaron 3 publicaciones en Facebook:"),
        ("paragraph", "https://www.facebook.com/MinisterioAmbienteTerritoriosSostenibles/posts/"
                      "pfbid02kq8XrTmYh3WcNbLs7PqAa1Vt9ZjEe4RuDn6GfHoKiM5wBxCyUz2Q"),
        ("paragraph", "https://www.facebook.com/MinisterioAmbienteTerritoriosSostenibles/posts/"
                      "pfbid0Hn4TqPw8sLr2XcVb9NmKa7JdYf3GeUz6RiBo1WtEpQx5ChMvDs7kl"),
        ("paragraph", "https://www.facebook.com/MinisterioAmbienteTerritoriosSostenibles/posts/"
                      "pfbid037bQw2ErTy9UiOp4AsDf6GhJk1LzXc8VbNm3QwErT5yUiOpAs2Dfl"),
        ("paragraph", "Y 2 publicaciones en X: https://x.com/MinAmbienteTS/status/1861100559589105604 "
                      "https://x.com/MinAmbienteTS/status/1862118946060660756"),
        ("heading", "Fase 2: Audiencia pública", 1),
        ("paragraph", "La audiencia fue transmitida en vivo: 1 transmisión por YouTube."),
        ("paragraph_links", ["Transmisión: ", ("youtube.com/@MinAmbienteTS", "https://www.youtube.com/watch?v=7YfQNhr19Td")]),
        ("paragraph", "X: 2 publicaciones."),
        ("paragraph", "https://x.com/MinAmbienteTS/status/1864746434338592869"),
        ("paragraph", "https://x.com/MinAmbienteTS/status/1864704057860199641"),
        *signature("Coordinadora del Grupo de Comunicaciones"),
    ]],
    "p02_municipalidad_tabla_pdf.pdf": [[
        ("paragraph", "MUNICIPALIDAD PROVINCIAL DE SAN MIGUEL DE LOS ANDES"),
        ("paragraph", "Oficina de Imagen Institucional"),
        ("heading", "INFORME N.º 031-2025-MPSMA/OII", 1),
        ("paragraph", "Asunto: Difusión de la Audiencia Pública de Rendición de Cuentas 2024"),
        ("paragraph", "San Miguel de los Andes, 26 de mayo de 2025"),
        ("paragraph", "Se informa sobre las publicaciones realizadas en las redes sociales de la "
                      "Municipalidad para la audiencia pública del 15 de mayo de 2025."),
        ("heading", "Fase 1: Convocatoria", 1),
        ("table", [["Red social", "N.º de publicaciones", "Enlace"],
                   ["X", "3", ["https://x.com/MuniSMAndes/status/1916897856298453458", "https://x.com/MuniSMAndes/status/1918369080780581296",
                               "https://x.com/MuniSMAndes/status/1920045316587204449"]],
                   ["Facebook", "3", ["https://www.facebook.com/share/p/1htFsrahvW/", "https://www.facebook.com/share/p/1zyqYRuzkX/", "https://www.facebook.com/share/p/103uCZfTB7/"]],
                   ["Total", "7", ""]]),
        ("heading", "Fase 2: Audiencia pública", 1),
        ("paragraph", "Se realizaron 2 publicaciones en Facebook y 1 en YouTube:"),
        ("paragraph", "https://www.facebook.com/MuniSanMiguelDeLosAndes/videos/7277717431746020"),
        ("paragraph", "https://www.facebook.com/MuniSanMiguelDeLosAndes/posts/4154980921005553"),
        ("paragraph", "https://youtu.be/_pYWne9M-7-"),
        *signature("Jefe de la Oficina de Imagen Institucional"),
    ]],
    "p03_universidad_resumen_ok.pdf": [[
        ("paragraph", "UNIVERSIDAD ESTATAL AMAZÓNICA DEL NORTE"),
        ("paragraph", "Dirección de Comunicación y Relaciones Públicas"),
        ("heading", "Informe de difusión de la Rendición de Cuentas 2024", 1),
        ("paragraph", "Nueva Loja, 30 de abril de 2025"),
        ("paragraph", "Se detallan las publicaciones hechas en las redes sociales de la Universidad "
                      "durante las etapas de la rendición de cuentas 2024, cuyo evento deliberativo "
                      "se realizó el 22 de abril de 2025."),
        ("heading", "Etapa 1. Socialización del informe", 1),
        ("paragraph", "X: 3 publicaciones."),
        ("paragraph", "https://x.com/UEAmazonicaN/status/1909155031369278893"),
        ("paragraph", "https://x.com/UEAmazonicaN/status/1910243384968863962"),
        ("paragraph", "https://x.com/UEAmazonicaN/status/1912168571315365849"),
        ("paragraph", "Facebook: 2 publicaciones."),
        ("paragraph", "https://www.facebook.com/UEAmazonicaNorte/posts/2860535455640921"),
        ("paragraph", "https://www.facebook.com/UEAmazonicaNorte/posts/4559083206471173"),
    ], [
        ("heading", "Etapa 2. Evento deliberativo", 1),
        ("paragraph", "X: 2 publicaciones."),
        ("paragraph", "https://x.com/UEAmazonicaN/status/1914674921496482554"),
        ("paragraph", "https://x.com/UEAmazonicaN/status/1914708506372122217"),
        ("paragraph", "Facebook: 1 publicación."),
        ("paragraph", "https://www.facebook.com/share/p/1IrEG04O1j/"),
        ("paragraph", "YouTube: 1 transmisión en vivo."),
        ("paragraph", "https://www.youtube.com/watch?v=rRMN1YlvqpL"),
        ("heading", "Resumen", 1),
        ("paragraph", "En las dos etapas se realizaron 5 publicaciones en X, 3 en Facebook y 1 en YouTube."),
        *signature("Director de Comunicación y Relaciones Públicas"),
    ]],
    "p04_agua_potable_aprox_fuera.pdf": [[
        ("paragraph", "ORGANISMO OPERADOR DE AGUA POTABLE Y SANEAMIENTO DE VALLE DE SANTIAGO NORTE"),
        ("paragraph", "Unidad de Comunicación Social"),
        ("heading", "Informe de difusión de la rendición de cuentas 2024", 1),
        ("paragraph", "Valle de Santiago Norte, Gto., a 18 de marzo de 2025"),
        ("paragraph", "Se informa de la difusión en redes sociales de la sesión pública de rendición "
                      "de cuentas del organismo, celebrada el 7 de marzo de 2025."),
        ("heading", "Fase 1: Difusión de resultados", 1),
        ("paragraph", "Se publicaron alrededor de 15 publicaciones en Facebook con los indicadores "
                      "de cobertura:"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/8797914500801901"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/8717934081064487"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/8036590624411789"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/5069745505916865"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/8701565737657021"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/2710486133332530"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/8240890452403832"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/5285292933312962"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/6530047976832633"),
        ("paragraph", "https://www.facebook.com/AguaValleSantiagoNorte/posts/2676904667056211"),
        ("paragraph", "En X se realizaron +20 publicaciones:"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894067462963541814"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894082820266698360"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894032339022454877"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894041305588216303"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894039367205183978"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894011020887272859"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894063423120749227"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894103178296594873"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894090999722941259"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894109589126335652"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894057747605325738"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893979557381651793"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893993063769162695"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894096073177458572"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893990075046610535"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894078426183890666"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894028740144110758"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894047771987742822"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893958470135263440"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893950992562812212"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1894077133103188385"),
        ("paragraph", "https://x.com/AguaVSNorte/status/1893959491221672750"),
    ], [
        ("heading", "Fase 2: Sesión pública", 1),
        ("paragraph", "Se hicieron unas 2 transmisiones en vivo por YouTube:"),
        ("paragraph", "https://www.youtube.com/watch?v=vVvO54dxgHQ"),
        ("paragraph", "https://www.youtube.com/watch?v=M7u3YsZfi5z"),
        *signature("Titular de la Unidad de Comunicación Social"),
    ]],
    "p05_concejo_anexo_faltante.pdf": [[
        ("paragraph", "CONCEJO MUNICIPAL DE SANTA BÁRBARA DE LAS LOMAS"),
        ("paragraph", "Secretaría General – Área de Comunicaciones"),
        ("heading", "Informe de difusión: rendición de cuentas del Concejo 2024", 1),
        ("paragraph", "Santa Bárbara de las Lomas, 28 de febrero de 2025"),
        ("paragraph", "El Área de Comunicaciones informa la difusión de las tres fases de la rendición "
                      "de cuentas del Concejo Municipal; las evidencias van al final del informe."),
        ("heading", "Fase 1: Convocatoria", 1),
        ("paragraph", "X: 2 publicaciones."),
        ("paragraph", "Facebook: 2 publicaciones."),
        ("heading", "Fase 2: Sesión de rendición de cuentas", 1),
        ("paragraph", "Facebook: 1 transmisión en vivo."),
        ("heading", "Fase 3: Respuesta a las preguntas ciudadanas", 1),
        ("paragraph", "X: 2 publicaciones."),
        ("paragraph", "Facebook: 1 publicación."),
    ], [
        ("heading", "Enlaces de evidencia", 1),
        ("paragraph", "Fase 1"),
        ("paragraph", "https://x.com/ConcejoSBLomas/status/1886362277461972090"),
        ("paragraph", "https://x.com/ConcejoSBLomas/status/1887511452281592210"),
        ("paragraph", "https://www.facebook.com/ConcejoSantaBarbaraLomas/posts/2054037499366949"),
        ("paragraph", "https://www.facebook.com/ConcejoSantaBarbaraLomas/posts/2107638265303908"),
        ("paragraph", "Fase 2"),
        ("paragraph", "https://www.facebook.com/ConcejoSantaBarbaraLomas/videos/1558690204331460"),
        *signature("Secretario General del Concejo"),
    ]],
    "p06_onpe_huamanga_etapas_sin_titulos.pdf": [[
        ("paragraph", "PERÚ – OFICINA NACIONAL DE PROCESOS ELECTORALES"),
        ("paragraph", "Oficina Regional de Coordinación Huamanga Norte – Área de Comunicaciones"),
        ("paragraph", "\"Año de la recuperación y consolidación de la economía peruana\""),
        ("heading", "INFORME N.º 018-2025-ORC-HN/ONPE", 1),
        ("paragraph", "Asunto: Difusión de la Audiencia Pública de Rendición de Cuentas 2024"),
        ("paragraph", "Fecha de la audiencia: 27 de marzo de 2025"),
        ("paragraph", "Huamanga Norte, 4 de abril de 2025"),
        ("paragraph", "Se informa el número de publicaciones realizadas en las redes sociales institucionales en "
                      "cada etapa de la audiencia pública, según el cuadro siguiente:"),
        ("table", [["Etapa", "X", "FB", "IG", "TikTok", "YT", "Total"],
                   ["Etapa 1: Convocatoria e inscripción de participantes", "2", "1", "0", "0", "0", "3"],
                   ["Etapa 2: Audiencia pública descentralizada", "1", "1", "1", "0", "1", "4"],
                   ["Etapa 3: Respuesta a las preguntas de la ciudadanía", "0", "2", "0", "1", "0", "3"],
                   ["Total", "3", "4", "1", "1", "1", "10"]]),
        ("paragraph", "Las capturas de pantalla de cada publicación obran en el expediente digital remitido a la "
                      "Secretaría General con el Memorando N.º 112-2025-ORC-HN/ONPE."),
        ("paragraph", "Es todo cuanto informo a usted para los fines pertinentes."),
        *signature("Responsable del Área de Comunicaciones"),
    ]],
    "p07_ufa_cuenta_publica_tabla_ver.pdf": [[
        ("paragraph", "UNIVERSIDAD DE LA FRONTERA AUSTRAL"),
        ("paragraph", "Dirección de Comunicaciones y Extensión"),
        ("heading", "Informe de difusión de la Cuenta Pública Participativa 2024", 1),
        ("paragraph", "Punta Arenas del Sur, 12 de mayo de 2025"),
        ("paragraph", "Fecha del acto de Cuenta Pública: 30 de abril de 2025"),
        ("paragraph", "La Dirección de Comunicaciones y Extensión informa a Rectoría las publicaciones "
                      "realizadas en las redes sociales institucionales antes, durante y después del acto de "
                      "Cuenta Pública Participativa, con el enlace a cada una."),
        ("heading", "Etapa 1: Difusión previa", 1),
        ("paragraph", "Se publicaron piezas gráficas con los principales hitos de la gestión y la invitación al "
                      "acto:"),
        ("table", [["Red social", "Publicaciones", "Enlace 1", "Enlace 2"],
                   ["X", "2", ("Ver publicación", "https://x.com/UFAustral/status/1913423553883804408"), ("Ver publicación", "https://x.com/UFAustral/status/1915487980171049975")],
                   ["Instagram", "2", ("Ver publicación", "https://www.instagram.com/p/C5rqJLGnUDR/"), ("Ver publicación", "https://www.instagram.com/p/CS6CMFIJ8uW/")],
                   ["Facebook", "1", ("Ver publicación", "https://www.facebook.com/UFronteraAustral/posts/6260181590830166"), ""]]),
        ("heading", "Etapa 2: Cuenta Pública", 1),
        ("paragraph", "El acto se realizó en el Aula Magna con la presencia de autoridades regionales. Hubo una "
                      "transmisión en vivo por el canal oficial de YouTube y se difundieron 4 publicaciones en "
                      "la cuenta oficial de Facebook con extractos del discurso de la Rectora."),
        ("paragraph", "Enlaces:"),
        ("paragraph", "https://www.youtube.com/watch?v=ni0lBXq9XA9"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/posts/4923855903613144"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/posts/5679679988203924"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/posts/4480039149565491"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/videos/5004543333048072"),
    ], [
        ("heading", "Etapa 3: Respuestas a consultas ciudadanas", 1),
        ("paragraph", "Las respuestas a las consultas recibidas durante el acto se publicaron así:"),
        ("paragraph", "Publicaciones en X ……… 2"),
        ("paragraph", "https://x.com/UFAustral/status/1919325960314518089"),
        ("paragraph", "https://x.com/UFAustral/status/1919550220047060814"),
        ("paragraph", "Publicaciones en Facebook ……… 2"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/posts/4820962531425712"),
        ("paragraph", "https://www.facebook.com/UFronteraAustral/posts/7569171803759748"),
        *signature("Directora de Comunicaciones y Extensión"),
    ]],
    "p08_gore_aysen_cifras_en_palabras.pdf": [[
        ("paragraph", "GOBIERNO REGIONAL DE AYSÉN NORTE"),
        ("paragraph", "División de Desarrollo Social y Humano – Unidad de Comunicaciones"),
        ("heading", "Informe de difusión de la Cuenta Pública Participativa 2024", 1),
        ("paragraph", "Coyhaique Norte, 8 de mayo de 2025"),
        ("paragraph", "Fecha del acto de Cuenta Pública: 25 de abril de 2025"),
        ("paragraph", "La Unidad de Comunicaciones da cuenta de la actividad de las redes sociales del Gobierno "
                      "Regional durante el año y en el acto de Cuenta Pública Participativa. Por su volumen, de "
                      "la difusión anual se incluye solo una muestra de enlaces."),
        ("heading", "Etapa 1: Difusión de la gestión anual", 1),
        ("paragraph", "Durante el año se difundieron mil doscientas publicaciones en X (ex Twitter), doscientas "
                      "cincuenta en Instagram y ciento veinte videos en el canal de YouTube, con un alcance "
                      "acumulado de 1.350.000 personas."),
        ("paragraph", "Muestra de enlaces:"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1801237608229168498"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1822050963504559148"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1867956951630619700"),
        ("paragraph", "https://www.instagram.com/p/CNA4UaWl6qB/"),
        ("paragraph", "https://www.instagram.com/p/CdxJdG_PbSA/"),
        ("paragraph", "https://www.youtube.com/watch?v=-_ITxHG04Ch"),
        ("paragraph", "https://www.youtube.com/watch?v=Ra3mde_4MGj"),
        ("heading", "Etapa 2: Acto de Cuenta Pública", 1),
        ("paragraph", "Transmisión en YT: 1"),
        ("paragraph", "https://www.youtube.com/watch?v=M_EClOHDG9T"),
        ("paragraph", "Publicaciones en X ……… 4"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1915577230732571022"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1915728734731945908"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1915826048330015516"),
        ("paragraph", "https://x.com/GoreAysenNorte/status/1915891174458270946"),
        *signature("Jefa de la Unidad de Comunicaciones"),
    ]],
}

ODT = {
    "o01_utmm_etapas_tabla_transpuesta.odt": [
        ("paragraph", "UNIVERSIDAD TECNOLÓGICA DEL MAGDALENA MEDIO"),
        ("paragraph", "Oficina Asesora de Comunicaciones"),
        ("heading", "Informe de divulgación – Audiencia Pública de Rendición de Cuentas, vigencia 2024", 0),
        ("paragraph", "Barrancabermeja del Norte, 6 de mayo de 2025"),
        ("paragraph", "Fecha de la audiencia pública: 24 de abril de 2025"),
        ("paragraph", "De acuerdo con el Manual Único de Rendición de Cuentas, la Oficina Asesora de "
                      "Comunicaciones presenta el consolidado de publicaciones en redes sociales por etapa y, a "
                      "continuación, el detalle de cada etapa con sus enlaces."),
        ("table", [["Etapa", "X (ex Twitter)", "FB", "IG", "TikTok", "YT", "Total"],
                   ["Etapa 1: Alistamiento y convocatoria", "3", "2", "1", "0", "0", "6"],
                   ["Etapa 2: Audiencia pública", "2", "1", "2", "1", "1", "7"],
                   ["Etapa 3: Seguimiento y respuesta a la ciudadanía", "1", "1", "0", "0", "0", "2"],
                   ["Total", "6", "4", "3", "1", "1", "15"]]),
        ("heading", "Etapa 1:", 1),
        ("paragraph", "Alistamiento y convocatoria. Se publicaron la convocatoria, el formulario de inscripción "
                      "de preguntas y el informe de gestión preliminar."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", [("https://x.com/UTMagdalenaM/status/1902871226545190573", "https://x.com/UTMagdalenaM/status/1902871226545190573")]),
        ("paragraph_links", [("https://x.com/UTMagdalenaM/status/1905628476703617618", "https://x.com/UTMagdalenaM/status/1905628476703617618")]),
        ("paragraph_links", [("https://x.com/UTMagdalenaM/status/1907270044217794286", "https://x.com/UTMagdalenaM/status/1907270044217794286")]),
        ("paragraph_links", [("https://www.facebook.com/UTMagdalenaMedioOficial/posts/3666724952205639", "https://www.facebook.com/UTMagdalenaMedioOficial/posts/3666724952205639")]),
        ("paragraph_links", [("https://www.facebook.com/UTMagdalenaMedioOficial/posts/8071482617830994", "https://www.facebook.com/UTMagdalenaMedioOficial/posts/8071482617830994")]),
        ("paragraph_links", [("https://www.instagram.com/p/C9CufOyASpF/", "https://www.instagram.com/p/C9CufOyASpF/")]),
        ("heading", "Etapa 2:", 1),
        ("paragraph", "Audiencia pública realizada en el auditorio principal del campus, con transmisión en vivo "
                      "y preguntas de la comunidad universitaria."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", links("Ver publicación", "https://x.com/UTMagdalenaM/status/1915330447776256471")),
        ("paragraph_links", links("Ver publicación", "https://x.com/UTMagdalenaM/status/1915529629856587246")),
        ("paragraph_links", links("Ver publicación", "https://www.facebook.com/UTMagdalenaMedioOficial/videos/7161352153770265")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/DctR9cRjhKo/")),
        ("paragraph_links", links("Ver publicación", "https://www.tiktok.com/@utmagdalenamedio/video/7497022997740052123")),
        ("paragraph_links", links("Ver publicación", "https://www.youtube.com/watch?v=hs-Pyl2WW90")),
        ("heading", "Etapa 3:", 1),
        ("paragraph", "Seguimiento y respuesta a la ciudadanía, con la publicación de las respuestas a las "
                      "preguntas recibidas en la audiencia."),
        ("table", [["Red social", "Enlace"],
                   ["X", links("Ver", "https://x.com/UTMagdalenaM/status/1917363817843588623")],
                   ["Facebook", links("Ver", "https://www.facebook.com/UTMagdalenaMedioOficial/posts/2021643347886024")]]),
        *signature("Jefe de la Oficina Asesora de Comunicaciones"),
    ],
    "o02_prefectura_carchi_prosa_sinonimos.odt": [
        ("paragraph", "GOBIERNO AUTÓNOMO DESCENTRALIZADO PROVINCIAL DEL CARCHI ANDINO"),
        ("paragraph", "Dirección de Comunicación Institucional"),
        ("heading", "Informe de difusión del proceso de Rendición de Cuentas 2024", 0),
        ("paragraph", "Tulcán Andino, 3 de junio de 2025"),
        ("paragraph", "Fecha de la deliberación pública: 22 de mayo de 2025"),
        ("paragraph", "La Dirección de Comunicación Institucional detalla la difusión realizada en las redes "
                      "sociales de la Prefectura durante las fases del proceso de rendición de cuentas "
                      "establecidas por el Consejo de Participación Ciudadana y Control Social."),
        ("heading", "Fase 1: Planificación y facilitación del proceso", 1),
        ("paragraph", "En X (ex Twitter) se publicaron 3 posteos y en la cuenta oficial de Facebook 2, con la "
                      "convocatoria a la Asamblea Provincial y a los representantes ciudadanos."),
        ("table", [["Red social", "Publicación"],
                   ["X", links("Ver publicación", "https://x.com/CarchiAndino/status/1910186349500025557", "https://x.com/CarchiAndino/status/1911294546964439891", "https://x.com/CarchiAndino/status/1915255221744221080")],
                   ["Facebook", links("Ver publicación", "https://www.facebook.com/PrefecturaCarchiAndino/posts/9026678826511855", "https://www.facebook.com/PrefecturaCarchiAndino/posts/1409692782497724")]]),
        ("heading", "Fase 2: Evaluación de la gestión y redacción del informe", 1),
        ("paragraph", "Se difundieron cinco publicaciones (tres en X y dos en Instagram) con los avances del "
                      "informe preliminar y el enlace al formulario de aportes ciudadanos."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", [("https://x.com/CarchiAndino/status/1918216415060585796", "https://x.com/CarchiAndino/status/1918216415060585796")]),
        ("paragraph_links", [("https://x.com/CarchiAndino/status/1918660123336630763", "https://x.com/CarchiAndino/status/1918660123336630763")]),
        ("paragraph_links", [("https://x.com/CarchiAndino/status/1921708902053780830", "https://x.com/CarchiAndino/status/1921708902053780830")]),
        ("paragraph_links", [("https://www.instagram.com/p/D6JIlHzW5Ve/", "https://www.instagram.com/p/D6JIlHzW5Ve/")]),
        ("paragraph_links", [("https://www.instagram.com/p/ChWYuAXptVz/", "https://www.instagram.com/p/ChWYuAXptVz/")]),
        ("heading", "Fase 3: Deliberación pública y evaluación ciudadana", 1),
        ("paragraph", "La deliberación se transmitió en vivo por el canal de YouTube (1 transmisión) y por "
                      "Facebook Live (1 transmisión)."),
        ("paragraph", "Se compartieron 4 reels y un carrusel en la cuenta de Instagram, además de 2 trinos con "
                      "las frases de la Prefecta."),
        ("paragraph", "En YouTube la transmisión sumó 2.310 reproducciones y 145 comentarios."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", links("Ver publicación", "https://www.youtube.com/watch?v=f0_7_-uzQXq")),
        ("paragraph_links", links("Ver publicación", "https://www.facebook.com/PrefecturaCarchiAndino/videos/7278805031152779")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/D3KFQW8h1dL/")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/D1RbOxpbxAv/")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/DkvjN20kRG9/")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/DBooy5_q48G/")),
        ("paragraph_links", links("Ver publicación", "https://www.instagram.com/p/DZOHk2BLA_U/")),
        ("paragraph_links", links("Ver publicación", "https://x.com/CarchiAndino/status/1925420522196288160")),
        ("paragraph_links", links("Ver publicación", "https://x.com/CarchiAndino/status/1925469169689580250")),
        *signature("Director de Comunicación Institucional"),
    ],
    "o03_muni_san_juan_frontera_desglose.odt": [
        ("paragraph", "MUNICIPALIDAD DISTRITAL DE SAN JUAN DE LA FRONTERA"),
        ("paragraph", "Subgerencia de Imagen Institucional y Relaciones Públicas"),
        ("paragraph", "\"Año de la recuperación y consolidación de la economía peruana\""),
        ("heading", "INFORME N.º 057-2025-MDSJF/SGIIRP", 0),
        ("paragraph", "Asunto: Difusión de la Audiencia Pública de Rendición de Cuentas del año fiscal 2024"),
        ("paragraph", "Fecha de la audiencia: 29 de mayo de 2025"),
        ("paragraph", "San Juan de la Frontera, 9 de junio de 2025"),
        ("paragraph", "Tengo el agrado de dirigirme a usted para informar sobre la difusión en redes sociales de "
                      "la Audiencia Pública de Rendición de Cuentas, conforme al siguiente detalle."),
        ("heading", "Fase 1: Convocatoria", 1),
        ("paragraph", "Se difundieron siete publicaciones (cuatro en Facebook y tres en TikTok) con el afiche de "
                      "la convocatoria y el cronograma de inscripción de oradores."),
        ("table", [["Red social", "Enlace"],
                   ["Facebook", links("Ver", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/8090676736337665", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/8083821097693321", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/3451051087124972", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/5684700393795054")],
                   ["TikTok", links("Ver", "https://www.tiktok.com/@munisanjuanfrontera/video/7501256153989818589", "https://www.tiktok.com/@munisanjuanfrontera/video/7506305839263863701")]]),
        ("heading", "Fase 2: Audiencia pública", 1),
        ("paragraph", "Durante la audiencia se publicaron cuatro (4) posteos en la cuenta oficial de Facebook y "
                      "una transmisión en vivo por el canal de YouTube."),
        ("paragraph", "Enlaces:"),
        ("paragraph_links", [("https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/9969301374653420", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/9969301374653420")]),
        ("paragraph_links", [("https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/6527299017843922", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/6527299017843922")]),
        ("paragraph_links", [("https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/8250082384948829", "https://www.facebook.com/MuniSanJuanDeLaFrontera/posts/8250082384948829")]),
        ("paragraph_links", [("https://www.facebook.com/MuniSanJuanDeLaFrontera/videos/8590962240046082", "https://www.facebook.com/MuniSanJuanDeLaFrontera/videos/8590962240046082")]),
        ("paragraph_links", [("https://www.youtube.com/watch?v=A8kHd2gcUJd", "https://www.youtube.com/watch?v=A8kHd2gcUJd")]),
        ("paragraph", "Es todo cuanto informo a usted para los fines pertinentes."),
        *signature("Subgerente de Imagen Institucional y Relaciones Públicas"),
    ],
}


def build(name: str) -> bytes:
    if name in DOCX:
        return docx_bytes(DOCX[name])
    if name in ODT:
        return odt_bytes(ODT[name])
    return pdf_bytes(PDF[name])


def main() -> None:
    for name in [*DOCX, *PDF, *ODT]:
        (HERE / name).write_bytes(build(name))


if __name__ == "__main__":
    main()
