"""The local platform server itself, hit with a plain httpx client at the addresses the remap
gives platform URLs: what every integration test and benchmark relies on."""

from __future__ import annotations

import asyncio
import json
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from httpx_aiohttp import AiohttpTransport

TWEET = "1935399367130657167"  # 2025-06-18 by its snowflake
RECORD = "https://cdn.syndication.twimg.com/tweet-result?id={id}&token=4c2mmul6mnh"
OEMBED_X = "https://publish.twitter.com/oembed?url=https://x.com/CNE_StaElena/status/{id}"
WATCH = "https://www.youtube.com/watch?v={id}"
OEMBED_YT = "https://www.youtube.com/oembed?url=https://www.youtube.com/watch?v={id}&format=json"
WEB = "https://www.cne.gob.ec"


@pytest.fixture
def client():
    with httpx.Client(timeout=5, follow_redirects=False, trust_env=False) as http:
        yield http


@pytest.fixture
def ask(plataformas, client):
    """GET (or another method) a platform URL at its local address, redirects not followed."""
    def asking(url: str, method: str = "GET", **options) -> httpx.Response:
        return client.request(method, plataformas.local_url(url), **options)
    return asking


def player_of(page: str) -> dict:
    mark = re.search(r"var ytInitialPlayerResponse = ", page)
    return json.JSONDecoder().raw_decode(page, mark.end())[0]


# the seam


def test_remap_is_the_exact_argument_and_requests_arrive_as_host_then_path(plataformas, ask):
    assert plataformas.remap == (rf"^https?://([^/]+)/?(.*)$ http://127.0.0.1:{plataformas.port}"
                                 r"/\1/\2")
    assert plataformas.local_url(RECORD.format(id=1)) == (
        f"http://127.0.0.1:{plataformas.port}/cdn.syndication.twimg.com/tweet-result?id=1"
        "&token=4c2mmul6mnh")
    before = time.monotonic()
    ask(f"{WEB}/ok?a=%20b", "HEAD")
    [request] = plataformas.requests
    assert request == ("HEAD", "www.cne.gob.ec", "/ok?a=%20b")
    assert before <= request.at <= time.monotonic()


def test_requests_can_be_cleared_and_reset_forgets_scenarios(plataformas, ask):
    plataformas.x_scenario(TWEET, "deleted")
    ask(RECORD.format(id=TWEET))
    assert len(plataformas.requests_for(f"id={TWEET}&")) == 1
    plataformas.requests.clear()
    assert plataformas.requests == []
    plataformas.reset()
    assert ask(RECORD.format(id=TWEET)).json()["__typename"] == "Tweet"


def test_an_unknown_scenario_kind_is_refused(plataformas):
    with pytest.raises(ValueError, match="borrado"):
        plataformas.x_scenario(TWEET, "borrado")
    with pytest.raises(ValueError):
        plataformas.youtube_scenario("abc", "gone")


# X


def test_alive_tweet_carries_the_id_the_account_and_the_snowflake_date(plataformas, ask):
    plataformas.account = "OtraCuenta"
    tweet = ask(RECORD.format(id=TWEET)).json()
    assert (tweet["__typename"], tweet["id_str"], tweet["user"]["screen_name"]) == (
        "Tweet", TWEET, "OtraCuenta")
    assert tweet["created_at"].startswith("2025-06-18T")


@pytest.mark.parametrize("kind, text", [
    ("deleted", "This Post was deleted by the Post author. Learn more"),
    ("suspended", "This Post is from a suspended account. Learn more"),
    ("account_gone", "This Post is from an account that no longer exists. Learn more"),
    ("age", "Age-restricted adult content"),
])
def test_tombstones_say_why_in_their_text(plataformas, ask, kind, text):
    plataformas.x_scenario(TWEET, kind)
    answer = ask(RECORD.format(id=TWEET))
    assert (answer.status_code, answer.json()["__typename"]) == (200, "TweetTombstone")
    assert answer.json()["tombstone"]["text"]["text"].startswith(text)


@pytest.mark.parametrize("kind, record, oembed", [
    ("alive", 200, 200),
    ("deleted", 200, 404),
    ("withheld", 200, 200),
    ("not_found", 404, 404),
    ("protected", 404, 403),
    ("oembed_only", 404, 200),
    ("suspended", 200, 403),
])
def test_record_and_oembed_answer_per_scenario(plataformas, ask, kind, record, oembed):
    plataformas.x_scenario(TWEET, kind)
    assert ask(RECORD.format(id=TWEET)).status_code == record
    assert ask(OEMBED_X.format(id=TWEET)).status_code == oembed


def test_withheld_is_an_empty_tombstone_and_empty_is_an_empty_object(plataformas, ask):
    plataformas.x_scenario(TWEET, "withheld")
    plataformas.x_scenario(TWEET[:-1] + "0", "empty")
    assert ask(RECORD.format(id=TWEET)).json() == {"__typename": "TweetTombstone", "tombstone": {}}
    assert ask(RECORD.format(id=TWEET[:-1] + "0")).json() == {}


def test_a_record_request_without_token_gets_an_empty_object(ask):
    assert ask(f"https://cdn.syndication.twimg.com/tweet-result?id={TWEET}").json() == {}


def test_oembed_names_the_account_and_refuses_protected_posts_in_json(plataformas, ask):
    embed = ask(OEMBED_X.format(id=TWEET)).json()
    assert embed["author_url"] == "https://twitter.com/CNE_StaElena"
    assert embed["url"] == f"https://twitter.com/CNE_StaElena/status/{TWEET}"
    plataformas.x_scenario(TWEET, "protected")
    assert ask(OEMBED_X.format(id=TWEET)).json() == {
        "error": "Sorry, you are not authorized to see this status."}


@pytest.mark.parametrize("kind, retry_after", [
    ("rate_limited", "1"), ("rate_limited_long", "3600"),
])
def test_rate_limits_are_429_text_with_retry_after_every_time(plataformas, ask, kind, retry_after):
    plataformas.x_scenario(TWEET, kind)
    for _ in range(2):
        answer = ask(RECORD.format(id=TWEET))
        assert (answer.status_code, answer.text, answer.headers["retry-after"]) == (
            429, "Rate limit exceeded", retry_after)
        assert answer.headers["content-type"].startswith("text/plain")


def test_wrong_content_answers_for_x(plataformas, ask):
    plataformas.x_scenario(TWEET, "html")
    html = ask(RECORD.format(id=TWEET))
    assert (html.status_code, html.headers["content-type"].split(";")[0]) == (200, "text/html")
    plataformas.x_scenario(TWEET, "broken_json")
    broken = ask(RECORD.format(id=TWEET))
    assert broken.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        broken.json()


def test_x_hosts_move_as_captured(ask):
    moved = ask(f"https://publish.x.com/oembed?url=https://x.com/a/status/{TWEET}")
    assert (moved.status_code, moved.headers["location"]) == (
        301, f"https://publish.twitter.com/oembed?url=https://x.com/a/status/{TWEET}")
    assert ask(f"https://twitter.com/a/status/{TWEET}").headers["location"] == (
        f"https://x.com/a/status/{TWEET}")
    assert "migrate" in ask(f"https://x.com/a/status/{TWEET}").text


# YouTube


@pytest.mark.parametrize("kind, oembed, playability", [
    ("alive", 200, "OK"),
    ("deleted", 404, "ERROR"),
    ("private", 403, "LOGIN_REQUIRED"),
    ("age", 401, "LOGIN_REQUIRED"),
    ("geoblocked", 200, "UNPLAYABLE"),
    ("members_only", 200, "UNPLAYABLE"),
    ("embed_disabled", 401, "OK"),
    ("live_offline", 200, "LIVE_STREAM_OFFLINE"),
])
def test_youtube_oembed_and_watch_page_per_scenario(plataformas, ask, kind, oembed, playability):
    plataformas.youtube_scenario("n2C40yiUIsQ", kind)
    assert ask(OEMBED_YT.format(id="n2C40yiUIsQ")).status_code == oembed
    page = ask(WATCH.format(id="n2C40yiUIsQ"))
    assert page.status_code == 200
    assert player_of(page.text)["playabilityStatus"]["status"] == playability


def test_youtube_texts_tell_private_from_age_gate(plataformas, ask):
    plataformas.youtube_scenario("privado0001", "private")
    plataformas.youtube_scenario("edad0000001", "age")
    private = player_of(ask(WATCH.format(id="privado0001") + "&hl=en").text)["playabilityStatus"]
    age = player_of(ask(WATCH.format(id="edad0000001") + "&hl=en").text)["playabilityStatus"]
    assert "private video" in private["messages"][0]
    assert age["reason"] == "Sign in to confirm your age"
    assert ask(OEMBED_YT.format(id="privado0001")).text == "Forbidden"


def test_the_watch_page_speaks_the_hl_asked_else_spanish_unless_a_language_is_forced(plataformas,
                                                                                     ask):
    plataformas.youtube_scenario("edad0000001", "age")
    plataformas.youtube_scenario("edad0000002", "age", lang="pt")
    def playability(video_id, hl=""):
        return player_of(ask(WATCH.format(id=video_id) + hl).text)["playabilityStatus"]
    assert playability("edad0000001", "&hl=en")["reason"] == "Sign in to confirm your age"
    assert playability("edad0000001")["reason"] == "Inicia sesión para confirmar tu edad"
    forced = playability("edad0000002", "&hl=en")
    assert forced["reason"] == "Faça login para confirmar sua idade"
    assert (forced["status"], forced["desktopLegacyAgeGateReason"]) == ("LOGIN_REQUIRED", 1)


def test_oembed_outage_leaves_watch_pages_and_records_answering(plataformas, ask):
    plataformas.oembed_outage = "503"
    assert ask(OEMBED_YT.format(id="n2C40yiUIsQ")).status_code == 503
    assert ask(OEMBED_X.format(id=TWEET)).status_code == 503
    player = player_of(ask(WATCH.format(id="n2C40yiUIsQ")).text)
    assert player["playabilityStatus"]["status"] == "OK"
    assert ask(RECORD.format(id=TWEET)).json()["__typename"] == "Tweet"


def test_alive_video_has_its_id_channel_and_publish_date(ask):
    embed = ask(OEMBED_YT.format(id="FVxRBZKWRe4")).json()
    assert embed["author_url"] == "https://www.youtube.com/@cnestaelena"
    player = player_of(ask("https://www.youtube.com/live/FVxRBZKWRe4?si=x").text)
    micro = player["microformat"]["playerMicroformatRenderer"]
    assert player["videoDetails"]["videoId"] == "FVxRBZKWRe4"
    assert micro["publishDate"].startswith("2025-07-03")
    assert micro["ownerProfileUrl"].endswith("/@cnestaelena")


def test_short_link_moves_to_watch_and_consent_redirects_to_the_wall(plataformas, ask):
    short = ask("https://youtu.be/FVxRBZKWRe4")
    assert (short.status_code, short.headers["location"]) == (
        301, "https://www.youtube.com/watch?v=FVxRBZKWRe4&feature=youtu.be")
    plataformas.youtube_scenario("FVxRBZKWRe4", "consent")
    wall = ask(short.headers["location"], headers={"Cookie": "SOCS=CAE="})
    target = urlsplit(wall.headers["location"])
    assert (wall.status_code, target.hostname) == (302, "consent.youtube.com")
    assert parse_qs(target.query)["continue"] == [short.headers["location"]]
    page = ask(wall.headers["location"])
    assert page.status_code == 200 and "ytInitialPlayerResponse" not in page.text
    assert "consent.youtube.com" in page.text


# Facebook


def test_share_link_goes_to_the_login_wall_by_default_naming_the_post(ask):
    answer = ask("https://www.facebook.com/share/p/1FFHYCBvYd/")
    login = urlsplit(answer.headers["location"])
    assert (answer.status_code, login.netloc, login.path) == (302, "www.facebook.com", "/login/")
    assert parse_qs(login.query)["next"] == ["https://www.facebook.com/CNEStaElena/posts/pfbid01FFHYCBvYd"]
    assert 'id="login_form"' in ask(answer.headers["location"]).text


def test_public_post_page_has_og_tags_and_publish_time(plataformas, ask):
    plataformas.facebook_scenario("16bTkg2Fg5", "alive")
    share = ask("https://www.facebook.com/share/p/16bTkg2Fg5/")
    post = share.headers["location"]
    assert (share.status_code, post) == (302, "https://www.facebook.com/CNEStaElena/posts/pfbid016bTkg2Fg5")
    page = ask(post).text
    for tag in ("og:title", "og:description", "og:image"):
        assert f'property="{tag}"' in page
    assert f'property="og:url" content="{post}"' in page
    assert '"publish_time":1751558400' in page


@pytest.mark.parametrize("share, shape", [
    ("https://www.facebook.com/share/v/15XyZ9aBcD/", r"/CNEStaElena/videos/\d+/"),
    ("https://fb.watch/15XyZ9aBcD/", r"/CNEStaElena/videos/\d+/"),
    ("https://m.facebook.com/share/r/15XyZ9aBcD/", r"/reel/\d+"),
])
def test_video_and_reel_share_links_resolve_to_numeric_ids_that_keep_the_scenario(
        plataformas, ask, share, shape):
    plataformas.facebook_scenario("15XyZ9aBcD", "unavailable")
    target = ask(share).headers["location"]
    assert re.fullmatch(r"https://www\.facebook\.com" + shape, target)
    assert "This content isn't available right now" in ask(target).text


@pytest.mark.parametrize("kind, marker", [
    ("login_form", "You must log in to continue"),
    ("unsupported_browser", "unsupportedbrowser"),
    ("unavailable", "This content isn't available right now"),
])
def test_walls_and_unavailable_pages_answer_200_without_og_tags(plataformas, ask, kind, marker):
    plataformas.facebook_scenario("3610333842332884", kind)
    page = ask("https://www.facebook.com/rubyonrailstogo/posts/3610333842332884")
    assert page.status_code == 200 and marker in page.text
    assert 'property="og:title"' not in page.text


def test_a_direct_post_link_without_scenario_redirects_to_login(ask):
    url = "https://www.facebook.com/CNEEcuador/posts/3610333842332884"
    answer = ask(url)
    assert parse_qs(urlsplit(answer.headers["location"]).query)["next"] == [url]


# the rest of the web


@pytest.mark.parametrize("path, status", [
    ("/ok", 200), ("/no-existe", 404), ("/gone", 410), ("/prohibido", 403), ("/999", 999),
    ("/cualquier/cosa", 200),
])
def test_web_statuses_by_path_for_get_and_head(ask, path, status):
    assert ask(WEB + path).status_code == status
    head = ask(WEB + path, "HEAD")
    assert (head.status_code, head.content) == (status, b"")


def test_unknown_paths_on_twenty_hosts_all_answer_with_a_title_naming_them(ask):
    titles = {re.search(r"<title>(.*)</title>", ask(f"https://sitio{i}.gob.ec/pagina-{i}").text)[1]
              for i in range(20)}
    assert titles == {f"Página sitio{i}.gob.ec/pagina-{i}" for i in range(20)}


def test_cloudflare_challenge_and_head_refused(ask):
    challenge = ask(WEB + "/cf")
    assert (challenge.status_code, challenge.headers["cf-mitigated"]) == (403, "challenge")
    assert ask(WEB + "/sin-head", "HEAD").status_code == 405
    assert ask(WEB + "/sin-head").status_code == 200


def test_bursts_count_per_host_and_path_and_restart(plataformas, ask):
    assert [ask(WEB + "/rafaga-5xx").status_code for _ in range(3)] == [503, 503, 200]
    assert ask("https://otro.gob.ec/rafaga-5xx").status_code == 503
    plataformas.reset_counters()
    assert ask(WEB + "/rafaga-5xx").status_code == 503
    limited = ask(WEB + "/429")
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "1")
    assert ask(WEB + "/429").status_code == 200


def test_retry_after_as_an_http_date_just_ahead(ask):
    limited = ask(WEB + "/429-http-date")
    when = parsedate_to_datetime(limited.headers["retry-after"]).timestamp()
    assert limited.status_code == 429 and 0 <= when - time.time() <= 2
    assert ask(WEB + "/429-http-date").status_code == 200


def test_redirects_name_platform_hosts_never_the_local_server(ask):
    loop = ask(WEB + "/bucle").headers["location"]
    assert loop == "https://www.cne.gob.ec/bucle-b"
    assert ask(loop).headers["location"] == WEB + "/bucle"
    hops, url = 0, WEB + "/redir-larga"
    while (answer := ask(url)).is_redirect:
        hops, url = hops + 1, answer.headers["location"]
        assert url.startswith(WEB + "/redir-larga/")
    assert (hops, answer.status_code) == (11, 200)
    assert ask(WEB + "/redir-privada").headers["location"] == "http://10.0.0.1/x"


def test_slow_path_outlasts_a_client_timeout(plataformas, client):
    plataformas.slow_seconds = 0.5
    with pytest.raises(httpx.ReadTimeout):
        client.get(plataformas.local_url(WEB + "/lento"), timeout=0.1)


def test_latency_is_honoured_and_concurrent_requests_are_not_serialised(plataformas):
    async def fetch_all(urls: list[str]) -> float:
        # over aiohttp's transport: httpx's own pool is the bottleneck at 50 at once (httpx#3215)
        transport = AiohttpTransport(limits=httpx.Limits(max_connections=50))
        async with httpx.AsyncClient(transport=transport, trust_env=False, timeout=5) as http:
            start = time.perf_counter()
            answers = await asyncio.gather(*(http.get(url) for url in urls))
            assert all(answer.status_code == 200 for answer in answers)
            return time.perf_counter() - start

    with plataformas.with_latency(0.1):
        one = asyncio.run(fetch_all([plataformas.local_url(WEB + "/ok")]))
        many = asyncio.run(fetch_all([plataformas.local_url(f"{WEB}/p{i}") for i in range(200)]))
    assert one >= 0.1
    assert many < 1.5  # 4 rounds of 50 take 0.4 s; one at a time would take 20 s
    assert plataformas.latency == 0


def test_huge_body_streams_in_chunks_and_the_client_can_stop_after_a_megabyte(plataformas, client):
    url = plataformas.local_url(WEB + "/enorme")
    with client.stream("GET", url) as answer:
        assert answer.headers["transfer-encoding"] == "chunked"
        assert "content-length" not in answer.headers
        read = 0
        for chunk in answer.iter_raw():
            read += len(chunk)
            if read >= 1024 * 1024:
                break
    assert read >= 1024 * 1024
    assert client.get(plataformas.local_url(WEB + "/ok")).status_code == 200


def test_head_of_the_huge_page_leaves_the_connection_usable(plataformas, client):
    assert client.head(plataformas.local_url(WEB + "/enorme")).status_code == 200
    assert client.get(plataformas.local_url(WEB + "/ok")).status_code == 200


def test_reset_drops_the_connection_without_an_answer(plataformas, ask):
    with pytest.raises(httpx.TransportError):
        ask(WEB + "/reset")
    assert plataformas.requests[-1] == ("GET", "www.cne.gob.ec", "/reset")
    assert ask(WEB + "/ok").status_code == 200


def test_broken_content_pages(ask):
    with pytest.raises(UnicodeDecodeError):
        ask(WEB + "/utf8-invalido").content.decode("utf-8")
    with pytest.raises(json.JSONDecodeError):
        ask(WEB + "/json-roto").json()
