"""TikTok: videos, photo posts and short links, checked keyless through TikTok's public oEmbed.

Signals trusted (https://developers.tiktok.com/doc/embed-videos, "oEmbed API": GET OEMBED with
`url=` a video's URL answers JSON with `title`, `author_name`, `author_url`, `author_unique_id`,
`html`...):
- a short link (vm., vt., /t/) is resolved first by its redirect (not followed): the video URL it
  names; one that names no video is unverified `unexpected: ...`;
- oEmbed 200 with a JSON object naming an author: alive, author (`author_unique_id`, else the
  handle of `author_url`) and title;
- anything else is unverified, with its status: TikTok documents no answer that means "removed"
  or "private" (its page only says an embed follows the video's availability on TikTok), so no
  error is taken to mean gone.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlencode, urljoin

from .answers import (
    described,
    http_verdict,
    json_of,
    not_a_post,
    result,
    shorten,
    unexpected,
    with_record,
)
from .base import ALIVE, CheckResult, Fetcher, UrlInfo
from .shapes import ShapedAdapter, shape

OEMBED = "https://www.tiktok.com/oembed?"
SHORT = re.compile(r"^https://(?:vm|vt)\.tiktok\.com/|^https://www\.tiktok\.com/t/")

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
    cases: ClassVar[dict[str, str | None]] = {
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

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        if info.post_id is None:
            return not_a_post(info)
        video = info
        if SHORT.match(info.canonical_url or ""):
            video = await self._resolved(info, fetch)
            if isinstance(video, CheckResult):
                return video
        reply = await fetch.get(OEMBED + urlencode({"url": video.canonical_url}))
        verdict = _oembed_verdict(reply, video)
        if video is not info:
            verdict.resolved_id, verdict.resolved_url = video.post_id, video.canonical_url
        return verdict

    async def _resolved(self, info: UrlInfo, fetch: Fetcher) -> UrlInfo | CheckResult:
        """The video a short link redirects to, or the verdict when it names none."""
        reply = await fetch.get(info.canonical_url, follow_redirects=False)
        target = self.parse(urljoin(reply.url, reply.headers.get("location", "")))
        if target.post_id is None or SHORT.match(target.canonical_url or ""):
            return unexpected(f"short link leads to no video: HTTP {reply.status_code}", reply)
        return target


def _oembed_verdict(reply, video: UrlInfo) -> CheckResult:
    embed = json_of(reply)
    if reply.status_code != 200:
        verdict = http_verdict(reply, "TikTok oEmbed")
    elif isinstance(embed, dict) and (embed.get("author_unique_id") or embed.get("author_url")):
        handle = re.search(r"/@([\w.-]+)", embed.get("author_url") or "")
        alive = result(ALIVE, None, reply, final_url=video.canonical_url,
                       author=embed.get("author_unique_id") or (handle and handle.group(1)),
                       title=shorten(embed.get("title")))
        return with_record(alive, embed, text=embed.get("title"))
    else:
        verdict = unexpected(f"TikTok oEmbed: {described(reply)}", reply)
    verdict.final_url = video.canonical_url
    return verdict


ADAPTER = TikTokAdapter()
