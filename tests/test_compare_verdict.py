"""The verdict, its Spanish line, the exit code, coverage rows and the span of checks."""

from __future__ import annotations

from auditor.compare import exit_code, verdict_text
from auditor.model import READY, RESERVATIONS, REVIEW, Evidence
from compare_helpers import alive_for, audit, claim, link, phase, report, tweet

FB = "https://www.facebook.com/share/p/1FFHYCBvYd/"
T1, T2 = tweet("2025-06-20T12:00:00", seq=1), tweet("2025-06-21T12:00:00", seq=2)


def simple():
    return report(phase("A", claim("x", 2, 5), link(T1, 10), link(T2, 11)))


def test_everything_alive_and_matching_is_ready_to_sign():
    result = audit(simple(), alive_for(simple()))
    assert result.verdict == READY
    assert verdict_text(result) == "Listo para firmar"
    assert exit_code([result]) == 0


def test_unverified_links_without_errors_sign_with_reservations():
    result = audit(simple())
    assert result.verdict == RESERVATIONS
    assert verdict_text(result) == "Firmable con reservas: 2 enlaces sin verificar"
    assert exit_code([result]) == 0


def test_one_unverified_link_is_said_in_singular():
    evidence = alive_for(simple()) | {T2: Evidence("unverified", "rate_limited")}
    text = verdict_text(audit(simple(), evidence))
    assert text == "Firmable con reservas: 1 enlace sin verificar"


def test_any_error_means_review_and_exit_one():
    evidence = alive_for(simple()) | {T1: Evidence("broken", "deleted")}
    result = audit(simple(), evidence)
    assert result.verdict == REVIEW
    assert verdict_text(result) == "Revisar antes de firmar: 1 error"
    assert exit_code([audit(simple()), result]) == 1


def test_warnings_alone_do_not_stop_signing():
    rep = report(phase("A", claim("x", 1, 5), link(T1, 10), link(T2, 11)))  # more listed: warning
    result = audit(rep, alive_for(rep))
    assert result.verdict == READY and exit_code([result]) == 0


def test_errors_are_counted_in_the_verdict_line():
    rep = report(phase("A", claim("x", 5, 5), link(T1, 10)), phase("B", claim("all", 9, 20),
                                                                  claim("x", 1, 21)))
    result = audit(rep, alive_for(rep))
    assert verdict_text(result) == "Revisar antes de firmar: 2 errores"


def test_coverage_has_a_row_per_phase_and_platform_in_order_of_mention_web_included():
    page = "https://www.cne.gob.ec/boletin"
    rep = report(phase("A", claim("facebook", 1, 5), claim("x", 1, 6), link(T1, 10), link(FB, 12)),
                 phase("F", link(page, 30), link(T2, 31)))
    rows = [(r.phase, r.platform, r.claimed, r.listed) for r in audit(rep).coverage]
    assert rows == [("A", "facebook", 1, 1), ("A", "x", 1, 1), ("F", "web", None, 1),
                    ("F", "x", None, 1)]


def test_coverage_never_counts_more_statuses_than_listed_posts():
    rep = report(phase("A", link(T1, 10), link(T1, 11), link("https://x.com/CNE_StaElena", 12),
                       link("http://10.0.0.1/a", 13), link(FB, 14)))
    evidence = {T1: Evidence("alive"), FB: Evidence("broken", "unavailable", manual=True)}
    for r in audit(rep, evidence).coverage:
        assert r.alive + r.broken + r.unverified <= r.listed


def test_checks_span_is_the_earliest_and_latest_check_used():
    evidence = {T1: Evidence("alive", checked_at="2025-07-20T08:00:00Z"),
                T2: Evidence("alive", checked_at="2025-07-22T09:30:00Z"),
                "https://unused.example/": Evidence("alive", checked_at="2025-07-25T00:00:00Z")}
    result = audit(simple(), evidence)
    assert result.checks_from == "2025-07-20T08:00:00Z"
    assert result.checks_to == "2025-07-22T09:30:00Z"
    assert (audit(simple()).checks_from, audit(simple()).checks_to) == (None, None)


def test_audit_carries_the_report_identity_and_tool_version():
    result = audit(report(event_date="2025-07-03", report_date="2025-07-23"), tool_version="9.9")
    assert (result.source, result.sha256, result.tool_version) == ("informe.txt", "0" * 64, "9.9")
    assert (result.event_date, result.report_date) == ("2025-07-03", "2025-07-23")
    assert result.to_dict()["audited_at"] == "2025-07-24T10:00:00Z"
