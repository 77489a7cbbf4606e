"""Bad input at scale through the nightly run: a thousand broken reports, huge lines, a hundred
thousand links and deep nesting beside good reports. Each broken one is an `unreadable_report`
finding with a Spanish reason, the good ones are audited as if alone, nothing crashes, nothing
is written to the input."""

from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path

import pytest
from test_formats import PDF_PAGES, make_docx, make_pdf

from cosecha.reader.document import BAD_DOCX, EMPTY, TOO_BIG
from cosecha.reader.docx import NOT_WORD
from cosecha.reader.pdf import BAD_PDF, LOCKED_PDF, NO_PDF_TEXT
from cosecha.reader.text import BINARY

from .nightly_common import FIRST_X_ID, PROSE, latest_page, per_report, run_nightly

pytestmark = pytest.mark.lento

UNREADABLE_PREFIX = "No se pudo leer el informe: "
READ_ERRORS = {EMPTY, BINARY, TOO_BIG, BAD_DOCX, NOT_WORD, BAD_PDF, LOCKED_PDF, NO_PDF_TEXT}


def cut(data: bytes, rng: random.Random, end: int) -> bytes:
    return data[:rng.randrange(1, end)]


def broken_reports(folder: Path, rng: random.Random) -> list[Path]:
    """A thousand reports that cannot be read, plus a few odd ones; returns their paths."""
    docx, pdf = make_docx(), make_pdf(PDF_PAGES * 3)
    made = {}
    for n in range(300):  # truncated anywhere: the zip directory at the end is lost
        made[f"cortado-{n:03d}.docx"] = cut(docx, rng, len(docx))
    for n in range(300):  # truncated before the end-of-file marker
        made[f"cortado-{n:03d}.pdf"] = cut(pdf, rng, pdf.rindex(b"%%EOF"))
    for suffix in (".txt", ".md", ".docx", ".pdf"):
        for n in range(100):
            made[f"azar-{n:03d}{suffix}"] = rng.randbytes(rng.randrange(512, 20000))
    made.update({
        "vacio.txt": b"",
        "solo-espacios.md": b" \n\t\n  \n",
        "zip-sin-documento.docx": zip_without_document(),
        "pdf-sin-texto.pdf": make_pdf([([], {})]),
        "texto-con-nombre-de.pdf": b"Informe\nhttps://x.com/a/status/1\n",
        "utf16-sin-bom.txt": "Informe de difusión\n".encode("utf-16-le") * 200,
    })
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in made]


def zip_without_document() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def extreme_reports(folder: Path) -> list[Path]:
    """Readable but hostile: a 5 MB line, 100,000 links, nesting 10,000 levels deep."""
    links = [f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + n % 1000}" for n in range(100_000)]
    texts = {
        "linea-enorme.txt": "Informe con una sola línea " + (PROSE + " ") * 40_000,
        "cien-mil-enlaces.txt": "\n".join(["Informe", "", "A. Difusión", "",
                                           "X (antes Twitter): 1000 publicaciones.", "", *links]),
        "anidado.md": "\n".join(["# Informe", "> " * 10_000 + "cita https://x.com/CNE_StaElena/"
                                 f"status/{FIRST_X_ID}", "- " * 10_000 + "lista",
                                 *(("  " * depth) + f"- nivel {depth}" for depth in range(1000)),
                                 "[" * 10_000 + "corchetes" + "]" * 10_000]),
    }
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return [folder / name for name in texts]


def good_reports(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    lines = ["Informe de difusión", "", "Fecha del evento: Jueves, 3 de julio de 2025", "",
             "A. Difusión", "", "X (antes Twitter): 2 publicaciones.", "",
             f"https://x.com/CNE_StaElena/status/{FIRST_X_ID}",
             f"https://x.com/CNE_StaElena/status/{FIRST_X_ID + 1}"]
    (folder / "bueno.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "bueno.docx").write_bytes(make_docx())
    (folder / "bueno.pdf").write_bytes(make_pdf(PDF_PAGES))
    return [folder / name for name in ("bueno.txt", "bueno.docx", "bueno.pdf")]


def digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def by_name(out: Path) -> dict[str, tuple]:
    return {Path(source).name: audit for source, audit in per_report(out).items()}


def test_a_thousand_broken_reports_are_each_a_clear_finding_and_the_good_ones_are_audited(
        tmp_path, cifras):
    alone = good_reports(tmp_path / "solos")
    folder = tmp_path / "carpeta"
    good = good_reports(folder)
    broken = broken_reports(folder, random.Random(2025))
    extreme = extreme_reports(folder)
    before = digests(folder)
    started = time.monotonic()
    run = run_nightly(None, folder, tmp_path / "c.db", tmp_path / "out", "--sin-red", timeout=240)
    elapsed = time.monotonic() - started
    assert run.returncode == 1 and run.stderr == "", run.stderr[-3000:]
    assert digests(folder) == before
    reports = {Path(r["source"]).name: r for r in latest_page(tmp_path / "out")["reports"]}
    assert reports.keys() == {path.name for path in good + broken + extreme}
    unreadable = {name: report["findings"] for name, report in reports.items()
                  if any(f["code"] == "unreadable_report" for f in report["findings"])}
    assert unreadable.keys() == {path.name for path in broken}
    messages = {f["message"] for findings in unreadable.values() for f in findings}
    assert messages <= {UNREADABLE_PREFIX + reason for reason in READ_ERRORS}
    assert all(len(findings) == 1 and findings[0]["severity"] == "error"
               for findings in unreadable.values())
    # offline, nothing_verified: news to a first run
    assert run_nightly(None, alone[0].parent, tmp_path / "solos.db", tmp_path / "solos-out",
                       "--sin-red").returncode == 1
    together = by_name(tmp_path / "out")
    assert {path.name: together[path.name] for path in good} == by_name(tmp_path / "solos-out")
    assert sum(row["listed"] for row in reports["cien-mil-enlaces.txt"]["coverage"]) >= 1000
    cifras["entradas malas"] = (
        f"{len(broken)} informes ilegibles + {len(extreme)} extremos legibles + {len(good)} "
        f"buenos en una ejecución nocturna de {elapsed:.0f} s; "
        f"{len(messages)} mensajes distintos, todos en castellano")
