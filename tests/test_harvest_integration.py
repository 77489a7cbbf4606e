"""The real `cosecha` command against the local platform server, through --remap."""

import json
import subprocess
import sys

import pytest

from datos import open_store

DELETED, PROTECTED, ALIVE = "1940055112992317884", "1940567126823391305", "1935399367130657167"


def tweet(post_id):
    return f"https://x.com/CNE_StaElena/status/{post_id}"


def cosecha(server, db, *args):
    run = subprocess.run(
        [sys.executable, "-m", "cosecha.cli", "--db", str(db), "--remap", server.remap,
         "--formato", "json", "--reintentos", "1", *args],
        capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, {row["url"]: row for row in json.loads(run.stdout or "[]")}


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def test_alive_tweet_has_author_title_and_date_from_the_record(plataformas, db):
    code, rows = cosecha(plataformas, db, tweet(ALIVE))
    row = rows[tweet(ALIVE)]
    assert (code, row["status"], row["author"]) == (0, "alive", "CNE_StaElena")
    assert row["published_at"].startswith("2025-06-18") and row["title"]
    assert "127.0.0.1" not in json.dumps(row)


def test_deleted_tweet_is_broken_and_exit_1(plataformas, db):
    plataformas.x(DELETED, "deleted")
    code, rows = cosecha(plataformas, db, tweet(DELETED), tweet(ALIVE))
    assert code == 1
    assert (rows[tweet(DELETED)]["status"], rows[tweet(DELETED)]["reason"]) == ("broken", "deleted")
    assert rows[tweet(ALIVE)]["status"] == "alive"


@pytest.mark.parametrize("kind, status, reason", [
    ("suspended", "broken", "suspended"),
    ("account_gone", "broken", "account_gone"),
    ("protected", "broken", "protected"),
    ("not_found", "broken", "deleted"),
    ("oembed_only", "alive", None),
    ("withheld", "alive", "restricted"),
    ("rate_limited_long", "unverified", "rate_limited"),
])
def test_x_answers_become_honest_statuses(plataformas, db, kind, status, reason):
    plataformas.x(PROTECTED, kind)
    _code, rows = cosecha(plataformas, db, tweet(PROTECTED))
    row = rows[tweet(PROTECTED)]
    assert (row["status"], (row["reason"] or "").split(":")[0] or None) == (status, reason)


def test_facebook_share_link_behind_the_login_wall_is_unverified_and_resolved(plataformas, db):
    url = "https://www.facebook.com/share/p/1FFHYCBvYd/"
    code, rows = cosecha(plataformas, db, url)
    assert (code, rows[url]["status"], rows[url]["reason"]) == (0, "unverified", "login_wall")
    store = open_store(db)
    resolved = store.db.execute("SELECT resolved_id FROM links").fetchone()[0]
    store.close()
    assert resolved == "pfbid01FFHYCBvYd"


@pytest.mark.parametrize("kind, status, reason", [
    ("alive", "alive", None),
    ("unavailable", "broken", "unavailable"),
    ("login_form", "unverified", "login_wall"),
    ("unsupported_browser", "unverified", "login_wall"),
])
def test_facebook_pages(plataformas, db, kind, status, reason):
    url = "https://www.facebook.com/share/p/16bTkg2Fg5/"
    plataformas.facebook("16bTkg2Fg5", kind)
    _code, rows = cosecha(plataformas, db, url)
    assert (rows[url]["status"], rows[url]["reason"]) == (status, reason)


@pytest.mark.parametrize("kind, status, reason", [
    ("alive", "alive", None),
    ("deleted", "broken", "unavailable"),
    ("private", "broken", "private"),
    ("age", "alive", "age_restricted"),
    ("geoblocked", "alive", "restricted"),
    ("embed_disabled", "alive", None),
    ("live_offline", "alive", "scheduled"),
    ("consent", "unverified", "consent_wall"),
])
def test_youtube_answers(plataformas, db, kind, status, reason):
    plataformas.youtube("n2C40yiUIsQ", kind)
    url = "https://www.youtube.com/live/n2C40yiUIsQ?si=ZFhu2pd8yVDKMR4Z"
    _code, rows = cosecha(plataformas, db, url)
    assert (rows[url]["status"], rows[url]["reason"]) == (status, reason)


def test_youtube_alive_video_has_channel_and_date(plataformas, db):
    url = "https://youtu.be/FVxRBZKWRe4"
    _code, rows = cosecha(plataformas, db, url)
    assert rows[url]["author"] == "@cnestaelena"
    assert rows[url]["published_at"].startswith("2025-07-03")


@pytest.mark.parametrize("path, status, reason", [
    ("/ok", "alive", None),
    ("/no-existe", "broken", "not_found"),
    ("/gone", "broken", "not_found"),
    ("/prohibido", "unverified", "blocked"),
    ("/cf", "unverified", "blocked"),
    ("/999", "unverified", "blocked"),
    ("/sin-head", "alive", None),
    ("/rafaga-5xx", "alive", None),
    ("/429", "alive", None),
    ("/reset", "unverified", "offline"),
    ("/bucle", "unverified", "redirect_loop"),
    ("/redir-larga", "unverified", "redirect_loop"),
    ("/enorme", "unverified", "too_large"),
    ("/utf8-invalido", "alive", None),
])
def test_web_answers_and_faults(plataformas, db, path, status, reason):
    url = f"https://www.cne.gob.ec{path}"
    _code, rows = cosecha(plataformas, db, url, "--reintentos", "3")
    assert (rows[url]["status"],
            (rows[url]["reason"] or "").split(":")[0] or None) == (status, reason)


def test_a_redirect_to_a_private_address_is_refused_before_connecting(plataformas, db):
    url = "https://www.cne.gob.ec/redir-privada"
    _code, rows = cosecha(plataformas, db, url)
    assert rows[url]["status"] == "refused"
    assert not plataformas.requests_for("10.0.0.1")


WALLED = "https://www.facebook.com/share/p/1C6eHWzcfg/"


def test_with_a_flat_ttl_a_second_run_reuses_only_conclusive_checks(plataformas, db):
    plataformas.x(DELETED, "deleted")
    cosecha(plataformas, db, tweet(ALIVE), tweet(DELETED), WALLED, "--ttl", "20")
    plataformas.requests.clear()
    _code, rows = cosecha(plataformas, db, tweet(ALIVE), tweet(DELETED), WALLED, "--ttl", "20")
    assert rows[tweet(ALIVE)]["from_cache"] and rows[tweet(DELETED)]["from_cache"]
    assert not rows[WALLED]["from_cache"]
    assert {host for _, host, _ in plataformas.requests} == {"www.facebook.com"}


def test_by_the_schedule_the_same_night_asks_nothing_again_not_even_a_wall(plataformas, db):
    plataformas.x(DELETED, "deleted")
    cosecha(plataformas, db, tweet(ALIVE), tweet(DELETED), WALLED)
    plataformas.requests.clear()
    _code, rows = cosecha(plataformas, db, tweet(ALIVE), tweet(DELETED), WALLED)
    assert all(row["from_cache"] for row in rows.values())  # a wall backs off one night
    assert plataformas.requests == []
    _code, rows = cosecha(plataformas, db, tweet(ALIVE), tweet(DELETED), WALLED, "--refrescar")
    assert not any(row["from_cache"] for row in rows.values())
