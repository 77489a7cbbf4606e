"""The harvester's own rules, over a fake internet (httpx.MockTransport)."""

import asyncio
import json

import httpx
import pytest

from cosecha.harvest import Harvester, HarvestOptions, targets_for
from datos import open_store

TWEET = "https://x.com/CNE_StaElena/status/1935399367130657167"


def tweet_record(request: httpx.Request) -> httpx.Response:
    tweet_id = request.url.params["id"]
    return httpx.Response(200, json={"__typename": "Tweet", "id_str": tweet_id, "text": "hola",
                                     "created_at": "2025-06-18T18:09:01.000Z",
                                     "user": {"screen_name": "CNE_StaElena"}})


class FakeInternet:
    def __init__(self, handler=tweet_record):
        self.handler = handler
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(str(request.url))
        return self.handler(request)


class NoDns:
    async def resolve(self, host):
        return ["93.184.216.34"]


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "cosecha.db")
    yield opened
    opened.close()


def harvest(store, urls, internet=None, **options):
    internet = internet or FakeInternet()
    opts = HarvestOptions(transport=httpx.MockTransport(internet), resolver=NoDns(),
                          retries=0, **options)
    return asyncio.run(Harvester(store, opts).run(targets_for(urls))), internet


def test_alive_tweet_is_stored_with_author_and_date(store):
    [outcome], _ = harvest(store, [TWEET])
    assert (outcome.status, outcome.author) == ("alive", "CNE_StaElena")
    assert outcome.published_at.startswith("2025-06-18")
    [row] = store.history(TWEET)
    assert (row["status"], row["author"], row["source"]) == ("alive", "CNE_StaElena", "auto")


def test_the_same_post_listed_twice_is_checked_once(store):
    outcomes, internet = harvest(store, [TWEET, TWEET + "?s=20",
                                         TWEET.replace("x.com", "twitter.com")])
    assert len(outcomes) == 1
    assert len([u for u in internet.seen if "tweet-result" in u]) == 1


def test_a_fresh_conclusive_check_is_reused_without_a_request(store):
    harvest(store, [TWEET])
    [again], internet = harvest(store, [TWEET])
    assert again.from_cache and again.status == "alive"
    assert internet.seen == []


def test_refresh_checks_again_and_keeps_history(store):
    harvest(store, [TWEET])
    [again], internet = harvest(store, [TWEET], refresh=True)
    assert not again.from_cache and internet.seen
    assert len(store.history(TWEET)) == 2


def test_unverified_links_are_retried_on_the_next_run(store):
    def rate_limited(request):
        return httpx.Response(429, text="Rate limit exceeded", headers={"retry-after": "0"})

    [first], _ = harvest(store, [TWEET], FakeInternet(rate_limited))
    assert (first.status, first.reason) == ("unverified", "rate_limited")
    [second], internet = harvest(store, [TWEET])
    assert second.status == "alive" and internet.seen


def test_private_addresses_are_refused_without_any_request(store):
    urls = ["http://127.0.0.1/x", "http://10.0.0.1/", "http://169.254.169.254/latest",
            "http://[::1]/", "http://localhost:8080/", "http://192.168.1.1/admin"]
    outcomes, internet = harvest(store, urls)
    assert [o.status for o in outcomes] == ["refused"] * len(urls)
    assert internet.seen == []


def test_a_profile_is_not_a_post_and_is_not_requested(store):
    [outcome], internet = harvest(store, ["https://x.com/CNE_StaElena"])
    assert (outcome.status, outcome.reason) == ("invalid", "not_a_post")
    assert internet.seen == []


def test_offline_run_makes_no_request_and_still_dates_x_posts(store):
    [outcome], internet = harvest(store, [TWEET], offline=True)
    assert (outcome.status, outcome.reason) == ("unverified", "not_asked")
    assert outcome.published_at.startswith("2025-06-18")
    assert internet.seen == []


def test_offline_run_answers_from_the_store(store):
    harvest(store, [TWEET])
    [outcome], _internet = harvest(store, [TWEET], offline=True)
    assert (outcome.status, outcome.from_cache) == ("alive", True)


def test_each_run_is_recorded_with_its_counts(store):
    harvest(store, [TWEET, "https://x.com/CNE_StaElena"])
    run = store.db.execute("SELECT finished_at, counts FROM runs").fetchone()
    assert run[0] is not None
    assert json.loads(run[1]) == {"alive": 1, "invalid": 1}


def test_links_not_checked_when_the_time_is_up_stay_unverified(store):
    import time

    [outcome], internet = harvest(store, [TWEET], deadline=time.monotonic() - 1)
    assert (outcome.status, outcome.reason) == ("unverified", "time_limit")
    assert internet.seen == []
