"""TikTok: videos and short links are recognised; there is no keyless check yet.

Signals trusted: none. Its links are unverified `no_adapter` without any request: a login page
answering 200 is not evidence that a post exists.
"""

from __future__ import annotations

import re

from .shapes import ShapedAdapter, shape

_HOST = r"^(?:www\.|m\.)?tiktok\.com"


class TikTokAdapter(ShapedAdapter):
    name = "tiktok"
    hosts = ("tiktok.com",)
    labels = ("tiktok", "tik tok")
    units = ("tiktoks",)
    home = "www.tiktok.com"
    folded = re.compile(r"(?:www\.|m\.)?tiktok\.com")
    tracking = re.compile(r"is_from_webapp|sender_device|web_id|_r|_t|lang|utm_\w*|fbclid",
                          re.IGNORECASE)
    shapes = (
        shape(_HOST + r"/@(?P<account>[\w.-]+)/(?P<kind>video|photo)/(?P<id>\d+)(?=[/?])",
              "https://www.tiktok.com/@{account}/{kind}/{id}"),
        shape(_HOST + r"/v/(?P<id>\d+)(?:\.html)?(?=[/?])"),
        shape(r"^(?P<short>vm|vt)\.tiktok\.com/(?P<id>\w+)(?=[/?])",
              "https://{short}.tiktok.com/{id}/"),
        shape(_HOST + r"/t/(?P<id>\w+)(?=[/?])", "https://www.tiktok.com/t/{id}/"),
        shape(_HOST + r"/@(?P<account>[\w.-]+)/?\?", "https://www.tiktok.com/@{account}"),
    )
    cases = {
        "https://www.tiktok.com/@cne_ecuador/video/7234567890123456789": "7234567890123456789",
        "https://www.tiktok.com/@cne_ecuador/video/7234567890123456789?is_from_webapp=1&lang=es":
            "7234567890123456789",
        "https://www.tiktok.com/@cne_ecuador/photo/7234567890123456789": "7234567890123456789",
        "https://m.tiktok.com/v/7234567890123456789.html": "7234567890123456789",
        "https://vm.tiktok.com/ZMabc123/": "ZMabc123",
        "https://vt.tiktok.com/ZSxyz789/": "ZSxyz789",
        "https://www.tiktok.com/t/ZT8abcDEF/": "ZT8abcDEF",
        "https://www.tiktok.com/@cne_ecuador": None,
        "https://www.tiktok.com/": None,
    }


ADAPTER = TikTokAdapter()
