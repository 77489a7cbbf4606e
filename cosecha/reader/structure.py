"""A report's skeleton: headings, platform label lines, and the phases they delimit."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from cosecha.model import Claim, Link, Phase
from cosecha.platforms import platform_named

MAX_HEADING = 120
_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# "A. Título", "A) Título", "IV. Título", "3. Título", "3.2 Título", "3.2. Título"
_LABELLED = re.compile(
    rf"(?P<label>\d{{1,3}}(?:\.\d{{1,3}})+\.?|\d{{1,3}}[.)]|[A-Z][.)]|(?=[MDCLXVI]{{2}})"
    rf"{_ROMAN}[.)])\s+(?P<title>.*[^\W\d_].*)"
)
_PHASE_WORD = re.compile(
    rf"(?:Fase|Etapa|FASE|ETAPA)\s+(?P<label>\d{{1,3}}|(?=[MDCLXVI]){_ROMAN})\b"
    rf"\s*[-—–:.)]?\s*(?P<title>.*)"
)
_MARKDOWN = re.compile(r"#{1,6}\s+(?P<text>.*\S)")
_LINKS_INTRO = re.compile(r"(?:enlaces?|links?|v[ií]nculos?)(?:\s+de\s+\w+)?\s*:?", re.IGNORECASE)
_MARKUP = re.compile(r"^[\s*_>•·\-–—]+|[\s*_]+$")
_LIST_ITEM = re.compile(r"\s*(?:[-•·–—]|\*(?!\*))\s")
_MAX_LABEL_WORDS = 5
_MAX_LABEL_CHARS = 60  # longer than any platform label, even with a trailing note


@dataclass(frozen=True)
class Heading:
    line: int
    key: str
    title: str


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
    return Heading(0, key, found["title"].strip() or text)


def find_headings(lines: list[str], styled: set[int] = frozenset()) -> dict[int, Heading]:
    """1-based line -> heading, for every heading line of the report."""
    found = {}
    for number, line in enumerate(lines, start=1):
        heading = heading_of(line, number in styled)
        if heading is not None:
            found[number] = Heading(number, heading.key, heading.title)
    return found


def label_scope(lines: list[str], headings: dict[int, Heading],
                claim_platforms: dict[int, str]) -> list[str | None]:
    """The platform label in force on each line (index 0 is line 1).

    A label holds until the next label line, a claim line for another platform, or a
    heading; blank lines, "Enlaces:" and prose do not end it.
    """
    current: str | None = None
    scope = []
    for number, line in enumerate(lines, start=1):
        if number in headings:
            current = None
        elif (named := label_of(line)) is not None:
            current = named
        elif claim_platforms.get(number, current) != current:
            current = None
        scope.append(current)
    return scope


def assemble_phases(headings: dict[int, Heading], claims: list[Claim],
                    links: list[Link]) -> list[Phase]:
    """Phases in reading order, only those holding a claim or a link."""
    starts = sorted(headings)
    phases: dict[int, Phase] = {}
    for item in sorted([*claims, *links], key=lambda item: item.line):
        owner = _owner(starts, item.line)
        if owner not in phases:
            heading = headings.get(owner)
            phases[owner] = (Phase(heading.key, heading.title, heading.line) if heading
                             else Phase("", "", None))
        target = phases[owner].claims if isinstance(item, Claim) else phases[owner].links
        target.append(item)
    return [phases[start] for start in sorted(phases)]


def _owner(starts: list[int], line: int) -> int:
    """The line of the nearest heading at or above `line`, 0 when there is none."""
    index = bisect_right(starts, line)
    return starts[index - 1] if index else 0
