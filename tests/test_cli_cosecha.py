"""`cosecha` as a user runs it, offline (the local platform server tests are apart)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent / "ejemplos"
SAMPLE_000 = SAMPLES / "000_a182aa916ef26d9e.txt"


def cosecha(*args, db, stdin=None):
    return subprocess.run([sys.executable, "-m", "cosecha.cli", *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, input=stdin, timeout=60)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def test_offline_json_has_one_row_per_distinct_link_with_x_dates(db):
    run = cosecha(SAMPLE_000, "--sin-red", "--formato", "json", db=db)
    rows = json.loads(run.stdout)
    assert run.returncode == 0
    assert len(rows) == 40 == len({row["canonical_url"] for row in rows})
    x_rows = [row for row in rows if row["platform"] == "x"]
    assert all(row["status"] == "unverified" and row["reason"] == "not_asked" for row in x_rows)
    assert all("2025-06-18" <= row["published_at"][:10] <= "2025-07-04" for row in x_rows)


def test_outside_a_terminal_a_summary_line_names_the_store(db):
    run = cosecha(SAMPLE_000, "--sin-red", db=db)
    assert run.returncode == 0
    assert "40 enlaces distintos" in run.stdout and str(db) in run.stdout


def test_silent_run_prints_nothing_when_nothing_is_broken(db):
    run = cosecha(SAMPLE_000, "--sin-red", "--silencioso", db=db)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_a_report_on_standard_input(db):
    run = cosecha("-", "--sin-red", "--formato", "json", db=db, stdin=SAMPLE_000.read_text())
    assert len(json.loads(run.stdout)) == 40


def test_missing_input_is_a_spanish_message_and_exit_2_while_the_rest_is_checked(db, tmp_path):
    run = cosecha(tmp_path / "no-esta.txt", SAMPLE_000, "--sin-red", "--formato", "json", db=db)
    assert run.returncode == 2
    assert "no-esta.txt" in run.stderr and "no existe" in run.stderr
    assert "Traceback" not in run.stderr
    assert len(json.loads(run.stdout)) == 40


def test_a_bad_remap_rule_is_refused_in_spanish(db):
    run = cosecha(SAMPLE_000, "--remap", "sin-espacio", db=db)
    assert run.returncode == 2
    assert "--remap" in run.stderr and "REGEX REEMPLAZO" in run.stderr


def test_a_private_address_given_as_url_is_refused(db):
    run = cosecha("http://169.254.169.254/latest/meta-data", "--formato", "json", db=db)
    [row] = json.loads(run.stdout)
    assert (row["status"], run.returncode) == ("refused", 0)


def test_the_input_file_is_never_changed(db, tmp_path):
    report = tmp_path / "informe.txt"
    report.write_bytes(SAMPLE_000.read_bytes())
    cosecha(report, "--sin-red", db=db)
    assert report.read_bytes() == SAMPLE_000.read_bytes()


def test_an_unusable_store_is_exit_2_in_spanish(tmp_path):
    not_a_db = tmp_path / "basura.db"
    not_a_db.write_bytes(b"esto no es sqlite" * 100)
    run = cosecha(SAMPLE_000, "--sin-red", db=not_a_db)
    assert run.returncode == 2
    assert "no es una base de datos SQLite" in run.stderr and "Traceback" not in run.stderr
