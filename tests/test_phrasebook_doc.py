"""docs/frases.md names everything the phrasebook holds (issue 18).

Every form of every table of forms in `cosecha/reader/phrasebook.py` (by name, template and
example), every platform name, unit, connector, preposition, leader, approximation, dozen,
"every phase" phrase and decoy. Words and forms are written in the page as `code`; connectors
and leaders, whose spaces matter, between «angle quotes». A form added to the phrasebook and not
to the page fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cosecha.reader import phrasebook

DOC = Path(__file__).resolve().parents[1] / "docs" / "frases.md"


@pytest.fixture(scope="module")
def page() -> str:
    return DOC.read_text(encoding="utf-8")


def form_tables() -> dict[str, tuple[phrasebook.Form, ...]]:
    """Every module-level table of forms, so that a new table is checked too."""
    return {name: value for name, value in vars(phrasebook).items()
            if isinstance(value, tuple) and value
            and all(isinstance(item, phrasebook.Form) for item in value)}


def code(word: str) -> str:
    return f"`{word}`"


def angled(word: str) -> str:
    return f"«{word}»"


def missing(page: str, words, quote=code) -> list[str]:
    return [word for word in words if quote(word) not in page]


def test_the_phrasebook_has_its_tables_of_forms():
    assert {"NUMBER_FORMS", "CLAIM_FORMS", "TOTAL_FORMS"} <= set(form_tables())


@pytest.mark.parametrize("table", sorted(form_tables()))
def test_every_form_is_named_with_its_template_and_example(page, table):
    forms = form_tables()[table]
    assert missing(page, [form.name for form in forms]) == []
    assert missing(page, [form.template for form in forms]) == []
    assert missing(page, [form.example for form in forms]) == []


def test_every_platform_name(page):
    names = [name for names in phrasebook.PLATFORM_NAMES.values() for name in names]
    assert missing(page, names) == []


def test_every_unit_in_singular_and_plural(page):
    units = [*phrasebook.UNITS, *(pair for pairs in phrasebook.PLATFORM_UNITS.values()
                                  for pair in pairs)]
    assert missing(page, [word for pair in units for word in pair]) == []


def test_every_connector_and_leader(page):
    assert missing(page, phrasebook.CONNECTORS, angled) == []
    assert missing(page, phrasebook.LEADERS, angled) == []


def test_every_other_word(page):
    words = [*phrasebook.PLATFORM_PREPOSITIONS, *phrasebook.APPROXIMATIONS,
             *phrasebook.DOZENS, *phrasebook.APOCOPES, *phrasebook.ALL_PHASES,
             *phrasebook.DECOYS]
    assert missing(page, words) == []


def test_the_page_says_what_is_not_read(page):
    assert "## Lo que no se lee (a sabiendas)" in page
