"""Any other web page: the fallback adapter, claiming every URL no platform claims."""

from __future__ import annotations

from .shapes import ShapedAdapter


class WebAdapter(ShapedAdapter):
    name = "web"
    fallback = True
    labels = ("página web", "pagina web", "sitio web", "web", "portal web", "sitio web oficial",
              "página web institucional", "pagina web institucional")
    cases = {
        "https://www.cne.gob.ec/wp-content/uploads/2022/informe.pdf": None,
        "https://www.cne.gob.ec/noticia?id=5&utm_source=facebook&fbclid=IwAR0x#comentarios": None,
        "http://cne.gob.ec": None,
        "https://example.org/x.com/user/status/1580661436132757506": None,
        "https://notyoutube.com/watch?v=eiHXASgRTcA": None,
        "https://linkedin.com/company/cne": None,
        "https://xfacebook.com/CNEEcuador/posts/1": None,
        "https://t.com/abc": None,
    }


ADAPTER = WebAdapter()
