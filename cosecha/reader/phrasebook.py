"""The phrasebook: how reports state how many posts they made, as data.

The claim grammar (`grammar.py`) reads these forms; the generator of phrasings in the tests
renders them, so every form here is one the reader is shown to read. `docs/frases.md` gives each
form with an example, and a test checks that it names every one.

A form's template uses `{n}` (a number as `NUMBER_FORMS` writes it), `{unit}` (a unit of
`UNITS`, agreeing with the number), `{platform}` (a name of `PLATFORM_NAMES`), `{approx}` (an
approximation word) and `{leader}` (a dot leader).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Form:
    name: str
    template: str
    example: str


# How a number is written. Number words of any size are read by text2num; the phrasebook adds
# what it does not read: dozens, "veintiún", and a word repeated in digits, "dos (2)".
NUMBER_FORMS = (
    Form("cifra", "{digits}", "12"),
    Form("miles_con_punto", "{digits_dot}", "1.200"),
    Form("miles_con_coma", "{digits_comma}", "1,200"),
    Form("palabras", "{words}", "ciento veinte"),
    Form("palabras_y_cifra", "{words} ({digits})", "dos (2)"),
    Form("docena", "{dozens}", "una docena"),
)
DOZENS = {"media docena": 6, "una docena": 12, "docena y media": 18, "dos docenas": 24,
          "tres docenas": 36}
APOCOPES = {"veintiún": 21, "un": 1, "una": 1}

# Units a count is written in. A unit of `PLATFORM_UNITS` names its platform by itself ("12
# trinos" are X's; the adapters' `units` hold them, which a test checks); the others need a
# platform beside them.
UNITS = (
    ("publicación", "publicaciones"), ("post", "posts"), ("posteo", "posteos"),
    ("contenido", "contenidos"), ("pieza gráfica", "piezas gráficas"), ("pieza", "piezas"),
    ("carrusel", "carruseles"), ("reel", "reels"), ("historia", "historias"),
    ("story", "stories"), ("video", "videos"), ("vídeo", "vídeos"),
    ("transmisión", "transmisiones"), ("transmisión en vivo", "transmisiones en vivo"),
    ("envivo", "envivos"), ("live", "lives"), ("mensaje", "mensajes"), ("arte", "artes"),
    ("infografía", "infografías"), ("cápsula", "cápsulas"),
)
PLATFORM_UNITS = {
    "x": (("tuit", "tuits"), ("tweet", "tweets"), ("trino", "trinos"), ("retuit", "retuits"),
          ("hilo", "hilos")),
    "tiktok": (("tiktok", "tiktoks"),),
}

# How a report names each platform in prose and in tables: an adapter's label (its `labels`,
# lower case), perhaps after an article and an account word ("la cuenta oficial de", "el canal
# de"), which the grammar reads as one platform name; a test checks each is read.
PLATFORM_NAMES = {
    "x": ("X", "Twitter", "X (ex Twitter)", "X (antes Twitter)", "X/Twitter", "Twitter/X",
          "la red social X", "la cuenta oficial de X", "la cuenta de Twitter"),
    "facebook": ("Facebook", "FB", "la cuenta oficial de Facebook",
                 "la página de Facebook", "la fan page de Facebook", "Facebook Live"),
    "youtube": ("YouTube", "YT", "Youtube", "el canal de YouTube", "el canal oficial de YouTube",
                "YouTube Live"),
    "instagram": ("Instagram", "IG", "la cuenta de Instagram", "Insta"),
    "tiktok": ("TikTok", "Tik Tok", "la cuenta de TikTok"),
}
# words between a number and its platform: "3 publicaciones en X", "difundidas a través de FB"
PLATFORM_PREPOSITIONS = ("en", "por", "de", "a través de", "vía", "mediante")

# The orders of number, unit and platform on a line.
CLAIM_FORMS = (
    Form("cifra_unidad_plataforma", "{n} {unit} en {platform}", "3 publicaciones en X"),
    Form("cifra_unidad_verbo_plataforma", "{n} {unit} difundidas a través de {platform}",
         "3 publicaciones difundidas a través de FB"),
    Form("plataforma_dos_puntos_cifra", "{platform}: {n}", "X: 3"),
    Form("plataforma_dos_puntos_cifra_unidad", "{platform}: {n} {unit}", "X: 3 publicaciones"),
    Form("unidad_plataforma_dos_puntos_cifra", "{unit} en {platform}: {n}",
         "Transmisión en YT: 1"),
    Form("unidad_plataforma_puntos_cifra", "{unit} en {platform} {leader} {n}",
         "Publicaciones en X ……… 3"),
    Form("plataforma_paréntesis", "{platform} ({n} {unit})", "Facebook (2 publicaciones)"),
    Form("en_plataforma_verbo_cifra", "en {platform} se publicaron {n}",
         "en X se publicaron 12"),
    Form("unidad_propia", "{n} {unit}", "12 trinos"),
    Form("aproximada", "{approx} {n} {unit} en {platform}", "unas 15 publicaciones en X"),
    Form("puntos_aproximada", "{unit} en {platform} {leader} {approx} {n}",
         "Publicaciones en X ……… unas 15"),
)
# how the items of one sentence are joined: "3 en X, 2 en Facebook y 1 en YouTube"
CONNECTORS = (", ", " y ", "; ", ", además de ", " e ", ", así como ")
LEADERS = ("………", "....", "…", " - ")
APPROXIMATIONS = ("más de", "al menos", "por lo menos", "unas", "unos", "alrededor de",
                  "cerca de", "aproximadamente", "menos de", "casi", "+")

# A total and what it covers.
TOTAL_FORMS = (
    Form("total_con_desglose", "{n} {unit} ({breakdown})",
         "cinco publicaciones (tres en X y dos en Instagram)"),
    Form("total_linea", "Total: {n}", "Total: 16"),
    Form("total_de_publicaciones", "Total de publicaciones en redes sociales: {n}",
         "Total de publicaciones en redes sociales: 16"),
    Form("total_general_en_prosa", "En total se publicaron {n} {unit} durante las {phases} etapas",
         "En total se publicaron 23 contenidos durante las tres etapas"),
)
# words that say a total covers every phase, not the one it closes
ALL_PHASES = ("durante las {phases} etapas", "durante las {phases} fases", "en todas las fases",
              "en todas las etapas", "en todo el proceso", "en el conjunto de las fases")

# Figures beside claims that are not claims: audiences, reactions, impressions.
DECOYS = ("personas", "asistentes", "participantes", "reacciones", "impresiones", "vistas",
          "visualizaciones", "reproducciones", "seguidores", "me gusta", "likes", "comentarios",
          "compartidos", "interacciones", "alcance", "usuarios", "clics", "suscriptores",
          "ciudadanos", "horas", "minutos", "días", "años", "votos", "juntas", "visitas",
          "visitantes", "descargas", "menciones", "inscritos", "beneficiarios", "veces")
