"""What the platform said, kept: the evidence store and `auditor evidencia`, against the local
platform server (through --remap), as a user runs them."""

import asyncio
import hashlib
import json
import sqlite3
import zlib

import pytest

from auditor.cli import main as auditor
from cosecha.cli import main as cosecha
from cosecha.harvest import Harvester, HarvestOptions, targets_for
from datos import Store, open_store

POST = "1935399367130657167"
URL = f"https://x.com/CNE_StaElena/status/{POST}"
VIDEO = "https://www.youtube.com/watch?v=eiHXASgRTcA"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


def harvest(server, db, *urls):
    assert cosecha([*urls, "--db", str(db), "--remap", server.remap, "--refrescar",
                    "--reintentos", "0", "--formato", "json"]) in (0, 1)


def evidencia(capsys, db, *args, url=URL):
    capsys.readouterr()
    code = auditor(["evidencia", url, "--db", str(db), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_a_deleted_post_still_shows_what_it_said(plataformas, db, tmp_path, capsys):
    harvest(plataformas, db, URL)
    plataformas.x(POST, "deleted")
    harvest(plataformas, db, URL)
    assert auditor(["confirmar", URL, "--estado", "roto", "--por", "Ana", "--nota", "no carga",
                    "--db", str(db)]) == 0
    saved = tmp_path / "registros"
    code, out, _ = evidencia(capsys, db, "--formato", "json", "--guardar", str(saved))
    history = json.loads(out)
    alive, deleted, manual = history["checks"]
    assert code == 0 and (history["platform"], history["post_id"]) == ("x", POST)
    assert [c["status"] for c in history["checks"]] == ["alive", "broken", "broken"]
    assert alive["evidence"]["fields"]["text"] == f"Publicación {POST} de la cuenta institucional"
    assert alive["evidence"]["fields"]["author"] == "CNE_StaElena"
    assert deleted["evidence"] is None and deleted["reason"] == "deleted"
    assert manual["manual"] == {"by": "Ana", "at": manual["checked_at"], "note": "no carga"}
    [kept] = saved.iterdir()
    body = kept.read_bytes()
    assert hashlib.sha256(body).hexdigest() == kept.name == alive["evidence"]["sha256"]
    assert len(body) == alive["evidence"]["size"] and json.loads(body)["id_str"] == POST
    _, table, _ = evidencia(capsys, db)
    assert f"Publicación {POST} de la cuenta institucional" in table
    assert f"La publicación ya no está (confirmado por una persona); su último registro guardado " \
           f"es {kept.name}" in " ".join(table.split())


def test_counters_do_not_grow_the_store_an_edit_does(plataformas, db):
    harvest(plataformas, db, URL, VIDEO)
    plataformas.x(POST, "liked")
    harvest(plataformas, db, URL, VIDEO)
    assert rows(db, "SELECT count(*) FROM evidence") == [(2,)]
    plataformas.x(POST, "edited")
    harvest(plataformas, db, URL)
    kept = rows(db, "SELECT checks.evidence_sha256 FROM checks JOIN links ON links.id = link_id "
                    f"WHERE canonical_url = '{URL}' ORDER BY checks.id")
    first, liked, edited = (sha for (sha,) in kept)
    assert first == liked != edited and None not in (first, edited)
    assert rows(db, "SELECT count(*) FROM evidence") == [(3,)]


def test_records_cannot_be_changed_or_deleted(plataformas, db):
    harvest(plataformas, db, URL)
    with sqlite3.connect(db) as conn:
        for sql in ("UPDATE evidence SET media_type = 'x'", "DELETE FROM evidence"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)


class Killed(BaseException):
    """The process dying between the record's write and its check's."""


def test_a_kill_between_record_and_check_loses_nothing(plataformas, db, monkeypatch):
    def killed(*args, **kwargs):
        raise Killed

    store = open_store(db)
    options = HarvestOptions(remaps=[plataformas.remap], retries=0, refresh=True)
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_insert_check", killed)
        with pytest.raises(Killed):
            asyncio.run(Harvester(store, options).run(targets_for([URL])))
    assert rows(db, "SELECT count(*) FROM evidence") == [(0,)]
    assert rows(db, "SELECT count(*) FROM checks") == [(0,)]
    asyncio.run(Harvester(store, options).run(targets_for([URL])))
    store.close()
    [(sha256, body)] = rows(db, "SELECT checks.evidence_sha256, evidence.body FROM checks "
                                "JOIN evidence ON evidence.sha256 = checks.evidence_sha256")
    assert hashlib.sha256(zlib.decompress(body)).hexdigest() == sha256


def test_hostile_records_stay_inert_in_every_output(plataformas, db, tmp_path, capsys):
    plataformas.account = "<img src=x onerror=alert(1)>\x1b[2J"
    plataformas.x(POST, "hostile")
    harvest(plataformas, db, URL)
    [(size,)] = rows(db, "SELECT size FROM evidence")
    assert size <= 64 * 1024
    _, html, _ = evidencia(capsys, db, "--formato", "html")
    assert "<script>alert" not in html and "<img src=x" not in html and "\x1b" not in html
    assert "&lt;script&gt;alert(&#x27;registro&#x27;)&lt;/script&gt;" in html
    assert len(html) < 30_000
    _, table, _ = evidencia(capsys, db)
    assert "\x1b" not in table and "\\u001b[2J" in table and len(table) < 10_000
    _, out, _ = evidencia(capsys, db, "--formato", "json")
    fields = json.loads(out)["checks"][0]["evidence"]["fields"]
    assert fields["text"].startswith("<script>") and fields["author"].endswith("\x1b[2J")
    assert "\x1b" not in out


def test_a_record_never_holds_a_credential(plataformas, db, monkeypatch):
    plataformas.youtube_key = "clave-de-la-institucion-123"
    monkeypatch.setenv("COSECHA_YOUTUBE_KEY", plataformas.youtube_key)
    harvest(plataformas, db, VIDEO)
    [(body, fields)] = rows(db, "SELECT body, fields FROM evidence")
    kept = zlib.decompress(body).decode()
    assert json.loads(kept)["snippet"]["channelTitle"] == "CNE Santa Elena"  # the API's answer
    assert plataformas.youtube_key not in kept + fields


@pytest.mark.parametrize("url, says", [
    ("https://x.com/CNE_StaElena/status/1", "el enlace no está en la base"),
    ("ftp://x.com/a", "no es un enlace http(s)"),
])
def test_a_link_the_store_never_saw_is_refused_in_spanish(plataformas, db, capsys, url, says):
    harvest(plataformas, db, URL)
    code, out, err = evidencia(capsys, db, url=url)
    assert (code, out) == (2, "") and says in err
