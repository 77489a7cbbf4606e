"""The HTTP layer: remap rules, redirects by hand, retries and their limits, body and time
limits, the User-Agent, per-host slots and request counters. A fake internet
(httpx.MockTransport) for the rules, the local server for what only a real socket shows."""

import asyncio
import time
from email.utils import formatdate

import httpx
import pytest

from cosecha import __version__
from cosecha.http import USER_AGENT, HttpFetcher, parse_remap, retry_after_seconds
from cosecha.platforms.base import Unreachable

PAGE = "https://www.cne.gob.ec/noticia"


class Public:
    async def resolve(self, host):
        return ["93.184.216.34"]


class Internet:
    """A MockTransport handler answering from a function of the request, recording requests."""

    def __init__(self, answer):
        self.answer = answer
        self.seen: list[httpx.Request] = []

    async def __call__(self, request):
        self.seen.append(request)
        return await self.answer(request) if asyncio.iscoroutinefunction(self.answer) \
            else self.answer(request)

    @property
    def urls(self):
        return [str(request.url) for request in self.seen]


def run(answer, url=PAGE, *, calls=1, **options):
    """Fetch `url` `calls` times at once; the replies (or the first error) and the fetcher."""
    internet = Internet(answer)
    options = {"resolver": Public(), "backoff": 0.01, **options}

    async def fetch():
        async with HttpFetcher(transport=httpx.MockTransport(internet), **options) as fetcher:
            replies = await asyncio.gather(*(fetcher.get(url) for _ in range(calls)))
            return replies, fetcher

    replies, fetcher = asyncio.run(fetch())
    return (replies[0] if calls == 1 else replies), fetcher, internet


def statuses(*codes, headers=None):
    """Answers these statuses in turn, then 200."""
    queue = list(codes)
    return lambda request: httpx.Response(queue.pop(0) if queue else 200, headers=headers,
                                          text="hola")


# remap rules

def test_a_remap_rule_is_split_at_the_first_space():
    rule = parse_remap(r"^https://([^/]+)/(.*)$ http://127.0.0.1:8080/\1/a b")
    assert rule.apply("https://x.com/i/status/1") == "http://127.0.0.1:8080/x.com/a b"
    assert rule.apply("ftp://x.com/") is None


@pytest.mark.parametrize("rule", ["sin-reemplazo", "([ http://127.0.0.1/", "", " x"])
def test_a_bad_remap_rule_is_a_spanish_value_error(rule):
    with pytest.raises(ValueError, match="regla --remap inválida"):
        parse_remap(rule)


def test_every_hop_is_remapped_but_the_reply_names_platform_urls():
    def answer(request):
        if request.url.path == "/cne/noticia":
            return httpx.Response(301, headers={"location": "/otra?x=1"})
        if request.url.path == "/cne/otra":
            return httpx.Response(302, headers={"location": "https://www.youtube.com/watch?v=A"})
        return httpx.Response(200, text="fin")

    rules = [r"^https://www\.cne\.gob\.ec/(.*)$ http://127.0.0.1:9/cne/\1",
             r"^https://www\.youtube\.com/(.*)$ http://127.0.0.1:9/yt/\1"]
    reply, fetcher, internet = run(answer, remaps=rules)
    assert internet.urls == ["http://127.0.0.1:9/cne/noticia", "http://127.0.0.1:9/cne/otra?x=1",
                             "http://127.0.0.1:9/yt/watch?v=A"]
    assert reply.url == "https://www.youtube.com/watch?v=A" and reply.text() == "fin"
    assert reply.history == [PAGE, "https://www.cne.gob.ec/otra?x=1"]
    assert fetcher.requests == {"www.cne.gob.ec": 2, "www.youtube.com": 1}


# redirects

def hops(count):
    def answer(request):
        step = int(request.url.params.get("n", 0))
        if step < count:
            return httpx.Response(302, headers={"location": f"{PAGE}?n={step + 1}"})
        return httpx.Response(200)
    return answer


def test_ten_redirects_are_followed():
    reply, _, internet = run(hops(10))
    assert reply.status_code == 200 and len(reply.history) == 10 and len(internet.seen) == 11


def test_an_eleventh_redirect_is_not_followed():
    with pytest.raises(Unreachable) as trouble:
        run(hops(11))
    assert trouble.value.reason == "redirect_loop" and "10" in trouble.value.detail


def test_a_redirect_back_to_a_url_already_seen_is_a_loop():
    def answer(request):
        target = "/b" if request.url.path == "/noticia" else "/noticia"
        return httpx.Response(302, headers={"location": target})

    with pytest.raises(Unreachable) as trouble:
        run(answer)
    assert trouble.value.reason == "redirect_loop" and trouble.value.detail.endswith("/noticia")


def test_a_redirect_is_returned_as_is_when_the_caller_asks():
    async def fetch():
        internet = Internet(statuses(302, headers={"location": "https://x.com/"}))
        async with HttpFetcher(transport=httpx.MockTransport(internet), resolver=Public()) as f:
            return await f.get(PAGE, follow_redirects=False), internet

    reply, internet = asyncio.run(fetch())
    assert (reply.status_code, reply.headers["location"], len(internet.seen)) == (
        302, "https://x.com/", 1)


# retries

def test_a_burst_of_503_is_retried_until_it_passes():
    reply, fetcher, _ = run(statuses(503, 502, 504), retries=3)
    assert reply.status_code == 200 and fetcher.requests["www.cne.gob.ec"] == 4


def test_retries_back_off_exponentially():
    arrivals = []

    def unavailable(request):
        arrivals.append(time.monotonic())
        return httpx.Response(503)

    with pytest.raises(Unreachable):
        run(unavailable, retries=2, backoff=0.2)
    first, second = arrivals[1] - arrivals[0], arrivals[2] - arrivals[1]
    assert len(arrivals) == 3 and first >= 0.2 and second >= 0.4


@pytest.mark.parametrize("code, reason", [(503, "server_error"), (429, "rate_limited")])
def test_retries_run_out_into_an_unverified_reason_with_the_status(code, reason):
    with pytest.raises(Unreachable) as trouble:
        run(statuses(*[code] * 10), retries=2)
    assert (trouble.value.reason, trouble.value.http_status) == (reason, code)


@pytest.mark.parametrize("code", [500, 404, 403, 410, 999])
def test_other_statuses_are_answers_for_the_adapter_and_not_retried(code):
    reply, fetcher, _ = run(statuses(code))
    assert reply.status_code == code and fetcher.requests.total() == 1


def test_a_retry_after_within_two_minutes_is_waited_for():
    started = time.monotonic()
    reply, _, _ = run(statuses(429, headers={"retry-after": "1"}))
    assert reply.status_code == 200 and time.monotonic() - started >= 1


def test_a_retry_after_beyond_two_minutes_is_rate_limited_at_once():
    started = time.monotonic()
    with pytest.raises(Unreachable) as trouble:
        run(statuses(429, headers={"retry-after": "3600"}))
    assert trouble.value.reason == "rate_limited" and time.monotonic() - started < 1


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7
    assert 25 < retry_after_seconds(formatdate(time.time() + 30, usegmt=True)) <= 30
    assert retry_after_seconds(formatdate(time.time() - 30, usegmt=True)) == 0
    assert retry_after_seconds("mañana") is None and retry_after_seconds(None) is None


def test_after_a_429_the_host_gets_half_its_slots():
    _, fetcher, _ = run(statuses(429), per_host=4)
    assert fetcher.hosts["www.cne.gob.ec"].limit == 2


@pytest.mark.parametrize("problem, reason", [(httpx.ConnectError("refused"), "offline"),
                                             (httpx.ReadTimeout("slow"), "timeout")])
def test_transport_failures_are_retried_then_unverified(problem, reason):
    def fail(request):
        raise problem

    with pytest.raises(Unreachable) as trouble:
        run(fail, retries=2)
    assert trouble.value.reason == reason


def test_a_transport_failure_that_recovers_is_an_answer():
    failures = [httpx.ConnectError("reset")]

    def flaky(request):
        if failures:
            raise failures.pop()
        return httpx.Response(200)

    reply, fetcher, _ = run(flaky)
    assert reply.status_code == 200 and fetcher.requests.total() == 2


# limits and manners

def test_a_body_over_the_limit_is_too_large():
    with pytest.raises(Unreachable) as trouble:
        run(lambda request: httpx.Response(200, content=b"x" * 101), max_body=100)
    assert trouble.value.reason == "too_large"


def test_a_head_reads_no_body():
    async def fetch():
        internet = Internet(lambda request: httpx.Response(200, content=b"cuerpo"))
        async with HttpFetcher(transport=httpx.MockTransport(internet), resolver=Public()) as f:
            return await f.get(PAGE, method="HEAD"), internet

    reply, internet = asyncio.run(fetch())
    assert reply.body == b"" and internet.seen[0].method == "HEAD"


def test_the_user_agent_names_the_project_and_can_be_replaced():
    _, _, internet = run(statuses(200))
    sent = internet.seen[0].headers["user-agent"]
    assert sent == USER_AGENT and f"cosecha/{__version__}" in sent
    assert "github.com/cosecha-auditor/cosecha-auditor" in sent
    _, _, internet = run(statuses(200), user_agent="Prueba/1.0")
    assert internet.seen[0].headers["user-agent"] == "Prueba/1.0"


def test_slots_are_per_platform_host_even_when_all_remap_to_one_origin():
    in_flight, peak = {}, {}

    async def slow(request):
        host = request.url.path.split("/")[1]
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        peak["all"] = max(peak.get("all", 0), sum(in_flight.values()))
        await asyncio.sleep(0.02)
        in_flight[host] -= 1
        return httpx.Response(200)

    internet = Internet(slow)
    urls = [f"https://{host}/p{n}" for host in ("a.example", "b.example") for n in range(10)]

    async def fetch():
        async with HttpFetcher(remaps=[r"^https://([^/]+)/(.*)$ http://127.0.0.1:9/\1/\2"],
                               per_host=3, concurrency=5, resolver=Public(),
                               transport=httpx.MockTransport(internet)) as fetcher:
            await asyncio.gather(*(fetcher.get(url) for url in urls))
            return fetcher

    fetcher = asyncio.run(fetch())
    assert peak == {"a.example": 3, "b.example": 3, "all": 5}
    assert fetcher.requests == {"a.example": 10, "b.example": 10}


# through a real socket (the local server)

def fetch_local(server, path, **options):
    async def fetch():
        async with HttpFetcher(remaps=[server.remap], resolver=Public(), backoff=0.01,
                               **options) as fetcher:
            return await fetcher.get(f"https://www.cne.gob.ec{path}")

    return asyncio.run(fetch())


def test_fifty_megabytes_are_abandoned_after_the_limit(plataformas):
    started = time.monotonic()
    with pytest.raises(Unreachable) as trouble:
        fetch_local(plataformas, "/enorme")
    assert trouble.value.reason == "too_large" and time.monotonic() - started < 5


def test_a_slow_answer_is_a_timeout(plataformas):
    plataformas.slow_seconds = 2
    with pytest.raises(Unreachable) as trouble:
        fetch_local(plataformas, "/lento", timeout=0.3, retries=1)
    assert trouble.value.reason == "timeout"
    assert len(plataformas.requests_for("/lento")) == 2


def test_a_reset_connection_is_offline(plataformas):
    with pytest.raises(Unreachable) as trouble:
        fetch_local(plataformas, "/reset", retries=1)
    assert trouble.value.reason == "offline"


def test_a_real_answer_keeps_headers_lower_case_and_the_platform_url(plataformas):
    reply = fetch_local(plataformas, "/ok")
    assert reply.status_code == 200 and reply.url == "https://www.cne.gob.ec/ok"
    assert reply.headers["content-type"].startswith("text/html") and "<title>" in reply.text()
    assert plataformas.requests[0].path_qs == "/ok"
