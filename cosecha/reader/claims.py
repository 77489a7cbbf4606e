"""What a report claims: numbers of publications per platform, and their breakdowns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cosecha.model import BreakdownItem, Claim
from cosecha.platforms import adapters, platform_named

from .structure import Heading, label_of

POSTS, PERCENT, ALL = "posts", "percent", "all"

_UNITS = ("publicaciones", "publicación", "publicacion", "posts", "post", "posteos", "posteo",
          "videos", "vídeos", "video", "vídeo", "transmisiones", "transmisión", "transmision",
          "historias", "historia", "stories", "reels", "reel", "envivos", "lives")
_ONES = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
         "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
         "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés",
         "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve")
_ONE_FORMS = {"un": 1, "una": 1, "veintiún": 21, "veintiuna": 21}
_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
         "ochenta": 80, "noventa": 90, "cien": 100}
WORD_VALUES = {**{word: value for value, word in enumerate(_ONES)}, **_ONE_FORMS, **_TENS}

_DIGITS = r"\d{1,3}(?:[.,\s]\d{3})+(?![\d.,]\d)|\d+"
_TEN_WORDS = "|".join(_TENS)
_ONE_WORDS = "|".join(sorted([*_ONES, *_ONE_FORMS], key=len, reverse=True))
_WORDS = rf"(?:{_TEN_WORDS})(?:\s+y\s+(?:{_ONE_WORDS}))?|{_ONE_WORDS}"
NUMBER = rf"(?:{_DIGITS}|\b(?:{_WORDS})\b)"
_PERCENT = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,]\d+)?)\s?%")
_TOTAL = re.compile(r"\btotal(?:es)?\b", re.IGNORECASE)
_NETWORKS = re.compile(r"\b(?:redes|plataformas)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")

_FUTURE = re.compile(r"\b[^\W\d_]+(?:rá|rán|remos|réis)\b|\b(?:va|van|vamos)\s+a\s+[^\W\d_]+r\b",
                     re.IGNORECASE)
_INFINITIVE_LEAD = re.compile(
    r"^(?:se\s+)?(?P<verb>[^\W\d_]+(?:ar|er|ir))(?:se|lo|la|los|las)?\b", re.IGNORECASE)
_PLAN_VERB = re.compile(
    r"\b(?:para|prevé|prevén|planea|planean|pretende|pretenden|debe|deben|propone|proponen)"
    r"\s+(?:[^\W\d_]+\s+)?[^\W\d_]+(?:ar|er|ir)\b", re.IGNORECASE)
_NOT_VERBS = {"primer", "tercer", "lugar", "mujer", "hogar", "titular", "similar", "particular",
              "militar", "regular", "escolar", "familiar", "auxiliar", "celular", "popular",
              "ayer", "bienestar"}


@dataclass(frozen=True)
class Counted:
    """A count found on one line, before the platform is known from context."""

    count: int | float
    unit: str
    platform: str | None


def parse_count(text: str) -> int | None:
    """An integer written with digits (any thousands separator) or in Spanish words."""
    words = " ".join(text.lower().split())
    if words in WORD_VALUES:
        return WORD_VALUES[words]
    tens, _, ones = words.partition(" y ")
    if tens in _TENS and ones in WORD_VALUES:
        return _TENS[tens] + WORD_VALUES[ones]
    digits = re.sub(r"[.,\s]", "", words)
    return int(digits) if digits.isdigit() else None


def parse_percent(text: str) -> float:
    return float(text.replace(",", "."))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    units = sorted({*_UNITS, *(u for a in adapters() for u in a.units)}, key=len, reverse=True)
    unit = "|".join(map(re.escape, units))
    names = sorted({n for a in adapters() if not a.fallback for n in a.labels if len(n) > 2},
                   key=len, reverse=True)
    name = "|".join(map(re.escape, names))
    return {
        "count_unit": re.compile(
            rf"(?<![\w.,])(?P<num>{NUMBER})\s+(?:[^\W\d_]+\s+){{0,2}}?(?P<unit>{unit})\b",
            re.IGNORECASE),
        "unit_count": re.compile(
            rf"\b(?P<unit>{unit})\b[^:]*:\s*(?P<num>{NUMBER})\s*\.?\s*$", re.IGNORECASE),
        "unit": re.compile(rf"\b(?:{unit})\b", re.IGNORECASE),
        # a cheap first look, on the lower-cased line: most lines name no unit at all
        "hint": re.compile("|".join(map(re.escape, units))),
        "named": re.compile(
            rf"\b(?:en|por|de|a\s+través\s+de)\s+(?:(?:la|el|su|nuestra|nuestro)\s+)?"
            rf"(?:(?:cuenta|canal|página|perfil|fan\s*page)\s+(?:oficial\s+)?(?:de|en)\s+)?"
            rf"(?:(?P<name>{name})\b|(?P<x>X)\b)", re.IGNORECASE),
    }


def unit_platform(unit: str) -> str | None:
    """The platform a count unit implies ("tuits" -> x), if any."""
    unit = unit.lower()
    return next((a.name for a in adapters() if unit in a.units), None)


def named_platform(text: str) -> str | None:
    """The platform named in prose ("realizadas en Facebook", "por YouTube")."""
    for found in _patterns()["named"].finditer(text):
        if found["name"]:
            return platform_named(found["name"])
        if found["x"] == "X":  # a bare "x" in prose is only the platform in capitals
            return "x"
    return None


def _sentence(line: str, at: int) -> tuple[str, str]:
    """The text of the sentence holding position `at`: before it and from it on."""
    starts = [m.end() for m in _SENTENCE_END.finditer(line, 0, at)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(line, at)
    end = end_match.end() if end_match else len(line)
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
    """The count of publications a line states, if it states one and not as a plan."""
    number = _number_on(line)
    if number is None:
        return None
    value, unit, at, implied = number
    if is_plan(*_sentence(line, at)):
        return None
    platform = label_of(line) or named_platform(line) or implied
    if platform is None and _TOTAL.search(line) and _NETWORKS.search(line):
        platform = ALL
    return Counted(value, unit, platform)


def _number_on(line: str) -> tuple[int | float, str, int, str | None] | None:
    """(value, unit, position, platform the unit implies) of the count a line holds."""
    patterns = _patterns()
    if not patterns["hint"].search(line.lower()):
        return None
    percent = _PERCENT.search(line)
    if percent and patterns["unit"].search(line, 0, percent.start()):
        return parse_percent(percent["num"]), PERCENT, percent.start(), None
    found = patterns["count_unit"].search(line) or patterns["unit_count"].search(line)
    if not found or (value := parse_count(found["num"])) is None:
        return None
    return value, POSTS, found.start("num"), unit_platform(found["unit"])


def find_claims(lines: list[str], headings: dict[int, Heading]) -> list[Claim]:
    """Every claim of the report with its breakdown, in reading order."""
    claims: list[Claim] = []
    claim_lines: set[int] = set()
    for number, line in enumerate(lines, start=1):
        counted = None if number in headings else count_on(line)
        if counted is None:
            continue
        platform = counted.platform or _label_above(lines, number, headings, claim_lines)
        claim_lines.add(number)
        if platform is not None:
            claims.append(Claim(platform, counted.count, counted.unit, number))
    for claim in claims:
        if claim.unit == POSTS:
            claim.breakdown = breakdown_after(lines, claim.line, set(headings) | claim_lines)
    return claims


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
