"""What a command is given: report files, folders of reports, URLs, or `-` (standard input)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .reader.extract import OTHER_DOCUMENT, OTHER_DOCUMENTS
from .security import visible

REPORT_SUFFIXES = (".txt", ".md", ".docx", ".odt", ".pdf")
# never reports: notes about the folder, and what an office program leaves beside a document it
# has open (~$informe.docx from Word; LibreOffice's .~lock.informe.odt# is hidden already)
NOT_REPORTS = ("readme", "leeme", "~$")
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
        return f"error: {visible(self.source)}: {self.message}"  # a file name may hide controls


OUTSIDE = "es un enlace simbólico a un archivo fuera de la carpeta; no se lee"


def reports_in(folder: Path) -> tuple[list[Path], list[InputProblem]]:
    """The reports under `folder`; hidden names, README*, LEEME* and ~$* skipped, as are files
    that are no documents (images, spreadsheets...). A document in a format not read (.doc...)
    is a problem, never skipped in silence. Links to folders are not followed (no loops, nothing
    outside); a link to a file outside the folder is a problem and is not read, so a planted
    link cannot publish what the folder's owner never put there."""
    root = os.path.realpath(folder)
    found, problems = [], []
    for path in files_under(folder):
        suffix = path.suffix.lower()
        if suffix not in REPORT_SUFFIXES + OTHER_DOCUMENTS:
            continue
        target = os.path.realpath(path)
        if path.is_symlink() and os.path.commonpath([root, target]) != root:
            problems.append(InputProblem(str(path), OUTSIDE))
        elif suffix in OTHER_DOCUMENTS:
            problems.append(InputProblem(str(path), OTHER_DOCUMENT))
        elif os.path.isfile(target):
            found.append(path)
    return sorted(found), sorted(problems, key=lambda problem: problem.source)


def files_under(folder: Path):
    """The files under `folder` worth a look; a .pages document, a folder on a Mac, is one."""
    for parent, folders, files in os.walk(folder):  # links to folders are listed, not entered
        folders[:] = [name for name in folders if not name.startswith(".")]
        documents = [name for name in folders if name.lower().endswith(OTHER_DOCUMENTS)]
        folders[:] = [name for name in folders if name not in documents]
        yield from (Path(parent, name) for name in files + documents if not _skipped(name))


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.lower().startswith(NOT_REPORTS)


def expand(entries: list[str], *, urls: bool = True) -> tuple[list[Entry], list[InputProblem]]:
    found: list[Entry] = []
    problems: list[InputProblem] = []
    for value in entries:
        if urls and _URL.match(value):
            found.append(Entry("url", value))
        elif value == "-":
            found.append(Entry("report", "-"))
        elif Path(value).is_dir():
            reports, unread = reports_in(Path(value))
            problems.extend(unread)
            if not reports and not unread:
                problems.append(InputProblem(value, "la carpeta no contiene informes "
                                                    f"({', '.join(REPORT_SUFFIXES)})"))
            found.extend(Entry("report", str(path)) for path in reports)
        else:
            found.append(Entry("report", value))
    return found, problems
