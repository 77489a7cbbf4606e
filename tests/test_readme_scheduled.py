"""The README's cron line and systemd unit run as written (offline, with --sin-red appended so
no test reaches the internet), and its datasette canned queries run on a real store."""

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.exploration import metadata_for

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = "/srv/auditoria"


def cron_command() -> str:
    [line] = [row.strip() for row in README.splitlines() if re.match(r"\s+30 2 \* \* \* ", row)]
    return line.split(" ", 5)[5]


def systemd_command() -> str:
    [line] = [row.strip() for row in README.splitlines() if row.strip().startswith("ExecStart=")]
    [folder] = [row.strip() for row in README.splitlines()
                if row.strip().startswith("WorkingDirectory=")]
    assert folder == f"WorkingDirectory={INSTALL}"
    return f"cd {INSTALL} && " + line.removeprefix("ExecStart=")


@pytest.fixture
def install(tmp_path):
    """An installation laid out as the README assumes, with the sample reports to audit."""
    home = tmp_path / "srv" / "auditoria"
    (home / "informes-recibidos").mkdir(parents=True)
    (home / ".venv" / "bin").mkdir(parents=True)
    (home / ".venv" / "bin" / "auditor").symlink_to(Path(sys.executable).parent / "auditor")
    for report in (ROOT / "ejemplos").glob("*.txt"):
        shutil.copy(report, home / "informes-recibidos")
    return home


def run(command: str, home: Path) -> subprocess.CompletedProcess:
    line = command.replace(INSTALL, str(home)) + " --sin-red"
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("command", [cron_command(), systemd_command()],
                         ids=["cron", "systemd"])
def test_scheduled_command_audits_the_folder_offline_and_stays_quiet_the_next_night(
        install, command):
    first = run(command, install)
    assert first.returncode == 1 and "Auditoría nocturna" in first.stdout, first.stderr
    page = json.loads((install / "publicado" / "ultimo.json").read_text(encoding="utf-8"))
    findings = [f for r in page["reports"] for f in r["findings"]]
    assert not [f for f in findings if f["code"] == "broken_link"]
    assert len([f for f in findings if f["code"] == "unverified_link"]) == 42
    assert (install / "publicado" / "ultimo.html").exists()
    assert list(install.glob("auditoria.db.respaldo-*"))
    second = run(command, install)
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")


def test_datasette_canned_queries_run_on_a_real_store(install):
    run(cron_command(), install)
    queries = metadata_for(install / "auditoria.db")["databases"]["auditoria"]["queries"]
    with sqlite3.connect(install / "auditoria.db") as conn:
        results = {name: conn.execute(q["sql"]).fetchall() for name, q in queries.items()}
    assert set(results) == {"links_rotos", "cambios_recientes", "cobertura_por_informe"}
    assert results["links_rotos"] == [] and results["cambios_recientes"] == []
    coverage = {(Path(r[0]).name, r[3], r[4]): (r[5], r[6])
                for r in results["cobertura_por_informe"]}
    assert coverage[("000_a182aa916ef26d9e.txt", "A", "x")] == (5, 5)
