"""The claim grammar: the counts of posts found over a line's tokens (`tokens.py`).

A few rules find each count's platform: after it ("3 publicaciones en X"), before it ("X: 3",
"en X se publicaron 12", "Publicaciones en X ……… 3"), around it ("Facebook (2
publicaciones)"), in its unit ("12 trinos") or in the next count of its enumeration ("4 reels y
un carrusel en Instagram"); a count followed by its breakdown in parentheses is a total, and so
is one after "total" with a unit beside it. Ordinals ("Fase 2", "Publicación 3"), dates, years
and audience figures are no counts. Each rule looks a few tokens around its count: the pass is
linear in the length of the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import phrasebook
from .tokens import (
    APPROX,
    CLOSE,
    DECOY,
    JOIN,
    NUM,
    OPEN,
    PLATFORM,
    PREP,
    SEP,
    STOP,
    TOTAL,
    UNIT,
    WORD,
    Token,
    tokens,
)

# an article before a unit is a count of one only where nothing else counts: "una pieza"
_ARTICLES = frozenset(("un", "una"))
_SINGULAR_UNITS = frozenset(singular for singular, _ in phrasebook.UNITS)
_MONTHS = frozenset(("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                     "septiembre", "setiembre", "octubre", "noviembre", "diciembre"))
_ORDINAL_LEADS = frozenset(("fase", "etapa", "momento", "no", "nro", "n", "número", "numero",
                            "página", "pagina", "art", "artículo", "articulo", "anexo", "ley",
                            "resolución", "resolucion", "oficio", "memorando", "acta", "año",
                            "semana", "día", "dia", "punto", "actividad", "tabla", "cuadro"))


@dataclass(frozen=True)
class Found:
    """A count on a line: where its number is, and what the rules said of it."""

    count: int | float
    start: int
    end: int
    platform: str | None
    total: bool = False
    percent: bool = False


def counts(line: str) -> list[Found]:
    """Every count of posts the line states, in order, each with its platform when the line
    says it (None: a count whose platform a label above may give)."""
    toks = tokens(line)
    found: list[Found] = []
    for index, token in enumerate(toks):
        if token.kind == NUM and _is_count(toks, index):
            counted = _count(toks, index, len(found))
            if counted is not None:
                found.append(counted)
        elif token.kind == "pct":
            counted = _percent(toks, index)
            if counted is not None:
                found.append(counted)
    return found


def _is_count(toks: list[Token], index: int) -> bool:
    """Not an ordinal ("Fase 2"), a date ("3 de julio"), a year or an audience figure."""
    token = toks[index]
    after = _next(toks, index + 1)
    if _is_ordinal(toks, index):
        return False
    if after is not None and after.kind == DECOY:
        return False
    if _is_date(toks, index):
        return False
    if token.text in _ARTICLES and not _article_counts(toks, index):
        return False
    return not (token.text.isdigit() and len(token.text) == 4 and 1900 <= token.value <= 2100
                and (after is None or after.kind != UNIT))


def _is_ordinal(toks: list[Token], index: int) -> bool:
    """"Fase 2", "N.º 3", "Publicación 3" (a link's text): a number that names, not counts."""
    before = toks[index - 1] if index else None
    if before is None:
        return False
    return ((before.kind == WORD and before.text in _ORDINAL_LEADS)
            or (before.kind == UNIT and before.text in _SINGULAR_UNITS))


def _article_counts(toks: list[Token], index: int) -> bool:
    """"una publicación", "una en Facebook", "Instagram: una", "en FB se publicó una": an
    article counts one before a unit or a platform, or where nothing follows it."""
    after = toks[index + 1] if index + 1 < len(toks) else None
    if after is None or after.kind in (STOP, JOIN, OPEN, CLOSE):
        return True
    if after.kind in (UNIT, PLATFORM):
        return True
    return after.kind == PREP and index + 2 < len(toks) and toks[index + 2].kind == PLATFORM


def _next(toks: list[Token], index: int) -> Token | None:
    """The token at `index`, past up to two plain words ("3 nuevas publicaciones")."""
    for at in range(index, min(len(toks), index + 3)):
        if toks[at].kind != WORD:
            return toks[at]
    return toks[index] if index < len(toks) else None


def _is_date(toks: list[Token], index: int) -> bool:
    following = [t.text for t in toks[index + 1:index + 3]]
    if following[:1] == ["de"]:
        following = following[1:]
    return bool(following) and following[0] in _MONTHS


def _count(toks: list[Token], index: int, earlier: int) -> Found | None:
    token = toks[index]
    unit_at = _unit_after(toks, index)
    unit = toks[unit_at] if unit_at is not None else None
    platform = (_platform_after(toks, unit_at if unit else index, unit is not None)
                or _platform_around(toks, index) or (unit and unit.platform)
                or _platform_before(toks, index) or (unit and _shared_platform(toks, unit_at)))
    has_unit = unit is not None or _unit_before(toks, index)
    total = _details_follow(toks, unit_at or index) or (
        (_total_before(toks, index) or _total_after(toks, unit_at or index))
        and (has_unit or _unit_in_clause(toks, index) or _bare_total(toks, index)))
    if platform is None and not total and not (has_unit and earlier == 0):
        return None
    if platform is None and total:
        platform = "all"
    return Found(token.value, token.start, token.end, platform, total)


def _unit_after(toks: list[Token], index: int) -> int | None:
    """The unit right after a count, past up to two words or a "de" ("una docena de
    publicaciones")."""
    for at in range(index + 1, min(len(toks), index + 4)):
        if toks[at].kind == UNIT:
            return at
        if toks[at].kind != WORD and toks[at].text != "de":
            return None
    return None


def _unit_before(toks: list[Token], index: int) -> bool:
    for at in range(index - 1, max(-1, index - 6), -1):
        if toks[at].kind == UNIT:
            return True
        if toks[at].kind not in (SEP, WORD, PREP, PLATFORM, APPROX):
            return False
    return False


def _platform_after(toks: list[Token], at: int, unit: bool) -> str | None:
    """"3 publicaciones en X", "3 publicaciones difundidas a través de FB", "2 en Facebook",
    "1 TikTok"."""
    nxt = at + 1
    if nxt < len(toks) and toks[nxt].kind == PLATFORM and not unit:
        return toks[nxt].platform
    for step in range(nxt, min(len(toks), nxt + (6 if unit else 1))):
        kind = toks[step].kind
        if kind == PREP and step + 1 < len(toks) and toks[step + 1].kind == PLATFORM:
            return toks[step + 1].platform
        if kind not in (WORD, PREP):
            return None
    return None


def _shared_platform(toks: list[Token], unit_at: int) -> str | None:
    """"4 reels y un carrusel en la cuenta de Instagram": the next count of the enumeration
    names the platform of both."""
    nxt = unit_at + 2
    if nxt >= len(toks) or toks[unit_at + 1].text not in ("y", "e") or toks[nxt].kind != NUM:
        return None
    unit = _unit_after(toks, nxt)
    return _platform_after(toks, unit, True) if unit is not None else None


def _platform_around(toks: list[Token], index: int) -> str | None:
    """"Facebook (2 publicaciones)", "X (más de 5 publicaciones)"."""
    at = index - 1
    while at >= 0 and toks[at].kind == APPROX:
        at -= 1
    if at >= 1 and toks[at].kind == OPEN and toks[at - 1].kind == PLATFORM:
        return toks[at - 1].platform
    return None


def _platform_before(toks: list[Token], index: int) -> str | None:
    """"X: 3", "Publicaciones en X ……… 3", "en X se publicaron 12", "Transmisión en YT: 1",
    "y en Instagram, 2 reels"."""
    words = 0
    for at in range(index - 1, max(-1, index - 8), -1):
        kind = toks[at].kind
        if kind == PLATFORM:
            return toks[at].platform
        if toks[at].text == "," and _opens_clause(toks, at - 1):
            continue
        if kind == WORD:
            words += 1
            if words > 3:
                return None
        elif kind not in (SEP, APPROX):
            return None
    return None


def _opens_clause(toks: list[Token], at: int) -> bool:
    """A platform after a preposition that opens its clause ("y en Instagram,"), not one that
    ends the count before it ("5 publicaciones en Facebook,")."""
    if at < 1 or toks[at].kind != PLATFORM or toks[at - 1].kind != PREP:
        return False
    return at < 2 or toks[at - 2].kind in (JOIN, STOP, SEP)


def _total_before(toks: list[Token], index: int) -> bool:
    """"Total: 16", "En total se publicaron 23 contenidos": a total word earlier in the clause,
    with no other count between ("del total, 24..." is a part of it)."""
    for at in range(index - 1, -1, -1):
        kind = toks[at].kind
        if kind == TOTAL:
            return not (at and toks[at - 1].text == "del")
        if kind == STOP or (kind == NUM and not _is_ordinal(toks, at)):
            return False
    return False


def _total_after(toks: list[Token], at: int) -> bool:
    """"4 publicaciones en total"."""
    return any(t.kind == TOTAL for t in toks[at + 1:at + 3])


def _unit_in_clause(toks: list[Token], index: int) -> bool:
    """A unit earlier in the clause: "Publicaciones totales en redes sociales ...: 3,221"."""
    for at in range(index - 1, -1, -1):
        if toks[at].kind == UNIT:
            return True
        if toks[at].kind in (STOP, NUM):
            return False
    return False


def _bare_total(toks: list[Token], index: int) -> bool:
    """"Total: 16", "Subtotal fase 2: 6": a total word, a separator and the line's last number."""
    rest = [t for t in toks[index + 1:] if t.kind != STOP]
    return not rest and index >= 2 and toks[index - 1].kind == SEP and any(
        t.kind == TOTAL for t in toks[:index])


def _details_follow(toks: list[Token], at: int) -> bool:
    """"cinco publicaciones (tres en X y dos en Instagram)": parentheses of counts per platform
    right after a count make it their total."""
    return at + 1 < len(toks) and toks[at + 1].kind == OPEN and _detail_counts(toks, at + 1) > 0


def _detail_counts(toks: list[Token], opening: int) -> int:
    found = 0
    for at in range(opening + 1, len(toks)):
        kind = toks[at].kind
        if kind == CLOSE:
            return found
        if kind == NUM and (_platform_after(toks, at, False) or _unit_after(toks, at)):
            found += 1
        if kind in (OPEN, DECOY) or (kind == STOP and toks[at].text != ";"):
            return 0
    return 0


def _percent(toks: list[Token], index: int) -> Found | None:
    """"Porcentaje de publicaciones realizadas en Facebook 100,00%": a percentage after a unit."""
    if not any(t.kind == UNIT for t in toks[:index]):
        return None
    token = toks[index]
    value = float(token.text.rstrip("%").strip().replace(",", "."))
    return Found(value, token.start, token.start + len(token.text.rstrip("% ")),
                 _platform_before(toks, index), percent=True)
