"""What a report claims: numbers of publications per platform, and their breakdowns.

Each line is read by the claim grammar (`grammar.py`); here a count becomes a claim unless it
is a plan, with its approximation, and a claim cut by a line break is read across it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from cosecha.model import BreakdownItem, Claim

from . import grammar, tokens
from .phrasebook import PLATFORM_PREPOSITIONS
from .structure import Heading, label_of, strip_markup

POSTS, PERCENT, ALL = "posts", "percent", "all"

_DIGITS = r"\d{1,3}(?:[.,\s]\d{3})+(?![\d.,]\d)|\d+"
_NUMBER_WORD = "|".join(sorted(tokens.NUMBER_WORDS, key=len, reverse=True))
NUMBER = rf"(?:{_DIGITS}|\b(?:{_NUMBER_WORD})(?:\s+(?:y\s+)?(?:{_NUMBER_WORD}))*\b)"
_DIGIT = re.compile(r"\d")
_COUNTING_WORDS = tokens.NUMBER_WORDS | {"docena", "docenas", "media"}
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.;!?]\s*$")

_FUTURE = re.compile(r"\b[^\W\d_]+(?:rá|rán|remos|réis)\b|\b(?:va|van|vamos)\s+a\s+[^\W\d_]+r\b",
                     re.IGNORECASE)
_INFINITIVE_LEAD = re.compile(
    r"^(?:se\s+)?(?P<verb>[^\W\d_]+(?:ar|er|ir))(?:se|lo|la|los|las)?\b", re.IGNORECASE)
_PLAN_VERB = re.compile(
    r"\b(?:para|prevé|prevén|planea|planean|pretende|pretenden|debe|deben|propone|proponen)"
    r"\s+(?:[^\W\d_]+\s+)?[^\W\d_]+(?:ar|er|ir)\b", re.IGNORECASE)
_NOT_VERBS = {"primer", "tercer", "lugar", "mujer", "hogar", "titular", "similar", "particular",
              "militar", "regular", "escolar", "familiar", "auxiliar", "celular", "popular",
              "ayer", "bienestar", "twitter", "banner", "flyer", "póster", "poster", "webinar",
              "newsletter", "messenger"}


MORE_THAN, AT_LEAST, ABOUT, LESS_THAN = "more_than", "at_least", "about", "less_than"
_APPROX_BEFORE = re.compile(
    r"(?<!\w)(?:(?P<more_than>m[aá]s\s+de|\+|por\s+encima\s+de|superior(?:es)?\s+a)"
    r"|(?P<at_least>al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo|m[ií]nimo)"
    r"|(?P<about>alrededor\s+de|aproximadamente|aproximad[oa]s?\s+de|aprox\.?|cerca\s+de"
    r"|unas|unos|en\s+torno\s+a|~)"
    r"|(?P<less_than>menos\s+de|por\s+debajo\s+de|casi))\s*$", re.IGNORECASE)
_APPROX_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:aproximadamente|aprox)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Counted:
    """A count found on one line, before the platform is known from context."""

    count: int | float
    unit: str
    platform: str | None
    approximate: str | None = None
    total: bool = False  # says "total" or "subtotal": it sums other claims
    start: int = 0  # where its number is on the line


def approximation(line: str, start: int, end: int) -> str | None:
    """How a count written at line[start:end] is qualified: "más de 30", "unas 20", "15 aprox."."""
    before = _APPROX_BEFORE.search(line, max(0, start - 40), start)
    if before is not None:
        return next(kind for kind, text in before.groupdict().items() if text)
    return ABOUT if _APPROX_AFTER.match(line, end) else None


def parse_count(text: str) -> int | None:
    """An integer written with digits (any thousands separator) or in Spanish words."""
    value = tokens.number_value(text)
    if value is not None:
        return value
    digits = re.sub(r"[.,\s]", "", text)
    return int(digits) if digits.isdigit() else None


def _sentence(line: str, at: int, ends: list[int]) -> tuple[str, str]:
    """The text of the sentence holding position `at`, before it and from it on; `ends`: where
    the line's sentences end."""
    index = bisect_right(ends, at)
    start = ends[index - 1] if index else 0
    end = ends[index] if index < len(ends) else len(line)
    return line[start:at], line[at:end]


def is_plan(before: str, after: str = "") -> bool:
    """True for a count announced in the future or as an infinitive: a plan, not a claim."""
    if _FUTURE.search(before) or _FUTURE.search(after):
        return True
    if _PLAN_VERB.search(before):
        return True
    lead = _INFINITIVE_LEAD.match(_strip_label(before).strip(" \t-•·*:"))
    return bool(lead) and lead["verb"].lower() not in _NOT_VERBS


def _strip_label(text: str) -> str:
    head, colon, rest = text.partition(":")
    return rest if colon and label_of(head) else text


def count_on(line: str) -> Counted | None:
    """The first count of publications a line states, if it states one and not as a plan."""
    counts = counts_on(line)
    return counts[0] if counts else None


def has_number(line: str) -> bool:
    """A cheap first look: a number outside the line's links. Most lines of a report have
    none."""
    text = _outside_links(line)
    return _numbered(text, tokens.words(text))


def _outside_links(line: str) -> str:
    return _LINK.sub(" ", line) if "://" in line or "www." in line else line


def _numbered(text: str, text_words: list[str]) -> bool:
    return _DIGIT.search(text) is not None or not _COUNTING_WORDS.isdisjoint(text_words)


def counts_on(line: str) -> list[Counted]:
    """The counts of publications a line states, each with its platform when the line names
    it, none of them a plan: "3 publicaciones en X, 2 en Facebook y 1 en YouTube", "X: 3",
    "Total: 16", "cinco publicaciones (tres en X y dos en Instagram)"."""
    line = strip_markup(line)
    text = _outside_links(line)
    text_words = tokens.words(text)
    if not (_numbered(text, text_words) and tokens.may_claim(text_words)):
        return []
    counted = []
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    for found in grammar.counts(line):
        if is_plan(*_sentence(line, found.start, ends)):
            continue
        unit = PERCENT if found.percent else POSTS
        platform = found.platform or label_of(line)
        counted.append(Counted(found.count, unit, platform,
                               approximation(line, found.start, found.end), found.total,
                               found.start))
    return counted


def find_claims(lines: list[str], headings: dict[int, Heading],
                skip: set[int] = frozenset()) -> list[tuple[Claim, bool]]:
    """Every claim of the report's lines but `skip` (table rows), in reading order, each with
    whether the line says it is a total, with its breakdown."""
    claims: list[tuple[Claim, bool]] = []
    claim_lines: set[int] = set()
    read: set[int] = set()
    numbered = [False, *map(has_number, lines), False]  # numbered[n]: line n has a number
    for number in range(1, len(lines) + 1):
        if number in headings or number in skip or number in read:
            continue
        if not (numbered[number] or numbered[number + 1]):
            continue
        paragraph = _paragraph(lines, number, set(headings) | set(skip))
        read.update(paragraph)
        for at, found in _counted(lines, paragraph):
            platform = found.platform or _label_above(lines, at, headings, claim_lines)
            claim_lines.add(at)
            if platform is not None:
                claims.append((Claim(platform, found.count, found.unit, at,
                                     approximate=found.approximate), found.total))
    stops = set(headings) | claim_lines | set(skip)
    for claim, _ in claims:
        if claim.unit == POSTS:
            claim.breakdown = breakdown_after(lines, claim.line, stops)
    return claims


_CARRIES_ON = re.compile(
    r"(?:[,;:]|…+|\.{3,}|\b(?:y|e|" + "|".join(p.replace(" ", r"\s+")
                                          for p in PLATFORM_PREPOSITIONS)
    + r"))\s*$", re.IGNORECASE)
_MAX_PARAGRAPH = 12  # lines read as one sentence at most


def _paragraph(lines: list[str], number: int, stops: set[int]) -> list[int]:
    """The line and those after it that a sentence runs on to ("...2 publicaciones en X,⏎2 en
    Facebook y 1 en YouTube", "se difundieron 4⏎publicaciones en la cuenta oficial de FB")."""
    paragraph = [number]
    while (len(paragraph) < _MAX_PARAGRAPH and (after := paragraph[-1] + 1) <= len(lines)
           and after not in stops and lines[after - 1].strip()):
        line = lines[paragraph[-1] - 1]
        if not (_CARRIES_ON.search(strip_markup(line)) or _goes_on(line, lines[after - 1])):
            break
        paragraph.append(after)
    return paragraph


def _counted(lines: list[str], paragraph: list[int]) -> list[tuple[int, Counted]]:
    """The counts of a paragraph read as one text, each on the line its number is on."""
    if len(paragraph) == 1:
        return [(paragraph[0], c) for c in counts_on(lines[paragraph[0] - 1])]
    parts = [strip_markup(lines[number - 1]) for number in paragraph]
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    return [(paragraph[bisect_right(starts, c.start) - 1], c)
            for c in counts_on("\n".join(parts))]  # "28⏎637" is no 28.637


def _goes_on(line: str, next_line: str) -> bool:
    """The sentence goes on in the next line: it starts in lower case, with a parenthesis or
    a number after a line that ends no sentence ("publicó unas⏎19 publicaciones", "en
    Facebook⏎(diecinueve lives)"), or with the rest of a name ("Tik⏎Tok", "YouTube⏎Live")."""
    text = strip_markup(next_line)
    first = text[:1]
    if first.islower() or tokens.continues_name(line, text):
        return True
    return (first.isdigit() or first in "(+~….") and not _ENDS_SENTENCE.search(line)


def _label_above(lines: list[str], number: int, headings: dict[int, Heading],
                 claim_lines: set[int]) -> str | None:
    """The platform of the label line just above a claim (blank and claim lines between)."""
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        if not line.strip():
            continue
        if above in headings:
            return None
        named = label_of(line)
        if named is not None or above not in claim_lines:
            return named
    return None


_ITEM = re.compile(rf"(?P<label>[^\t:]*?[^\W\d_][^\t:]*?)\s*[\t:]\s*(?P<num>{_DIGITS})")
_LONE_NUMBER = re.compile(r"(?<![\w#])\d+(?!\w)")


def breakdown_item(line: str) -> tuple[str, int] | None:
    """`label<TAB>number` or `label: number`, the label not a platform, one count at the end."""
    found = _ITEM.fullmatch(line.strip())
    if not found or _LONE_NUMBER.search(found["label"]) or label_of(found["label"]):
        return None
    return found["label"].strip(), parse_count(found["num"])


def breakdown_after(lines: list[str], number: int, stops: set[int]) -> list[BreakdownItem]:
    """The breakdown lines after a claim, across blank lines, until a line that is not one."""
    items = []
    for below in range(number + 1, len(lines) + 1):
        line = lines[below - 1]
        if below in stops:
            break
        if not line.strip():
            continue
        item = breakdown_item(line)
        if item is None:
            break
        items.append(BreakdownItem(item[0], item[1], below))
    return items
