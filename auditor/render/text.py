"""Audits and the supervisor's summary as text: rich tables, Markdown, CSV and JSON.

Every format is built from the same `Table`s (headers and rows), so the table a person reads,
the one pasted into a document and the spreadsheet always agree.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from rich.table import Table as RichTable
from rich.text import Text

from cosecha.cli_kit.console import json_text, render, url_table
from cosecha.labels import VERDICT_TEXT, shown
from cosecha.security import visible
from datos.store import now_iso

from ..compare import verdict_text
from ..model import ERROR, INFO, READY, RESERVATIONS, REVIEW, WARNING, Audit
from .audit_html import render_html, render_summary_html
from .tables import (
    COVERAGE_HEADERS,
    FINDING_HEADERS,
    REPORT_KEYS,
    Table,
    coverage_table,
    finding_row,
    finding_tables,
    heading,
    links_table,
    summary_tables,
)

__all__ = ["render_audits", "render_summary"]

# the text renderings of a list of Tables


def cell_text(cell) -> str:
    return shown(cell) if cell != "" else ""


def link_lines(cell) -> str | list[str]:
    """A link cell for the terminal: its URL, or one line per link of a group."""
    if isinstance(cell, list):
        return [visible(f"línea {shown(line)}: {url}") for line, url in cell]
    return visible(cell)


def rich_table(table: Table, color: bool) -> str:
    column = table.link_column
    if column is not None:
        rows = [tuple(link_lines(c) if i == range(len(row))[column] else visible(cell_text(c))
                      for i, c in enumerate(row)) for row in table.rows]
        return url_table(table.title, table.headers, rows, color, column)
    rich = RichTable(title=table.title, title_justify="left", show_lines=False)
    for header in table.headers:
        rich.add_column(header, overflow="fold")
    for row in table.rows:
        rich.add_row(*(visible(cell_text(cell)) for cell in row))
    return render([rich], color)


def as_rich(tables: list[Table], color: bool) -> str:
    return "".join(rich_table(table, color) for table in tables)


# what Markdown would read as syntax in a table cell: escapes, code, emphasis, links and
# images, raw HTML, entities (&#x202E;), cell borders. "_" is left alone: it does nothing
# inside a word, and an escaped one would cut the autolink of a URL that carries it.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*~\[\]<>|]|&(?=#?\w+;)")


def markdown_text(value) -> str:
    """A value shown literally in Markdown, on one line."""
    text = visible(cell_text(value)).replace("\n", " ")
    return _MARKDOWN_SYNTAX.sub(lambda found: "\\" + found.group(), text)


def markdown_rows(row: tuple) -> list[tuple]:
    """A row, and for a group of links one row under it per link (its line and URL)."""
    if not isinstance(row[-1], list):
        return [row]
    blank = ("",) * (len(row) - 2)
    return [(*row[:-1], ""), *((line, *blank, url) for line, url in row[-1])]


def as_markdown(table: Table) -> str:
    lines = [f"**{table.title}**", "", "| " + " | ".join(table.headers) + " |",
             "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(markdown_text(c) for c in shown_row) + " |"
              for row in table.rows for shown_row in markdown_rows(row)]
    return "\n".join(lines) + "\n"


# CSV: for a spreadsheet in Spanish (";", a BOM so accents open right, decimal commas), or
# the data as it always was (`--csv-datos`: English codes, ",")

# a spreadsheet reads a cell starting with one of these as a formula (or strips it to one)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def csv_cell(value):
    """Text neutralised for spreadsheets (a leading ' when it could start a formula); the
    numbers we compute are written as numbers."""
    if not isinstance(value, str):
        return value  # None is written as an empty cell
    return ("'" if value.startswith(_FORMULA_STARTS) else "") + visible(value)


def spanish_cell(value):
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}".replace(".", ",")
    return csv_cell(value)


def as_csv(headers: tuple[str, ...], rows: list[tuple], *, spanish: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if spanish else ",", lineterminator="\n")
    writer.writerow(headers)
    cell = spanish_cell if spanish else csv_cell
    writer.writerows(tuple(cell(value) for value in row) for row in rows)
    return (BOM if spanish else "") + out.getvalue()


def spanish_csv(table: Table) -> str:
    return as_csv(tuple(h.lower() for h in table.headers), table.rows, spanish=True)


# revisar

CSV_COLUMNS = ("source", "sha256", "verdict", "phase", "platform", "claimed", "listed",
               "alive", "broken", "unverified")
FINDING_COLUMNS = ("source", "line", "phase", "platform", "severity", "code", "message", "url")
SEVERITY_TEXT = {ERROR: "error", WARNING: "advertencia", INFO: "información"}
NO_COVERAGE = "ninguna: el informe no declara cifras ni lista enlaces"


def audits_data_csv(audits: list[Audit]) -> str:
    rows = [(a.source, a.sha256, a.verdict, r.phase, r.platform, r.claimed, r.listed, r.alive,
             r.broken, r.unverified) for a in audits for r in a.coverage]
    return as_csv(CSV_COLUMNS, rows)


def audits_csv(audits: list[Audit]) -> str:
    """Every report, one row per phase and platform (one saying so when it has none)."""
    rows = []
    for audit in audits:
        first = (audit.source, audit.sha256, VERDICT_TEXT[audit.verdict])
        coverage = coverage_table(audit).rows or [("", NO_COVERAGE, None, None, None, None, None)]
        rows += [(*first, *row) for row in coverage]
    return as_csv(("informe", "sha256", "veredicto", *(h.lower() for h in COVERAGE_HEADERS)),
                  rows, spanish=True)


def findings_csv(audits: list[Audit], data: bool) -> str:
    """One row per finding of every report: Spanish, or the data (`--csv-datos`)."""
    if data:
        return as_csv(FINDING_COLUMNS, [(a.source, f.line, f.phase, f.platform, f.severity,
                                         f.code, f.message, f.url)
                                        for a in audits for f in a.findings])
    rows = [(a.source, SEVERITY_TEXT[f.severity], *finding_row(f))
            for a in audits for f in a.findings]
    headers = ("informe", "gravedad", *(h.lower() for h in FINDING_HEADERS))
    return as_csv(headers, rows, spanish=True)


def report_tables(audit: Audit, options: Options) -> list[Table]:
    tables = [coverage_table(audit), *finding_tables(audit, options.detail)]
    return tables + ([links_table(audit)] if options.links else [])


def audits_markdown(audits: list[Audit], options: Options) -> str:
    parts = []
    for audit in audits:
        parts.append(f"## {markdown_text(heading(audit))}\n")
        parts += [as_markdown(t) for t in report_tables(audit, options)]
        parts.append(f"**Veredicto: {verdict_text(audit)}**\n")
    return "\n".join(parts)


def audits_rich(audits: list[Audit], options: Options, color: bool) -> str:
    parts = []
    for audit in audits:
        style = {READY: "green", RESERVATIONS: "yellow", REVIEW: "bold red"}[audit.verdict]
        parts += [render([Text(visible(heading(audit)), style="bold")], color),
                  as_rich(report_tables(audit, options), color),
                  render([Text(f"Veredicto: {verdict_text(audit)}", style=style), Text("")],
                         color)]
    return "".join(parts)


@dataclass(frozen=True)
class Options:
    """What the tables of `revisar` show beyond coverage, findings and verdict."""

    links: bool = False  # the section of every link (`--enlaces`)
    detail: bool = False  # one row per finding, never grouped (`--detalle`)


def render_audits(audits: list[Audit], fmt: str, *, color: bool = False,
                  options: Options = Options()) -> str:
    if fmt == "json":
        return json_text({"reports": [a.to_dict() for a in audits]})
    if fmt == "csv":
        return audits_csv(audits)
    if fmt == CSV_DATA:
        return audits_data_csv(audits)
    if fmt == "markdown":
        return audits_markdown(audits, options)
    if fmt == "html":
        return render_html(audits, generated_at=now_iso(), detail=options.detail)
    return audits_rich(audits, options, color) if fmt == "tabla" else unknown(fmt)


# resumen

def render_summary(summary: dict, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return json_text(summary)
    if fmt == CSV_DATA:
        return as_csv(REPORT_KEYS, [tuple(r[k] for k in REPORT_KEYS) for r in summary["reports"]])
    if fmt == "html":
        return render_summary_html(summary, generated_at=now_iso())
    tables = summary_tables(summary)
    if fmt == "csv":
        return spanish_csv(tables[0])
    if fmt == "markdown":
        return "\n".join(as_markdown(table) for table in tables)
    return as_rich(tables, color) if fmt == "tabla" else unknown(fmt)


# `--csv-datos`, shared by the commands that write CSV

CSV_DATA = "csv-datos"


def add_csv_data_option(parser) -> None:
    parser.add_argument("--csv-datos", action="store_true",
                        help="escribe, en vez del --formato pedido, el CSV de datos: códigos en "
                             "inglés separados por comas, para programas (--formato csv es para "
                             "una hoja de cálculo en español)")


def output_format(args) -> str:
    return CSV_DATA if args.csv_datos else args.formato


def unknown(fmt: str):
    raise ValueError(f"formato desconocido: {fmt!r}")
