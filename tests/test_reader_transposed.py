"""Claim tables whose rows are phases and whose columns are platforms (issue 18).

    Momento | X | Facebook | YouTube | Total
    Momento 1: Convocatoria | 3 | 2 | 0 | 5
    Total | 7 | 5 | 1 | 13

Each cell is its phase's claim for its platform (a zero too), a row's Total that phase's total,
the Total row's cells totals over every phase. The rows belong to the phases the report details
later under headings of their own; a report without such headings gets its phases from the rows.
Every shape is written as an institution would: a TAB table in a .txt, a Markdown table, a .docx
table and its PDF export.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import pytest
from documents import docx_bytes, pdf_bytes

from auditor.compare import audit_report
from cosecha.reader import read_text
from cosecha.reader.extract import extract_bytes
from cosecha.reader.structure import heading_of
from cosecha.reader.tables import find_phase_tables

FORMATS = ("txt", "md", "docx", "pdf")
ALL = "all"
PREAMBLE = ["INFORME DE RENDICIÓN DE CUENTAS",
            "Gobierno Autónomo Descentralizado Municipal de Santa Elena",
            "Publicaciones realizadas en cada momento del proceso:"]


@dataclass(frozen=True)
class Shape:
    corner: str  # the header's first cell, naming the phase column
    labels: tuple[str, ...]  # how the header names each platform column
    platforms: tuple[str, ...]  # the platform of each column
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # each phase's first cell and counts
    keys: tuple[str, ...]  # the key of the phase each row names
    headings: tuple[str, ...]  # the headings detailing the phases later on
    row_totals: tuple[int, ...] | None = None  # as written; None: each row's sum
    column_totals: tuple[int, ...] | None = None  # the Total row as written; None: the sums

    def totals(self) -> tuple[int, ...]:
        return self.row_totals or tuple(sum(counts) for _, counts in self.rows)

    def column_sums(self) -> tuple[int, ...]:
        sums = tuple(sum(column) for column in zip(*(counts for _, counts in self.rows)))
        return self.column_totals or (*sums, sum(sums))


MOMENTOS = Shape(
    "Momento", ("X", "Facebook", "YouTube"), ("x", "facebook", "youtube"),
    (("Momento 1: Convocatoria", (3, 2, 0)), ("Momento 2: Deliberación", (4, 3, 1))),
    ("1", "2"), ("Momento 1. Convocatoria", "Momento 2. Deliberación"))
ETAPAS = Shape(
    "Etapa", ("X (ex Twitter)", "FB", "IG", "TikTok", "YT"),
    ("x", "facebook", "instagram", "tiktok", "youtube"),
    (("Etapa 1: Convocatoria a la ciudadanía y registro de participantes", (2, 1, 0, 0, 0)),
     ("Etapa 2: Deliberación", (1, 1, 1, 0, 1)),
     ("Etapa 3: Respuesta a la ciudadanía", (0, 2, 0, 1, 0))),
    ("1", "2", "3"), ("Etapa 1:", "Etapa 2:", "Etapa 3:"))
FASES = Shape(
    "Fase", ("Twitter", "Facebook"), ("x", "facebook"),
    (("Fase I", (2, 1)), ("Fase II", (1, 2))),
    ("I", "II"), ("Fase I: Convocatoria", "Fase II – Deliberación"))
NUMERADOS = Shape(
    "Momentos", ("X", "Facebook", "Instagram"), ("x", "facebook", "instagram"),
    (("1. Convocatoria", (1, 0, 2)), ("2. Deliberación", (2, 1, 0))),
    ("1", "2"), ("Fase 1 – Convocatoria", "Fase 2 – Deliberación"))
SHAPES = {"momentos": MOMENTOS, "etapas": ETAPAS, "fases": FASES, "numerados": NUMERADOS}


# --- the report, as blocks of tests/documents.py, then in each format ---------------------

def post(platform: str, phase: int, n: int) -> str:
    ident = f"{phase}{n:02d}"
    return {"x": f"https://x.com/GADSantaElena/status/19{ident}",
            "facebook": f"https://www.facebook.com/GADSantaElena/posts/29{ident}",
            "instagram": f"https://www.instagram.com/p/C8aBcDe{ident}/",
            "tiktok": f"https://www.tiktok.com/@gadsantaelena/video/723456789012345{ident}",
            "youtube": f"https://www.youtube.com/watch?v=abcdefgh{ident}"}[platform]


def phase_links(shape: Shape, index: int) -> list[str]:
    _, counts = shape.rows[index]
    return [post(platform, index + 1, n) for platform, count in zip(shape.platforms, counts)
            for n in range(count)]


def table(shape: Shape) -> list[list[str]]:
    rows = [[shape.corner, *shape.labels, "Total"]]
    rows += [[name, *map(str, counts), str(total)]
             for (name, counts), total in zip(shape.rows, shape.totals())]
    return [*rows, ["Total", *map(str, shape.column_sums())]]


def blocks(shape: Shape, headings: bool, details: list[list[tuple]] | None = None
           ) -> list[tuple]:
    """The preamble, the table, then each phase under its heading (its `details`, else its
    links), or without headings every link in one list."""
    found = [*(("paragraph", line) for line in PREAMBLE), ("table", table(shape))]
    if not headings:
        links = [link for index in range(len(shape.rows)) for link in phase_links(shape, index)]
        return [*found, ("paragraph", "Enlaces de las publicaciones realizadas"),
                *(("paragraph", link) for link in links)]
    for index, heading in enumerate(shape.headings):
        found.append(("heading", heading, 1))
        found += details[index] if details else [
            ("paragraph", "Enlaces:"), *(("paragraph", link) for link in phase_links(shape, index))]
    return found


def as_text(blocks: list[tuple], markdown: bool) -> str:
    lines: list[str] = []
    for kind, content, *_ in blocks:
        if kind == "heading":
            lines += ["", f"## {content}" if markdown else content]
        elif kind == "paragraph":
            lines.append(content)
        else:
            lines += ["", *(_markdown_rows(content) if markdown else map("\t".join, content)), ""]
    return "\n".join(lines) + "\n"


def _markdown_rows(rows: list[list[str]]) -> list[str]:
    body = [f"| {' | '.join(f'**{cell}**' if row[0] == 'Total' else cell for cell in row)} |"
            for row in rows]  # a bold Total row
    return [body[0], "|" + "---|" * len(rows[0]), *body[1:]]


def read(blocks: list[tuple], fmt: str):
    if fmt in ("txt", "md"):
        return read_text(as_text(blocks, markdown=fmt == "md"), f"informe.{fmt}")
    data = docx_bytes(blocks) if fmt == "docx" else pdf_bytes([blocks])
    return read_text(extract_bytes(data, fmt), f"informe.{fmt}")


def audit(report) -> list[tuple[str, str | None, str | None]]:
    result = audit_report(report, {}, sha256="0", audited_at="2026-01-01T00:00:00+00:00")
    return [(f.code, f.phase, f.platform) for f in result.findings]


# --- what must come out ---------------------------------------------------------------------

def read_claims(report) -> dict[str, Counter]:
    return {p.key: Counter((c.platform, c.count, tuple(c.covers)) for c in p.claims)
            for p in report.phases if p.claims or p.links}


def expected_claims(shape: Shape) -> dict[str, Counter]:
    """The Total row where the table stands (before any heading: phase ""), each row in its
    phase: a claim per platform (zeros too) and its total, all covering that phase."""
    columns = (*shape.platforms, ALL)
    found = {"": Counter((platform, count, shape.keys) for platform, count
                         in zip(columns, shape.column_sums()))}
    for key, (_, counts), total in zip(shape.keys, shape.rows, shape.totals()):
        found[key] = Counter((platform, count, (key,))
                             for platform, count in zip(columns, (*counts, total)))
    return found


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SHAPES)
def test_each_cell_is_its_phase_claim_and_the_links_are_the_headings(name, fmt):
    shape = SHAPES[name]
    report = read(blocks(shape, headings=True), fmt)
    assert [(p.key, p.kind) for p in report.phases] == [
        ("", "phase"), *((key, "phase") for key in shape.keys)]
    assert read_claims(report) == expected_claims(shape)
    assert {p.key: sorted(link.url for link in p.links) for p in report.phases} == {
        "": [], **{key: sorted(phase_links(shape, i)) for i, key in enumerate(shape.keys)}}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SHAPES)
def test_without_headings_the_rows_are_the_phases_in_their_order(name, fmt):
    shape = SHAPES[name]
    report = read(blocks(shape, headings=False), fmt)
    assert [p.key for p in report.phases] == ["", *shape.keys]
    assert read_claims(report) == expected_claims(shape)
    assert len(report.phases[0].links) == sum(sum(counts) for _, counts in shape.rows)


@pytest.mark.parametrize("headings", [True, False], ids=["titulos", "sin_titulos"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SHAPES)
def test_a_table_that_adds_up_audits_without_total_mismatch(name, fmt, headings):
    report = read(blocks(SHAPES[name], headings), fmt)
    codes = [code for code, _, _ in audit(report)]
    assert "total_mismatch" not in codes and "no_claims" not in codes
    if headings:  # every phase lists as many posts as it claims
        assert not {"count_mismatch", "missing_evidence"} & set(codes)


@pytest.mark.parametrize("headings", [True, False], ids=["titulos", "sin_titulos"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_total_that_does_not_add_up_is_a_total_mismatch_of_its_phase(fmt, headings):
    shape = replace(MOMENTOS, row_totals=(5, 9))  # 4 + 3 + 1 is 8
    mismatches = [f for f in audit(read(blocks(shape, headings), fmt))
                  if f[0] == "total_mismatch"]
    assert mismatches == [("total_mismatch", "2", ALL)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_total_row_cell_that_does_not_add_up_is_a_total_mismatch_of_its_platform(fmt):
    shape = replace(ETAPAS, column_totals=(3, 5, 1, 1, 1, 10))  # Facebook: 1 + 1 + 2 is 4
    mismatches = [f for f in audit(read(blocks(shape, True), fmt)) if f[0] == "total_mismatch"]
    assert mismatches == [("total_mismatch", "", "facebook")]


# --- phases that state their own claims: the table restates them -----------------------------

def own_tables(shape: Shape) -> list[list[tuple]]:
    """Each phase's own claim table, platform per row, as the report details it."""
    details = []
    for index, (_, counts) in enumerate(shape.rows):
        rows = [["Red social", "N.º de publicaciones", "Enlaces"]]
        rows += [[label, str(count), [post(platform, index + 1, n) for n in range(count)]]
                 for label, platform, count in zip(shape.labels, shape.platforms, counts)
                 if count]
        details.append([("table", rows)])
    return details


def platform_rows_as_text(blocks: list[tuple]) -> list[tuple]:
    """A cell of several links as one line of links, as a .txt or Markdown table writes it."""
    return [(kind, [[" ".join(cell) if isinstance(cell, list) else cell for cell in row]
                    for row in content]) if kind == "table" else (kind, content, *rest)
            for kind, content, *rest in blocks]


@pytest.mark.parametrize("fmt", FORMATS)
def test_phases_with_their_own_tables_are_restated_by_the_phase_rows(fmt):
    shape = MOMENTOS
    written = blocks(shape, True, own_tables(shape))
    report = read(platform_rows_as_text(written) if fmt in ("txt", "md") else written, fmt)
    claims = read_claims(report)
    for key, (_, counts) in zip(shape.keys, shape.rows):  # its own table's, once
        assert claims[key] == Counter((platform, count, (key,)) for platform, count
                                      in zip(shape.platforms, counts) if count)
    restated = expected_claims(shape)
    assert claims[""] == restated[""] + restated["1"] + restated["2"]
    assert not {"total_mismatch", "count_mismatch", "missing_evidence"} & {
        code for code, _, _ in audit(report)}


def test_a_restating_cell_that_disagrees_with_its_phase_is_a_total_mismatch():
    shape = MOMENTOS  # phase 2 claims 3 on Facebook, and so do the table's totals
    typo = replace(shape, rows=(shape.rows[0], ("Momento 2: Deliberación", (4, 2, 1))),
                   row_totals=shape.totals(), column_totals=shape.column_sums())
    written = blocks(typo, True, own_tables(shape))
    mismatches = [f for f in audit(read(written, "docx")) if f[0] == "total_mismatch"]
    assert mismatches == [("total_mismatch", "", "facebook")]


# --- the reading of rows and headers ----------------------------------------------------------

def test_pdf_rows_take_their_counts_from_the_end_and_go_on_across_wrapped_names():
    lines = ["Momento X FB YT Total",
             "Momento 1: Convocatoria pública a 3 — 0 3",
             "la ciudadanía",
             "Momento 2 1 2 3 6",
             "Total 4 2 3 9",
             "Momento 1. Convocatoria"]
    rows = find_phase_tables(lines).rows
    assert {n: (row.name, [(c.platform, c.count, c.total) for c in row.counts])
            for n, row in rows.items()} == {
        2: ("Momento 1: Convocatoria pública a", [("x", 3, False), ("youtube", 0, False),
                                                  (ALL, 3, True)]),
        4: ("Momento 2", [("x", 1, False), ("facebook", 2, False), ("youtube", 3, False),
                          (ALL, 6, True)]),
        5: ("", [("x", 4, True), ("facebook", 2, True), ("youtube", 3, True), (ALL, 9, True)])}
    assert find_phase_tables(lines).lines == {1, 2, 4, 5}


@pytest.mark.parametrize("header", [
    "Red social\tMomento 1\tMomento 2",  # a table of platform rows
    "Momento\tTotal",  # one column
    "Etapa\tX\tObservaciones",  # a column of no platform
    "Etapas del proceso: X, Facebook y YouTube",
    "Fase A Facebook YouTube",  # a heading's label, then words
])
def test_lines_that_are_no_header_of_phase_rows(header):
    assert find_phase_tables([header, "Momento 1\t3\t2", "Fase X 3 2"]).rows == {}


@pytest.mark.parametrize("line, key", [
    ("Momento 2. Deliberación", "2"), ("Momento 1: Convocatoria", "1"), ("MOMENTO 3", "3")])
def test_momento_names_a_phase_as_fase_and_etapa_do(line, key):
    assert heading_of(line).key == key
