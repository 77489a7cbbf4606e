"""Sections that are not phases: summaries that restate them and annexes of evidence after them,
and how a line names a phase given earlier (by key or by the words of its title)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cosecha.model import ANNEX, SUMMARY
from cosecha.platforms import adapters

ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_LABEL = rf"(?:(?:\d{{1,3}}|[A-Z]|(?=[MDCLXVI]){ROMAN})[.)]\s+)?"
_SUMMARY = re.compile(
    rf"{_LABEL}(?:resumen|consolidado|s[ií]ntesis|totales)"
    r"(?: +(?:general|final|de +(?:la +|las +|los +)?[^\W\d_]+(?: +[^\W\d_]+)?))? *:?",
    re.IGNORECASE)
# "Anexo", "Anexos", "Anexo 2: Enlaces", "Apéndice B": an annex wherever it follows a phase
_ANNEX = re.compile(
    rf"{_LABEL}(?:anexos?|ap[eé]ndices?)(?: +(?:\d{{1,3}}|[A-Z]|{ROMAN}))?\b(?: *[:.\-–—]? *.*)?",
    re.IGNORECASE)
# "Enlaces de evidencia", "Evidencias": these words also open the list of links of a phase,
# so they make an annex only when set as a heading or followed by a phase's group
_EVIDENCE = re.compile(
    rf"{_LABEL}(?:(?:enlaces|links|v[ií]nculos) +de +(?:la +)?)?"
    r"(?:evidencias?|verificaci[oó]n|respaldo)(?: +de +.*)? *:?", re.IGNORECASE)
EVIDENCE = "evidence"  # a weak annex heading, until find_headings decides

_STOPWORDS = {"fase", "etapa", "momento", "enlaces", "enlace", "links", "evidencia",
              "evidencias", "publicaciones", "para", "sobre", "desde", "entre", "hacia", "segun",
              "durante", "como", "esta", "este", "estos", "estas", "del", "las", "los", "con",
              "por", "que", "una", "uno", "redes", "sociales", "difusion"}
PHASE_WORDS = ("fase", "etapa", "momento")  # what a report calls a phase: "Momento 2"
_PHASE_REF = re.compile(rf"\b(?:{'|'.join(PHASE_WORDS)})\s+"
                        rf"(?P<key>\d{{1,3}}|(?=[MDCLXVI]){ROMAN}|[A-Z])\b", re.IGNORECASE)


def section_kind(text: str) -> str | None:
    """SUMMARY, ANNEX or EVIDENCE for a heading text naming such a section, else None."""
    if "\t" in text or "|" in text:
        return None  # a table row, never a heading of its own
    if _SUMMARY.fullmatch(text):
        return SUMMARY
    if _ANNEX.fullmatch(text):
        return ANNEX
    if _EVIDENCE.fullmatch(text):
        return EVIDENCE
    return None


def folded(text: str) -> str:
    """Lower case without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", folded(text)) if w not in _STOPWORDS}


def phase_key_named(text: str, keys: list[str]) -> str | None:
    """The key of the phase a text names as "fase 2", "Etapa B", "Fase II", "Momento 3", if it
    is one."""
    wanted = {key.upper(): key for key in keys}
    for found in _PHASE_REF.finditer(text):
        key = found["key"].upper()
        if key in wanted and (len(key) > 1 or key.isdigit() or found["key"].isupper()):
            return wanted[key]
    return None


def phase_by_title(text: str, titles: dict[str, str]) -> str | None:
    """The one phase (key -> title) whose title holds most of the text's words, if one does."""
    words = content_words(text)
    if not words:
        return None
    scores = {key: len(words & content_words(title)) for key, title in titles.items()}
    best = max(scores.values(), default=0)
    winners = [key for key, score in scores.items() if score == best]
    if len(winners) != 1 or best * 2 < len(words):
        return None
    return winners[0]


@cache
def _platform_words() -> re.Pattern[str]:
    names = sorted({folded(n) for a in adapters() if not a.fallback for n in a.labels
                    if len(n) > 2}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")


def mentions_platform(text: str) -> bool:
    """The text names a social platform ("en Facebook", "X:"): the capital X alone counts."""
    return bool(_platform_words().search(folded(text)) or re.search(r"\bX\b", text))
