"""YouTube: videos, shorts and live streams, all canonical as watch URLs, checked keyless.

Signals trusted (when YouTube changes its answers, change this header and PLAYABILITY):
- oEmbed (OEMBED): a 200 gives title and channel; any other status is NOT a verdict (401 is
  "embedding disabled" on a live video), so the watch page always decides;
- the watch page (WATCH, sent with the consent cookie): `ytInitialPlayerResponse` ->
  `playabilityStatus.status` read through PLAYABILITY, its texts for the reason, and
  `microformat.playerMicroformatRenderer` for date and channel;
- a final URL on consent.youtube.com, or a page that is the consent page: unverified consent_wall.
A page without player data, or with an unknown status, is unverified `unexpected: ...`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from .answers import (described, http_verdict, iso_utc, json_of, not_a_post, result, shorten,
                      unexpected)
from .base import ALIVE, BROKEN, UNVERIFIED, CheckResult, Fetcher, Reply, UrlInfo, host_of
from .shapes import ShapedAdapter, shape

OEMBED = "https://www.youtube.com/oembed?"
WATCH = "https://www.youtube.com/watch?v={id}"
CONSENT_COOKIE = {"Cookie": "SOCS=CAE="}  # what open-source clients send to skip the EU wall
CONSENT_HOST = "consent.youtube.com"
PLAYER_MARK = re.compile(r"ytInitialPlayerResponse\s*=\s*")

# playabilityStatus.status -> verdict. A (status, reason) pair is final; a tuple of
# (text pattern, status, reason) rules is read against the status's texts, the first match
# winning, the last rule being the default.
PLAYABILITY: dict[str, tuple] = {
    "OK": (ALIVE, None),
    "UNPLAYABLE": (ALIVE, "restricted"),  # geo-blocked, members-only, premium: it exists
    "CONTENT_CHECK_REQUIRED": (ALIVE, "restricted"),
    "LIVE_STREAM_OFFLINE": (ALIVE, "scheduled"),
    "ERROR": (
        (r"\bterminated\b", BROKEN, "account_gone"),
        (r"\bremoved\b", BROKEN, "removed"),
        (r"\bdeleted\b", BROKEN, "deleted"),
        (r"\bprivate\b", BROKEN, "private"),
        (r"", BROKEN, "unavailable"),
    ),
    "LOGIN_REQUIRED": (
        (r"\bprivate\b", BROKEN, "private"),
        (r"\bage\b|inappropriate", ALIVE, "age_restricted"),
        (r"", UNVERIFIED, "login_wall"),  # "confirm you're not a bot"
    ),
}

_HOST = r"^(?:[\w-]+\.)*youtube(?:-nocookie)?\.com"
_ID = r"(?!videoseries)(?P<id>[\w-]{11})(?=[/?&]|$)"
_WATCH = "https://www.youtube.com/watch?v={id}"


class YouTubeAdapter(ShapedAdapter):
    name = "youtube"
    hosts = ("youtube.com", "youtu.be", "youtube-nocookie.com")
    labels = ("youtube", "youtube live", "canal de youtube", "yt")
    home = "www.youtube.com"
    folded = re.compile(r"(?:[\w-]+\.)*youtube\.com")
    tracking = re.compile(r"si|feature|pp|utm_\w*|fbclid", re.IGNORECASE)
    shapes = (
        shape(_HOST + r"/watch/?\?(?:.*&)?v=" + _ID, _WATCH),
        shape(_HOST + r"/(?:live|shorts|embed|v|e)/" + _ID, _WATCH),
        shape(r"^(?:www\.)?youtu\.be/" + _ID, _WATCH),
    )
    cases = {
        "https://www.youtube.com/watch?v=eiHXASgRTcA": "eiHXASgRTcA",
        "https://youtu.be/eiHXASgRTcA": "eiHXASgRTcA",
        "https://youtu.be/eiHXASgRTcA?si=Xyz123abc&t=42": "eiHXASgRTcA",
        "https://www.youtube.com/watch?feature=share&v=eiHXASgRTcA&t=1m2s": "eiHXASgRTcA",
        "https://www.youtube.com/live/eiHXASgRTcA?si=AbCdEf": "eiHXASgRTcA",
        "https://youtube.com/shorts/tjz2u2DiveM?feature=share": "tjz2u2DiveM",
        "https://www.youtube.com/embed/eiHXASgRTcA?start=10": "eiHXASgRTcA",
        "https://www.youtube-nocookie.com/embed/eiHXASgRTcA": "eiHXASgRTcA",
        "https://www.youtube.com/v/eiHXASgRTcA": "eiHXASgRTcA",
        "https://m.youtube.com/watch?v=_PL2HJKxnOM": "_PL2HJKxnOM",
        "https://music.youtube.com/watch?v=sMJ8bRN2dak&list=RDAMVM": "sMJ8bRN2dak",
        "HTTP://WWW.YOUTUBE.COM/watch?v=rwcfPqbAx-0": "rwcfPqbAx-0",
        "https://www.youtube.com/watch/?v=eiHXASgRTcA": "eiHXASgRTcA",
        "https://www.youtube.com/embed/videoseries?list=PL4qTakKkQATKOyZPJG_cAMnRtF7fAIdST": None,
        "https://www.youtube.com/playlist?list=PL4qTakKkQATKOyZPJG_cAMnRtF7fAIdST": None,
        "https://www.youtube.com/@CNEEcuador": None,
        "https://www.youtube.com/channel/UCuZeHD5SGecQomz2pVDHGzg": None,
        "https://www.youtube.com/watch?v=tooShort": None,
    }

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        if info.post_id is None:
            return not_a_post(info)
        watch_url = WATCH.format(id=info.post_id)
        embed = await fetch.get(OEMBED + urlencode({"url": watch_url, "format": "json"}))
        facts = _oembed_facts(embed)
        page = await fetch.get(watch_url, headers=CONSENT_COOKIE)
        verdict = _watch_verdict(page)
        for name, value in facts.items():  # oEmbed names title and channel first
            if value:
                setattr(verdict, name, value)
        return verdict


def _oembed_facts(reply: Reply) -> dict[str, str | None]:
    embed = json_of(reply) if reply.status_code == 200 else None
    if not isinstance(embed, dict):
        return {}
    return {"title": shorten(embed.get("title")),
            "author": _handle(embed.get("author_url")) or embed.get("author_name")}


def _watch_verdict(page: Reply) -> CheckResult:
    if host_of(page.url) == CONSENT_HOST:
        return result(UNVERIFIED, "consent_wall", page)
    if page.status_code != 200:
        return http_verdict(page, "watch page")
    player = _player_response(page.text())
    if player is None:
        if CONSENT_HOST in page.text()[:5000]:
            return result(UNVERIFIED, "consent_wall", page)
        return unexpected(f"watch page without player data: {described(page)}", page)
    playability = player.get("playabilityStatus") or {}
    verdict = _read_playability(playability.get("status"), _texts(playability))
    if verdict is None:
        return unexpected(f"playabilityStatus {playability.get('status')!r}", page)
    status, reason = verdict
    return result(status, reason, page, **_player_facts(player))


def _read_playability(status: str | None, texts: str) -> tuple[str, str | None] | None:
    rule = PLAYABILITY.get(status or "")
    if rule is None or isinstance(rule[0], str):
        return rule
    return next((s, r) for pattern, s, r in rule if re.search(pattern, texts, re.IGNORECASE))


def _player_response(html: str) -> dict | None:
    """The `ytInitialPlayerResponse = {...};` object, decoded from its opening brace."""
    for mark in PLAYER_MARK.finditer(html):
        if html.startswith("{", mark.end()):
            try:
                player, _ = json.JSONDecoder().raw_decode(html, mark.end())
            except ValueError:
                continue
            if isinstance(player, dict):
                return player
    return None


def _texts(playability: dict) -> str:
    """The human texts of a playabilityStatus: reason, messages, error screen reasons."""
    screen = (playability.get("errorScreen") or {}).get("playerErrorMessageRenderer") or {}
    parts = [playability.get("reason"), *(playability.get("messages") or []),
             _run_text(screen.get("reason")), _run_text(screen.get("subreason"))]
    return " | ".join(p for p in parts if isinstance(p, str) and p)


def _run_text(node) -> str | None:
    if not isinstance(node, dict):
        return None
    return node.get("simpleText") or "".join(r.get("text", "") for r in node.get("runs") or [])


def _player_facts(player: dict) -> dict[str, str | None]:
    micro = (player.get("microformat") or {}).get("playerMicroformatRenderer") or {}
    details = player.get("videoDetails") or {}
    return {
        "published_at": iso_utc(micro.get("publishDate") or micro.get("uploadDate")),
        "author": _handle(micro.get("ownerProfileUrl"))
        or micro.get("ownerChannelName") or details.get("author"),
        "title": shorten(_run_text(micro.get("title")) or details.get("title")),
    }


def _handle(url: str | None) -> str | None:
    """'@handle' from a channel URL such as https://www.youtube.com/@handle."""
    found = re.search(r"/(@[^/?#]+)", url or "")
    return found.group(1) if found else None


ADAPTER = YouTubeAdapter()
