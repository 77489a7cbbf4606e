"""Spanish words for the codes people read: platforms, statuses and reasons."""

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
    "offline": "sin conexión con la plataforma (o sin consultar la red)",
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
