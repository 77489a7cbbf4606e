"""The picture of the house (bench/casa.py), drawn over a tiny fake house built in a temporary
folder, never over the real one (whose shape changes): arrows and their counts, an import against
the layering, a cycle between two modules, and what it skips."""

from pathlib import Path

from bench.casa import cycles, main, report, survey, violations

FAKE_HOUSE = {
    "auditor/__init__.py": "",
    "auditor/model.py": "import os\n\n\nclass Finding:\n    pass\n",
    "auditor/run.py": (
        "import json\n"
        "import cosecha.reader\n"
        "from cosecha import tools\n"
        "from auditor.model import Finding\n"
        "\n\n"
        "def go():\n"
        "    from cosecha.reader.links import find\n"
        "    return find, tools, Finding, json\n"
    ),
    "cosecha/__init__.py": "",
    # the upward import: cosecha may not import auditor
    "cosecha/tools.py": "from auditor.model import Finding\n",
    "cosecha/reader/__init__.py": "from .links import find\n",
    # links and parse import each other: the one cycle
    "cosecha/reader/links.py": "from .parse import parse\n\n\ndef find():\n    return parse\n",
    "cosecha/reader/parse.py": (
        "from .. import tools\n"
        "\n\n"
        "def parse():\n"
        "    from . import links\n"
        "    return links, tools\n"
    ),
    # not part of the house: a tests folder inside a package, and a folder without __init__.py
    "cosecha/tests/__init__.py": "import auditor.run\n",
    "cosecha/scripts/tool.py": "import auditor.run\n",
    "tests/test_run.py": "import auditor.run\n",
}


def build(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_arrows_the_import_against_the_layering_and_the_cycle_are_found(tmp_path):
    house = survey(build(tmp_path, FAKE_HOUSE))
    assert sorted(house.modules) == ["auditor", "auditor.model", "auditor.run", "cosecha",
                                     "cosecha.reader", "cosecha.reader.links",
                                     "cosecha.reader.parse", "cosecha.tools"]
    assert dict(house.arrows) == {
        ("auditor", "cosecha"): 1,  # from cosecha import tools: the module tools
        ("auditor", "cosecha/reader"): 2,  # one at the top, one inside a function
        ("cosecha", "auditor"): 1,
        ("cosecha/reader", "cosecha"): 1,  # from .. import tools
    }
    assert violations(house) == [("cosecha", "auditor", 1)]
    assert house.statements["cosecha", "auditor"] == ["cosecha/tools.py:1"]
    assert cycles(house) == [["cosecha/reader/links.py", "cosecha/reader/parse.py"]]
    lines = report(house)
    assert "  cosecha → auditor: 1" in lines
    assert "  2 módulos: cosecha/reader/links.py, cosecha/reader/parse.py" in lines
    assert lines[-1] == "Total: 8 módulos, 27 líneas, 3 habitaciones"  # 5 + 9 + 1 + 1 + 5 + 6


def test_a_house_in_order_says_so_and_prints_the_same_twice(tmp_path, capsys):
    files = {name: text for name, text in FAKE_HOUSE.items()
             if name not in ("cosecha/tools.py", "cosecha/reader/parse.py")}
    files["cosecha/reader/links.py"] = "def find():\n    pass\n"
    root = build(tmp_path, files)
    main(root)
    first = capsys.readouterr().out
    main(root)
    assert capsys.readouterr().out == first
    assert "== Flechas contra las capas (auditor → cosecha → datos) ==\n  ninguna\n" in first
    assert "== Ciclos de importación entre módulos ==\n  ninguno\n" in first
