"""A report's skeleton: headings, platform label lines, and the phases they delimit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from cosecha.model import ANNEX, PHASE, Claim, Link, Phase
from cosecha.platforms import platform_named

from .sections import (
    EVIDENCE,
    PHASE_WORDS,
    mentions_platform,
    phase_by_title,
    phase_key_named,
    section_kind,
)
from .sections import ROMAN as _ROMAN

MAX_HEADING = 120
# "A. Título", "A) Título", "IV. Título", "3. Título", "3.2 Título", "3.2. Título"
_LABELLED = re.compile(
    rf"(?P<label>\d{{1,3}}(?:\.\d{{1,3}})+\.?|\d{{1,3}}[.)]|[A-Z][.)]|(?=[MDCLXVI]{{2}})"
    rf"{_ROMAN}[.)])\s+(?P<title>.*[^\W\d_].*)"
)
_CASED_WORDS = "|".join(f"{word.capitalize()}|{word.upper()}" for word in PHASE_WORDS)  # Fase|FASE
_PHASE_WORD = re.compile(
    rf"(?:{_CASED_WORDS})\s+(?P<label>\d{{1,3}}|(?=[MDCLXVI]){_ROMAN}|[A-Z])\b"
    rf"\s*[-—–:.)]?\s*(?P<title>.*)"
)
_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_MARKDOWN = re.compile(r"#{1,6}\s+(?P<text>.*\S)")
_LINKS_INTRO = re.compile(r"(?:enlaces?|links?|v[ií]nculos?)(?:\s+de\s+\w+)?\s*:?", re.IGNORECASE)
_MARKUP = re.compile(r"^[\s*_>•·\-–—]+|[\s*_]+$")
_LIST_ITEM = re.compile(r"\s*(?:[-•·–—]|\*(?!\*))\s")
_LEADING_LABEL = re.compile(rf"(?:\d{{1,3}}|[A-Z]|{_ROMAN})[.)]\s")
_MAX_LABEL_WORDS = 5
_MAX_GROUP_WORDS = 8
_MAX_LABEL_CHARS = 60  # longer than any platform label, even with a trailing note


@dataclass(frozen=True)
class Heading:
    line: int
    key: str
    title: str
    kind: str = PHASE  # a phase, a summary or an annex (cosecha.model)


@dataclass
class Layout:
    """Which section owns each line: its heading's line, 0 before the first heading.

    In an annex, links under a group that names a phase ("Fase 2", "A. Convocatoria", or the
    words of its title) belong to that phase; the lines opening such groups are `groups`.
    """

    owners: list[int]  # index 0 is line 1
    groups: set[int] = field(default_factory=set)


def strip_markup(line: str) -> str:
    """The line without list bullets and Markdown emphasis around it."""
    return _MARKUP.sub("", line)


@lru_cache(maxsize=16384)
def label_of(line: str) -> str | None:
    """The platform a label line names: the whole line, or its start before a colon."""
    text = strip_markup(line)
    if len(text) > _MAX_LABEL_CHARS and ":" not in text:
        return None
    whole = platform_named(text)
    if whole is not None:
        return whole
    head, colon, _ = text.partition(":")
    if not colon or len(head.split()) > _MAX_LABEL_WORDS:
        return None
    return platform_named(head)


def is_links_intro(line: str) -> bool:
    return bool(_LINKS_INTRO.fullmatch(strip_markup(line)))


def heading_of(line: str, styled: bool = False) -> Heading | None:
    """The heading a line is, if any; `styled` marks a .docx Heading-style paragraph."""
    first = line.lstrip()[:1]
    if not (styled or first.isupper() or first.isdigit() or first in "#*_"):
        return None
    markdown = _MARKDOWN.fullmatch(line.strip())
    text = strip_markup(markdown["text"] if markdown else line)
    kind = section_kind(text) if len(line.strip()) < MAX_HEADING else None
    if kind is not None and not _LIST_ITEM.match(line):
        formal = markdown or styled or _LEADING_LABEL.match(text) or text.isupper()
        name = text.rstrip(": ")
        return Heading(0, name, name, ANNEX if kind == EVIDENCE and formal else kind)
    if markdown and line.lstrip().startswith("# ") and _split_label(text) is None:
        return None  # "# INFORME DE DIFUSIÓN": the document's title, not a phase
    if markdown or styled:
        heading = _split_label(text) or Heading(0, text, text)
    elif len(line.strip()) >= MAX_HEADING or _LIST_ITEM.match(line):
        return None
    else:
        heading = _split_label(text)
    if not text or heading is None or label_of(text) is not None or is_links_intro(text):
        return None
    return heading


def _split_label(text: str) -> Heading | None:
    found = _PHASE_WORD.fullmatch(text) or _LABELLED.fullmatch(text)
    if not found:
        return None
    key = found["label"].rstrip(".)")
    if _THOUSANDS.fullmatch(key):
        return None  # "1.410 publicaciones en Facebook" is a count, not section 1.410
    return Heading(0, key, found["title"].strip() or text)


def find_headings(lines: list[str], styled: set[int] = frozenset(),
                  skip: set[int] = frozenset()) -> dict[int, Heading]:
    """1-based line -> heading, for every heading line of the report but `skip` (the rows of a
    table whose rows are phases: "Momento 1: Convocatoria  3  2  5" is no heading).

    An annex is one only after a phase (a heading "Anexo 1" over the report's own body is not);
    "Evidencias" not set as a heading is one only when a group naming a phase follows it.
    """
    found: dict[int, Heading] = {}
    for number, line in enumerate(lines, start=1):
        heading = heading_of(line, number in styled) if number not in skip else None
        if heading is None:
            continue
        phases = {h.key: h.title for h in found.values() if h.kind == PHASE}
        if heading.kind in (ANNEX, EVIDENCE) and not phases:
            continue
        if heading.kind == EVIDENCE:
            if _group_after(lines, number, phases) is None:
                continue
            heading = replace(heading, kind=ANNEX)
        found[number] = replace(heading, line=number)
    return found


def _group_after(lines: list[str], number: int, phases: dict[str, str]) -> str | None:
    """The phase named by the first non-blank line after `number`, if it names one."""
    following = next((line for line in lines[number:] if line.strip()), "")
    return _phase_named(strip_markup(following), phases)


def _phase_named(text: str, phases: dict[str, str]) -> str | None:
    heading = heading_of(text)
    if heading is not None and heading.kind == PHASE and heading.key in phases:
        return heading.key
    return phase_key_named(text, list(phases)) or phase_by_title(text, phases)


def layout_of(lines: list[str], headings: dict[int, Heading], link_lines: set[int]) -> Layout:
    """Who owns each line: the section above it, or in an annex the phase its group names."""
    layout = Layout([])
    phase_lines: dict[str, int] = {}  # first heading line of each phase key
    titles: dict[str, str] = {}
    current, annex = 0, 0
    for number, line in enumerate(lines, start=1):
        heading = headings.get(number)
        group = None
        if annex and number not in link_lines:
            group = _group(line, heading, titles, _next_is_link(lines, number, link_lines))
        if group is not None:
            current = phase_lines.get(group, annex)  # a group of no phase stays in the annex
            layout.groups.add(number)
            heading = None
        if heading is not None:
            current = number
            annex = number if heading.kind == ANNEX else 0
            if heading.kind == PHASE and heading.key not in phase_lines:
                phase_lines[heading.key], titles[heading.key] = number, heading.title
        owner = current
        if annex and number in link_lines and (named := _row_phase(line, titles)) is not None:
            owner = phase_lines[named]
        layout.owners.append(owner)
    return layout


def _next_is_link(lines: list[str], number: int, link_lines: set[int]) -> bool:
    following = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
    return following in link_lines


NO_PHASE = ""  # the group of an annex's links that name no phase (phase keys are never empty)


def _group(line: str, heading: Heading | None, titles: dict[str, str], over_links: bool
           ) -> str | None:
    """In an annex: the key of the phase a line's group of links names, NO_PHASE for a group
    naming none, or None when the line opens no group.

    A group names a phase by key or title; an unlabelled heading ("### Material adicional") or
    a line ending in ":" that names neither a phase nor a platform ("Otros enlaces:") opens a
    group of no phase, and so does a short line right over links ("Otras publicaciones").
    A labelled heading that names no earlier phase is a new phase (None),
    and so ends the annex.
    """
    text = strip_markup(line)
    if not text or len(text) >= MAX_HEADING or label_of(text) or is_links_intro(text):
        return None
    if heading is not None and heading.kind != PHASE:
        return None
    named = _phase_named(text, titles)
    if named is not None:
        return named
    if heading is not None:  # a new phase if it has a label; else a group of the annex
        return None if heading.key != heading.title else NO_PHASE
    short = len(text.split()) <= _MAX_GROUP_WORDS
    if short and (text.endswith(":") or over_links) and not mentions_platform(text):
        return NO_PHASE
    return None


def _row_phase(line: str, titles: dict[str, str]) -> str | None:
    """In an annex table, the phase the row's first cell names."""
    cells = [cell.strip() for cell in re.split(r"\t|\|", line) if cell.strip()]
    return cell_phase(cells[0], titles) if len(cells) >= 2 else None


def cell_phase(cell: str, titles: dict[str, str]) -> str | None:
    """The phase (key -> title) a table's first cell names: its key alone ("2", "B"), as a
    heading would ("Fase 2", "2. Deliberación"), or by the words of its title."""
    if cell.upper() in {key.upper() for key in titles}:
        return next(key for key in titles if key.upper() == cell.upper())
    return _phase_named(cell, titles)


def label_scope(lines: list[str], stops: set[int], claim_platforms: dict[int, str],
                explicit: dict[int, str]) -> list[str | None]:
    """The platform label in force on each line (index 0 is line 1).

    A label holds until the next label line, a claim line, or a heading or annex group
    (`stops`); blank lines, "Enlaces:" and prose do not end it. A claim line that names its
    platform ("X: 3 publicaciones") labels the links under it, but not past "Enlaces:" nor
    when it is one of a block of claim lines: the list after "- IG: 1⏎TikTok: 2 videos⏎X: 4
    publicaciones⏎Enlaces:" is the phase's, not X's. The rows of a claim table name their
    platform (`explicit`).
    """
    current: str | None = None
    from_claim = False  # the label in force is a claim line's
    scope = []
    for number, line in enumerate(lines, start=1):
        if number in stops:
            current = None
        elif number in explicit:
            current, from_claim = explicit[number], False
        elif number in claim_platforms:
            named = label_of(line)
            if claim_platforms[number] != current or named is not None:
                in_block = _previous_is_claim(lines, number, claim_platforms)
                current = None if in_block else named
            from_claim = True
        elif (named := label_of(line)) is not None:
            current, from_claim = named, False
        elif from_claim and is_links_intro(line):
            current = None
        scope.append(current)
    return scope


def _previous_is_claim(lines: list[str], number: int, claim_platforms: dict[int, str]) -> bool:
    above = number - 1
    while above >= 1 and not lines[above - 1].strip():
        above -= 1
    return above in claim_platforms


def assemble_phases(headings: dict[int, Heading], layout: Layout, claims: list[Claim],
                    links: list[Link]) -> list[Phase]:
    """Phases in reading order, only those holding a claim or a link."""
    phases: dict[int, Phase] = {}
    for item in sorted([*claims, *links], key=lambda item: item.line):
        owner = layout.owners[item.line - 1]
        if owner not in phases:
            heading = headings.get(owner)
            phases[owner] = (Phase(heading.key, heading.title, heading.line, kind=heading.kind)
                             if heading else Phase("", "", None))
        target = phases[owner].claims if isinstance(item, Claim) else phases[owner].links
        target.append(item)
    return [phases[start] for start in sorted(phases)]


def place_rows(names: dict[int, str], headings: dict[int, Heading], layout: Layout,
               claimed: set[int]) -> dict[int, str]:
    """The phase key of each row of a table whose rows are phases (row line -> its first cell).

    A row naming a phase of a heading belongs to it: the row's line joins that phase in
    `layout`, unless the phase states claims of its own (`claimed`: the sections holding
    claims), then the row restates them where it stands. A row naming no phase of a heading
    is a phase of its own, the row its heading (added to `headings`).
    """
    starts: dict[str, int] = {}
    titles: dict[str, str] = {}
    for number, heading in sorted(headings.items()):
        if heading.kind == PHASE and heading.key not in starts:
            starts[heading.key], titles[heading.key] = number, heading.title
    keys = {}
    for number, name in names.items():
        key = _row_key(name, titles)
        if key is None:
            heading = replace(_split_label(name) or Heading(0, name, name), line=number)
            headings[number], key = heading, heading.key
            starts[key], titles[key] = number, heading.title
        if starts[key] not in claimed:
            layout.owners[number - 1] = starts[key]
        keys[number] = key
    return keys


def _row_key(name: str, titles: dict[str, str]) -> str | None:
    """The phase (key -> title) a row of phases names; a row labelled with a key no phase has
    ("Etapa 3: Respuesta a la ciudadanía") names none, whatever words its title shares."""
    labelled = _split_label(name)
    if labelled is not None and labelled.key.upper() not in {key.upper() for key in titles}:
        return None
    return cell_phase(name, titles)
