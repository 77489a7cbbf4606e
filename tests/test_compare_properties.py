"""Whatever a report and its evidence hold, the audit keeps its own arithmetic straight."""

from __future__ import annotations

from compare_helpers import audit, claim, link, phase, report, tweet
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.compare import exit_code, verdict_text
from auditor.model import ERROR, READY, RESERVATIONS, REVIEW, WARNING, Standing

URLS = [tweet("2025-06-20T12:00:00", seq=1), tweet("2025-06-20T12:00:00", account="Otra", seq=2),
        tweet("2024-01-01T00:00:00", seq=3), "https://x.com/CNE_StaElena",
        "https://www.facebook.com/share/p/1FFHYCBvYd/", "https://youtu.be/FVxRBZKWRe4",
        "https://www.cne.gob.ec/a", "http://192.168.0.1/a", "https://www.cne.gob.ec/wp- x",
        "ftp://example.org/a", "https://[::1/", "https://www.instagram.com/p/Cabc123/"]
STATUSES = ["alive", "broken", "unverified", "invalid", "refused"]

evidence_for = st.builds(Standing, st.sampled_from(STATUSES), st.sampled_from([None, "deleted"]),
                         st.sampled_from([None, "CNE_StaElena", "otra"]),
                         st.sampled_from([None, "2025-08-30T00:00:00Z", "no es fecha"]),
                         st.sampled_from([None, "2025-07-01T00:00:00Z"]), st.booleans())
claims = st.builds(claim, st.sampled_from(["x", "facebook", "youtube", "all"]),
                   st.integers(0, 5), st.integers(1, 50), st.sampled_from(["posts", "percent"]),
                   st.lists(st.integers(0, 3), max_size=3).map(tuple))
links = st.builds(link, st.sampled_from(URLS), st.integers(1, 50),
                  st.sampled_from([None, "x", "facebook", "web"]))
phases = st.builds(lambda key, items: phase(key, *items), st.sampled_from(["A", "B", ""]),
                   st.lists(st.one_of(claims, links), max_size=8))


@settings(max_examples=150, deadline=None)
@given(st.lists(phases, max_size=4), st.dictionaries(st.sampled_from(URLS), evidence_for),
       st.sampled_from([None, "2025-07-03"]), st.sampled_from([None, "2025-07-23", "mal"]))
def test_audit_of_any_report_is_consistent(phases_, evidence, event, signed):
    result = audit(report(*phases_, event_date=event, report_date=signed), evidence)
    for row in result.coverage:
        assert row.alive + row.broken + row.unverified <= row.listed
    unverified = sum(row.unverified for row in result.coverage)
    assert unverified == sum(f.code == "unverified_link" for f in result.findings)
    errors = any(f.severity == ERROR for f in result.findings)
    reserved = unverified or any(f.code == "no_claims" or f.severity == WARNING
                                 for f in result.findings)
    assert result.verdict == (REVIEW if errors else RESERVATIONS if reserved else READY)
    assert exit_code([result]) == int(errors)
    assert verdict_text(result)
