"""What a person reads of `revisar`, `resumen` and `cosecha` (issue 13): each link with its
evidence and who confirmed it, grouped findings, URLs never cut, Spanish numbers, plurals,
dates and CSV; `resumen` flags reports whose file is gone or changed."""

import csv
import io
import json
import re
import time

import pytest

from auditor.cli import main
from auditor.render.text import render_summary
from cosecha.cli_kit.console import url_table
from cosecha.harvest import targets_for
from cosecha.labels import moment, number
from cosecha.reader import read_report, read_text
from datos import open_store

FACEBOOK = [f"https://www.facebook.com/CNE/posts/100{n}" for n in (1, 2, 3)]
TWEET = "https://x.com/CNE/status/1940055112992317884"
REPORT = f"""INFORME DE DIFUSIÓN
Institución: Delegación de Prueba

A. Difusión de la convocatoria
Se realizaron 3 publicaciones en Facebook y 1 publicación en X.
{FACEBOOK[0]}
{FACEBOOK[1]}
{FACEBOOK[2]}
{TWEET}
"""


def read_here(jobs, seconds):
    """Reports read in this process: these tests are about rendering, not reading limits."""
    return [read_text(job.data.decode(), job.source) if job.data is not None
            else read_report(job.source) for job in jobs]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr("auditor.review.read_bounded", read_here)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "America/Guayaquil")
    time.tzset()
    (tmp_path / "informe.txt").write_text(REPORT, encoding="utf-8")
    yield tmp_path
    monkeypatch.undo()
    time.tzset()


def auditor(capsys, *args) -> tuple[int, str, str]:
    code = main([*args, "--db", "a.db"])
    out, err = capsys.readouterr()
    return code, out, err


def confirm(url: str, by: str, note: str | None) -> None:
    [target] = targets_for([url])
    info = target.info
    store = open_store("a.db")
    try:
        store.record_manual(link={"canonical_url": target.key, "platform": info.platform,
                                  "post_id": info.post_id, "account": info.account},
                            url=url, status="alive", checked_by=by, note=note,
                            checked_at="2026-11-29T07:31:00Z")
    finally:
        store.close()


# revisar: the links and their evidence

def test_json_reports_list_every_link_with_who_confirmed_it(folder, capsys):
    auditor(capsys, "revisar", "informe.txt", "--sin-red")
    confirm(FACEBOOK[1], "Ana Analista", "visto en el navegador")
    _, out, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--formato", "json")
    links = json.loads(out)["reports"][0]["links"]
    assert [link["url"] for link in links] == [*FACEBOOK, TWEET]
    assert list(links[0]) == ["url", "phase", "platform", "status", "reason", "author",
                              "published_at", "title", "checked_at", "manual", "last_attempt",
                              "evidence_sha256", "archived_url"]
    assert links[0]["manual"] is None and links[0]["status"] == "unverified"
    assert links[1]["manual"] == {"by": "Ana Analista", "at": "2026-11-29T07:31:00Z",
                                  "note": "visto en el navegador"}
    assert (links[1]["status"], links[1]["phase"], links[1]["platform"]) == ("alive", "A",
                                                                             "facebook")


def test_enlaces_table_says_who_confirmed_when_in_local_time_and_the_note(folder, capsys):
    auditor(capsys, "revisar", "informe.txt", "--sin-red")
    confirm(FACEBOOK[1], "Ana Analista", "visto en el navegador")
    _, plain, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red")
    _, out, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--enlaces")
    assert "Enlaces (4)" in out and "Enlaces (4)" not in plain
    assert "vivo · confirmado por Ana Analista, 29/11/2026 02:31: «visto en el navegador»" in out


# grouped findings

def test_repeated_findings_are_one_row_with_the_count_and_the_urls_beneath(folder, capsys):
    _, out, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--formato", "markdown")
    assert "sin consultar la red (--sin-red) (3 enlaces) |  |" in out
    for line, url in zip((6, 7, 8), FACEBOOK):
        assert f"| {line} |  |  |  | {url} |" in out
    _, detail, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--formato",
                           "markdown", "--detalle")
    assert "3 enlaces" not in detail and "| 7 | A | Facebook |" in detail
    _, data, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--formato", "json")
    found = json.loads(data)["reports"][0]["findings"]
    assert sum(f["code"] == "unverified_link" for f in found) == 4


# URLs are never cut

def test_a_url_that_does_not_fit_goes_whole_under_its_row():
    long = "https://www.facebook.com/permalink.php?story_fbid=1234567890123456789&id=1000"
    text = url_table("T", ("Estado", "Motivo", "URL"),
                     [("roto", "eliminado por su autor " * 8, long), ("vivo", "", ["a", "b"])],
                     color=False)
    lines = text.splitlines()
    assert f"    {long}" in lines and "    a" in lines and "    b" in lines
    assert lines.index(f"    {long}") < lines.index("    a")
    short = url_table("T", ("Estado", "URL"), [("vivo", TWEET)], color=False)
    assert f"│ vivo   │ {TWEET} │" in short


def test_cosecha_table_fits_the_terminal_and_names_platforms_as_people_do(folder, monkeypatch):
    from cosecha import cli
    monkeypatch.setenv("COLUMNS", "70")
    monkeypatch.setattr(cli, "to_terminal", lambda salida: True)
    args = cli.build_parser().parse_args([*FACEBOOK, TWEET, "--sin-red", "--db", "a.db"])
    text = cli.table_text(cli.harvest([*FACEBOOK, TWEET], args), color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert max(len(line) for line in plain.splitlines() if "│" in line) <= 70
    assert f"    {FACEBOOK[0]}" in plain.splitlines()
    assert "Facebook" in plain and " facebook " not in plain


# Spanish numbers, plurals and dates

def test_numbers_and_moments_read_in_spanish(monkeypatch):
    monkeypatch.setenv("TZ", "America/Guayaquil")
    time.tzset()
    try:
        assert moment("2026-11-29T07:31:00Z") == "29/11/2026 02:31"
    finally:
        monkeypatch.undo()
        time.tzset()
    assert moment("2025-07-03") == "03/07/2025"
    assert (number(2345), number(2.5), number(100.0)) == ("2.345", "2,5", "100")


def test_cosecha_summary_line_says_plurals_right(folder):
    from cosecha import cli
    args = cli.build_parser().parse_args([TWEET, "--db", "a.db"])
    line = cli.summary_line([type("O", (), {"status": "alive", "from_cache": True})()], args)
    assert "1 enlace distinto (1 vivo); 1 reutilizado de la base" in line
    many = [type("O", (), {"status": "alive", "from_cache": False})()] * 2345
    assert "2.345 enlaces distintos (2.345 vivos); 0 reutilizados" in cli.summary_line(many, args)


# CSV for a spreadsheet in Spanish

def spanish_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_revisar_csv_is_spanish_with_every_report_and_a_findings_file(folder, capsys):
    (folder / "vacio.txt").write_text("INFORME\nNada que declarar.\n", encoding="utf-8")
    _, out, _ = auditor(capsys, "revisar", "informe.txt", "vacio.txt", "--sin-red",
                        "--formato", "csv", "--hallazgos-csv", "hallazgos.csv")
    assert out.splitlines()[0] == ("\ufeffinforme;sha256;veredicto;fase;plataforma;declarado;"
                                   "listado;vivos;rotos;sin verificar")
    rows = spanish_rows(out)
    assert {(r["informe"], r["plataforma"], r["veredicto"]) for r in rows} >= {
        ("informe.txt", "Facebook", "Revisar antes de firmar"), ("informe.txt", "X",
                                                                 "Revisar antes de firmar")}
    [empty] = [r for r in rows if r["informe"] == "vacio.txt"]
    assert empty["plataforma"].startswith("ninguna") and empty["listado"] == ""
    found = spanish_rows((folder / "hallazgos.csv").read_text(encoding="utf-8"))
    assert {r["gravedad"] for r in found} >= {"error", "información"}
    assert [r["enlace"] for r in found if r["fase"] == "A"] == [*FACEBOOK, TWEET]


def test_csv_datos_keeps_the_format_of_before(folder, capsys):
    _, out, _ = auditor(capsys, "revisar", "informe.txt", "--sin-red", "--csv-datos",
                        "--hallazgos-csv", "h.csv")
    assert out.startswith("source,sha256,verdict,phase,platform,")
    assert "review_before_signing,A,facebook,3,3,0,0,3" in out
    assert (folder / "h.csv").read_text(encoding="utf-8").startswith("source,line,phase,")


# resumen

def test_resumen_flags_a_report_gone_or_changed_instead_of_its_verdict(folder, capsys):
    (folder / "otro.txt").write_text(REPORT.replace("Prueba", "Cancillería"), encoding="utf-8")
    auditor(capsys, "revisar", "informe.txt", "otro.txt", "--sin-red")
    (folder / "informe.txt").unlink()
    (folder / "otro.txt").write_text("INFORME\nroto\x00", encoding="utf-8")
    _, out, _ = auditor(capsys, "resumen", "--formato", "json")
    assert [r["report_file"] for r in json.loads(out)["reports"]] == ["missing", "changed"]
    _, table, _ = auditor(capsys, "resumen", "--formato", "markdown")
    assert "Ya no está en su carpeta" in table and "Cambió desde su auditoría" in table
    assert "Revisar antes de firmar" not in table


def test_resumen_institution_ignores_accents_and_case(folder, capsys):
    (folder / "otro.txt").write_text(REPORT.replace("Prueba", "Cancillería"), encoding="utf-8")
    auditor(capsys, "revisar", "informe.txt", "otro.txt", "--sin-red")
    _, out, _ = auditor(capsys, "resumen", "--formato", "json", "--institucion", "CANCILLERIA")
    assert [r["source"] for r in json.loads(out)["reports"]] == ["otro.txt"]


@pytest.mark.parametrize("dates", [["--desde", "2025-02-30"], ["--hasta", "2025-13-01"],
                                   ["--desde", "2025-06-01", "--hasta", "2025-01-01"]])
def test_resumen_refuses_invalid_or_inverted_dates_in_spanish(folder, capsys, dates):
    open_store("a.db").close()
    try:
        code, _, err = auditor(capsys, "resumen", *dates)
    except SystemExit as refused:
        code, err = refused.code, capsys.readouterr().err
    assert code == 2 and ("fecha válida" in err or "es posterior a --hasta" in err)
    assert "Traceback" not in err


def test_resumen_tells_reports_from_standard_input_apart_by_sha256(folder, capsys,
                                                                    monkeypatch):
    for text in (REPORT, REPORT.replace("Prueba", "Otra")):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        auditor(capsys, "revisar", "-", "--sin-red")
    _, out, _ = auditor(capsys, "resumen", "--formato", "json")
    reports = json.loads(out)["reports"]
    assert len(reports) == 2 and len({r["sha256"] for r in reports}) == 2
    assert all(r["report_file"] is None for r in reports)
    table = render_summary(json.loads(out), "markdown")
    assert all(f"entrada estándar (sha256 {r['sha256'][:12]})" in table for r in reports)
