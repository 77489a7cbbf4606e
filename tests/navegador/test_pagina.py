"""The nightly HTML page in a real Chromium: right numbers, sorting, filtering, nothing leaves
the page, nothing from a report runs, readable on a phone and on paper."""

import pytest

from .conftest import DELETED, FACEBOOK_SHARE, INJECTED_NAME, INJECTED_TITLE

pytestmark = pytest.mark.lento

VERDICT_TEXTS = {"ready_to_sign": "Listo para firmar",
                 "sign_with_reservations": "Firmable con reservas",
                 "review_before_signing": "Revisar antes de firmar"}
NUMBERS = ("claimed", "listed", "alive", "broken", "unverified")


def rows(page, table: str):
    return page.locator(f"#{table} tbody tr[data-report]").all()


def column(page, table: str, index: int) -> list[str]:
    return page.locator(f"#{table} tbody tr").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def visible_reports(page, table: str) -> list[str]:
    return [row.get_attribute("data-report") for row in rows(page, table) if row.is_visible()]


def hover_every_link(page) -> None:
    """An injected onmouseover would fire here."""
    links = page.locator("a").all()
    assert links
    for link in links:
        link.hover()


def test_coverage_table_holds_the_numbers_of_the_json_beside_it(pagina, nocturno):
    shown = [(row.get_attribute("data-report"), row.get_attribute("data-platform"),
              *[c.strip() for c in row.locator("td").all_inner_texts()[3:]])
             for row in rows(pagina, "cobertura")]
    expected = [(report["source"], line["platform"],
                 *["—" if line[key] is None else str(line[key]) for key in NUMBERS])
                for report in nocturno.data["reports"] for line in report["coverage"]]
    assert shown == expected and len(shown) >= 5
    broken_line = (nocturno.source("roto.txt"), "x", "3", "3", "2", "1", "0")
    facebook_line = (nocturno.source("facebook.txt"), "facebook", "1", "1", "0", "0", "1")
    assert broken_line in shown and facebook_line in shown


def test_every_report_shows_its_verdict(pagina, nocturno):
    verdicts = pagina.locator("#veredictos .veredicto")
    assert verdicts.count() == len(nocturno.data["reports"])
    for report in nocturno.data["reports"]:
        block = pagina.locator("#veredictos .veredicto").filter(has_text=report["source"])
        assert VERDICT_TEXTS[report["verdict"]] in block.inner_text()
    clean = verdicts.filter(has_text=nocturno.source("limpio.txt"))
    assert "Listo para firmar" in clean.inner_text()
    assert "1 enlace sin verificar" in verdicts.filter(
        has_text=nocturno.source("facebook.txt")).inner_text()


def test_the_deleted_tweet_is_a_broken_link_finding_linking_to_the_post(pagina, nocturno):
    post = f"https://x.com/CNE_StaElena/status/{DELETED}"
    row = pagina.locator(
        f'#hallazgos tr.fila-hallazgo[data-report="{nocturno.source("roto.txt")}"]'
        '[data-severity="error"][data-platform="x"]')
    assert row.count() == 1 and "Enlace roto" in row.inner_text()
    assert row.locator("a").get_attribute("href") == post
    facebook = pagina.locator('#hallazgos tr[data-severity="info"]').filter(has_text=FACEBOOK_SHARE)
    assert "sin verificar" in facebook.inner_text() and "roto" not in facebook.inner_text()


def test_the_changes_since_the_last_run_name_the_tweet_that_broke_in_spanish(pagina):
    change = pagina.locator("#cambios tbody tr").filter(has_text=DELETED)
    assert [c.strip() for c in change.locator("td").all_inner_texts()[1:3]] == ["vivo", "roto"]


def test_the_chart_has_a_bar_per_run_and_the_broken_tweet_in_the_last(pagina, nocturno):
    chart = pagina.locator('#historial figure[data-platform="x"]')
    titles = chart.locator("rect title").all_text_contents()
    assert len(titles) == 2 * 3 and titles[-2].endswith(": 1 rotos")
    assert titles[1].endswith(": 0 rotos")
    assert chart.locator("svg").bounding_box()["height"] > 100


@pytest.mark.parametrize("table, header, index", [("cobertura", "Listado", 4),
                                                  ("hallazgos", "Línea", 2)])
def test_a_numeric_header_sorts_up_then_down(pagina, table, header, index):
    heading = pagina.locator(f"#{table} th", has_text=header)
    heading.click()
    numbers = [int(v) for v in column(pagina, table, index)]
    assert numbers == sorted(numbers) and len(set(numbers)) > 1
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.click()
    assert [int(v) for v in column(pagina, table, index)] == sorted(numbers, reverse=True)
    assert heading.get_attribute("aria-sort") == "descending"


def test_a_text_header_sorts_alphabetically(pagina):
    heading = pagina.locator("#hallazgos th", has_text="Hallazgo")
    heading.click()
    texts = column(pagina, "hallazgos", 5)
    assert texts == sorted(texts, key=str.lower) and len(set(texts)) > 2
    heading.click()
    assert column(pagina, "hallazgos", 5) == sorted(texts, key=str.lower, reverse=True)


def test_choosing_a_report_shows_only_its_rows_and_todos_shows_all_again(pagina, nocturno):
    everything = {t: len(rows(pagina, t)) for t in ("cobertura", "hallazgos")}
    chosen = nocturno.source("roto.txt")
    pagina.select_option("#filtro-informe", chosen)
    for table in everything:
        shown = visible_reports(pagina, table)
        assert shown and set(shown) == {chosen}
        assert len(shown) < everything[table]
    pagina.select_option("#filtro-informe", label="Todos")
    assert {t: len(visible_reports(pagina, t)) for t in everything} == everything


def test_platform_and_severity_filters_combine(pagina):
    pagina.select_option("#filtro-plataforma", "facebook")
    coverage = [r for r in rows(pagina, "cobertura") if r.is_visible()]
    assert len(coverage) == 1 and coverage[0].get_attribute("data-platform") == "facebook"
    pagina.select_option("#filtro-plataforma", "")
    pagina.select_option("#filtro-gravedad", "error")
    findings = [r for r in rows(pagina, "hallazgos") if r.is_visible()]
    assert findings and {r.get_attribute("data-severity") for r in findings} == {"error"}
    assert len(findings) < len(rows(pagina, "hallazgos"))
    pagina.select_option("#filtro-plataforma", "x")
    both = [r for r in rows(pagina, "hallazgos") if r.is_visible()]
    assert both and all(r.get_attribute("data-platform") == "x" for r in both)
    assert len(both) < len(findings)
    pagina.select_option("#filtro-plataforma", label="Todos")
    pagina.select_option("#filtro-gravedad", label="Todos")
    assert all(r.is_visible() for r in rows(pagina, "hallazgos"))


def test_nothing_leaves_the_page_while_it_is_used(abrir, nocturno):
    opened = abrir()
    page = opened.page
    hover_every_link(page)
    page.locator("#cobertura th").first.click()
    page.select_option("#filtro-gravedad", "error")
    page.wait_for_load_state("networkidle")
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert opened.requests == [nocturno.url] and opened.blocked == []
    assert "default-src 'none'" in csp and "connect-src" not in csp


def test_text_from_a_report_is_shown_never_run(pagina, nocturno):
    hover_every_link(pagina)
    pagina.locator("#veredictos .veredicto").first.hover()
    assert pagina.evaluate("typeof window.__pwned") == "undefined"
    text = pagina.locator("body").inner_text()
    assert INJECTED_NAME in text and INJECTED_TITLE in text
    assert pagina.locator("script").count() == 1 and pagina.locator("img").count() == 0
    handlers = pagina.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
        e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))""")
    assert handlers == []
    hrefs = pagina.locator("[href]").evaluate_all("es => es.map(e => e.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if not h.lower().startswith(("http://", "https://"))]
    injected = nocturno.source(INJECTED_NAME)
    assert pagina.locator(f'tr[data-report="{injected}"]').count() >= 1
    pagina.select_option("#filtro-informe", injected)
    assert set(visible_reports(pagina, "cobertura")) == {injected}


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll('*')]
    .filter(e => !(e.parentElement && e.parentElement.closest('.envoltura')))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
}"""


def test_a_phone_reads_it_without_sideways_scrolling_outside_the_tables(abrir, artefactos):
    page = abrir(viewport={"width": 375, "height": 812}, device_scale_factor=2,
                 is_mobile=True, has_touch=True).page
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    wrapper = page.locator(".envoltura").first
    assert wrapper.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside
    link_widths = page.locator("#hallazgos td.enlace").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)")
    assert link_widths and min(link_widths) > 150  # a squeezed table kept its links legible
    page.screenshot(path=str(artefactos / "pagina-movil.png"), full_page=True)


def test_on_a_desktop_every_table_fits_without_sideways_scrolling(pagina, artefactos):
    assert pagina.locator(".envoltura").evaluate_all(
        "wrappers => wrappers.map(w => w.scrollWidth - w.clientWidth)") == [0, 0, 0]
    pagina.screenshot(path=str(artefactos / "pagina-escritorio.png"), full_page=True)


def test_on_paper_the_filters_go_every_row_shows_and_no_table_is_cut(abrir, nocturno, artefactos):
    page = abrir(viewport={"width": 700, "height": 1000}).page  # about an A4 page's width
    page.select_option("#filtro-informe", nocturno.source("limpio.txt"))
    page.emulate_media(media="print")
    assert not page.locator(".filtros").is_visible()
    assert all(row.is_visible() for row in rows(page, "hallazgos"))
    cut = page.locator(".envoltura").evaluate_all(
        "wrappers => wrappers.filter(w => w.scrollWidth > w.clientWidth + 1).length")
    assert cut == 0  # paper does not scroll
    page.pdf(path=str(artefactos / "pagina-impresa.pdf"), format="A4")
