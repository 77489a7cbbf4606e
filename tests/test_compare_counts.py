"""Findings about numbers: claimed counts, breakdowns, totals, reports without claims."""

from __future__ import annotations

from compare_helpers import audit, claim, found, link, phase, report, row, tweet

from auditor.model import ERROR, INFO, WARNING
from cosecha.model import Period

FB = [f"https://www.facebook.com/share/p/1Token{i}/" for i in range(4)]
TWEETS = [tweet("2025-06-20T12:00:00", seq=i) for i in range(4)]


def test_fewer_posts_listed_than_claimed_is_an_error():
    rep = report(phase("A", claim("x", 3, 5), link(TWEETS[0], 10), link(TWEETS[1], 11)))
    [finding] = found(audit(rep), "count_mismatch")
    assert (finding.severity, finding.phase, finding.platform, finding.line) == (ERROR, "A", "x", 5)
    assert "3 publicaciones" in finding.message and "2 distintas" in finding.message


def test_more_posts_listed_than_claimed_is_a_warning():
    rep = report(phase("A", claim("facebook", 1, 5), link(FB[0], 10), link(FB[1], 11)))
    [finding] = found(audit(rep), "count_mismatch")
    assert finding.severity == WARNING


def test_matching_count_gives_no_count_mismatch():
    rep = report(phase("A", claim("facebook", 2, 5), link(FB[0], 10), link(FB[1], 11)))
    assert not found(audit(rep), "count_mismatch")


def test_repeated_link_counts_once_against_the_claim():
    rep = report(phase("A", claim("x", 2, 5), link(TWEETS[0], 10), link(TWEETS[0], 11)))
    result = audit(rep)
    assert [f.severity for f in found(result, "count_mismatch")] == [ERROR]
    assert len(found(result, "duplicate_link")) == 1


def test_claim_with_no_listed_post_is_missing_evidence_an_error_not_a_miscount():
    rep = report(phase("", claim("x", 2345, 57), claim("facebook", 805, 76)))
    result = audit(rep)
    assert not found(result, "count_mismatch")
    findings = found(result, "missing_evidence")
    assert [(f.platform, f.severity, f.line) for f in findings] == [
        ("x", ERROR, 57), ("facebook", ERROR, 76)]
    assert "el informe no enlaza ninguna" in findings[0].message
    assert "2.345 publicaciones" in findings[0].message


def test_a_periodic_report_linking_no_post_misses_evidence_only_as_a_warning():
    quarter = Period("Tercer trimestre 2022", "2022-07-01", "2022-09-30")
    rep = report(phase("", claim("x", 10, 5), claim("facebook", 4, 6)), period=quarter)
    assert {f.severity for f in found(audit(rep), "missing_evidence")} == {WARNING}
    rep = report(phase("", claim("x", 10, 5), claim("facebook", 4, 6),
                       link(TWEETS[0], 7)), period=quarter)
    assert [f.severity for f in found(audit(rep), "missing_evidence")] == [ERROR]
    event = report(phase("", claim("x", 10, 5)), period=quarter, event_date="2022-08-01")
    assert [f.severity for f in found(audit(event), "missing_evidence")] == [ERROR]


def test_percent_claims_never_miss_evidence():
    rep = report(phase("", claim("facebook", 100, 5, unit="percent")))
    assert not found(audit(rep), "missing_evidence") and not found(audit(rep), "nothing_verified")


def test_missing_evidence_says_when_other_phases_do_list_posts():
    rep = report(phase("A", claim("x", 1, 5)), phase("B", link(TWEETS[0], 20)))
    [finding] = found(audit(rep), "missing_evidence")
    assert finding.phase == "A" and "esta fase no enlaza ninguna" in finding.message


def test_claim_of_zero_or_with_posts_is_not_missing_evidence():
    rep = report(phase("A", claim("x", 0, 5), claim("facebook", 1, 6), link(FB[0], 10)))
    assert not found(audit(rep), "missing_evidence")


def test_profile_link_alone_leaves_the_claim_without_evidence():
    rep = report(phase("A", claim("x", 1, 5), link("https://x.com/CNE_StaElena", 10)))
    assert len(found(audit(rep), "missing_evidence")) == 1


def test_breakdown_above_its_total_is_an_error():
    rep = report(phase("", claim("instagram", 71, 92, breakdown=(21, 15, 8, 8, 15, 11))))
    [finding] = found(audit(rep), "breakdown_mismatch")
    assert (finding.severity, finding.platform, finding.line) == (ERROR, "instagram", 92)
    assert "78" in finding.message and "71" in finding.message


def test_breakdown_below_its_total_is_a_partial_breakdown():
    rep = report(phase("", claim("x", 2345, 57, breakdown=(174, 120, 679))))
    [finding] = found(audit(rep), "breakdown_mismatch")
    assert finding.severity == INFO and "parcial" in finding.message.lower()


def test_breakdown_matching_its_total_or_absent_is_fine():
    rep = report(phase("", claim("x", 10, 5, breakdown=(4, 6)), claim("facebook", 3, 9)))
    assert not found(audit(rep), "breakdown_mismatch")


def test_total_differing_from_the_platform_claims_below_it_is_an_error():
    rep = report(phase("", claim("all", 100, 50), claim("x", 40, 55), claim("facebook", 50, 60)))
    [finding] = found(audit(rep), "total_mismatch")
    assert (finding.severity, finding.line) == (ERROR, 50)
    assert "90" in finding.message


def test_total_equal_to_the_platform_claims_below_it_is_fine():
    rep = report(phase("", claim("all", 3221, 53), claim("x", 2345, 57),
                       claim("facebook", 805, 76), claim("instagram", 71, 92)))
    assert not found(audit(rep), "total_mismatch")


def test_total_sums_only_up_to_the_next_heading():
    rep = report(phase("1", claim("all", 5, 10), claim("x", 5, 11)),
                 phase("2", claim("facebook", 7, 20)))
    assert not found(audit(rep), "total_mismatch")


def test_total_is_not_a_coverage_row():
    rep = report(phase("", claim("all", 5, 10)))
    assert audit(rep).coverage == []


def test_a_total_over_phases_that_claim_nothing_is_proved_by_their_links():
    posts = [link(tweet("2025-06-20", seq=i), 11 + i) for i in range(5)]
    assert not found(audit(report(phase("", claim("all", 5, 10), *posts))), "count_mismatch")
    [fewer] = found(audit(report(phase("", claim("all", 5, 10), *posts[:3]))), "count_mismatch")
    assert fewer.severity == ERROR and fewer.platform == "all" and "3 distintas" in fewer.message
    [none] = found(audit(report(phase("", claim("all", 5, 10)))), "missing_evidence")
    assert none.line == 10 and "no enlazan ninguna" in none.message


def test_report_with_links_and_no_claims_says_so():
    rep = report(phase("", link("https://youtu.be/FVxRBZKWRe4", 30)))
    [finding] = found(audit(rep), "no_claims")
    assert finding.severity == INFO
    assert "enlaza" in finding.message and "no declara" in finding.message


def test_report_with_neither_claims_nor_links_says_so():
    [finding] = found(audit(report()), "no_claims")
    assert "ni enlaza" in finding.message


def test_percent_claims_are_claims_but_feed_no_count_check():
    rep = report(phase("", claim("facebook", 100.0, 120, unit="percent"),
                       claim("x", 100.0, 121, unit="percent")))
    result = audit(rep)
    assert not found(result, "no_claims")
    assert not found(result, "count_mismatch") and not found(result, "missing_evidence")
    assert result.coverage == []


def test_report_with_count_claims_has_no_no_claims():
    assert not found(audit(report(phase("A", claim("x", 1, 5), link(TWEETS[0], 6)))), "no_claims")


def test_claims_for_one_platform_in_a_phase_add_up():
    rep = report(phase("A", claim("x", 1, 5), claim("x", 2, 7),
                       *(link(t, 10 + i) for i, t in enumerate(TWEETS[:3]))))
    result = audit(rep)
    assert row(result, "A", "x").claimed == 3
    assert not found(result, "count_mismatch")
