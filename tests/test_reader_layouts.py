"""Reports as institutions lay them out: claim tables, enumerations, totals wherever they stand,
summaries, evidence annexes and approximate figures (issue 9), one behaviour per test."""

from __future__ import annotations

import pytest

from auditor.render.read_report import phase_table
from cosecha.cli_kit.console import render
from cosecha.reader import read_text
from cosecha.reader.links import scan_links

X1, X2, X3 = (f"https://x.com/muni/status/181111111111111111{i}" for i in (1, 2, 3))
FB1, FB2 = "https://www.facebook.com/muni/posts/1001", "https://www.facebook.com/muni/posts/1002"
YT = "https://youtu.be/abcdefghijk"


def read(text: str):
    return read_text(text, "prueba.md")


def claims(text: str) -> list[tuple]:
    return [(p.key, p.kind, c.platform, c.count, c.approximate, c.covers)
            for p in read(text).phases for c in p.claims]


@pytest.mark.parametrize("header, rows", [
    ("| Red social | N.º de publicaciones | Enlaces |\n|---|---:|---|",
     [f"| X | 2 | {X1} {X2} |", f"| Facebook | una | [Ver]({FB1}) |", "| **Total** | **3** | |"]),
    ("Plataforma\tCantidad\tEvidencia", [f"X\t2\t{X1} {X2}", f"Facebook\t1\t{FB1}", "Total\t3\t"]),
    ("Red social N.º de publicaciones Enlace",  # a PDF's text: cells only spaces apart
     [f"X 2 {X1}", X2, f"Facebook 1 {FB1}", "Total 3"]),
])
def test_a_claim_table_gives_a_claim_per_row_and_its_links(header, rows):
    text = "\n".join(["Fase 1: Convocatoria", header, *rows])
    assert claims(text) == [("1", "phase", "x", 2, None, ["1"]),
                            ("1", "phase", "facebook", 1, None, ["1"]),
                            ("1", "phase", "all", 3, None, ["1"])]
    links = read(text).phases[0].links
    assert [(link.url, link.listed_as) for link in links] == [
        (X1, "x"), (X2, "x"), (FB1, "facebook")]


def test_a_table_without_a_count_column_gives_links_only():
    text = f"Fase 1: Convocatoria\nRed social\tEnlace\nX\t{X1}\n"
    assert claims(text) == [] and len(read(text).phases[0].links) == 1


def test_a_paragraph_after_a_table_is_not_one_of_its_rows():
    text = ("Fase 1: Convocatoria\nRed social\tPublicaciones\nX\t2\n"
            "Total de publicaciones en redes sociales: 2\n")
    assert claims(text)[-1] == ("1", "phase", "all", 2, None, ["1"])


@pytest.mark.parametrize("line, expected", [
    ("Se realizaron 3 publicaciones en X, 2 en Facebook y 1 en YouTube.",
     [("x", 3), ("facebook", 2), ("youtube", 1)]),
    ("Se publicaron doce tuits y una transmisión en vivo por YouTube.",
     [("x", 12), ("youtube", 1)]),
    ("En X se publicaron 12 posts y en Facebook 4 posts.", [("x", 12), ("facebook", 4)]),
    ("Se realizaron 5 publicaciones en Facebook, 3 infografías y 2 videos.", [("facebook", 5)]),
])
def test_a_prose_enumeration_gives_one_claim_per_platform(line, expected):
    assert [(c[2], c[3]) for c in claims(f"Fase 1: Difusión\n{line}\n")] == expected


def test_an_enumeration_broken_across_lines_keeps_every_item():
    text = "Fase 1: Difusión\nSe realizaron 2 publicaciones en X,\n2 en Facebook y 1 en YouTube.\n"
    assert [(c[2], c[3]) for c in claims(text)] == [("x", 2), ("facebook", 2), ("youtube", 1)]


@pytest.mark.parametrize("phrase, kind", [
    ("más de 30", "more_than"), ("+30", "more_than"), ("al menos 30", "at_least"),
    ("alrededor de 30", "about"), ("aproximadamente 30", "about"), ("cerca de 30", "about"),
    ("unas 30", "about"), ("menos de 30", "less_than"), ("30", None),
])
def test_approximate_figures_keep_their_number_and_say_how(phrase, kind):
    [claim] = claims(f"Fase 1: Difusión\nSe realizaron {phrase} publicaciones en Facebook.\n")
    assert claim[3:5] == (30, kind)


PHASES = (f"Fase 1: Convocatoria\nX: 2 publicaciones\n{X1}\n{X2}\nSubtotal fase 1: 2\n\n"
          f"Fase 2: Deliberación\nFacebook: 1 publicación\n{FB1}\n")


@pytest.mark.parametrize("closing, covers", [
    ("Total de publicaciones en redes sociales: 3", ["1", "2"]),
    ("Total fase 2: 1", ["2"]),
    ("Subtotal: 1", ["2"]),
])
def test_a_closing_total_covers_every_phase_unless_it_names_one(closing, covers):
    found = claims(PHASES + closing + "\n")
    assert found[1] == ("1", "phase", "all", 2, None, ["1"])  # "Subtotal fase 1" after its claims
    assert found[-1][2:] == ("all", int(closing[-1]), None, covers)


def test_a_total_before_the_claims_it_sums_covers_its_own_phase():
    text = PHASES.replace("Fase 2: Deliberación\n", "Fase 2: Deliberación\nTotal: 1\n")
    assert ("2", "phase", "all", 1, None, ["2"]) in claims(text)


def test_totals_closing_every_phase_are_each_their_phases_own():
    text = ("Fase 1: Convocatoria\nX: 2 publicaciones\nTotal: 2\n\n"
            "Fase 2: Deliberación\nFacebook: 1 publicación\nTotal: 1\n")
    assert [c[5] for c in claims(text) if c[2] == "all"] == [["1"], ["2"]]


@pytest.mark.parametrize("heading", ["Resumen", "## Resumen general", "5. Consolidado",
                                     "Síntesis", "TOTALES"])
def test_a_summary_section_restates_the_phases(heading):
    text = PHASES + (f"\n{heading}\n\n"
                     "En las dos fases se realizaron 2 publicaciones en X y 1 en Facebook.\n")
    summary = read(text).phases[-1]
    assert summary.kind == "summary"
    assert [(c.platform, c.count, c.covers) for c in summary.claims] == [
        ("x", 2, ["1", "2"]), ("facebook", 1, ["1", "2"])]


def test_a_breakdown_line_named_resumen_is_no_summary():
    text = "Twitter\n\nSe publicaron 9 tuits:\n#TuINE\t1\nResumen #CGINE\t8\n"
    assert [p.kind for p in read(text).phases] == ["phase"]


ANNEXED = ("A. Convocatoria a la ciudadanía\nX: 2 publicaciones\n\n"
           "B. Deliberación pública\nFacebook: 1 publicación\nYouTube: 1 transmisión\n\n")


@pytest.mark.parametrize("annex, group_a, group_b", [
    ("Anexo 1: Enlaces de evidencia", "Fase A", "Fase B"),
    ("ANEXOS", "A. Convocatoria a la ciudadanía", "B. Deliberación pública"),
    ("## Evidencias", "Convocatoria", "Deliberación pública:"),
    ("Enlaces de evidencia", "Fase A:", "Fase B:"),
])
def test_annex_links_go_to_the_phases_their_groups_name(annex, group_a, group_b):
    text = ANNEXED + f"{annex}\n\n{group_a}\n{X1}\n{X2}\n\n{group_b}\nFacebook: {FB1}\n{YT}\n"
    report = read(text)
    assert [(p.key, p.kind, [link.url for link in p.links]) for p in report.phases] == [
        ("A", "phase", [X1, X2]), ("B", "phase", [FB1, YT])]
    assert report.phases[1].links[0].listed_as == "facebook"
    assert report.warnings == []


def test_annex_links_under_a_group_naming_no_phase_stay_with_a_warning():
    text = ANNEXED + f"Anexo\nFase A\n{X1}\n\nOtras publicaciones\n{X3}\n"
    report = read(text)
    assert [(p.key, p.kind, len(p.links)) for p in report.phases][::2] == [
        ("A", "phase", 1), ("Anexo", "annex", 1)]
    annex = report.phases[-1]
    assert annex.kind == "annex" and [link.url for link in annex.links] == [X3]
    assert [w.line for w in report.warnings] == [annex.links[0].line]


def test_an_annex_heading_before_any_phase_is_read_as_the_body():
    text = f"Anexo 1\n\nX: 2 publicaciones\n{X1}\n{X2}\n"
    assert [(p.kind, len(p.claims), len(p.links)) for p in read(text).phases] == [("phase", 1, 2)]


def test_evidencias_inside_a_phase_only_introduces_its_links():
    text = f"Fase 1: Convocatoria\nX: 1 publicación\nEvidencias:\n{X1}\n"
    assert [(p.key, p.kind, len(p.links)) for p in read(text).phases] == [("1", "phase", 1)]


@pytest.mark.parametrize("label", ["X:", "Facebook:", "YouTube: video", "Publicaciones", "Enlace:"])
def test_a_wrapped_address_never_swallows_the_label_that_starts_the_next_line(label):
    first = "Ver: https://www.facebook.com/share/p/"
    assert [f.url for f in scan_links([first, label])] == ["https://www.facebook.com/share/p/"]


def test_an_address_shown_over_a_hyperlink_to_another_is_one_link():
    channel, video = "https://www.youtube.com/@canal", "https://youtu.be/abcdefghijk"
    found = scan_links([f"YouTube {channel}"], {1: [video]}, {1: [channel]})
    assert [f.url for f in found] == [video]


def test_leer_shows_approximate_figures_and_what_a_total_sums():
    report = read(PHASES + "Resumen\nSe realizaron más de 2 publicaciones en X.\n")
    text = render([phase_table(report.phases[-1])], color=False)
    assert "más de 2 publicaciones (suma las fases 1 y 2)" in text
