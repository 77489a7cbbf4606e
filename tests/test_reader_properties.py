"""Property: whatever mix of report lines (or raw text) the reader gets, it never raises and
every link it returns is a syntactically valid URL."""

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from cosecha.reader import ReadError, read_report, read_text

REPORT_LINES = [
    "A. Difusión de aportes", "IV. Resultados", "Fase 2 — Cierre", "## Enlaces", "Enlaces:",
    "X (antes Twitter)", "Facebook", "YouTube:", "Página web:", "",
    "X (antes Twitter): 5 publicaciones informativas.", "Se publicaron\u00a0 2,345 tuits:",
    "#TuINE\t\t98", "Entrevistas: 64",
    "Porcentaje de publicaciones realizadas en Facebook\t100,00%",
    "Publicaciones totales en redes sociales durante enero, febrero y marzo: 3,221",
    "Se subirán los 126 videos a un canal de YouTube",
    "Fecha del evento: Jueves, 3 de julio de 2025",
    "Santa Elena, 23 de julio de 2025", "Tercer Informe Trimestral 2022",
    "https://x.com/CNE_StaElena/status/1935399367130657167", "<https://www.facebook.com/share/p/1FFHYCBvYd/>",
    "https://www.youtube.com/live/n2C40yiUIsQ?si=ZFhu2pd8yVDKMR4Z", "Enlace: <https://delegaciones.cne.gob.ec/a/>",
    "https://www.cne.gob.ec/wp- content/uploads/2023/12/Plan Anual.pdf", "correo@cne.gob.ec",
    "www.cne.gob.ec", "[nota](https://cne.gob.ec/nota_(1))", "x.com/user/status/123).",
    "https://www.facebook.com/CNE/posts/", "Publicar cinco videos", "\t\t\t",
]


def _valid_url(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme in ("http", "https") and bool(parts.hostname) and "." in parts.hostname
            and not any(c.isspace() for c in url))


def _check(text: str) -> None:
    report = read_text(text, "prueba.txt")
    for link in report.links():
        assert _valid_url(link.url), link.url
        assert 1 <= link.line
    report.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(REPORT_LINES), max_size=60),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_mixes_of_report_lines(lines, newline):
    _check(newline.join(lines))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(REPORT_LINES) | st.text(max_size=40), max_size=30))
def test_report_lines_mixed_with_noise(lines):
    _check("\n".join(lines))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_random_bytes_are_read_or_refused_with_a_read_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"informe{suffix}"
        path.write_bytes(data)
        try:
            report = read_report(path)
        except ReadError as problem:
            assert str(problem) and str(path) not in str(problem)
            return
        assert all(_valid_url(link.url) for link in report.links())
