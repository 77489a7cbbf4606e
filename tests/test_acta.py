"""`auditor acta`: the signable record of one report, from a store the real `auditor revisar`
filled from the local platforms (X alive and deleted, Facebook behind its login wall, one of
those confirmed by a person), and checking a printed acta by its fingerprint."""

import hashlib
import json
import os
import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.cli import main
from datos import open_store

ALIVE = "https://x.com/CNE_StaElena/status/1940055112992317885"
DELETED_ID = "1940055112992317884"
DELETED = f"https://x.com/CNE_StaElena/status/{DELETED_ID}"
WALLED = [f"https://www.facebook.com/share/p/{token}/" for token in ("1AAAwall", "2BBBwall")]
HOSTILE_URL = "https://ejemplo.org/gone?x='onmouseover='window.__pwned=1"
HOSTILE_TITLE = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'
HOSTILE_NOTE = '<img src=x onerror=alert(1)> la vi "en el navegador"'
REPORT = f"""Informe {HOSTILE_TITLE}
Institución: <b onmouseover="alert(1)">CNE Santa Elena</b>

Fase 1: Difusión
X: 2 publicaciones
{DELETED}
{ALIVE}
Facebook: 2 publicaciones
{WALLED[0]}
{WALLED[1]}

Fase 2: Audiencia
Web: 1 publicación
{HOSTILE_URL}
"""


def revisar(remap) -> dict:
    main(["revisar", "informe.txt", "--db", "cosecha.db", "--remap", remap, "--formato", "json",
          "--salida", "auditoria.json"])
    return json.loads(Path("auditoria.json").read_text(encoding="utf-8"))["reports"][0]


@pytest.fixture(scope="module")
def audited(servidor_sesion, tmp_path_factory):
    """Audited as `informe.txt` from its folder, one walled link confirmed by a person, audited
    again; each test copies it. Also the second audit's `links` as `revisar` shows them."""
    folder = tmp_path_factory.mktemp("acta")
    (folder / "informe.txt").write_text(REPORT, encoding="utf-8")
    servidor_sesion.reset()
    servidor_sesion.x_scenario(DELETED_ID, "deleted")
    was = os.getcwd()
    try:
        os.chdir(folder)
        revisar(servidor_sesion.remap)
        assert main(["confirmar", WALLED[0], "--estado", "vivo", "--por", "Ana <b>Pérez</b>",
                     "--nota", HOSTILE_NOTE, "--db", "cosecha.db"]) == 0
        report = revisar(servidor_sesion.remap)
    finally:
        os.chdir(was)
        servidor_sesion.reset()
    return folder, report["links"]


@pytest.fixture
def folder(audited, tmp_path, monkeypatch):
    """A copy of the audited folder, the current one (the audit named the report relatively)."""
    for name in ("informe.txt", "cosecha.db"):
        shutil.copy(audited[0] / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def acta(capsys, folder, *args) -> tuple[int, str, str]:
    code = main(["acta", *map(str, args), "--db", str(folder / "cosecha.db")])
    out, err = capsys.readouterr()
    return code, out, err


def acta_json(capsys, folder) -> dict:
    code, out, err = acta(capsys, folder, folder / "informe.txt", "--formato", "json")
    assert code == 0, err
    return json.loads(out)


def recomputed(data: dict) -> str:
    """The fingerprint as a third party computes it from the JSON, by the issue's words."""
    signed = {k: v for k, v in data.items() if k not in ("issued_at", "fingerprint")}
    text = json.dumps(signed, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def without(text: str, marker: str) -> list[str]:
    lines = text.splitlines()
    assert sum(marker in line for line in lines) == 1
    return [line for line in lines if marker not in line]


def test_the_same_store_and_report_give_the_same_acta_but_for_its_issue_line(capsys, folder):
    report = folder / "informe.txt"
    outputs = [acta(capsys, folder, report, "--formato", fmt)[1]
               for fmt in ("json", "json", "html", "html")]
    assert without(outputs[0], '"issued_at"') == without(outputs[1], '"issued_at"')
    assert without(outputs[2], "Emitida el") == without(outputs[3], "Emitida el")
    assert json.loads(outputs[0])["fingerprint"] == json.loads(outputs[1])["fingerprint"]


def test_the_fingerprint_is_the_sha256_of_the_canonical_json_without_issued_at(capsys, folder):
    data = acta_json(capsys, folder)
    assert set(data) >= {"source", "sha256", "tool_version", "verdict", "links", "findings",
                         "issued_at", "fingerprint"}
    assert data["fingerprint"] == recomputed(data)
    _, page, _ = acta(capsys, folder, folder / "informe.txt")
    parsed = Page.of(page)
    assert parsed.fingerprint == data["fingerprint"]
    embedded = json.loads(parsed.data)
    assert "issued_at" not in embedded and recomputed(embedded) == data["fingerprint"]


def test_each_link_shows_the_check_its_audit_stood_on_and_who_confirmed_it(capsys, folder,
                                                                         audited):
    data = acta_json(capsys, folder)
    by_url = {link["url"]: link for link in data["links"]}
    assert [link["url"] for link in data["links"]] == [DELETED, ALIVE, *WALLED, HOSTILE_URL]
    assert (by_url[DELETED]["status"], by_url[DELETED]["reason"]) == ("broken", "deleted")
    assert by_url[ALIVE]["status"] == "alive" and by_url[WALLED[1]]["status"] == "unverified"
    manual = by_url[WALLED[0]]["manual"]
    assert by_url[WALLED[0]]["status"] == "alive"
    assert (manual["by"], manual["note"]) == ("Ana <b>Pérez</b>", HOSTILE_NOTE)
    assert [(link["phase"], link["platform"]) for link in data["links"]][:3] == [
        ("1", "x"), ("1", "x"), ("1", "facebook")]
    # what revisar said of each link in the audit the acta reflects
    shown = {link["url"]: (link["status"], link["checked_at"], link["manual"])
             for link in audited[1]}
    assert {url: (link["status"], link["checked_at"], link["manual"])
            for url, link in by_url.items()} == shown
    assert all(link["archived_url"] is None for link in data["links"])
    assert data["verdict"] == "review_before_signing"
    assert any(f["code"] == "broken_link" and f["url"] == DELETED for f in data["findings"])


def test_a_check_made_after_the_audit_leaves_the_acta_unchanged(capsys, folder):
    before = acta_json(capsys, folder)
    store = open_store(folder / "cosecha.db")
    link = {"canonical_url": WALLED[1], "platform": "facebook", "post_id": None, "account": None}
    store.record_manual(link=link, url=WALLED[1], status="broken", checked_by="Luis", note=None,
                        checked_at="2999-01-01T00:00:00Z")
    store.close()
    assert acta_json(capsys, folder)["fingerprint"] == before["fingerprint"]


def test_the_kept_evidence_sha256_is_shown_once_checks_keep_it(capsys, folder):
    conn = sqlite3.connect(folder / "cosecha.db")
    columns = [row[1] for row in conn.execute("PRAGMA table_info(checks)")]
    if "evidence_sha256" not in columns:  # until the evidence migration adds it
        conn.execute("ALTER TABLE checks ADD COLUMN evidence_sha256 TEXT")
    conn.execute("""INSERT INTO checks (link_id, url, checked_at, status, reason, source,
                                        evidence_sha256)
                    SELECT link_id, url, checked_at, status, reason, source, 'ab12' || 'cd'
                    FROM checks WHERE url = ? ORDER BY id DESC LIMIT 1""", (ALIVE,))
    conn.commit()
    conn.close()
    by_url = {link["url"]: link for link in acta_json(capsys, folder)["links"]}
    assert by_url[ALIVE]["evidence_sha256"] == "ab12cd"
    assert by_url[DELETED]["evidence_sha256"] is None


def test_verificar_says_whether_a_fingerprint_was_issued(capsys, folder):
    issued = acta_json(capsys, folder)["fingerprint"]
    code, out, _ = acta(capsys, folder, "--verificar", issued.upper())
    assert code == 0 and "informe.txt" in out
    assert acta(capsys, folder, "--verificar", "0" * 64)[0] == 1
    code, _, err = acta(capsys, folder, "--verificar", "no-es-una-huella")
    assert code == 2 and "64 caracteres" in err


def test_an_edited_report_is_refused_naming_both_hashes_and_nothing_is_issued(capsys, folder):
    report = folder / "informe.txt"
    audited_hash = hashlib.sha256(report.read_bytes()).hexdigest()
    report.write_text(REPORT + "https://x.com/CNE_StaElena/status/1\n", encoding="utf-8")
    now_hash = hashlib.sha256(report.read_bytes()).hexdigest()
    code, out, err = acta(capsys, folder, report, "--salida", folder / "acta.html")
    assert code == 2 and out == "" and not (folder / "acta.html").exists()
    assert audited_hash in err and now_hash in err and "cambió después de su auditoría" in err
    issued = sqlite3.connect(folder / "cosecha.db").execute("SELECT count(*) FROM actas")
    assert issued.fetchone() == (0,)


def test_a_report_never_audited_is_refused(capsys, folder):
    other = folder / "otro.txt"
    other.write_text("Informe sin auditar\n\nX: 1 publicación\n" + ALIVE + "\n", encoding="utf-8")
    code, _, err = acta(capsys, folder, other)
    assert code == 2 and "no se ha auditado nunca" in err
    assert hashlib.sha256(other.read_bytes()).hexdigest() in err


def test_issued_actas_cannot_be_changed_or_removed(capsys, folder):
    acta_json(capsys, folder)
    conn = sqlite3.connect(folder / "cosecha.db")
    for statement in ("UPDATE actas SET fingerprint = 'x'", "DELETE FROM actas"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(statement)
    conn.close()


class Page(HTMLParser):
    """Every element and attribute of a page, its scripts' types, and the acta's parts."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.scripts = [], [], []
        self.fingerprint = self.data = None
        self._in = None

    @classmethod
    def of(cls, text: str) -> "Page":
        page = cls()
        page.feed(text)
        return page

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs
        if tag == "script":
            self.scripts.append(dict(attrs).get("type"))
        self._in = dict(attrs).get("id")

    def handle_data(self, data):
        if self._in == "huella":
            self.fingerprint = data
        elif self._in == "acta-json":
            self.data = data
        self._in = None


def test_hostile_text_from_the_report_and_the_confirmation_is_shown_never_run(capsys, folder):
    _, page, _ = acta(capsys, folder, folder / "informe.txt")
    parsed = Page.of(page)
    assert parsed.scripts == ["application/json"]  # the acta's data, which nothing runs
    assert not {"img", "b"} & set(parsed.tags)
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    assert all(value.startswith("https://") for name, value in parsed.attributes if name == "href")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "Ana &lt;b&gt;Pérez&lt;/b&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert json.loads(parsed.data)["title"].startswith("Informe <script>")
