"""Findings about dates: posts outside the report's window, activity outside its period."""

from __future__ import annotations

from compare_helpers import audit, found, link, phase, report, tweet

from auditor.model import ERROR, WARNING, Standing
from cosecha.model import Period

EVENT, SIGNED = "2025-07-03", "2025-07-23"
Q3 = Period("tercer trimestre 2022", "2022-07-01", "2022-09-30")


def dated(*tweets: str, **dates):
    return report(phase("A", *(link(t, 10 + i) for i, t in enumerate(tweets))), **dates)


def test_post_dated_by_its_id_after_the_report_date_is_an_error_offline():
    late = tweet("2025-07-30T15:00:00")
    [finding] = found(audit(dated(late, event_date=EVENT, report_date=SIGNED)), "out_of_window")
    assert (finding.severity, finding.url) == (ERROR, late)
    assert "30 de julio de 2025" in finding.message and "deducida del enlace" in finding.message


def test_post_late_on_the_report_date_somewhere_west_is_not_after_it():
    evening_in_ecuador = tweet("2025-07-24T03:00:00")  # 23 July, 22:00 at UTC-5
    assert not found(audit(dated(evening_in_ecuador, report_date=SIGNED)), "out_of_window")


def test_date_from_the_platform_wins_over_the_id():
    post = tweet("2025-06-20T12:00:00")
    evidence = {post: Standing("alive", published_at="2025-08-01T10:00:00Z")}
    [finding] = found(audit(dated(post, report_date=SIGNED), evidence), "out_of_window")
    assert finding.severity == ERROR and "deducida" not in finding.message


def test_post_long_before_the_event_is_a_warning():
    old = tweet("2025-03-01T12:00:00")
    [finding] = found(audit(dated(old, event_date=EVENT, report_date=SIGNED)), "out_of_window")
    assert finding.severity == WARNING and "90 días" in finding.message


def test_window_days_sets_how_long_before_the_event_is_too_long():
    recent = tweet("2025-05-01T12:00:00")
    rep = dated(recent, event_date=EVENT, report_date=SIGNED)
    assert not found(audit(rep), "out_of_window")
    assert [f.severity for f in found(audit(rep, window_days=30), "out_of_window")] == [WARNING]


def test_posts_between_window_and_report_date_are_in_window():
    posts = [tweet(f"2025-{day}T12:00:00") for day in ("06-18", "07-03", "07-20")]
    assert not found(audit(dated(*posts, event_date=EVENT, report_date=SIGNED)), "out_of_window")


def test_periodic_report_flags_posts_more_than_a_week_outside_its_period():
    outside, slack = tweet("2022-06-20T12:00:00", seq=1), tweet("2022-06-26T12:00:00", seq=2)
    after = tweet("2022-10-12T12:00:00", seq=3)
    findings = found(audit(dated(outside, slack, after, period=Q3)), "out_of_window")
    assert [(f.url, f.severity) for f in findings] == [(outside, WARNING), (after, WARNING)]
    assert "tercer trimestre 2022" in findings[0].message


def test_undated_posts_and_undated_reports_are_not_out_of_window():
    yt = "https://youtu.be/FVxRBZKWRe4"
    assert not found(audit(report(phase("A", link(yt, 1)), report_date=SIGNED)), "out_of_window")
    assert not found(audit(dated(tweet("2019-01-01T00:00:00"))), "out_of_window")


def test_months_outside_the_period_are_a_period_mismatch():
    rep = report(period=Q3, months=("2022-01", "2022-02", "2022-03", "2022-08"))
    [finding] = found(audit(rep), "period_mismatch")
    assert finding.severity == WARNING
    assert "enero de 2022, febrero de 2022, marzo de 2022" in finding.message
    assert "agosto" not in finding.message


def test_months_inside_the_period_or_no_period_are_fine():
    assert not found(audit(report(period=Q3, months=("2022-07", "2022-09"))), "period_mismatch")
    assert not found(audit(report(months=("2022-01",))), "period_mismatch")


def test_web_page_updated_after_the_report_is_not_a_post_out_of_window():
    page = "https://www.cne.gob.ec/boletin"
    rep = report(phase("F", link(page, 5)), report_date=SIGNED)
    evidence = {page: Standing("alive", published_at="2025-09-01T00:00:00Z")}
    assert not found(audit(rep, evidence), "out_of_window")
