"""How findings say things to a person: reasons, numbers, dates and months in Spanish."""

from __future__ import annotations

from datetime import date

_REASONS = {
    # broken
    "deleted": "eliminada", "private": "privada", "protected": "cuenta protegida",
    "suspended": "cuenta suspendida", "account_gone": "la cuenta ya no existe",
    "removed": "retirada por la plataforma", "unavailable": "no disponible",
    "not_found": "no encontrada",
    # unverified
    "login_wall": "la plataforma exige iniciar sesión", "consent_wall": "muro de consentimiento",
    "rate_limited": "la plataforma limitó las consultas", "timeout": "tiempo de espera agotado",
    "offline": "sin consulta a la red", "server_error": "error del servidor de la plataforma",
    "redirect_loop": "redirecciones en bucle", "too_large": "respuesta demasiado grande",
    "blocked": "la plataforma bloqueó la consulta",
    "no_adapter": "plataforma aún sin verificador",
    "restricted": "contenido restringido", "unexpected": "respuesta inesperada",
    # invalid / refused
    "malformed": "enlace mal formado", "not_a_post": "no es una publicación",
    "private_address": "dirección privada", "local_address": "dirección local",
    "scheme": "esquema no admitido", "no_host": "sin servidor",
}

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")


def reason(code: str | None) -> str:
    """A harvester reason ("deleted", "unexpected: ...") as a person reads it."""
    if not code:
        return "sin motivo indicado"
    head, _, detail = (part.strip() for part in code.partition(":"))
    text = _REASONS.get(head, head)
    return f"{text} ({detail})" if detail else text


def number(value: float | int) -> str:
    """2345 -> "2.345"; 100.0 -> "100"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


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
