"""`auditor explorar`: datasette on loopback, with the canned queries written for any store."""

import json
import sqlite3
from pathlib import Path

import pytest

from auditor.cli import main as auditor
from auditor.commands import explorar

SAMPLE = Path(__file__).parent.parent / "ejemplos" / "000_a182aa916ef26d9e.txt"


@pytest.fixture
def store(tmp_path) -> Path:
    db = tmp_path / "auditoría 2025.db"  # any name, spaces and accents included
    assert auditor(["revisar", str(SAMPLE), "--sin-red", "--db", str(db)]) == 1
    return db


def test_datasette_serves_only_on_loopback_with_queries_for_this_store(store, monkeypatch):
    started = {}
    monkeypatch.setattr(explorar.shutil, "which", lambda name, path=None: "/bin/datasette")
    monkeypatch.setattr(explorar.os, "execv", lambda path, argv: started.update(argv=argv))
    auditor(["explorar", "--db", str(store), "--puerto", "8123"])
    argv = started["argv"]
    assert argv[:3] == ["/bin/datasette", "serve", str(store)]
    assert argv[argv.index("--host") + 1] == "127.0.0.1" and "8123" in argv
    metadata = json.loads(Path(argv[argv.index("--metadata") + 1]).read_text(encoding="utf-8"))
    queries = metadata["databases"][store.stem]["queries"]
    assert {q["title"] for q in queries.values()} == {
        "Enlaces rotos", "Cambios recientes", "Cobertura por informe"}
    with sqlite3.connect(store) as conn:
        rows = {name: conn.execute(q["sql"]).fetchall() for name, q in queries.items()}
    coverage = {(row[3], row[4]): (row[5], row[6]) for row in rows["cobertura_por_informe"]}
    assert coverage[("A", "x")] == (5, 5) and rows["links_rotos"] == []


def test_without_datasette_it_says_how_to_install_it(store, monkeypatch, capsys):
    monkeypatch.setattr(explorar.shutil, "which", lambda name, path=None: None)
    assert auditor(["explorar", "--db", str(store)]) == 2
    assert "pip install -e '.[explorar]'" in capsys.readouterr().err


def test_a_store_that_does_not_exist_is_refused(tmp_path, capsys):
    assert auditor(["explorar", "--db", str(tmp_path / "nada.db")]) == 2
    assert "la base no existe" in capsys.readouterr().err
