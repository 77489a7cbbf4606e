"""`auditor revisar`, `confirmar` and `resumen` as a user runs them."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent / "ejemplos"
S000, S004 = SAMPLES / "000_a182aa916ef26d9e.txt", SAMPLES / "004_266fee83d5143ea3.txt"
DELETED = "1940055112992317884"


def auditor(*args, db, stdin=None):
    run = subprocess.run([sys.executable, "-m", "auditor.cli", *map(str, args), "--db", str(db)],
                         capture_output=True, text=True, input=stdin, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    return run


def revisar_json(*args, db):
    run = auditor("revisar", *args, "--formato", "json", db=db)
    return run.returncode, json.loads(run.stdout)["reports"]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def coverage_of(report):
    return {(r["phase"], r["platform"]): (r["claimed"], r["listed"]) for r in report["coverage"]}


def test_sample_000_offline_is_not_signable_nothing_verified_its_only_error(db):
    code, [report] = revisar_json(S000, "--sin-red", db=db)
    coverage = coverage_of(report)
    assert code == 1 and report["verdict"] == "review_before_signing"
    assert [f["code"] for f in report["findings"] if f["severity"] == "error"] == [
        "nothing_verified"]
    assert coverage[("A", "x")] == coverage[("A", "facebook")] == (5, 5)
    assert coverage[("B", "x")] == coverage[("B", "facebook")] == (2, 2)
    assert coverage[("E", "x")] == (10, 10) and coverage[("E", "facebook")] == (8, 8)
    assert coverage[("D", "youtube")] == (None, 1)
    assert not [f for f in report["findings"] if f["code"] == "out_of_window"]


def test_the_table_ends_with_the_spanish_verdict_line(db):
    run = auditor("revisar", S000, "--sin-red", db=db)
    assert "Revisar antes de firmar: 1 error" in run.stdout
    assert "Ningún enlace pudo verificarse" in run.stdout
    assert "Declarado" in run.stdout and "Sin verificar" in run.stdout


def test_sample_004_breakdowns_period_and_missing_evidence(db):
    code, [report] = revisar_json(S004, "--sin-red", db=db)
    found = {(f["code"], f["platform"], f["severity"]) for f in report["findings"]}
    assert code == 1
    assert ("breakdown_mismatch", "instagram", "error") in found
    assert {("breakdown_mismatch", p, "info") for p in ("x", "facebook")} <= found
    assert "total_mismatch" not in {code for code, _, _ in found}
    assert {"period_mismatch", "missing_evidence"} <= {code for code, _, _ in found}


def test_samples_001_and_003_have_no_claims(db):
    _code, reports = revisar_json(SAMPLES / "001_ed93e58888d3b408.txt",
                                 SAMPLES / "003_a567c491ae930e26.txt", "--sin-red", db=db)
    assert [[f["code"] for f in r["findings"] if f["code"] == "no_claims"] for r in reports] \
        == [["no_claims"], ["no_claims"]]
    assert coverage_of(reports[1]) == {("", "youtube"): (None, 1)}


def test_an_unreadable_input_is_exit_2_and_the_others_are_still_audited(db, tmp_path):
    broken = tmp_path / "roto.docx"
    broken.write_bytes(b"PK\x03\x04 esto no es un docx")
    run = auditor("revisar", broken, S000, "--sin-red", "--formato", "json", db=db)
    assert run.returncode == 2 and "roto.docx" in run.stderr
    assert [r["source"] for r in json.loads(run.stdout)["reports"]] == [str(S000)]


def test_a_deleted_tweet_is_a_broken_link_error_and_exit_1(plataformas, db, tmp_path):
    plataformas.x(DELETED, "deleted")
    code, [report] = revisar_json(S000, "--remap", plataformas.remap, "--reintentos", "1", db=db)
    broken = [f for f in report["findings"] if f["code"] == "broken_link"]
    assert code == 1 and report["verdict"] == "review_before_signing"
    assert [f["url"] for f in broken] == [f"https://x.com/CNE_StaElena/status/{DELETED}"]
    assert {(r["phase"], r["platform"]): r["broken"] for r in report["coverage"]}[("B", "x")] == 1


def test_login_walls_are_unverified_and_the_report_signable_with_reservations(plataformas, db):
    code, [report] = revisar_json(S000, "--remap", plataformas.remap, db=db)
    facebook = [r for r in report["coverage"] if r["platform"] == "facebook"]
    assert code == 0 and report["verdict"] == "sign_with_reservations"
    assert sum(r["unverified"] for r in facebook) == 18 and sum(r["alive"] for r in facebook) == 0
    assert all(r["alive"] == r["listed"] for r in report["coverage"] if r["platform"] == "x")


def test_a_manual_confirmation_counts_until_an_automatic_check_is_conclusive(plataformas, db):
    url = "https://www.facebook.com/share/p/1FFHYCBvYd/"
    revisar_json(S000, "--remap", plataformas.remap, db=db)
    confirm = auditor("confirmar", url, "--estado", "vivo", "--por", "Ana Analista",
                      "--nota", "visto en el navegador", db=db)
    assert confirm.returncode == 0 and "Ana Analista" in confirm.stdout
    _code, [report] = revisar_json(S000, "--remap", plataformas.remap, db=db)
    phase_a = {r["platform"]: r for r in report["coverage"] if r["phase"] == "A"}
    assert (phase_a["facebook"]["alive"], phase_a["facebook"]["unverified"]) == (1, 4)
    plataformas.facebook("1FFHYCBvYd", "unavailable")
    _code, [report] = revisar_json(S000, "--remap", plataformas.remap, "--refrescar", db=db)
    phase_a = {r["platform"]: r for r in report["coverage"] if r["phase"] == "A"}
    assert (phase_a["facebook"]["alive"], phase_a["facebook"]["broken"]) == (0, 1)


def test_summary_shows_the_latest_version_of_each_report_and_platform_totals(db, tmp_path):
    report = tmp_path / "informe.txt"
    report.write_text(S000.read_text(encoding="utf-8"), encoding="utf-8")
    auditor("revisar", report, S004, "--sin-red", db=db)
    report.write_text(S000.read_text(encoding="utf-8").replace(
        "X (antes Twitter): 10 publicaciones.", "X (antes Twitter): 12 publicaciones."),
        encoding="utf-8")
    auditor("revisar", report, "--sin-red", db=db)
    summary = json.loads(auditor("resumen", "--formato", "json", db=db).stdout)
    rows = {Path(r["source"]).name: r for r in summary["reports"]}
    assert set(rows) == {"informe.txt", S004.name}
    assert rows["informe.txt"]["claimed"] == 34 and rows["informe.txt"]["errors"] == 2
    assert summary["totals"]["x"]["listed"] == 19
    assert summary["totals"]["instagram"]["claimed"] == 71


def test_summary_filters_by_institution_and_dates(db):
    auditor("revisar", S000, S004, "--sin-red", db=db)
    only = json.loads(auditor("resumen", "--formato", "json", "--institucion", "santa elena",
                              db=db).stdout)
    assert [Path(r["source"]).name for r in only["reports"]] == [S000.name]
    after = json.loads(auditor("resumen", "--formato", "json", "--desde", "2025-07-24",
                               db=db).stdout)
    assert S000.name not in [Path(r["source"]).name for r in after["reports"]]


def test_summary_lists_links_that_broke_newly_broken_first(plataformas, db):
    auditor("revisar", S000, "--remap", plataformas.remap, db=db)
    plataformas.x(DELETED, "deleted")
    auditor("revisar", S000, "--remap", plataformas.remap, "--refrescar", db=db)
    summary = json.loads(auditor("resumen", "--formato", "json", db=db).stdout)
    [change] = summary["changes"]
    assert (change["from"], change["to"]) == ("alive", "broken")
    assert change["url"].endswith(DELETED) and change["sources"] == [str(S000)]


def test_summary_without_a_store_is_exit_2_in_spanish(tmp_path):
    run = auditor("resumen", db=tmp_path / "no-existe.db")
    assert run.returncode == 2 and "no existe" in run.stderr


def test_data_csv_has_the_same_coverage_rows_as_json(db):
    _code, reports = revisar_json(S000, S004, "--sin-red", db=db)
    text = auditor("revisar", S000, S004, "--sin-red", "--csv-datos", db=db).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = [(r["source"], c["phase"], c["platform"], c["listed"], c["unverified"])
                for r in reports for c in r["coverage"]]
    assert [(r["source"], r["phase"], r["platform"], int(r["listed"]), int(r["unverified"]))
            for r in rows] == expected


def test_output_to_a_file_with_salida(db, tmp_path):
    out = tmp_path / "auditoria.html"
    run = auditor("revisar", S000, "--sin-red", "--formato", "html", "--salida", out, db=db)
    assert run.stdout == "" and "<html lang=\"es\">" in out.read_text(encoding="utf-8")


def test_bad_account_rule_is_refused_in_spanish(db):
    run = auditor("revisar", S000, "--cuenta", "myspace=yo", db=db)
    assert run.returncode == 2 and "PLATAFORMA=CUENTA" in run.stderr


def test_foreign_account_with_cuenta(db):
    _code, [report] = revisar_json(S000, "--sin-red", "--cuenta", "x=OtraCuenta", db=db)
    assert len([f for f in report["findings"] if f["code"] == "foreign_account"]) == 19
