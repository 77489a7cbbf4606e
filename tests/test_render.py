"""Rendered audits as text: golden Markdown and CSV, and what every text format must hold."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from auditor.model import READY, RESERVATIONS, REVIEW, Audit, CoverageRow, Finding
from auditor.render.text import render_audits, render_summary
from cosecha.labels import VERDICT_TEXT

GOLDEN = Path(__file__).parent / "golden"
DELETED_TWEET = "https://x.com/CNE/status/1940055112992317884"


def audits() -> list[Audit]:
    """One report per verdict; the golden files are rendered from these."""
    review = Audit(
        "informes/santa-elena.txt", "ab" * 32, "Informe de difusión", "CNE Santa Elena",
        "2025-07-03", "2025-07-23", REVIEW, "2025-07-24T10:00:00Z", "0.1.0",
        "2025-07-24T09:00:00Z", "2025-07-24T09:05:00Z",
        [CoverageRow("A", "x", 5, 4, 3, 1, 0), CoverageRow("A", "facebook", 5, 5, 0, 0, 5),
         CoverageRow("D", "youtube", None, 1, 1, 0, 0)],
        [Finding("count_mismatch", "error", "A", "x", None, 34,
                 "Se declaran 5 publicaciones en X y se listan 4"),
         Finding("broken_link", "error", "A", "x", DELETED_TWEET, 44,
                 "Enlace roto: eliminado por su autor"),
         Finding("unverified_link", "info", "A", "facebook", "https://www.facebook.com/share/p/1A/",
                 54, "Enlace sin verificar: la plataforma pide iniciar sesión | muro")])
    reservations = Audit(
        "informes/ine.txt", "cd" * 32, "Tercer Informe Trimestral 2022", "INE", None,
        "2022-10-05", RESERVATIONS, "2025-07-24T10:00:00Z", "0.1.0", None, None,
        [CoverageRow("", "instagram", 1, 1, 0, 0, 1), CoverageRow("", "web", None, 0, 0, 0, 0)],
        [Finding("unverified_link", "info", "", "instagram", "https://www.instagram.com/p/Cx1/",
                 12, "Enlace sin verificar: plataforma aún sin verificador")])
    ready = Audit(
        "informes/limpio.md", "ef" * 32, "", "", None, None, READY, "2025-07-24T10:00:00Z",
        "0.1.0", "2025-07-24T09:00:00Z", "2025-07-24T09:00:00Z",
        [CoverageRow("B", "youtube", 2.5, 2, 2, 0, 0)],
        [Finding("duplicate_link", "warning", "B", "youtube", "https://youtu.be/eiHXASgRTcA", 9,
                 "El mismo video aparece dos veces (líneas 7 y 9); cuenta una vez")])
    return [review, reservations, ready]


def summary() -> dict:
    row = {"source": "a.txt", "sha256": "x", "institution": "CNE", "report_date": "2025-07-23",
           "claimed": 10, "listed": 9, "alive": 8, "broken": 1, "unverified": 0, "errors": 1,
           "warnings": 0, "verdict": REVIEW, "audited_at": "2025-07-24T10:00:00Z"}
    other = {**row, "source": "b|año.txt", "institution": None, "report_date": None,
             "claimed": 2.5, "broken": 0, "errors": 0, "verdict": READY}
    return {"reports": [row, other],
            "totals": {"x": {"claimed": 10, "listed": 9, "alive": 8, "broken": 1,
                             "unverified": 0},
                       "youtube": {"claimed": 2.5, "listed": 9, "alive": 9, "broken": 0,
                                   "unverified": 0}},
            "changes": [{"url": "https://x.com/a/status/1", "from": "alive", "to": "broken",
                         "seen_at": "2025-07-24T10:00:00Z", "sources": ["a.txt"]},
                        {"url": "https://x.com/a/status/2", "from": "broken", "to": "alive",
                         "seen_at": "2025-07-25T10:00:00Z", "sources": ["a.txt", "b|año.txt"]}]}


def check_golden(name: str, text: str) -> None:
    """Regenerate a golden file only on purpose, after reading the difference."""
    assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"golden/{name} changed"


def test_markdown_golden():
    check_golden("revisar.md", render_audits(audits(), "markdown"))


def test_csv_golden():
    check_golden("revisar.csv", render_audits(audits(), "csv"))


def test_data_csv_golden_is_the_format_of_before():
    check_golden("revisar-datos.csv", render_audits(audits(), "csv-datos"))


def test_data_csv_rows_are_the_json_coverage_rows():
    rows = list(csv.DictReader(io.StringIO(render_audits(audits(), "csv-datos"))))
    reports = json.loads(render_audits(audits(), "json"))["reports"]
    expected = [{"source": r["source"], "sha256": r["sha256"], "verdict": r["verdict"],
                 **{key: "" if value is None else str(value) for key, value in line.items()}}
                for r in reports for line in r["coverage"]]
    assert rows == expected and len(rows) == 6
    assert rows[2]["claimed"] == "" and rows[5]["claimed"] == "2.5"


def test_json_has_the_shape_of_issue_5_and_keeps_accents():
    text = render_audits(audits(), "json")
    data = json.loads(text)
    assert list(data) == ["reports"] and len(data["reports"]) == 3
    first = data["reports"][0]
    assert list(first) == ["source", "sha256", "title", "institution", "event_date",
                           "report_date", "verdict", "audited_at", "tool_version", "checks_from",
                           "checks_to", "coverage", "findings", "links"]
    assert list(first["coverage"][0]) == ["phase", "platform", "claimed", "listed", "alive",
                                          "broken", "unverified"]
    assert list(first["findings"][0]) == ["code", "severity", "phase", "platform", "url", "line",
                                          "message"]
    assert first["coverage"][2]["claimed"] is None
    assert "Informe de difusión" in text  # not \u00f3


def test_markdown_escapes_pipes_in_cells():
    text = render_audits(audits(), "markdown")
    assert "pide iniciar sesión \\| muro |" in text
    [row] = [line for line in text.splitlines() if "muro" in line]
    assert len(re.findall(r"(?<!\\)\|", row)) == 6  # five cells: the escaped pipe splits none


def test_table_has_title_lines_spanish_headers_and_one_verdict_per_report():
    text = render_audits(audits(), "tabla")
    for words in ("informes/santa-elena.txt — CNE Santa Elena (evento 03/07/2025, fecha "
                  "23/07/2025)", "informes/ine.txt — INE (fecha 05/10/2022)",
                  "Fase", "Plataforma", "Declarado", "Listado", "Vivos", "Rotos",
                  "Sin verificar", "Errores (2)", "Advertencias (1)", "Información (1)",
                  "Veredicto: Revisar antes de firmar: 2 errores",
                  "Veredicto: Firmable con reservas: 1 enlace sin verificar",
                  "Veredicto: Listo para firmar", DELETED_TWEET):
        assert words in text
    assert text.index("Revisar antes de firmar") < text.index("informes/ine.txt")


def test_table_names_platforms_as_people_do_and_shows_no_claim_as_a_dash():
    lines = render_audits(audits(), "tabla").splitlines()
    youtube = next(line for line in lines if " YouTube " in line and " D " in line)
    assert "—" in youtube
    assert any(" Facebook " in line for line in lines)
    assert not any(" youtube " in line or " facebook " in line for line in lines)


def test_table_is_coloured_only_when_asked():
    assert "\x1b[" not in render_audits(audits(), "tabla")
    assert "\x1b[" in render_audits(audits(), "tabla", color=True)


def test_verdict_text_names_every_verdict_code():
    assert set(VERDICT_TEXT) == {READY, RESERVATIONS, REVIEW}


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        render_audits(audits(), "xml")
    with pytest.raises(ValueError):
        render_summary(summary(), "xml")


def test_summary_table_shows_reports_totals_and_changes_in_spanish():
    text = render_summary(summary(), "tabla")
    for words in ("Informes (2)", "Institución", "Errores", "Advertencias", "Veredicto",
                  "Auditado", "Revisar antes de firmar", "Listo para firmar",
                  "Totales por plataforma", "YouTube", "Cambios (2)", "Antes", "Ahora", "roto"):
        assert words in text
    assert "review_before_signing" not in text


def test_summary_markdown_keeps_the_order_of_changes():
    text = render_summary(summary(), "markdown")
    assert ("| a.txt | CNE | 23/07/2025 | 10 | 9 | 8 | 1 | 0 | 1 | 0 | Revisar antes de firmar |"
            in text)
    assert "| b\\|año.txt | — | — | 2,5 |" in text
    assert "| X | 10 | 9 | 8 | 1 | 0 |" in text
    assert text.index("| vivo | roto |") < text.index("| roto | vivo |")
    assert "a.txt, b\\|año.txt" in text


def test_summary_data_csv_rows_are_the_json_report_rows():
    text = render_summary(summary(), "json")
    assert json.loads(text) == summary() and "b|año.txt" in text
    data = json.loads(text)
    rows = list(csv.DictReader(io.StringIO(render_summary(summary(), "csv-datos"))))
    assert [row["source"] for row in rows] == [r["source"] for r in data["reports"]]
    for row, report in zip(rows, data["reports"]):
        assert row == {key: "" if report[key] is None else str(report[key]) for key in row}
