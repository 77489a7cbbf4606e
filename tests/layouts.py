"""The same facts of a report written the ways institutions write them.

Facts are phases, each with its claims (platform, count claimed, post links listed), and
perhaps a closing total. Each layout is a function (facts, folder) -> the report file it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from documents import docx_bytes, pdf_bytes

LABELS = {"x": "X", "facebook": "Facebook", "youtube": "YouTube"}
CHANNEL = "https://www.youtube.com/@CNEEcuadorOficial"  # shown over video links in the PDF
PREAMBLE = ["INFORME DE DIFUSIÓN EN REDES SOCIALES",
            "Consejo Nacional Electoral – Delegación Provincial de Santa Elena",
            "Fecha del informe: 20 de marzo de 2025"]
TABLE_HEADER = ["Red social", "N.º de publicaciones", "Enlaces"]


@dataclass(frozen=True)
class ClaimFacts:
    platform: str
    claimed: int
    links: tuple[str, ...]


@dataclass(frozen=True)
class PhaseFacts:
    key: str
    heading: str  # "Fase 1: Convocatoria", "A. Convocatoria", "Etapa 3. Convocatoria"...
    title: str
    claims: tuple[ClaimFacts, ...]


@dataclass(frozen=True)
class Facts:
    phases: tuple[PhaseFacts, ...]
    total: int | None  # the closing total stated after the last phase, if any
    annex_group: str  # how the annex names a phase's group: "heading", "key" or "title"

    def group_name(self, phase: PhaseFacts) -> str:
        return {"heading": phase.heading, "key": f"Fase {phase.key}",
                "title": phase.title}[self.annex_group]


def posts(count: int) -> str:
    return f"{count} publicación" if count == 1 else f"{count} publicaciones"


def total_line(facts: Facts) -> list[str]:
    return [] if facts.total is None else [
        f"Total de publicaciones en redes sociales: {facts.total}"]


def enumeration(claims: tuple[ClaimFacts, ...]) -> str:
    """ "Se realizaron 3 publicaciones en X, 2 en Facebook y 1 en YouTube." """
    first, *rest = claims
    parts = [f"{posts(first.claimed)} en {LABELS[first.platform]}"]
    parts += [f"{c.claimed} en {LABELS[c.platform]}" for c in rest]
    listed = ", ".join(parts[:-1]) + " y " + parts[-1] if rest else parts[0]
    verb = "Se realizó" if first.claimed == 1 else "Se realizaron"
    return f"{verb} {listed}."


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def list_lines(facts: Facts, folder: Path) -> Path:
    lines = [*PREAMBLE, ""]
    for phase in facts.phases:
        lines.append(phase.heading)
        for claim in phase.claims:
            lines += [f"{LABELS[claim.platform]}: {posts(claim.claimed)}", *claim.links]
        lines.append("")
    return _write(folder, "lineas.txt", "\n".join(lines + total_line(facts)) + "\n")


def prose(facts: Facts, folder: Path) -> Path:
    lines = [*PREAMBLE, ""]
    for phase in facts.phases:
        lines += [phase.heading, enumeration(phase.claims), "Enlaces:"]
        lines += [link for claim in phase.claims for link in claim.links]
        lines.append("")
    return _write(folder, "prosa.txt", "\n".join(lines + total_line(facts)) + "\n")


def markdown_table(facts: Facts, folder: Path) -> Path:
    lines = [f"# {PREAMBLE[0].capitalize()}", "", *PREAMBLE[1:], ""]
    for phase in facts.phases:
        lines += [f"## {phase.heading}", "", "| " + " | ".join(TABLE_HEADER) + " |",
                  "|---|---:|---|"]
        lines += [f"| {LABELS[c.platform]} | {c.claimed} | {'<br>'.join(c.links)} |"
                  for c in phase.claims]
        lines.append("")
    return _write(folder, "tabla.md", "\n".join(lines + total_line(facts)) + "\n")


def word_blocks(facts: Facts, shown) -> list[tuple]:
    """The report as Word blocks: a table per phase; `shown(claim, i)` is a link's visible text."""
    blocks = [("heading", PREAMBLE[0], 0), *(("paragraph", line) for line in PREAMBLE[1:])]
    for phase in facts.phases:
        rows = [TABLE_HEADER] + [
            [LABELS[c.platform], str(c.claimed),
             [(shown(c, i), link) for i, link in enumerate(c.links)]] for c in phase.claims]
        blocks += [("heading", phase.heading, 1), ("table", rows)]
    return blocks + [("paragraph", line) for line in total_line(facts)]


def docx_table(facts: Facts, folder: Path) -> Path:
    blocks = word_blocks(facts, lambda claim, i: f"Publicación {i + 1}")
    return _write(folder, "tabla.docx", docx_bytes(blocks))


def pdf_table(facts: Facts, folder: Path) -> Path:
    """Word's PDF export: addresses shown as typed (and wrapped), videos under the channel's."""
    blocks = word_blocks(facts, lambda claim, i: CHANNEL if claim.platform == "youtube"
                         else claim.links[i])
    return _write(folder, "tabla.pdf", pdf_bytes([blocks]))


def annex(facts: Facts, folder: Path) -> Path:
    lines = [*PREAMBLE, ""]
    for phase in facts.phases:
        lines.append(phase.heading)
        lines += [f"{LABELS[c.platform]}: {posts(c.claimed)}" for c in phase.claims]
        lines.append("")
    lines += [*total_line(facts), "", "ANEXO: ENLACES DE EVIDENCIA"]
    for phase in facts.phases:
        lines.append(facts.group_name(phase))
        lines += [link for claim in phase.claims for link in claim.links]
    return _write(folder, "anexo.txt", "\n".join(lines) + "\n")


LAYOUTS = {"lineas": list_lines, "prosa": prose, "markdown": markdown_table,
           "docx": docx_table, "pdf": pdf_table, "anexo": annex}
