"""The claim grammar's tokens: a line read as numbers (digits with either thousands separator,
Spanish number words of any size through text2num, the phrasebook's dozens and "dos (2)"),
platforms (the adapters' labels, after an article and an account word: "la cuenta oficial de
Facebook"), units, approximations, totals, prepositions, joins and punctuation, with links and
the parentheses that hold only links left out. One scan of the line, phrases looked up word by
word in one lexicon.
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


@dataclass(frozen=True)
class Token:
    kind: str
    start: int
    end: int
    value: int | float | None = None  # a number's value
    platform: str | None = None  # a platform's name, or the platform a unit implies
    text: str = ""  # lower case


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
            named = tuple(words(label))
            for prefix in _platform_prefixes():
                lexicon[prefix + named] = (PLATFORM, adapter.name)
    more = ("mas de", "como mínimo", "como minimo", "en torno a", "por debajo de",
            "por encima de", "aprox", "aproximadamente de")
    for phrase in (*phrasebook.APPROXIMATIONS, *more):
        lexicon[tuple(words(phrase))] = (APPROX, None)
    for phrase in ("total", "totales", "subtotal", "subtotales", "en total", "un total de",
                   "en conjunto", "total general"):
        lexicon[tuple(phrase.split())] = (TOTAL, None)
    for phrase in (*phrasebook.PLATFORM_PREPOSITIONS, "del", "via", "desde"):
        lexicon[tuple(phrase.split())] = (PREP, None)
    for phrase in ("además de", "ademas de", "así como", "asi como", "más", "mas"):
        lexicon[tuple(phrase.split())] = (JOIN, None)
    for decoy in phrasebook.DECOYS:
        lexicon[tuple(decoy.split())] = (DECOY, None)
    # "durante las tres etapas" is one token: its "tres" counts phases, not posts (scope.py
    # reads the phrase on the line to make the total cover every phase)
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


def words(text: str) -> list[str]:
    """The text's words, lower case ("x/twitter" is one)."""
    return _WORD.findall(text.lower())


@cache
def _anchors() -> frozenset[str]:
    """The words a claim cannot do without: a unit, a platform or a total."""
    return frozenset(phrase[-1] for phrase, (kind, _) in _lexicon().items()
                     if kind in (UNIT, PLATFORM, TOTAL))


_WORD = re.compile(r"[^\W\d_]+(?:[/-][^\W\d_]+)*")


def may_claim(line_words: list[str]) -> bool:
    """Whether a line's words (`words`) hold one a claim needs; most lines' do not."""
    return not _anchors().isdisjoint(line_words)


@cache
def _phrase_starts() -> frozenset[tuple[str, ...]]:
    """Every lexicon phrase and every beginning of one."""
    return _prefixes() | frozenset(_lexicon())


def continues_name(line: str, next_line: str) -> bool:
    """Whether the next line's first word finishes a name the line's last word starts."""
    last, first = words(line)[-1:], words(next_line[:40])[:1]
    return bool(last and first) and tuple(last + first) in _phrase_starts()


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
