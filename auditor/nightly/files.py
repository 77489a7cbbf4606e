"""Locking and files of the nightly run: one run per store, the names of a run's pages and their
rotation, files written whole or not at all (through a .parcial name), the run's JSON written
report by report, and the store's backups."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from contextlib import contextmanager, suppress
from itertools import count
from pathlib import Path

from datos import fresh_file

from ..errors import AuditorError

LOCK_SUFFIX = ".nocturno.lock"
STAMP = r"\d{8}T\d{6}"
# a run's names: auditoria-AAAA-MM-DD-HHMMSS[-N].html/.json and the folder of its report pages
# (without extension; .parcial while being written); auditoria-AAAA-MM-DD.html/.json before
# issue 10, still a run of ours
PAGE_NAME = re.compile(r"auditoria-(?P<day>\d{4}-\d{2}-\d{2})(?:-(?P<time>\d{6})"
                       r"(?:-(?P<clash>[2-9]|[1-9]\d+))?)?(?P<ext>\.(?:html|json)(?:\.parcial)?)?")
# a report's page in a run's folder (page_file)
REPORT_PAGE = re.compile(r"\d{4,}-[A-Za-z0-9._-]*\.html(?:\.parcial)?")
PARTIAL = ".parcial"


class Busy(AuditorError):
    """Another nightly run holds the store."""


@contextmanager
def exclusive(db_path: Path):
    """One nightly run per store; the OS drops the lock when the process dies, even by SIGKILL."""
    with open(f"{db_path}{LOCK_SUFFIX}", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"ya hay una auditoría nocturna en curso sobre {db_path}") from None
        yield


def keep_latest(folder: Path, pattern: str, keep: int) -> None:
    """Removes all but the newest `keep` files whose whole name matches `pattern` (a regular
    expression, so a name with glob characters rotates and a look-alike is never removed)."""
    ours = sorted(name for name in os.listdir(folder) if re.fullmatch(pattern, name))
    for old in ours[:-keep or None]:
        (folder / old).unlink(missing_ok=True)


def page_order(match: re.Match) -> tuple:
    """Runs in the order they were made: a page of the day's name only came before any with
    the time, and a clash after the name it clashed with."""
    return match["day"], match["time"] or "", int(match["clash"] or 1)


def keep_latest_runs(folder: Path, keep: int) -> None:
    """Removes the pages of all but the newest `keep` runs (a run's .html, .json and folder of
    report pages together); only names the nightly run makes, so nothing else in the folder is
    ever removed."""
    runs: dict[tuple, list[str]] = {}
    for name in os.listdir(folder):
        match = PAGE_NAME.fullmatch(name)
        if match and (match["ext"] or (match["time"] and (folder / name).is_dir())):
            runs.setdefault(page_order(match), []).append(name)
    for order in sorted(runs)[:-keep]:
        for name in runs[order]:
            remove_run_part(folder / name)


def remove_run_part(path: Path) -> None:
    """A run's page, or its folder of report pages: only our page names inside it, then the
    folder if that left it empty."""
    if not path.is_dir() or path.is_symlink():
        path.unlink(missing_ok=True)
        return
    for name in os.listdir(path):
        if REPORT_PAGE.fullmatch(name):
            (path / name).unlink(missing_ok=True)
    with suppress(OSError):
        path.rmdir()


def run_stem(out: Path, started_at: str) -> str:
    """auditoria-AAAA-MM-DD-HHMMSS, with -2, -3... if a run of the same second wrote it (or
    was killed while writing it)."""
    stem = f"auditoria-{started_at[:10]}-{started_at[11:19].replace(':', '')}"
    candidates = (stem if clash == 1 else f"{stem}-{clash}" for clash in count(1))
    return next(name for name in candidates
                if not any((out / f"{name}{ext}").exists() for ext in ("", ".html", ".json")))


def page_file(index: int, name: str) -> str:
    """A report's page in the run's folder: numbered in the folder's order (unique), with the
    file's name made safe for an address."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).name).strip("-.")[:60]
    return f"{index:04d}-{stem or 'informe'}.html"


def fresh_text(path: Path):
    """A file made anew for writing, through a .parcial name renamed once whole."""
    return open(fresh_file(path, 0o666), "w", encoding="utf-8")  # the umask applies


def write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + PARTIAL)
    with fresh_text(partial) as handle:
        handle.write(text)
    partial.replace(path)


def copy_atomically(source: Path, path: Path) -> None:
    partial = path.with_name(path.name + PARTIAL)
    with open(source, encoding="utf-8") as original, fresh_text(partial) as handle:
        shutil.copyfileobj(original, handle)
    partial.replace(path)


class JsonStream:
    """The run's JSON written report by report: the same object json.dumps(indent=2) gives,
    with `reports` before `news` and `changes` (known only once every report is audited)."""

    def __init__(self, path: Path, head: dict):
        self.path, self.partial = path, path.with_name(path.name + PARTIAL)
        self.handle = fresh_text(self.partial)
        self.handle.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "reports": [')
        self.separator = "\n    "

    def add(self, item: dict) -> None:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        self.handle.write(self.separator + text)
        self.separator = ",\n    "

    def close(self, tail: dict) -> None:
        rest = json.dumps(tail, ensure_ascii=False, indent=2)[1:]
        self.handle.write("\n  ],\n" + rest.lstrip("\n") if tail else "\n  ]\n}")
        self.handle.close()
        self.partial.replace(self.path)


def back_up(store, db_path: Path, keep: int) -> None:
    """The copy is made under a name outside the rotation and renamed when whole, so a run
    killed while copying leaves no half copy counted among the backups."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    partial = db_path.with_name(f"{db_path.name}.respaldo.parcial")
    store.backup(partial)
    partial.replace(db_path.with_name(f"{db_path.name}.respaldo-{stamp}"))
    keep_latest(db_path.parent, rf"{re.escape(db_path.name)}\.respaldo-{STAMP}", keep)
