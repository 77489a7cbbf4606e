"""What the nightly run calls new (issue 10): findings by identity, not by line or message;
a broken link said once; the first run and the first after the upgrade; the dated pages, their
names and rotation; the page marking what is new; progress only on a terminal."""

import os
import pty
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor import cli
from auditor.nightly import run as nightly
from datos import open_store

SAMPLES = Path(__file__).parent.parent / "ejemplos"
S000, S004 = SAMPLES / "000_a182aa916ef26d9e.txt", SAMPLES / "004_266fee83d5143ea3.txt"
DELETED = 1950000000000000001
X_REPORT = ["Informe de difusión", "", "Fecha del evento: 3 de julio de 2025", "",
            "A. Difusión del evento", "", "X (antes Twitter): 3 publicaciones.", "", "Enlaces:",
            *[f"https://x.com/CNE_StaElena/status/{DELETED + i}" for i in range(3)]]
BASELINE = "Primera auditoría con este formato: línea de base, sin alarmas\n"


@pytest.fixture
def place(tmp_path):
    folder = tmp_path / "informes"
    folder.mkdir()
    return folder, tmp_path / "cosecha.db", tmp_path / "publicado"


def nocturno(capsys, place, *extra) -> tuple[int, str]:
    folder, db, out = place
    code = cli.main(["nocturno", str(folder), "--db", str(db), "--salida-dir", str(out), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err, captured.err
    return code, captured.out


def at(monkeypatch, *moments: str) -> None:
    """The runs start at these moments, one each (UTC, as the run stamps them)."""
    pending = list(moments)
    monkeypatch.setattr(nightly, "now_iso", lambda: pending.pop(0))


def test_a_line_inserted_at_the_top_of_a_report_raises_no_alarm(capsys, place):
    folder, *_ = place
    for sample in (S000, S004):
        shutil.copy(sample, folder)
    first, _ = nocturno(capsys, place, "--sin-red")
    report = folder / S004.name
    report.write_text("Versión corregida\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    assert first == 1 and nocturno(capsys, place, "--sin-red") == (0, "")


def test_a_link_that_breaks_is_listed_once_under_enlaces_rotos(capsys, place, plataformas):
    folder, *_ = place
    (folder / "difusion.txt").write_text("\n".join(X_REPORT) + "\n", encoding="utf-8")
    remap = ("--remap", plataformas.remap, "--reintentos", "1", "--refrescar")
    assert nocturno(capsys, place, *remap)[0] == 0
    plataformas.x(DELETED, "deleted")
    code, out = nocturno(capsys, place, *remap)
    url = f"https://x.com/CNE_StaElena/status/{DELETED}"
    assert code == 1 and out.count(url) == 1 and "Errores nuevos" not in out, out
    broken_section = out.split("Enlaces rotos desde la ejecución anterior:\n")[1]
    assert broken_section.startswith(f"  - {url} (difusion.txt)\n")


def test_the_first_run_says_it_is_the_first_even_with_nothing_wrong(capsys, place):
    folder, *_ = place
    (folder / "saludo.txt").write_text("hola\n", encoding="utf-8")
    code, out = nocturno(capsys, place, "--sin-red", "--limite-minutos", "0.05")
    assert code == 0 and "Primera auditoría nocturna de esta carpeta (1 informe)" in out
    assert nocturno(capsys, place, "--sin-red") == (0, "")


def test_a_state_stored_by_the_previous_version_is_a_baseline_without_alarms(capsys, place):
    folder, db, _ = place
    shutil.copy(S000, folder)
    store = open_store(db)
    # the previous version's shape, stored before nothing_verified existed
    store.record_nightly(started_at="2025-07-23T02:30:00Z", folder=str(folder.resolve()),
                         state={"reports": [str(folder / S000.name)], "broken": {},
                                "errors": [], "unreadable": [], "totals": {}})
    store.close()
    assert nocturno(capsys, place, "--sin-red") == (0, BASELINE)
    assert nocturno(capsys, place, "--sin-red") == (0, "")


@pytest.mark.parametrize("refused_value", ["0", "-1", "nan", "inf"])
def test_limite_minutos_takes_any_positive_number_and_refuses_the_rest(capsys, refused_value):
    args = cli.build_parser().parse_args(["nocturno", "x", "--limite-minutos", "0.05"])
    assert args.limite_minutos == 0.05
    with pytest.raises(SystemExit) as refused:
        cli.build_parser().parse_args(["nocturno", "x", "--limite-minutos", refused_value])
    assert refused.value.code == 2 and "mayor que cero" in capsys.readouterr().err


def test_pages_are_named_by_the_second_and_a_clash_gets_a_suffix(capsys, place, monkeypatch):
    _, _, out = place
    at(monkeypatch, "2025-07-24T02:30:00Z", "2025-07-24T02:30:00Z")
    nocturno(capsys, place, "--sin-red")
    nocturno(capsys, place, "--sin-red")
    assert sorted(p.name for p in out.iterdir()) == [
        "auditoria-2025-07-24-023000", "auditoria-2025-07-24-023000-2",
        "auditoria-2025-07-24-023000-2.html", "auditoria-2025-07-24-023000-2.json",
        "auditoria-2025-07-24-023000.html", "auditoria-2025-07-24-023000.json",
        "ultimo.html", "ultimo.json"]
    assert (out / "ultimo.json").read_text() == (out / "auditoria-2025-07-24-023000-2.json"
                                                 ).read_text()


def test_conservar_keeps_the_pages_of_exactly_n_runs_and_nothing_else(capsys, place,
                                                                    monkeypatch):
    _, _, out = place
    out.mkdir()
    strangers = ["auditoria-2025-07-01.html.bak", "auditoria-copia.html", "notas.txt",
                 "auditoria-2025-07-24-023000-1.html", "auditoria-2025-07-24-0230.json"]
    for name in ["auditoria-2025-07-01.html", "auditoria-2025-07-01.json", *strangers]:
        (out / name).write_text("", encoding="utf-8")
    # a run's folder of report pages goes with it, but only the pages we name inside it
    pages = out / "auditoria-2025-07-02-023000"
    pages.mkdir()
    for name in ("0001-informe.txt.html", "mio.txt"):
        (pages / name).write_text("", encoding="utf-8")
    at(monkeypatch, "2025-07-24T02:30:00Z", "2025-07-24T02:30:00Z", "2025-07-25T02:30:00Z")
    for _ in range(3):
        nocturno(capsys, place, "--sin-red", "--conservar", "2")
    # the page of 2025-07-01 (the previous version's name) was a run too; a clash comes after
    # the name it clashed with
    kept = ["auditoria-2025-07-24-023000-2.html", "auditoria-2025-07-24-023000-2.json",
            "auditoria-2025-07-24-023000-2", "auditoria-2025-07-25-023000.html",
            "auditoria-2025-07-25-023000.json", "auditoria-2025-07-25-023000"]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*kept, "ultimo.html", "ultimo.json", pages.name, *strangers])
    assert [p.name for p in pages.iterdir()] == ["mio.txt"]


class Findings(HTMLParser):
    """The rows of the page's findings table: their attributes and the text of each cell."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[dict, list[str]]] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.inside = attributes.get("id") == "hallazgos"
        elif tag == "tr" and self.inside and "fila-hallazgo" in attributes.get("class", ""):
            self.rows.append((attributes, []))
        elif tag == "td" and self.inside and self.rows:
            self.rows[-1][1].append("")

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.rows and self.rows[-1][1]:
            self.rows[-1][1][-1] += data


def finding_rows(page: Path) -> list[tuple[dict, list[str]]]:
    parser = Findings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.rows


def report_pages(out: Path) -> dict[str, list[tuple[dict, list[str]]]]:
    """The finding rows of each report page the summary page links to, by the report's name."""
    summary = (out / "ultimo.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(auditoria-[^"/]+/[^"]+)">([^<]+)</a>', summary)
    return {Path(name).name: finding_rows(out / target) for target, name in links}


def test_the_report_pages_mark_the_findings_new_since_the_previous_run(capsys, place):
    folder, _, out = place
    shutil.copy(S004, folder)
    nocturno(capsys, place, "--sin-red")
    first = report_pages(out)[S004.name]
    assert first and all("data-nuevo" not in attributes for attributes, _ in first)
    shutil.copy(S000, folder)
    nocturno(capsys, place, "--sin-red")
    pages = report_pages(out)
    for name, rows in pages.items():
        new = {attributes.get("data-nuevo") == "sí" for attributes, _ in rows}
        marked = {cells[0].endswith(" · nuevo") for _, cells in rows}
        assert new == marked == {name == S000.name}, name
    assert set(pages) == {S000.name, S004.name}


def test_progress_is_shown_per_platform_on_a_terminal_and_not_off_it(place):
    folder, db, out = place
    shutil.copy(S000, folder)
    command = [sys.executable, "-m", "auditor.cli", "nocturno", str(folder), "--db", str(db),
               "--salida-dir", str(out), "--sin-red"]
    leader, follower = pty.openpty()
    terminal = {**os.environ, "TERM": "xterm"}  # rich draws nothing on a dumb terminal
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=terminal) as run:
        os.close(follower)
        shown = b""
        while chunk := read_some(leader):
            shown += chunk
    os.close(leader)
    assert run.returncode == 1 and b"youtube" in shown and b"facebook" in shown, shown
    off = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert off.returncode == 0 and off.stderr == ""


def read_some(leader: int) -> bytes:
    try:
        return os.read(leader, 65536)
    except OSError:  # the terminal's other end closed: the run is over
        return b""
