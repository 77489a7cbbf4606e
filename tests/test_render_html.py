"""The self-contained HTML page, parsed: well formed, nothing fetched, report text escaped,
the data attributes the page filters on, verdicts, changes and the history chart."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from test_render import DELETED_TWEET, audits, summary

from auditor.model import Finding
from auditor.render.audit_html import render_html, render_summary_html
from auditor.render.nightly_html import render_nightly_summary
from auditor.render.text import render_audits
from auditor.summary import report_row

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr", "source", "area", "base"}
CHANGES = [{"url": DELETED_TWEET, "from": "alive", "to": "broken",
            "seen_at": "2025-07-24T02:00:00Z", "sources": ["informes/santa-elena.txt"]}]
HISTORY = [{"run": "2025-07-23", "platform": "x", "alive": 4, "broken": 0, "unverified": 0},
           {"run": "2025-07-24", "platform": "x", "alive": 3, "broken": 1, "unverified": 0},
           {"run": "2025-07-24", "platform": "facebook", "alive": 0, "broken": 0,
            "unverified": 5}]


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str) -> list["Node"]:
        return [node for node in self.walk() if node.tag == tag]

    def by_id(self, identifier: str) -> "Node":
        [node] = [node for node in self.walk() if node.attrs.get("id") == identifier]
        return node


class Tree(HTMLParser):
    """A strict little DOM: every element closed, and closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = [Node("#documento", {})]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert len(tree.stack) == 1, f"<{tree.stack[-1].tag}> never closed"
    return tree.stack[0]


def page(items=None, **options) -> str:
    options.setdefault("generated_at", "2025-07-24T02:05:00Z")
    return render_html(audits() if items is None else items, **options)


def nightly(items=None, *, changes=CHANGES, history=HISTORY, title="Auditoría nocturna") -> str:
    """The nightly summary page over `items` (audits), each row linking to its page."""
    rows = [{**report_row(a.to_dict()), "title": a.title, "page": f"auditoria-x/{n:04d}.html",
             "new": 0} for n, a in enumerate(audits() if items is None else items, 1)]
    news = {"previous_run": "2025-07-23T02:00:00Z", "baseline": False, "reports": [],
            "broken": {}, "errors": [], "unreadable": []}
    night = {"note": "", "news": news, "rows": rows, "totals": {}, "changes": changes,
             "history": history}
    return render_nightly_summary(night, title=title, generated_at="2025-07-24T02:05:00Z")


def body_rows(document: Node, table: str) -> list[Node]:
    [body] = document.by_id(table).all("tbody")
    return body.all("tr")


def cells(row: Node) -> list[str]:
    return [cell.text() for cell in row.all("td")]


@pytest.mark.parametrize("render", [page, nightly])
def test_page_is_well_formed_spanish_and_fits_a_phone_and_paper(render):
    document = parse(render())
    [html] = document.all("html")
    assert html.attrs["lang"] == "es"
    metas = {m.attrs.get("name"): m.attrs.get("content") for m in document.all("meta")}
    assert "width=device-width" in metas["viewport"]
    [style] = document.all("style")
    assert "@media print" in style.text()
    assert {t.attrs["id"] for t in document.all("table")} in ({"cobertura", "hallazgos"},
                                                              {"informes", "totales", "cambios"})
    assert all(t.attrs["class"] == "envoltura" for t in
               [n for n in document.walk() if any(c.tag == "table" for c in n.children
                                                  if isinstance(c, Node))])


def test_page_fetches_nothing():
    text = page()
    document = parse(text)
    assert not [n for n in document.walk() if "src" in n.attrs or n.tag in ("link", "iframe")]
    assert "@import" not in text and not re.search(r"url\((?!#)", text)
    hrefs = [a.attrs["href"] for a in document.all("a")]
    linked = {f.url for a in audits() for f in a.findings if f.url}
    assert hrefs and set(hrefs) == linked
    for link in document.all("a"):
        assert link.attrs["rel"] == "noopener noreferrer" and link.attrs["target"] == "_blank"
    [policy] = [m for m in document.all("meta") if m.attrs.get("http-equiv")]
    assert "default-src 'none'" in policy.attrs["content"]


def hostile_audits():
    items = audits()
    first = items[0]
    first.source = '<img src=x onerror="alert(1)">.txt'
    first.title = "<script>alert(1)</script>"
    first.institution = '<b onmouseover="alert(1)">CNE</b>'
    first.coverage[0].phase = '"><script>alert(2)</script>'
    first.findings[0].url = "javascript:alert(1)"
    first.findings[1].url = 'https://x.com/a" onmouseover="alert(1)'
    first.findings.append(Finding("invalid_link", "warning", None, None,
                                  "JAVASCRIPT:alert(3)", 3, "<iframe src=javascript:alert(4)>"))
    return items


@pytest.mark.parametrize("render", [page, nightly])
def test_report_text_is_escaped_and_never_runs(render):
    changes = [{**CHANGES[0], "url": "javascript:alert(5)", "sources": ["<script>x</script>"]}]
    history = [{**HISTORY[0], "platform": "<svg onload=alert(6)>", "run": "<script>"}]
    title = "</title><script>alert(7)</script>"
    text = (page(hostile_audits(), title=title) if render is page else
            nightly(hostile_audits(), changes=changes, history=history, title=title))
    document = parse(text)
    assert len(document.all("script")) == 1 and "alert" not in document.all("script")[0].text()
    assert not [n.tag for n in document.walk() if n.tag in ("img", "iframe", "b")]
    assert not [(n.tag, a) for n in document.walk() for a in n.attrs if a.startswith("on")]
    assert all(a.attrs["href"].startswith(("https://", "auditoria-x/"))
               for a in document.all("a"))
    shown = document.text()
    words = ["<script>alert(1)</script>", '<b onmouseover="alert(1)">CNE</b>', title]
    words += (["javascript:alert(1)", "JAVASCRIPT:alert(3)", "<iframe src=javascript:alert(4)>"]
              if render is page else ["javascript:alert(5)", "<img src=x onerror"])
    for text in words:
        assert text in shown  # shown as text, never as markup


def test_rows_carry_the_data_attributes_the_filters_use():
    document = parse(page())
    coverage = body_rows(document, "cobertura")
    assert [(r.attrs["data-report"], r.attrs["data-platform"]) for r in coverage] == [
        (a.source, row.platform) for a in audits() for row in a.coverage]
    found = [r for r in body_rows(document, "hallazgos") if "fila-hallazgo" in r.attrs["class"]]
    assert [(r.attrs["data-report"], r.attrs["data-platform"], r.attrs["data-severity"])
            for r in found] == [(a.source, f.platform, f.severity)
                                for a in audits() for f in a.findings]
    options = {s.attrs["id"]: [o.attrs["value"] for o in s.all("option")]
               for s in document.all("select")}
    assert options == {"filtro-informe": ["", *(a.source for a in audits())],
                       "filtro-plataforma": ["", "facebook", "instagram", "web", "x",
                                             "youtube"],
                       "filtro-gravedad": ["", "error", "warning", "info"]}
    assert all("ordenable" in t.attrs["class"] for t in document.all("table"))


def test_coverage_cells_hold_the_numbers_and_mark_broken_and_unverified():
    rows = body_rows(parse(page()), "cobertura")
    assert cells(rows[0]) == ["informes/santa-elena.txt", "A", "X", "5", "4", "3", "1", "0"]
    assert cells(rows[2])[2:4] == ["YouTube", "—"]
    assert cells(rows[3])[1] == "(sin fase)"
    broken, unverified = rows[0].all("td")[6], rows[1].all("td")[7]
    assert "rotos" in broken.attrs["class"] and "sin-verificar" in unverified.attrs["class"]
    assert "rotos" not in rows[2].all("td")[6].attrs["class"]


def test_findings_show_severity_in_words_not_colour_alone():
    rows = body_rows(parse(page(detail=True)), "hallazgos")
    assert [cells(r)[1] for r in rows] == ["✗ error", "✗ error", "i información",
                                          "i información", "! advertencia"]
    assert cells(rows[1])[2:] == ["44", "A", "X", "Enlace roto: eliminado por su autor",
                                  DELETED_TWEET]


def test_every_report_has_its_verdict_marked_in_words_and_symbol():
    verdicts = [n for n in parse(page()).by_id("veredictos").walk()
                if "veredicto" in n.attrs.get("class", "")]
    assert [v.attrs["class"].split()[1] for v in verdicts] == ["revisar", "reservas", "ok"]
    texts = [v.text() for v in verdicts]
    assert texts[0].startswith("✗") and "Revisar antes de firmar: 2 errores" in texts[0]
    assert texts[1].startswith("?") and "1 enlace sin verificar" in texts[1]
    assert texts[2].startswith("✓") and "Listo para firmar" in texts[2]
    assert "Informe de difusión" in texts[0]


def test_changes_link_the_post_and_say_the_statuses_in_spanish():
    document = parse(nightly())
    [row] = body_rows(document, "cambios")
    assert {DELETED_TWEET, "vivo", "roto"} <= set(cells(row))
    assert "informes/santa-elena.txt" in cells(row)
    assert row.all("a")[0].attrs["href"] == DELETED_TWEET
    assert "Cambios desde la ejecución anterior" in document.text()


def bars(figure: Node) -> dict[float, float]:
    """Height of each run's stack, by the bar's x (pattern overlays left out)."""
    heights: dict[float, float] = {}
    for rect in figure.all("rect"):
        if "stroke" in rect.attrs:
            x = float(rect.attrs["x"])
            heights[x] = heights.get(x, 0) + float(rect.attrs["height"])
    return heights


def test_history_chart_is_inline_svg_with_one_bar_per_run_and_patterns():
    section = parse(nightly()).by_id("historial")
    figures = {f.attrs["data-platform"]: f for f in section.all("figure")}
    assert list(figures) == ["facebook", "x"]
    assert figures["x"].all("figcaption")[0].text() == "X"
    assert list(bars(figures["x"]).values()) == [110.0, 110.0]
    titles = [t.text() for t in figures["x"].all("title")]
    assert "2025-07-24: 1 rotos" in titles and "2025-07-23: 4 vivos" in titles
    assert {t.text() for t in figures["x"].all("text")} >= {"23/07", "24/07"}
    fills = {r.attrs["fill"] for r in figures["facebook"].all("rect")}
    assert {"url(#rayas)", "url(#puntos)"} <= fills
    assert {p.attrs["id"] for p in section.all("pattern")} == {"rayas", "puntos"}


def test_a_page_without_previous_runs_has_no_changes_or_chart():
    document = parse(page())
    assert not [n for n in document.walk() if n.attrs.get("id") in ("cambios", "historial")]


def test_findings_are_grouped_and_each_report_lists_its_links_per_phase_collapsed():
    document = parse(page())
    rows = body_rows(document, "hallazgos")
    assert [cells(r)[:2] for r in rows][:2] == [["informes/santa-elena.txt", "✗ error"]] * 2
    assert all(len(cells(r)) == 7 for r in rows)  # the report, then a group per row
    first, *rest = audits()
    first.links = [{"url": DELETED_TWEET, "phase": "A", "platform": "x", "status": "broken"},
                   {"url": "https://youtu.be/eiHXASgRTcA", "phase": "D", "platform": "youtube",
                    "status": "alive", "title": "<b>Rendición</b>", "author": "@cne"}]
    text = page([first, *rest])
    assert text.count("<details><summary>") == 2  # phases A and D, collapsed
    [video] = body_rows(parse(text), "enlaces-2")
    assert cells(video)[4] == "título: <b>Rendición</b>autor: @cne"  # shown as text


def test_revisar_html_format_is_this_page():
    document = parse(render_audits(audits(), "html"))
    assert len(body_rows(document, "cobertura")) == 6


def test_summary_page_links_changes_and_marks_rows():
    document = parse(render_summary_html(summary(), generated_at="2025-07-25"))
    reports = body_rows(document, "informes")
    assert [r.attrs["data-report"] for r in reports] == ["a.txt", "b|año.txt"]
    assert cells(reports[0])[-2] == "Revisar antes de firmar"
    assert [r.attrs["data-platform"] for r in body_rows(document, "totales")] == ["x", "youtube"]
    changes = body_rows(document, "cambios")
    assert [cells(r)[1:3] for r in changes] == [["vivo", "roto"], ["roto", "vivo"]]
    assert [a.attrs["href"] for a in document.all("a")] == ["https://x.com/a/status/1",
                                                            "https://x.com/a/status/2"]
    assert not [n for n in document.walk() if "src" in n.attrs]
