"""A read report as rich tables, one per phase, in Spanish (the table of `auditor leer`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cosecha.labels import platform_text
from cosecha.model import Claim, Link, Phase, Report
from cosecha.security import visible

_NONE = "—"
_APPROXIMATE = {"more_than": "más de", "at_least": "al menos", "about": "alrededor de",
                "less_than": "menos de"}


def platform_or_none(name: str | None) -> str:
    return platform_text(name) or _NONE


def report_tables(reports: list[Report]) -> list[RenderableType]:
    return [report_view(report) for report in reports]


def report_view(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_header(report)]
    for phase in report.phases:
        parts += [phase_table(phase), Text("")]
    if not report.phases:
        parts.append(Text("Sin afirmaciones ni enlaces.", style="italic"))
    if report.warnings:
        parts.append(Text("Avisos:", style="bold yellow"))
        parts += [Text(visible(f"  línea {w.line}: {w.message}")) for w in report.warnings]
    return Group(*parts, Text(""))


def _header(report: Report) -> RenderableType:
    period = report.period
    facts = [
        ("Informe", report.source),
        ("Título", report.title or _NONE),
        ("Institución", report.institution or _NONE),
        ("Fecha del evento", report.event_date or _NONE),
        ("Fecha del informe", report.report_date or _NONE),
        ("Periodo", f"{period.label} ({period.start} a {period.end})" if period else _NONE),
        ("Meses de actividad", ", ".join(report.months_mentioned) or _NONE),
    ]
    text = Text()
    for name, value in facts:
        text.append(f"{name}: ", style="bold")
        text.append(f"{visible(value)}\n")
    return text


def phase_table(phase: Phase) -> Table:
    title = (f"Fase {phase.key}: {phase.title} (línea {phase.line})" if phase.line
             else "Contenido sin encabezado")
    if phase.line and phase.key == phase.title:
        title = f"{phase.title} (línea {phase.line})"

    table = Table(title=visible(title), title_justify="left", title_style="bold", expand=False)
    for header in ("Línea", "Plataforma", "Afirmación o enlace", "Listado como", "ID"):
        table.add_column(header, overflow="fold")
    for claim in phase.claims:
        table.add_row(str(claim.line), platform_or_none(claim.platform),
                      claim_text(claim) + _scope(phase, claim), "", "")
    for link in phase.links:
        table.add_row(*_link_row(link))
    return table


def claim_text(claim: Claim) -> str:
    if claim.unit == "percent":
        return f"{claim.count:g} %".replace(".", ",")
    text = f"{claim.count} publicaciones"
    if claim.approximate:
        text = f"{_APPROXIMATE[claim.approximate]} {text}"
    if claim.breakdown:
        total = sum(item.count for item in claim.breakdown)
        text += f" (desglose: {len(claim.breakdown)} rubros, suman {total})"
    return text


def _scope(phase: Phase, claim: Claim) -> str:
    """What a claim sums when not only its own phase: "(suma las fases 1, 2 y 3)"."""
    if claim.covers in ([], [phase.key]):
        return ""
    keys = [visible(key) for key in claim.covers]
    if len(keys) == 1:
        return f" (de la fase {keys[0]})"
    return f" (suma las fases {', '.join(keys[:-1])} y {keys[-1]})"


def _link_row(link: Link) -> tuple[str, ...]:
    return (str(link.line), platform_or_none(link.platform), visible(link.url),
            platform_or_none(link.listed_as), link.post_id or _NONE)
