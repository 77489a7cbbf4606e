"""What a command is given: report files, folders of reports, URLs, or `-` (standard input)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass
class Entry:
    kind: str  # "report" | "url"
    value: str  # a path, "-", or a URL


@dataclass
class InputProblem:
    source: str
    message: str  # Spanish

    def __str__(self) -> str:
        return f"error: {self.source}: {self.message}"


def reports_in(folder: Path) -> list[Path]:
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def expand(entries: list[str], *, urls: bool = True) -> tuple[list[Entry], list[InputProblem]]:
    found: list[Entry] = []
    problems: list[InputProblem] = []
    for value in entries:
        if urls and _URL.match(value):
            found.append(Entry("url", value))
        elif value == "-":
            found.append(Entry("report", "-"))
        elif Path(value).is_dir():
            reports = reports_in(Path(value))
            if not reports:
                problems.append(InputProblem(value, "la carpeta no contiene informes "
                                                    "(.txt, .md, .docx, .pdf)"))
            found.extend(Entry("report", str(path)) for path in reports)
        else:
            found.append(Entry("report", value))
    return found, problems
