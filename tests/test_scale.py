"""The nightly run at national scale (issue 13): reports audited and published one at a time,
a small summary page linking one page per report, findings grouped, the run's JSON written
report by report with its usual shape, and the run's folder of pages pruned with it."""

import gc
import json
import re
import weakref
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor import cli
from auditor.model import INFO, REVIEW, Audit, CoverageRow, Finding
from auditor.nightly import run as nightly
from auditor.render.nightly_html import render_nightly_summary, render_report_page
from bench.escala import generate

MB = 2**20
WALL = "Enlace sin verificar: la plataforma pide iniciar sesión"


REPORTS = 6


def make_place(base: Path, reports: int = REPORTS) -> tuple[Path, Path, Path]:
    folder = base / "informes"
    generate(folder, reports, 10)
    return folder, base / "cosecha.db", base / "publicado"


@pytest.fixture
def place(tmp_path):
    return make_place(tmp_path)


def nocturno(place, *extra) -> int:
    folder, db, out = place
    return cli.main(["nocturno", str(folder), "--db", str(db), "--salida-dir", str(out),
                     "--sin-red", *extra])


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """One run over the folder, its pages read by several tests."""
    place = make_place(tmp_path_factory.mktemp("escala"))
    nocturno(place)
    return place[2]


class Links(HTMLParser):
    """Every href of a page, and whether it loads anything (src, link, iframe)."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if "src" in attributes or tag in ("link", "iframe"):
            self.loads.append(tag)


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def relative(links: Links) -> list[str]:
    return [href for href in links.hrefs if not href.startswith(("http://", "https://"))]


def test_the_summary_links_one_page_per_report_and_each_links_back(published):
    out = published
    [summary] = out.glob("auditoria-*.html")
    assert (out / "ultimo.html").read_bytes() == summary.read_bytes()
    pages = relative(links_of(summary))
    assert len(pages) == REPORTS and all(p.startswith(f"{summary.stem}/") for p in pages)
    assert sorted(pages) == pages  # in the folder's order
    for href in pages:
        page = links_of(out / href)
        assert relative(page) == [f"../{summary.name}"] and page.loads == []
    assert "provincia-00/informe-0003.txt" in (out / pages[3]).read_text(encoding="utf-8")
    assert links_of(summary).loads == []


def test_a_report_with_fifty_links_behind_a_wall_is_one_row_with_fifty_links_beneath():
    findings = [Finding("unverified_link", INFO, "A", "facebook",
                        f"https://www.facebook.com/CNE/posts/{n}", 10 + n, WALL)
                for n in range(50)]
    findings.append(Finding("count_mismatch", "error", "A", "x", None, 4, "No cuadra"))
    audit = Audit("informe.txt", "", "", "", None, None, REVIEW, "", "", None, None,
                  [CoverageRow("A", "facebook", 50, 50, 0, 0, 50)], findings)
    page = render_report_page(audit, title="t", generated_at="g", summary="../a.html",
                              is_new=lambda _, finding: finding.line == 12)
    rows = re.findall(r'<tr class="fila-hallazgo[^"]*".*?</tr>', page)
    assert len(rows) == 2
    walled = next(row for row in rows if WALL in row)
    assert '<td class="num">50</td>' in walled and walled.count("<li") == 50
    assert walled.count('data-nuevo="sí"') == 2  # the row, and the one new link beneath it
    assert "línea 12: " in walled and "Hallazgos (51 hallazgos)" in page


def test_the_runs_json_is_written_report_by_report_with_its_usual_shape(published):
    text = (published / "ultimo.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == {"generated_at", "folder", "news", "changes", "reports"}
    assert [Path(r["source"]).name for r in data["reports"]] == [
        f"informe-{n:04d}.txt" for n in range(REPORTS)]
    assert all(len(r["findings"]) >= 10 for r in data["reports"])
    ordered = {key: data[key] for key in ("generated_at", "folder", "reports", "news",
                                          "changes")}
    assert text == json.dumps(ordered, ensure_ascii=False, indent=2)


def test_no_more_than_one_reports_audit_is_held_at_a_time(place, monkeypatch):
    alive: list[weakref.ref] = []
    most = []
    audit_one = nightly.audit_one

    def audit_and_count(*args, **kwargs):
        gc.collect()
        most.append(sum(ref() is not None for ref in alive))
        audit = audit_one(*args, **kwargs)
        alive.append(weakref.ref(audit))
        return audit

    monkeypatch.setattr(nightly, "audit_one", audit_and_count)
    nocturno(place)
    assert len(most) == REPORTS and max(most) <= 1, most


def test_pages_stay_under_two_megabytes_at_two_thousand_reports_of_fifty_links():
    row = {"source": "provincia-19/informe-1999.txt", "institution": "Delegación Provincial "
           "Electoral 1999", "claimed": 50, "listed": 50, "alive": 0, "broken": 0,
           "unverified": 50, "errors": 1, "warnings": 0, "new": 50, "verdict": REVIEW,
           "title": "INFORME DE DIFUSIÓN DE LA RENDICIÓN DE CUENTAS 2024 N.º 1999",
           "page": "auditoria-2025-07-24-023000/1999-informe-1999.txt.html"}
    news = {"previous_run": None, "baseline": False, "reports": [], "broken": {},
            "errors": [{"source": row["source"], "message": "Nada verificado"}] * 2000,
            "unreadable": []}
    change = {"url": "https://x.com/CNE/status/1", "from": "alive", "to": "broken",
              "seen_at": "2025-07-24T02:00:00Z", "sources": [row["source"]]}
    night = {"note": "", "news": news, "rows": [row] * 2000, "totals": {},
             "changes": [change] * 100_000, "history": []}
    summary = render_nightly_summary(night, title="t", generated_at="g")
    assert len(summary.encode()) < 2 * MB
    assert summary.count("<tr data-report") == 2000 and "1.800 más" in summary


def test_a_folder_left_by_a_killed_run_is_not_reused_and_goes_with_the_rotation(
        tmp_path, monkeypatch):
    place = make_place(tmp_path, reports=1)
    out = place[2]
    left = out / "auditoria-2025-07-24-023000"
    left.mkdir(parents=True)
    (left / "0001-informe-0000.txt.html.parcial").write_text("<html", encoding="utf-8")
    moments = ["2025-07-24T02:30:00Z", "2025-07-25T02:30:00Z"]
    monkeypatch.setattr(nightly, "now_iso", lambda: moments.pop(0))
    nocturno(place, "--conservar", "1")
    assert (out / "auditoria-2025-07-24-023000-2").is_dir() and not left.exists()
    nocturno(place, "--conservar", "1")
    assert sorted(p.name for p in out.iterdir()) == [
        "auditoria-2025-07-25-023000", "auditoria-2025-07-25-023000.html",
        "auditoria-2025-07-25-023000.json", "ultimo.html", "ultimo.json"]
