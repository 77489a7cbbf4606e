"""How findings say things to a person: reasons, numbers, dates and months in Spanish."""

from __future__ import annotations

from datetime import date

from cosecha.labels import reason_text
from cosecha.output import number

__all__ = ["day", "month", "number", "plural", "reason"]

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")


def reason(code: str | None) -> str:
    """A harvester reason ("deleted", "unexpected: ...") as a person reads it."""
    return reason_text(code) or "sin motivo indicado"


def day(value: date) -> str:
    return f"{value.day} de {_MONTHS[value.month - 1]} de {value.year}"


def month(year_month: str) -> str:
    """"2022-01" -> "enero de 2022"; anything else as given."""
    year, _, mon = year_month.partition("-")
    if not (mon[:2].isdigit() and 1 <= int(mon[:2]) <= 12):
        return year_month
    return f"{_MONTHS[int(mon[:2]) - 1]} de {year}"


def plural(count: int, one: str, many: str) -> str:
    return f"{number(count)} {one if count == 1 else many}"
