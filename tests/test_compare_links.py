"""Findings about single links: status, repeats, non-posts, bad addresses, labels, accounts."""

from __future__ import annotations

import time

from compare_helpers import alive_for, audit, claim, found, link, phase, report, row, tweet

from auditor.model import ERROR, INFO, WARNING, Standing
from cosecha.model import ReportWarning

FB_SHARE = "https://www.facebook.com/share/p/1FFHYCBvYd/"
YT = "https://youtu.be/FVxRBZKWRe4"
T1, T2 = tweet("2025-06-20T12:00:00", seq=1), tweet("2025-06-21T12:00:00", seq=2)


def test_broken_link_is_an_error_with_its_reason():
    rep = report(phase("A", link(T1, 10), link(T2, 11)))
    evidence = alive_for(rep) | {T2: Standing("broken", "deleted")}
    [finding] = found(audit(rep, evidence), "broken_link")
    assert (finding.severity, finding.url, finding.line, finding.phase) == (ERROR, T2, 11, "A")
    assert "eliminado por su autor" in finding.message
    assert "manual" not in finding.message


def test_manually_confirmed_broken_link_says_it_was_manual():
    rep = report(phase("A", link(FB_SHARE, 10)))
    result = audit(rep, {FB_SHARE: Standing("broken", "la publicación ya no está", manual=True)})
    [finding] = found(result, "broken_link")
    assert finding.message == "Enlace roto (confirmación manual: «la publicación ya no está»)"
    assert row(result, "A", "facebook").broken == 1
    silent = audit(rep, {FB_SHARE: Standing("broken", "manual", manual=True)})
    assert found(silent, "broken_link")[0].message == "Enlace roto (confirmación manual)"


def test_a_confirmation_says_who_when_and_their_note(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    rep = report(phase("A", link(FB_SHARE, 10)))
    evidence = Standing("alive", "manual", checked_at="2026-11-29T02:31:00Z", manual=True,
                        checked_by="Ana Analista", note="la vi en el navegador")
    try:
        [finding] = found(audit(rep, {FB_SHARE: evidence}), "manual_confirmation")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert finding.message == ("Enlace vivo (confirmación manual de Ana Analista, "
                               "29/11/2026 02:31: «la vi en el navegador»)")


def test_alive_links_give_no_status_finding():
    rep = report(phase("A", link(T1, 10), link(FB_SHARE, 11)))
    result = audit(rep, alive_for(rep))
    assert not found(result, "broken_link") and not found(result, "unverified_link")
    assert not found(result, "manual_confirmation")


def test_manually_confirmed_alive_link_counts_alive_and_is_shown_as_manual():
    rep = report(phase("A", link(FB_SHARE, 10)))
    result = audit(rep, {FB_SHARE: Standing("alive", manual=True)})
    assert row(result, "A", "facebook").alive == 1
    [finding] = found(result, "manual_confirmation")
    assert finding.severity == INFO and "manual" in finding.message


def test_link_without_evidence_is_unverified_offline_never_alive():
    rep = report(phase("A", link(T1, 10)))
    result = audit(rep)
    [finding] = found(result, "unverified_link")
    assert finding.severity == INFO and "sin conexión con la plataforma" in finding.message
    coverage = row(result, "A", "x")
    assert (coverage.listed, coverage.alive, coverage.unverified) == (1, 0, 1)


def test_login_wall_is_unverified_with_its_reason():
    rep = report(phase("A", link(FB_SHARE, 10)))
    [finding] = found(audit(rep, {FB_SHARE: Standing("unverified", "login_wall")}),
                      "unverified_link")
    assert "iniciar sesión" in finding.message


def test_evidence_is_found_by_canonical_url_when_the_listed_url_differs():
    listed = YT + "?si=abc"
    rep = report(phase("D", link(listed, 5)))
    result = audit(rep, {"https://www.youtube.com/watch?v=FVxRBZKWRe4": Standing("alive")})
    assert row(result, "D", "youtube").alive == 1
    assert not found(result, "unverified_link")


def test_same_post_listed_in_two_phases_counts_once_where_it_first_appears():
    same = T1.replace("https://x.com/", "https://twitter.com/")
    rep = report(phase("A", claim("x", 1, 5), link(T1, 10)),
                 phase("B", claim("x", 1, 20), link(same, 21)))
    result = audit(rep, alive_for(rep))
    [finding] = found(result, "duplicate_link")
    assert (finding.severity, finding.line, finding.phase) == (WARNING, 21, "B")
    assert "línea 10" in finding.message
    assert row(result, "A", "x").listed == 1
    assert row(result, "B", "x").listed == 0


def test_same_post_id_under_another_url_form_is_a_duplicate():
    post_id = T1.rsplit("/", 1)[1]
    rep = report(phase("A", link(T1, 10), link(f"https://x.com/i/web/status/{post_id}", 11)))
    assert [f.line for f in found(audit(rep), "duplicate_link")] == [11]
    assert row(audit(rep), "A", "x").listed == 1


def test_distinct_posts_are_not_duplicates():
    rep = report(phase("A", link(T1, 10), link(T2, 11), link(FB_SHARE, 12)))
    assert not found(audit(rep), "duplicate_link")


def test_profile_link_is_not_a_post_and_not_listed():
    rep = report(phase("A", claim("x", 1, 5), link("https://x.com/CNE_StaElena", 10)))
    result = audit(rep)
    [finding] = found(result, "not_a_post")
    assert (finding.severity, finding.platform) == (WARNING, "x")
    assert row(result, "A", "x").listed == 0
    assert not found(result, "unverified_link")


def test_web_page_is_evidence_in_itself_not_a_missing_post():
    page = "https://delegaciones.cne.gob.ec/download/informe-2024/"
    result = audit(report(phase("C", link(page, 90))))
    assert not found(result, "not_a_post")
    assert row(result, "C", "web").listed == 1


def test_link_cut_by_export_spaces_is_invalid_and_not_listed():
    cut = "https://www.cne.gob.ec/wp- content/uploads/2023/12/Plan Anual.pdf"
    result = audit(report(phase("", link(cut, 218))))
    [finding] = found(result, "invalid_link")
    assert finding.severity == WARNING and finding.line == 218
    assert row(result, "", "web").listed == 0


def test_post_the_harvester_could_not_check_is_invalid():
    rep = report(phase("A", link(YT, 10)))
    evidence = {"https://www.youtube.com/watch?v=FVxRBZKWRe4": Standing("invalid", "malformed")}
    result = audit(rep, evidence)
    assert len(found(result, "invalid_link")) == 1
    assert row(result, "A", "youtube").listed == 0


def test_well_formed_links_are_not_invalid_or_refused():
    rep = report(phase("A", link(T1, 10), link("https://www.cne.gob.ec/noticia", 11)))
    result = audit(rep)
    assert not found(result, "invalid_link") and not found(result, "refused_link")


def test_link_to_private_address_is_refused_even_offline():
    for url in ("http://192.168.1.10/informe.pdf", "http://localhost:8080/a", "http://[::1]/a",
                "http://169.254.169.254/latest"):
        result = audit(report(phase("A", link(url, 10))))
        [finding] = found(result, "refused_link")
        assert finding.severity == WARNING and finding.url == url
        assert row(result, "A", "web").listed == 0


def test_harvester_refusal_is_a_refused_link():
    page = "https://intranet.example.org/a"
    evidence = {page: Standing("refused", "private_address")}
    result = audit(report(phase("A", link(page, 10))), evidence)
    assert len(found(result, "refused_link")) == 1


def test_link_under_another_platforms_label_counts_for_its_own_platform():
    rep = report(phase("D", claim("facebook", 1, 5), link(YT, 10, listed_as="facebook")))
    result = audit(rep)
    [finding] = found(result, "platform_mismatch")
    assert finding.severity == WARNING and finding.platform == "youtube"
    assert row(result, "D", "youtube").listed == 1
    assert row(result, "D", "facebook").listed == 0


def test_link_under_its_own_label_or_none_is_no_platform_mismatch():
    rep = report(phase("D", link(YT, 10, listed_as="youtube"), link(T1, 11)))
    assert not found(audit(rep), "platform_mismatch")


def test_post_from_another_account_than_most_links_is_foreign():
    other = tweet("2025-06-22T12:00:00", account="OtraCuenta")
    rep = report(phase("A", link(T1, 10), link(T2, 11), link(other, 12)))
    [finding] = found(audit(rep), "foreign_account")
    assert (finding.severity, finding.url) == (WARNING, other)
    assert "OtraCuenta" in finding.message and "CNE_StaElena" in finding.message


def test_given_account_decides_case_and_at_sign_aside():
    rep = report(phase("A", link(T1, 10), link(T2, 11)))
    assert not found(audit(rep, accounts={"x": "@cne_staelena"}), "foreign_account")
    assert len(found(audit(rep, accounts={"x": "@OtraCuenta"}), "foreign_account")) == 2


def test_author_from_the_platform_overrides_the_url_account():
    third = tweet("2025-06-23T12:00:00", seq=3)
    rep = report(phase("A", link(T1, 10), link(T2, 11), link(third, 12), link(FB_SHARE, 13)))
    evidence = alive_for(rep) | {T2: Standing("alive", author="Impostor")}
    [finding] = found(audit(rep, evidence), "foreign_account")
    assert finding.url == T2 and "según la plataforma" in finding.message


def test_tied_accounts_name_no_foreign_one():
    other = tweet("2025-06-22T12:00:00", account="OtraCuenta")
    assert not found(audit(report(phase("A", link(T1, 10), link(other, 11)))), "foreign_account")


def test_reader_warning_reaches_the_audit_with_its_link():
    cut = "https://www.cne.gob.ec/wp-"
    rep = report(phase("", link(cut, 218)))
    rep.warnings = [ReportWarning(218, "enlace posiblemente cortado"), ReportWarning(3, "otra")]
    findings = found(audit(rep), "reader_warning")
    assert [(f.line, f.url) for f in findings] == [(3, None), (218, cut)]
    assert {f.severity for f in findings} == {WARNING}
    assert findings[1].message == "enlace posiblemente cortado"


def test_report_without_reader_warnings_has_no_reader_warning():
    assert not found(audit(report(phase("", link(T1, 2)))), "reader_warning")


def test_web_pages_are_not_checked_for_the_account():
    pages = ["https://a.example.org/1", "https://a.example.org/2", "https://b.example.org/3"]
    rep = report(phase("F", *(link(p, i) for i, p in enumerate(pages))))
    evidence = {p: Standing("alive", author=p[8]) for p in pages}
    assert not found(audit(rep, evidence), "foreign_account")


def test_reasons_with_detail_keep_the_detail_in_spanish():
    rep = report(phase("A", link(T1, 10)))
    evidence = {T1: Standing("unverified", "unexpected: text/html '<html>'")}
    [finding] = found(audit(rep, evidence), "unverified_link")
    assert finding.message == "Enlace sin verificar: respuesta inesperada (text/html '<html>')"
