"""Offline URL knowledge: every adapter's own cases, one claimant per URL, canonical forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cosecha.platforms import adapters, by_name, claimant, identify, platform_named
from cosecha.platforms.base import host_of

KITTENS = "https://www.youtube.com/watch?v=eiHXASgRTcA"
ALL_CASES = [(a.name, url, post_id) for a in adapters() for url, post_id in a.cases.items()]


@pytest.mark.parametrize(("platform", "url", "post_id"), ALL_CASES)
def test_every_case_is_claimed_by_its_adapter_alone_and_parsed_to_its_id(platform, url, post_id):
    specific = [a.name for a in adapters() if not a.fallback and a.claims_host(host_of(url))]
    assert specific == ([] if by_name(platform).fallback else [platform])
    assert claimant(url).name == platform
    info = identify(url)
    assert (info.platform, info.post_id) == (platform, post_id)


def test_each_platform_keeps_enough_cases():
    for adapter in adapters():
        assert len(adapter.cases) >= 8, adapter.name
        assert any(post_id is None for post_id in adapter.cases.values()), adapter.name


@pytest.mark.parametrize(("url", "canonical", "account"), [
    ("https://twitter.com/User_1/status/1580661436132757506/photo/1?s=20&t=abc",
     "https://x.com/User_1/status/1580661436132757506", "User_1"),
    ("https://mobile.twitter.com/i/web/status/1580661436132757506",
     "https://x.com/i/status/1580661436132757506", None),
    ("https://x.com/user/statuses/15806614361?ref_src=twsrc",
     "https://x.com/user/status/15806614361", "user"),
    ("https://t.co/AbCdEf1234", "https://t.co/AbCdEf1234", None),
    ("https://twitter.com/CNE_StaElena?lang=es", "https://x.com/CNE_StaElena", "CNE_StaElena"),
    ("https://youtu.be/eiHXASgRTcA?si=Xyz123abc&t=42", KITTENS,
     None),
    ("https://www.youtube.com/live/eiHXASgRTcA?si=AbC", KITTENS,
     None),
    ("https://music.youtube.com/watch?list=RD&v=sMJ8bRN2dak&t=3",
     "https://www.youtube.com/watch?v=sMJ8bRN2dak", None),
    ("https://www.youtube-nocookie.com/embed/eiHXASgRTcA?start=3",
     KITTENS, None),
    ("https://m.youtube.com/@CNE?si=abc&feature=x", "https://www.youtube.com/@CNE", None),
    ("https://m.facebook.com/CNEEcuador/posts/pfbid02aBc?mibextid=x&rdid=y&__cft__[0]=z",
     "https://www.facebook.com/CNEEcuador/posts/pfbid02aBc", "CNEEcuador"),
    ("https://web.facebook.com/watch/?ref=share&v=474308113397163&fbclid=IwAR",
     "https://www.facebook.com/watch/?v=474308113397163", None),
    ("https://mbasic.facebook.com/story.php?id=100064&story_fbid=123&__tn__=%2CO",
     "https://www.facebook.com/story.php?story_fbid=123&id=100064", "100064"),
    ("https://www.facebook.com/permalink.php?story_fbid=123",
     "https://www.facebook.com/permalink.php?story_fbid=123", None),
    ("https://www.facebook.com/share/v/15XyZ9aBcD?mibextid=rS40",
     "https://www.facebook.com/share/v/15XyZ9aBcD/", None),
    ("https://fb.watch/rSt_UvW-1x/?mibextid=Nif5oz", "https://fb.watch/rSt_UvW-1x/", None),
    ("https://www.facebook.com/CNEEcuador/photos/a.12345/67890/?type=3&__tn__=x",
     "https://www.facebook.com/CNEEcuador/photos/a.12345/67890/", "CNEEcuador"),
    ("https://M.FACEBOOK.COM/profile.php?id=100064&sk=about&utm_source=x",
     "https://www.facebook.com/profile.php?id=100064", "100064"),
    ("https://www.instagram.com/reels/C9xYz_12-ab/?igsh=abc",
     "https://www.instagram.com/reel/C9xYz_12-ab/", None),
    ("https://www.tiktok.com/@cne/video/7234567890123456789?lang=es",
     "https://www.tiktok.com/@cne/video/7234567890123456789", "cne"),
    ("https://www.cne.gob.ec/noticia?id=5&utm_source=facebook&fbclid=IwAR0x#top",
     "https://www.cne.gob.ec/noticia?id=5", None),
    ("http://Example.ORG/a/b?x=1&utm_medium=y", "http://example.org/a/b?x=1", None),
])
def test_canonical_form_drops_tracking_and_folds_hosts(url, canonical, account):
    info = identify(url)
    assert (info.canonical_url, info.account) == (canonical, account)


@pytest.mark.parametrize(("label", "platform"), [
    ("X (antes Twitter)", "x"), ("Twitter:", "x"), ("x/twitter", "x"), ("Twitter/X", "x"),
    ("X (Twitter)", "x"), ("X", "x"), ("Facebook", "facebook"), ("Facebook Live:", "facebook"),
    ("FB", "facebook"), ("YouTube:", "youtube"), ("YouTube Live", "youtube"),
    ("Canal de YouTube", "youtube"), ("Instagram", "instagram"), ("TikTok", "tiktok"),
    ("Página web:", "web"), ("Pagina web", "web"), ("Sitio web", "web"), ("Portal  web", "web"),
    ("Enlaces:", None), ("Fase 1", None),
])
def test_platform_named_maps_report_labels(label, platform):
    assert platform_named(label) == platform


def test_units_imply_x_for_tuits():
    owners = {unit: a.name for a in adapters() for unit in a.units}
    assert owners["tuits"] == owners["tweets"] == owners["retuits"] == "x"
    assert len(owners) == sum(len(a.units) for a in adapters())  # no unit claimed twice


def test_ipv6_literal_keeps_its_brackets_in_the_canonical_form():
    assert identify("http://[fe80::1]:8080/a?utm_source=x").canonical_url == "http://[fe80::1]:8080/a"


@given(st.text(max_size=80) | st.builds("https://{}{}".format, st.sampled_from(
    ["x.com/", "www.youtube.com/watch?v=", "m.facebook.com/", "fb.watch/", "[", "t.co/"]),
    st.text(max_size=40)))
def test_parsing_never_raises_on_any_text(url):
    info = identify(url)
    assert info.post_id is None or info.post_id in url
