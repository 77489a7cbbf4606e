"""The claim grammar (cosecha/reader/tokens.py and grammar.py): claims as people write them,
one behaviour a test; the generator of phrasings (test_phrasings.py) combines them."""

from __future__ import annotations

import time

import pytest

from auditor.compare import audit_report
from cosecha.reader import read_text
from cosecha.reader.claims import counts_on, find_claims
from cosecha.reader.tokens import number_value


def read(line: str) -> list[tuple]:
    return [(c.platform, c.count, c.approximate, c.total) for c in counts_on(line)]


def codes(text: str) -> list[str]:
    report = read_text(text, "informe.txt")
    audit = audit_report(report, {}, sha256="0", audited_at="2026-01-01T00:00:00+00:00")
    return sorted(f.code for f in audit.findings if f.code not in ("unverified_link",
                                                                  "nothing_verified"))


@pytest.mark.parametrize("words, value", [
    ("una docena", 12), ("media docena", 6), ("veintitrés", 23), ("veintiún", 21),
    ("ciento veinte", 120), ("doscientas cincuenta", 250), ("mil doscientas", 1200),
    ("treinta y dos", 32), ("tres mil cuatrocientos", 3400), ("dos docenas", 24),
])
def test_spanish_numbers_of_any_size(words, value):
    assert number_value(words) == value
    assert read(f"Se publicaron {words} publicaciones en Facebook.") == [
        ("facebook", value, None, False)]


@pytest.mark.parametrize("line, expected", [
    ("Se publicaron ciento veinte trinos.", [("x", 120)]),
    ("dos (2) trinos y dos (2) publicaciones en la cuenta oficial de Facebook, además de una "
     "pieza gráfica en IG.", [("x", 2), ("facebook", 2), ("instagram", 1)]),
    ("Publicaciones en X ……… 3", [("x", 3)]),
    ("Transmisión en YT: 1", [("youtube", 1)]),
    ("en X se publicaron 12 y en Facebook 4", [("x", 12), ("facebook", 4)]),
    ("Facebook (2 publicaciones)", [("facebook", 2)]),
    ("3 reels difundidos a través de Instagram", [("instagram", 3)]),
    ("Se difundieron 4 posteos por el canal de YouTube y 2 carruseles en IG.",
     [("youtube", 4), ("instagram", 2)]),
    ("mil doscientas publicaciones en X (ex Twitter)", [("x", 1200)]),
    ("TikTok: 2 videos", [("tiktok", 2)]),
])
def test_any_order_of_number_unit_and_platform(line, expected):
    assert [(platform, count) for platform, count, *_ in read(line)] == expected


def test_links_between_the_number_and_the_platform_are_skipped():
    line = ("2 tuits (https://x.com/cne/status/1935399367130657167, "
            "https://x.com/cne/status/1935399367130657168) y 3 publicaciones en FB "
            "(https://www.facebook.com/cne/posts/123)")
    assert read(line) == [("x", 2, None, False), ("facebook", 3, None, False)]


def test_a_total_with_its_breakdown_in_parentheses():
    assert read("cinco publicaciones (tres en X y dos en Instagram)") == [
        ("all", 5, None, True), ("x", 3, None, False), ("instagram", 2, None, False)]


def test_decoy_figures_beside_claims_are_not_claims():
    assert read("X: 4 publicaciones (9,870 impresiones)") == [("x", 4, None, False)]
    assert read("Facebook: 1,204 reacciones y 48,350 personas alcanzadas") == []


def test_an_approximation_after_a_dot_leader():
    assert read("Publicaciones en Facebook ……… unas 15") == [("facebook", 15, "about", False)]


def test_a_claim_wrapped_over_two_lines_is_read_across_the_break():
    lines = ["Fase 1: Difusión", "Se realizaron 3 publicaciones en la cuenta",
             "oficial de Facebook y 2 en X."]
    found = [(c.platform, c.count, c.line) for c, _ in find_claims(lines, {})]
    assert found == [("facebook", 3, 2), ("x", 2, 3)]


def test_plans_lower_case_x_dates_and_ordinals_are_no_claims():
    assert read("Se publicarán 5 videos en YouTube.") == []
    assert "x" not in [platform for platform, *_ in read("Se hicieron 3 x 2 publicaciones")]
    assert read("El 3 de julio en Facebook") == []
    assert read("Fase 2 en X") == []


def test_a_grand_total_in_prose_covers_every_phase():
    phases = ("Etapa 1: Convocatoria\nSe realizaron 10 publicaciones en X.\n"
              "Etapa 2: Deliberación\nSe realizaron 6 publicaciones en Facebook y 6 en X.\n"
              "Etapa 3: Cierre\nSe hizo 1 transmisión en YouTube.\n")
    total = "En total se publicaron {} contenidos durante las tres etapas.\n"
    report = read_text(phases + total.format(23), "informe.txt")
    [grand] = [c for p in report.phases for c in p.claims if c.platform == "all"]
    assert grand.covers == ["1", "2", "3"]
    assert "total_mismatch" not in codes(phases + total.format(23))
    assert "total_mismatch" in codes(phases + total.format(22))


@pytest.mark.parametrize("line", [
    ("Se realizaron 3 publicaciones en X, dos (2) en FB y una en YT "
     "(https://x.com/a/status/1234567890123456789); 48,350 personas. "),
    "a", "1 ", "X: ", "en X ",
])
def test_reading_a_long_line_takes_time_linear_in_its_length(line):
    """Ten times the text takes about ten times as long, never a hundred (bench.leer prints
    the 1 MB figure, under 2 s)."""
    def seconds(size: int) -> float:
        text = (line * (size // len(line) + 1))[:size]
        started = time.perf_counter()
        read_text("Fase 1: Difusión\n" + text, "informe.txt")
        return time.perf_counter() - started

    small, large = seconds(100_000), seconds(1_000_000)
    assert large < 20 * small + 0.5
