"""YouTube: videos, shorts and live streams, all canonical as watch URLs, checked keyless.

Signals trusted (when YouTube changes its answers, change this header and the tables below):
- the watch page (WATCH: one fixed interface language, `hl=en`, and the consent cookie), one
  request per video: its `ytInitialPlayerResponse` decides, by fields that do not depend on
  the language: an error screen offering to pay (members, rentals) is alive restricted; then
  `playabilityStatus.status` through STATUSES; under LOGIN_REQUIRED `desktopLegacyAgeGateReason`
  is the age gate. Only where no field tells (why an ERROR video is gone; a private video from
  a bot check) the texts are read, in English and Spanish (ERROR_WORDS, LOGIN_WORDS): an ERROR
  with unknown words is still broken unavailable, a LOGIN_REQUIRED with unknown words is
  unverified `unexpected: ...`. Date, title and channel come from `microformat` and
  `videoDetails`;
- a final URL on consent.youtube.com, or a page that is the consent page: unverified consent_wall;
- oEmbed (OEMBED) only when the page holds no player response, for title and channel; its
  statuses are never a verdict (401 is "embedding disabled" on a live video) and its failure
  (timeout, 5xx) changes nothing.
A page without player data, or with an unknown status, is unverified `unexpected: ...`.

With the institution's key (`X-Goog-Api-Key`, never in the URL), the Data API v3 `videos.list`
(DATA_API, up to DATA_API_BATCH ids a request; reference:
https://developers.google.com/youtube/v3/docs/videos/list and .../docs/videos#resource) decides
instead: an id absent from `items` is broken not_found (the API leaves out what is gone or not
public); `status.uploadStatus` in REMOVED_UPLOADS is broken removed; `status.privacyStatus`
private is broken private; `snippet.liveBroadcastContent` upcoming is alive scheduled; else
alive. Title, channel and date come from `snippet`. An error answer (400, 401, 403: quotaExceeded,
an invalid key, the API not enabled; https://developers.google.com/youtube/v3/docs/errors) drops
the key for the rest of the run and its videos go keyless; any other failure leaves that batch
to the watch pages.
"""

from __future__ import annotations

import json
import re
from typing import ClassVar
from urllib.parse import urlencode

from .answers import (
    described,
    http_verdict,
    iso_utc,
    json_of,
    not_a_post,
    optional,
    result,
    shorten,
    unexpected,
    with_record,
)
from .base import ALIVE, BROKEN, UNVERIFIED, CheckResult, Fetcher, Keys, Reply, UrlInfo, host_of
from .shapes import ShapedAdapter, shape

OEMBED = "https://www.youtube.com/oembed?"
WATCH = "https://www.youtube.com/watch?v={id}&hl=en"
CONSENT_COOKIE = {"Cookie": "SOCS=CAE="}  # what open-source clients send to skip the EU wall
CONSENT_HOST = "consent.youtube.com"
PLAYER_MARK = re.compile(r"ytInitialPlayerResponse\s*=\s*")

# error screens that offer the video for a price (members-only, rentals): it exists
PAID_SCREEN = re.compile(r"Ypc(?:Offer|Trailer)", re.IGNORECASE)
# playabilityStatus.status -> (status, reason); ERROR and LOGIN_REQUIRED are read further below
STATUSES: dict[str, tuple[str, str | None]] = {
    "OK": (ALIVE, None),
    "UNPLAYABLE": (ALIVE, "restricted"),  # geo-blocked, members-only, premium: it exists
    "CONTENT_CHECK_REQUIRED": (ALIVE, "restricted"),
    "LIVE_STREAM_OFFLINE": (ALIVE, "scheduled"),  # upcoming or not live now: the event exists
    "ERROR": (BROKEN, "unavailable"),  # gone for everyone; ERROR_WORDS may say why
}
# (pattern over the status's texts, reason), English and Spanish; the first match wins
ERROR_WORDS = (
    (r"\bterminated\b|\bcancel", "account_gone"),
    (r"\bremoved\b|\belimin|\binfring", "removed"),
    (r"\bdeleted\b|\bborrad", "deleted"),
    (r"\bprivate\b|\bprivad", "private"),
)
# LOGIN_REQUIRED without the age gate field: (pattern, status, reason); no match is unexpected
AGE_GATE = "desktopLegacyAgeGateReason"
LOGIN_WORDS = (
    (r"\bprivate\b|\bprivad", BROKEN, "private"),
    (r"\bage\b|\bedad\b", ALIVE, "age_restricted"),
    (r"\bbot\b", UNVERIFIED, "login_wall"),  # "Sign in to confirm you're not a bot"
)

DATA_API = "https://www.googleapis.com/youtube/v3/videos?"
DATA_API_BATCH = 50
DATA_API_PARTS = "snippet,status,liveStreamingDetails"
REMOVED_UPLOADS = {"rejected", "deleted", "failed"}
KEY_REFUSALS = {400, 401, 403}
# what a record keeps of a watch page: the player response's verdict and the video's own facts
PLAYER_PARTS = ("playabilityStatus", "videoDetails", "microformat")
# parts that change from one request to the next (or follow the viewers), not with the video
VOLATILE = frozenset({"contextParams", "miniplayer", "trackingParams", "availableCountries",
                      "etag"})

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
    cases: ClassVar[dict[str, str | None]] = {
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
        page = await fetch.get(WATCH.format(id=info.post_id), headers=CONSENT_COOKIE)
        player = _player_response(page.text()) if _is_watch_page(page) else None
        if player is not None:
            return _player_verdict(player, page)
        verdict = _page_verdict(page)
        embed = await optional(fetch, OEMBED + urlencode({
            "url": f"https://www.youtube.com/watch?v={info.post_id}", "format": "json"}))
        for name, value in _oembed_facts(embed).items():
            setattr(verdict, name, value or getattr(verdict, name))
        return verdict

    def batch_size(self, keys: Keys) -> int:
        return DATA_API_BATCH if keys.get("youtube") else 0

    async def check_keyed(self, infos: list[UrlInfo], fetch: Fetcher,
                          keys: Keys) -> dict[str, CheckResult]:
        key = keys.get("youtube")
        if key is None:  # refused while this batch waited its turn
            return {}
        ids = [info.post_id for info in infos]
        query = urlencode({"part": DATA_API_PARTS, "id": ",".join(ids)}, safe=",")
        reply = await fetch.get(DATA_API + query, headers={"X-Goog-Api-Key": key},
                                follow_redirects=False)
        listing = json_of(reply)
        if reply.status_code != 200 or not isinstance((listing or {}).get("items"), list):
            if reply.status_code in KEY_REFUSALS:
                keys.drop("youtube", _api_problem(listing, reply))
            return {}
        items = {item.get("id"): item for item in listing["items"] if isinstance(item, dict)}
        return {info.post_id: _item_verdict(items.get(info.post_id), info, reply) for info in infos}


def _item_verdict(item: dict | None, info: UrlInfo, reply: Reply) -> CheckResult:
    """A video as the Data API lists it, or None when it left it out."""
    if item is None:
        return result(BROKEN, "not_found", reply, final_url=info.canonical_url)
    snippet, state = item.get("snippet") or {}, item.get("status") or {}
    facts = {"title": shorten(snippet.get("title")), "author": snippet.get("channelTitle"),
             "published_at": iso_utc(snippet.get("publishedAt")), "final_url": info.canonical_url}
    if state.get("uploadStatus") in REMOVED_UPLOADS:
        return result(BROKEN, "removed", reply, **facts)
    if state.get("privacyStatus") == "private":
        return result(BROKEN, "private", reply, **facts)
    live = "scheduled" if snippet.get("liveBroadcastContent") == "upcoming" else None
    return with_record(result(ALIVE, live, reply, **facts), item,
                       text=snippet.get("description"), volatile=VOLATILE)


def _api_problem(body, reply: Reply) -> str:
    """The error's reason word (quotaExceeded, API_KEY_INVALID...), never its free text."""
    error = (body or {}).get("error") if isinstance(body, dict) else None
    reasons = [entry.get("reason") for entry in ((error or {}).get("details") or [])
               + ((error or {}).get("errors") or []) if isinstance(entry, dict)]
    words = [r for r in reasons if isinstance(r, str) and re.fullmatch(r"[A-Za-z_]{1,40}", r)]
    return f"HTTP {reply.status_code}" + (f", {words[0]}" if words else "")


def _oembed_facts(reply: Reply | None) -> dict[str, str | None]:
    embed = json_of(reply) if reply is not None and reply.status_code == 200 else None
    if not isinstance(embed, dict):
        return {}
    return {"title": shorten(embed.get("title")),
            "author": _handle(embed.get("author_url")) or embed.get("author_name")}


def _is_watch_page(page: Reply) -> bool:
    return page.status_code == 200 and host_of(page.url) != CONSENT_HOST


def _page_verdict(page: Reply) -> CheckResult:
    """A watch page without a player response: a wall, an error, or something unknown."""
    if host_of(page.url) == CONSENT_HOST:
        return result(UNVERIFIED, "consent_wall", page)
    if page.status_code != 200:
        return http_verdict(page, "watch page")
    if CONSENT_HOST in page.text()[:5000]:
        return result(UNVERIFIED, "consent_wall", page)
    return unexpected(f"watch page without player data: {described(page)}", page)


def _player_verdict(player: dict, page: Reply) -> CheckResult:
    playability = player.get("playabilityStatus") or {}
    verdict = _read_playability(playability)
    if verdict is None:
        texts = shorten(_texts(playability), 80)
        return unexpected(f"playabilityStatus {playability.get('status')!r} {texts!r}", page)
    status, reason = verdict
    found = result(status, reason, page, **_player_facts(player))
    if status != ALIVE:
        return found
    kept = {part: player[part] for part in PLAYER_PARTS if part in player}
    description = (player.get("videoDetails") or {}).get("shortDescription")
    return with_record(found, kept, text=description, volatile=VOLATILE)


def _read_playability(playability: dict) -> tuple[str, str | None] | None:
    status, texts = playability.get("status"), _texts(playability)
    if any(PAID_SCREEN.search(kind) for kind in playability.get("errorScreen") or {}):
        return ALIVE, "restricted"
    if status == "LOGIN_REQUIRED":
        if playability.get(AGE_GATE):
            return ALIVE, "age_restricted"
        return next(((s, r) for words, s, r in LOGIN_WORDS if _says(words, texts)), None)
    verdict = STATUSES.get(status or "")
    if status == "ERROR":
        return BROKEN, next((r for words, r in ERROR_WORDS if _says(words, texts)), verdict[1])
    return verdict


def _says(words: str, texts: str) -> bool:
    return re.search(words, texts, re.IGNORECASE) is not None


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
