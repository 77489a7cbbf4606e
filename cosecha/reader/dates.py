"""When a report says things happened: Spanish dates, the event, the signature, the period
covered, the months of activity; and what the report calls itself and who wrote it."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from cosecha.model import Period

from .structure import strip_markup

MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
          "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
          "diciembre": 12}
_MONTH = "|".join(MONTHS)
_WEEKDAYS = {"lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
             "domingo"}
_LONG = rf"(?P<d>\d{{1,2}})(?:º|°|ro)?\s+de\s+(?P<m>{_MONTH})\s+(?:de|del)\s+(?P<y>\d{{4}})"
_DATE = re.compile(
    rf"\b(?:{_LONG}|(?P<dd>\d{{1,2}})/(?P<mm>\d{{1,2}})/(?P<yy>\d{{4}})"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b", re.IGNORECASE)
# the place starts a word: unanchored, a long run of capitals is tried from each of its letters
_PLACE_DATE = re.compile(
    rf"(?<!\w)(?P<place>[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*){{0,3}}),\s+"
    rf"(?:D\.\s?M\.,\s*)?(?P<date>{_LONG})")
_EVENT_LABEL = re.compile(
    r"fecha\s+(?:de\s+)?(?:la\s+|el\s+|del\s+)?(?:evento|acto|rendici[oó]n|deliberaci[oó]n"
    r"|audiencia|realizaci[oó]n)", re.IGNORECASE)
_MADE_LABEL = re.compile(
    r"fecha\s+(?:de\s+)?(?:la\s+)?(?:elaboraci[oó]n|actualizaci[oó]n)", re.IGNORECASE)

_ORDINALS = {"primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4}
_QUARTER = re.compile(
    r"\b(?P<n>primer|segundo|tercer|cuarto)o?\s+(?:informe\s+)?trimestr(?:e|al)\s+"
    r"(?:(?:de|del)\s+)?(?:año\s+)?(?P<y>\d{4})\b", re.IGNORECASE)
_SEMESTER = re.compile(
    r"\b(?P<n>primer|segundo)o?\s+(?:informe\s+)?semestr(?:e|al)"
    r"(?:\s+(?:(?:de|del)\s+)?(?:año\s+)?(?P<y>\d{4}))?\b", re.IGNORECASE)
_YEARS = tuple(re.compile(rf"\b(?:{lead})\s+(?:(?:de|del)\s+)?(?:año\s+)?(?P<y>\d{{4}})\b",
                          re.IGNORECASE)
               for lead in (r"ejercicio\s+fiscal|año\s+fiscal|periodo\s+fiscal|período\s+fiscal",
                            r"año|gestión", r"rendici[oó]n\s+de\s+cuentas"))
_PERIOD_WORDS = re.compile(r"trimestr|semestr|fiscal|año|gestión|cuentas")
_MONTH_HINT = re.compile(_MONTH)
_MONTH_LIST = rf"(?P<months>(?:{_MONTH})(?:\s*(?:,|\by\b|\be\b)\s*(?:{_MONTH}))*)"
_ACTIVITY_MONTHS = re.compile(
    rf"\b(?:durante|en|mes(?:es)?\s+de)\s+(?:(?:el|los)\s+mes(?:es)?\s+de\s+)?{_MONTH_LIST}"
    rf"(?:\s+(?:de|del)\s+(?P<y>\d{{4}}))?", re.IGNORECASE)

_TITLE_WORD = re.compile(r"\binforme\b", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"\b(?:Delegación|Consejo|Instituto|Coordinación|Alcaldía|Municipio|Municipalidad|Ministerio"
    r"|Secretaría|Dirección|Gobierno|Prefectura|Superintendencia|Defensoría|Tribunal|Corte"
    r"|Asamblea|Universidad|Agencia|Servicio|Empresa Pública|Contraloría|Procuraduría)\b[^,;\t]*")
_IN_PROSE = re.compile(r"(?:^|\s)\(?[a-záéíóúñ]+\s+$")  # "responsable Dirección de ..."
_OPEN_ENDING = re.compile(r"\b(?:de|del|de la|de las|de los|y)$", re.IGNORECASE)
_HEAD_LINES = 40
_NAME_LINE = 100  # longer lines are prose or table rows, not a body's name


def iso_dates(text: str) -> list[str]:
    """Every valid date written in `text`, as ISO strings, in order."""
    found = []
    for match in _DATE.finditer(text):
        parsed = _to_date(match)
        if parsed is not None:
            found.append(parsed.isoformat())
    return found


def _to_date(match: re.Match[str]) -> date | None:
    if match["m"]:
        parts = (match["y"], MONTHS[match["m"].lower()], match["d"])
    elif match["mm"]:
        parts = (match["yy"], match["mm"], match["dd"])
    else:
        parts = (match["iy"], match["im"], match["id"])
    try:
        return date(*map(int, parts))
    except ValueError:
        return None


def event_date(lines: list[str]) -> str | None:
    """The date on (or right after) the first "Fecha del evento"-like line."""
    for index, line in enumerate(lines):
        if _EVENT_LABEL.search(line):
            following = next((n for n in lines[index + 1:] if n.strip()), "")
            dates = iso_dates(line) or iso_dates(following)
            if dates:
                return dates[0]
    return None


def report_date(lines: list[str]) -> str | None:
    """The last place-and-date ("Santa Elena, 23 de julio de 2025"), else the date of a
    "fecha de elaboración / actualización" label. Lines are joined: exports split them."""
    text = " ".join(lines)
    signed = [m for m in _PLACE_DATE.finditer(text)
              if m["place"].split()[-1].lower() not in _WEEKDAYS]
    for match in reversed(signed):
        dates = iso_dates(match["date"])
        if dates:
            return dates[0]
    for line in lines:
        if _MADE_LABEL.search(line) and (dates := iso_dates(line)):
            return dates[0]
    return None


def find_period(lines: list[str]) -> Period | None:
    """The span the report covers: a quarter, a semester, else a (fiscal) year."""
    text = _near(lines, _PERIOD_WORDS).replace("**", "")
    year = _first_year(text)
    quarter = _QUARTER.search(text)
    if quarter:
        first = 3 * _ORDINALS[quarter["n"].lower()] - 2
        return _span(quarter.group(0), int(quarter["y"]), first, first + 2)
    semester = _SEMESTER.search(text)
    if semester and (semester["y"] or year):
        first = 6 * _ORDINALS[semester["n"].lower()] - 5
        return _span(semester.group(0), int(semester["y"] or year[1]), first, first + 5)
    if year:
        return _span(year[0], year[1], 1, 12)
    return None


def _near(lines: list[str], words: re.Pattern[str]) -> str:
    """The lines holding one of `words`, each with its neighbours (a phrase may be split),
    joined by spaces: the regular expressions then scan a fraction of a long report."""
    keep: set[int] = set()
    for index, line in enumerate(lines):
        if words.search(line.lower()):
            keep.update((index - 1, index, index + 1))
    return " ".join(lines[i] for i in sorted(keep) if 0 <= i < len(lines))


def _first_year(text: str) -> tuple[str, int] | None:
    for pattern in _YEARS:
        found = pattern.search(text)
        if found:
            return found.group(0), int(found["y"])
    return None


def _span(label: str, year: int, first_month: int, last_month: int) -> Period:
    last_day = monthrange(year, last_month)[1]
    return Period(" ".join(label.split()), date(year, first_month, 1).isoformat(),
                  date(year, last_month, last_day).isoformat())


def months_mentioned(lines: list[str], default_year: int | None) -> list[str]:
    """Months named as when the activity happened ("durante enero, febrero y marzo"), as
    YYYY-MM; the year written after them, else `default_year`; none without a year."""
    found: list[str] = []
    for line in lines:
        if not _MONTH_HINT.search(line.lower()):
            continue
        for match in _ACTIVITY_MONTHS.finditer(line):
            year = match["y"] or default_year
            names = re.findall(_MONTH, match["months"], re.IGNORECASE)
            for name in names if year else ():
                month = f"{int(year):04d}-{MONTHS[name.lower()]:02d}"
                if month not in found:
                    found.append(month)
    return sorted(found)


def title_of(lines: list[str]) -> str:
    """The first line naming an "informe" near the top, else the first line; a bold title
    broken over several lines is joined."""
    head = [(i, strip_markup(line)) for i, line in enumerate(lines[:_HEAD_LINES]) if line.strip()]
    head = [(i, text) for i, text in head if text]
    if not head:
        return ""
    index = next((i for i, text in head if _TITLE_WORD.search(text)), head[0][0])
    return _joined(lines, index)


def _joined(lines: list[str], index: int) -> str:
    """Line `index` plus the lines that continue it (an open ** or a trailing "de")."""
    parts = [lines[index].strip()]
    while index + 1 < len(lines) and lines[index + 1].strip() and _continues(parts):
        index += 1
        parts.append(lines[index].strip())
    return " ".join(strip_markup(" ".join(parts)).replace("**", "").split())


def _continues(parts: list[str]) -> bool:
    text = " ".join(parts)
    return text.count("**") % 2 == 1 or bool(_OPEN_ENDING.search(strip_markup(parts[-1])))


def institution_of(lines: list[str]) -> str:
    """The first public body named near the top ("Delegación Provincial ... de Santa Elena")."""
    texts = [strip_markup(line) if len(line) <= _NAME_LINE else ""
             for line in lines[:_HEAD_LINES]]
    for index, text in enumerate(texts):
        found = _INSTITUTION.search(text)
        if not found or _IN_PROSE.search(text, 0, found.start()):
            continue
        name = found.group(0).strip()
        following = next((t for t in texts[index + 1:] if t), "")
        if _OPEN_ENDING.search(name) and following:
            name = f"{name} {following}"
        return " ".join(name.replace("**", "").split())
    return ""
