"""The claim grammar: a line read as tokens, and the counts of posts found over them.

Tokens are numbers (digits with either thousands separator, Spanish number words of any size
through text2num, the phrasebook's dozens and "dos (2)"), platforms (the adapters' labels, after
an article and an account word: "la cuenta oficial de Facebook"), units ("publicaciones",
"trinos"), approximations, totals, links, prepositions, joins and punctuation. A few rules find
each count's platform: after it ("3 publicaciones en X"), before it ("X: 3", "en X se publicaron
12", "Publicaciones en X ……… 3"), around it ("Facebook (2 publicaciones)"), or in its unit ("12
trinos"); a count followed by its breakdown in parentheses is a total. Links inside a claim are
skipped. Both passes are linear in the length of the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from cosecha.platforms import adapters

from . import phrasebook

NUM, PLATFORM, UNIT, APPROX, TOTAL, PREP, JOIN, OPEN, CLOSE, SEP, STOP, WORD, DECOY, EVERY = (
    "num", "platform", "unit", "approx", "total", "prep", "join", "open", "close", "sep", "stop",
    "word", "decoy", "every")

_COARSE = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"()]*[^\s<>\"().,;:!?])"
    r"|(?P<pct>\d{1,3}(?:[.,]\d+)?\s?%)"
    # a number or a word glued to another (an id in a cut link: "aaa0X0", "#Elecciones2023MX")
    # is neither
    r"|(?P<digits>(?<!\w)(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?)(?!\w))"
    r"|(?P<word>(?<!\w)[^\W\d_]+(?:[/-][^\W\d_]+)*(?!\w))"
    r"|(?P<leader>\.{3,}|…+|_{3,})"
    r"|(?P<punct>[(),:;.!?+~\t–—-])")

_ONES = ("cero", "uno", "un", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
         "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "dieciseis",
         "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintiuna", "veintiún",
         "veintidós", "veintidos", "veintitrés", "veintitres", "veinticuatro", "veinticinco",
         "veintiséis", "veintiseis", "veintisiete", "veintiocho", "veintinueve")
_TENS = ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_HUNDREDS = ("cien", "ciento", *(f"{h}{e}" for h in ("doscient", "trescient", "cuatrocient",
                                                     "quinient", "seiscient", "setecient",
                                                     "ochocient", "novecient")
                                 for e in ("os", "as")), "mil", "millón", "millon", "millones")
NUMBER_WORDS = frozenset((*_ONES, *_TENS, *_HUNDREDS))
# an article before a unit is a count of one only where nothing else counts: "una pieza"
_ARTICLES = frozenset(("un", "una"))
_SINGULAR_UNITS = frozenset(singular for singular, _ in phrasebook.UNITS)
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+")
_NOT_DIGIT = re.compile(r"\D")
_DOZEN_WORDS = frozenset(phrase.split()[0] for phrase in phrasebook.DOZENS)
_SEPARATORS = frozenset((":", "\t", "–", "—", "-"))
_STOPS = frozenset((".", ";", "!", "?"))
_JOINS = frozenset((",", "y", "e"))
_OWN_WORDS = ("la", "el", "su", "sus", "nuestra", "nuestro", "las", "los")
_ACCOUNT_WORDS = (("red", "social"), ("cuenta",), ("cuenta", "oficial"), ("canal",),
                  ("canal", "oficial"), ("página",), ("pagina",), ("página", "oficial"),
                  ("perfil",), ("perfil", "oficial"), ("fan", "page"), ("fanpage",))
_X_ALIASES = (("ex", "twitter"), ("ex-twitter",), ("antes", "twitter"), ("twitter",))
_MONTHS = frozenset(("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                     "septiembre", "setiembre", "octubre", "noviembre", "diciembre"))
_ORDINAL_LEADS = frozenset(("fase", "etapa", "momento", "no", "nro", "n", "número", "numero",
                            "página", "pagina", "art", "artículo", "articulo", "anexo", "ley",
                            "resolución", "resolucion", "oficio", "memorando", "acta", "año",
                            "semana", "día", "dia", "punto", "actividad", "tabla", "cuadro"))


@dataclass(frozen=True)
class Token:
    kind: str
    start: int
    end: int
    value: int | float | None = None  # a number's value
    platform: str | None = None  # a platform's name, or the platform a unit implies
    text: str = ""  # lower case


@dataclass(frozen=True)
class Found:
    """A count on a line: where its number is, and what the rules said of it."""

    count: int | float
    start: int
    end: int
    platform: str | None
    total: bool = False
    every_phase: bool = False  # a total that says it covers every phase
    percent: bool = False
    breakdown_of: int | None = None  # the index (in the line's counts) of the total it details


@cache
def _lexicon() -> dict[tuple[str, ...], tuple[str, str | None]]:
    """Phrases of lower-case words -> (token kind, platform)."""
    lexicon: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for singular, plural in phrasebook.UNITS:
        for unit in (singular, plural):
            lexicon[tuple(unit.split())] = (UNIT, None)
    for adapter in adapters():
        for unit in adapter.units:
            lexicon[tuple(unit.split())] = (UNIT, adapter.name)
    for adapter in adapters():
        if adapter.fallback:
            continue
        for label in adapter.labels:
            words = tuple(_words(label))
            for prefix in _platform_prefixes():
                lexicon[prefix + words] = (PLATFORM, adapter.name)
    more = ("mas de", "como mínimo", "como minimo", "en torno a", "por debajo de",
            "por encima de", "aprox", "aproximadamente de")
    for phrase in (*phrasebook.APPROXIMATIONS, *more):
        lexicon[tuple(_words(phrase))] = (APPROX, None)
    for phrase in ("total", "totales", "subtotal", "subtotales", "en total", "un total de",
                   "en conjunto", "total general"):
        lexicon[tuple(phrase.split())] = (TOTAL, None)
    for phrase in (*phrasebook.PLATFORM_PREPOSITIONS, "del", "via", "desde"):
        lexicon[tuple(phrase.split())] = (PREP, None)
    for phrase in ("además de", "ademas de", "así como", "asi como", "más", "mas"):
        lexicon[tuple(phrase.split())] = (JOIN, None)
    for decoy in phrasebook.DECOYS:
        lexicon[tuple(decoy.split())] = (DECOY, None)
    for phrase in phrasebook.ALL_PHASES:
        for count in ("dos", "tres", "cuatro", "cinco", "seis", "siete"):
            lexicon[tuple(phrase.replace("{phases}", count).split())] = (EVERY, None)
    lexicon.pop((), None)  # "+" has no words: it is punctuation
    return lexicon


def _platform_prefixes() -> list[tuple[str, ...]]:
    accounts = [(), *_ACCOUNT_WORDS]
    owners = [(), *((word,) for word in _OWN_WORDS)]
    prefixes = [()]
    for owner in owners:
        prefixes.append((*owner, "red", "social"))  # "la red social X"
        for account in accounts[1:]:
            for link in ("de", "en"):
                prefixes.append(owner + account + (link,))
    return prefixes


@cache
def _prefixes() -> frozenset[tuple[str, ...]]:
    """Every beginning of a lexicon phrase: a phrase is looked for only while it may still be
    one."""
    return frozenset(phrase[:size] for phrase in _lexicon() for size in range(1, len(phrase)))


@cache
def _first_words() -> frozenset[str]:
    """The words a lexicon phrase can start with: any other word is a plain word at once."""
    return frozenset(phrase[0] for phrase in _lexicon())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@cache
def _anchors() -> frozenset[str]:
    """The words a claim cannot do without: a unit, a platform or a total."""
    return frozenset(phrase[-1] for phrase, (kind, _) in _lexicon().items()
                     if kind in (UNIT, PLATFORM, TOTAL))


_WORD = re.compile(r"[^\W\d_]+(?:[/-][^\W\d_]+)*")


def may_claim(line: str) -> bool:
    """Whether the line has a word a claim needs; most lines have none."""
    return not _anchors().isdisjoint(_WORD.findall(line.lower()))


def continues_name(line: str, next_line: str) -> bool:
    """Whether the next line's first word finishes a name the line's last word starts."""
    last, first = _WORD.findall(line.lower())[-1:], _WORD.findall(next_line[:40].lower())[:1]
    return bool(last and first) and tuple(last + first) in _prefixes() | _lexicon().keys()


def tokens(line: str) -> list[Token]:
    """The line's tokens, links and other text left out, numbers and phrases merged."""
    coarse = [(m.lastgroup, m.start(), m.end(), m.group()) for m in _COARSE.finditer(line)]
    found: list[Token] = []
    index = 0
    first_words = _first_words()
    while index < len(coarse):
        kind, start, end, text = coarse[index]
        word = text.lower() if kind == "word" else ""
        taken = word and ((word in first_words and _phrase(coarse, index, line))
                          or (word in NUMBER_WORDS and _number_words(coarse, index)))
        if taken:
            token, index = taken
            found.append(token)
            continue
        found.append(_single(kind, start, end, text))
        index += 1
    return _merged(found)


def _single(kind: str, start: int, end: int, text: str) -> Token:
    if kind == "digits":
        return Token(NUM, start, end, _digits_value(text), text=text)
    if kind == "pct":
        return Token("pct", start, end, text=text)
    if kind == "link":
        return Token("link", start, end, text=text)
    if kind == "leader":
        return Token(SEP, start, end, text=text)
    if kind == "punct":
        return Token(_punct_kind(text), start, end, text=text)
    word = text.lower()
    return Token(JOIN if word in _JOINS else WORD, start, end, text=word)


def _punct_kind(text: str) -> str:
    if text == "(":
        return OPEN
    if text == ")":
        return CLOSE
    if text in _SEPARATORS:
        return SEP
    if text in _STOPS:
        return STOP
    if text == ",":
        return JOIN
    return APPROX if text in "+~" else WORD


def _digits_value(text: str) -> int | float:
    """"1.200", "1,200", "1 200" -> 1200; "2,5" -> 2.5."""
    if text.isdigit():
        return int(text)
    if _THOUSANDS.fullmatch(text):
        return int(_NOT_DIGIT.sub("", text))
    return float(text.replace(",", "."))


def _phrase(coarse: list, index: int, line: str) -> tuple[Token, int] | None:
    """The longest lexicon phrase starting at coarse token `index`, if any."""
    lexicon, prefixes = _lexicon(), _prefixes()
    words: tuple[str, ...] = ()
    best = None
    for at in range(index, len(coarse)):
        kind, _, _, text = coarse[at]
        if kind != "word":
            break
        words += (text.lower(),)
        entry = lexicon.get(words)
        if entry is not None:
            best = (entry, at)
        if words not in prefixes:
            break
    if best is None:
        return None
    (kind, platform), last = best
    start, end = coarse[index][1], coarse[last][2]
    if kind == PLATFORM and line[coarse[last][1]:end] == "x":
        return None  # a lower-case "x" in prose is not the platform
    token = Token(kind, start, end, platform=platform, text=line[start:end].lower())
    return _with_alias(token, coarse, last + 1, line)


def _with_alias(token: Token, coarse: list, after: int, line: str) -> tuple[Token, int]:
    """"X (ex Twitter)", "X (antes Twitter)": the alias in parentheses is part of the name."""
    if token.kind != PLATFORM or token.platform != "x" or after >= len(coarse):
        return token, after
    if coarse[after][3] != "(":
        return token, after
    for alias in _X_ALIASES:
        words = [text.lower() for _, _, _, text in coarse[after + 1:after + 1 + len(alias)]]
        close = after + 1 + len(alias)
        if tuple(words) == alias and close < len(coarse) and coarse[close][3] == ")":
            return Token(PLATFORM, token.start, coarse[close][2], platform="x",
                         text=token.text), close + 1
    return token, after


def _number_words(coarse: list, index: int) -> tuple[Token, int] | None:
    """A run of Spanish number words ("ciento veinte", "treinta y dos", "mil doscientas")."""
    run: list[int] = []
    at = index
    while at < len(coarse) and coarse[at][0] == "word":
        word = coarse[at][3].lower()
        if word in NUMBER_WORDS:
            run.append(at)
            at += 1
        elif word == "y" and run and at + 1 < len(coarse) and \
                coarse[at + 1][3].lower() in NUMBER_WORDS:
            at += 1
        else:
            break
    for last in reversed(run):
        text = " ".join(coarse[i][3].lower() for i in range(index, last + 1))
        value = number_value(text)
        if value is not None:
            return Token(NUM, coarse[index][1], coarse[last][2], value, text=text), last + 1
    return None


@cache
def number_value(text: str) -> int | None:
    """A Spanish number in words, or a dozen: "doscientas cincuenta" -> 250."""
    text = " ".join(text.lower().split())
    if text in phrasebook.DOZENS:
        return phrasebook.DOZENS[text]
    if text in phrasebook.APOCOPES:
        return phrasebook.APOCOPES[text]
    text = re.sub(r"ún\b", "uno", text)
    text = re.sub(r"\bun$", "uno", text)
    try:
        return text2num(text, "es")
    except ValueError:
        return None


def _merged(found: list[Token]) -> list[Token]:
    """Dozens ("una docena"), "dos (2)" as one number, and links with the parentheses and
    commas that hold only links dropped."""
    merged: list[Token] = []
    index = 0
    while index < len(found):
        token = found[index]
        repeated = token.kind == NUM and _repeated_in_digits(found, index)
        if repeated:
            merged.append(repeated)
            index += 4
        elif token.kind in (NUM, WORD) and (dozen := _dozen(found, index)):
            merged.append(dozen[0])
            index = dozen[1]
        elif token.kind == OPEN and (end := _links_only(found, index)):
            index = end
        elif token.kind != "link":
            merged.append(token)
            index += 1
        else:
            index += 1
    return merged


def _repeated_in_digits(found: list[Token], index: int) -> Token | None:
    """"dos (2)": a number in words, then the same in digits in parentheses."""
    if index + 3 >= len(found):
        return None
    number, opening, digits, closing = found[index:index + 4]
    if (number.kind, opening.kind, digits.kind, closing.kind) == (NUM, OPEN, NUM, CLOSE) \
            and number.value == digits.value and not number.text[:1].isdigit():
        return Token(NUM, number.start, closing.end, number.value, text=number.text)
    return None


def _dozen(found: list[Token], index: int) -> tuple[Token, int] | None:
    """"una docena", "media docena", "dos docenas", "docena y media"."""
    first = found[index]
    if first.text not in _DOZEN_WORDS:
        return None
    words = [t.text for t in found[index:index + 3]]
    for size in range(len(words), 1, -1):
        phrase = " ".join(words[:size])
        if phrase in phrasebook.DOZENS and all(t.kind in (NUM, WORD, JOIN)
                                               for t in found[index:index + size]):
            last = found[index + size - 1]
            return Token(NUM, first.start, last.end, phrasebook.DOZENS[phrase],
                         text=phrase), index + size
    return None


def _links_only(found: list[Token], index: int) -> int | None:
    """The index after ")" when the parentheses opened at `index` hold only links."""
    at = index + 1
    links = 0
    while at < len(found) and found[at].kind in ("link", JOIN):
        links += found[at].kind == "link"
        at += 1
    return at + 1 if links and at < len(found) and found[at].kind == CLOSE else None


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
    every = total and any(t.kind == EVERY for t in _sentence_tokens(toks, index))
    return Found(token.value, token.start, token.end, platform, total, every,
                 breakdown_of=_inside_details(toks, index))


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


def _inside_details(toks: list[Token], index: int) -> int | None:
    """The index of the total whose parentheses hold this count, if any."""
    for at in range(index - 1, -1, -1):
        kind = toks[at].kind
        if kind == CLOSE or (kind == STOP and toks[at].text != ";"):
            return None
        if kind == OPEN:
            before = at - 1
            while before >= 0 and toks[before].kind in (UNIT, WORD):
                before -= 1
            return before if before >= 0 and toks[before].kind == NUM else None
    return None


def _sentence_tokens(toks: list[Token], index: int) -> list[Token]:
    start = index
    while start > 0 and toks[start - 1].kind != STOP:
        start -= 1
    end = index
    while end < len(toks) and toks[end].kind != STOP:
        end += 1
    return toks[start:end]


def _percent(toks: list[Token], index: int) -> Found | None:
    """"Porcentaje de publicaciones realizadas en Facebook 100,00%": a percentage after a unit."""
    if not any(t.kind == UNIT for t in toks[:index]):
        return None
    token = toks[index]
    value = float(token.text.rstrip("%").strip().replace(",", "."))
    return Found(value, token.start, token.start + len(token.text.rstrip("% ")),
                 _platform_before(toks, index), percent=True)
