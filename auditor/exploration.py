"""Exploring the store in a browser with datasette: the canned queries, with Spanish labels,
written for whatever the store file is called (datasette names a database by its file stem)."""

from __future__ import annotations

from pathlib import Path

TITLE = "cosecha + auditor"
DESCRIPTION = "Enlaces de informes de rendición de cuentas y su historial de verificaciones."
QUERIES = {
    "links_rotos": {
        "title": "Enlaces rotos",
        "description": (
            "Enlaces cuya respuesta vigente (la última concluyente) dice que la "
            "plataforma ya no los muestra."),
        "sql": (
            "SELECT canonical_url AS enlace, platform AS plataforma, reason AS motivo, "
            "author AS autor, checked_at AS verificado, source AS origen FROM "
            "standing_checks WHERE status = 'broken' ORDER BY checked_at DESC"),
    },
    "cambios_recientes": {
        "title": "Cambios recientes",
        "description": (
            "Verificaciones concluyentes que cambiaron el estado de un enlace, "
            "de la más reciente a la más antigua."),
        "sql": (
            "WITH conclusive AS (SELECT links.canonical_url AS enlace, checks.status, "
            "checks.checked_at, LAG(checks.status) OVER (PARTITION BY checks.link_id "
            "ORDER BY checks.id) AS anterior FROM checks JOIN links ON links.id = "
            "checks.link_id WHERE checks.status IN ('alive', 'broken')) SELECT enlace, "
            "anterior AS de, status AS a, checked_at AS visto FROM conclusive WHERE "
            "anterior IS NOT NULL AND anterior != status ORDER BY checked_at DESC LIMIT "
            "200"),
    },
    "cobertura_por_informe": {
        "title": "Cobertura por informe",
        "description": (
            "Última auditoría de cada informe: declarado, listado, vivos, rotos "
            "y sin verificar por fase y plataforma."),
        "sql": (
            "SELECT a.source AS informe, a.institution AS institucion, a.report_date AS "
            "fecha, json_extract(c.value, '$.phase') AS fase, json_extract(c.value, "
            "'$.platform') AS plataforma, json_extract(c.value, '$.claimed') AS "
            "declarado, json_extract(c.value, '$.listed') AS listado, "
            "json_extract(c.value, '$.alive') AS vivos, json_extract(c.value, "
            "'$.broken') AS rotos, json_extract(c.value, '$.unverified') AS "
            "sin_verificar, a.verdict AS veredicto FROM audits a, json_each(a.body, "
            "'$.coverage') c WHERE a.id = (SELECT b.id FROM audits b WHERE b.source = "
            "a.source ORDER BY b.audited_at DESC, b.id DESC LIMIT 1) ORDER BY a.source"),
    },
}


def metadata_for(db: Path) -> dict:
    """datasette's metadata for this store file: the queries under its own database name."""
    return {"title": TITLE, "description": DESCRIPTION,
            "databases": {db.stem: {"queries": QUERIES}}}
