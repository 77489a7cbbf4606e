"""SIGKILL the nightly run while it reads, harvests and writes: nothing is lost or half-written,
the lock is not left stuck, and the next run concludes what an uninterrupted run concludes."""

from __future__ import annotations

import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from auditor.nightly.files import LOCK_SUFFIX
from datos import open_store

from .nightly_common import (
    count,
    half_written_checks,
    has_table,
    integrity,
    per_report,
    rows,
    rows_at_least,
    run_nightly,
    start_nightly,
    write_folder,
)

pytestmark = [pytest.mark.lento, pytest.mark.a_solas]  # kills land by the clock

REPORTS = 30
FAST = ("--reintentos", "1", "--timeout", "2")
TIMED_POINTS = 16
WRITING = ("auditorías", "páginas", "registro", "respaldo")


def later(reached, delay: float):
    """A moment `delay` seconds after `reached`."""
    seen: list[float] = []

    def moment(db: Path, out: Path) -> bool:
        if not seen and reached(db, out):
            seen.append(time.monotonic())
        return bool(seen) and time.monotonic() - seen[0] >= delay
    return moment


def events() -> dict:
    """Kill points that wait for a moment of the run rather than a delay."""
    return {
        "base creada": lambda db, out: db.exists(),
        "base migrada (lectura)": rows_at_least("nightly_runs", 0),
        "lectura a medias": later(rows_at_least("nightly_runs", 0), 0.15),
        "cosecha empezada": rows_at_least("runs", 1),
        "40 verificaciones guardadas": rows_at_least("checks", 40),
        "200 verificaciones guardadas": rows_at_least("checks", 200),
        "primera auditoría guardada": rows_at_least("audits", 1),
        "mitad de las auditorías": rows_at_least("audits", REPORTS // 2),
        "carpeta de salida creada": lambda db, out: out.exists(),
        "página con fecha escrita": lambda db, out: any(out.glob("auditoria-*.html")),
        "ultimo.json escrito": lambda db, out: (out / "ultimo.json").exists(),
        "respaldo empezado": lambda db, out: any(db.parent.glob(f"{db.name}.respaldo*")),
    }


def phase_reached(db: Path, out: Path) -> str:
    """Where a killed run was, judged by what it left."""
    if not db.exists() or not has_table(db, "nightly_runs"):
        return "arranque"
    started, finished = rows(db, "SELECT count(*), count(finished_at) FROM runs")[0]
    audits, nightly = count(db, "audits"), count(db, "nightly_runs")
    if not started:
        return "lectura"
    if not finished:
        return "cosecha"
    if audits < REPORTS:
        return "auditorías"
    if not (out / "ultimo.json").exists():
        return "páginas"
    if not nightly:
        return "registro"
    return "respaldo"


def kill_when(run, db: Path, out: Path, point) -> None:
    if isinstance(point, float):
        time.sleep(point)
    else:
        deadline = time.monotonic() + 60
        while run.poll() is None and not point(db, out) and time.monotonic() < deadline:
            time.sleep(0.001)
    run.send_signal(signal.SIGKILL)
    run.communicate()


def check_ids(db: Path) -> set[int]:
    if not has_table(db, "checks"):
        return set()
    return {row[0] for row in rows(db, "SELECT id FROM checks")}


def kill_and_rerun(server, folder: Path, place: Path, name: str, point, expected) -> str:
    db, out = place / "cosecha.db", place / "informes"
    run = start_nightly(server, folder, db, out, *FAST)
    kill_when(run, db, out, point)
    phase = "terminada" if run.returncode != -signal.SIGKILL else phase_reached(db, out)
    where = f"corte {name!r} ({phase})"
    kept = set()
    if db.exists():
        assert integrity(db) == "ok", where
        assert half_written_checks(db) == 0, where
        kept = check_ids(db)
    rerun = run_nightly(server, folder, db, out, *FAST)
    assert rerun.returncode in (0, 1), f"{where}: {rerun.stderr}"
    assert "Traceback" not in rerun.stderr, where
    assert kept <= check_ids(db), f"{where}: se perdieron verificaciones"
    assert integrity(db) == "ok" and half_written_checks(db) == 0, where
    got = per_report(out)
    assert got.keys() == expected.keys(), where
    differ = [source for source in expected if got[source] != expected[source]]
    assert not differ, f"{where}: difieren {differ[:3]}"
    assert count(db, "nightly_runs") >= 1, where
    return phase


def test_sigkill_at_many_points_loses_nothing_and_the_next_run_agrees(plataformas, tmp_path,
                                                                      cifras):
    plataformas.latency = 0.03
    folder = write_folder(plataformas, tmp_path / "carpeta", REPORTS, prose_lines=4000)
    started = time.monotonic()
    reference = run_nightly(plataformas, folder.path, tmp_path / "ref.db", tmp_path / "ref", *FAST)
    duration = time.monotonic() - started
    assert reference.returncode == 1, reference.stderr
    expected = per_report(tmp_path / "ref")
    assert len(expected) == REPORTS
    step = (duration - 0.05) / (TIMED_POINTS - 1)
    points = {f"{0.05 + i * step:.2f} s": 0.05 + i * step for i in range(TIMED_POINTS)}
    points.update(events())

    def attempt(item: tuple[int, tuple[str, object]]) -> str:
        index, (name, point) = item
        place = tmp_path / f"corte-{index:02d}"
        place.mkdir()
        return kill_and_rerun(plataformas, folder.path, place, name, point, expected)

    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores: two runs at a time
        phases = Counter(pool.map(attempt, enumerate(points.items())))
    killed = sum(n for phase, n in phases.items() if phase != "terminada")
    cifras["puntos de corte (SIGKILL)"] = (
        f"{len(points)} intentados, {killed} cortaron la ejecución; por fase: "
        f"{dict(phases)}; ejecución completa {duration:.1f} s; nada perdido")
    assert killed >= 20, phases
    assert phases["lectura"] >= 2 and phases["cosecha"] >= 4, phases
    assert sum(phases[phase] for phase in WRITING) >= 3, phases


def padded_store(db: Path, megabytes: int) -> int:
    """A store big enough that copying it takes a while; returns its number of audits."""
    store = open_store(db)
    body = "x" * 2048
    with store.write():
        store.db.conn.executemany(
            "INSERT INTO audits (source, sha256, verdict, audited_at, body) "
            "VALUES (?, '', '', '', ?)",
            ((f"viejo-{n}.txt", body) for n in range(megabytes * 500)))
    store.close()
    return megabytes * 500


def whole_stores(paths: list[Path], audits: int) -> bool:
    return all(has_table(path, "audits") and integrity(path) == "ok"
               and count(path, "audits") >= audits for path in paths)


def test_a_backup_killed_midway_leaves_no_half_copy_among_the_backups(tmp_path):
    folder = tmp_path / "carpeta"
    folder.mkdir()
    (folder / "informe.txt").write_text(
        "Informe\n\nhttps://x.com/CNE_StaElena/status/1935399367130657167\n", encoding="utf-8")
    db, out = tmp_path / "base" / "cosecha.db", tmp_path / "informes"
    audits = padded_store(db, 40)
    known = {db.name, f"{db.name}-wal", f"{db.name}-shm", f"{db.name}{LOCK_SUFFIX}"}
    run = start_nightly(None, folder, db, out, "--sin-red")
    kill_when(run, db, out, lambda db, out: bool({p.name for p in db.parent.iterdir()} - known))
    assert run.returncode == -signal.SIGKILL
    backups = lambda: sorted(db.parent.glob(f"{db.name}.respaldo-*"))  # noqa: E731
    assert whole_stores(backups(), audits), [p.name for p in backups()]
    assert run_nightly(None, folder, db, out, "--sin-red").returncode in (0, 1)
    assert len(backups()) == 1 and whole_stores(backups(), audits)
    assert integrity(db) == "ok"
