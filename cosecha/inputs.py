"""What a command is given: report files, folders of reports, URLs, or `-` (standard input)."""

from __future__ import annotations

import os
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


OUTSIDE = "es un enlace simbólico a un archivo fuera de la carpeta; no se lee"


def reports_in(folder: Path) -> tuple[list[Path], list[InputProblem]]:
    """The reports under `folder`, hidden names skipped. Links to folders are not followed (no
    loops, nothing outside); a link to a file outside the folder is a problem and is not read,
    so a planted link cannot publish what the folder's owner never put there."""
    root = os.path.realpath(folder)
    found, problems = [], []
    for path in files_under(folder):
        if path.suffix.lower() not in REPORT_SUFFIXES:
            continue
        target = os.path.realpath(path)
        if path.is_symlink() and os.path.commonpath([root, target]) != root:
            problems.append(InputProblem(str(path), OUTSIDE))
        elif os.path.isfile(target):
            found.append(path)
    return sorted(found), problems


def files_under(folder: Path):
    for parent, folders, files in os.walk(folder):  # links to folders are listed, not entered
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield from (Path(parent, name) for name in files if not name.startswith("."))


def expand(entries: list[str], *, urls: bool = True) -> tuple[list[Entry], list[InputProblem]]:
    found: list[Entry] = []
    problems: list[InputProblem] = []
    for value in entries:
        if urls and _URL.match(value):
            found.append(Entry("url", value))
        elif value == "-":
            found.append(Entry("report", "-"))
        elif Path(value).is_dir():
            reports, outside = reports_in(Path(value))
            problems.extend(outside)
            if not reports and not outside:
                problems.append(InputProblem(value, "la carpeta no contiene informes "
                                                    "(.txt, .md, .docx, .pdf)"))
            found.extend(Entry("report", str(path)) for path in reports)
        else:
            found.append(Entry("report", value))
    return found, problems
