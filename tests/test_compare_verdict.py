"""The verdict, its Spanish line, the exit code, coverage rows and the span of checks."""

from __future__ import annotations

from compare_helpers import alive_for, audit, claim, link, phase, report, tweet

from auditor.compare import exit_code, verdict_text
from auditor.model import READY, RESERVATIONS, REVIEW, Standing

FB = "https://www.facebook.com/share/p/1FFHYCBvYd/"
T1, T2 = tweet("2025-06-20T12:00:00", seq=1), tweet("2025-06-21T12:00:00", seq=2)


def simple():
    return report(phase("A", claim("x", 2, 5), link(T1, 10), link(T2, 11)))


def test_everything_alive_and_matching_is_ready_to_sign():
    result = audit(simple(), alive_for(simple()))
    assert result.verdict == READY
    assert verdict_text(result) == "Listo para firmar"
    assert exit_code([result]) == 0


def test_nothing_verified_is_an_error_of_the_report():
    result = audit(simple())
    assert result.verdict == REVIEW and exit_code([result]) == 1
    [error] = [f for f in result.findings if f.severity == "error"]
    assert (error.code, error.phase, error.platform) == ("nothing_verified", None, None)


def test_one_post_confirmed_by_a_person_is_something_verified():
    evidence = {T1: Standing("alive", "manual", manual=True)}
    assert not [f for f in audit(simple(), evidence).findings if f.code == "nothing_verified"]


def test_an_unverified_link_signs_with_reservations_naming_it_and_the_share_verified():
    evidence = alive_for(simple()) | {T2: Standing("unverified", "rate_limited")}
    result = audit(simple(), evidence)
    assert result.verdict == RESERVATIONS and exit_code([result]) == 0
    assert verdict_text(result) == ("Firmable con reservas: 1 enlace sin verificar · "
                                    "1 de 2 publicaciones verificadas (50 %)")


def test_any_error_means_review_and_exit_one():
    evidence = alive_for(simple()) | {T1: Standing("broken", "deleted")}
    result = audit(simple(), evidence)
    assert result.verdict == REVIEW
    assert verdict_text(result) == "Revisar antes de firmar: 1 error"
    assert exit_code([audit(simple()), result]) == 1


def test_warnings_sign_with_reservations_each_named_with_its_count():
    rep = report(phase("A", claim("x", 1, 5), link(T1, 10), link(T2, 11)))  # more listed: warning
    result = audit(rep, alive_for(rep))
    assert result.verdict == RESERVATIONS and exit_code([result]) == 0
    assert verdict_text(result) == ("Firmable con reservas: 1 advertencia: conteo que no cuadra · "
                                    "2 de 2 publicaciones verificadas (100 %)")


def test_posts_of_a_foreign_account_only_are_not_ready_to_sign():
    other = [tweet("2025-06-20T12:00:00", account="Otra", seq=i) for i in (1, 2)]
    rep = report(phase("A", claim("x", 2, 5), link(other[0], 10), link(other[1], 11)))
    result = audit(rep, alive_for(rep), accounts={"x": "CNE_StaElena"})
    assert result.verdict == RESERVATIONS
    assert "2 advertencias: cuenta ajena" in verdict_text(result)


def test_a_report_without_claims_is_never_ready_to_sign():
    rep = report(phase("A", link(T1, 10)))
    result = audit(rep, alive_for(rep))
    assert result.verdict == RESERVATIONS
    assert "no declara cifras que auditar" in verdict_text(result)


def test_claims_with_no_links_are_not_better_than_claims_with_too_few():
    bare = report(phase("A", claim("x", 50, 5), claim("facebook", 40, 6)))
    few = report(phase("A", claim("x", 10, 5), link(T1, 10)))
    assert audit(bare).verdict == audit(few, alive_for(few)).verdict == REVIEW


def test_errors_are_counted_in_the_verdict_line():
    rep = report(phase("A", claim("x", 5, 5), link(T1, 10)), phase("B", claim("all", 9, 20),
                                                                  claim("x", 1, 21)))
    result = audit(rep, alive_for(rep))
    assert verdict_text(result) == "Revisar antes de firmar: 3 errores"  # B's X: no link at all


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
    evidence = {T1: Standing("alive"), FB: Standing("broken", "unavailable", manual=True)}
    for r in audit(rep, evidence).coverage:
        assert r.alive + r.broken + r.unverified <= r.listed


def test_checks_span_is_the_earliest_and_latest_check_used():
    evidence = {T1: Standing("alive", checked_at="2025-07-20T08:00:00Z"),
                T2: Standing("alive", checked_at="2025-07-22T09:30:00Z"),
                "https://unused.example/": Standing("alive", checked_at="2025-07-25T00:00:00Z")}
    result = audit(simple(), evidence)
    assert result.checks_from == "2025-07-20T08:00:00Z"
    assert result.checks_to == "2025-07-22T09:30:00Z"
    assert (audit(simple()).checks_from, audit(simple()).checks_to) == (None, None)


def test_audit_carries_the_report_identity_and_tool_version():
    result = audit(report(event_date="2025-07-03", report_date="2025-07-23"), tool_version="9.9")
    assert (result.source, result.sha256, result.tool_version) == ("informe.txt", "0" * 64, "9.9")
    assert (result.event_date, result.report_date) == ("2025-07-03", "2025-07-23")
    assert result.to_dict()["audited_at"] == "2025-07-24T10:00:00Z"
