"""A real HTTP server on 127.0.0.1 that answers like X, YouTube, Facebook and the web.

Reached through the product's own seam:
`--remap '^https?://([^/]+)/?(.*)$ http://127.0.0.1:PORT/\\1/\\2'`, so a request arrives as
`/{platform host}/{path and query}`. Redirects name platform hosts, as the platforms do. Bodies
come from the real captures in tests/capturas/ where one exists.

| host | scenario (set per id with `x(...)`, `youtube(...)`, `facebook(...)`) |
|---|---|
| cdn.syndication.twimg.com, publish.twitter.com | alive (default), deleted, suspended, account_gone, withheld, not_found, protected, oembed_only, empty, rate_limited, rate_limited_long, html, broken_json |
| www.youtube.com, youtu.be | alive (default), deleted, private, age, geoblocked, members_only, embed_disabled, live_offline, consent |
| www.facebook.com, fb.watch | login_redirect (default: what robots see), alive, login_form, unsupported_browser, unavailable |
| any other host | by path: /no-existe 404, /gone 410, /prohibido 403, /cf 403 + cf-mitigated, /999, /sin-head (HEAD 405), /lento, /rafaga-5xx (two 503 then 200), /429 (one 429 then 200), /429-http-date, /reset, /bucle, /redir-larga, /redir-privada, /enorme (50 MB), /utf8-invalido, /json-roto; anything else 200 with a title |

Every request is recorded in `requests` as (method, host, path_qs).
"""

from __future__ import annotations

import asyncio
import json
import threading
import zlib
from collections import Counter
from email.utils import formatdate
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from aiohttp import web

CAPTURES = Path(__file__).parent / "capturas"
SNOWFLAKE_EPOCH_MS = 1288834974657


def capture(name: str) -> str:
    return (CAPTURES / name).read_text(encoding="utf-8")


def capture_json(name: str):
    return json.loads(capture(name))


def snowflake_iso(post_id: str) -> str:
    from datetime import datetime, timezone

    ms = (int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def tombstone(text: str) -> dict:
    return {"__typename": "TweetTombstone", "tombstone": {"text": {"text": text}}}


TOMBSTONES = {
    "deleted": "This Post was deleted by the Post author. Learn more",
    "suspended": "This Post is from a suspended account. Learn more",
    "account_gone": "This Post is from an account that no longer exists. Learn more",
}


class PlatformServer:
    def __init__(self):
        self.latency = 0.0
        self.slow_seconds = 3.0
        self.account = "CNE_StaElena"
        self.requests: list[tuple[str, str, str]] = []
        self.hits: Counter[str] = Counter()
        self.scenarios: dict[tuple[str, str], str] = {}
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None

    # scenarios

    def x(self, post_id: str, kind: str) -> None:
        self.scenarios[("x", str(post_id))] = kind

    def youtube(self, video_id: str, kind: str) -> None:
        self.scenarios[("youtube", video_id)] = kind

    def facebook(self, token: str, kind: str) -> None:
        self.scenarios[("facebook", token)] = kind

    def reset(self) -> None:
        self.scenarios.clear()
        self.requests.clear()
        self.hits.clear()
        self.latency = 0.0

    @property
    def remap(self) -> str:
        return rf"^https?://([^/]+)/?(.*)$ http://127.0.0.1:{self.port}/\1/\2"

    def requests_for(self, fragment: str) -> list[tuple[str, str, str]]:
        return [r for r in self.requests if fragment in r[1] + r[2]]

    # life cycle

    def start(self) -> PlatformServer:
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        ready.wait(10)
        return self

    def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_route("*", "/{host}/{tail:.*}", self._dispatch)
        app.router.add_route("*", "/{host}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        ready.set()
        self._loop.run_forever()

    def stop(self) -> None:
        if self._loop:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)

    # dispatch

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        host = request.match_info["host"].lower()
        tail = request.match_info.get("tail", "")
        path_qs = "/" + tail + (f"?{request.query_string}" if request.query_string else "")
        self.requests.append((request.method, host, path_qs))
        self.hits[host + path_qs] += 1
        if self.latency:
            await asyncio.sleep(self.latency)
        handler = self._handler_for(host)
        return await handler(request, host, path_qs)

    def _handler_for(self, host: str):
        if host == "cdn.syndication.twimg.com":
            return self._x_syndication
        if host in ("publish.twitter.com", "publish.x.com"):
            return self._x_oembed
        if host in ("www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be",
                    "consent.youtube.com"):
            return self._youtube
        if host.endswith("facebook.com") or host == "fb.watch":
            return self._facebook
        return self._web

    # X

    def _x_kind(self, post_id: str) -> str:
        return self.scenarios.get(("x", post_id), "alive")

    def _tweet(self, post_id: str) -> dict:
        tweet = capture_json("x_syndication_tweet-result_alive_2023357708301455483.json")
        tweet.update(id_str=post_id, created_at=snowflake_iso(post_id),
                     text=f"Publicación {post_id} de la cuenta institucional")
        tweet["user"]["screen_name"] = self.account
        return tweet

    async def _x_syndication(self, request, host, path_qs):
        post_id = request.query.get("id", "")
        kind = self._x_kind(post_id)
        if kind == "alive":
            return web.json_response(self._tweet(post_id))
        if kind in TOMBSTONES:
            return web.json_response(tombstone(TOMBSTONES[kind]))
        if kind == "withheld":
            return web.json_response({"__typename": "TweetTombstone", "tombstone": {}})
        if kind in ("not_found", "protected", "oembed_only"):
            return web.Response(status=404)
        if kind == "empty":
            return web.json_response({})
        if kind == "rate_limited":
            return web.Response(status=429, text="Rate limit exceeded", headers={"Retry-After": "1"})
        if kind == "rate_limited_long":
            return web.Response(status=429, text="Rate limit exceeded",
                                headers={"Retry-After": "3600"})
        if kind == "html":
            return web.Response(text="<html><title>Oops</title></html>", content_type="text/html")
        return web.Response(text='{"__typename": "Tweet", "id_str": ', content_type="application/json")

    async def _x_oembed(self, request, host, path_qs):
        target = request.query.get("url", "")
        post_id = urlsplit(target).path.rstrip("/").rsplit("/", 1)[-1]
        kind = self._x_kind(post_id)
        if kind in ("not_found", "deleted"):
            return web.Response(status=404)
        if kind == "protected":
            return web.json_response({"error": "Sorry, you are not authorized to see this status."},
                                     status=403)
        embed = capture_json("x_oembed_alive_x.com_url_702136612822634496_2024.json")
        embed.update(url=f"https://twitter.com/{self.account}/status/{post_id}",
                     author_name="CNE Santa Elena", author_url=f"https://twitter.com/{self.account}")
        return web.json_response(embed)

    # YouTube

    def _player(self, video_id: str, kind: str) -> dict:
        files = {
            "deleted": "yt_innertube_player_ERROR_video_unavailable_nonexistent.json",
            "private": "yt_innertube_player_LOGIN_REQUIRED_private.json",
            "age": "yt_innertube_player_LOGIN_REQUIRED_age_restricted.json",
            "geoblocked": "yt_innertube_player_UNPLAYABLE_geoblocked.json",
            "members_only": "yt_innertube_player_UNPLAYABLE_members_only.json",
        }
        if kind in files:
            return capture_json(files[kind])
        player = capture_json("yt_watch_ytInitialPlayerResponse_OK_eiHXASgRTcA_subset.json")
        player["videoDetails"]["videoId"] = video_id
        micro = player["microformat"]["playerMicroformatRenderer"]
        micro.update(publishDate="2025-07-03T10:00:00-05:00", uploadDate="2025-07-03T10:00:00-05:00",
                     ownerChannelName="CNE Santa Elena",
                     ownerProfileUrl="http://www.youtube.com/@cnestaelena")
        if kind == "live_offline":
            player["playabilityStatus"] = {"status": "LIVE_STREAM_OFFLINE",
                                           "reason": "This live event will begin in a few moments."}
        return player

    async def _youtube(self, request, host, path_qs):
        if host == "youtu.be":
            video_id = path_qs.strip("/").split("?")[0]
            raise web.HTTPMovedPermanently(
                f"https://www.youtube.com/watch?v={video_id}&feature=youtu.be")
        if host == "consent.youtube.com":
            return web.Response(text=capture("yt_youtu.be_redirect_to_consent_wall_eiHXASgRTcA.html"),
                                content_type="text/html")
        if path_qs.startswith("/oembed"):
            return self._youtube_oembed(request)
        video_id = request.query.get("v", "")
        kind = self.scenarios.get(("youtube", video_id), "alive")
        if kind == "consent":
            continue_to = quote(f"https://www.youtube.com/watch?v={video_id}", safe="")
            raise web.HTTPFound(f"https://consent.youtube.com/m?continue={continue_to}&gl=ES")
        player = json.dumps(self._player(video_id, kind))
        page = (f"<html><head><title>YouTube</title></head><body><script>"
                f"var ytInitialPlayerResponse = {player};var meta = 1;</script></body></html>")
        return web.Response(text=page, content_type="text/html")

    def _youtube_oembed(self, request) -> web.Response:
        target = request.query.get("url", "")
        video_id = parse_qs(urlsplit(target).query).get("v", [""])[0]
        kind = self.scenarios.get(("youtube", video_id), "alive")
        statuses = {"deleted": 404, "private": 403, "age": 401, "embed_disabled": 401}
        if kind in statuses:
            return web.Response(status=statuses[kind], text="Forbidden" if kind == "private" else "")
        embed = capture_json("yt_oembed_alive_eiHXASgRTcA_2024.json")
        embed.update(title=f"Transmisión {video_id}", author_name="CNE Santa Elena",
                     author_url="https://www.youtube.com/@cnestaelena")
        return web.json_response(embed)

    # Facebook

    async def _facebook(self, request, host, path_qs):
        parts = [p for p in urlsplit(path_qs).path.split("/") if p]
        if host == "fb.watch" or parts[:1] == ["share"]:
            token = parts[-1]
            kind = self.scenarios.get(("facebook", token), "login_redirect")
            target = (f"https://www.facebook.com/CNEStaElena/videos/{zlib.crc32(token.encode())}/"
                      if "/v/" in path_qs or host == "fb.watch"
                      else f"https://www.facebook.com/CNEStaElena/posts/pfbid0{token}")
            if kind == "login_redirect":
                raise web.HTTPFound("https://www.facebook.com/login/?next=" + quote(target, safe=""))
            raise web.HTTPFound(target + f"?escenario={kind}")
        if parts[:1] == ["login"]:
            return web.Response(text=self._login_page(), content_type="text/html")
        kind = request.query.get("escenario") or self.scenarios.get(
            ("facebook", parts[-1] if parts else ""), "login_redirect")
        return self._facebook_page(kind, "https://www.facebook.com" + urlsplit(path_qs).path)

    def _facebook_page(self, kind: str, url: str) -> web.StreamResponse:
        if kind == "login_redirect":
            raise web.HTTPFound("https://www.facebook.com/login/?next=" + quote(url, safe=""))
        if kind == "login_form":
            return web.Response(text=self._login_page(), content_type="text/html")
        if kind == "unsupported_browser":
            return web.Response(
                text=capture("fb_video_page_unsupportedbrowser_wall_afcajax_1686831701364171.html"),
                content_type="text/html")
        if kind == "unavailable":
            return web.Response(text="<html><body><h2>This content isn't available right now"
                                     "</h2></body></html>", content_type="text/html")
        return web.Response(text=(
            '<html><head><title>CNE Santa Elena</title>'
            '<meta property="og:title" content="CNE Santa Elena rinde cuentas 2024">'
            '<meta property="og:description" content="Invitamos a la ciudadanía">'
            f'<meta property="og:url" content="{url}">'
            '<meta property="og:image" content="https://scontent.xx.fbcdn.net/foto.jpg">'
            '</head><body><script>{"publish_time":1751558400}</script></body></html>'),
            content_type="text/html")

    @staticmethod
    def _login_page() -> str:
        return ('<html><body><div>You must log in to continue.</div><form id="login_form">'
                '<button id="loginbutton">Log in</button></form></body></html>')

    # the rest of the web

    async def _web(self, request, host, path_qs):
        path = urlsplit(path_qs).path
        simple = {"/no-existe": 404, "/gone": 410, "/prohibido": 403, "/999": 999}
        if path in simple:
            return web.Response(status=simple[path], text="no")
        if path == "/cf":
            return web.Response(status=403, text="Just a moment...", headers={"cf-mitigated": "challenge"})
        if path == "/sin-head" and request.method == "HEAD":
            return web.Response(status=405)
        if path == "/lento":
            await asyncio.sleep(self.slow_seconds)
        if path in ("/rafaga-5xx", "/429", "/429-http-date"):
            return self._fault_burst(host, path)
        if path == "/reset":
            request.transport.abort()
            return web.Response(status=500)
        if path == "/bucle":
            raise web.HTTPFound(f"http://{host}/bucle-b")
        if path == "/bucle-b":
            raise web.HTTPFound(f"http://{host}/bucle")
        if path.startswith("/redir-larga"):
            step = int(path.rsplit("-", 1)[-1]) if path[-1].isdigit() else 0
            raise web.HTTPFound(f"http://{host}/redir-larga-{step + 1}")
        if path == "/redir-privada":
            raise web.HTTPFound("http://10.0.0.1/interno")
        if path == "/enorme":
            return await self._huge(request)
        if path == "/utf8-invalido":
            return web.Response(body=b"<html><title>caf\xe9 \xff\xfe</title></html>",
                                content_type="text/html")
        if path == "/json-roto":
            return web.Response(text='{"roto": ', content_type="application/json")
        return web.Response(text=f"<html><head><title>Página {host}{path}</title></head></html>",
                            content_type="text/html")

    def _fault_burst(self, host: str, path: str) -> web.Response:
        seen = self.hits[host + path]
        if path == "/rafaga-5xx" and seen <= 2:
            return web.Response(status=503, text="ocupado")
        if path == "/429" and seen <= 1:
            return web.Response(status=429, text="Rate limit exceeded", headers={"Retry-After": "1"})
        if path == "/429-http-date" and seen <= 1:
            return web.Response(status=429, headers={"Retry-After": formatdate(usegmt=True)})
        return web.Response(text=f"<html><title>Recuperado {path}</title></html>",
                            content_type="text/html")

    async def _huge(self, request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        if request.method == "HEAD":  # no body: one after a HEAD answer corrupts the connection
            return response
        chunk = b"x" * 65536
        try:
            for _ in range(50 * 16):
                await response.write(chunk)
        except (ConnectionError, RuntimeError):
            pass
        return response
