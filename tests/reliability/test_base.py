"""The store through the nightly run: an older schema migrated in place, a newer one refused,
a full disk and a read-only store refused in Spanish with nothing corrupted."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

import pytest
from sqlite_utils import Database

from datos.migrations import MIGRATIONS, NAMES

from .nightly_common import FIRST_X_ID, count, integrity, rows, run_nightly

pytestmark = pytest.mark.lento

POST = f"https://x.com/CNE_StaElena/status/{FIRST_X_ID}"
# offline, no post of these reports can be verified (nothing_verified, an error): news to the
# first run that audits them
NEW_ERRORS = 1


def folder_with_reports(path, n: int = 3, first: int = 0):
    path.mkdir(exist_ok=True)
    for k in range(first, first + n):
        (path / f"informe-{k}.txt").write_text(
            f"Informe {k}\n\nA. Difusión\n\nX (antes Twitter): 2 publicaciones.\n\n"
            f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + 2 * k}\n"
            f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + 2 * k + 1}\n", encoding="utf-8")
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(run, message: str) -> None:
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("error: ") and message in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def old_rows(db) -> dict[str, list[tuple]]:
    return {table: rows(db, f"SELECT * FROM {table} ORDER BY id")
            for table in ("links", "checks", "runs", "audits")}


def test_a_store_of_the_previous_version_is_migrated_in_place_keeping_every_row(
        plataformas, tmp_path):
    db = tmp_path / "cosecha.db"
    old = Database(db)
    MIGRATIONS.apply(old, stop_before=NAMES[-1])
    old.execute("INSERT INTO runs (started_at, finished_at, command) "
                "VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 'cosecha')")
    old.execute("INSERT INTO links (canonical_url, platform, post_id, account, first_seen) "
                "VALUES (?, 'x', ?, 'CNE_StaElena', '2026-01-01T00:00:00Z')",
                (POST, str(FIRST_X_ID)))
    old.execute("INSERT INTO checks (link_id, url, run_id, checked_at, status) "
                "VALUES (1, ?, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'alive')", (POST,))
    old.execute("INSERT INTO audits (source, sha256, verdict, audited_at, body) "
                "VALUES ('viejo.txt', '', 'ready_to_sign', '2026-01-01T00:00:00Z', '{}')")
    old.conn.commit()
    old.close()
    before = old_rows(db)
    run = run_nightly(plataformas, folder_with_reports(tmp_path / "carpeta"), db, tmp_path / "out")
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    assert [row[0] for row in rows(db, "SELECT name FROM _sqlite_migrations ORDER BY id")] == NAMES
    after = old_rows(db)
    assert all(set(before[table]) <= set(after[table]) for table in before)
    assert count(db, "nightly_runs") == 1 and integrity(db) == "ok"
    # the old store's fresh check is used, not repeated
    assert not plataformas.requests_for(f"id={FIRST_X_ID}&")


def test_a_store_of_a_newer_version_is_refused_and_left_untouched(tmp_path):
    db = tmp_path / "cosecha.db"
    assert run_nightly(None, folder_with_reports(tmp_path / "carpeta"), db, tmp_path / "out",
                       "--sin-red").returncode == NEW_ERRORS
    rows(db, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
             "VALUES ('cosecha', 'm999_futuro', '2030-01-01')")
    before = digest(db)
    shutil.rmtree(tmp_path / "out")
    run = run_nightly(None, tmp_path / "carpeta", db, tmp_path / "out", "--sin-red")
    assert_refused(run, "versión más nueva")
    assert digest(db) == before and not (tmp_path / "out").exists()


def mounted(path, size: str):
    """A small tmpfs of its own at `path`, or a skip saying why there cannot be one."""
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"no se puede montar un tmpfs para simular el disco ({done.stderr.strip()})")
    return path


@pytest.fixture
def disco(tmp_path):
    disk = mounted(tmp_path / "disco", "8M")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def fill(disk, leave: int) -> None:
    """Fill the disk, then give back `leave` bytes."""
    filler = disk / "relleno"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))


@pytest.mark.parametrize("leave", [0, 96 * 1024], ids=["lleno", "casi-lleno"])
def test_a_full_disk_is_a_clear_spanish_error_and_corrupts_nothing(disco, tmp_path, leave):
    db, folder = disco / "cosecha.db", folder_with_reports(tmp_path / "carpeta")
    assert run_nightly(None, folder, db, tmp_path / "out", "--sin-red").returncode == NEW_ERRORS
    checks = rows(db, "SELECT * FROM checks")
    fill(disco, leave)
    folder_with_reports(folder, n=40, first=3)
    run = run_nightly(None, folder, db, tmp_path / "out", "--sin-red")
    assert_refused(run, "no queda espacio")
    (disco / "relleno").unlink()
    assert integrity(db) == "ok"
    assert set(checks) <= set(rows(db, "SELECT * FROM checks"))
    assert run_nightly(None, folder, db, tmp_path / "out", "--sin-red").returncode == NEW_ERRORS


@pytest.fixture
def immutable(tmp_path):
    """A store the OS refuses to change, even to root (chattr +i)."""
    db = tmp_path / "cosecha.db"
    assert run_nightly(None, folder_with_reports(tmp_path / "carpeta"), db, tmp_path / "out",
                       "--sin-red").returncode == NEW_ERRORS
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(db)]).returncode:
        pytest.skip("chattr +i no está disponible en este sistema de archivos")
    yield db
    subprocess.run(["chattr", "-i", str(db)], check=True)


def test_an_immutable_store_is_a_clear_spanish_error_and_stays_as_it_was(immutable, tmp_path):
    before = digest(immutable)
    folder_with_reports(tmp_path / "carpeta", n=2, first=3)
    assert_refused(run_nightly(None, tmp_path / "carpeta", immutable, tmp_path / "out",
                               "--sin-red"), "solo lectura")
    assert digest(immutable) == before


def test_a_store_on_a_read_only_disk_is_a_clear_spanish_error(tmp_path):
    disk = mounted(tmp_path / "disco", "2M")
    try:
        db = disk / "cosecha.db"
        assert run_nightly(None, folder_with_reports(tmp_path / "carpeta"), db, tmp_path / "out",
                           "--sin-red").returncode == NEW_ERRORS
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = digest(db)
        folder_with_reports(tmp_path / "carpeta", n=2, first=3)
        assert_refused(run_nightly(None, tmp_path / "carpeta", db, tmp_path / "out",
                                   "--sin-red"), "de solo lectura")
        assert digest(db) == before
    finally:
        subprocess.run(["umount", str(disk)], check=True)
