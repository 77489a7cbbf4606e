"""Shared by the nightly reliability tests: folders of reports, the real command, and what a
run left behind (the store, ultimo.json)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

FIRST_X_ID = 1935399367130657167
PROSE = ("En cumplimiento del principio de transparencia, la unidad difundió el proceso de "
         "rendición de cuentas en sus cuentas institucionales.")


@dataclass
class Folder:
    """A folder of generated reports and the platform answers its links should get."""

    path: Path
    broken: set[str] = field(default_factory=set)  # links the platform says are gone
    links: int = 0


def youtube_id(n: int) -> str:
    return f"vid{n:08d}"


def report_lines(number: int, x_ids: list[int], videos: list[str], tokens: list[str],
                 web: list[str], claimed_x: int) -> list[str]:
    lines = [f"Informe de difusión número {number}", "",
             "Fecha del evento: Jueves, 3 de julio de 2025", "", PROSE, "",
             "A. Difusión de la invitación al evento", "",
             f"X (antes Twitter): {claimed_x} publicaciones.", f"YouTube: {len(videos)} videos.",
             f"Facebook: {len(tokens)} publicaciones.", "", "Enlaces:", "", "X (antes Twitter)"]
    lines += [f"https://x.com/CNE_StaElena/status/{post_id}" for post_id in x_ids]
    lines += ["", "YouTube"] + [f"https://www.youtube.com/watch?v={v}" for v in videos]
    lines += ["", "Facebook"] + [f"<https://www.facebook.com/share/p/{t}/>" for t in tokens]
    lines += ["", "Página web", *web]
    return lines


def write_folder(server, path: Path, reports: int = 30, prose_lines: int = 0) -> Folder:
    """`reports` reports of ten links each (X, YouTube, Facebook, web), with some posts deleted,
    private or missing, some Facebook posts public, and some counts that do not match; the
    scenarios are set on the local server. `prose_lines` makes the first two reports long."""
    path.mkdir(parents=True, exist_ok=True)
    folder = Folder(path)
    for n in range(reports):
        x_ids = [FIRST_X_ID + 10 * n + i for i in range(5)]
        videos = [youtube_id(2 * n + i) for i in range(2)]
        tokens = [f"tok{n:03d}{i}" for i in range(2)]
        web = [f"https://www.institucion-{n}.gob.ec/noticia-{n}"]
        if n % 4 == 0:
            server.x(x_ids[0], "deleted")
            folder.broken.add(f"https://x.com/CNE_StaElena/status/{x_ids[0]}")
        if n % 5 == 0:
            server.youtube(videos[1], "private")
            folder.broken.add(f"https://www.youtube.com/watch?v={videos[1]}")
        if n % 3 == 0:
            server.facebook(tokens[0], "alive")
        if n % 7 == 0:
            web[0] = f"https://www.institucion-{n}.gob.ec/no-existe"
            folder.broken.add(web[0])
        lines = report_lines(n, x_ids, videos, tokens, web, claimed_x=5 + (n % 6 == 0))
        if n < 2:
            lines += [PROSE] * prose_lines
        (path / f"informe-{n:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        folder.links += len(x_ids) + len(videos) + len(tokens) + len(web)
    return folder


def nightly_command(server, folder: Path, db: Path, out: Path, *extra: str) -> list[str]:
    remap = ["--remap", server.remap] if server else []
    return [sys.executable, "-m", "auditor.cli", "nocturno", str(folder), "--db", str(db),
            "--salida-dir", str(out), *remap, *extra]


def run_nightly(server, folder: Path, db: Path, out: Path, *extra: str,
                timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(nightly_command(server, folder, db, out, *extra), capture_output=True,
                          text=True, timeout=timeout)


def start_nightly(server, folder: Path, db: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(nightly_command(server, folder, db, out, *extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def latest_page(out: Path) -> dict:
    return json.loads((out / "ultimo.json").read_text(encoding="utf-8"))


def per_report(out: Path) -> dict[str, tuple]:
    """What a run concluded per report, timestamps aside: verdict, coverage and findings."""
    found = {}
    for report in latest_page(out)["reports"]:
        coverage = tuple(tuple(sorted(row.items())) for row in report["coverage"])
        findings = frozenset((f["code"], f["url"], f["line"]) for f in report["findings"])
        found[report["source"]] = (report["verdict"], coverage, findings)
    return found


def findings_of(out: Path, code: str) -> list[dict]:
    return [{**finding, "source": report["source"]} for report in latest_page(out)["reports"]
            for finding in report["findings"] if finding["code"] == code]


def rows(db: Path | str, sql: str, params=(), **connect) -> list[tuple]:
    """The rows of one statement, committed, on a connection closed at once (so that a mounted
    disk can be unmounted)."""
    with closing(sqlite3.connect(db, **connect)) as conn:
        found = conn.execute(sql, params).fetchall()
        conn.commit()
        return found


def integrity(db: Path) -> str:
    return rows(db, "PRAGMA integrity_check")[0][0]


def has_table(db: Path, name: str) -> bool:
    return bool(rows(db, "SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))


def half_written_checks(db: Path) -> int:
    """Check rows missing what every check must have, or pointing at no link."""
    if not has_table(db, "checks"):
        return 0
    return rows(db, "SELECT count(*) FROM checks LEFT JOIN links ON links.id = checks.link_id "
                    "WHERE checks.link_id IS NULL OR checks.status IS NULL "
                    "OR checks.checked_at IS NULL OR links.id IS NULL")[0][0]


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


def rows_at_least(table: str, n: int):
    """A moment of a run: `table` holds at least `n` rows (a test of `(db, out)`)."""
    def reached(db: Path, out: Path | None = None) -> bool:
        if not db.exists():
            return False
        try:
            return rows(f"file:{db}?mode=ro", f"SELECT count(*) FROM {table}", uri=True,
                        timeout=0.05)[0][0] >= n
        except sqlite3.Error:  # not created yet, or busy: not reached
            return False
    return reached
