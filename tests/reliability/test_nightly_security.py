"""Security through the nightly path: links to our own machine or network are refused before
any request (a redirect to one too), and report text reaches the page as text, never markup."""

from __future__ import annotations

import pytest

from .nightly_common import FIRST_X_ID, rows, run_nightly

pytestmark = pytest.mark.lento

INJECTED = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"


def private_links(port: int) -> list[str]:
    return [
        "http://127.0.0.1/admin",
        f"http://127.0.0.1:{port}/www.ejemplo.gob.ec/pagina",  # the local server itself
        "http://10.0.0.5/interno",
        "https://10.20.30.40:8443/panel",
        "http://172.16.0.1/",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/",
        f"http://localhost:{port}/www.ejemplo.gob.ec/pagina",
        "http://2130706433/",  # 127.0.0.1 as one number
        "http://0x7f.0.0.1/",
        "http://127.1/",
    ]


# the reader does not take a bracketed IPv6 host for a link: never requested, but not listed
IPV6_LITERALS = ["http://[::1]/", "http://[::1]:{port}/", "http://[::ffff:127.0.0.1]/"]


def test_links_to_private_addresses_are_refused_with_no_request_even_after_a_redirect(
        plataformas, tmp_path, cifras):
    refused = private_links(plataformas.port)
    redirected = "https://www.seguro.gob.ec/redir-privada"  # answers 302 to http://10.0.0.1/
    folder = tmp_path / "carpeta"
    folder.mkdir()
    literals = [url.format(port=plataformas.port) for url in IPV6_LITERALS]
    (folder / "ssrf.txt").write_text("\n".join(["Informe", "", "A. Difusión", "", *refused,
                                                *literals, redirected]) + "\n", encoding="utf-8")
    run = run_nightly(plataformas, folder, tmp_path / "c.db", tmp_path / "out")
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    found = {url: (status, reason) for url, status, reason in rows(
        tmp_path / "c.db", "SELECT url, status, reason FROM latest_checks")}
    assert set(refused) <= found.keys()
    assert all(found[url][0] == "refused" for url in refused), found
    assert all(found.get(url, ("refused",))[0] == "refused" for url in literals)
    assert found[redirected][0] == "refused" and "10.0.0.1" in found[redirected][1]
    assert plataformas.requests == [("HEAD", "www.seguro.gob.ec", "/redir-privada")]
    cifras["seguridad"] = (f"{len(refused) + len(literals) + 1} enlaces a direcciones privadas "
                           "o locales, ninguno pedido; una sola petición (la redirección pública)")


def write_report(path, title: str) -> None:
    path.write_text("\n".join([
        title, "", f"Institución: {INJECTED}", "", "Fecha del evento: 3 de julio de 2025", "",
        f"A. Difusión {INJECTED}", "", "X (antes Twitter): 3 publicaciones.", "",
        f"https://x.com/CNE_StaElena/status/{FIRST_X_ID}",
        "https://www.ejemplo.gob.ec/buscar?q=\"><script>alert(2)</script>", ""]),
        encoding="utf-8")


def test_report_text_reaches_the_nightly_page_as_text_not_markup(tmp_path):
    folder, plain = tmp_path / "hostil", tmp_path / "sencillo"
    folder.mkdir()
    plain.mkdir()
    write_report(folder / f"{INJECTED.replace('/', '')}.txt", f"Informe {INJECTED}")
    write_report(plain / "informe.txt", "Informe")
    for where in (folder, plain):
        run = run_nightly(None, where, tmp_path / f"{where.name}.db", tmp_path / where.name / "out",
                          "--sin-red")
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    hostile = (folder / "out" / "ultimo.html").read_text(encoding="utf-8")
    benign = (plain / "out" / "ultimo.html").read_text(encoding="utf-8")
    assert "Informe &lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in hostile
    for markup in ("<script>document", "<script>alert", "<img src=x", "</script><img"):
        assert markup not in hostile
    assert hostile.lower().count("<script") == benign.lower().count("<script")
    assert hostile.lower().count("<img") == benign.lower().count("<img")
