"""The report corpus (tests/report_corpus/): each report read and audited as its answer key says.

Every `<name>.esperado.json` beside a report gives the phases in order (kind, key, claims as
(platform, count, approximate, covers), links per platform) and the EXACT multiset of count
findings, so a false finding on a consistent report fails as surely as a missed one. Phases
with neither claims nor links are not compared: the reader has never listed those.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from auditor.compare import audit_report
from auditor.model import Standing
from cosecha.reader import read_report
from cosecha.reader.extract import extract_bytes, extract_path

CORPUS = Path(__file__).resolve().parent / "report_corpus"
SAMPLES = Path(__file__).resolve().parents[1] / "ejemplos"
KEYS = sorted(CORPUS.glob("*.esperado.json"))
COUNT_CODES = {"count_mismatch", "missing_evidence", "total_mismatch", "breakdown_mismatch",
               "no_claims"}
SIGNABLE = {"ready_to_sign", "sign_with_reservations"}


def report_of(key_path: Path) -> Path:
    stem = key_path.name.removesuffix(".esperado.json")
    (path,) = [p for p in CORPUS.glob(stem + ".*") if p != key_path]
    return path


def load_key(key_path: Path) -> dict:
    return json.loads(key_path.read_text(encoding="utf-8"))


def audit(report, evidence=None):
    return audit_report(report, evidence or {}, sha256="0", audited_at="2026-01-01T00:00:00+00:00")


def all_alive(report) -> dict[str, Standing]:
    """Every link verified alive, so that only the report's numbers decide its verdict."""
    return {link.canonical_url or link.url: Standing("alive", checked_at="2026-01-01T00:00:00Z")
            for link in report.links()}


def claim_set(claims) -> Counter:
    return Counter((c["platform"], c["count"], c["approximate"], tuple(c["covers"]))
                   if isinstance(c, dict) else
                   (c.platform, c.count, c.approximate, tuple(c.covers)) for c in claims)


def read_phases(report) -> list[dict]:
    return [{"key": p.key, "kind": p.kind, "claims": claim_set(p.claims),
             "links": Counter(link.platform for link in p.links)}
            for p in report.phases if p.claims or p.links]


def expected_phases(key: dict) -> list[dict]:
    return [{"key": p.get("key"), "kind": p["kind"], "claims": claim_set(p["claims"]),
             "links": Counter(p["links"])} for p in key["phases"]]


def unmatched(expected: list[dict], found: list[tuple]) -> tuple[list, list]:
    """Expected findings with no found one to match, and found ones left over.

    An expected finding matches on code and platform, and on phase when it names one.
    """
    left = list(found)
    missing = []
    for want in sorted(expected, key=lambda f: "phase" not in f):
        match = next((f for f in left if f[:2] == (want["code"], want["platform"])
                      and ("phase" not in want or f[2] == want["phase"])), None)
        if match is None:
            missing.append(want)
        else:
            left.remove(match)
    return missing, left


@pytest.fixture(scope="module", params=KEYS, ids=lambda p: p.name.removesuffix(".esperado.json"))
def case(request):
    return load_key(request.param), read_report(report_of(request.param))


def test_phases_claims_and_links_as_the_key_says(case):
    key, report = case
    found, expected = read_phases(report), expected_phases(key)
    assert [p["kind"] for p in found] == [p["kind"] for p in expected]
    for got, want in zip(found, expected):
        if want["key"] is not None:
            assert got["key"] == want["key"]
        assert (got["claims"], got["links"]) == (want["claims"], want["links"]), want["key"]


def test_count_findings_are_exactly_the_key(case):
    key, report = case
    found = [(f.code, f.platform, f.phase) for f in audit(report).findings
             if f.code in COUNT_CODES]
    missing, extra = unmatched(key["findings"], found)
    assert (missing, extra) == ([], [])


def test_a_report_that_does_not_add_up_is_never_signable(case):
    key, report = case
    errors = [f for f in key["findings"]
              if f["code"] == "total_mismatch" or f.get("severity") == "error"]
    verdict = audit(report, all_alive(report)).verdict
    if errors:
        assert verdict not in SIGNABLE
    else:
        assert verdict in SIGNABLE
    claims = any(phase.claims for phase in report.phases)
    assert audit(report).verdict not in SIGNABLE or not claims  # offline: nothing verified


def test_the_corpus_covers_every_format_and_both_outcomes():
    keys = {path: load_key(path) for path in KEYS}
    kinds = Counter(report_of(path).suffix for path in keys)
    planted = [p for p, k in keys.items()
               if any(f["code"] != "no_claims" for f in k["findings"])]
    consistent = [p for p, k in keys.items() if not k["findings"]]
    assert len(keys) >= 24
    assert kinds[".txt"] >= 8 and kinds[".md"] >= 5
    assert kinds[".docx"] >= 7 and kinds[".pdf"] >= 5
    assert len(planted) >= 10 and len(consistent) >= 10
    assert all(k["descripcion"].strip() for k in keys.values())


def _build_module():
    spec = importlib.util.spec_from_file_location("build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_built_documents_are_what_the_corpus_script_builds():
    build = _build_module()
    names = [*build.DOCX, *build.PDF, *build.ODT]
    assert sorted(names) == sorted(p.name for p in CORPUS.glob("*")
                                   if p.suffix in (".docx", ".pdf", ".odt"))
    for name in names:
        rebuilt = extract_bytes(build.build(name), Path(name).suffix[1:])
        committed = extract_path(CORPUS / name)
        assert ((rebuilt.lines, rebuilt.link_targets)
                == (committed.lines, committed.link_targets)), name


# --- the five real sample reports, with the new fields --------------------------------------


def sample(prefix: str):
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return read_report(path)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sample_phases_are_phases_and_claims_cover_their_own(prefix):
    report = sample(prefix)
    assert all(p.kind == "phase" for p in report.phases)
    for phase in report.phases:
        for claim in phase.claims:
            assert (claim.covers, claim.approximate) == ([phase.key], None)


def test_sample_000_claims_unchanged():
    claims = {p.key: sorted((c.platform, c.count) for c in p.claims) for p in sample("000").phases}
    assert claims == {"A": [("facebook", 5), ("x", 5)], "B": [("facebook", 2), ("x", 2)],
                      "C": [], "D": [], "E": [("facebook", 8), ("x", 10)], "F": [], "G": []}


def test_sample_004_total_covers_its_phase_and_adds_up():
    report = sample("004")
    (phase,) = report.phases
    counts = {c.platform: (c.count, c.covers) for c in phase.claims}
    assert counts == {"x": (2345, [""]), "facebook": (805, [""]), "instagram": (71, [""]),
                      "all": (3221, [""])}
    assert not [f for f in audit(report).findings if f.code == "total_mismatch"]
