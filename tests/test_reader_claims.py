"""Claims: counts per platform, number words, separators, percentages, totals, plans,
breakdowns."""

import pytest

from cosecha.reader import read_text
from cosecha.reader.claims import breakdown_item, count_on, parse_count


def claims_of(text):
    return [c for phase in read_text(text, "prueba.txt").phases for c in phase.claims]


@pytest.mark.parametrize("text, value", [
    ("5", 5), ("2,345", 2345), ("2.345", 2345), ("2 345", 2345), ("2\u00a0345", 2345),
    ("1.234.567", 1234567), ("cinco", 5), ("Doce", 12), ("veinte", 20), ("veintitrés", 23),
    ("treinta y dos", 32), ("cien", 100), ("una", 1), ("muchas", None),
])
def test_parse_count(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize("line, platform, count", [
    ("X (antes Twitter): 5 publicaciones informativas.", "x", 5),
    ("Facebook: 805 posteos", "facebook", 805),
    ("Se publicaron 2,345 tuits:", "x", 2345),
    ("Se publicaron 2.345 tweets", "x", 2345),
    ("Se publicaron 2 345 tuits", "x", 2345),
    ("Se publicaron\u00a0 2\u00a0345 tuits:\u00a0", "x", 2345),
    ("Se realizaron cinco publicaciones en Facebook.", "facebook", 5),
    ("Se hicieron doce transmisiones por YouTube", "youtube", 12),
    ("YouTube: veinte videos", "youtube", 20),
    ("Instagram: 71 historias y reels", "instagram", 71),
    ("En X se publicaron 12 posts", "x", 12),
])
def test_a_count_of_publications_with_its_platform_on_the_line(line, platform, count):
    found = count_on(line)
    assert (found.platform, found.count, found.unit) == (platform, count, "posts")


@pytest.mark.parametrize("line", [
    "Se subirán los 126 videos a un canal de YouTube.",
    "Se publicará en Facebook 5 posts.",
    "Publicaremos 10 tuits durante el evento.",
    "Se van a publicar 5 tuits.",
    "Publicar 5 videos en YouTube.",
    "Realizar 10 publicaciones en Facebook",
    "El plan prevé difundir 8 publicaciones en X.",
])
def test_future_and_infinitive_counts_are_plans_not_claims(line):
    assert count_on(line) is None


def test_a_past_claim_with_a_purpose_clause_is_still_a_claim():
    assert count_on("Se publicaron 5 posts en Facebook para invitar a la ciudadanía.").count == 5


def test_percentages_are_percent_claims_without_breakdown():
    claims = claims_of("Porcentaje de publicaciones realizadas en Facebook\t100,00%\n"
                       "Porcentaje de publicaciones realizadas en Twitter 97.5 %\n"
                       "Porcentaje de publicaciones en la pagina web\t100,00%\n"
                       "Porcentaje de ejecución presupuestaria\t94,51%\n")
    assert [(c.platform, c.count, c.unit, c.breakdown) for c in claims] == [
        ("facebook", 100.0, "percent", []), ("x", 97.5, "percent", [])]


def test_a_total_across_networks_is_a_claim_for_all():
    claims = claims_of("Publicaciones totales en redes sociales durante enero: 3,221\n")
    assert [(c.platform, c.count) for c in claims] == [("all", 3221)]


def test_the_platform_comes_from_the_label_line_above():
    claims = claims_of("Facebook\n\nSe publicaron 805 posteos:\n\n"
                       "Instagram\nSe publicaron 71 posts\n")
    assert [(c.platform, c.count, c.line) for c in claims] == [
        ("facebook", 805, 3), ("instagram", 71, 6)]


def test_a_count_without_platform_and_prose_above_is_no_claim():
    assert claims_of("Facebook\nTexto de por medio.\nSe publicaron 5 posts\n") == []
    assert claims_of("Edición de 5 videos TikTok\nEdición de 75 videos para radio\n") == []


@pytest.mark.parametrize("line, item", [
    ("#TuINE\t\t\t\t98\t\t\t", ("#TuINE", 98)),
    ("Entrevistas: 64", ("Entrevistas", 64)),
    ("#Elecciones2023MX\t\t120 ", ("#Elecciones2023MX", 120)),
    ("Resumen #CGINE\t\t\t1,208", ("Resumen #CGINE", 1208)),
    ("Facebook\t5", None), ("X: 12", None),
    ("Porcentaje\t100,00%", None), ("Día 1\t5", None), ("Solo texto", None),
])
def test_breakdown_item_is_a_non_platform_label_and_one_count_at_the_end(line, item):
    assert breakdown_item(line) == item


def test_breakdown_lines_continue_across_blank_lines_until_a_line_that_is_not_one():
    claims = claims_of("Twitter\n\nSe publicaron 2,345 tuits:\n\t\t\n#Uno\t174\n\n#Dos\t121\n"
                       "Entrevistas: 5\nOtro párrafo.\n#Tres\t9\n")
    assert [(b.label, b.count, b.line) for b in claims[0].breakdown] == [
        ("#Uno", 174, 5), ("#Dos", 121, 7), ("Entrevistas", 5, 8)]


def test_another_claim_or_a_heading_ends_a_breakdown():
    claims = claims_of("Facebook: 10 posts\n#A\t4\nX: 3 tuits\n#B\t2\nB. Siguiente\n#C\t1\n")
    assert [[(b.label, b.count) for b in c.breakdown] for c in claims] == [[("#A", 4)], [("#B", 2)]]
