"""What a report claims: numbers of publications per platform, and their breakdowns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cosecha.model import BreakdownItem, Claim
from cosecha.platforms import adapters, platform_named

from .structure import Heading, label_of, strip_markup

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
_APPROX = (r"(?:m[aá]s\s+de|\+|al\s+menos|por\s+lo\s+menos|alrededor\s+de|aproximadamente"
           r"|aprox\.?|cerca\s+de|unas|unos|menos\s+de|casi|~)")
_PERCENT = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,]\d+)?)\s?%")
_TOTAL = re.compile(r"\b(?:sub)?total(?:es)?\b", re.IGNORECASE)
_NETWORKS = re.compile(r"\b(?:redes|plataformas)\b", re.IGNORECASE)
_BULLET = re.compile(r"[\s\-•·*–—]*")
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


def approximation(line: str, start: int, end: int) -> str | None:
    """How a count written at line[start:end] is qualified: "más de 30", "unas 20", "15 aprox."."""
    before = _APPROX_BEFORE.search(line, max(0, start - 40), start)
    if before is not None:
        return next(kind for kind, text in before.groupdict().items() if text)
    return ABOUT if _APPROX_AFTER.match(line, end) else None


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
        # a label and a count, nothing else: "X: 3", "- Facebook: 2 publicaciones", "Total\t16"
        "bare": re.compile(
            rf"(?:[-•·*–—]\s*)?(?P<label>[^:\t]{{1,60}}?)\s*[:\t]\s*(?:{_APPROX}\s*)?"
            rf"(?P<num>{NUMBER})(?:\s+(?P<unit>{unit}))?\s*\.?", re.IGNORECASE),
        # a further item of an enumeration: ", 2 en Facebook", "y en YouTube 1 video"
        "item": re.compile(
            rf"(?:,|;|:|\by\b|\be\b)\s*(?:(?:en|por)\s+(?P<lead>{name}|X)\b\s*[:,]?\s*"
            rf"(?:se\s+[^\W\d_]+\s+)?)?(?:{_APPROX}\s*)?(?P<num>{NUMBER})\s+"
            rf"(?:(?:[^\W\d_]+\s+){{0,2}}?(?P<unit>{unit})\b\s*)?"
            rf"(?:(?:[^\W\d_]+\s+){{0,2}}?(?:en|por|de|a\s+través\s+de)\s+(?:(?:la|el|su)\s+)?"
            rf"(?:(?:cuenta|canal|página|perfil|fan\s*page)\s+(?:oficial\s+)?(?:de|en)\s+)?"
            rf"(?P<name>{name}|X)\b)?", re.IGNORECASE),
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
    """The first count of publications a line states, if it states one and not as a plan."""
    counts = counts_on(line)
    return counts[0] if counts else None


def counts_on(line: str) -> list[Counted]:
    """The counts of publications a line states: one, or one per platform of an enumeration
    ("3 publicaciones en X, 2 en Facebook y 1 en YouTube"), or a bare "X: 3" or "Total: 16"."""
    line = strip_markup(line)
    number = _number_on(line)
    if number is None:
        bare = _bare_count(line)
        return [bare] if bare is not None else []
    value, unit, (start, end), implied = number
    if is_plan(*_sentence(line, start)):
        return []
    items = list(_enumerated(line, end)) if unit == POSTS else []
    first_part = line[:items[0][0]] if items else line
    total = bool(_TOTAL.search(first_part))
    platform = label_of(line) or named_platform(first_part) or implied
    if platform is None and total and (_NETWORKS.search(line) or _starts_total(line)):
        platform = ALL
    first = Counted(value, unit, platform, approximation(line, start, end), total)
    return [first, *(Counted(count, POSTS, named, approx, total)
                     for _, count, named, approx in items)]


def _starts_total(line: str) -> bool:
    """The line opens with "Total"/"Subtotal", as a total line does ("Total de publicaciones")."""
    return bool(_TOTAL.match(line, _BULLET.match(line).end()))


def _enumerated(line: str, after: int):
    """(start, count, platform, approximate) of each further item of an enumeration."""
    for found in _patterns()["item"].finditer(line, after):
        named = found["name"] or found["lead"]
        if named and named.lower() == "x" and named != "X":
            continue  # a lower-case "x" in prose is not the platform
        platform = platform_named(named) if named else unit_platform(found["unit"] or "")
        count = parse_count(found["num"])
        if platform is None or count is None:
            continue
        yield (found.start(), count, platform,
               approximation(line, found.start("num"), found.end("num")))


def _bare_count(line: str) -> Counted | None:
    """`X: 3` or `Total: 16` (`Subtotal fase 2: 6`), a label and a number and nothing else."""
    stripped = line.strip()
    found = _patterns()["bare"].fullmatch(stripped)
    if found is None or (value := parse_count(found["num"])) is None:
        return None
    label = found["label"].strip()
    if not found["unit"] and 1900 <= value <= 2100:
        return None  # "YouTube: 2024" is a year
    approx = approximation(stripped, *found.span("num"))
    total = _TOTAL.match(label)
    if total:
        rest = label[total.end():].strip(" -–—")
        platform = (label_of(rest) or named_platform(label)) if rest else None
        return Counted(value, POSTS, platform or ALL, approx, True)
    platform = label_of(label)
    return Counted(value, POSTS, platform, approx) if platform else None


def _number_on(line: str) -> tuple[int | float, str, tuple[int, int], str | None] | None:
    """(value, unit, span, platform the unit implies) of the count a line holds."""
    patterns = _patterns()
    if not patterns["hint"].search(line.lower()):
        return None
    percent = _PERCENT.search(line)
    if percent and patterns["unit"].search(line, 0, percent.start()):
        return parse_percent(percent["num"]), PERCENT, percent.span("num"), None
    found = patterns["count_unit"].search(line) or patterns["unit_count"].search(line)
    if not found or (value := parse_count(found["num"])) is None:
        return None
    return value, POSTS, found.span("num"), unit_platform(found["unit"])


def find_claims(lines: list[str], headings: dict[int, Heading],
                skip: set[int] = frozenset()) -> list[tuple[Claim, bool]]:
    """Every claim of the report's lines but `skip` (table rows), in reading order, each with
    whether the line says it is a total, with its breakdown."""
    claims: list[tuple[Claim, bool]] = []
    claim_lines: set[int] = set()
    for number, line in enumerate(lines, start=1):
        if number in headings or number in skip or number in claim_lines:
            continue
        counted = [(number, c) for c in counts_on(line)]
        if counted and number < len(lines) and number + 1 not in headings:
            counted += [(number + 1, c) for c in _carried_over(line, counted[-1][1],
                                                                lines[number])]
        for at, found in counted:
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


_CARRIES_ON = re.compile(r"(?:,|;|:|\by|\be)\s*$")


def _carried_over(line: str, last: Counted, next_line: str) -> list[Counted]:
    """The items of an enumeration that a line break carried to the next line
    ("...2 publicaciones en X,⏎2 en Facebook y 1 en YouTube")."""
    if last.unit != POSTS or not _CARRIES_ON.search(line):
        return []
    return [Counted(count, POSTS, platform, approx, last.total)
            for _, count, platform, approx in _enumerated(", " + next_line.strip(), 0)]


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
