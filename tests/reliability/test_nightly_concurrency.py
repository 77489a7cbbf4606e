"""One nightly run per store, a lock a killed run does not leave stuck, and `cosecha` and
`auditor revisar` working beside a nightly run on the same store."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from .nightly_common import (
    count,
    half_written_checks,
    integrity,
    per_report,
    rows,
    rows_at_least,
    run_nightly,
    start_nightly,
    write_folder,
)

pytestmark = pytest.mark.lento

BUSY = "ya hay una auditoría nocturna en curso"


def wait_until(reached, *args, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while not reached(*args):
        assert time.monotonic() < deadline, "la ejecución no llegó a ese punto"
        time.sleep(0.01)


def test_a_second_nightly_run_exits_at_once_and_a_killed_one_leaves_no_stuck_lock(
        plataformas, tmp_path):
    plataformas.latency = 0.3  # the first run is still harvesting when the second starts
    folder = write_folder(plataformas, tmp_path / "carpeta", reports=10)
    db = tmp_path / "cosecha.db"
    first = start_nightly(plataformas, folder.path, db, tmp_path / "uno")
    wait_until(rows_at_least("runs", 1), db)
    started = time.monotonic()
    second = run_nightly(plataformas, folder.path, db, tmp_path / "dos")
    assert second.returncode == 2 and time.monotonic() - started < 10
    assert second.stderr.startswith("error: ") and BUSY in second.stderr
    assert "Traceback" not in second.stderr and not second.stdout
    assert not (tmp_path / "dos").exists()
    assert first.poll() is None
    first.send_signal(signal.SIGKILL)
    first.communicate()
    plataformas.latency = 0
    third = run_nightly(plataformas, folder.path, db, tmp_path / "tres")
    assert third.returncode in (0, 1), third.stderr
    assert per_report(tmp_path / "tres").keys() == {str(p) for p in folder.path.glob("*.txt")}


def side_command(program: str, server, folder, db, *extra) -> list[str]:
    return [sys.executable, "-m", program, *extra, str(folder), "--db", str(db),
            "--remap", server.remap, "--formato", "json", "--reintentos", "1"]


def test_cosecha_and_revisar_beside_a_nightly_run_all_finish_and_the_store_stays_consistent(
        plataformas, tmp_path):
    plataformas.latency = 0.03
    folder = write_folder(plataformas, tmp_path / "carpeta", reports=20)
    assert run_nightly(plataformas, folder.path, tmp_path / "ref.db", tmp_path / "ref",
                       "--reintentos", "1").returncode == 1
    db = tmp_path / "cosecha.db"
    nightly = start_nightly(plataformas, folder.path, db, tmp_path / "out", "--reintentos", "1")
    beside = [subprocess.Popen(side_command(program, plataformas, folder.path, db, *sub),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for program, sub in (("cosecha.cli", ()), ("auditor.cli", ("revisar",)))]
    harvested, reviewed = [run.communicate(timeout=120) for run in beside]
    _nightly_out, nightly_err = nightly.communicate(timeout=120)
    assert nightly.returncode in (0, 1) and "Traceback" not in nightly_err, nightly_err
    assert [run.returncode for run in beside] == [1, 1], [harvested[1], reviewed[1]]
    assert per_report(tmp_path / "out") == per_report(tmp_path / "ref")
    assert integrity(db) == "ok" and half_written_checks(db) == 0
    latest = dict(rows(db, "SELECT canonical_url, status FROM latest_checks"))
    unfinished = rows(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")[0][0]
    assert len(latest) == folder.links and unfinished == 0 and count(db, "runs") == 3
    outcomes = json.loads(harvested[0])
    assert {row["canonical_url"] or row["url"]: row["status"] for row in outcomes}.items() \
        <= latest.items()
    assert {row["url"] for row in outcomes if row["status"] == "broken"} == folder.broken
    assert count(db, "audits") == 2 * 20  # the nightly run's and revisar's
