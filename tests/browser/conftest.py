"""The nightly page as a user gets it (the real `auditor nocturno` through the local platforms),
and a real Chromium to open it. Skips, with the reason, where Playwright or Chromium is missing."""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Debian's chromium, never a download; nothing in the background may open a connection
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artefactos"

DELETED = "1940055112992317884"
FACEBOOK_SHARE = "https://www.facebook.com/share/p/1FFHYCBvYd/"
INJECTED_NAME = "<img src=x onerror=window.__pwned=1>.txt"
INJECTED_TITLE = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'

REPORTS = {
    "roto.txt": [
        "INFORME DE DIFUSIÓN DE LA RENDICIÓN DE CUENTAS 2024", "",
        "Fecha del evento: Jueves, 3 de julio de 2025", "", "A. Difusión", "",
        "X (antes Twitter): 3 publicaciones.", "",
        "https://x.com/CNE_StaElena/status/1935399367130657167",
        f"https://x.com/CNE_StaElena/status/{DELETED}",
        "https://x.com/CNE_StaElena/status/1937898468837892547"],
    "facebook.txt": [
        "INFORME DE DIFUSIÓN EN FACEBOOK", "",
        "Fecha del evento: Jueves, 3 de julio de 2025", "", "A. Difusión", "",
        "Facebook: 1 publicación.", "", FACEBOOK_SHARE],
    "limpio.txt": [
        "INFORME DE DIFUSIÓN SIN NOVEDADES", "",
        "Fecha del evento: Jueves, 3 de julio de 2025", "", "A. Difusión", "",
        "X (antes Twitter): 2 publicaciones.", "",
        "https://x.com/CNE_StaElena/status/1937978378654507295",
        "https://x.com/CNE_StaElena/status/1939035549039571319", "",
        "YouTube: 1 publicación.", "", "https://www.youtube.com/watch?v=eiHXASgRTcA"],
    INJECTED_NAME: [
        f"INFORME {INJECTED_TITLE}",
        'Delegación Provincial Electoral de <b onmouseover="window.__pwned=1">Santa Elena</b>', "",
        "Fecha del evento: Jueves, 3 de julio de 2025", "", "A. Difusión", "",
        "X (antes Twitter): 2 publicaciones. javascript:alert(1)", "",
        "https://x.com/CNE_StaElena/status/1940175043050221870",
        "https://ejemplo.org/gone?x='onmouseover='window.__pwned=1'",
        "javascript:alert(1)", "[enlace](javascript:alert(1))",
        '<a href="javascript:alert(1)">clic</a>'],
}


@dataclass
class Nightly:
    out: Path
    data: dict

    @property
    def url(self) -> str:
        return (self.out / "ultimo.html").as_uri()

    def source(self, name: str) -> str:
        return next(r["source"] for r in self.data["reports"] if Path(r["source"]).name == name)

    def page_of(self, name: str) -> str:
        """The address of a report's page: the one the summary page lists it in, by order."""
        latest = (self.out / "ultimo.html").read_bytes()
        [run] = [p for p in self.out.glob("auditoria-*")
                 if p.is_dir() and (self.out / f"{p.name}.html").read_bytes() == latest]
        sources = [r["source"] for r in self.data["reports"]]
        index = sources.index(self.source(name)) + 1
        [page] = run.glob(f"{index:04d}-*.html")
        return page.as_uri()


def run_nightly(server, folder: Path, db: Path, out: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "nocturno", str(folder), "--db", str(db),
         "--salida-dir", str(out), "--remap", server.remap, "--reintentos", "1", "--refrescar"],
        capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr


@pytest.fixture(scope="session")
def nocturno(servidor_sesion, tmp_path_factory) -> Nightly:
    """Two nights over the same folder: all alive, then one tweet deleted (a change, two runs
    in the chart). The page under test is the second night's ultimo.html."""
    base = tmp_path_factory.mktemp("nocturno")
    folder = base / "informes"
    folder.mkdir()
    for name, lines in REPORTS.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    db, out = base / "cosecha.db", base / "publicado"
    servidor_sesion.reset()
    run_nightly(servidor_sesion, folder, db, out)
    servidor_sesion.x(DELETED, "deleted")
    run_nightly(servidor_sesion, folder, db, out)
    servidor_sesion.reset()
    return Nightly(out, json.loads((out / "ultimo.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")  # Playwright's loop runs while it is open: not beside others
def navegador():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="falta Playwright: pip install -e '.[navegador]'")
    if not CHROMIUM.exists():
        pytest.skip(f"falta Chromium en {CHROMIUM}: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@dataclass
class OpenPage:
    page: object
    requests: list[str]
    blocked: list[str]


def open_page(browser, url: str, **context_options) -> OpenPage:
    """The page with every request recorded; anything but a file:// URL is aborted, so a
    faulty page is caught without reaching the network."""
    context = browser.new_context(**context_options)
    opened = OpenPage(context.new_page(), [], [])
    opened.page.on("request", lambda request: opened.requests.append(request.url))

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            opened.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    opened.page.goto(url)
    return opened


@pytest.fixture
def pagina(navegador, nocturno):
    opened = open_page(navegador, nocturno.url, viewport={"width": 1280, "height": 800})
    yield opened.page
    opened.page.context.close()


@pytest.fixture
def informe(navegador, nocturno):
    """Open one report's page (by its file name) at a desktop's size; closed after the test."""
    contexts = []

    def open_report(name: str):
        opened = open_page(navegador, nocturno.page_of(name),
                           viewport={"width": 1280, "height": 800})
        contexts.append(opened.page.context)
        return opened.page

    yield open_report
    for context in contexts:
        context.close()


@pytest.fixture
def abrir(navegador, nocturno):
    """Open the summary page, or a report's (`url`), with other context options (a phone
    viewport); closed after the test."""
    contexts = []

    def open_with(url: str | None = None, **options) -> OpenPage:
        opened = open_page(navegador, url or nocturno.url, **options)
        contexts.append(opened.page.context)
        return opened

    yield open_with
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artefactos() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
