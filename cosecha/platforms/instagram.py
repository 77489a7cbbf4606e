"""Instagram: posts, reels and IGTV are recognised; checked only with the institution's token.

Without a token its links are unverified `no_adapter` without any request: a login page
answering 200 is not evidence that a post exists. With one, Graph's `instagram_oembed` about the
canonical post decides (graph.py says which answers mean what).
"""

from __future__ import annotations

import re
from typing import ClassVar

from . import graph
from .base import CheckResult, Fetcher, Keys, UrlInfo
from .shapes import ShapedAdapter, shape

_HOST = r"^(?:[\w-]+\.)*(?:instagram\.com|instagr\.am)"
_ID = r"(?P<id>[\w-]+)(?=[/?])"
_RESERVED = r"(?!(?:explore|accounts|stories|direct|p|reels?|tv)(?=[/?]))"


class InstagramAdapter(ShapedAdapter):
    name = "instagram"
    hosts = ("instagram.com", "instagr.am")
    labels = ("instagram", "ig", "insta")
    home = "www.instagram.com"
    folded = re.compile(r"(?:[\w-]+\.)*(?:instagram\.com|instagr\.am)")
    tracking = re.compile(r"igsh|igshid|img_index|utm_\w*|fbclid", re.IGNORECASE)
    shapes = (
        shape(_HOST + r"(?:/[\w.]+)?/(?P<kind>p|tv)/" + _ID,
              "https://www.instagram.com/{kind}/{id}/"),
        shape(_HOST + r"(?:/[\w.]+)?/reels?/" + _ID, "https://www.instagram.com/reel/{id}/"),
        shape(_HOST + "/" + _RESERVED + r"(?P<account>[\w.]+)/?\?",
              "https://www.instagram.com/{account}/"),
    )
    cases: ClassVar[dict[str, str | None]] = {
        "https://www.instagram.com/p/C8aBcDeFgHi/": "C8aBcDeFgHi",
        "https://instagram.com/p/C8aBcDeFgHi/?igsh=MWx0a2xz": "C8aBcDeFgHi",
        "https://www.instagram.com/reel/C9xYz_12-ab/?utm_source=ig_web_copy_link": "C9xYz_12-ab",
        "https://www.instagram.com/reels/C9xYz_12-ab/": "C9xYz_12-ab",
        "https://www.instagram.com/tv/B1234567890/": "B1234567890",
        "https://www.instagram.com/cne_ecuador/p/C8aBcDeFgHi/": "C8aBcDeFgHi",
        "http://instagr.am/p/C8aBcDeFgHi": "C8aBcDeFgHi",
        "https://www.instagram.com/cne_ecuador/": None,
        "https://www.instagram.com/explore/tags/elecciones/": None,
    }

    def batch_size(self, keys: Keys) -> int:
        return graph.batch_size(keys)

    async def check_keyed(self, infos: list[UrlInfo], fetch: Fetcher,
                          keys: Keys) -> dict[str, CheckResult]:
        [info] = infos
        verdict = await graph.oembed(fetch, keys, "instagram_oembed", info.canonical_url)
        return {info.post_id: verdict} if verdict else {}


ADAPTER = InstagramAdapter()
