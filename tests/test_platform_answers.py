"""Verdicts that hold whatever the language the platform answers in and whatever endpoint
fails (issue 11): the real `cosecha` against the local platform server, one run per behaviour,
counting the requests the server received for each link."""

import pytest
from test_harvest_integration import cosecha, tweet

# kind -> the verdict when the texts are in a language the adapter knows (en, es), and when they
# are not (pt): where a field decides, the same; where only words tell, unexpected, never broken
YOUTUBE = {
    "age": (("alive", "age_restricted"), ("alive", "age_restricted")),
    "deleted": (("broken", "unavailable"), ("broken", "unavailable")),
    "live_offline": (("alive", "scheduled"), ("alive", "scheduled")),
    "scheduled": (("alive", "scheduled"), ("alive", "scheduled")),
    "private": (("broken", "private"), ("unverified", "unexpected")),
    "login_wall": (("unverified", "login_wall"), ("unverified", "unexpected")),
}
LANGUAGES = (None, "es", "pt")  # None: the server speaks the hl asked for


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def video_id(kind: str, lang: str | None) -> str:
    return f"{kind.replace('_', '')[:6]}{lang or 'hl'}".ljust(11, "0")


def watch(video: str) -> str:
    return f"https://www.youtube.com/watch?v={video}"


def verdict(row) -> tuple[str, str | None]:
    return row["status"], (row["reason"] or "").split(":")[0] or None


def test_youtube_verdicts_are_the_same_in_every_language_where_fields_decide(plataformas, db):
    for kind in YOUTUBE:
        for lang in LANGUAGES:
            plataformas.youtube_scenario(video_id(kind, lang), kind, lang)
    _, rows = cosecha(plataformas, db, *(watch(video_id(k, g)) for k in YOUTUBE for g in LANGUAGES))
    for kind, (known, unknown) in YOUTUBE.items():
        for lang in LANGUAGES:
            expected = unknown if lang == "pt" else known
            assert verdict(rows[watch(video_id(kind, lang))]) == expected, (kind, lang)


def asked_of_the_platform(plataformas, ident: str) -> list:
    """The requests about a post to its platform (the web archive asked of a broken one aside)."""
    return [r for r in plataformas.requests_for(ident) if r.host != "archive.org"]


def test_each_youtube_video_costs_one_watch_page_request_in_english(plataformas, db):
    videos = [video_id(kind, None) for kind in YOUTUBE] + ["alivehl0000"]
    for kind in YOUTUBE:
        plataformas.youtube_scenario(video_id(kind, None), kind)
    _, rows = cosecha(plataformas, db, *(watch(v) for v in videos))
    assert rows[watch("alivehl0000")]["author"] == "@cnestaelena"
    for video in videos:
        [request] = asked_of_the_platform(plataformas, video)
        assert "/watch?" in request.path_qs and "hl=en" in request.path_qs


X_POSTS = {"1935399367130657167": ("alive", ("alive", None)),
           "1940055112992317884": ("deleted", ("broken", "deleted")),
           "1940567126823391305": ("withheld", ("alive", "restricted")),
           "1941234567890123456": ("suspended", ("broken", "suspended"))}
VIDEOS = {"okvideo0001": ("alive", ("alive", None)),
          "private0001": ("private", ("broken", "private")),
          "agegate0001": ("age", ("alive", "age_restricted")),
          "deleted0001": ("deleted", ("broken", "unavailable")),
          "embedoff001": ("embed_disabled", ("alive", None))}


@pytest.mark.parametrize("outage", ["503", "lento"])
def test_an_oembed_outage_changes_no_verdict_and_costs_no_request(plataformas, db, outage):
    plataformas.oembed_outage, plataformas.slow_seconds = outage, 3
    for post, (kind, _) in X_POSTS.items():
        plataformas.x(post, kind)
    for video, (kind, _) in VIDEOS.items():
        plataformas.youtube(video, kind)
    urls = {**{tweet(p): v for p, (_, v) in X_POSTS.items()},
            **{watch(v): found for v, (_, found) in VIDEOS.items()}}
    _, rows = cosecha(plataformas, db, "--timeout", "1", *urls)
    assert {url: verdict(rows[url]) for url in urls} == urls
    assert not plataformas.requests_for("oembed")
    for ident in [*X_POSTS, *VIDEOS]:
        assert len(asked_of_the_platform(plataformas, ident)) == 1, ident


def test_without_player_data_oembed_names_the_video_and_its_outage_changes_nothing(plataformas,
                                                                                   db):
    plataformas.youtube("consent0001", "consent")
    _, rows = cosecha(plataformas, db, watch("consent0001"))
    assert verdict(rows[watch("consent0001")]) == ("unverified", "consent_wall")
    assert rows[watch("consent0001")]["title"] == "Transmisión consent0001"
    plataformas.oembed_outage = "503"
    _, rows = cosecha(plataformas, db, watch("consent0001"), "--reintentos", "0")
    assert verdict(rows[watch("consent0001")]) == ("unverified", "consent_wall")


def test_a_facebook_page_showing_newer_posts_gives_the_post_its_own_date_or_none(plataformas,
                                                                                 db):
    share = "https://www.facebook.com/share/p/{}/".format
    plataformas.facebook("VariosPosts", "several_posts")
    plataformas.facebook("SinAtarFecha", "several_posts_untied")
    _, rows = cosecha(plataformas, db, share("VariosPosts"), share("SinAtarFecha"))
    own, untied = rows[share("VariosPosts")], rows[share("SinAtarFecha")]
    assert (own["status"], own["published_at"]) == ("alive", "2025-07-03T16:00:00Z")
    assert (untied["status"], untied["published_at"]) == ("alive", None)
