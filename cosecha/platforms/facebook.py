"""Facebook: posts, videos, reels, photos and the share links that redirect to them."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from .shapes import Groups, ShapedAdapter, shape

_HOST = r"^(?:[\w-]+\.)*(?:facebook|fb)\.com"
_PAGE = r"/(?P<account>[\w.-]+)"
_POST_ID = r"(?P<id>pfbid\w+|\d+)"
_END = r"(?=[/?&]|$)"
_RESERVED = (r"(?!(?:share|sharer|watch|groups|events|reels?|photos?|login|help|pages|profile"
             r"|permalink|story|marketplace|gaming|hashtag|search|home|video)\b)")


def _story(groups: Groups) -> str:
    query = {"story_fbid": groups["id"], "id": groups["account"]}
    return (f"https://www.facebook.com/{groups['script']}.php?"
            + urlencode({k: v for k, v in query.items() if v}))


class FacebookAdapter(ShapedAdapter):
    name = "facebook"
    hosts = ("facebook.com", "fb.com", "fb.watch")
    labels = ("facebook", "facebook live", "fb", "página de facebook", "pagina de facebook",
              "fan page", "fanpage")
    home = "www.facebook.com"
    folded = re.compile(r"(?:[\w-]+\.)*(?:facebook|fb)\.com")
    # Facebook URLs carry many tracking parameters (fbclid, mibextid, rdid, share_url,
    # __cft__[0], __tn__, ...): keep only those that name content
    tracking = re.compile(r"(?!(?:v|story_fbid|id|fbid|set)$).*")
    shapes = (
        shape(_HOST + r"/share/(?P<kind>[pvr])/(?P<id>[\w-]+)" + _END,
              "https://www.facebook.com/share/{kind}/{id}/"),
        shape(_HOST + r"/share/(?P<id>[\w-]+)" + _END, "https://www.facebook.com/share/{id}/"),
        shape(r"^(?:www\.)?fb\.watch/(?P<id>[\w-]+)" + _END, "https://fb.watch/{id}/"),
        shape(_HOST + r"/groups/(?P<account>[\w.-]+)/(?:posts|permalink)/" + _POST_ID + _END,
              "https://www.facebook.com/groups/{account}/posts/{id}"),
        shape(_HOST + _PAGE + "/posts/" + _POST_ID + _END,
              "https://www.facebook.com/{account}/posts/{id}"),
        shape(_HOST + _PAGE + r"/videos/(?:[^/?]+/)?(?P<id>\d+)" + _END,
              "https://www.facebook.com/{account}/videos/{id}"),
        shape(_HOST + r"/(?:watch(?:/live)?/?|video\.php)\?(?:.*&)?v=(?P<id>\d+)" + _END,
              "https://www.facebook.com/watch/?v={id}"),
        shape(_HOST + r"/reels?/(?P<id>\d+)" + _END, "https://www.facebook.com/reel/{id}"),
        shape(_HOST + r"/(?P<script>permalink|story)\.php\?"
              r"(?=(?:.*&)?story_fbid=" + _POST_ID + _END + ")"
              r"(?:(?=(?:.*&)?id=(?P<account>\d+)))?", _story),
        shape(_HOST + r"/photo(?:\.php|/)?\?(?:.*&)?fbid=(?P<id>\d+)" + _END,
              "https://www.facebook.com/photo.php?fbid={id}"),
        shape(_HOST + _PAGE + r"/photos/(?:[^/?]+/)?(?P<id>\d+)" + _END),
        shape(_HOST + r"/profile\.php\?(?:.*&)?id=(?P<account>\d+)" + _END),
        shape(_HOST + "/" + _RESERVED + r"(?P<account>[\w.-]+)/?\?"),
    )
    cases = {
        "https://www.facebook.com/share/p/1AbCdEfGhI/": "1AbCdEfGhI",
        "https://www.facebook.com/share/v/15XyZ9aBcD/?mibextid=rS40aB7S9Ucbxw6v": "15XyZ9aBcD",
        "https://m.facebook.com/share/r/1Qw2Er3Ty4/": "1Qw2Er3Ty4",
        "https://www.facebook.com/share/1Gx7Hy8Jz9/": "1Gx7Hy8Jz9",
        "https://fb.watch/rSt_UvW-1x/": "rSt_UvW-1x",
        "https://www.facebook.com/rubyonrailstogo/posts/3610333842332884": "3610333842332884",
        "https://web.facebook.com/CNEEcuador/posts/pfbid02aBcDeFgHiJkLmN1?rdid=xyz&share_url=a":
            "pfbid02aBcDeFgHiJkLmN1",
        "https://www.facebook.com/381763475170840/videos/474308113397163/": "474308113397163",
        "https://www.facebook.com/afcajax/videos/mooie-titel/1686831701364171/": "1686831701364171",
        "https://www.facebook.com/watch/?v=474308113397163&ref=sharing": "474308113397163",
        "https://www.facebook.com/watch/live/?ref=watch_permalink&v=474308113397163":
            "474308113397163",
        "https://www.facebook.com/reel/1234567890123456?fbclid=IwAR0abc": "1234567890123456",
        "https://www.facebook.com/permalink.php?story_fbid=123456789&id=100064": "123456789",
        "https://mbasic.facebook.com/story.php?id=100064&story_fbid=pfbid0XyZ&__tn__=%2CO":
            "pfbid0XyZ",
        "https://www.facebook.com/photo.php?fbid=987654321&set=a.123&type=3": "987654321",
        "https://www.facebook.com/photo/?fbid=987654321&set=a.123": "987654321",
        "https://FB.com/CNEEcuador/posts/3610333842332884/": "3610333842332884",
        "http://facebook.com/groups/123456/permalink/789012345/": "789012345",
        "https://www.facebook.com/CNEEcuador/photos/a.12345/67890/": "67890",
        "https://www.facebook.com/CNEEcuador": None,
        "https://www.facebook.com/profile.php?id=100064": None,
        "https://www.facebook.com/": None,
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fcne.gob.ec": None,
    }


ADAPTER = FacebookAdapter()
