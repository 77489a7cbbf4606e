"""Untrusted text stays text: what a report, its file name or a platform says is shown as
written in every output, never read as console markup, a spreadsheet formula, Markdown or
HTML, and never passes a control character (ESC, BEL, a bidi override) through to a reader.

The commands run as a user runs them (their `main`), on a report written here."""

import csv
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest

from auditor.cli import main as auditor
from auditor.commands import leer, resumen, revisar
from auditor.render.text import csv_cell, markdown_text
from cosecha.cli import main as cosecha
from cosecha.security import check_url

BIDI_URL = "https://x.com/CNE_StaElena/status/18000000000000\u202e00002"
# ESC starting a clear-screen and an OSC-8 hyperlink, BEL, markup and a formula start
NAME = "=HYPERLINK(1) [black on black] \x1b[2J\x1b]8;;x\x07clic.txt"
TITLE = "INFORME [link=https://evil.example]Ver evidencia oficial[/link] [black on black]oculto"
INSTITUTION = "Delegación [/i] <img src=x onerror=alert(1)> ![x](https://evil.example/i.png) a\\|b"
REPORT = f"""{TITLE}
{INSTITUTION}

Fecha del evento: 3 de julio de 2025

A. Difusión [/link] de aportes \u202eabc

X: 2 publicaciones.

Enlaces:
https://x.com/CNE_StaElena/status/1800000000000000001
{BIDI_URL}
"""
NAME_SHOWN = "=HYPERLINK(1) [black on black] \\u001b[2J\\u001b]8;;x\\u0007clic.txt"
CONTROLS = ("\x1b", "\x07", "\u202e")
FORMATS = ("tabla", "markdown", "json", "csv", "html")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The hostile report, named relatively so its name starts with '='."""
    (tmp_path / NAME).write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def store(folder):
    """A store holding the audit of the hostile report."""
    code, _ = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--formato", "json"])
    assert code in (0, 1)
    return "a.db"


def run(command, argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = command(argv)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue()


def no_control(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, repr(control)


def coloured(monkeypatch, module) -> None:
    """As on a terminal, a wide one: the text asserted stays on one line whatever runs us."""
    monkeypatch.setattr(module, "to_terminal", lambda salida: True)
    monkeypatch.setenv("COLUMNS", "200")


def no_escape_from_input(text: str) -> None:
    """Colour codes of our own may be there; nothing the input carried, no hyperlink."""
    assert "\x1b]8;" not in text and "\x1b[2J" not in text and "\x07" not in text
    assert "\u202e" not in text and "\x1b[30;40m" not in text


# auditor leer

def test_leer_shows_markup_in_title_phase_and_institution_as_written(folder):
    code, out = run(auditor, ["leer", NAME])
    assert code == 0
    assert TITLE in out
    assert "Delegación [/i] <img" in out
    assert "Difusión [/link] de aportes \\u202eabc" in out
    assert NAME_SHOWN in out
    assert "18000000000000\\u202e00002" in out
    no_control(out)


def test_leer_coloured_makes_no_hyperlink_and_hides_nothing(folder, monkeypatch):
    coloured(monkeypatch, leer)
    code, out = run(auditor, ["leer", NAME])
    assert code == 0
    assert "\x1b[" in out  # colour was really on
    no_escape_from_input(out)
    assert "[link=https://evil.example]Ver evidencia oficial[/link]" in out
    assert "[black on black]oculto" in out


def test_leer_json_keeps_the_text_and_escapes_its_controls(folder):
    _code, out = run(auditor, ["leer", NAME, "--formato", "json"])
    no_control(out)
    report = json.loads(out)[0]
    assert (report["source"], report["title"]) == (NAME, TITLE)
    assert report["phases"][-1]["links"][-1]["url"] == BIDI_URL  # the reader still finds it


# auditor revisar

@pytest.mark.parametrize("fmt", FORMATS)
def test_revisar_in_every_format_shows_no_control_character(folder, fmt):
    code, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--formato", fmt])
    assert code in (0, 1)
    no_control(out)
    if fmt not in ("json", "csv"):  # the CSV has no URLs
        assert "18000000000000\\u202e00002" in out.replace("\\\\", "\\")
    if fmt in ("tabla", "html"):
        assert NAME_SHOWN in out


def test_revisar_table_shows_markup_as_written_even_in_colour(folder, monkeypatch):
    coloured(monkeypatch, revisar)
    code, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME])
    assert code == 1 and "\x1b[" in out
    no_escape_from_input(out)
    assert "Delegación [/i] <img" in out


def test_revisar_markdown_escapes_html_images_links_and_pipes(folder):
    _, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--formato", "markdown"])
    assert not re.search(r"(?<!\\)(<img|!\[)", out)
    assert ("Delegación \\[/i\\] \\<img src=x onerror=alert(1)\\> "
            "!\\[x\\](https://evil.example/i.png) a\\\\\\|b") in out
    assert "\\[black on black\\] \\\\u001b\\[2J" in out


def test_revisar_csv_neutralises_text_cells_not_numbers(folder):
    _, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--csv-datos"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["source"] == "'" + NAME_SHOWN for row in rows)
    x_row = next(row for row in rows if row["platform"] == "x")
    assert (x_row["claimed"], x_row["listed"]) == ("2", "1")


def test_revisar_json_calls_the_bidi_url_malformed_and_keeps_the_data(folder):
    _, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--formato", "json"])
    report = json.loads(out)["reports"][0]
    assert (report["source"], report["institution"]) == (NAME, INSTITUTION)
    found = [f for f in report["findings"] if f["url"] == BIDI_URL]
    assert [f["code"] for f in found] == ["invalid_link"]
    assert "mal formado" in found[0]["message"]


def test_revisar_html_links_no_url_with_a_control_character(folder):
    _, out = run(auditor, ["revisar", "--sin-red", "--db", "a.db", NAME, "--formato", "html"])
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert 'href="https://x.com/CNE_StaElena/status/1800000000000000001"' in out
    assert "href=\"https://x.com/CNE_StaElena/status/18000000000000\\u202e" not in out


# auditor resumen

@pytest.mark.parametrize("fmt", FORMATS)
def test_resumen_in_every_format_survives_markup_in_an_institution(store, fmt):
    code, out = run(auditor, ["resumen", "--db", store, "--formato", fmt])
    assert code == 0
    no_control(out)
    if fmt == "tabla":  # folded in a narrow column: its pieces
        assert "Delegación [/i] <img" in out and "\\u001b[2J" in out


def test_resumen_coloured_makes_no_hyperlink(store, monkeypatch):
    coloured(monkeypatch, resumen)
    code, out = run(auditor, ["resumen", "--db", store])
    assert code == 0 and "\x1b[" in out
    no_escape_from_input(out)


def test_resumen_csv_and_markdown_neutralise_the_report_name(store):
    _, out = run(auditor, ["resumen", "--db", store, "--csv-datos"])
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["source"] == "'" + NAME_SHOWN
    assert row["institution"] == INSTITUTION
    _, out = run(auditor, ["resumen", "--db", store, "--formato", "csv"])
    row = next(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert row["informe"] == "'" + NAME_SHOWN
    _, out = run(auditor, ["resumen", "--db", store, "--formato", "markdown"])
    assert "| =HYPERLINK(1) \\[black on black\\] \\\\u001b\\[2J" in out
    assert not re.search(r"(?<!\\)(<img|!\[)", out)


# cosecha

def test_cosecha_calls_a_url_with_a_bidi_control_invalid_malformed(folder):
    _code, out = run(cosecha, ["--sin-red", "--db", "c.db", NAME, "--formato", "json"])
    no_control(out)
    outcomes = {o["url"]: o for o in json.loads(out)}
    assert (outcomes[BIDI_URL]["status"], outcomes[BIDI_URL]["reason"]) == ("invalid", "malformed")


def test_cosecha_table_shows_the_bidi_url_with_its_control_visible(folder):
    _code, out = run(cosecha, ["--sin-red", "--db", "c.db", NAME, "--formato", "tabla"])
    no_control(out)
    assert "18000000000000\\u202e00002" in out and "enlace mal formado" in out


@pytest.mark.parametrize("control", "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069")
def test_every_bidi_control_makes_a_url_malformed(control):
    assert check_url(f"https://www.youtube.com/watch?v=dQw4w9W{control}gXcQ") == "malformed"


# the helpers, on what the commands above do not reach

@pytest.mark.parametrize("cell, written", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\r=1", "'\\u000d=1"), ("a=1", "a=1"), (-1, -1), (2.5, 2.5), (None, None)])
def test_csv_cell_neutralises_text_that_a_spreadsheet_would_run(cell, written):
    assert csv_cell(cell) == written


@pytest.mark.parametrize("text, written", [
    ("&#x202E;", "\\&#x202E;"), ("a & b", "a & b"), ("`x`", "\\`x\\`"),
    ("**x** ~~y~~", "\\*\\*x\\*\\* \\~\\~y\\~\\~"), ("a\nb", "a b"), ("CNE_Sta", "CNE_Sta")])
def test_markdown_text_escapes_what_markdown_would_read(text, written):
    assert markdown_text(text) == written


@pytest.mark.parametrize("argv", [["leer"], ["revisar", "--sin-red", "--db", "a.db"]])
def test_an_unreadable_report_is_named_on_stderr_with_its_controls_visible(folder, argv):
    unreadable = folder / NAME.replace(".txt", ".pdf")
    unreadable.write_bytes(b"%PDF-1.4 roto")
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = auditor([*argv, unreadable.name])
    assert code == 2 and "error: =HYPERLINK(1)" in err.getvalue()
    no_escape_from_input(err.getvalue())
