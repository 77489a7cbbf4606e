"""Finding links in report lines: forms, trimming, what is not a link, export accidents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosecha.platforms import identify
from cosecha.reader.extract import extract_path
from cosecha.reader.links import FoundLink, line_links, scan_links

SAMPLES = Path(__file__).resolve().parent.parent / "ejemplos"
X_POST = "https://x.com/CNE_StaElena/status/1935399367130657167"


def sample_links(name: str) -> list[FoundLink]:
    extracted = extract_path(SAMPLES / name)
    return scan_links(extracted.lines, extracted.link_targets)


# --- forms --------------------------------------------------------------------------------


@pytest.mark.parametrize("line, urls", [
    (X_POST, [X_POST]),
    (f"X (antes Twitter): {X_POST}", [X_POST]),
    ("<https://www.facebook.com/share/p/1FFHYCBvYd/>", ["https://www.facebook.com/share/p/1FFHYCBvYd/"]),
    ("Enlace: <https://delegaciones.cne.gob.ec/download/informe/>.",
     ["https://delegaciones.cne.gob.ec/download/informe/"]),
    ("[ver publicación](https://x.com/a/status/1)", ["https://x.com/a/status/1"]),
    (f"[{X_POST}]({X_POST})", [X_POST]),
    ("[x.com/a/status/1](https://x.com/a/status/1)", ["https://x.com/a/status/1"]),
    ("[https://a.gob.ec/uno](https://a.gob.ec/dos)", ["https://a.gob.ec/uno", "https://a.gob.ec/dos"]),
    ('<a href="https://a.gob.ec/x">https://a.gob.ec/x</a> y <a href=\'https://b.gob.ec/\'>b</a>',
     ["https://a.gob.ec/x", "https://b.gob.ec/"]),
    ("HTTPS://WWW.YouTube.com/watch?v=eiHXASgRTcA", ["https://WWW.YouTube.com/watch?v=eiHXASgRTcA"]),
    ("http://cne.gob.ec/a y https://cne.gob.ec/b", ["http://cne.gob.ec/a", "https://cne.gob.ec/b"]),
    ("https://es.wikipedia.org/wiki/Rendición_de_cuentas", ["https://es.wikipedia.org/wiki/Rendición_de_cuentas"]),
])
def test_link_forms(line, urls):
    assert line_links(line) == urls


@pytest.mark.parametrize("line, url", [
    ("x.com/CNE_StaElena/status/1", "https://x.com/CNE_StaElena/status/1"),
    ("ver twitter.com/cne/status/2.", "https://twitter.com/cne/status/2"),
    ("mobile.twitter.com/cne/status/3", "https://mobile.twitter.com/cne/status/3"),
    ("www.facebook.com/CNEEcuador/posts/4", "https://www.facebook.com/CNEEcuador/posts/4"),
    ("(facebook.com/CNEEcuador)", "https://facebook.com/CNEEcuador"),
    ("fb.watch/abcDEF/", "https://fb.watch/abcDEF/"),
    ("Video: youtu.be/FVxRBZKWRe4;", "https://youtu.be/FVxRBZKWRe4"),
    ("www.youtube.com/watch?v=eiHXASgRTcA", "https://www.youtube.com/watch?v=eiHXASgRTcA"),
    ("youtube.com/@CNEEcuador", "https://youtube.com/@CNEEcuador"),
    ("instagram.com/p/Cabc123/", "https://instagram.com/p/Cabc123/"),
    ("www.tiktok.com/@cne/video/7300000000000000000", "https://www.tiktok.com/@cne/video/7300000000000000000"),
])
def test_schemeless_platform_urls_get_https(line, url):
    assert line_links(line) == [url]


@pytest.mark.parametrize("line", [
    "publicado en la página web www.cne.gob.ec para su conocimiento",
    "en www.itagui.gov.co y en el portal **www.itaguitransparente.gov.co**",
    "CORREO: andresmoscoso@cne.gob.ec",
    "rendicioncuentassangolqui@iess.gob.ec",
    "escriba a prensa@x.com/ayuda",  # an address, then a slash: still not x.com
    "fox.com/noticias y netflix.com/x no son plataformas",
    "x.com es la red; youtube.com también; x.com/ sin ruta",
    "cne.gob.ec/transparencia sin esquema no es de una plataforma",
    "https:// suelto, http://, https://?q=1",
    "ftp://cne.gob.ec/archivo.pdf",
    "https://cne.gob.ec:99999/x https://-cne.gob.ec/x https://cne..gob.ec/x http://[::1]/x",
])
def test_not_links(line):
    assert line_links(line) == []


@pytest.mark.parametrize("line, url", [
    ("https://a.gob.ec/informe.pdf.", "https://a.gob.ec/informe.pdf"),
    ("(ver https://a.gob.ec/x)", "https://a.gob.ec/x"),
    ("«https://a.gob.ec/x»", "https://a.gob.ec/x"),
    ("“https://a.gob.ec/x”,", "https://a.gob.ec/x"),
    ("'https://a.gob.ec/x';", "https://a.gob.ec/x"),
    ("https://a.gob.ec/x?!", "https://a.gob.ec/x"),
    ("https://a.gob.ec/x]", "https://a.gob.ec/x"),
    ("{https://a.gob.ec/x}", "https://a.gob.ec/x"),
    ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("(https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("https://a.gob.ec/x)(y", "https://a.gob.ec/x)(y"),  # balanced counts: kept
])
def test_trailing_punctuation_and_unbalanced_brackets_are_stripped(line, url):
    assert line_links(line) == [url]


# --- lines and targets --------------------------------------------------------------------


def test_links_carry_their_line_in_order():
    lines = ["Fase A", "", "https://x.com/a/status/1 y https://x.com/a/status/2",
             "youtu.be/FVxRBZKWRe4"]
    assert [(f.url, f.line) for f in scan_links(lines)] == [
        ("https://x.com/a/status/1", 3), ("https://x.com/a/status/2", 3),
        ("https://youtu.be/FVxRBZKWRe4", 4)]


def test_same_url_on_two_lines_is_two_links():
    assert len(scan_links([X_POST, X_POST])) == 2


def test_link_targets_are_links_on_their_line_deduplicated_with_visible_urls():
    lines = ["X: ver publicación", f"Facebook: {X_POST}", "sin enlace"]
    targets = {1: ["https://x.com/a/status/9"], 2: [X_POST, "https://fb.watch/abc/"],
               3: ["mailto:prensa@cne.gob.ec", "#anchor", "   "]}
    assert [(f.url, f.line) for f in scan_links(lines, targets)] == [
        ("https://x.com/a/status/9", 1), (X_POST, 2), ("https://fb.watch/abc/", 2)]


# --- export accidents ---------------------------------------------------------------------


def test_x_url_wrapped_by_pdf_export_is_rejoined():
    lines = ["Publicación: https://x.com/CNE_StaElena/status/19353", "99367130657167", "Fin"]
    assert scan_links(lines) == [FoundLink(X_POST, 1)]


def test_youtube_url_wrapped_mid_id_is_rejoined_even_with_text_after():
    lines = ["https://www.youtube.com/watch?v=eiHX", "ASgRTcA transmisión en vivo"]
    assert identify("https://www.youtube.com/watch?v=eiHX").post_id is None
    assert [f.url for f in scan_links(lines)] == ["https://www.youtube.com/watch?v=eiHXASgRTcA"]


@pytest.mark.parametrize("lines", [
    [X_POST, "2 publicaciones"],  # a count after a complete link is not a continuation
    [X_POST + ".", "1234"],  # a link ending a sentence is never continued
    ["https://x.com/CNE_StaElena/status/19353", "99367130657167 y más"],
    ["https://x.com/CNE_StaElena", "https://x.com/CNE_StaElena/status/1"],
    ["https://delegaciones.cne.gob.ec/download/", "informe.pdf"],  # not a platform post
    ["https://www.youtube.com/watch?v=eiHX", " "],
    ["https://www.youtube.com/watch?v=eiHX y", "ASgRTcA"],  # the URL does not reach the end
])
def test_not_rejoined(lines):
    assert [f.url for f in scan_links(lines)] == line_links(lines[0]) + line_links(lines[1])


def test_cut_link_of_sample_002_is_kept_as_read_and_flagged():
    assert sample_links("002_1fe0f013cb73f6fa.txt") == [
        FoundLink("https://www.cne.gob.ec/wp-", 218, cut=True)]


@pytest.mark.parametrize("line, url", [
    ("https://a.gob.ec/wp- content/uploads/x.pdf", "https://a.gob.ec/wp-"),
    ("https://a.gob.ec/ver?id= abc&b=2", "https://a.gob.ec/ver?id="),
    ("https://a.gob.ec/docs/ informes/2023/plan.pdf", "https://a.gob.ec/docs/"),
    ("https://a.gob.ec/plan_ anual/2023", "https://a.gob.ec/plan_"),
])
def test_cut_links(line, url):
    assert scan_links([line]) == [FoundLink(url, 1, cut=True)]


@pytest.mark.parametrize("line", [
    f"{X_POST} publicada el 18 de junio",
    "https://a.gob.ec/informe/ y/o el portal",  # "y/o" is prose
    "https://a.gob.ec/informe/ 12/07/2025",  # a date, no letters
    "https://a.gob.ec/informe- final del año",
    "https://a.gob.ec/informe/\tcontent/uploads",  # a tab is a table column, not a cut
    "https://a.gob.ec/informe/, content/uploads",  # punctuation ends the URL on purpose
    "https://a.gob.ec/x- https://a.gob.ec/y",
    "https://a.gob.ec/x/ x.com/cne/status/1",
    "https://a.gob.ec/x/ www.a.gob.ec/y",
])
def test_not_cut(line):
    assert not any(f.cut for f in scan_links([line]))


# --- sample reports -----------------------------------------------------------------------


def test_sample_000_links_per_platform_and_line():
    found = sample_links("000_a182aa916ef26d9e.txt")
    # README: A 5+5, B 2+2, C 1 web, D 1 YouTube + 1 Facebook, E 10+8, F 1+1+1 web, G 1+1
    assert len(found) == 40
    assert Counter(identify(f.url).platform for f in found) == {
        "x": 19, "facebook": 18, "youtube": 1, "web": 2}
    assert (found[0].url, found[0].line) == (X_POST, 42)
    assert (found[-1].url, found[-1].line) == ("https://www.facebook.com/share/v/16iDgo5Ptw/", 163)
    assert not any(f.cut for f in found)
    assert "https://www.cne.gob.ec" not in {f.url.rstrip("/") for f in found}


@pytest.mark.parametrize("name", ["001_ed93e58888d3b408.txt", "004_266fee83d5143ea3.txt"])
def test_samples_without_links(name):
    assert sample_links(name) == []


def test_sample_003_one_youtube_link_and_no_email():
    assert sample_links("003_a567c491ae930e26.txt") == [
        FoundLink("https://youtu.be/FVxRBZKWRe4", 41)]


# --- properties ---------------------------------------------------------------------------

REPORT_LINES = [
    "A. Difusión de aportes y sugerencias ciudadanas", "X (antes Twitter): 5 publicaciones",
    "Facebook:", "Enlaces:", "", "Se publicaron\u00a02,345 tuits:", "#TuINE\t98",
    "Santa Elena, 23 de julio de 2025", "andres@cne.gob.ec", "www.cne.gob.ec",
]
FRAGMENTS = [
    "https://", "http://", "x.com/", "youtu.be/", "www.facebook.com/", "<", ">", "(", ")", "[",
    "](", '"', "href=", "status/", "1935399367130657167", "/", "-", " ", "\t", ".", ",", "@",
    "?v=", "#", "%", ":", "wp-", "content/uploads", "[::1]", ":99999", "\u00a0", "é", "ñ",
]
report_line = st.one_of(
    st.sampled_from(REPORT_LINES),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
    st.text(max_size=40),
)


def assert_valid(url: str) -> None:
    parsed = httpx.URL(url)
    assert parsed.scheme in ("http", "https") and parsed.host
    assert not any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url)


@settings(max_examples=400, deadline=None)
@given(st.lists(report_line, max_size=12),
       st.dictionaries(st.integers(1, 12), st.lists(report_line, max_size=2), max_size=3))
def test_every_link_found_is_a_valid_url_on_an_existing_line(lines, targets):
    for found in scan_links(lines, targets):
        assert_valid(found.url)
        assert 1 <= found.line <= len(lines)
