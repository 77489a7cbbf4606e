"""Links to private or local addresses are refused before any connection is opened."""

import asyncio

import httpx
import pytest

from cosecha.harvest import Harvester, HarvestOptions, targets_for
from cosecha.http import HttpFetcher
from cosecha.platforms.base import Unreachable
from cosecha.security import check_url
from datos import open_store


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://10.1.2.3/", "http://172.16.0.1/",
    "http://192.168.1.1/admin", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
    "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://app.localhost/",
    "http://0.0.0.0/", "http://2130706433/", "http://0x7f.1/", "http://127.1/",
    "http://224.0.0.1/", "http://240.0.0.1/", "ftp://ftp.example.org/", "file:///etc/passwd",
    "javascript:alert(1)",
])
def test_private_local_and_non_http_targets_are_refused(url):
    assert check_url(url)


@pytest.mark.parametrize("url", [
    "https://x.com/CNE_StaElena/status/1935399367130657167", "https://93.184.216.34/",
    "http://[2606:4700::1111]/", "https://www.cne.gob.ec/",
])
def test_public_targets_pass(url):
    assert check_url(url) is None


class MapsToPrivate:
    async def resolve(self, host):
        return ["10.9.8.7"] if host == "intranet.example.org" else ["93.184.216.34"]


class Recorder:
    def __init__(self):
        self.seen = []

    def __call__(self, request):
        self.seen.append(str(request.url))
        return httpx.Response(200, text="<title>hola</title>")


def test_a_name_that_resolves_to_a_private_address_is_refused_with_no_request(tmp_path):
    recorder = Recorder()
    store = open_store(tmp_path / "c.db")
    options = HarvestOptions(transport=httpx.MockTransport(recorder), resolver=MapsToPrivate())
    [outcome] = asyncio.run(Harvester(store, options).run(
        targets_for(["https://intranet.example.org/informe"])))
    store.close()
    assert outcome.status == "refused" and "10.9.8.7" in outcome.reason
    assert recorder.seen == []


def test_a_remapped_name_is_not_resolved_since_the_operator_chose_the_target():
    recorder = Recorder()

    async def fetch():
        async with HttpFetcher(remaps=[r"^https://intranet\.example\.org/(.*)$ http://127.0.0.1:9/\1"],
                               transport=httpx.MockTransport(recorder),
                               resolver=MapsToPrivate()) as fetcher:
            return await fetcher.get("https://intranet.example.org/x")

    reply = asyncio.run(fetch())
    assert reply.status_code == 200 and reply.url == "https://intranet.example.org/x"
    assert recorder.seen == ["http://127.0.0.1:9/x"]


def test_every_redirect_hop_is_checked_before_it_is_followed():
    def redirect_to_metadata(request):
        if request.url.host == "www.cne.gob.ec":
            return httpx.Response(302, headers={"location": "http://169.254.169.254/latest"})
        raise AssertionError("a forbidden address was contacted")

    async def fetch():
        async with HttpFetcher(transport=httpx.MockTransport(redirect_to_metadata),
                               resolver=MapsToPrivate()) as fetcher:
            return await fetcher.get("https://www.cne.gob.ec/x")

    with pytest.raises(Unreachable) as refused:
        asyncio.run(fetch())
    assert refused.value.reason == "refused"
