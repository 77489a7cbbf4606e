"""Spanish words for the codes people read: platforms, statuses and reasons."""

from .output import moment

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
