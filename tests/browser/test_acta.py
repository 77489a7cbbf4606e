"""The acta printed to PDF by a real Chromium on A4: its rows are never split across pages, each
table's header is repeated on every page it continues on, nothing leaves the page, and
the fingerprint is at its foot."""

import csv
import json
import subprocess
import sys

import pytest
from pypdf import PdfReader

from .conftest import open_page

pytestmark = pytest.mark.lento

LINKS = 60
WORDS = 30  # a note long enough to wrap over several lines: rows tall enough to straddle pages
LINKS_HEADER, FINDINGS_HEADER = "Evidencia o confirmación", "Gravedad"


def url(number: int) -> str:
    return f"https://x.com/CNE_StaElena/status/19400551129923{number:05d}"


def words(number: int) -> list[str]:
    """Words found only in this row's note."""
    return [f"r{number:02d}w{word:02d}" for word in range(WORDS)]


def auditor(*args, cwd):
    run = subprocess.run([sys.executable, "-m", "auditor.cli", *args, "--db", "cosecha.db"],
                         cwd=cwd, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    return run


@pytest.fixture(scope="module")
def acta(tmp_path_factory):
    """A report of 60 links in three phases, every one confirmed by a person with a long note,
    audited offline, and its acta in HTML and JSON."""
    folder = tmp_path_factory.mktemp("acta")
    lines = ["Informe de difusión", "Institución: CNE Santa Elena", ""]
    for phase in range(3):
        lines += [f"Fase {phase + 1}: Difusión", f"X: {LINKS // 3} publicaciones"]
        lines += [url(n) for n in range(phase * LINKS // 3, (phase + 1) * LINKS // 3)] + [""]
    (folder / "informe.txt").write_text("\n".join(lines), encoding="utf-8")
    with open(folder / "vistos.csv", "w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["url", "estado", "nota"])
        rows.writerows([url(n), "vivo", " ".join(words(n))] for n in range(LINKS))
    auditor("revisar", "informe.txt", "--sin-red", cwd=folder)
    assert auditor("confirmar", "--archivo", "vistos.csv", "--por", "Ana",
                   cwd=folder).returncode == 0
    auditor("revisar", "informe.txt", "--sin-red", cwd=folder)
    for fmt in ("html", "json"):
        run = auditor("acta", "informe.txt", "--formato", fmt, "--salida", f"acta.{fmt}",
                      cwd=folder)
        assert run.returncode == 0, run.stderr
    return folder


def test_printed_on_a4_no_row_is_split_and_the_header_repeats(navegador, acta, artefactos):
    opened = open_page(navegador, (acta / "acta.html").as_uri())
    pdf = artefactos / "acta-impresa.pdf"
    opened.page.pdf(path=str(pdf), format="A4")
    opened.page.context.close()
    assert opened.blocked == []
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
    # each row's note is in both tables, its link's row and its finding's: a row kept whole
    # puts all its words on the same pages
    where = {n: [{index for index, text in enumerate(pages) if word in text} for word in words(n)]
             for n in range(LINKS)}
    split = {n: places for n, places in where.items() if any(p != places[0] for p in places)}
    assert split == {}
    links_pages = {min(places[0]) for places in where.values()}
    findings_pages = {max(places[0]) for places in where.values()}
    assert len(links_pages) >= 3 and len(findings_pages) >= 2  # tables that run over pages
    assert all(LINKS_HEADER in pages[index] for index in links_pages)
    assert all(FINDINGS_HEADER in pages[index] for index in findings_pages)
    fingerprint = json.loads((acta / "acta.json").read_text(encoding="utf-8"))["fingerprint"]
    assert fingerprint in pages[-1].replace(" ", "")
