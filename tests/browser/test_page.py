"""The nightly HTML pages in a real Chromium, the summary (ultimo.html) and each report's page:
right numbers, sorting, filtering, nothing leaves the page, nothing from a report runs,
readable on a phone and on paper."""

import re
from pathlib import Path

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


def test_coverage_table_holds_the_numbers_of_the_json_beside_it(informe, nocturno):
    shown, expected = [], []
    for report in nocturno.data["reports"]:
        page = informe(Path(report["source"]).name)
        shown += [(row.get_attribute("data-report"), row.get_attribute("data-platform"),
                   *[c.strip() for c in row.locator("td").all_inner_texts()[3:]])
                  for row in rows(page, "cobertura")]
        expected += [(report["source"], line["platform"],
                      *["—" if line[key] is None else str(line[key]) for key in NUMBERS])
                     for line in report["coverage"]]
    assert shown == expected and len(shown) >= 5
    broken_line = (nocturno.source("roto.txt"), "x", "3", "3", "2", "1", "0")
    facebook_line = (nocturno.source("facebook.txt"), "facebook", "1", "1", "0", "0", "1")
    assert broken_line in shown and facebook_line in shown


def test_every_report_shows_its_verdict(pagina, informe, nocturno):
    summary = rows(pagina, "informes")
    assert [r.get_attribute("data-report") for r in summary] == [
        r["source"] for r in nocturno.data["reports"]]
    for row, report in zip(summary, nocturno.data["reports"]):
        assert row.get_attribute("data-verdict") == report["verdict"]
        assert VERDICT_TEXTS[report["verdict"]] in row.inner_text()
    for report in nocturno.data["reports"]:
        block = informe(Path(report["source"]).name).locator("#veredictos .veredicto")
        assert VERDICT_TEXTS[report["verdict"]] in block.inner_text()
    clean = informe("limpio.txt").locator("#veredictos .veredicto")
    assert "Listo para firmar" in clean.inner_text()


def test_the_deleted_tweet_is_a_broken_link_finding_linking_to_the_post(informe, nocturno):
    post = f"https://x.com/CNE_StaElena/status/{DELETED}"
    row = informe("roto.txt").locator(
        f'#hallazgos tr.fila-hallazgo[data-report="{nocturno.source("roto.txt")}"]'
        '[data-severity="error"][data-platform="x"]').filter(has_text="Enlace roto")
    assert row.count() == 1 and row.locator("a").get_attribute("href") == post
    facebook = informe("facebook.txt").locator(
        '#hallazgos tr[data-severity="info"]').filter(has_text=FACEBOOK_SHARE)
    assert "sin verificar" in facebook.inner_text() and "roto" not in facebook.inner_text()


def test_the_summary_names_the_broken_tweet_as_new(pagina):
    news = pagina.locator("#lo-nuevo").inner_text()
    assert DELETED in news and "Enlaces rotos desde la ejecución anterior (1)" in news


def test_the_changes_since_the_last_run_name_the_tweet_that_broke_in_spanish(pagina):
    change = pagina.locator("#cambios tbody tr").filter(has_text=DELETED)
    texts = [c.strip() for c in change.locator("td").all_inner_texts()]
    assert texts.index("vivo") < texts.index("roto")


def test_the_chart_has_a_bar_per_run_and_the_broken_tweet_in_the_last(pagina, nocturno):
    chart = pagina.locator('#historial figure[data-platform="x"]')
    titles = chart.locator("rect title").all_text_contents()
    assert len(titles) == 2 * 3 and titles[-2].endswith(": 1 rotos")
    assert titles[1].endswith(": 0 rotos")
    assert chart.locator("svg").bounding_box()["height"] > 100


def sorts_up_then_down(page, table: str, header: str, index: int) -> None:
    heading = page.locator(f"#{table} th", has_text=header)
    heading.click()
    numbers = [int(v) for v in column(page, table, index)]
    assert numbers == sorted(numbers) and len(set(numbers)) > 1
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.click()
    assert [int(v) for v in column(page, table, index)] == sorted(numbers, reverse=True)
    assert heading.get_attribute("aria-sort") == "descending"


def test_a_numeric_header_sorts_up_then_down(pagina, informe):
    sorts_up_then_down(pagina, "informes", "Listado", 3)
    sorts_up_then_down(informe("limpio.txt"), "cobertura", "Listado", 4)


def test_a_text_header_sorts_alphabetically(pagina):
    heading = pagina.locator("#informes th", has_text="Informe")
    heading.click()
    texts = column(pagina, "informes", 0)
    assert texts == sorted(texts, key=str.lower) and len(set(texts)) > 2
    heading.click()
    assert column(pagina, "informes", 0) == sorted(texts, key=str.lower, reverse=True)


def test_choosing_a_verdict_shows_only_its_reports_and_todos_shows_all_again(pagina, nocturno):
    everything = len(rows(pagina, "informes"))
    pagina.select_option("#filtro-veredicto", "review_before_signing")
    shown = visible_reports(pagina, "informes")
    assert shown and len(shown) < everything
    assert set(shown) == {r["source"] for r in nocturno.data["reports"]
                          if r["verdict"] == "review_before_signing"}
    pagina.select_option("#filtro-veredicto", label="Todos")
    assert len(visible_reports(pagina, "informes")) == everything


def test_platform_and_severity_filters_combine_on_a_reports_page(informe):
    page = informe(INJECTED_NAME)
    found = [(r.get_attribute("data-platform"), r.get_attribute("data-severity"))
             for r in rows(page, "hallazgos")]
    platform = max({p for p, _ in found}, key=[p for p, _ in found].count)
    severity = next(s for p, s in found if p == platform)
    assert len({p for p, _ in found}) > 1 and len({s for _, s in found}) > 1, found
    page.select_option("#filtro-plataforma", platform)
    shown = [r for r in rows(page, "hallazgos") if r.is_visible()]
    assert shown and {r.get_attribute("data-platform") for r in shown} == {platform}
    page.select_option("#filtro-gravedad", severity)
    both = [(r.get_attribute("data-platform"), r.get_attribute("data-severity"))
            for r in rows(page, "hallazgos") if r.is_visible()]
    assert both == [pair for pair in found if pair == (platform, severity)]
    assert len(both) < len(found)
    page.select_option("#filtro-plataforma", label="Todos")
    page.select_option("#filtro-gravedad", label="Todos")
    assert all(r.is_visible() for r in rows(page, "hallazgos"))


def test_nothing_leaves_the_page_while_it_is_used(abrir, nocturno):
    for url in (nocturno.url, nocturno.page_of("roto.txt")):
        opened = abrir(url)
        page = opened.page
        hover_every_link(page)
        page.locator("table th").first.click()
        page.wait_for_load_state("networkidle")
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert opened.requests == [url] and opened.blocked == []
        assert "default-src 'none'" in csp and "connect-src" not in csp


def shows_never_runs(page) -> None:
    hover_every_link(page)
    page.locator("table tbody tr").first.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.locator("body").inner_text()
    assert INJECTED_NAME in text and INJECTED_TITLE in text
    assert page.locator("script").count() == 1 and page.locator("img").count() == 0
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
        e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))""")
    assert handlers == []
    hrefs = page.locator("[href]").evaluate_all("es => es.map(e => e.getAttribute('href'))")
    # besides http(s), only the links between the run's pages, which we name
    assert hrefs and not [h for h in hrefs if not re.match(
        r"(https?://|(\.\./)?auditoria-[\d-]+(/\d{4}-[A-Za-z0-9._-]*)?\.html$)", h, re.I)]


def test_text_from_a_report_is_shown_never_run(pagina, informe, nocturno):
    shows_never_runs(pagina)
    injected = nocturno.source(INJECTED_NAME)
    assert pagina.locator(f'tr[data-report="{injected}"]').count() == 1
    shows_never_runs(informe(INJECTED_NAME))


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll('*')]
    .filter(e => !(e.parentElement && e.parentElement.closest('.envoltura')))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
}"""


def test_a_phone_reads_it_without_sideways_scrolling_outside_the_tables(abrir, nocturno,
                                                                        artefactos):
    phone = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2,
             "is_mobile": True, "has_touch": True}
    for name, url in (("resumen", nocturno.url), ("informe", nocturno.page_of("roto.txt"))):
        page = abrir(url, **phone).page
        assert page.evaluate(OVERFLOWING) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        wrapper = page.locator(".envoltura").first
        assert wrapper.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls inside
        page.screenshot(path=str(artefactos / f"pagina-movil-{name}.png"), full_page=True)
    link_widths = page.locator("#hallazgos td.enlace").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)")
    assert link_widths and min(link_widths) > 150  # a squeezed table kept its links legible


def test_on_a_desktop_every_table_fits_without_sideways_scrolling(pagina, informe, artefactos):
    page = informe("roto.txt")
    for shown, tables in ((pagina, 3), (page, 3)):  # a report: coverage, findings, links
        assert shown.locator(".envoltura").evaluate_all(
            "wrappers => wrappers.map(w => w.scrollWidth - w.clientWidth)") == [0] * tables
    pagina.screenshot(path=str(artefactos / "pagina-escritorio.png"), full_page=True)
    page.screenshot(path=str(artefactos / "pagina-escritorio-informe.png"), full_page=True)


def test_on_paper_the_filters_go_every_row_shows_and_no_table_is_cut(abrir, nocturno, artefactos):
    for name, url in (("resumen", nocturno.url), ("informe", nocturno.page_of(INJECTED_NAME))):
        page = abrir(url, viewport={"width": 700, "height": 1000}).page  # about an A4's width
        page.select_option(".filtros select >> nth=0", index=1)
        page.emulate_media(media="print")
        assert not page.locator(".filtros").is_visible()
        assert all(row.is_visible() for row in page.locator("tr[data-report]").all())
        cut = page.locator(".envoltura").evaluate_all(
            "wrappers => wrappers.filter(w => w.scrollWidth > w.clientWidth + 1).length")
        assert cut == 0  # paper does not scroll
        page.pdf(path=str(artefactos / f"pagina-impresa-{name}.pdf"), format="A4")
