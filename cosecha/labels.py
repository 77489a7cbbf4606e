"""Every word a person reads for a code, a number or a moment, in Spanish: platforms, statuses,
reasons, verdicts, warnings by code, counted nouns, numbers, days, months and local times."""

from __future__ import annotations

from datetime import date, datetime

PLATFORM = {"x": "X", "facebook": "Facebook", "youtube": "YouTube", "instagram": "Instagram",
            "tiktok": "TikTok", "web": "Web", "all": "todas las redes"}

STATUS = {
    "alive": "vivo",
    "broken": "roto",
    "unverified": "sin verificar",
    "invalid": "no válido",
    "refused": "rechazado",
}

REASON = {
    "deleted": "eliminado por su autor",
    "private": "privado",
    "protected": "cuenta protegida",
    "suspended": "cuenta suspendida",
    "account_gone": "la cuenta ya no existe",
    "removed": "retirado por la plataforma",
    "unavailable": "contenido no disponible",
    "not_found": "no encontrado",
    "age_restricted": "restringido por edad",
    "restricted": "acceso restringido",
    "scheduled": "programado (aún no emitido)",
    "login_wall": "la plataforma pide iniciar sesión",
    "consent_wall": "página de consentimiento de cookies",
    "rate_limited": "límite de peticiones de la plataforma",
    "timeout": "sin respuesta a tiempo",
    "offline": "sin conexión con la plataforma",
    "not_asked": "sin consultar la red (--sin-red)",
    "server_error": "error del servidor",
    "unexpected": "respuesta inesperada",
    "redirect_loop": "redirecciones en bucle",
    "too_large": "respuesta demasiado grande",
    "no_adapter": "plataforma aún sin verificador",
    "not_a_post": "no es una publicación (perfil o portada)",
    "time_limit": "se acabó el tiempo de la ejecución",
    "blocked": "bloqueado por la plataforma",
    "malformed": "enlace mal formado",
    "private_address": "dirección privada",
    "local_address": "dirección local",
    "scheme": "esquema no admitido",
    "no_host": "sin servidor",
    "manual": "confirmado por una persona",
}

# what a person reads for a verdict code
VERDICT_TEXT = {"ready_to_sign": "Listo para firmar",
                "sign_with_reservations": "Firmable con reservas",
                "review_before_signing": "Revisar antes de firmar"}
# how a reservation names a warning's code ("1 advertencia: cuenta ajena")
WARNING_TEXT = {
    "count_mismatch": "conteo que no cuadra", "missing_evidence": "cifra sin evidencia",
    "duplicate_link": "enlace repetido", "not_a_post": "enlace que no es una publicación",
    "invalid_link": "enlace no válido", "refused_link": "enlace rechazado",
    "platform_mismatch": "plataforma distinta de la declarada", "foreign_account": "cuenta ajena",
    "out_of_window": "publicación fuera de plazo", "period_mismatch": "periodo que no coincide",
    "reader_warning": "aviso de lectura", "total_mismatch": "total que no cuadra",
    "breakdown_mismatch": "desglose que no cuadra",
}

# how the last inconclusive attempt went, after "la última consulta"
ATTEMPT = {
    "rate_limited": "fue limitada",
    "timeout": "no tuvo respuesta a tiempo",
    "offline": "no tuvo conexión",
    "time_limit": "no llegó a terminar (se acabó el tiempo)",
    "login_wall": "encontró un muro de inicio de sesión",
    "consent_wall": "encontró la página de consentimiento de cookies",
    "server_error": "dio un error del servidor",
}


def platform_text(name: str | None) -> str:
    return PLATFORM.get(name or "", name or "")


def status_text(status: str) -> str:
    return STATUS.get(status, status)


def reason_text(reason: str | None) -> str:
    """A reason code, with the detail it may carry ("unexpected: HTTP 418"), in Spanish."""
    if not reason:
        return ""
    code, _, detail = (part.strip() for part in reason.partition(":"))
    text = REASON.get(code, code)
    return f"{text} ({detail})" if detail else text


def stated_reason(code: str | None) -> str:
    """A harvester reason as a finding says it, "sin motivo indicado" when there is none."""
    return reason_text(code) or "sin motivo indicado"


def with_last_attempt(text: str, attempt: dict | None) -> str:
    """"roto" -> "roto · la última consulta fue limitada, 29/11 02:31", when there was one."""
    return f"{text} · {last_attempt_text(attempt)}" if attempt else text


def last_attempt_text(attempt: dict) -> str:
    """An inconclusive check newer than the one that stands, as shown beside it:
    "la última consulta fue limitada, 29/11 02:31" (local time)."""
    code = (attempt.get("reason") or "").partition(":")[0].strip()
    how = ATTEMPT.get(code) or f"no fue concluyente: {reason_text(attempt.get('reason'))}"
    return f"la última consulta {how}, {moment(attempt['checked_at'], year=False)}"


def offline_line(platforms: list[str], verified: bool) -> str:
    """The one line that says a run found platforms out of reach."""
    names = ", ".join(platform_text(name) for name in platforms)
    which = f"las plataformas: {names}" if len(platforms) > 1 else f"la plataforma: {names}"
    return f"sin conexión con {which}" + ("" if verified else "; nada se verificó")


# How numbers, days and moments read in Spanish, in every table and message.

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")


def number(value: float | int) -> str:
    """2345 -> "2.345"; 100.0 -> "100"; 2.5 -> "2,5"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def moment(value: str | None, year: bool = True) -> str:
    """"2026-11-29T07:31:00Z" -> "29/11/2026 02:31" ("29/11 02:31" without the year) in the
    local time zone (TZ); a day alone -> "29/11/2026"; anything else as given."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if len(value) == 10:
        return parsed.strftime("%d/%m/%Y")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime("%d/%m/%Y %H:%M" if year else "%d/%m %H:%M")


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


def shown(value) -> str:
    """A value in a table cell: "—" for nothing, numbers written the Spanish way."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return str(value)


def phase_name(phase: str | None) -> str:
    """A phase's key as shown; "(sin fase)" for what lies outside every phase."""
    return "(sin fase)" if phase == "" else shown(phase)
