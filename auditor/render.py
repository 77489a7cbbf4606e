"""Audits and the supervisor's summary as text: rich tables, Markdown, CSV and JSON.

Every format is built from the same `Table`s (headers and rows), so the table a person reads,
the one pasted into a document and the spreadsheet always agree.
"""

from __future__ import annotations

import csv
import io
import re

from rich.table import Table as RichTable
from rich.text import Text

from cosecha.harvest import now_iso
from cosecha.output import json_text, render, visible

from .compare import verdict_text
from .html import render_html, render_summary_html
from .model import READY, RESERVATIONS, REVIEW, VERDICT_TEXT, Audit
from .tables import (REPORT_KEYS, Table, coverage_table, finding_tables, heading, shown,
                     summary_tables)

__all__ = ["VERDICT_TEXT", "render_audits", "render_summary"]

# the three text renderings of a list of Tables


def cell_text(cell) -> str:
    return shown(cell) if cell != "" else ""


def as_rich(tables: list[Table]) -> list:
    renderables = []
    for table in tables:
        rich = RichTable(title=table.title, title_justify="left", show_lines=False)
        for header in table.headers:
            rich.add_column(header, overflow="fold")
        for row in table.rows:
            rich.add_row(*(visible(cell_text(cell)) for cell in row))
        renderables.append(rich)
    return renderables


# what Markdown would read as syntax in a table cell: escapes, code, emphasis, links and
# images, raw HTML, entities (&#x202E;), cell borders. "_" is left alone: it does nothing
# inside a word, and an escaped one would cut the autolink of a URL that carries it.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*~\[\]<>|]|&(?=#?\w+;)")


def markdown_text(value) -> str:
    """A value shown literally in Markdown, on one line."""
    text = visible(cell_text(value)).replace("\n", " ")
    return _MARKDOWN_SYNTAX.sub(lambda found: "\\" + found.group(), text)


def as_markdown(table: Table) -> str:
    lines = [f"**{table.title}**", "", "| " + " | ".join(table.headers) + " |",
             "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


# a spreadsheet reads a cell starting with one of these as a formula (or strips it to one)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """Text neutralised for spreadsheets (a leading ' when it could start a formula); the
    numbers we compute are written as numbers."""
    if not isinstance(value, str):
        return value  # None is written as an empty cell
    return ("'" if value.startswith(_FORMULA_STARTS) else "") + visible(value)


def as_csv(headers: tuple[str, ...], rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(tuple(csv_cell(value) for value in row) for row in rows)
    return out.getvalue()


# revisar

CSV_COLUMNS = ("source", "sha256", "verdict", "phase", "platform", "claimed", "listed",
               "alive", "broken", "unverified")


def audits_csv(audits: list[Audit]) -> str:
    rows = [(a.source, a.sha256, a.verdict, r.phase, r.platform, r.claimed, r.listed, r.alive,
             r.broken, r.unverified) for a in audits for r in a.coverage]
    return as_csv(CSV_COLUMNS, rows)


def audits_markdown(audits: list[Audit]) -> str:
    parts = []
    for audit in audits:
        parts.append(f"## {markdown_text(heading(audit))}\n")
        parts += [as_markdown(t) for t in [coverage_table(audit), *finding_tables(audit)]]
        parts.append(f"**Veredicto: {verdict_text(audit)}**\n")
    return "\n".join(parts)


def audits_rich(audits: list[Audit], color: bool) -> str:
    renderables = []
    for audit in audits:
        renderables.append(Text(visible(heading(audit)), style="bold"))
        renderables += as_rich([coverage_table(audit), *finding_tables(audit)])
        style = {READY: "green", RESERVATIONS: "yellow", REVIEW: "bold red"}[audit.verdict]
        renderables.append(Text(f"Veredicto: {verdict_text(audit)}", style=style))
        renderables.append(Text(""))
    return render(renderables, color)


def render_audits(audits: list[Audit], fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return json_text({"reports": [a.to_dict() for a in audits]})
    if fmt == "csv":
        return audits_csv(audits)
    if fmt == "markdown":
        return audits_markdown(audits)
    if fmt == "html":
        return render_html(audits, generated_at=now_iso())
    return audits_rich(audits, color) if fmt == "tabla" else unknown(fmt)


# resumen

def render_summary(summary: dict, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return json_text(summary)
    if fmt == "csv":
        return as_csv(REPORT_KEYS, [tuple(r[k] for k in REPORT_KEYS) for r in summary["reports"]])
    if fmt == "html":
        return render_summary_html(summary, generated_at=now_iso())
    tables = summary_tables(summary)
    if fmt == "markdown":
        return "\n".join(as_markdown(table) for table in tables)
    return render(as_rich(tables), color) if fmt == "tabla" else unknown(fmt)


def unknown(fmt: str):
    raise ValueError(f"formato desconocido: {fmt!r}")
