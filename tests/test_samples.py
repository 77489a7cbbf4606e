"""The five sample reports read as docs/ejemplos.md says a reader must find them."""

from collections import Counter
from pathlib import Path

import pytest

from cosecha.reader import read_report

SAMPLES = Path(__file__).resolve().parent.parent / "ejemplos"


def sample(prefix: str):
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return read_report(path)


def claims_by_phase(report):
    return {p.key: sorted((c.platform, c.count) for c in p.claims) for p in report.phases}


def link_counts(report):
    return {p.key: dict(Counter(link.platform for link in p.links)) for p in report.phases}


@pytest.fixture(scope="module")
def santa_elena():
    return sample("000")


def test_000_phases_with_content_are_exactly_a_to_g(santa_elena):
    assert [p.key for p in santa_elena.phases] == list("ABCDEFG")
    assert santa_elena.phases[0].title == "Difusión de aportes y sugerencias ciudadanas"
    assert santa_elena.phases[0].line == 30


def test_000_claims(santa_elena):
    claims = claims_by_phase(santa_elena)
    assert claims["A"] == [("facebook", 5), ("x", 5)]
    assert claims["B"] == [("facebook", 2), ("x", 2)]
    assert claims["E"] == [("facebook", 8), ("x", 10)]
    assert claims["C"] == claims["D"] == claims["F"] == claims["G"] == []


def test_000_links(santa_elena):
    assert link_counts(santa_elena) == {
        "A": {"x": 5, "facebook": 5}, "B": {"x": 2, "facebook": 2}, "C": {"web": 1},
        "D": {"youtube": 1, "facebook": 1}, "E": {"x": 10, "facebook": 8},
        "F": {"x": 1, "facebook": 1, "web": 1}, "G": {"x": 1, "facebook": 1},
    }


def test_000_listed_as(santa_elena):
    links = santa_elena.links()
    assert {link.listed_as for link in links if link.platform == "x"} == {"x"}
    assert all(link.account == "CNE_StaElena" for link in links if link.platform == "x")
    phase_d = {link.platform: link.listed_as for link in santa_elena.phases[3].links}
    assert phase_d == {"youtube": "youtube", "facebook": "facebook"}
    assert santa_elena.phases[2].links[0].listed_as is None  # "Enlace:" names no platform
    assert [link.listed_as for link in santa_elena.phases[5].links] == ["x", "facebook", "web"]


def test_000_dates(santa_elena):
    assert (santa_elena.event_date, santa_elena.report_date) == ("2025-07-03", "2025-07-23")
    assert santa_elena.months_mentioned == []
    assert santa_elena.period.start == "2024-01-01"
    assert santa_elena.institution == "Delegación Provincial Electoral de Santa Elena"
    assert santa_elena.title.startswith("INFORME DE GESTIÓN DE DIFUSIÓN")


def test_000_bare_domain_is_not_a_link(santa_elena):
    assert not any("www.cne.gob.ec" == link.url.split("//")[-1].rstrip("/")
                   for link in santa_elena.links())


def test_001_has_neither_claims_nor_links():
    report = sample("001")
    assert report.phases == []
    assert report.links() == []
    assert report.institution == "Alcaldía de Itagüí"


def test_002_percent_claims_and_the_cut_link():
    report = sample("002")
    claims = [c for p in report.phases for c in p.claims]
    assert {c.platform for c in claims} == {"facebook", "x"}
    assert all((c.count, c.unit, c.breakdown) == (100.0, "percent", []) for c in claims)
    links = report.links()
    assert len(links) == 1 and links[0].line == 218
    assert "@" not in links[0].url
    assert [(w.line, w.message) for w in report.warnings] == [(218, "enlace posiblemente cortado")]
    assert report.report_date == "2023-11-30"


def test_003_one_youtube_link_and_the_126_videos_are_a_plan():
    report = sample("003")
    assert [(link.platform, link.post_id) for link in report.links()] == [
        ("youtube", "FVxRBZKWRe4")]
    assert [c for p in report.phases for c in p.claims] == []
    assert report.report_date == "2020-09-02"


def test_004_claims_breakdowns_period_and_months():
    report = sample("004")
    assert [p.key for p in report.phases] == [""]
    claims = {c.platform: c for c in report.phases[0].claims}
    assert {name: c.count for name, c in claims.items()} == {
        "x": 2345, "facebook": 805, "instagram": 71, "all": 3221}
    sums = {name: sum(item.count for item in c.breakdown) for name, c in claims.items()}
    assert sums == {"x": 973, "facebook": 475, "instagram": 78, "all": 0}
    assert claims["x"].breakdown[0].label == "#SummitDemocraciaElectoral"
    assert (report.period.label, report.period.start, report.period.end) == (
        "Tercer Informe Trimestral 2022", "2022-07-01", "2022-09-30")
    assert {"2022-01", "2022-02", "2022-03"} <= set(report.months_mentioned)
    assert report.links() == []


def test_json_shape_of_a_sample():
    data = sample("000").to_dict()
    assert set(data) == {"source", "title", "institution", "event_date", "report_date", "period",
                         "months_mentioned", "phases", "warnings"}
    phase = data["phases"][0]
    assert set(phase) == {"key", "title", "line", "kind", "claims", "links"}
    assert phase["kind"] == "phase"
    assert set(phase["claims"][0]) == {"platform", "count", "unit", "line", "breakdown", "covers",
                                       "approximate"}
    assert phase["claims"][0]["covers"] == [phase["key"]]
    assert phase["claims"][0]["approximate"] is None
    assert set(phase["links"][0]) == {"url", "platform", "listed_as", "post_id", "account",
                                      "canonical_url", "line"}
