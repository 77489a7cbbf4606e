"""Conclusive with the institution's credentials (issue 11): the real `cosecha` (and `auditor
revisar`) against the local platform server, with a YouTube Data API key and a Meta token given
by environment or by a credentials file, and the secret searched everywhere it must never be."""

import json
import os
import subprocess
import sys

import pytest

from cosecha.cli import main as cosecha_main

SECRET = "AIzaSECRETO-de-prueba-123"
TOKEN = "EAAGsecreto-token-456"
REFUSED_LINE = "no sirve"


def run(server, db, *args, env=None, command=("cosecha.cli",)):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("COSECHA_")}
    done = subprocess.run(
        [sys.executable, "-m", *command, "--db", str(db), "--remap", server.remap,
         "--reintentos", "0", *args],
        capture_output=True, text=True, timeout=120, env={**environ, **(env or {})})
    assert "Traceback" not in done.stderr, done.stderr
    return done


def rows_of(done) -> dict:
    return {row["url"]: row for row in json.loads(done.stdout or "[]")}


def verdict(row) -> tuple:
    return row["status"], (row["reason"] or "").split(":")[0] or None


def watch(video: str) -> str:
    return f"https://www.youtube.com/watch?v={video}"


def videos(count: int) -> list[str]:
    return [watch(f"clave{i:06d}") for i in range(count)]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def with_key(server):
    server.youtube_key = SECRET
    return {"COSECHA_YOUTUBE_KEY": SECRET}


YOUTUBE_API = {  # scenario -> verdict with the key; login_wall is conclusive only with it
    "alive": ("alive", None), "deleted": ("broken", "not_found"), "private": ("broken", "private"),
    "rejected": ("broken", "removed"), "scheduled": ("alive", "scheduled"),
    "login_wall": ("alive", None),
}


def test_youtube_data_api_decides_each_answer_with_one_request(plataformas, db):
    links = {kind: watch(f"api{kind.replace('_', '')[:8]}".ljust(11, "0")) for kind in YOUTUBE_API}
    for kind, url in links.items():
        plataformas.youtube_scenario(url.rsplit("=", 1)[1], kind)
    done = run(plataformas, db, "--formato", "json", *links.values(), env=with_key(plataformas))
    rows = rows_of(done)
    assert {k: verdict(rows[u]) for k, u in links.items()} == YOUTUBE_API
    alive = rows[links["alive"]]
    assert (alive["author"], alive["published_at"]) == ("CNE Santa Elena", "2025-07-03T15:00:00Z")
    assert alive["title"].startswith("Transmisión") and alive["final_url"] == links["alive"]
    # besides the Data API, only the web archive, asked for a capture of each broken video
    asked = [r.host for r in plataformas.requests if r.host != "archive.org"]
    assert asked == ["www.googleapis.com"]
    assert done.stderr == ""


def test_120_youtube_links_with_a_key_cost_three_data_api_requests(plataformas, db):
    done = run(plataformas, db, "--formato", "json", *videos(120), env=with_key(plataformas))
    assert {verdict(r) for r in rows_of(done).values()} == {("alive", None)}
    api = plataformas.requests_for("googleapis")
    assert len(api) == 3 and len(plataformas.requests) == 3
    assert all("part=snippet,status,liveStreamingDetails&id=" in r.path_qs for r in api)


def test_quota_exceeded_mid_run_is_one_line_and_the_rest_goes_keyless(plataformas, db):
    env = with_key(plataformas)
    plataformas.youtube_quota = 1
    done = run(plataformas, db, "--formato", "json", *videos(120), env=env)
    assert {verdict(r) for r in rows_of(done).values()} == {("alive", None)}
    [line] = [line for line in done.stderr.splitlines() if REFUSED_LINE in line]
    assert "YouTube" in line and "quotaExceeded" in line
    pages = plataformas.requests_for("/watch?")
    assert len(pages) in (120 - 50, 120 - 20)  # the one batch answered, whichever it was


def test_refused_credentials_are_one_line_each_and_the_run_goes_keyless(plataformas, db):
    plataformas.youtube_key, plataformas.meta_token = "otra-clave", "otro-token"
    plataformas.youtube_scenario("deletedkey0", "deleted")
    shares = [f"https://www.facebook.com/share/p/1Tok{i}00000/" for i in range(3)]
    links = [watch("deletedkey0"), *videos(3), *shares]
    done = run(plataformas, db, "--formato", "json", *links, "--por-host", "1",
               env={"COSECHA_YOUTUBE_KEY": SECRET, "COSECHA_META_TOKEN": TOKEN})
    rows = rows_of(done)
    assert verdict(rows[watch("deletedkey0")]) == ("broken", "unavailable")
    assert {verdict(rows[url]) for url in shares} == {("unverified", "login_wall")}
    youtube, meta = ([line for line in done.stderr.splitlines()
                      if REFUSED_LINE in line and name in line] for name in ("YouTube", "Meta"))
    assert len(youtube) == len(meta) == 1 and "API_KEY_INVALID" in youtube[0] and "190" in meta[0]
    assert len([r for r in plataformas.requests_for("/watch?") if r.host != "archive.org"]) == 4


def test_meta_token_makes_facebook_and_instagram_conclusive(plataformas, db):
    plataformas.meta_token = TOKEN
    plataformas.facebook_scenario("1Gone00000", "unavailable")
    share, post = "https://www.facebook.com/share/p/1Share0000/", \
        "https://www.facebook.com/CNEStaElena/posts/pfbid01Gone00000"
    video = "https://www.facebook.com/reel/123456789"
    insta = "https://www.instagram.com/p/C8aBcDeFgHi/"
    done = run(plataformas, db, "--formato", "json", share, post, video, insta,
               env={"COSECHA_META_TOKEN": TOKEN})
    rows = rows_of(done)
    assert (verdict(rows[share]), rows[share]["author"]) == (("alive", None), "CNE Santa Elena")
    assert verdict(rows[post]) == ("unverified", "unexpected") and "100/33" in rows[post]["reason"]
    assert verdict(rows[video]) == ("alive", None) and verdict(rows[insta]) == ("alive", None)
    graph = [r.path_qs for r in plataformas.requests_for("graph.facebook.com")]
    assert sum("/oembed_video?" in p for p in graph) == 1
    assert sum("/instagram_oembed?" in p for p in graph) == 1
    assert any("pfbid01Share0000" in p for p in graph)  # the share link, resolved first


@pytest.mark.parametrize("text, mode, said", [
    (f'[youtube]\nclave = "{SECRET}"\n', 0o640, "chmod 600"),
    (f'[youtube]\nclave = "{SECRET}"\n', 0o604, "chmod 600"),
    (f"[youtube]\nclave = {SECRET}\n", 0o600, "TOML"),
])
def test_a_credentials_file_we_refuse_is_exit_2_in_spanish(db, tmp_path, capsys, text, mode, said):
    secrets = tmp_path / "credenciales.toml"
    secrets.write_text(text, encoding="utf-8")
    secrets.chmod(mode)
    with pytest.raises(SystemExit) as exit:
        cosecha_main(["--db", str(db), "--sin-red", watch("eiHXASgRTcA"),
                      "--credenciales", str(secrets)])
    _, err = capsys.readouterr()
    assert exit.value.code == 2 and "--credenciales" in err and said in err
    assert SECRET not in err and secrets.read_text() == text and not db.exists()


@pytest.mark.lento
def test_the_secrets_are_nowhere_but_in_request_headers(plataformas, tmp_path):
    db = tmp_path / "cosecha.db"
    secrets = tmp_path / "credenciales.toml"
    secrets.write_text(f'[youtube]\nclave = "{SECRET}"\n[meta]\ntoken = "{TOKEN}"\n',
                       encoding="utf-8")
    secrets.chmod(0o600)
    plataformas.youtube_key, plataformas.youtube_quota, plataformas.meta_token = SECRET, 1, "otro"
    plataformas.youtube_scenario("deletedsec0", "deleted")
    report = tmp_path / "informe.txt"
    links = [*videos(60), watch("deletedsec0"), "https://www.facebook.com/share/p/1Sec000000/"]
    report.write_text("Fase 1: Difusión\nYouTube: 61 publicaciones\nFacebook: 1 publicación\n"
                      + "\n".join(links) + "\n", encoding="utf-8")
    outputs = [run(plataformas, db, "--formato", "json", *links, "--credenciales", str(secrets)),
               run(plataformas, db, str(report), "--formato", "html", "--salida",
                   str(tmp_path / "revision.html"), "--credenciales", str(secrets), "--refrescar",
                   command=("auditor.cli", "revisar"))]
    assert REFUSED_LINE in outputs[0].stderr  # the quota and the token were refused: messages
    seen = "".join(done.stdout + done.stderr for done in outputs)
    seen += "".join(r.path_qs for r in plataformas.requests)
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir()
                      if path.name.startswith(db.name) or path.suffix == ".html")
    assert any(path.name.endswith("-wal") for path in tmp_path.iterdir()) or stored
    for secret in (SECRET, TOKEN):
        assert secret not in seen and secret.encode() not in stored
    assert (tmp_path / "revision.html").stat().st_size > 0
    assert json.loads(outputs[0].stdout)  # the JSON was there to search
