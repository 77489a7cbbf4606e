"""Builds the corpus's .docx and .pdf reports from block lists and writes them beside this file.

    .venv/bin/python tests/report_corpus/build.py

Blocks as in tests/documents.py: a .docx is one list of blocks, a .pdf a list of pages (each a
list of blocks). The built files are committed so a person can open them; the corpus test checks
that rebuilding gives the same extracted text.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from documents import docx_bytes, pdf_bytes  # noqa: E402


def links(label: str, *urls: str) -> list[tuple[str, str]]:
    """A table cell of hyperlinks that all show the same word ("Ver", "Enlace")."""
    return [(label, url) for url in urls]


def signature(*lines: str) -> list[tuple]:
    return [("paragraph", "Atentamente,"), ("paragraph", "")] + [("paragraph", line) for line in lines]


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
}


def build(name: str) -> bytes:
    return docx_bytes(DOCX[name]) if name in DOCX else pdf_bytes(PDF[name])


def main() -> None:
    for name in [*DOCX, *PDF]:
        (HERE / name).write_bytes(build(name))


if __name__ == "__main__":
    main()
