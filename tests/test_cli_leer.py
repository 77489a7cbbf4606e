"""`auditor leer` as a user runs it: table, JSON, stdin, bad input, Spanish help."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "ejemplos"
SANTA_ELENA = str(next(SAMPLES.glob("000_*.txt")))
INE = str(next(SAMPLES.glob("004_*.txt")))


def test_json_is_an_array_with_one_object_per_input(capsys):
    assert main(["leer", "--formato", "json", SANTA_ELENA, INE]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in data] == [SANTA_ELENA, INE]
    assert [p["key"] for p in data[0]["phases"]] == list("ABCDEFG")
    assert data[0]["phases"][0]["links"][0]["listed_as"] == "x"


def test_default_table_shows_phases_claims_and_links_in_spanish(capsys):
    assert main(["leer", SANTA_ELENA]) == 0
    out = capsys.readouterr().out
    assert "Fase A: Difusión de aportes y sugerencias ciudadanas (línea 30)" in out
    assert "Plataforma" in out and "Listado como" in out
    assert "https://x.com/CNE_StaElena/status/1935399367130657167" in out
    assert "5 publicaciones" in out


def test_table_shows_breakdown_sums_and_warnings(capsys):
    main(["leer", INE, str(next(SAMPLES.glob("002_*.txt")))])
    out = capsys.readouterr().out
    assert "suman 973" in out
    assert "línea 218: enlace posiblemente cortado" in out


def test_bad_inputs_get_one_spanish_line_each_and_exit_2_after_the_good_ones(tmp_path, capsys):
    broken = tmp_path / "informe.docx"
    broken.write_bytes(b"esto no es un zip")
    missing = tmp_path / "no-existe.txt"
    code = main(["leer", "--formato", "json", str(broken), SANTA_ELENA, str(missing)])
    captured = capsys.readouterr()
    assert code == 2
    assert [d["source"] for d in json.loads(captured.out)] == [SANTA_ELENA]
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert errors[0] == f"error: {broken}: no es un .docx válido (archivo dañado)"
    assert errors[1].startswith(f"error: {missing}: ")
    assert "Traceback" not in captured.err
    assert broken.read_bytes() == b"esto no es un zip"


def test_standard_input(monkeypatch, capsys):
    text = "A. Difusión\nFacebook: 3 publicaciones\nhttps://www.facebook.com/share/p/abc/\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["leer", "--formato", "json", "-"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["source"] == "-"
    assert report["phases"][0]["claims"][0]["count"] == 3


def test_salida_writes_the_file_and_never_the_input(tmp_path, capsys):
    target = tmp_path / "salida.json"
    assert main(["leer", "--formato", "json", "--salida", str(target), INE]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))[0]["source"] == INE
    copy = tmp_path / "informe.txt"
    copy.write_text("Facebook: 3 posts\n", encoding="utf-8")
    assert main(["leer", "--salida", str(copy), str(copy)]) == 2
    assert copy.read_text(encoding="utf-8") == "Facebook: 3 posts\n"
    assert "no se sobrescribe" in capsys.readouterr().err


def test_help_is_spanish(capsys):
    with pytest.raises(SystemExit) as leaving:
        main(["--help"])
    assert leaving.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: auditor")
    assert "opciones:" in out and "muestra esta ayuda y sale" in out and "leer" in out
    with pytest.raises(SystemExit):
        main(["leer", "--help"])
    out = capsys.readouterr().out
    assert "uso: auditor leer" in out and "argumentos:" in out and "--formato" in out
    assert "usage:" not in out and "options:" not in out


def test_usage_errors_are_spanish(capsys):
    with pytest.raises(SystemExit) as leaving:
        main(["leer", "--formato", "xml", SANTA_ELENA])
    assert leaving.value.code == 2
    assert "valor no válido" in capsys.readouterr().err


def test_console_script_runs_from_a_fresh_process(tmp_path):
    env = {**os.environ, "COLUMNS": "200"}
    script = Path(sys.executable).parent / "auditor"
    done = subprocess.run([str(script), "leer", "--formato", "json", INE],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["phases"][0]["key"] == ""


def test_a_docx_with_heading_styles_and_a_hyperlink(tmp_path, capsys):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Difusión en redes", level=1)
    document.add_paragraph("X (antes Twitter): 1 publicación")
    paragraph = document.add_paragraph("Ver ")
    target = "https://x.com/CNE_StaElena/status/1935399367130657167"
    rel = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "la publicación"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    path = tmp_path / "informe.docx"
    document.save(path)
    before = path.read_bytes()

    assert main(["leer", "--formato", "json", str(path)]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    (phase,) = report["phases"]
    assert (phase["key"], phase["line"]) == ("Difusión en redes", 1)
    assert [(c["platform"], c["count"]) for c in phase["claims"]] == [("x", 1)]
    assert [(li["url"], li["listed_as"], li["line"]) for li in phase["links"]] == [(target, "x", 3)]
    assert path.read_bytes() == before
