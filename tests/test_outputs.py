"""How every command ends: an unwritable `--salida` or a bad `--remap` is one Spanish line and
exit 2 (before any work when it can be known), `revisar` shows progress only to a person, and
the README's table of exit codes says what each command really answers."""

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from auditor.cli import main as auditor_main
from cosecha.cli import main as cosecha_main
from datos import open_store

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
S000 = str(ROOT / "ejemplos" / "000_a182aa916ef26d9e.txt")
TWEET = 1935399367130657167
POST = f"https://x.com/CNE_StaElena/status/{TWEET}"
REPORT = f"""Informe de difusión del proceso de rendición de cuentas
Fecha del evento: Jueves, 3 de julio de 2025

A. Difusión de la invitación al evento
X (antes Twitter): 1 publicación.
{POST}
"""


def run(command: str, *args) -> int:
    """The command as a user runs it, in this process: its exit code."""
    argv = [str(arg) for arg in args]
    try:
        if command == "cosecha":
            return cosecha_main(argv)
        return auditor_main([command.removeprefix("auditor "), *argv])
    except SystemExit as leaving:
        return leaving.code


def one_line(err: str) -> str:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


# --salida

@pytest.fixture
def store(tmp_path):
    """An existing store, so that `resumen` has nothing to refuse but the output."""
    path = tmp_path / "existente.db"
    open_store(path).close()
    return path


def commands_with_output(tmp_path, store):
    fresh = tmp_path / "nueva.db"
    return {"cosecha": [POST, "--sin-red", "--db", fresh],
            "auditor leer": [S000],
            "auditor revisar": [S000, "--sin-red", "--db", fresh],
            "auditor resumen": ["--db", store]}


WITH_OUTPUT = ("cosecha", "auditor leer", "auditor revisar", "auditor resumen")
UNWRITABLE = {"una carpeta que no existe": ("no-esta/salida.json", "no existe la carpeta"),
              "una carpeta": (".", "es una carpeta"),
              "dentro de un archivo": ("archivo.txt/salida.json",
                                       "parte de la ruta no es una carpeta")}


@pytest.mark.parametrize("case", UNWRITABLE)
@pytest.mark.parametrize("command", WITH_OUTPUT)
def test_an_unwritable_salida_is_refused_in_one_line_before_any_work(command, case, tmp_path,
                                                                     store, capsys):
    (tmp_path / "archivo.txt").write_text("no soy una carpeta\n")
    relative, reason = UNWRITABLE[case]
    salida = tmp_path / relative
    code = run(command, *commands_with_output(tmp_path, store)[command], "--salida", salida)
    err = one_line(capsys.readouterr().err)
    assert code == 2
    assert err.startswith(f"error: {salida}: ") and reason in err
    assert not (tmp_path / "nueva.db").exists()  # refused before opening the store or harvesting


def test_a_folder_one_may_not_write_in_is_refused():
    shared = Path(tempfile.mkdtemp(dir="/tmp"))  # a folder others may enter
    try:
        shared.chmod(0o755)
        (shared / "solo-lectura").mkdir(mode=0o555)
        salida = shared / "solo-lectura" / "salida.json"
        # as root every folder is writable: the check runs as nobody, as a user would
        drop = "os.setgid(65534); os.setuid(65534); " if os.geteuid() == 0 else ""
        done = subprocess.run(
            [sys.executable, "-c",
             "import os, sys; from cosecha.cli_kit.files import refuse_output; "
             f"{drop}sys.exit(refuse_output({str(salida)!r}))"],
            capture_output=True, text=True, timeout=30)
    finally:
        shutil.rmtree(shared)
    assert done.returncode == 1
    assert done.stderr == f"error: {salida}: no hay permiso para escribir\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="sin /dev/full")
@pytest.mark.parametrize("command", WITH_OUTPUT)
def test_a_write_that_fails_at_the_end_is_one_line_and_exit_2(command, tmp_path, store, capsys):
    # /dev/full answers every write with ENOSPC, even to root: a full disk
    code = run(command, *commands_with_output(tmp_path, store)[command], "--salida", "/dev/full")
    err = one_line(capsys.readouterr().err)
    assert code == 2
    assert err == "error: /dev/full: no queda espacio en el disco\n"


def test_confirmar_has_no_salida():
    from test_readme import long_options, subcommands

    from auditor.cli import build_parser
    assert "--salida" not in long_options(subcommands(build_parser())["confirmar"])


# --remap

BAD_REMAPS = {
    "un grupo que el patrón no tiene": (r"^https?://([^/]+)$ http://127.0.0.1:9/\1/\2",
                                        "nombra un grupo que el patrón no tiene"),
    "un grupo con nombre que no existe": (r"^https?://(?P<host>[^/]+)$ http://127.0.0.1:9/\g<sitio>",
                                          "nombra un grupo que el patrón no tiene"),
    "un patrón que no es una expresión regular": (r"^https?://([^/]+ http://127.0.0.1:9/\1",
                                                  "no es una expresión regular válida"),
    "sin espacio entre patrón y reemplazo": (r"^https?://([^/]+)/?(.*)$http://127.0.0.1:9/\1/\2",
                                             "separados por un espacio"),
}
HARVESTING = {"cosecha": [S000], "auditor revisar": [S000], "auditor nocturno": [ROOT / "ejemplos"]}


@pytest.mark.parametrize("case", BAD_REMAPS)
@pytest.mark.parametrize("command", HARVESTING)
def test_a_bad_remap_is_refused_whole_at_start_in_one_line(command, case, tmp_path, capsys):
    rule, reason = BAD_REMAPS[case]
    db = tmp_path / "nueva.db"
    code = run(command, *HARVESTING[command], "--remap", rule, "--db", db)
    err = one_line(capsys.readouterr().err)
    assert code == 2
    assert "--remap" in err and reason in err
    assert not db.exists()


def test_a_remap_naming_its_groups_by_name_and_number_is_accepted():
    from cosecha.cli import build_parser
    rule = r"^https?://(?P<host>[^/]+)/?(.*)$ http://127.0.0.1:9/\g<host>/\2"
    assert build_parser().parse_args([S000, "--remap", rule]).remap == [rule]


# progress



def read_terminal(fd: int) -> str:
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other side of the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace"))


def test_revisar_shows_progress_per_platform_on_a_terminal(tmp_path):
    terminal, its_end = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor.cli", "revisar", S000, "--sin-red", "--formato", "json",
         "--db", str(tmp_path / "cosecha.db")],
        stdout=subprocess.PIPE, stderr=its_end, env={**os.environ, "TERM": "xterm"})
    os.close(its_end)
    shown = read_terminal(terminal)
    os.close(terminal)
    process.communicate(timeout=60)
    assert re.search(r"\bx +━+ +\d+/19\b", shown), shown
    assert re.search(r"\bfacebook +━+ +\d+/18\b", shown), shown


def test_revisar_shows_nothing_extra_off_a_terminal(tmp_path, capsys):
    run("auditor revisar", S000, "--sin-red", "--formato", "json", "--db", tmp_path / "db")
    out, err = capsys.readouterr()
    assert json.loads(out) and err == ""


# the README's exit codes

def readme_exit_codes() -> dict[str, set[int]]:
    """The table of '## Códigos de salida': for each command, the codes it documents."""
    section = README.split("## Códigos de salida", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in section.splitlines()
            if line.startswith("| `")]
    return {cells[0].strip().strip("`"): {code for code, cell in enumerate(cells[1:4])
                                          if cell.strip() not in ("", "—")}
            for cells in rows}


def report_with_tweet(tmp_path, plataformas, kind: str) -> Path:
    folder = tmp_path / "informes"
    folder.mkdir(exist_ok=True)
    (folder / "informe.txt").write_text(REPORT, encoding="utf-8")
    plataformas.x_scenario(TWEET, kind)
    return folder


def nightly(tmp_path, plataformas, *kinds: str) -> int:
    """The nightly run once per kind the tweet has; the last run's code."""
    for kind in kinds:
        folder = report_with_tweet(tmp_path, plataformas, kind)
        code = run("auditor nocturno", folder, "--db", tmp_path / "db", "--salida-dir",
                   tmp_path / "paginas", "--remap", plataformas.remap, "--refrescar")
    return code


def audited(tmp_path, plataformas, kind: str) -> int:
    folder = report_with_tweet(tmp_path, plataformas, kind)
    return run("auditor revisar", folder / "informe.txt", "--db", tmp_path / "db", "--remap",
               plataformas.remap)


SITUATIONS = {
    ("auditor explorar", 2): lambda t, p: run("auditor explorar", "--db", t / "nada.db"),
    ("cosecha", 0): lambda t, p: run("cosecha", POST, "--sin-red", "--db", t / "db"),
    ("cosecha", 1): lambda t, p: (p.x_scenario(TWEET, "deleted"), run(
        "cosecha", POST, "--remap", p.remap, "--db", t / "db"))[1],
    ("cosecha", 2): lambda t, p: run("cosecha", t / "no-esta.txt", "--sin-red", "--db", t / "db"),
    ("auditor leer", 0): lambda t, p: run("auditor leer", S000),
    ("auditor leer", 2): lambda t, p: run("auditor leer", t / "no-esta.txt"),
    ("auditor revisar", 0): lambda t, p: audited(t, p, "alive"),
    ("auditor revisar", 1): lambda t, p: audited(t, p, "deleted"),
    ("auditor revisar", 2): lambda t, p: run("auditor revisar", t / "no-esta.txt", "--sin-red",
                                             "--db", t / "db"),
    ("auditor pendientes", 0): lambda t, p: (audited(t, p, "alive"), run(
        "auditor pendientes", t / "informes" / "informe.txt", "--db", t / "db"))[1],
    ("auditor pendientes", 2): lambda t, p: run("auditor pendientes", S000, "--db", t / "no.db"),
    ("auditor confirmar", 0): lambda t, p: run("auditor confirmar", "https://x.com/a/status/1",
                                               "--estado", "vivo", "--por", "Ana", "--forzar",
                                               "--db", t / "db"),
    ("auditor confirmar", 2): lambda t, p: run("auditor confirmar", "ftp://x.com/a", "--estado",
                                               "vivo", "--por", "Ana", "--db", t / "db"),
    ("auditor resumen", 0): lambda t, p: (audited(t, p, "deleted"),
                                          run("auditor resumen", "--db", t / "db"))[1],
    ("auditor resumen", 2): lambda t, p: run("auditor resumen", "--db", t / "no-esta.db"),
    ("auditor acta", 0): lambda t, p: (audited(t, p, "alive"), run(
        "auditor acta", t / "informes" / "informe.txt", "--db", t / "db", "--salida",
        t / "acta.html"))[1],
    ("auditor acta", 1): lambda t, p: (audited(t, p, "alive"), run(
        "auditor acta", "--verificar", "0" * 64, "--db", t / "db"))[1],
    ("auditor acta", 2): lambda t, p: (audited(t, p, "alive"), run(
        "auditor acta", S000, "--db", t / "db"))[1],
    ("auditor evidencia", 0): lambda t, p: (audited(t, p, "alive"), run(
        "auditor evidencia", POST, "--db", t / "db", "--formato", "json"))[1],
    ("auditor evidencia", 2): lambda t, p: (audited(t, p, "alive"), run(
        "auditor evidencia", "https://x.com/otra/status/1", "--db", t / "db"))[1],
    ("auditor nocturno", 0): lambda t, p: nightly(t, p, "alive"),
    ("auditor nocturno", 1): lambda t, p: nightly(t, p, "alive", "deleted"),
    ("auditor nocturno", 2): lambda t, p: run("auditor nocturno", t / "no-esta", "--db", t / "db"),
}


def test_the_readme_documents_each_code_each_command_gives_and_no_other():
    documented = readme_exit_codes()
    assert documented.keys() == {"cosecha", "auditor leer", "auditor revisar",
                                 "auditor pendientes", "auditor confirmar", "auditor resumen",
                                 "auditor nocturno", "auditor explorar", "auditor acta",
                                 "auditor evidencia"}
    assert documented == {command: {code for name, code in SITUATIONS if name == command}
                          for command in documented}


@pytest.mark.parametrize("command,code", SITUATIONS)
def test_each_documented_exit_code_is_what_the_command_gives(command, code, tmp_path,
                                                            plataformas, capsys):
    assert SITUATIONS[command, code](tmp_path, plataformas) == code, capsys.readouterr()
