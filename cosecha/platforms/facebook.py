"""Facebook: posts, videos, reels, photos and the share links that redirect to them.

There is no keyless record endpoint: the post's own public page is the only source. Signals
trusted (when Facebook changes its answers, change this header and the tables below):
- the redirect chain: the first hop that is a post URL (or the `next=` of a login redirect)
  names the post a share link resolves to;
- a final URL on LOGIN_PATH: unverified login_wall (the usual answer to robots);
- UNAVAILABLE texts in the page: broken unavailable (Facebook says it is gone or not public);
- `og:title` with an `og:url` naming a post: alive; author from the post URL's page name; date:
  the post's own, never the first on the page (a post page also shows newer posts of the same
  page): the one timestamp (TIMESTAMP_KEYS) the page's JSON ties to the post's id, the nearest
  enclosing object that names a post (OWNER_KEYS) naming this one; else `article:published_time`;
  else none (a missing date is honest, a wrong one makes false findings);
- LOGIN_MARKERS (a login form, the "update your browser" interstitial): unverified login_wall.
Any other page is unverified `unexpected: ...` naming what was seen.

With the institution's token, Graph oEmbed (graph.py) decides instead: `oembed_video` for
videos, reels and watch links (VIDEO_PATHS), `oembed_post` for the rest, asked about the
canonical post, a share link resolved first as above (when it cannot be, its page decides).
"""

from __future__ import annotations

import json
import re
from typing import ClassVar
from urllib.parse import parse_qs, urlencode, urlsplit

from . import graph
from .answers import (
    Page,
    described,
    http_verdict,
    iso_utc,
    not_a_post,
    result,
    unexpected,
    with_record,
)
from .base import ALIVE, BROKEN, UNVERIFIED, CheckResult, Fetcher, Keys, Reply, UrlInfo
from .shapes import Groups, ShapedAdapter, shape

LOGIN_PATH = re.compile(r"/(?:login|checkpoint)\b")
UNAVAILABLE = ("this content isn't available", "este contenido no está disponible",
               "this page isn't available", "esta página no está disponible")
LOGIN_MARKERS = ('id="login_form"', 'id="loginbutton"', "you must log in to continue",
                 "debes iniciar sesión para continuar", "/unsupportedbrowser")
TIMESTAMP_KEYS = ("publish_time", "creation_time")  # the first one found for the post wins
VIDEO_PATHS = re.compile(r"/(?:videos|reel|watch)/")
OWNER_KEYS = frozenset({"post_id", "story_fbid", "top_level_post_id", "video_id", "url",
                        "permalink_url", "wwwURL"})
RECORD_META = ("og:", "article:")  # the meta tags a record keeps, beside the post's own block

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
    cases: ClassVar[dict[str, str | None]] = {
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

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        if info.post_id is None:
            return not_a_post(info)
        reply = await fetch.get(info.canonical_url)
        resolved = self._resolved(info, [*reply.history, reply.url])
        verdict = self._read_page(reply, resolved or info)
        if resolved is not None:
            verdict.resolved_id, verdict.resolved_url = resolved.post_id, resolved.canonical_url
        return verdict

    def batch_size(self, keys: Keys) -> int:
        return graph.batch_size(keys)

    async def check_keyed(self, infos: list[UrlInfo], fetch: Fetcher,
                          keys: Keys) -> dict[str, CheckResult]:
        [info] = infos
        post = info
        if _is_share(info):
            reply = await fetch.get(info.canonical_url)
            post = self._resolved(info, [*reply.history, reply.url])
            if post is None:
                return {info.post_id: self._read_page(reply, info)}
        endpoint = "oembed_video" if VIDEO_PATHS.search(post.canonical_url) else "oembed_post"
        verdict = await graph.oembed(fetch, keys, endpoint, post.canonical_url)
        if verdict is None:
            return {}
        if post is not info:
            verdict.resolved_id, verdict.resolved_url = post.post_id, post.canonical_url
        return {info.post_id: verdict}

    def _resolved(self, info: UrlInfo, chain: list[str]) -> UrlInfo | None:
        """The first post in the redirect chain other than the one asked for."""
        for url in chain:
            target = _login_target(url) or url
            if self.claims_host(urlsplit(target).hostname or ""):
                found = self.parse(target)
                if found.post_id and found.post_id != info.post_id and not _is_share(found):
                    return found
        return None

    def _read_page(self, reply: Reply, post: UrlInfo) -> CheckResult:
        if LOGIN_PATH.match(urlsplit(reply.url).path):
            return result(UNVERIFIED, "login_wall", reply)
        html = reply.text()
        page = Page(html)
        shown = self._shown(page)
        if reply.status_code == 200 and page.meta("og:title") and shown is not None:
            ids = {post.post_id, shown.post_id}
            alive = result(ALIVE, None, reply, title=page.meta("og:title"),
                           author=post.account or shown.account, published_at=_published(page, ids))
            kept = {"meta": page.metas(RECORD_META), "post": _own_block(page, ids)}
            return with_record(alive, kept, text=page.meta("og:description"))
        text = html.lower().replace("\u2019", "'")
        if any(phrase in text for phrase in UNAVAILABLE):
            return result(BROKEN, "unavailable", reply)
        if reply.status_code != 200:
            return http_verdict(reply, "page")
        if any(marker in text for marker in LOGIN_MARKERS):
            return result(UNVERIFIED, "login_wall", reply)
        return unexpected(f"page with no post and no known wall: {described(reply)}", reply)

    def _shown(self, page: Page) -> UrlInfo | None:
        """The post the page's og:url names, if it names one."""
        og_url = page.meta("og:url")
        if not og_url or not self.claims_host(urlsplit(og_url).hostname or ""):
            return None
        shown = self.parse(og_url)
        return shown if shown.post_id else None


def _login_target(url: str) -> str | None:
    parts = urlsplit(url)
    if not LOGIN_PATH.match(parts.path):
        return None
    return (parse_qs(parts.query).get("next") or [None])[0]


def _is_share(info: UrlInfo) -> bool:
    return (info.canonical_url or "").startswith(("https://www.facebook.com/share/",
                                                  "https://fb.watch/"))


def _published(page: Page, ids: set[str | None]) -> str | None:
    times = {key: set() for key in TIMESTAMP_KEYS}
    for data in _page_data(page):
        for node, _ in _owned(data, {i for i in ids if i}):
            for key in TIMESTAMP_KEYS:
                if isinstance(node.get(key), int) and not isinstance(node[key], bool):
                    times[key].add(node[key])
    for key in TIMESTAMP_KEYS:
        if len(times[key]) == 1:
            return iso_utc(times[key].pop())
        if times[key]:  # the post's id tied to several moments: unsure
            break
    return iso_utc(page.meta("article:published_time"))


def _page_data(page: Page):
    """The JSON objects the page's scripts hold whole."""
    for node in page.tree.css("script"):
        text = node.text().strip()
        if text.startswith("{"):
            try:
                yield json.loads(text)
            except ValueError:
                continue


def _own_block(page: Page, ids: set[str | None]) -> dict | None:
    """The outermost object of the page's JSON that names the post: the post's own block."""
    for data in _page_data(page):
        for node, names in _owned(data, {i for i in ids if i}):
            if names:
                return node
    return None


def _owned(data, ids: set[str]):
    """(object, whether it names the post itself) for each object whose nearest enclosing object
    naming a post (itself included) names one of `ids`, outer ones first. Walked without
    recursion: a page's JSON may nest deeply."""
    stack = [(data, False)]
    while stack:
        node, owned = stack.pop()
        if isinstance(node, list):
            stack.extend((item, owned) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        named = [str(v) for k, v in node.items() if k in OWNER_KEYS and isinstance(v, str | int)]
        if named:
            owned = any(_names(value, post_id) for value in named for post_id in ids)
        if owned:
            yield node, bool(named)
        stack.extend((v, owned) for v in node.values() if isinstance(v, dict | list))


def _names(value: str, post_id: str) -> bool:
    """Whether an id or a URL names this post."""
    return value == post_id or re.search(
        rf"[/=]{re.escape(post_id)}(?:[/?&#]|$)", value) is not None


ADAPTER = FacebookAdapter()
