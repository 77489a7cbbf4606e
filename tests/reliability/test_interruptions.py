"""A run killed at any moment leaves a consistent store, and the next run resumes."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

FIRST_ID = 1935399367130657167


def report_with_tweets(path, count, offset=0):
    lines = ["A. Difusión", "", f"X (antes Twitter): {count} publicaciones.", ""]
    lines += [f"https://x.com/CNE_StaElena/status/{FIRST_ID + offset + i}" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def command(server, db, report, *extra):
    return [sys.executable, "-m", "cosecha.cli", str(report), "--db", str(db), "--remap",
            server.remap, "--formato", "json", "--concurrencia", "4", "--por-host", "4", *extra]


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def conclusive_ids(db) -> set[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT links.post_id FROM checks JOIN links ON links.id = "
                            "checks.link_id WHERE status IN ('alive', 'broken')").fetchall()
    return {row[0] for row in rows}


def requested_ids(server) -> list[str]:
    return [path.split("id=")[1].split("&")[0] for _, host, path in server.requests
            if host == "cdn.syndication.twimg.com"]


@pytest.mark.parametrize("after", [0.3, 0.8, 1.5, 2.5])
def test_sigkill_midway_leaves_a_consistent_store_and_the_rerun_repeats_nothing(
        plataformas, tmp_path, after):
    plataformas.latency = 0.05
    report = report_with_tweets(tmp_path / "informe.txt", 120)
    db = tmp_path / "cosecha.db"
    run = subprocess.Popen(command(plataformas, db, report), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    time.sleep(after)
    run.send_signal(signal.SIGKILL)
    run.wait()
    if db.exists():
        assert integrity(db) == "ok"
    done_before = conclusive_ids(db) if db.exists() else set()
    plataformas.requests.clear()
    rerun = subprocess.run(command(plataformas, db, report), capture_output=True, text=True,
                           timeout=120)
    rows = json.loads(rerun.stdout)
    assert rerun.returncode == 0 and len(rows) == 120
    assert all(row["status"] == "alive" for row in rows)
    assert not set(requested_ids(plataformas)) & done_before
    assert sum(row["from_cache"] for row in rows) == len(done_before)
    assert integrity(db) == "ok"


def test_two_runs_at_once_on_one_store_both_finish_and_lose_nothing(plataformas, tmp_path):
    plataformas.latency = 0.01
    db = tmp_path / "cosecha.db"
    first = report_with_tweets(tmp_path / "uno.txt", 80)
    second = report_with_tweets(tmp_path / "dos.txt", 80, offset=40)
    runs = [subprocess.Popen(command(plataformas, db, report, "--refrescar"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for report in (first, second)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    rows = [row for out, _ in outputs for row in json.loads(out)]
    with sqlite3.connect(db) as conn:
        checks = conn.execute("SELECT count(*) FROM checks").fetchone()[0]
        links = conn.execute("SELECT count(*) FROM links").fetchone()[0]
        runs_done = conn.execute("SELECT count(*) FROM runs "
                                 "WHERE finished_at IS NOT NULL").fetchone()[0]
    assert checks == len(rows) == 160
    assert links == 120 and runs_done == 2
    assert integrity(db) == "ok"
