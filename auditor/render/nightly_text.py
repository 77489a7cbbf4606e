"""The nightly run's text for people: the message for the cron mail (what someone must read in
the morning, empty when nothing is new) and the note at the top of the summary page."""

from __future__ import annotations

from cosecha.labels import plural

BASELINE_TEXT = "Primera auditoría con este formato: línea de base, sin alarmas"
FIRST_TEXT = "Primera auditoría nocturna de esta carpeta"
NO_PREVIOUS = "no hay ejecución anterior con que comparar"


def news_text(news: dict, day: str, alarming: bool) -> str:
    """What someone must read in the morning; empty when nothing is new (`alarming`: whether
    the news holds an alarm)."""
    if news["baseline"]:
        return BASELINE_TEXT
    first = news["previous_run"] is None
    if not first and not alarming:
        return ""
    lines = [f"Auditoría nocturna del {day}"]
    if first:
        reports = plural(len(news["reports"]), "informe", "informes")
        lines.append(f"{FIRST_TEXT} ({reports}): {NO_PREVIOUS}.")
    if news["broken"]:
        lines.append("Enlaces rotos desde la ejecución anterior:")
        lines += [f"  - {url} ({', '.join(sources)})" for url, sources in news["broken"].items()]
    if news["unreadable"]:
        lines.append("Informes que ya no se pueden leer:")
        lines += [f"  - {source}" for source in news["unreadable"]]
    if news["errors"]:
        lines.append("Errores nuevos:")
        lines += [f"  - {error['source']}: {error['message']}" for error in news["errors"]]
    if news["reports"] and not first:
        lines.append(f"Informes nuevos: {len(news['reports'])}")
        lines += [f"  - {source}" for source in news["reports"]]
    return "\n".join(lines)


def page_note(previous_run: str | None, baseline: bool, new_findings: int) -> str:
    if previous_run is None:
        return f"{FIRST_TEXT}: {NO_PREVIOUS}."
    if baseline:
        return f"{BASELINE_TEXT}; lo nuevo se marca desde la próxima ejecución."
    found = plural(new_findings, "hallazgo nuevo", "hallazgos nuevos")
    return (f"Desde la ejecución del {previous_run}: {found}"
            f"{' (marcados «nuevo»)' if new_findings else ''}.")
