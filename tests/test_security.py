"""Links to private or local addresses are refused before any connection is opened: the basic
list, IPv4 hidden in IPv6 or in look-alike characters, names resolving to such addresses, and
the real transport against the local server: a redirect to a private address, a name that
changes its answer between check and connection, and remap targets, which the operator chose
and which are never refused."""

import asyncio

import httpx
import pytest

from cosecha.harvest import Harvester, HarvestOptions, targets_for
from cosecha.http import HttpFetcher
from cosecha.platforms.base import Unreachable
from cosecha.security import SystemResolver, check_resolved, check_url
from datos import open_store

PUBLIC = "93.184.216.34"


@pytest.mark.parametrize("url", [
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://[2002:c0a8:101::]/",  # 6to4 of 192.168.1.1
    "http://[::ffff:a00:1]/",  # IPv4-mapped 10.0.0.1, hex form
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "http://１２７.0.0.1/",  # full-width digits, which IDNA folds to 127.0.0.1
    "http://ⓛocalhost/",
    "http://127.0.0.1./",
    "http://[::1%25lo]/",
    "http://0/",
    "http://[fe80::1]/",
    "http://100.64.0.1/",  # shared address space (carrier NAT)
])
def test_addresses_in_disguise_are_refused(url):
    assert check_url(url)


def test_a_6to4_address_of_a_public_ipv4_passes():
    assert check_url("http://[2002:5db8:d822::]/") is None


class Table:
    """A resolver answering from a table, recording every name asked."""

    def __init__(self, **answers: list[str]):
        self.answers = answers
        self.asked: list[str] = []

    async def resolve(self, host):
        self.asked.append(host)
        return self.answers.get(host.replace(".", "_").replace("-", "_"), [PUBLIC])


@pytest.mark.parametrize("addresses", [["::1"], ["::ffff:192.168.0.9"], ["fd12::3"],
                                       [PUBLIC, "10.0.0.8"], ["169.254.169.254"]])
def test_a_name_is_refused_when_any_address_it_resolves_to_is_private(addresses):
    refusal = asyncio.run(check_resolved("intranet.example.org",
                                         Table(intranet_example_org=addresses)))
    assert refusal and "intranet.example.org" in refusal


def test_a_name_that_does_not_resolve_is_left_to_the_connection():
    class Fails:
        async def resolve(self, host):
            raise OSError("no such host")

    assert asyncio.run(check_resolved("no-existe.example", Fails())) is None


def test_the_default_resolver_answers_from_the_system_without_the_network():
    addresses = asyncio.run(SystemResolver().resolve("localhost"))
    assert addresses and set(addresses) <= {"127.0.0.1", "::1"}


def fetch_with(url: str, **options):
    async def fetch():
        async with HttpFetcher(retries=0, **options) as fetcher:
            return await fetcher.get(url)

    return asyncio.run(fetch())


def test_a_redirect_to_another_scheme_is_refused_without_following_it():
    seen = []

    def to_file(request):
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "file:///etc/passwd"})

    with pytest.raises(Unreachable) as refused:
        fetch_with("https://www.cne.gob.ec/", transport=httpx.MockTransport(to_file),
                   resolver=Table())
    assert refused.value.reason == "refused" and "file" in refused.value.detail
    assert seen == ["https://www.cne.gob.ec/"]


def test_a_platform_redirect_to_a_private_address_is_refused_and_never_sent(plataformas):
    # the remap rule rewrites every URL, 10.0.0.1 included: the refusal must come first
    with pytest.raises(Unreachable) as refused:
        fetch_with("https://www.cne.gob.ec/redir-privada", remaps=[plataformas.remap],
                   resolver=Table())
    assert refused.value.reason == "refused" and "10.0.0.1" in refused.value.detail
    assert list(plataformas.requests) == [("GET", "www.cne.gob.ec", "/redir-privada")]


class Rebinding:
    """Public for the first question, loopback afterwards: DNS rebinding."""

    def __init__(self):
        self.asked = 0

    async def resolve(self, host):
        self.asked += 1
        return [PUBLIC] if self.asked == 1 else ["127.0.0.1"]


def test_a_name_that_turns_private_between_check_and_connection_is_refused(plataformas):
    resolver = Rebinding()
    with pytest.raises(Unreachable) as refused:
        fetch_with(f"http://cambiante.example:{plataformas.port}/www.cne.gob.ec/ok",
                   resolver=resolver)
    assert refused.value.reason == "refused" and "127.0.0.1" in refused.value.detail
    assert resolver.asked == 2 and plataformas.requests == []


def test_a_remap_target_named_localhost_is_reached_and_answers_as_the_platform(plataformas):
    rule = rf"^https://([^/]+)/(.*)$ http://localhost:{plataformas.port}/\1/\2"
    resolver = Table(localhost=["127.0.0.1"])
    reply = fetch_with("https://www.cne.gob.ec/ok", remaps=[rule], resolver=resolver)
    assert reply.status_code == 200 and reply.url == "https://www.cne.gob.ec/ok"
    assert "www.cne.gob.ec" not in resolver.asked  # a remapped name is not resolved
    assert list(plataformas.requests) == [("GET", "www.cne.gob.ec", "/ok")]


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


def test_a_name_lookup_still_running_never_holds_the_run_at_its_end(monkeypatch):
    """A resolver that drops queries holds getaddrinfo for seconds; once the run has stopped
    waiting (a time limit), ending it must not wait for that lookup."""
    import time as clock

    def slow(*args, **kwargs):
        clock.sleep(3)
        raise OSError("sin respuesta")

    monkeypatch.setattr("cosecha.security.socket.getaddrinfo", slow)

    async def give_up():
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(SystemResolver().resolve("x.com"), 0.1)

    started = clock.monotonic()
    asyncio.run(give_up())
    assert clock.monotonic() - started < 1.5
