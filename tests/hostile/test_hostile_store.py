"""The input and the history are never harmed (issue 14): a damaged or empty store, damaged
stored JSON, links planted at our temporary names, look-alike backups, file modes, and report
links that lead out of the audited folder."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from contextlib import closing

import pytest
from reliability.nightly_common import FIRST_X_ID, nightly_command
from reliability.test_base import assert_refused, digest

from auditor.cli import main as auditor_main
from datos import open_store

SECRET_ID = FIRST_X_ID + 999
OLD_STAMPS = ("20200101T000000", "20200102T000000", "20200103T000000")


def report(path, post_id: int = FIRST_X_ID):
    path.write_text(f"Informe\n\nA. Difusión\n\nX (antes Twitter): 1 publicaciones.\n\n"
                    f"https://x.com/CNE_StaElena/status/{post_id}\n", encoding="utf-8")
    return path


def auditor(capsys, *args) -> subprocess.CompletedProcess:
    """The command run in this process (an exception would fail the test: no traceback)."""
    code = auditor_main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def nightly(capsys, folder, db, out, *extra):
    return auditor(capsys, "nocturno", folder, "--db", db, "--salida-dir", out, "--sin-red", *extra)


def mode(path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(scope="module")
def noche(tmp_path_factory):
    """One nightly run over a hostile scene: links planted at the run's temporary names, a store
    named `base[1].db` with three old backups and look-alike strays, report links inside and
    outside the folder and a folder link that loops, all under umask 027."""
    root = tmp_path_factory.mktemp("noche")
    folder, base, out = root / "carpeta", root / "base", root / "publicado"
    for made in (folder, base, out):
        made.mkdir()
    report(folder / "informe.txt")
    report(root / "secreto.txt", SECRET_ID)
    (folder / "fuera.txt").symlink_to(root / "secreto.txt")
    (folder / "dentro.md").symlink_to(folder / "informe.txt")
    (folder / "bucle").symlink_to(folder)
    db = base / "base[1].db"
    open_store(db).close()
    for stamp in OLD_STAMPS:
        shutil.copy(db, base / f"{db.name}.respaldo-{stamp}")
    strays = [base / name for name in ("base[1].db.respaldo-viejo",
                                       "base1.db.respaldo-20190101T000000",
                                       "base[1].db.respaldo-20190101T000000.txt")]
    for stray in strays:
        stray.write_text("no es un respaldo")
    victims = {base / f"{db.name}.respaldo.parcial": root / "victima-respaldo",
               out / "ultimo.html.parcial": root / "victima-pagina"}
    for planted, victim in victims.items():
        victim.write_text("intacto")
        planted.symlink_to(victim)
    # its own process, for its own umask
    run = subprocess.run(nightly_command(None, folder, db, out, "--sin-red", "--respaldos", "2"),
                         capture_output=True, text=True, timeout=60, umask=0o027)
    return {"run": run, "db": db, "out": out, "strays": strays, "victims": victims.values(),
            "page": json.loads((out / "ultimo.json").read_text(encoding="utf-8"))}


def test_a_link_planted_at_a_partial_name_is_not_written_through(noche):
    assert all(victim.read_text() == "intacto" for victim in noche["victims"])
    assert noche["run"].returncode in (0, 1), noche["run"].stderr


def test_a_store_named_with_brackets_rotates_to_exactly_respaldos_and_strays_stay(noche):
    db = noche["db"]
    backups = sorted(p.name for p in db.parent.iterdir()
                     if p.name.startswith(f"{db.name}.respaldo-2") and p.name[-1].isdigit())
    assert len(backups) == 2 and backups[0] == f"{db.name}.respaldo-{OLD_STAMPS[-1]}", backups
    assert all(stray.read_text() == "no es un respaldo" for stray in noche["strays"])


def test_the_store_and_its_backups_are_owner_only_while_pages_follow_the_umask(noche):
    db, out = noche["db"], noche["out"]
    new_backup = max(db.parent.glob(f"{db.name.replace('[', '[[]')}.respaldo-2*"))
    assert mode(db) == 0o600 and mode(new_backup) == 0o600
    assert {mode(out / name) for name in ("ultimo.html", "ultimo.json")} == {0o640}


def test_a_report_linked_from_outside_the_folder_is_unreadable_and_not_published(noche):
    sources = {report["source"]: report for report in noche["page"]["reports"]}
    outside = next(source for source in sources if source.endswith("fuera.txt"))
    assert [f["code"] for f in sources[outside]["findings"]] == ["unreadable_report"]
    assert "fuera de la carpeta" in sources[outside]["findings"][0]["message"]
    assert str(SECRET_ID) not in (noche["out"] / "ultimo.json").read_text(encoding="utf-8")
    assert any(source.endswith("dentro.md") for source in sources)  # a link inside is read
    assert not any("bucle" in source for source in sources)


def test_a_linked_report_named_on_the_command_line_is_read_as_given(tmp_path, capsys):
    report(tmp_path / "secreto.txt", SECRET_ID)
    (tmp_path / "enlace.txt").symlink_to(tmp_path / "secreto.txt")
    run = auditor(capsys, "revisar", tmp_path / "enlace.txt", "--db", tmp_path / "c.db",
                  "--sin-red", "--formato", "json")
    assert run.returncode in (0, 1), run.stderr
    assert str(SECRET_ID) in run.stdout


def corrupt_a_middle_page_of(db, table: str) -> None:
    with closing(sqlite3.connect(db)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,))]
    with open(db, "r+b") as handle:
        handle.seek((pages[len(pages) // 2] - 1) * size)
        handle.write(b"\xff" * size)


def test_a_store_failing_quick_check_is_refused_and_every_good_backup_is_kept(tmp_path, capsys):
    folder, db = tmp_path / "carpeta", tmp_path / "cosecha.db"
    folder.mkdir()
    report(folder / "informe.txt")
    store = open_store(db)
    for n in range(60):  # sorted after the report's path, so the run never touches their pages
        store.record_audit({"source": f"~relleno-{n:03d}", "sha256": "", "title": "x" * 2000,
                            "institution": "", "report_date": None, "verdict": "ready_to_sign",
                            "audited_at": "2026-01-01T00:00:00Z"})
    store.close()
    backups = {}
    for stamp in OLD_STAMPS:
        backups[stamp] = tmp_path / f"cosecha.db.respaldo-{stamp}"
        shutil.copy(db, backups[stamp])
    corrupt_a_middle_page_of(db, "audits")
    before = {path: digest(path) for path in backups.values()}
    run = nightly(capsys, folder, db, tmp_path / "out", "--respaldos", "3")
    assert_refused(run, "dañada")
    assert sorted(tmp_path.glob("cosecha.db.respaldo*")) == sorted(before)
    assert all(digest(path) == sha for path, sha in before.items())
    assert not (tmp_path / "out").exists()


def test_a_zero_length_store_is_refused_and_left_untouched(tmp_path, capsys):
    folder, db = tmp_path / "carpeta", tmp_path / "cosecha.db"
    folder.mkdir()
    report(folder / "informe.txt")
    db.touch()
    run = nightly(capsys, folder, db, tmp_path / "out")
    assert_refused(run, "vacío")
    assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carpeta", "cosecha.db",
                                                           "cosecha.db.nocturno.lock"]


def test_a_damaged_stored_audit_is_a_spanish_error_not_a_traceback(tmp_path, capsys):
    db = tmp_path / "cosecha.db"
    store = open_store(db)
    store.record_audit({"source": "informe.txt", "sha256": "", "title": "", "institution": "",
                        "report_date": None, "verdict": "ready_to_sign",
                        "audited_at": "2026-01-01T00:00:00Z"})
    store.db.execute("UPDATE audits SET body = '{\"roto'")
    store.close()
    run = auditor(capsys, "resumen", "--db", db)
    assert_refused(run, "informe.txt")
    assert "JSON está dañado" in run.stderr
