"""Headings, label lines and phases: the rules of issue 3 one by one."""

import pytest

from cosecha.reader import read_text
from cosecha.reader.document import Extracted
from cosecha.reader.structure import heading_of, is_links_intro, label_of


@pytest.mark.parametrize("line, key, title", [
    ("A. Difusión de aportes", "A", "Difusión de aportes"),
    ("B) Invitación al evento", "B", "Invitación al evento"),
    ("IV. Resultados alcanzados", "IV", "Resultados alcanzados"),
    ("3. Ejecución y canales", "3", "Ejecución y canales"),
    ("3.2 Redes sociales", "3.2", "Redes sociales"),
    ("3.2. Redes sociales", "3.2", "Redes sociales"),
    ("Fase 1 — Difusión previa", "1", "Difusión previa"),
    ("Etapa II: Cierre", "II", "Cierre"),
    ("## Difusión en redes", "Difusión en redes", "Difusión en redes"),
    ("# C. Informe preliminar", "C", "Informe preliminar"),
    ("**D. Transmisión en vivo**", "D", "Transmisión en vivo"),
])
def test_heading_label_becomes_key_and_the_rest_title(line, key, title):
    heading = heading_of(line)
    assert (heading.key, heading.title) == (key, title)


@pytest.mark.parametrize("line", [
    "X (antes Twitter)", "Facebook", "Twitter", "YouTube:", "## Facebook", "Enlaces:",
    "Enlace:", "Se publicaron 5 tuits.", "D.M., 02 de septiembre de 2020", "Art. 7 de la Ley",
    "2022. Un año de gestión", "60 productos en total:", "A.", "- A. en una lista no",
])
def test_label_lines_links_intro_and_prose_are_never_headings(line):
    assert heading_of(line) is None


def test_a_labelled_line_of_120_characters_or_more_is_not_a_heading():
    title = "Definición de fecha y hora para la rendición de cuentas " * 2
    assert heading_of(("1. " + title)[:119]) is not None
    assert heading_of(("1. " + title + "x" * 120)[:120]) is None


def test_a_docx_heading_style_paragraph_is_a_heading_even_without_label():
    assert heading_of("Difusión en redes sociales") is None
    heading = heading_of("Difusión en redes sociales", styled=True)
    assert (heading.key, heading.title) == ("Difusión en redes sociales",) * 2


@pytest.mark.parametrize("line, platform", [
    ("X (antes Twitter)", "x"), ("Facebook", "facebook"), ("YouTube:", "youtube"),
    ("Página web: <https://cne.gob.ec/a>", "web"),
    ("Facebook Live: Transmisión en vivo:", "facebook"),
    ("- **Twitter**", "x"), ("Enlaces:", None), ("INETV (YouTube)", None),
    ("Convocatoria Twitter", None),
])
def test_label_of_reads_the_whole_line_or_its_start_before_a_colon(line, platform):
    assert label_of(line) == platform


def test_links_intro():
    assert is_links_intro("Enlaces:") and is_links_intro("  Links  ")
    assert not is_links_intro("Enlace: https://cne.gob.ec/a")


def _phases(text):
    return read_text(text, "prueba.txt").phases


def test_phases_hold_only_headings_with_claims_or_links_and_key_empty_before_any_heading():
    phases = _phases(
        "Facebook: https://www.facebook.com/CNE/posts/1\n"
        "1. Introducción\n\nTexto sin nada.\n\n"
        "A. Difusión\nX: 3 publicaciones\n"
        "B. Vacía\nSolo texto.\n"
        "C. Otra\nhttps://x.com/cne/status/123\n"
    )
    assert [(p.key, p.title, p.line) for p in phases] == [
        ("", "", None), ("A", "Difusión", 6), ("C", "Otra", 10)]
    assert [c.line for c in phases[1].claims] == [7]
    assert [link.line for link in phases[2].links] == [11]


def test_claims_and_links_belong_to_the_nearest_heading_above():
    phases = _phases("Fase 1 — Antes\nhttps://x.com/a/status/1\nFase 2 — Después\n"
                     "https://x.com/a/status/2\nhttps://x.com/a/status/3\n")
    assert [(p.key, len(p.links)) for p in phases] == [("1", 1), ("2", 2)]


def test_markdown_headings_make_phases():
    phases = _phases("# Informe\n## Difusión\nhttps://youtu.be/FVxRBZKWRe4\n")
    assert [(p.key, p.line) for p in phases] == [("Difusión", 2)]


def _listed(text):
    return [(link.line, link.listed_as) for p in _phases(text) for link in p.links]


def test_label_line_applies_across_blank_lines_enlaces_and_prose_until_the_next_label():
    text = ("A. Fase\nEnlaces:\n\nX (antes Twitter)\n\nhttps://x.com/a/status/1\n"
            "Texto intermedio.\nhttps://x.com/a/status/2\nFacebook\n"
            "https://www.facebook.com/share/p/abc/\n")
    assert _listed(text) == [(6, "x"), (8, "x"), (10, "facebook")]


def test_label_at_the_start_of_the_links_own_line():
    assert _listed("X (antes Twitter): https://x.com/a/status/1\n"
                   "Página web: <https://cne.gob.ec/nota>\n") == [(1, "x"), (2, "web")]


def test_a_heading_ends_the_label():
    assert _listed("Facebook\nhttps://www.facebook.com/share/p/a/\nB. Otra\n"
                   "https://www.facebook.com/share/p/b/\n") == [(2, "facebook"), (4, None)]


def test_a_claim_for_another_platform_ends_the_label_and_listed_as_may_differ():
    text = ("YouTube\nhttps://www.facebook.com/CNE/videos/123\n"
            "Se publicaron 4 tuits.\nhttps://www.facebook.com/CNE/videos/456\n")
    assert _listed(text) == [(2, "youtube"), (4, None)]
    platforms = [link.platform for p in _phases(text) for link in p.links]
    assert platforms == ["facebook", "facebook"]


def test_a_claim_for_the_same_platform_keeps_the_label():
    assert _listed("Facebook\nSe publicaron 2 posteos:\nhttps://www.facebook.com/share/p/a/\n") \
        == [(3, "facebook")]


def test_no_label_gives_listed_as_none():
    assert _listed("Link video Institucional\nhttps://youtu.be/FVxRBZKWRe4\n") == [(2, None)]


def test_docx_heading_lines_and_link_targets_reach_the_phases():
    extracted = Extracted(
        lines=["Difusión en redes", "Facebook: 2 publicaciones", "Ver la publicación aquí"],
        link_targets={3: ["https://www.facebook.com/CNE/posts/123"]},
        heading_lines={1},
    )
    (phase,) = read_text(extracted, "informe.docx").phases
    assert (phase.key, phase.title, phase.line) == ("Difusión en redes", "Difusión en redes", 1)
    assert [(c.platform, c.count) for c in phase.claims] == [("facebook", 2)]
    assert [(link.url, link.line, link.listed_as, link.post_id) for link in phase.links] == [
        ("https://www.facebook.com/CNE/posts/123", 3, "facebook", "123")]
