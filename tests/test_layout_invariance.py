"""The same facts read the same in every layout (issue 9).

Phases, claims per platform, links and a closing total written as list lines, as prose, as a
Markdown table, as a .docx table, as Word's PDF export and with the links in an annex give the
same claims, the same links per phase and the same findings; a mismatch planted in the facts
gives the same finding in every layout.
"""

from __future__ import annotations

import io
import string
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from layouts import LAYOUTS, ClaimFacts, Facts, PhaseFacts

from auditor.compare import audit_report
from cosecha.model import PHASE
from cosecha.platforms import identify
from cosecha.reader import read_report

REFERENCE = "lineas"
CODES = {"count_mismatch", "missing_evidence", "total_mismatch", "breakdown_mismatch",
         "no_claims"}
TITLES = ["Convocatoria e inscripción de candidaturas", "Socialización del calendario electoral",
          "Capacitación a miembros de las juntas receptoras del voto",
          "Simulacro de transmisión de resultados", "Jornada electoral",
          "Difusión de resultados oficiales"]
HEADINGS = {  # numbering style -> (heading, key) of the n-th phase, n from 0
    "fase": lambda n, title: (f"Fase {n + 1}: {title}", str(n + 1)),
    "letra": lambda n, title: (f"{'ABCD'[n]}. {title}", "ABCD"[n]),
    "etapa": lambda n, title: (f"Etapa {n + 1}. {title}", str(n + 1)),
    "guion": lambda n, title: (f"Fase {'ABCD'[n]} – {title}", "ABCD"[n]),
}
X_ACCOUNTS = ["CNE_StaElena", "cnegobec", "CNEGuayas"]
FB_PAGES = ["CNEEcuador", "cne.santaelena", "DelegacionCNEGuayas"]
TOKEN = string.ascii_letters + string.digits


def post_url(platform: str, rng) -> str:
    def pick(alphabet: str, size: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(size))

    if platform == "x":
        return f"https://x.com/{rng.choice(X_ACCOUNTS)}/status/1{pick('0123456789', 18)}"
    if platform == "youtube":
        return f"https://www.youtube.com/watch?v={pick(TOKEN + '-_', 11)}"
    if rng.random() < 0.5:
        return f"https://www.facebook.com/share/p/{pick(TOKEN, 10)}/"
    return f"https://www.facebook.com/{rng.choice(FB_PAGES)}/posts/{pick('123456789', 16)}"


@st.composite
def facts(draw) -> Facts:
    rng = draw(st.randoms(use_true_random=False))
    style = HEADINGS[draw(st.sampled_from(sorted(HEADINGS)))]
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=2, max_size=4, unique=True))
    seen: set[str] = set()
    phases = []
    for n, title in enumerate(titles):
        platforms = draw(st.lists(st.sampled_from(["x", "facebook", "youtube"]), min_size=1,
                                  max_size=3, unique=True))
        claims = []
        for platform in sorted(platforms, key=["x", "facebook", "youtube"].index):
            count, links = draw(st.integers(0, 12)), []
            while len(links) < count:
                url = post_url(platform, rng)
                post = url.rstrip("/").rsplit("/", 1)[-1].rsplit("=", 1)[-1]  # one id, one post
                if post not in seen:
                    seen.add(post)
                    links.append(url)
            claims.append(ClaimFacts(platform, count, tuple(links)))
        heading, key = style(n, title)
        phases.append(PhaseFacts(key, heading, title, tuple(claims)))
    return _planted(draw, phases)


def _planted(draw, phases: list[PhaseFacts]) -> Facts:
    """No mismatch, a claim that differs from its links, or a total that differs from the sum."""
    plant = draw(st.sampled_from(["none", "claim", "total"]))
    delta = draw(st.sampled_from([-3, -2, -1, 1, 2, 3]))
    if plant == "claim":
        n = draw(st.integers(0, len(phases) - 1))
        m = draw(st.integers(0, len(phases[n].claims) - 1))
        claims = list(phases[n].claims)
        claims[m] = ClaimFacts(claims[m].platform, _off(claims[m].claimed, delta),
                               claims[m].links)
        phases[n] = PhaseFacts(phases[n].key, phases[n].heading, phases[n].title, tuple(claims))
    summed = sum(c.claimed for p in phases for c in p.claims)
    stated = plant == "total" or draw(st.booleans())
    total = _off(summed, delta) if plant == "total" else summed
    return Facts(tuple(phases), total if stated else None,
                 draw(st.sampled_from(["heading", "key", "title"])))


def _off(count: int, delta: int) -> int:
    """A count that differs from `count` by `delta`, never below zero."""
    return count + delta if count + delta >= 0 else count - delta


# --- what a reading shows -----------------------------------------------------------------


def read(path: Path) -> dict[str, Counter]:
    report = read_report(path)
    phases = [p for p in report.phases if p.kind == PHASE]
    audit = audit_report(report, {}, sha256="0", audited_at="2026-01-01T00:00:00+00:00")
    return {
        "claims": Counter((p.key, c.platform, c.count, c.unit, c.approximate, tuple(c.covers))
                          for p in phases for c in p.claims if c.platform != "all"),
        "totals": Counter((p.kind, p.key, c.count, c.unit, c.approximate, tuple(c.covers))
                          for p in report.phases for c in p.claims if c.platform == "all"),
        "links": Counter((p.key, link.platform, link.canonical_url)
                         for p in phases for link in p.links),
        "findings": Counter((f.code, f.phase, f.platform)
                            for f in audit.findings if f.code in CODES),
    }


def readings(layout: str, facts: Facts) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """The facts read in this layout, and read as list lines."""
    with tempfile.TemporaryDirectory() as folder:
        seen = read(LAYOUTS[layout](facts, Path(folder)))
        if layout == REFERENCE:
            return seen, seen
        return seen, read(LAYOUTS[REFERENCE](facts, Path(folder)))


def expected(facts: Facts) -> dict[str, Counter]:
    """What the facts call for. Where a closing total sits (and so the phase of its finding)
    is the reader's choice: that part is only compared between layouts."""
    keys = tuple(p.key for p in facts.phases)
    findings = Counter()
    for phase in facts.phases:
        for claim in phase.claims:
            listed = len(claim.links)
            if claim.claimed and not listed:
                findings["missing_evidence", phase.key, claim.platform] += 1
            elif listed and listed != claim.claimed:
                findings["count_mismatch", phase.key, claim.platform] += 1
    summed = sum(c.claimed for p in facts.phases for c in p.claims)
    if facts.total is not None and facts.total != summed:
        findings["total_mismatch", None, "all"] += 1
    return {
        "claims": Counter((p.key, c.platform, c.claimed, "posts", None, (p.key,))
                          for p in facts.phases for c in p.claims),
        "totals": Counter() if facts.total is None else Counter(
            [(facts.total, "posts", None, keys)]),
        "links": Counter((p.key, c.platform, identify(link).canonical_url)
                         for p in facts.phases for c in p.claims for link in c.links),
        "findings": findings,
    }


def without_sections(seen: dict[str, Counter]) -> dict[str, Counter]:
    """The reading, with totals and total findings taken out of the section that holds them."""
    return {**seen,
            "totals": Counter({total[2:]: n for total, n in seen["totals"].items()}),
            "findings": Counter({(code, None if code == "total_mismatch" else phase, platform): n
                                 for (code, phase, platform), n in seen["findings"].items()})}


# --- the property -------------------------------------------------------------------------


READING = ("claims", "totals", "links")


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@settings(max_examples=25, deadline=None, report_multiple_bugs=False,
          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow])
@given(facts=facts())
def test_the_same_facts_read_the_same_in_every_layout(layout, facts):
    """The reading first (claims, totals, links), then the findings: a planted mismatch gives
    its finding in every layout, consistent facts give none."""
    seen, reference = readings(layout, facts)
    wanted, plain = expected(facts), without_sections(seen)
    assert {part: plain[part] for part in READING} == {part: wanted[part] for part in READING}
    assert {part: seen[part] for part in READING} == {part: reference[part] for part in READING}
    assert plain["findings"] == wanted["findings"]
    assert seen["findings"] == reference["findings"]


def test_the_pdf_layout_is_what_pypdf_reads_of_a_word_export():
    """Cells on one baseline read as one line; a wrapped address has an annotation per piece."""
    from documents import pdf_bytes
    from pypdf import PdfReader

    channel, video = "https://www.youtube.com/@CNEEcuadorOficial", "https://youtu.be/FVxRBZKWRe4"
    page = PdfReader(io.BytesIO(pdf_bytes([[("table", [
        ["Red social", "N.º de publicaciones", "Enlaces"],
        ["YouTube", "1", [(channel, video)]]])]]))).pages[0]
    header, row, rest = page.extract_text().splitlines()
    assert header == "Red social N.º de publicaciones Enlaces"
    assert row.startswith("YouTube 1 https://") and row.split()[-1] + rest == channel
    assert [a.get_object()["/A"]["/URI"] for a in page["/Annots"]] == [video, video]
