"""Platform checks against a fake internet serving the captured answers in tests/captures/.

Where no capture exists (Facebook pages, some tombstones) the answer is built from the facts in
shared/plataformas.md, and the test says so.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from cosecha.platforms import by_name, identify
from cosecha.platforms.base import Reply, Unreachable
from cosecha.platforms.x import syndication_token

CAPTURES = Path(__file__).parent / "captures"
JSON = {"content-type": "application/json; charset=utf-8"}
HTML = {"content-type": "text/html; charset=utf-8"}


def capture(name: str) -> bytes:
    return (CAPTURES / name).read_bytes()


@dataclass
class Served:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    url: str | None = None  # the final URL after redirects; the requested one when None
    history: list[str] = field(default_factory=list)


class FakeFetcher:
    """The Fetcher protocol over a dict: 'URL prefix' or 'METHOD URL prefix' -> Served."""

    def __init__(self, routes: dict[str, Served]):
        self.routes = sorted(routes.items(), key=lambda item: -len(item[0]))
        self.requests: list[tuple[str, str, dict[str, str] | None]] = []

    async def get(self, url, *, headers=None, follow_redirects=True, method="GET") -> Reply:
        self.requests.append((method, url, headers))
        for prefix, served in self.routes:
            if url.startswith(prefix) or f"{method} {url}".startswith(prefix):
                return Reply(served.status, served.url or url, served.headers, served.body,
                             list(served.history))
        raise AssertionError(f"unexpected request: {method} {url}")


def check(url: str, routes: dict[str, Served]):
    info = identify(url)
    fetcher = FakeFetcher(routes)
    return asyncio.run(by_name(info.platform).check(info, fetcher)), fetcher


# --- X ---------------------------------------------------------------------------------------

SYNDICATION = "https://cdn.syndication.twimg.com/tweet-result?"
OEMBED_X = "https://publish.twitter.com/oembed?"
TWEET = "https://x.com/jarredsumner/status/2023357708301455483"


def test_syndication_token_matches_what_javascript_computes():
    # expected values printed by node: ((Number(id) / 1e15) * Math.PI).toString(36).replace(...)
    assert syndication_token("1163218564784017422") == "2ticx4q85hf"
    assert syndication_token("1935399367130657167") == "4ow8if1k1j"
    assert syndication_token("71633762") == "dlve538n4hj"
    assert syndication_token("20") == "6dq1a2xwd93"


def test_x_post_is_dated_offline_by_its_snowflake_id():
    facts = by_name("x").offline_facts(identify(TWEET))
    assert facts.published_at == "2026-02-16T11:24:04Z"  # the capture's created_at
    assert by_name("x").offline_facts(identify("https://twitter.com/bpoweski/status/71633762")) \
        is None  # a 2007 sequential id carries no date


def test_alive_tweet_gives_author_date_and_text():
    found, fetcher = check(TWEET, {SYNDICATION: Served(200, capture(
        "x_syndication_tweet-result_alive_2023357708301455483.json"), JSON)})
    assert (found.status, found.reason, found.author) == ("alive", None, "jarredsumner")
    assert found.published_at == "2026-02-16T11:24:04Z"
    assert found.title.startswith("Underdocumented: `bun build --compile`")
    query = parse_qs(urlsplit(fetcher.requests[0][1]).query)
    assert query == {"id": ["2023357708301455483"], "token": [syndication_token(
        "2023357708301455483")]}


def test_alive_tweet_with_card_is_alive():
    found, _ = check("https://twitter.com/rhaksw/status/1703436713362870723", {
        SYNDICATION: Served(200, capture(
            "x_syndication_tweet-result_alive_card_1703436713362870723.json"), JSON)})
    assert (found.status, found.author, found.published_at) == (
        "alive", "rhaksw", "2023-09-17T15:52:15Z")


def test_tombstone_deleted_by_author_is_broken_deleted_without_asking_oembed():
    found, fetcher = check(TWEET, {SYNDICATION: Served(200, capture(
        "x_syndication_tweet-result_tombstone_deleted.json"), JSON)})
    assert (found.status, found.reason) == ("broken", "deleted")
    assert found.published_at == "2026-02-16T11:24:04Z"  # still dated by its id
    assert len(fetcher.requests) == 1


def _tombstone(text: str | None) -> bytes:
    inner = {"text": {"text": text, "entities": []}} if text is not None else {}
    return json.dumps({"__typename": "TweetTombstone", "tombstone": inner}).encode()


@pytest.mark.parametrize(("text", "reason"), [  # texts as X words them (plataformas.md)
    ("This Post is from a suspended account. Learn more", "suspended"),
    ("This Post is from an account that no longer exists. Learn more", "account_gone"),
    ("You’re unable to view this Post because this account owner limits who can view their "
     "Posts. Learn more", "protected"),
])
def test_tombstone_reason_comes_from_its_text(text, reason):
    found, _ = check(TWEET, {SYNDICATION: Served(200, _tombstone(text), JSON)})
    assert (found.status, found.reason) == ("broken", reason)


@pytest.mark.parametrize("text", [None, "Age-restricted adult content. This content might not "
                                  "be appropriate for people under 18 years old. Learn more"])
def test_withheld_tombstone_is_alive_restricted_from_the_record_alone(text):
    found, fetcher = check(TWEET, {SYNDICATION: Served(200, _tombstone(text), JSON)})
    assert (found.status, found.reason) == ("alive", "restricted")
    assert len(fetcher.requests) == 1


def test_unknown_tombstone_text_is_unexpected_not_broken():
    found, _ = check(TWEET, {SYNDICATION: Served(200, _tombstone("Something new happened"),
                                                 JSON)})
    assert found.status == "unverified" and "Something new happened" in found.reason


def test_empty_syndication_answer_is_unexpected_not_broken():
    found, _ = check(TWEET, {SYNDICATION: Served(200, b"{}", JSON)})
    assert found.status == "unverified" and found.reason.startswith("unexpected")


def test_syndication_404_alive_in_oembed_is_alive_with_author_from_author_url():
    url = "https://x.com/pepephone/status/436461658601713664?s=20"
    found, fetcher = check(url, {
        SYNDICATION: Served(404, b"", JSON),
        OEMBED_X: Served(200, capture("x_oembed_publish.x.com_alive_436461658601713664.json"),
                         JSON)})
    assert (found.status, found.author) == ("alive", "pepephone")
    assert found.title.startswith("RT @PabloHerreros Pepephone rompe la baraja")
    assert found.published_at == "2014-02-20T11:25:43Z"  # the embed says February 20, 2014
    asked = parse_qs(urlsplit(fetcher.requests[1][1]).query)
    assert asked["url"] == ["https://twitter.com/pepephone/status/436461658601713664"]


def test_oembed_for_an_account_less_url_names_i_status():
    _, fetcher = check("https://x.com/i/web/status/436461658601713664", {
        SYNDICATION: Served(404), OEMBED_X: Served(404)})
    asked = parse_qs(urlsplit(fetcher.requests[1][1]).query)
    assert asked["url"] == ["https://twitter.com/i/status/436461658601713664"]


@pytest.mark.parametrize(("status", "body", "verdict"), [
    (404, b"", ("broken", "deleted")),
    (403, b'{"error":"Sorry, you are not authorized to see this status."}',
     ("broken", "protected")),
    (403, b'{"error":"User has been suspended."}', ("broken", "suspended")),
])
def test_syndication_404_is_confirmed_by_oembed(status, body, verdict):
    found, _ = check(TWEET, {SYNDICATION: Served(404), OEMBED_X: Served(status, body, JSON)})
    assert (found.status, found.reason) == verdict
    assert found.http_status == status


def test_tweet_without_user_asks_oembed_for_the_suspended_author():
    body = json.dumps({"__typename": "Tweet", "id_str": "2023357708301455483", "text": "x"})
    found, fetcher = check(TWEET, {SYNDICATION: Served(200, body.encode(), JSON),
                                   OEMBED_X: Served(403, b'{"error":"User has been suspended."}')})
    assert (found.status, found.reason) == ("broken", "suspended")
    assert fetcher.requests[1][1].startswith(OEMBED_X)


def test_html_where_json_was_expected_is_unexpected_and_says_what_it_saw():
    found, _ = check(TWEET, {SYNDICATION: Served(200, capture(
        "x_status_page_twitter.com_to_x.com_migrate_436461658601713664.html"), HTML)})
    assert found.status == "unverified" and "text/html" in found.reason


def test_oembed_error_that_is_not_a_verdict_is_unexpected():
    found, _ = check(TWEET, {SYNDICATION: Served(404), OEMBED_X: Served(
        400, capture("x_oembed_400_xml_not_implemented.json"), JSON)})
    assert (found.status, found.http_status) == ("unverified", 400)


def test_x_rate_limit_is_unverified_rate_limited():
    found, _ = check(TWEET, {SYNDICATION: Served(429, b"Rate limit exceeded",
                                                 {"content-type": "text/plain"})})
    assert (found.status, found.reason) == ("unverified", "rate_limited")


# --- YouTube ---------------------------------------------------------------------------------

OEMBED_YT = "https://www.youtube.com/oembed?"
WATCH = "https://www.youtube.com/watch?v="
VIDEO = "https://youtu.be/eiHXASgRTcA?si=abc&t=42"


def watch_page(player_capture: str) -> bytes:
    """A watch page holding a captured player response the way YouTube embeds it."""
    player = json.loads(capture(player_capture)).get("playerResponse", None)
    player = player if player is not None else json.loads(capture(player_capture))
    return (f'<html><head><title>YouTube</title></head><body><script nonce="n">var '
            f'ytInitialPlayerResponse = {json.dumps(player)};var meta = document.createElement('
            f'"meta");</script></body></html>').encode()


def youtube(player_capture: str, oembed: Served | None = None):
    return check(VIDEO, {
        OEMBED_YT: oembed or Served(404, b"Not Found"),
        WATCH: Served(200, watch_page(player_capture), HTML)})


def test_playable_video_is_alive_with_title_channel_and_date_from_one_watch_page_request():
    found, fetcher = youtube("yt_watch_ytInitialPlayerResponse_OK_eiHXASgRTcA_subset.json",
                             Served(200, capture("yt_oembed_alive_eiHXASgRTcA_2024.json"), JSON))
    assert (found.status, found.reason) == ("alive", None)
    assert (found.title, found.author) == ("Noisy kittens waiting for dinner!", "@smshdchrb")
    assert found.published_at == "2008-10-04T20:06:22Z"
    [(_method, url, headers)] = fetcher.requests
    assert (url == "https://www.youtube.com/watch?v=eiHXASgRTcA&hl=en"
            and "SOCS=" in headers["Cookie"])


def test_unlisted_video_is_alive():
    found, _ = youtube("yt_innertube_player_OK_unlisted_tjz2u2DiveM.json")
    assert (found.status, found.reason) == ("alive", None)


def test_oembed_401_is_not_a_verdict_the_watch_page_decides():
    found, _ = youtube("yt_watch_ytInitialPlayerResponse_OK_eiHXASgRTcA_subset.json",
                       Served(401, b"Unauthorized"))
    assert (found.status, found.author) == ("alive", "@smshdchrb")


@pytest.mark.parametrize("player", ["yt_innertube_player_ERROR_video_unavailable_nonexistent.json",
                                    "yt_innertube_player_ERROR_invalid_id.json"])
def test_error_video_unavailable_is_broken_unavailable(player):
    found, _ = youtube(player)
    assert (found.status, found.reason) == ("broken", "unavailable")


@pytest.mark.parametrize("player", [
    "yt_innertube_player_LOGIN_REQUIRED_private.json",
    "yt_innertube_reel_item_watch_LOGIN_REQUIRED_private_8VajtrESJzA.json",
])
def test_private_video_is_broken_private(player):
    found, _ = youtube(player, Served(403, capture("yt_oembed_403_private_NHriYTkvd0g.txt")))
    assert (found.status, found.reason) == ("broken", "private")


def test_age_gate_is_alive_age_restricted_not_broken():
    found, _ = youtube("yt_innertube_player_LOGIN_REQUIRED_age_restricted.json")
    assert (found.status, found.reason, found.author) == ("alive", "age_restricted", "@dantv6136")
    assert found.published_at == "2018-03-11T19:22:08Z"


@pytest.mark.parametrize("player", [
    "yt_innertube_player_UNPLAYABLE_geoblocked.json",
    "yt_innertube_player_UNPLAYABLE_members_only.json",
    "yt_innertube_reel_item_watch_UNPLAYABLE_music_premium_sMJ8bRN2dak.json",
    "yt_innertube_player_UNPLAYABLE_age_restricted_embed_client.json",
])
def test_unplayable_geoblocked_or_members_only_is_alive_restricted(player):
    found, _ = youtube(player)
    assert (found.status, found.reason) == ("alive", "restricted")


def _synthetic_player(status: str, reason: str) -> bytes:
    player = {"playabilityStatus": {"status": status, "reason": reason}}
    return f"<script>var ytInitialPlayerResponse = {json.dumps(player)};</script>".encode()


@pytest.mark.parametrize(("status", "text", "verdict"), [
    ("LIVE_STREAM_OFFLINE", "This live event will begin in 3 hours.", ("alive", "scheduled")),
    ("ERROR", "This video has been removed by the uploader", ("broken", "removed")),
    ("ERROR", "This video is no longer available because the YouTube account associated with "
              "this video has been terminated.", ("broken", "account_gone")),
    ("LOGIN_REQUIRED", "Sign in to confirm you’re not a bot", ("unverified", "login_wall")),
])
def test_playability_text_gives_the_reason(status, text, verdict):
    found, _ = check(VIDEO, {OEMBED_YT: Served(404),
                             WATCH: Served(200, _synthetic_player(status, text), HTML)})
    assert (found.status, found.reason) == verdict


def test_consent_redirect_is_unverified_consent_wall_not_broken():
    found, _ = check(VIDEO, {OEMBED_YT: Served(200, capture(
        "yt_oembed_alive_youtu.be_eiHXASgRTcA_2021.json"), JSON), WATCH: Served(
        200, capture("yt_youtu.be_redirect_to_consent_wall_eiHXASgRTcA.html"), HTML,
        url="https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2Fwatch",
        history=["https://www.youtube.com/watch?v=eiHXASgRTcA"])})
    assert (found.status, found.reason) == ("unverified", "consent_wall")
    assert found.final_url.startswith("https://consent.youtube.com/")


def test_consent_page_served_in_place_is_unverified_consent_wall():
    found, _ = check(VIDEO, {OEMBED_YT: Served(404), WATCH: Served(
        200, capture("yt_channel_redirect_to_consent_wall.html"), HTML)})
    assert (found.status, found.reason) == ("unverified", "consent_wall")


@pytest.mark.parametrize("body", [
    capture("yt_watch_page_head_meta_eiHXASgRTcA.html"),  # meta tags but no player data
    b"<script>var ytInitialPlayerResponse = {\"playabilityStatus\": {\"status\": ",  # cut JSON
    watch_page("yt_innertube_reel_item_watch_nonexistent_id_empty.json"),  # player {}
])
def test_watch_page_without_readable_player_is_unexpected(body):
    found, _ = check(VIDEO, {OEMBED_YT: Served(404), WATCH: Served(200, body, HTML)})
    assert found.status == "unverified" and found.reason.startswith("unexpected")


# --- Facebook (no capture of a post page exists: pages built from plataformas.md) ------------

POST = "https://www.facebook.com/CNEEcuador/posts/pfbid02aBcDeF"
SHARE = "https://www.facebook.com/share/p/1AbCdEfGhI/?mibextid=x"
LOGIN = "https://www.facebook.com/login/?next="


def og_page(og_url: str, title: str = "CNE Ecuador", extra: str = "") -> bytes:
    return (f'<html><head><meta property="og:title" content="{title}"/>'
            f'<meta property="og:description" content="Jornada de capacitación"/>'
            f'<meta property="og:url" content="{og_url}"/>{extra}</head><body>'
            f'<script>{{"url":"{og_url}","creation_time":1719878400,"publish_time":1719878400}}'
            f'</script>'
            f'<form id="login_form" action="/login/"></form></body></html>').encode()


def test_share_link_redirected_to_login_is_unverified_login_wall_with_the_resolved_id():
    found, _ = check(SHARE, {"https://www.facebook.com/share/": Served(
        200, b"<html><form id='login_form'></form></html>", HTML, url=LOGIN + quote(POST, safe=""),
        history=["https://www.facebook.com/share/p/1AbCdEfGhI/"])})
    assert (found.status, found.reason) == ("unverified", "login_wall")
    assert (found.resolved_id, found.resolved_url) == ("pfbid02aBcDeF", POST)


def test_share_link_resolved_to_a_public_post_is_alive_with_og_facts():
    found, _ = check(SHARE, {"https://www.facebook.com/share/": Served(
        200, og_page(POST + "/"), HTML, url=POST, history=[SHARE])})
    assert (found.status, found.title, found.author) == ("alive", "CNE Ecuador", "CNEEcuador")
    assert found.published_at == "2024-07-02T00:00:00Z"
    assert found.resolved_id == "pfbid02aBcDeF"


def test_fb_watch_link_resolves_through_the_redirect_hops():
    video = "https://www.facebook.com/watch/?v=474308113397163"
    found, _ = check("https://fb.watch/rSt_UvW-1x/", {"https://fb.watch/": Served(
        200, b"<html></html>", HTML, url=LOGIN + quote(video, safe=""),
        history=["https://fb.watch/rSt_UvW-1x/", video])})
    assert (found.status, found.reason, found.resolved_id) == (
        "unverified", "login_wall", "474308113397163")


def test_public_post_page_with_og_tags_is_alive_with_article_date():
    page = og_page(POST, extra='<meta property="article:published_time" '
                               'content="2024-07-01T19:00:00-05:00"/>').replace(
        b'"creation_time":1719878400,"publish_time":1719878400', b"")
    found, _ = check(POST + "?__cft__[0]=x", {POST: Served(200, page, HTML)})
    assert (found.status, found.published_at, found.resolved_id) == (
        "alive", "2024-07-02T00:00:00Z", None)


def test_login_form_instead_of_the_post_is_login_wall_not_broken():
    body = (b'<html><head><title>Facebook</title></head><body><div>You must log in to continue.'
            b'</div><form id="login_form"><button id="loginbutton">Log In</button></form></body>')
    found, _ = check(POST, {POST: Served(200, body, HTML)})
    assert (found.status, found.reason) == ("unverified", "login_wall")


def test_login_page_with_its_own_og_tags_is_not_mistaken_for_the_post():
    found, _ = check(POST, {POST: Served(200, og_page("https://www.facebook.com/login/",
                                                      title="Log in or sign up"), HTML)})
    assert (found.status, found.reason) == ("unverified", "login_wall")


def test_update_your_browser_wall_is_login_wall_not_broken():
    url = "https://www.facebook.com/afcajax/videos/1686831701364171"
    found, _ = check(url, {url: Served(200, capture(
        "fb_video_page_unsupportedbrowser_wall_afcajax_1686831701364171.html"), HTML)})
    assert (found.status, found.reason) == ("unverified", "login_wall")


@pytest.mark.parametrize(("status", "text"), [
    (200, "This content isn’t available right now"),
    (404, "Este contenido no está disponible en este momento"),
])
def test_content_not_available_page_is_broken_unavailable(status, text):
    body = f"<html><body><h2>{text}</h2><p>...</p></body></html>".encode()
    found, _ = check(POST, {POST: Served(status, body, HTML)})
    assert (found.status, found.reason, found.http_status) == ("broken", "unavailable", status)


def test_unknown_facebook_page_is_unexpected():
    found, _ = check(POST, {POST: Served(200, b"<html><title>Hola</title></html>", HTML)})
    assert found.status == "unverified" and found.reason.startswith("unexpected")


def test_facebook_server_error_is_unverified():
    found, _ = check(POST, {POST: Served(500, b"oops", HTML)})
    assert (found.status, found.reason) == ("unverified", "server_error")


# --- Web, Instagram, TikTok, shared rules ----------------------------------------------------

PAGE = "https://www.cne.gob.ec/noticia?id=5&utm_source=fb"


@pytest.mark.parametrize(("head", "get", "verdict", "requests"), [
    (Served(200, b"", HTML), Served(200, b"<title> Noticias  CNE </title>", HTML),
     ("alive", None, "Noticias CNE"), 2),
    (Served(200, b"", {"content-type": "application/pdf"}), None, ("alive", None, None), 1),
    (Served(405), Served(200, b"<html><title>CNE</title></html>", HTML), ("alive", None, "CNE"), 2),
    (Served(404), Served(404), ("broken", "not_found", None), 2),
    (Served(410), Served(410), ("broken", "not_found", None), 2),
    (Served(403), Served(403), ("unverified", "blocked", None), 2),
    (Served(403, headers={"cf-mitigated": "challenge"}),
     Served(403, headers={"cf-mitigated": "challenge"}), ("unverified", "blocked", None), 2),
    (Served(999), Served(999), ("unverified", "blocked", None), 2),
    (Served(401), Served(401), ("unverified", "login_wall", None), 2),
    (Served(429), None, ("unverified", "rate_limited", None), 1),
    (Served(503), Served(503), ("unverified", "server_error", None), 2),
])
def test_web_page_status_says_what_it_says_and_blocks_are_never_broken(head, get, verdict,
                                                                      requests):
    routes = {"HEAD https://www.cne.gob.ec/": head}
    if get is not None:
        routes["GET https://www.cne.gob.ec/"] = get
    found, fetcher = check(PAGE, routes)
    assert (found.status, found.reason, found.title) == verdict
    assert len(fetcher.requests) == requests
    assert fetcher.requests[0][1] == "https://www.cne.gob.ec/noticia?id=5"


def test_web_unknown_status_is_unexpected_with_the_status():
    found, _ = check(PAGE, {"https://www.cne.gob.ec/": Served(418)})
    assert (found.status, found.http_status) == ("unverified", 418) and "418" in found.reason


def test_instagram_without_a_token_is_no_adapter_without_any_request():
    found, fetcher = check("https://www.instagram.com/p/C8aBcDeFgHi/", {})
    assert (found.status, found.reason, fetcher.requests) == ("unverified", "no_adapter", [])


@pytest.mark.parametrize("url", ["https://x.com/CNE_StaElena", "https://www.youtube.com/@CNE",
                                 "https://www.facebook.com/CNEEcuador"])
def test_profile_is_not_a_post_and_costs_no_request(url):
    found, fetcher = check(url, {})
    assert (found.status, found.reason, fetcher.requests) == ("invalid", "not_a_post", [])


class Offline:
    async def get(self, url, **_):
        raise Unreachable("offline", "no DNS")


@pytest.mark.parametrize("url", [TWEET, VIDEO, POST, PAGE])
def test_transport_trouble_reaches_the_harvester_as_unreachable(url):
    info = identify(url)
    with pytest.raises(Unreachable):
        asyncio.run(by_name(info.platform).check(info, Offline()))
