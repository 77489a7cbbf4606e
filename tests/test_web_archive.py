"""The web archive (issue 12): the closest capture of a broken link suggested on its finding, and
Save Page Now on request (`--archivar`), the real commands against the local platform server's
emulation of the Wayback availability API and SPN2 (through --remap)."""

import json
import sqlite3
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.cli import main as auditor
from cosecha.cli import main as cosecha

POST, OTHER = "1935399367130657167", "1935399367130657168"
URL = f"https://x.com/CNE_StaElena/status/{POST}"
URL2 = f"https://x.com/CNE_StaElena/status/{OTHER}"
STAMP = "20250704120000"
CAPTURE = f"https://web.archive.org/web/{STAMP}/{URL}"
KEY, SECRET = "clave-de-archivo", "secreto-de-archivo-789"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cosecha.db"


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "informe.txt"
    path.write_text(f"Fase 1: Difusión\nX: 1 publicación\n{URL}\n", encoding="utf-8")
    return path


@pytest.fixture
def keys(tmp_path, plataformas):
    plataformas.archive_keys = f"{KEY}:{SECRET}"
    path = tmp_path / "credenciales.toml"
    path.write_text(f'[archive]\nclave = "{KEY}"\nsecreto = "{SECRET}"\n', encoding="utf-8")
    path.chmod(0o600)
    return path


def run(main, capsys, *args):
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def harvest(capsys, server, db, *args):
    return run(cosecha, capsys, *args, "--db", db, "--remap", server.remap, "--refrescar",
               "--reintentos", "0", "--formato", "json")


def revisar(capsys, server, db, report, *args):
    return run(auditor, capsys, "revisar", report, "--db", db, "--remap", server.remap,
               "--reintentos", "0", "--refrescar", *args)


def availability(server) -> list[dict]:
    return [parse_qs(urlsplit(r.path_qs).query) for r in server.requests_for("/wayback/available")]


def test_a_deleted_post_shows_its_closest_capture_in_every_output(plataformas, db, report, capsys):
    harvest(capsys, plataformas, db, URL)
    plataformas.x(POST, "deleted")
    plataformas.archive_captures[URL] = STAMP
    code, out, _ = revisar(capsys, plataformas, db, report, "--formato", "json")
    [finding] = [f for f in json.loads(out)["reports"][0]["findings"] if f["code"] == "broken_link"]
    [link] = json.loads(out)["reports"][0]["links"]
    assert code == 1 and finding["archived_url"] == link["archived_url"] == CAPTURE
    assert link["status"] == "broken"  # a suggestion, never a change of status
    today = datetime.now(UTC).strftime("%Y%m%d")
    assert availability(plataformas) == [{"url": [URL], "timestamp": [today]}]
    _, table, _ = revisar(capsys, plataformas, db, report, "--formato", "tabla")
    assert CAPTURE in table and "Copias en el archivo web" in table
    _, page, _ = revisar(capsys, plataformas, db, report, "--formato", "html")
    assert f'href="{CAPTURE}"' in page
    _, acta, _ = run(auditor, capsys, "acta", report, "--db", db, "--formato", "json")
    assert [row["archived_url"] for row in json.loads(acta)["links"]] == [CAPTURE]
    assert len(availability(plataformas)) == 1  # asked once per link, not every run


def test_a_post_never_seen_alive_is_asked_without_a_day_and_sin_red_asks_nothing(
        plataformas, db, report, capsys):
    plataformas.x(POST, "deleted")
    revisar(capsys, plataformas, db, report, "--sin-red")
    assert availability(plataformas) == []
    _code, out, _ = revisar(capsys, plataformas, db, report, "--formato", "json")
    assert availability(plataformas) == [{"url": [URL]}]
    finding = next(f for f in json.loads(out)["reports"][0]["findings"]
                   if f["code"] == "broken_link")
    assert "archived_url" not in finding  # the archive had none: nothing to suggest
    with sqlite3.connect(db) as conn:  # ...and that answer is kept, so it is not asked again
        assert conn.execute("SELECT archived_url, kind FROM archives").fetchall() == [
            (None, "suggested")]


def test_archivar_with_keys_saves_alive_posts_polls_the_job_and_shows_the_capture(
        plataformas, db, keys, tmp_path, capsys):
    code, out, err = harvest(capsys, plataformas, db, URL, "--archivar", "--credenciales", keys)
    assert code == 0 and plataformas.archive_saved == [URL]
    polls = plataformas.requests_for("/save/status/")
    assert len(polls) == 2  # pending, then success
    saved = f"https://web.archive.org/web/20260102030405/{URL}"
    _, history, _ = run(auditor, capsys, "evidencia", URL, "--db", db, "--formato", "json")
    assert [c["archived_url"] for c in json.loads(history)["checks"]] == [saved]
    harvest(capsys, plataformas, db, URL, "--archivar", "--credenciales", keys)
    assert plataformas.archive_saved == [URL]  # a post with a capture is not saved again
    seen = out + err + history + "".join(r.path_qs for r in plataformas.requests)
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith(db.name))
    assert SECRET not in seen and SECRET.encode() not in stored and stored


def test_archivar_without_keys_says_so_in_one_line_and_archives_nothing(plataformas, db, capsys):
    code, _, err = harvest(capsys, plataformas, db, URL, "--archivar")
    assert code == 0 and len([line for line in err.splitlines() if "--archivar" in line]) == 1
    assert plataformas.requests_for("web.archive.org") == []


@pytest.mark.parametrize("refusal, said", [(429, "HTTP 429"), ("daily", "límite")])
def test_a_refusal_is_one_line_and_no_more_saves(plataformas, db, keys, capsys, refusal, said):
    plataformas.archive_refusal = refusal
    _, _, err = harvest(capsys, plataformas, db, URL, URL2, "--archivar", "--credenciales", keys)
    assert len(plataformas.requests_for("web.archive.org/save")) == 1
    assert len([line for line in err.splitlines() if said in line]) == 1
    assert plataformas.archive_saved == []


def test_archivar_max_bounds_the_saves_of_a_run(plataformas, db, keys, capsys):
    plataformas.archive_pending = 0
    harvest(capsys, plataformas, db, URL, URL2, "--archivar", "--archivar-max", "1",
            "--credenciales", keys)
    assert plataformas.archive_saved == [URL]


def test_the_nightly_report_page_shows_each_record_escaped_and_each_capture(
        plataformas, db, tmp_path, capsys):
    folder, out = tmp_path / "informes", tmp_path / "paginas"
    folder.mkdir()
    (folder / "informe.txt").write_text(f"Fase 1: Difusión\nX: 2 publicaciones\n{URL}\n{URL2}\n",
                                        encoding="utf-8")
    plataformas.x(POST, "hostile")
    harvest(capsys, plataformas, db, URL2)
    plataformas.x(OTHER, "deleted")
    plataformas.archive_captures[URL2] = STAMP
    run(auditor, capsys, "nocturno", folder, "--db", db, "--salida-dir", out, "--remap",
        plataformas.remap, "--reintentos", "0", "--refrescar")
    [report_page] = (out / next(p.name for p in out.iterdir() if p.is_dir())).iterdir()
    page = report_page.read_text(encoding="utf-8")
    with sqlite3.connect(db) as conn:
        [(sha,)] = conn.execute("SELECT checks.evidence_sha256 FROM checks JOIN links ON "
                                f"links.id = link_id WHERE canonical_url = '{URL}'").fetchall()
    assert "texto: &lt;script&gt;alert(&#x27;registro&#x27;)&lt;/script&gt;AAA" in page
    assert "<script>alert" not in page and "A" * 300 not in page  # 280 characters at most
    assert "autor: CNE_StaElena" in page and f"<code>{sha}</code>" in page
    assert f'copia en el archivo web: <a href="https://web.archive.org/web/{STAMP}/{URL2}"' in page
