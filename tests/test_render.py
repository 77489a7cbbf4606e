"""Rendered audits: golden Markdown and CSV, and what every format must hold."""

import csv
import io
import json
from pathlib import Path

from auditor.model import RESERVATIONS, REVIEW, Audit, CoverageRow, Finding
from auditor.render import render_audits, render_summary

GOLDEN = Path(__file__).parent / "golden"


def audits() -> list[Audit]:
    first = Audit(
        "informes/santa-elena.txt", "ab" * 32, "Informe de difusión", "CNE Santa Elena",
        "2025-07-03", "2025-07-23", REVIEW, "2025-07-24T10:00:00Z", "0.1.0",
        "2025-07-24T09:00:00Z", "2025-07-24T09:05:00Z",
        [CoverageRow("A", "x", 5, 4, 3, 1, 0), CoverageRow("A", "facebook", 5, 5, 0, 0, 5),
         CoverageRow("D", "youtube", None, 1, 1, 0, 0)],
        [Finding("count_mismatch", "error", "A", "x", None, 34,
                 "Se declaran 5 publicaciones en X y se listan 4"),
         Finding("broken_link", "error", "A", "x", "https://x.com/CNE/status/1940055112992317884",
                 44, "Enlace roto: eliminado por su autor"),
         Finding("unverified_link", "info", "A", "facebook", "https://www.facebook.com/share/p/1A/",
                 54, "Enlace sin verificar: la plataforma pide iniciar sesión | muro")])
    second = Audit("informes/ine.txt", "cd" * 32, "Tercer Informe Trimestral 2022", "INE",
                   None, None, RESERVATIONS, "2025-07-24T10:00:00Z", "0.1.0", None, None,
                   [CoverageRow("", "instagram", 71, 0, 0, 0, 0)], [])
    return [first, second]


def check_golden(name: str, text: str) -> None:
    assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"golden/{name} changed"


def test_markdown_golden():
    check_golden("revisar.md", render_audits(audits(), "markdown"))


def test_csv_golden_and_same_rows_as_json():
    text = render_audits(audits(), "csv")
    check_golden("revisar.csv", text)
    rows = list(csv.DictReader(io.StringIO(text)))
    data = json.loads(render_audits(audits(), "json"))["reports"]
    assert [(r["source"], r["phase"], r["platform"], r["listed"]) for r in rows] == [
        (a["source"], c["phase"], c["platform"], str(c["listed"])) for a in data
        for c in a["coverage"]]


def test_markdown_escapes_pipes_in_cells():
    text = render_audits(audits(), "markdown")
    assert "pide iniciar sesión \\| muro" in text


def test_table_has_spanish_headers_and_the_verdict_line():
    text = render_audits(audits(), "tabla")
    for words in ("Declarado", "Listado", "Vivos", "Rotos", "Sin verificar", "Errores (2)",
                  "Revisar antes de firmar: 2 errores", "Firmable con reservas"):
        assert words in text


def test_html_is_self_contained_and_escapes_report_text():
    hostile = audits()[0]
    hostile.source = "<script>alert(1)</script>.txt"
    hostile.findings[0].url = "javascript:alert(1)"
    page = render_audits([hostile], "html")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'href="javascript:' not in page
    assert "src=" not in page and "@import" not in page and "url(http" not in page
    assert page.count("<script>") == 1


def test_summary_formats_agree():
    summary = {"reports": [{"source": "a.txt", "sha256": "x", "institution": "CNE",
                            "report_date": "2025-07-23", "claimed": 10, "listed": 9, "alive": 8,
                            "broken": 1, "unverified": 0, "errors": 1, "warnings": 0,
                            "verdict": REVIEW, "audited_at": "2025-07-24T10:00:00Z"}],
               "totals": {"x": {"claimed": 10, "listed": 9, "alive": 8, "broken": 1,
                                "unverified": 0}},
               "changes": [{"url": "https://x.com/a/status/1", "from": "alive", "to": "broken",
                            "seen_at": "2025-07-24T10:00:00Z", "sources": ["a.txt"]}]}
    assert "Revisar antes de firmar" in render_summary(summary, "tabla")
    assert "| a.txt | CNE | 2025-07-23 | 10 | 9 | 8 | 1 | 0 | 1 | 0 |" in render_summary(summary, "markdown")
    [row] = list(csv.DictReader(io.StringIO(render_summary(summary, "csv"))))
    assert (row["source"], row["broken"]) == ("a.txt", "1")
    assert json.loads(render_summary(summary, "json")) == summary
