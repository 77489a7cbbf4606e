"""Any other web page: the fallback adapter, claiming every URL no platform claims.

Signals trusted (plain HTTP): HEAD first, so a PDF is never downloaded; GET when HEAD is not
answered with 2xx (servers refuse or mishandle HEAD) or to read an HTML page's <title>.
STATUSES maps what the final answer's status says; a `cf-mitigated` header (a Cloudflare bot
challenge) is unverified blocked whatever the status. Any status not listed is unverified
`unexpected: ...` with the status.
"""

from __future__ import annotations

from typing import ClassVar

from .answers import Page, http_verdict, looks_like_html, result
from .base import ALIVE, BROKEN, UNVERIFIED, CheckResult, Fetcher, Reply, UrlInfo
from .shapes import ShapedAdapter

STATUSES = {404: (BROKEN, "not_found"), 410: (BROKEN, "not_found")}
HEAD_IS_FINAL = (429,)  # a rate limit on HEAD would only be repeated by GET


class WebAdapter(ShapedAdapter):
    name = "web"
    fallback = True
    labels = ("página web", "pagina web", "sitio web", "web", "portal web", "sitio web oficial",
              "página web institucional", "pagina web institucional")
    cases: ClassVar[dict[str, str | None]] = {
        "https://www.cne.gob.ec/wp-content/uploads/2022/informe.pdf": None,
        "https://www.cne.gob.ec/noticia?id=5&utm_source=facebook&fbclid=IwAR0x#comentarios": None,
        "http://cne.gob.ec": None,
        "https://example.org/x.com/user/status/1580661436132757506": None,
        "https://notyoutube.com/watch?v=eiHXASgRTcA": None,
        "https://linkedin.com/company/cne": None,
        "https://xfacebook.com/CNEEcuador/posts/1": None,
        "https://t.com/abc": None,
    }

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        url = info.canonical_url or ""
        reply = await fetch.get(url, method="HEAD")
        ok = 200 <= reply.status_code < 300
        if (ok and looks_like_html(reply)) or not (ok or reply.status_code in HEAD_IS_FINAL):
            reply = await fetch.get(url)
        return _verdict(reply)


def _verdict(reply: Reply) -> CheckResult:
    if "cf-mitigated" in reply.headers:
        return result(UNVERIFIED, "blocked", reply)
    if 200 <= reply.status_code < 300:
        title = Page(reply.text()).title() if reply.body and looks_like_html(reply) else None
        return result(ALIVE, None, reply, title=title)
    if reply.status_code in STATUSES:
        status, reason = STATUSES[reply.status_code]
        return result(status, reason, reply)
    return http_verdict(reply, "server")


ADAPTER = WebAdapter()
