"""The five sample reports, audited offline (no evidence at all), as issue 5 expects them."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import audit, found, row

from auditor.compare import exit_code, verdict_text
from auditor.model import ERROR, INFO, RESERVATIONS, REVIEW, WARNING
from cosecha.reader import read_report

SAMPLES = Path(__file__).resolve().parent.parent / "ejemplos"


def sample(prefix: str):
    [path] = SAMPLES.glob(f"{prefix}_*.txt")
    return audit(read_report(path))


@pytest.fixture(scope="module")
def santa_elena():
    return sample("000")


@pytest.mark.parametrize(("phase", "platform", "claimed", "listed"), [
    ("A", "x", 5, 5), ("A", "facebook", 5, 5), ("B", "x", 2, 2), ("B", "facebook", 2, 2),
    ("E", "x", 10, 10), ("E", "facebook", 8, 8), ("D", "youtube", None, 1),
])
def test_santa_elena_coverage_matches_its_claims(santa_elena, phase, platform, claimed, listed):
    coverage = row(santa_elena, phase, platform)
    assert (coverage.claimed, coverage.listed) == (claimed, listed)
    assert (coverage.alive, coverage.broken, coverage.unverified) == (0, 0, listed)


def test_santa_elena_offline_is_not_signable_nothing_verified_its_only_error(santa_elena):
    assert santa_elena.verdict == REVIEW
    assert verdict_text(santa_elena) == "Revisar antes de firmar: 1 error"
    assert exit_code([santa_elena]) == 1
    [error] = [f for f in santa_elena.findings if f.severity == ERROR]
    assert (error.code, error.phase, error.platform) == ("nothing_verified", None, None)
    assert "Ningún enlace pudo verificarse" in error.message


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_reports_without_claims_offline_sign_with_reservations(prefix):
    result = sample(prefix)
    assert result.verdict == RESERVATIONS and exit_code([result]) == 0
    assert "no declara cifras que auditar" in verdict_text(result)


def test_santa_elena_x_posts_dated_by_id_lie_in_its_window(santa_elena):
    assert not found(santa_elena, "out_of_window")
    assert not found(santa_elena, "foreign_account")
    assert not found(santa_elena, "count_mismatch")


def test_ine_quarterly_breakdowns_totals_period_and_missing_evidence():
    result = sample("004")
    breakdowns = {f.platform: f.severity for f in found(result, "breakdown_mismatch")}
    assert breakdowns == {"instagram": ERROR, "x": INFO, "facebook": INFO}
    assert "78" in next(f.message for f in found(result, "breakdown_mismatch")
                        if f.platform == "instagram")
    assert not found(result, "total_mismatch")
    assert [f.severity for f in found(result, "period_mismatch")] == [WARNING]
    missing = {f.platform: f.severity for f in found(result, "missing_evidence")}
    assert {"x", "facebook", "instagram"} <= set(missing)
    assert set(missing.values()) == {WARNING}  # periodic, and it links no post at all
    assert exit_code([result]) == 1


def test_itagui_strategy_has_neither_claims_nor_links():
    [finding] = found(sample("001"), "no_claims")
    assert "ni enlaza" in finding.message


def test_lotaip_percent_claims_are_kept_and_feed_no_count_check():
    result = sample("002")
    assert not found(result, "no_claims")
    assert not found(result, "count_mismatch") and not found(result, "missing_evidence")
    assert [r.platform for r in result.coverage] == ["web"]
    [cut] = found(result, "reader_warning")
    assert cut.line == 218 and cut.severity == WARNING


def test_iess_memo_lists_one_youtube_link_and_no_claim():
    result = sample("003")
    [(platform, claimed, listed)] = [(r.platform, r.claimed, r.listed) for r in result.coverage]
    assert (platform, claimed, listed) == ("youtube", None, 1)
    [finding] = found(result, "no_claims")
    assert "no declara" in finding.message and "ni enlaza" not in finding.message
