"""A real HTTP server on 127.0.0.1 that answers like X, YouTube, Facebook and ordinary web hosts.

Reached through the product's own seam, `--remap REMAP` with
`REMAP = '^https?://([^/]+)/?(.*)$ http://127.0.0.1:PORT/\\1/\\2'` (the `remap` property), so a
request arrives as `/{platform host}/{path and query}`. Redirects name platform hosts (absolute
`https://...` URLs), as the platforms do: the client remaps every hop itself. Bodies come from
the real captures in tests/captures/ where one exists; Facebook's post pages, of which no capture
exists, are built from the facts in shared/plataformas.md.

Use: `server = PlatformServer().start()` (tests get it as the `plataformas` fixture), then
`server.x_scenario(id, kind)`, `server.youtube_scenario(id, kind)`,
`server.facebook_scenario(token_or_id, kind)` (also `x`, `youtube`, `facebook`); `server.latency`
(seconds before every answer, default 0) or `with server.with_latency(0.05): ...`;
`server.slow_seconds` (how long /lento sleeps, default 3); `server.account` (the X screen name,
default CNE_StaElena); `server.requests` (every request, as `Request(method, host, path_qs)` with
`.at` = `time.monotonic()` on arrival; a list, clear it at will); `server.requests_for(text)`;
`server.local_url(platform_url)` (the address the remap gives it); `server.reset()` (scenarios,
requests, fault counters and knobs back to their defaults); `server.stop()`.

X: scenario per status id (`x_scenario`); unknown ids are "alive".

| kind | cdn.syndication.twimg.com/tweet-result?id=ID&token=T | publish.twitter.com/oembed?url=.../status/ID |
|---|---|---|
| alive | 200 Tweet (capture) with id_str=ID, user.screen_name=`account`, created_at from the snowflake | 200 capture, author_name/author_url of `account` |
| liked, edited, hostile | 200 as alive, but with 1000 more likes and replies (liked), another text, "...(editado)" (edited), or a text of a script and 200,000 characters (hostile) | as alive |
| deleted | 200 TweetTombstone "This Post was deleted by the Post author. Learn more" (capture) | 404 |
| suspended | 200 TweetTombstone "This Post is from a suspended account. Learn more" | 403 {"error": "User has been suspended."} |
| account_gone | 200 TweetTombstone "This Post is from an account that no longer exists. Learn more" | 404 |
| withheld | 200 {"__typename": "TweetTombstone", "tombstone": {}} | 200 |
| age | 200 TweetTombstone "Age-restricted adult content. ..." | 200 |
| not_found | 404 (empty body) | 404 |
| protected | 404 | 403 {"error": "Sorry, you are not authorized to see this status."} |
| oembed_only | 404 | 200 |
| empty | 200 {} | 200 |
| rate_limited | 429 text/plain "Rate limit exceeded", Retry-After: 1 (every time) | the same 429 |
| rate_limited_long | 429 "Rate limit exceeded", Retry-After: 3600 | the same 429 |
| html | 200 text/html page where JSON is expected | 200 |
| broken_json | 200 application/json cut in the middle | 200 |
A tweet-result request without `token` gets 200 {} whatever the kind, as X answers a bad token.
publish.x.com/* is 301 to publish.twitter.com/* (as captured); twitter.com/* is 301 to x.com/*;
x.com/* is the captured no-JS "migrate" page (200, no post content).

YouTube (www.youtube.com, youtube.com, m.youtube.com): scenario per video id (`youtube_scenario`);
unknown ids are "alive". `/oembed?url=...` reads the id from url (v=, youtu.be/, /shorts/,
/live/); the watch page answers `/watch?v=ID`, `/live/ID` and `/shorts/ID` with HTML holding
`var ytInitialPlayerResponse = {...};`.

| kind | oembed | watch page playabilityStatus (HTTP 200) |
|---|---|---|
| alive | 200 capture, title "Transmisión ID", author CNE Santa Elena, https://www.youtube.com/@cnestaelena | OK, microformat publishDate 2025-07-03T10:00:00-05:00, ownerProfileUrl .../@cnestaelena |
| deleted | 404 "Not Found" | ERROR "Video unavailable" (capture) |
| private | 403 "Forbidden" (capture) | LOGIN_REQUIRED, "This is a private video..." (capture) |
| age | 401 "Unauthorized" | LOGIN_REQUIRED "Sign in to confirm your age" (capture, videoId rewritten) |
| geoblocked | 200 | UNPLAYABLE "...not made this video available in your country" (capture) |
| members_only | 200 | UNPLAYABLE "...available to this channel's members..." (capture) |
| embed_disabled | 401 "Unauthorized" | OK, as alive |
| live_offline | 200 | LIVE_STREAM_OFFLINE "This live event will begin in a few moments.", liveStreamability without a start time |
| scheduled | 200 | LIVE_STREAM_OFFLINE "This live event will begin in 3 hours.", liveStreamability with a scheduledStartTime |
| login_wall | 200 | LOGIN_REQUIRED "Sign in to confirm you’re not a bot" (no videoDetails) |
| consent | 200 | 302 to https://consent.youtube.com/m?continue=<the watch URL>&gl=ES&... (even with a SOCS cookie) |
Languages: the watch page speaks the `hl` it is asked for (en, es, pt), else es (the region's, as
YouTube does in Ecuador); `youtube_scenario(id, kind, lang)` forces one whatever `hl` says. Only
the texts change, the fields (status, desktopLegacyAgeGateReason, liveStreamability) never do.
English is the captures' own texts; Spanish as public projects quote YouTube's (test fixtures
with LOGIN_REQUIRED "Inicia sesión para confirmar que no eres un bot" and "Inicia sesión para
confirmar tu edad"); Portuguese translated here: a language the adapter has no words for.
`oembed_outage` (None, "503" or "lento"): every oEmbed request (YouTube and X) answers 503, or
only after `slow_seconds`, while the pages and records answer as usual.
consent.youtube.com/* is the captured cookie consent wall (200, no player data).
youtu.be/ID is 301 to https://www.youtube.com/watch?v=ID&feature=youtu.be.

Facebook (www.facebook.com, facebook.com, m.facebook.com, web.facebook.com, fb.watch): scenario
per share token, or per post id for direct post links (`facebook_scenario`); unknown ones are
"login_redirect", what robots usually get. Share links `/share/p/TOKEN/` and `/share/TOKEN/`
resolve to https://www.facebook.com/CNEStaElena/posts/pfbid0TOKEN, `/share/v/TOKEN/` and
`fb.watch/TOKEN/` to .../CNEStaElena/videos/NUMBER/, `/share/r/TOKEN/` to .../reel/NUMBER (NUMBER:
the token's bytes as a decimal integer, so the page knows its token).

| kind | share link | post page (posts/, videos/, reel/, watch/?v=, ...) |
|---|---|---|
| login_redirect | 302 to https://www.facebook.com/login/?next=<the post URL, encoded> | 302 to the login page, next=<the page URL> |
| alive | 302 to the post URL | 200 og:title "CNE Santa Elena rinde cuentas 2024", og:description, og:url (the post URL), og:image, "publish_time":1751558400 |
| login_form | 302 to the post URL | 200 login form: id="login_form", id="loginbutton", "You must log in to continue." |
| unsupported_browser | 302 to the post URL | 200 the captured "update your browser" page (no og: tags) |
| unavailable | 302 to the post URL | 200 "This content isn't available right now" |
| several_posts | 302 to the post URL | 200 as alive, its JSON first listing two newer posts of the page (their own URLs and publish_time, 180 and 2190 days later), then this post's |
| several_posts_untied | 302 to the post URL | 200 the same newer posts, and a publish_time tied to no post id (no date can be trusted) |
/login/ itself is the 200 login form.

With credentials (`youtube_key`, `youtube_quota`, `meta_token`; None by default: every key and
token refused):
- www.googleapis.com/youtube/v3/videos?part=...&id=ID1,ID2,... (YouTube Data API v3
  videos.list, shape of capture yt_data_api_videos_list_doc.json): only with `X-Goog-Api-Key`
  equal to `youtube_key` and no `key=` in the URL, else 400 API_KEY_INVALID; after
  `youtube_quota` answers, 403 quotaExceeded; more than 50 ids, 400. One item per id by its
  YouTube scenario: deleted left out, private privacyStatus private, rejected uploadStatus
  rejected (its watch page: the ERROR capture), scheduled and live_offline
  liveBroadcastContent upcoming, the rest public.
- graph.facebook.com/vNN.N/oembed_post|oembed_video|instagram_oembed?url=... (Graph oEmbed, the
  captures fb_graph_oembed_*): only with `Authorization: Bearer meta_token` and no
  access_token= in the URL, else 400 error code 190; a Facebook post whose scenario is
  unavailable, 400 error code 100 subcode 33; else 200 with author_name "CNE Santa Elena".

TikTok: scenario per video id (`tiktok_scenario`); unknown ids are "alive".
www.tiktok.com/oembed?url=.../video/ID: alive 200 (capture tiktok_oembed_alive_doc.json,
author_unique_id cne_ecuador); not_found 404 and bad_request 400 (JSON; no documented shape);
html 200 text/html. vm.tiktok.com/TOKEN/ and vt.tiktok.com/TOKEN/ are 301 to
https://www.tiktok.com/@cne_ecuador/video/NUMBER?_r=1&_t=ZM (NUMBER: the token's bytes).

The web archive (shapes from its public documentation: the Wayback Availability JSON API,
https://archive.org/help/wayback_api.php, and the Save Page Now 2 API,
https://docs.google.com/document/d/1Nsv52MvSjbLb2PCpHlat0gkzw0EvtSgpKHu4mk0MnrA):
- archive.org/wayback/available?url=U[&timestamp=AAAAMMDD]: 200 {"url": U, "archived_snapshots":
  {"closest": {"status": "200", "available": true, "url": "http://web.archive.org/web/TS/U",
  "timestamp": TS}}} when `archive_captures` has U (U -> TS, 14 digits), else 200 {"url": U,
  "archived_snapshots": {}}.
- POST web.archive.org/save (form field `url`): with `Authorization: LOW archive_keys` (None by
  default: every key refused, 401) and `Accept: application/json`, 200 {"url": U, "job_id": ID};
  without that Accept, an HTML page. `archive_refusal`: 429 (every save answers 429, no JSON) or
  "daily" (200 {"status": "error", "status_ext": "error:too-many-daily-captures", ...}).
- GET web.archive.org/save/status/ID (same Authorization): {"status": "pending", "job_id": ID}
  `archive_pending` times (default 1), then {"status": "success", "job_id": ID, "original_url":
  U, "timestamp": "20260102030405", "duration_sec": 6.2}; an unknown ID, {"status": "error",
  "status_ext": "error:job-not-found"}. Saved URLs are in `archive_saved`.

Any other host, by path (a HEAD gets the same status and headers without a body):

| path | answer |
|---|---|
| /ok, and every path not listed here | 200 text/html, `<title>Página HOST/PATH</title>` |
| /no-existe, /gone, /prohibido, /999 | 404, 410, 403, 999 |
| /cf | 403 with `cf-mitigated: challenge` (a Cloudflare bot challenge) |
| /sin-head | HEAD 405, GET 200 |
| /lento | 200 after `slow_seconds` (default 3 s, longer than the client timeouts tests use) |
| /rafaga-5xx | the first 2 requests 503, then 200 (counted per host and path; `reset()` restarts) |
| /429 | the first request 429 with Retry-After: 1, then 200 (same counting) |
| /429-http-date | the first request 429 with Retry-After as an HTTP date 1 s ahead, then 200 |
| /reset | the connection is reset (RST) without an answer |
| /bucle | 302 to https://HOST/bucle-b, which is 302 back to /bucle |
| /redir-larga | 11 redirects: /redir-larga/1 ... /redir-larga/11, which is 200 |
| /redir-privada | 302 to http://10.0.0.1/x (the server never connects anywhere) |
| /redir-a?a=LOCATION | 302 with `Location: LOCATION` exactly as given (mailto:, data:, http:foo...) |
| /retry-after?estado=N&valor=V | status N (429, 503...) with `Retry-After: V` exactly as given, every time |
| /enorme | 200 text/html, 50 MB streamed chunked (never held in memory) |
| /utf8-invalido | 200 text/html; charset=utf-8 with invalid UTF-8 bytes in the title |
| /json-roto | 200 application/json cut in the middle |
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import formatdate
from functools import cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, quote, urlsplit

from aiohttp import web

CAPTURES = Path(__file__).parent / "captures"
REMAP_PATTERN = r"^https?://([^/]+)/?(.*)$"
SNOWFLAKE_EPOCH_MS = 1288834974657

X_KINDS = frozenset({"alive", "liked", "edited", "hostile", "deleted", "suspended",
                     "account_gone", "withheld", "age",
                     "not_found", "protected", "oembed_only", "empty", "rate_limited",
                     "rate_limited_long", "html", "broken_json"})
YOUTUBE_KINDS = frozenset({"alive", "deleted", "rejected", "private", "age", "geoblocked",
                           "members_only",
                           "embed_disabled", "live_offline", "scheduled", "login_wall", "consent"})
FACEBOOK_KINDS = frozenset({"alive", "login_redirect", "login_form", "unsupported_browser",
                            "unavailable", "several_posts", "several_posts_untied"})

X_ALIVE = {"alive": {}, "liked": {"favorite_count": 1014, "conversation_count": 1001,
                                  "news_action_type": "conversation"},
           "edited": {"text": "Publicación de la cuenta institucional (editado)"},
           "hostile": {"text": "<script>alert('registro')</script>" + "A" * 200_000}}
TOMBSTONE_TEXTS = {
    "suspended": "This Post is from a suspended account. Learn more",
    "account_gone": "This Post is from an account that no longer exists. Learn more",
    "age": ("Age-restricted adult content. This content might not be appropriate for people "
            "under 18 years old. To view this media, you'll need to log in to X. Learn more"),
}
X_OEMBED_REFUSALS = {  # kind -> (status, JSON body or None)
    "deleted": (404, None), "account_gone": (404, None), "not_found": (404, None),
    "protected": (403, {"error": "Sorry, you are not authorized to see this status."}),
    "suspended": (403, {"error": "User has been suspended."}),
}
RETRY_AFTER = {"rate_limited": "1", "rate_limited_long": "3600"}

YOUTUBE_OEMBED_REFUSALS = {"deleted": (404, "Not Found"), "private": (403, "Forbidden"),
                           "age": (401, "Unauthorized"), "embed_disabled": (401, "Unauthorized")}
YOUTUBE_PLAYERS = {  # kind -> captured player response; the rest are built from the OK one
    "deleted": "yt_innertube_player_ERROR_video_unavailable_nonexistent.json",
    "rejected": "yt_innertube_player_ERROR_video_unavailable_nonexistent.json",
    "private": "yt_innertube_player_LOGIN_REQUIRED_private.json",
    "age": "yt_innertube_player_LOGIN_REQUIRED_age_restricted.json",
    "geoblocked": "yt_innertube_player_UNPLAYABLE_geoblocked.json",
    "members_only": "yt_innertube_player_UNPLAYABLE_members_only.json",
}
YOUTUBE_LANGUAGES, YOUTUBE_REGION_LANGUAGE = ("en", "es", "pt"), "es"
# kind -> language -> (reason, subreason): the playability texts YouTube writes in each language
YOUTUBE_TEXTS = {
    "deleted": {"en": ("Video unavailable", None), "es": ("Video no disponible", None),
                "pt": ("Vídeo indisponível", None)},
    "private": {"en": ("Private video", "This is a private video. Please sign in to verify that "
                       "you may see it."),
                "es": ("Video privado", "Este es un video privado. Accede para verificar que "
                       "puedes verlo."),
                "pt": ("Vídeo particular", "Este vídeo é particular. Faça login para verificar "
                       "se você tem acesso.")},
    "age": {"en": ("Sign in to confirm your age", "This video may be inappropriate for some users."),
            "es": ("Inicia sesión para confirmar tu edad",
                   "Es posible que este video no sea apropiado para algunos usuarios."),
            "pt": ("Faça login para confirmar sua idade",
                   "Este vídeo pode ser inadequado para alguns usuários.")},
    "live_offline": {"en": ("This live event will begin in a few moments.", None),
                     "es": ("Este evento en directo comenzará en unos momentos.", None),
                     "pt": ("Este evento ao vivo começará em alguns instantes.", None)},
    "scheduled": {"en": ("This live event will begin in 3 hours.", None),
                  "es": ("Este evento en directo comenzará en 3 horas.", None),
                  "pt": ("Este evento ao vivo começará em 3 horas.", None)},
    "login_wall": {"en": ("Sign in to confirm you’re not a bot", "This helps protect our community."),
                   "es": ("Inicia sesión para confirmar que no eres un bot",
                          "Esto ayuda a proteger a nuestra comunidad."),
                   "pt": ("Faça login para confirmar que você não é um robô",
                          "Isso ajuda a proteger nossa comunidade.")},
}
YOUTUBE_SCHEDULED_START = "1751590800"  # 2025-07-04T01:00:00Z
YOUTUBE_CHANNEL, YOUTUBE_HANDLE = "CNE Santa Elena", "@cnestaelena"
YOUTUBE_PUBLISHED = "2025-07-03T10:00:00-05:00"
YOUTUBE_ID = re.compile(r"(?:[?&]v=|youtu\.be/|/shorts/|/live/|/embed/)([\w-]+)")

FACEBOOK_PAGE = "CNEStaElena"
FACEBOOK_PUBLISHED = 1751558400  # 2025-07-03T16:00:00Z
FACEBOOK_NEWER_DAYS = (2190, 180)  # the newer posts a post page also shows, newest first
FACEBOOK_SHARE = re.compile(r"/share/(?:(?P<kind>[pvr])/)?(?P<token>[\w-]+)")

# YouTube Data API v3 videos.list: kind -> (privacyStatus, uploadStatus, liveBroadcastContent);
# a kind not listed is a public processed video, "deleted" is left out of `items`
DATA_API_VIDEOS = {"private": ("private", "processed", "none"),
                   "rejected": ("public", "rejected", "none"),
                   "scheduled": ("public", "processed", "upcoming"),
                   "live_offline": ("public", "processed", "upcoming")}
DATA_API_MAX_IDS = 50
GRAPH_ENDPOINT = re.compile(r"/v\d+\.\d+/(oembed_post|oembed_video|instagram_oembed)$")
TIKTOK_KINDS = frozenset({"alive", "not_found", "bad_request", "html"})
TIKTOK_ACCOUNT = "cne_ecuador"

WEB_STATUSES = {"/no-existe": 404, "/gone": 410, "/prohibido": 403, "/999": 999}
LONG_REDIRECTS = 11
HUGE_BYTES, HUGE_CHUNK = 50 * 1024 * 1024, 64 * 1024

Handler = Callable[[web.BaseRequest, str, str], Awaitable[web.StreamResponse]]


class _Fields(NamedTuple):
    method: str
    host: str
    path_qs: str


class Request(_Fields):
    """One request received. Unpacks and compares as (method, host, path_qs), the path and query
    as sent (percent-encoded); `at` is `time.monotonic()` when it arrived."""

    at: float

    def __new__(cls, method: str, host: str, path_qs: str, at: float) -> Request:
        request = super().__new__(cls, method, host, path_qs)
        request.at = at
        return request


@cache
def capture(name: str) -> str:
    return (CAPTURES / name).read_text(encoding="utf-8")


def capture_json(name: str):
    """A fresh copy of a captured JSON body, free to modify."""
    return json.loads(capture(name))


def snowflake_iso(post_id: str) -> str:
    ms = (int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def token_number(token: str) -> str:
    """A Facebook-like numeric id that carries the share token it came from."""
    return str(int.from_bytes(token.encode(), "big"))


def number_token(number: str) -> str | None:
    value = int(number)
    try:
        return value.to_bytes((value.bit_length() + 7) // 8, "big").decode("ascii")
    except UnicodeDecodeError:
        return None


# answers


def html_page(text: str, status: int = 200) -> web.Response:
    return web.Response(status=status, text=text, content_type="text/html")


def json_answer(body, status: int = 200) -> web.Response:
    return web.Response(status=status, text=json.dumps(body), content_type="application/json")


def redirect(location: str, status: int = 302) -> web.Response:
    return web.Response(status=status, headers={"Location": location})


def rate_limited(retry_after: str) -> web.Response:
    return web.Response(status=429, text="Rate limit exceeded", headers={"Retry-After": retry_after})


def speak(playability: dict, reason: str, subreason: str | None) -> None:
    """Write a playabilityStatus's texts (reason, messages, error screen) in another language."""
    playability["reason"] = reason
    if "messages" in playability:
        playability["messages"] = [subreason or reason]
    screen = (playability.get("errorScreen") or {}).get("playerErrorMessageRenderer")
    if screen is not None:
        screen["reason"] = {"simpleText": reason}
        if subreason:
            screen["subreason"] = {"simpleText": subreason}


def google_error(status: int, reason: str, info_reason: str | None) -> web.Response:
    """An error as Google APIs answer one (capture yt_data_api_error_*_doc.json's shape)."""
    error = {"code": status, "message": f"{reason}", "errors": [
        {"message": reason, "domain": "youtube.quota" if reason == "quotaExceeded" else "global",
         "reason": reason}]}
    if info_reason:
        error["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                             "reason": info_reason, "domain": "googleapis.com"}]
    return json_answer({"error": error}, status)


def graph_error(status: int, code: int, subcode: int | None) -> web.Response:
    """An error as Graph answers one (its "Handling Errors" reference)."""
    error = {"message": f"(#{code}) error", "type": "OAuthException", "code": code,
             "fbtrace_id": "AbCdEfGhIjK"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return json_answer({"error": error}, status)


def login_redirect(target: str) -> web.Response:
    return redirect("https://www.facebook.com/login/?next=" + quote(target, safe=""))


class PlatformServer:
    DEFAULT_ACCOUNT = "CNE_StaElena"
    DEFAULT_SLOW_SECONDS = 3.0

    def __init__(self) -> None:
        self.port = 0
        self.requests: list[Request] = []
        self.scenarios: dict[tuple[str, str], str] = {}
        self.languages: dict[str, str] = {}  # YouTube video id -> the language it is answered in
        self._seen: Counter[tuple[str, str]] = Counter()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.ServerRunner | None = None
        self._reset_knobs()

    def _reset_knobs(self) -> None:
        self.latency = 0.0
        self.slow_seconds = self.DEFAULT_SLOW_SECONDS
        self.account = self.DEFAULT_ACCOUNT
        self.oembed_outage: str | None = None
        self.youtube_key: str | None = None  # the Data API key accepted; None: every key refused
        self.youtube_quota: int | None = None  # Data API requests answered before quotaExceeded
        self.meta_token: str | None = None  # the Graph token accepted; None: every token refused
        self.archive_captures: dict[str, str] = {}  # availability API: URL -> capture timestamp
        self.archive_keys: str | None = None  # "clave:secreto" accepted by Save Page Now
        self.archive_refusal: int | str | None = None  # 429, or "daily": every save refused
        self.archive_pending = 1  # status polls answered "pending" before "success"
        self.archive_jobs: dict[str, list] = {}  # job id -> [URL, polls so far]
        self.archive_saved: list[str] = []  # URLs whose capture succeeded

    # scenarios and knobs

    def x_scenario(self, post_id: str | int, kind: str) -> None:
        self._set("x", post_id, kind, X_KINDS)

    def youtube_scenario(self, video_id: str, kind: str, lang: str | None = None) -> None:
        """`lang` (en, es, pt) forces the language of the watch page whatever `hl` asks."""
        if lang is not None and lang not in YOUTUBE_LANGUAGES:
            raise ValueError(f"unknown YouTube language {lang!r}; known: {YOUTUBE_LANGUAGES}")
        self._set("youtube", video_id, kind, YOUTUBE_KINDS)
        if lang is not None:
            self.languages[video_id] = lang

    def facebook_scenario(self, token_or_id: str, kind: str) -> None:
        self._set("facebook", token_or_id, kind, FACEBOOK_KINDS)

    def tiktok_scenario(self, video_id: str, kind: str) -> None:
        self._set("tiktok", video_id, kind, TIKTOK_KINDS)

    x, youtube, facebook, tiktok = x_scenario, youtube_scenario, facebook_scenario, tiktok_scenario

    def _set(self, platform: str, key: str | int, kind: str, kinds: frozenset[str]) -> None:
        if kind not in kinds:
            raise ValueError(f"unknown {platform} scenario {kind!r}; known: {sorted(kinds)}")
        self.scenarios[(platform, str(key))] = kind

    def _kind(self, platform: str, key: str | None, default: str) -> str:
        return self.scenarios.get((platform, key or ""), default)

    @contextmanager
    def with_latency(self, seconds: float) -> Iterator[PlatformServer]:
        before, self.latency = self.latency, seconds
        try:
            yield self
        finally:
            self.latency = before

    def reset_counters(self) -> None:
        """Restart the fault bursts (/rafaga-5xx, /429, /429-http-date) on every host."""
        self._seen.clear()

    def reset(self) -> None:
        self.scenarios.clear()
        self.languages.clear()
        self.requests.clear()
        self.reset_counters()
        self._reset_knobs()

    @property
    def remap(self) -> str:
        return rf"{REMAP_PATTERN} http://127.0.0.1:{self.port}/\1/\2"

    def local_url(self, url: str) -> str:
        """The address a platform URL has on this server (what `--remap self.remap` sends)."""
        return re.sub(REMAP_PATTERN, rf"http://127.0.0.1:{self.port}/\1/\2", url)

    def requests_for(self, fragment: str) -> list[Request]:
        return [r for r in self.requests if fragment in r.host + r.path_qs]

    # life cycle

    def start(self) -> PlatformServer:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="plataformas-locales")
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._open(), self._loop).result(10)
        return self

    async def _open(self) -> None:
        # handler_cancellation: a client that gives up (timeout) ends /lento and /enorme at once
        server = web.Server(self._dispatch, handler_cancellation=True, access_log=None)
        self._runner = web.ServerRunner(server, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024).start()
        self.port = self._runner.addresses[0][1]

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
        self._loop = None

    def __enter__(self) -> PlatformServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # dispatch

    async def _dispatch(self, request: web.BaseRequest) -> web.StreamResponse:
        host, _, tail = request.raw_path.lstrip("/").partition("/")
        host, path_qs = host.lower(), "/" + tail
        self.requests.append(Request(request.method, host, path_qs, time.monotonic()))
        if self.latency:
            await asyncio.sleep(self.latency)
        return await self._handler_for(host)(request, host, path_qs)

    def _handler_for(self, host: str) -> Handler:
        handlers = {
            "cdn.syndication.twimg.com": self._x_record, "publish.twitter.com": self._x_oembed,
            "publish.x.com": self._x_publish_moved, "twitter.com": self._x_twitter_moved,
            "x.com": self._x_status_page, "youtube.com": self._youtube,
            "youtu.be": self._youtube_short, "consent.youtube.com": self._youtube_consent_wall,
            "facebook.com": self._facebook, "fb.watch": self._facebook,
            "googleapis.com": self._youtube_data_api, "graph.facebook.com": self._graph_oembed,
            "archive.org": self._archive, "tiktok.com": self._tiktok_oembed, "vm.tiktok.com": self._tiktok_short,
            "vt.tiktok.com": self._tiktok_short,
        }
        return handlers.get(re.sub(r"^(?:www|m|mobile|web)\.", "", host), self._web)

    # X

    def _x_kind(self, post_id: str | None) -> str:
        return self._kind("x", post_id, "alive")

    def _tweet(self, post_id: str) -> dict:
        tweet = capture_json("x_syndication_tweet-result_alive_2023357708301455483.json")
        tweet.update(id_str=post_id, created_at=snowflake_iso(post_id),
                     text=f"Publicación {post_id} de la cuenta institucional")
        tweet["user"]["screen_name"] = self.account
        tweet["edit_control"]["edit_tweet_ids"] = [post_id]
        return tweet

    async def _x_record(self, request, host, path_qs) -> web.Response:
        post_id = request.query.get("id", "")
        if not request.query.get("token"):
            return json_answer({})
        if not post_id.isdigit():
            return web.Response(status=404)
        kind = self._x_kind(post_id)
        if kind in X_ALIVE:
            return json_answer({**self._tweet(post_id), **X_ALIVE[kind]})
        if kind == "deleted":
            return json_answer(capture_json("x_syndication_tweet-result_tombstone_deleted.json"))
        if kind in TOMBSTONE_TEXTS:
            tombstone = capture_json("x_syndication_tweet-result_tombstone_deleted.json")
            tombstone["tombstone"]["text"]["text"] = TOMBSTONE_TEXTS[kind]
            return json_answer(tombstone)
        if kind == "withheld":
            return json_answer({"__typename": "TweetTombstone", "tombstone": {}})
        if kind in ("not_found", "protected", "oembed_only"):
            return web.Response(status=404)
        if kind == "empty":
            return json_answer({})
        if kind in RETRY_AFTER:
            return rate_limited(RETRY_AFTER[kind])
        if kind == "html":
            return html_page("<html><head><title>X</title></head><body>Something went wrong."
                             "</body></html>")
        return web.Response(text='{"__typename": "Tweet", "id_str": ', content_type="application/json")

    async def _x_oembed(self, request, host, path_qs) -> web.Response:
        outage = await self._oembed_outage()
        if outage:
            return outage
        found = re.search(r"/status(?:es)?/(\d+)", request.query.get("url", ""))
        if not found:
            return json_answer({"errors": [{"code": 44, "message": "url parameter is invalid"}]}, 400)
        post_id = found.group(1)
        kind = self._x_kind(post_id)
        if kind in X_OEMBED_REFUSALS:
            status, body = X_OEMBED_REFUSALS[kind]
            return json_answer(body, status) if body else web.Response(status=status)
        if kind in RETRY_AFTER:
            return rate_limited(RETRY_AFTER[kind])
        embed = capture_json("x_oembed_alive_x.com_url_702136612822634496_2024.json")
        status_url = f"https://twitter.com/{self.account}/status/{post_id}"
        embed.update(url=status_url, author_name="CNE Santa Elena",
                     author_url=f"https://twitter.com/{self.account}",
                     html=f'<blockquote class="twitter-tweet"><a href="{status_url}">'
                          f"{self.account}</a></blockquote>")
        return json_answer(embed)

    async def _x_publish_moved(self, request, host, path_qs) -> web.Response:
        return redirect("https://publish.twitter.com" + path_qs, 301)

    async def _x_twitter_moved(self, request, host, path_qs) -> web.Response:
        return redirect("https://x.com" + path_qs, 301)

    async def _x_status_page(self, request, host, path_qs) -> web.Response:
        return html_page(capture("x_status_page_twitter.com_to_x.com_migrate_436461658601713664.html"))

    # YouTube

    def _youtube_kind(self, video_id: str | None) -> str:
        return self._kind("youtube", video_id, "alive")

    async def _youtube(self, request, host, path_qs) -> web.Response:
        path = urlsplit(path_qs).path
        if path.rstrip("/") == "/oembed":
            return await self._oembed_outage() or self._youtube_oembed(request.query.get("url", ""))
        is_watch = path.rstrip("/") == "/watch" or re.match(r"/(?:live|shorts)/", path)
        found = YOUTUBE_ID.search(path_qs) if is_watch else None
        if not found:
            return html_page("<html><head><title>404 Not Found</title></head></html>", 404)
        video_id = found.group(1)
        if self._youtube_kind(video_id) == "consent":
            original = quote("https://www.youtube.com" + path_qs, safe="")
            return redirect(f"https://consent.youtube.com/m?continue={original}"
                            "&gl=ES&m=0&pc=yt&uxe=23983172&hl=es&src=1")
        return self._youtube_watch(video_id, self._language(video_id, request.query.get("hl")))

    def _language(self, video_id: str, asked: str | None) -> str:
        if video_id in self.languages:
            return self.languages[video_id]
        return asked if asked in YOUTUBE_LANGUAGES else YOUTUBE_REGION_LANGUAGE

    async def _oembed_outage(self) -> web.Response | None:
        if self.oembed_outage == "lento":
            await asyncio.sleep(self.slow_seconds)
        if self.oembed_outage == "503":
            return web.Response(status=503, text="Service Unavailable")
        return None

    def _youtube_oembed(self, url: str) -> web.Response:
        found = YOUTUBE_ID.search(url)
        if not found:
            return web.Response(status=400, text="Bad Request")
        video_id = found.group(1)
        kind = self._youtube_kind(video_id)
        if kind in YOUTUBE_OEMBED_REFUSALS:
            status, text = YOUTUBE_OEMBED_REFUSALS[kind]
            return web.Response(status=status, text=text)
        embed = capture_json("yt_oembed_alive_eiHXASgRTcA_2024.json")
        embed.update(title=f"Transmisión {video_id}", author_name=YOUTUBE_CHANNEL,
                     author_url=f"https://www.youtube.com/{YOUTUBE_HANDLE}",
                     thumbnail_url=f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg",
                     html=embed["html"].replace("eiHXASgRTcA", video_id))
        return json_answer(embed)

    def _youtube_watch(self, video_id: str, lang: str) -> web.Response:
        kind = self._youtube_kind(video_id)
        player = self._player(video_id, kind)
        if kind in YOUTUBE_TEXTS and (lang != "en" or kind not in YOUTUBE_PLAYERS):
            speak(player["playabilityStatus"], *YOUTUBE_TEXTS[kind][lang])
        title = html.escape(player.get("videoDetails", {}).get("title", "YouTube"))
        return html_page(f"<!DOCTYPE html><html><head><title>{title} - YouTube</title></head>"
                         f"<body><script>var ytInitialPlayerResponse = {json.dumps(player)};"
                         "var meta = document.createElement('meta');</script></body></html>")

    def _player(self, video_id: str, kind: str) -> dict:
        if kind in YOUTUBE_PLAYERS:
            player = capture_json(YOUTUBE_PLAYERS[kind])
            if "videoDetails" in player:
                player["videoDetails"]["videoId"] = video_id
            return player
        player = capture_json("yt_watch_ytInitialPlayerResponse_OK_eiHXASgRTcA_subset.json")
        title = f"Transmisión {video_id}"
        player["videoDetails"].update(videoId=video_id, title=title, author=YOUTUBE_CHANNEL)
        player["microformat"]["playerMicroformatRenderer"].update(
            title={"simpleText": title}, publishDate=YOUTUBE_PUBLISHED, uploadDate=YOUTUBE_PUBLISHED,
            ownerChannelName=YOUTUBE_CHANNEL,
            ownerProfileUrl=f"http://www.youtube.com/{YOUTUBE_HANDLE}")
        if kind in ("live_offline", "scheduled"):
            slate = {"scheduledStartTime": YOUTUBE_SCHEDULED_START} if kind == "scheduled" else {}
            player["playabilityStatus"] = {"status": "LIVE_STREAM_OFFLINE", "liveStreamability": {
                "liveStreamabilityRenderer": {"videoId": video_id, "offlineSlate": {
                    "liveStreamOfflineSlateRenderer": slate}}}}
        if kind == "login_wall":  # a bot check shows nothing of the video
            return {"playabilityStatus": {"status": "LOGIN_REQUIRED", "errorScreen": {
                "playerErrorMessageRenderer": {}}}}
        return player

    async def _youtube_short(self, request, host, path_qs) -> web.Response:
        video_id = urlsplit(path_qs).path.strip("/")
        return redirect(f"https://www.youtube.com/watch?v={video_id}&feature=youtu.be", 301)

    async def _youtube_consent_wall(self, request, host, path_qs) -> web.Response:
        return html_page(capture("yt_youtu.be_redirect_to_consent_wall_eiHXASgRTcA.html"))

    # Facebook

    async def _facebook(self, request, host, path_qs) -> web.Response:
        path = urlsplit(path_qs).path
        if host == "fb.watch":
            return self._facebook_share("v", path.strip("/"))
        share = FACEBOOK_SHARE.match(path)
        if share:
            return self._facebook_share(share["kind"] or "p", share["token"])
        if re.match(r"/login\b", path):
            return html_page(self._login_page())
        return self._facebook_post("https://www.facebook.com" + path_qs, request.query.get("v"))

    def _facebook_share(self, kind: str, token: str) -> web.Response:
        target = {
            "p": f"https://www.facebook.com/{FACEBOOK_PAGE}/posts/pfbid0{token}",
            "v": f"https://www.facebook.com/{FACEBOOK_PAGE}/videos/{token_number(token)}/",
            "r": f"https://www.facebook.com/reel/{token_number(token)}",
        }[kind]
        if self._kind("facebook", token, "login_redirect") == "login_redirect":
            return login_redirect(target)
        return redirect(target)

    def _facebook_post(self, url: str, watched: str | None) -> web.Response:
        post_id = watched or urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        kind = self._facebook_kind(post_id)
        if kind == "login_redirect":
            return login_redirect(url)
        if kind == "login_form":
            return html_page(self._login_page())
        if kind == "unsupported_browser":
            return html_page(capture("fb_video_page_unsupportedbrowser_wall_afcajax_1686831701364171.html"))
        if kind == "unavailable":
            return html_page(
                "<html><head><title>Facebook</title></head><body><h2>This content isn't available "
                "right now</h2><p>When this happens, it's usually because the owner only shared it "
                "with a small group of people, changed who can see it or it's been deleted.</p>"
                "</body></html>")
        return html_page(self._post_page(url, kind))

    def _facebook_kind(self, post_id: str) -> str:
        """The scenario set for the post id itself, else for the share token it came from."""
        token = post_id.removeprefix("pfbid0") if post_id.startswith("pfbid0") else (
            number_token(post_id) if post_id.isdigit() else None)
        return self.scenarios.get(("facebook", post_id)) or self._kind(
            "facebook", token, "login_redirect")

    @staticmethod
    def _post_page(url: str, kind: str) -> str:
        url = html.escape(url.split("?")[0])
        data = {"story": {"publish_time": FACEBOOK_PUBLISHED, "url": url}}
        if kind.startswith("several_posts"):
            data = {"feed": [{"url": f"https://www.facebook.com/{FACEBOOK_PAGE}/posts/pfbid0Nueva{n}",
                              "publish_time": FACEBOOK_PUBLISHED + days * 86400}
                             for n, days in enumerate(FACEBOOK_NEWER_DAYS)], **data}
        if kind == "several_posts_untied":
            del data["story"]["url"]
        return ('<!DOCTYPE html><html><head><title>CNE Santa Elena | Facebook</title>'
                '<meta property="og:title" content="CNE Santa Elena rinde cuentas 2024">'
                '<meta property="og:description" content="Invitamos a la ciudadanía a la '
                'rendición de cuentas 2024.">'
                f'<meta property="og:url" content="{url}">'
                '<meta property="og:image" content="https://scontent.xx.fbcdn.net/foto.jpg">'
                '</head><body><script type="application/json">'
                f"{json.dumps(data, separators=(',', ':'))}</script></body></html>")

    @staticmethod
    def _login_page() -> str:
        return ('<!DOCTYPE html><html><head><title>Log in to Facebook</title></head><body>'
                '<div>You must log in to continue.</div><form id="login_form" method="post" '
                'action="/login/"><input name="email"><input name="pass" type="password">'
                '<button id="loginbutton" type="submit">Log in</button></form></body></html>')

    # credentials: YouTube Data API, Graph oEmbed

    async def _youtube_data_api(self, request, host, path_qs) -> web.Response:
        if urlsplit(path_qs).path != "/youtube/v3/videos":
            return google_error(404, "notFound", "NOT_FOUND")
        if "key" in request.query or not self.youtube_key or (
                request.headers.get("X-Goog-Api-Key") != self.youtube_key):
            return google_error(400, "badRequest", "API_KEY_INVALID")
        if self.youtube_quota is not None:
            if self.youtube_quota <= 0:
                return google_error(403, "quotaExceeded", None)
            self.youtube_quota -= 1
        ids = [v for v in request.query.get("id", "").split(",") if v]
        if len(ids) > DATA_API_MAX_IDS:
            return google_error(400, "tooManyIds", None)
        listing = capture_json("yt_data_api_videos_list_doc.json")
        model = listing.pop("items")[0]
        listing["items"] = [self._data_api_item(model, v) for v in ids
                            if self._youtube_kind(v) != "deleted"]
        listing["pageInfo"] = {"totalResults": len(listing["items"]),
                               "resultsPerPage": len(listing["items"])}
        return json_answer(listing)

    def _data_api_item(self, model: dict, video_id: str) -> dict:
        item = json.loads(json.dumps(model))
        privacy, upload, live = DATA_API_VIDEOS.get(self._youtube_kind(video_id),
                                                    ("public", "processed", "none"))
        item["id"] = video_id
        item["snippet"].update(title=f"Transmisión {video_id}", channelTitle=YOUTUBE_CHANNEL,
                               publishedAt="2025-07-03T15:00:00Z", liveBroadcastContent=live)
        item["status"].update(privacyStatus=privacy, uploadStatus=upload)
        if live == "upcoming":
            item["liveStreamingDetails"] = {"scheduledStartTime": "2025-07-04T01:00:00Z"}
        return item

    async def _graph_oembed(self, request, host, path_qs) -> web.Response:
        endpoint = GRAPH_ENDPOINT.match(urlsplit(path_qs).path)
        if not endpoint:
            return graph_error(400, 100, None)
        if "access_token" in request.query or not self.meta_token or (
                request.headers.get("Authorization") != f"Bearer {self.meta_token}"):
            return graph_error(400, 190, None)
        url = request.query.get("url", "")
        post_id = parse_qs(urlsplit(url).query).get("v", [urlsplit(url).path.rstrip("/")
                                                         .rsplit("/", 1)[-1]])[0]
        if endpoint[1] != "instagram_oembed" and self._facebook_kind(post_id) == "unavailable":
            return graph_error(400, 100, 33)
        embed = capture_json("fb_graph_oembed_video_alive_474308113397163.json"
                             if endpoint[1] == "oembed_video" else
                             "fb_graph_oembed_post_alive_3610333842332884.json")
        embed.update(author_name=YOUTUBE_CHANNEL, author_url=f"https://www.facebook.com/{FACEBOOK_PAGE}")
        return json_answer(embed)

    # the web archive: availability API and Save Page Now 2

    async def _archive(self, request, host, path_qs) -> web.Response:
        path = urlsplit(path_qs).path
        if host == "archive.org" and path == "/wayback/available":
            return self._archive_available(request.query.get("url", ""))
        if host != "web.archive.org" or not path.startswith("/save"):
            return self._web_page(host, path)
        if request.headers.get("Authorization") != f"LOW {self.archive_keys}" or not self.archive_keys:
            return web.Response(status=401, text="Unauthorized")
        if "application/json" not in request.headers.get("Accept", ""):
            return html_page("<html><head><title>Save Page Now</title></head></html>")
        if path == "/save" and request.method == "POST":
            return self._archive_save((await request.post()).get("url", ""))
        return self._archive_status(path.removeprefix("/save/status/"))

    def _archive_available(self, url: str) -> web.Response:
        stamp = self.archive_captures.get(url)
        closest = {"closest": {"status": "200", "available": True, "timestamp": stamp,
                               "url": f"http://web.archive.org/web/{stamp}/{url}"}} if stamp else {}
        return json_answer({"url": url, "archived_snapshots": closest})

    def _archive_save(self, url: str) -> web.Response:
        if self.archive_refusal == 429:
            return web.Response(status=429, text="Too Many Requests")
        if self.archive_refusal == "daily":
            return json_answer({"status": "error", "status_ext": "error:too-many-daily-captures",
                                "message": "You have reached your daily limit."})
        job_id = f"spn2-{len(self.archive_jobs) + 1:04d}"
        self.archive_jobs[job_id] = [url, 0]
        return json_answer({"url": url, "job_id": job_id})

    def _archive_status(self, job_id: str) -> web.Response:
        job = self.archive_jobs.get(job_id)
        if job is None:
            return json_answer({"status": "error", "status_ext": "error:job-not-found"})
        job[1] += 1
        if job[1] <= self.archive_pending:
            return json_answer({"status": "pending", "job_id": job_id})
        self.archive_saved.append(job[0])
        return json_answer({"status": "success", "job_id": job_id, "original_url": job[0],
                            "timestamp": "20260102030405", "duration_sec": 6.2})

    # TikTok

    async def _tiktok_oembed(self, request, host, path_qs) -> web.Response:
        if urlsplit(path_qs).path.rstrip("/") != "/oembed":
            return html_page("<html><head><title>TikTok</title></head></html>")
        url = request.query.get("url", "")
        found = re.search(r"/(?:video|photo)/(\d+)", url)
        kind = self._kind("tiktok", found.group(1) if found else None, "alive")
        if not found or kind == "bad_request":
            return json_answer({"code": 400, "message": "Something went wrong", "data": {}}, 400)
        if kind == "not_found":
            return json_answer({"code": 404, "message": "Not Found", "data": {}}, 404)
        if kind == "html":
            return html_page("<html><head><title>TikTok</title></head><body></body></html>")
        embed = capture_json("tiktok_oembed_alive_doc.json")
        embed.update(title=f"Rendición de cuentas {found.group(1)}", author_name="CNE Ecuador",
                     author_unique_id=TIKTOK_ACCOUNT, author_url=f"https://www.tiktok.com/@{TIKTOK_ACCOUNT}",
                     embed_product_id=found.group(1))
        return json_answer(embed)

    async def _tiktok_short(self, request, host, path_qs) -> web.Response:
        token = urlsplit(path_qs).path.strip("/")
        return redirect(f"https://www.tiktok.com/@{TIKTOK_ACCOUNT}/video/{token_number(token)}"
                        "?_r=1&_t=ZM", 301)

    # the rest of the web

    async def _web(self, request, host, path_qs) -> web.StreamResponse:
        path = urlsplit(path_qs).path
        if path in WEB_STATUSES:
            return html_page(f"<html><head><title>Error {WEB_STATUSES[path]}</title></head></html>",
                             WEB_STATUSES[path])
        special = {"/cf": self._cloudflare, "/sin-head": self._no_head, "/lento": self._slow,
                   "/rafaga-5xx": self._burst, "/429": self._burst, "/429-http-date": self._burst,
                   "/reset": self._reset_connection, "/enorme": self._huge,
                   "/utf8-invalido": self._bad_utf8, "/json-roto": self._broken_json,
                   "/redir-a": self._redirect_as_asked, "/retry-after": self._retry_after_as_asked}
        if path in special:
            return await special[path](request, host, path)
        moved = self._web_redirect(host, path)
        return moved or self._web_page(host, path)

    @staticmethod
    def _web_page(host: str, path: str) -> web.Response:
        title = html.escape(f"Página {host}{path}")
        return html_page(f"<!DOCTYPE html><html><head><title>{title}</title></head>"
                         f"<body><h1>{title}</h1></body></html>")

    @staticmethod
    def _web_redirect(host: str, path: str) -> web.Response | None:
        if path == "/bucle":
            return redirect(f"https://{host}/bucle-b")
        if path == "/bucle-b":
            return redirect(f"https://{host}/bucle")
        if path == "/redir-privada":
            return redirect("http://10.0.0.1/x")
        hop = re.fullmatch(r"/redir-larga(?:/(\d+))?", path)
        if hop and int(hop.group(1) or 0) < LONG_REDIRECTS:
            return redirect(f"https://{host}/redir-larga/{int(hop.group(1) or 0) + 1}")
        return None

    async def _redirect_as_asked(self, request, host, path) -> web.Response:
        return redirect(request.query.get("a", ""))

    async def _retry_after_as_asked(self, request, host, path) -> web.Response:
        return web.Response(status=int(request.query.get("estado", "503")), text="espere",
                            headers={"Retry-After": request.query.get("valor", "")})

    async def _cloudflare(self, request, host, path) -> web.Response:
        return web.Response(status=403, text="<html><title>Just a moment...</title></html>",
                            content_type="text/html", headers={"cf-mitigated": "challenge"})

    async def _no_head(self, request, host, path) -> web.Response:
        if request.method == "HEAD":
            return web.Response(status=405, headers={"Allow": "GET"})
        return self._web_page(host, path)

    async def _slow(self, request, host, path) -> web.Response:
        await asyncio.sleep(self.slow_seconds)
        return self._web_page(host, path)

    async def _burst(self, request, host, path) -> web.Response:
        self._seen[(host, path)] += 1
        seen = self._seen[(host, path)]
        if path == "/rafaga-5xx" and seen <= 2:
            return web.Response(status=503, text="Service Unavailable")
        if path == "/429" and seen == 1:
            return rate_limited("1")
        if path == "/429-http-date" and seen == 1:
            return rate_limited(formatdate(time.time() + 1, usegmt=True))
        return self._web_page(host, path)

    async def _reset_connection(self, request, host, path) -> web.Response:
        # SO_LINGER 0: close() sends RST instead of FIN, a reset as the client sees it
        sock = request.transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        request.transport.abort()
        raise asyncio.CancelledError  # nothing to answer on a closed connection

    async def _huge(self, request, host, path) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        if request.method != "HEAD":  # a body after a HEAD answer corrupts the connection
            response.enable_chunked_encoding()
        await response.prepare(request)
        if request.method == "HEAD":
            return response
        chunk = b"<p>" + b"x" * (HUGE_CHUNK - 3)
        for _ in range(HUGE_BYTES // HUGE_CHUNK):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def _bad_utf8(self, request, host, path) -> web.Response:
        return web.Response(body=b"<html><head><title>caf\xe9 \xff\xfe rendici\xc3n</title></head></html>",
                            content_type="text/html", charset="utf-8")

    async def _broken_json(self, request, host, path) -> web.Response:
        return web.Response(text='{"roto": [1, 2, ', content_type="application/json")
