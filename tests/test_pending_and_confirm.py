"""`auditor pendientes` and `auditor confirmar` (a pass over the pending links, a CSV of
answers, one link) over a store the real `auditor revisar` filled from the local platforms:
Facebook's login wall leaves its links pending, X answers alive and deleted."""

import shutil
import sqlite3
import subprocess
import sys
import webbrowser

import pytest

from auditor.cli import main
from auditor.commands.confirmar import graphical_browser
from auditor.pending import pending_links
from auditor.review import ReadReport
from cosecha.reader import read_report
from datos import open_store

ALIVE = "https://x.com/CNE_StaElena/status/1940055112992317885"
DELETED_ID = "1940055112992317884"
DELETED = f"https://x.com/CNE_StaElena/status/{DELETED_ID}"
WALLED = [f"https://www.facebook.com/share/p/{token}/" for token in ("1AAAwall", "2BBBwall",
                                                                     "3CCCwall")]
NEW = "https://www.facebook.com/share/p/4DDDnuevo/"
PROFILE = "https://www.facebook.com/CNEStaElena"
WALL = "la plataforma pide iniciar sesión"
REPORT = f"""Informe de rendición de cuentas 2025
Institución: CNE Santa Elena

Fase 1: Difusión
X: 2 publicaciones
{DELETED}
{ALIVE}
Facebook: 2 publicaciones
{WALLED[0]}
{WALLED[1]}

Fase 2: Audiencia
Facebook: 1 publicación
{WALLED[2]}
"""
# the same report, later: a link no one has checked yet, and a page that is no post
LATER = REPORT + f"{NEW}\n{PROFILE}\n"


@pytest.fixture(scope="module")
def audited_store(servidor_sesion, tmp_path_factory):
    """A store `auditor revisar` filled once from the local platforms; each test copies it."""
    folder = tmp_path_factory.mktemp("revisado")
    (folder / "informe.txt").write_text(REPORT, encoding="utf-8")
    servidor_sesion.reset()
    servidor_sesion.x_scenario(DELETED_ID, "deleted")
    try:
        code = main(["revisar", str(folder / "informe.txt"), "--db", str(folder / "cosecha.db"),
                     "--remap", servidor_sesion.remap, "--formato", "json",
                     "--salida", str(folder / "auditoria.json")])
    finally:
        servidor_sesion.reset()
    assert code == 1  # the deleted post
    return folder / "cosecha.db"


@pytest.fixture
def db(audited_store, tmp_path):
    copy = tmp_path / "cosecha.db"
    shutil.copy(audited_store, copy)
    return copy


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "informe.txt"
    path.write_text(LATER, encoding="utf-8")
    return path


def auditor(*args, db, stdin=None):
    run = subprocess.run([sys.executable, "-m", "auditor.cli", *map(str, args), "--db", str(db)],
                         capture_output=True, text=True, input=stdin, timeout=60)
    assert "Traceback" not in run.stderr, run.stderr
    return run


def in_process(capsys, *args, db) -> tuple[int, str, str]:
    code = main([*map(str, args), "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def manual_checks(db) -> list[tuple]:
    """Every person's check, in the order it was recorded (row id)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT url, status, checked_by, note FROM checks "
                            "WHERE source = 'manual' ORDER BY id").fetchall()


def pending_urls(db, report) -> list[str]:
    """The pending links, from the library (the command is tested on its own)."""
    store = open_store(db)
    try:
        return [p.url for p in pending_links(store, [ReadReport(read_report(report), "")])]
    finally:
        store.close()


def test_pendientes_lists_walled_and_unchecked_links_in_report_order_one_plain_line_each(
        plataformas, db, report, capsys):
    code, out, err = in_process(capsys, "pendientes", report, db=db)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"1\tFacebook\t{WALL}\t{WALLED[0]}",
        f"1\tFacebook\t{WALL}\t{WALLED[1]}",
        f"2\tFacebook\t{WALL}\t{WALLED[2]}",
        f"2\tFacebook\tsin verificar aún\t{NEW}",
    ]
    assert plataformas.requests == []  # from the store only


def test_pendientes_needs_the_store(report, tmp_path, capsys):
    code, out, err = in_process(capsys, "pendientes", report, db=tmp_path / "otra.db")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "no existe" in err and not (tmp_path / "otra.db").exists()


def test_the_pass_takes_one_answer_per_line_from_standard_input_and_records_each(db, report):
    run = auditor("confirmar", report, "--por", "Ana Analista", db=db,
                  stdin="v\nn la vi en el navegador\nr\ns\nq\n")
    assert run.returncode == 0, run.stderr
    assert manual_checks(db) == [(WALLED[0], "alive", "Ana Analista", None),
                                 (WALLED[1], "broken", "Ana Analista", "la vi en el navegador")]
    assert f"[1/4] Fase 1 · Facebook · {WALL}" in run.stdout
    assert "1 vivo, 1 roto, 1 saltado; quedan pendientes: 2." in run.stdout
    assert pending_urls(db, report) == [WALLED[2], NEW]


def test_the_end_of_input_is_q_and_answers_are_case_insensitive(db, report):
    run = auditor("confirmar", report, "--por", "Ana", db=db, stdin="quizás\nA\nV\n")
    assert run.returncode == 0
    assert "respuesta no reconocida: 'quizás'" in run.stderr
    assert "solo en una terminal con navegador gráfico" in run.stderr  # `a` off a terminal
    assert manual_checks(db) == [(WALLED[0], "alive", "Ana", None)]
    assert "quedan pendientes: 3." in run.stdout


@pytest.mark.parametrize("separator", [",", ";"])
def test_a_csv_with_a_header_records_every_row(separator, db, report, capsys):
    table = tmp_csv(db, separator, [("url", "estado", "nota"), (WALLED[0], "Vivo", "visto"),
                                    ("", "", ""), (WALLED[2], "roto", "")])
    code, _out, err = in_process(capsys, "confirmar", "--archivo", table, "--por", "Ana", db=db)
    assert (code, err) == (0, "")
    assert manual_checks(db) == [(WALLED[0], "alive", "Ana", "visto"),
                                 (WALLED[2], "broken", "Ana", None)]
    assert pending_urls(db, report) == [WALLED[1], NEW]


def tmp_csv(db, separator: str, rows: list[tuple], bom: str = "\ufeff"):
    path = db.parent / "respuestas.csv"
    path.write_text(bom + "\r\n".join(separator.join(row) for row in rows) + "\r\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("rows,where", [
    ([("url", "estado", "nota"), (WALLED[0], "vivo", ""), (WALLED[1], "muerto", "")], "fila 3"),
    ([("enlace", "estado"), (WALLED[0], "vivo")], "fila 1"),
    ([("url", "estado"), (WALLED[0], "vivo"), ("https://x.com/otro/status/1", "roto")],
     "fila 3"),
    ([("url", "estado"), (WALLED[0], "vivo"), (DELETED, "vivo")], "fila 3"),
])
def test_a_bad_csv_row_is_named_and_nothing_of_the_file_is_recorded(rows, where, db, capsys):
    table = tmp_csv(db, ",", rows)
    code, out, err = in_process(capsys, "confirmar", "--archivo", table, "--por", "Ana", db=db)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {table}, {where}: ") and len(err.splitlines()) == 1
    assert manual_checks(db) == []


REFUSALS = {
    "una URL en ningún informe ni en la base": (
        ("confirmar", "https://x.com/otro/status/1", "--estado", "roto", "--por", "Ana"),
        "no está en ningún informe auditado ni en la base"),
    "un --por vacío": (("confirmar", WALLED[0], "--estado", "vivo", "--por", "  "),
                       "--por está vacío"),
    "un --por vacío en el recorrido": (("confirmar", "INFORME", "--por", ""), "--por está vacío"),
    "vivo sobre el roto de la plataforma": (
        ("confirmar", DELETED, "--estado", "vivo", "--por", "Ana"),
        "la plataforma dijo roto (eliminado por su autor"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_confirmar_refuses_in_one_spanish_line_with_exit_2_recording_nothing(case, db, report,
                                                                             capsys):
    args, message = REFUSALS[case]
    args = [report if arg == "INFORME" else arg for arg in args]
    code, out, err = in_process(capsys, *args, db=db)
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1 and err.startswith("error: ")
    assert manual_checks(db) == []


def test_forzar_records_an_unknown_link_and_vivo_over_roto_showing_both(db, capsys):
    code, out, _ = in_process(capsys, "confirmar", "https://x.com/otro/status/1", "--estado",
                              "roto", "--por", "Ana", "--forzar", db=db)
    assert code == 0
    code, out, _ = in_process(capsys, "confirmar", DELETED, "--estado", "vivo", "--por", "Ana",
                              "--nota", "se ve en la cuenta", "--forzar", db=db)
    assert code == 0
    assert f"Registrado: {DELETED} vivo (manual, por Ana); la plataforma dijo roto " \
           "(eliminado por su autor" in out
    assert [(url, status) for url, status, _, _ in manual_checks(db)] == [
        ("https://x.com/otro/status/1", "broken"), (DELETED, "alive")]


def test_a_later_confirmation_supersedes_the_earlier_and_the_history_keeps_both(db, capsys):
    in_process(capsys, "confirmar", WALLED[0], "--estado", "vivo", "--por", "Ana", db=db)
    code, out, _ = in_process(capsys, "confirmar", WALLED[0], "--estado", "roto", "--por", "Luis",
                              "--nota", "ya no está", db=db)
    assert code == 0 and "sustituye la confirmación de Ana (vivo" in out
    store = open_store(db)
    try:
        standing, _ = store.standing(WALLED[0])
        history = [(c["source"], c["status"], c["checked_by"]) for c in store.history(WALLED[0])]
    finally:
        store.close()
    assert (standing["status"], standing["checked_by"], standing["note"]) == (
        "broken", "Luis", "ya no está")
    assert history[-2:] == [("manual", "alive", "Ana"), ("manual", "broken", "Luis")]
    assert history[0][0] == "auto"


@pytest.mark.parametrize("browser,graphical", [
    (webbrowser.BackgroundBrowser("xdg-open"), True),
    (webbrowser.GenericBrowser("lynx"), False),
    (webbrowser.Elinks("elinks"), False),
])
def test_a_opens_only_a_window_never_a_text_browser_in_this_terminal(browser, graphical,
                                                                     monkeypatch):
    monkeypatch.setattr(webbrowser, "get", lambda: browser)
    assert graphical_browser() is graphical
