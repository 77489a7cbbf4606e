"""The nightly audit of a folder of reports: unattended, incremental, quiet unless news.

"News" is what went wrong since the previous nightly run over the same folder: a link newly
broken, a new error finding, a report newly unreadable. Old errors stay in the page but do not
wake anyone up again.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from cosecha.harvest import HarvestOptions, now_iso
from cosecha.inputs import Entry, InputProblem, reports_in
from cosecha.reader.bounded import READ_SECONDS
from datos import fresh_file

from .html import render_html
from .model import ERROR, REVIEW, Audit, Finding
from .review import link_keys, read_entries, review
from .summary import changes, platform_totals

LOCK_SUFFIX = ".nocturno.lock"
STAMP = r"\d{8}T\d{6}"
DAY = r"\d{4}-\d{2}-\d{2}"


class Busy(Exception):
    """Another nightly run holds the store."""


@dataclass
class NightlyOptions:
    folder: Path
    out_dir: Path
    keep: int = 30
    minutes: float = 60
    backups: int = 7
    accounts: dict[str, str] = field(default_factory=dict)
    window_days: int = 90
    read_seconds: float = READ_SECONDS


@dataclass
class NightlyResult:
    audits: list[Audit]
    news: dict
    page: Path

    @property
    def exit_code(self) -> int:
        return 1 if any(self.news[kind] for kind in ("broken", "errors", "unreadable")) else 0


@contextmanager
def exclusive(db_path: Path):
    """One nightly run per store; the OS drops the lock when the process dies, even by SIGKILL."""
    with open(f"{db_path}{LOCK_SUFFIX}", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy from None
        yield


def unreadable_audit(problem: InputProblem, audited_at: str) -> Audit:
    finding = Finding("unreadable_report", ERROR, None, None, None, None,
                      f"No se pudo leer el informe: {problem.message}")
    return Audit(problem.source, "", "", "", None, None, REVIEW, audited_at, "", None, None,
                 [], [finding])


def state_of(audits: list[Audit]) -> dict:
    broken: dict[str, list[str]] = {}
    for audit in audits:
        for finding in audit.findings:
            if finding.code == "broken_link":
                broken.setdefault(finding.url, []).append(audit.source)
    return {
        "reports": sorted(a.source for a in audits),
        "broken": broken,
        "errors": sorted({f"{a.source}|{f.code}|{f.url or ''}|{f.line or ''}|{f.message}"
                          for a in audits for f in a.findings if f.severity == ERROR}),
        "unreadable": sorted(a.source for a in audits if a.findings
                             and a.findings[0].code == "unreadable_report"),
        "totals": platform_totals([a.to_dict() for a in audits]),
    }


def news_between(state: dict, previous: dict | None) -> dict:
    before = previous or {"reports": [], "broken": {}, "errors": [], "unreadable": []}
    return {
        "reports": sorted(set(state["reports"]) - set(before["reports"])),
        "broken": {url: sources for url, sources in state["broken"].items()
                   if url not in before["broken"]},
        "errors": sorted(set(state["errors"]) - set(before["errors"])),
        "unreadable": sorted(set(state["unreadable"]) - set(before["unreadable"])),
    }


def news_text(news: dict, day: str) -> str:
    """What someone must read in the morning; empty when nothing is new."""
    lines = []
    if news["broken"]:
        lines.append("Enlaces rotos desde la ejecución anterior:")
        lines += [f"  - {url} ({', '.join(sources)})" for url, sources in news["broken"].items()]
    if news["unreadable"]:
        lines.append("Informes que ya no se pueden leer:")
        lines += [f"  - {source}" for source in news["unreadable"]]
    if news["errors"]:
        lines.append("Errores nuevos:")
        lines += [f"  - {key.split('|')[0]}: {key.split('|')[-1]}" for key in news["errors"]]
    if news["reports"]:
        lines.append(f"Informes nuevos: {len(news['reports'])}")
        lines += [f"  - {source}" for source in news["reports"]]
    return "\n".join([f"Auditoría nocturna del {day}", *lines]) if lines else ""


def chart_history(states: list[dict]) -> list[dict]:
    return [{"run": state["started_at"][:10], "platform": platform, **counts}
            for state in reversed(states) for platform, counts in state["totals"].items()]


def keep_latest(folder: Path, pattern: str, keep: int) -> None:
    """Removes all but the newest `keep` files whose whole name matches `pattern` (a regular
    expression, so a name with glob characters rotates and a look-alike is never removed)."""
    ours = sorted(name for name in os.listdir(folder) if re.fullmatch(pattern, name))
    for old in ours[:-keep or None]:
        (folder / old).unlink(missing_ok=True)


def write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".parcial")
    with open(fresh_file(partial, 0o666), "w", encoding="utf-8") as handle:  # the umask applies
        handle.write(text)
    partial.replace(path)


def publish(options: NightlyOptions, day: str, page: str, data: dict) -> Path:
    out = options.out_dir
    out.mkdir(parents=True, exist_ok=True)
    dated = out / f"auditoria-{day}.html"
    body = json.dumps(data, ensure_ascii=False, indent=2)
    for name, text in ((dated.name, page), (f"auditoria-{day}.json", body),
                       ("ultimo.html", page), ("ultimo.json", body)):
        write_atomically(out / name, text)
    keep_latest(out, rf"auditoria-{DAY}\.html", options.keep)
    keep_latest(out, rf"auditoria-{DAY}\.json", options.keep)
    return dated


def back_up(store, db_path: Path, keep: int) -> None:
    """The copy is made under a name outside the rotation and renamed when whole, so a run
    killed while copying leaves no half copy counted among the backups."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    partial = db_path.with_name(f"{db_path.name}.respaldo.parcial")
    store.backup(partial)
    partial.replace(db_path.with_name(f"{db_path.name}.respaldo-{stamp}"))
    keep_latest(db_path.parent, rf"{re.escape(db_path.name)}\.respaldo-{STAMP}", keep)


def run_nightly(store, db_path: Path, options: NightlyOptions,
                harvest: HarvestOptions) -> NightlyResult:
    started_at = now_iso()
    folder = str(options.folder.resolve())
    store.check_intact()  # nothing is published from, or backed up of, a damaged store
    paths, outside = reports_in(options.folder)
    reads, problems = read_entries([Entry("report", str(path)) for path in paths],
                                   options.read_seconds)
    problems += outside
    bounded = replace(harvest, deadline=time.monotonic() + options.minutes * 60)
    audits = review(store, reads, bounded, command=f"auditor nocturno {folder}",
                    accounts=options.accounts, window_days=options.window_days)
    audits += [unreadable_audit(problem, started_at) for problem in problems]
    audits.sort(key=lambda audit: audit.source)
    keys = {read.report.source: link_keys(read.report) for read in reads}
    state = state_of(audits)
    history = store.nightly_states(folder, options.keep)
    news = news_between(state, history[0] if history else None)
    day = started_at[:10]
    found_changes = changes(store, [{**a.to_dict(), "links": keys.get(a.source, [])}
                                    for a in audits])
    history = [{"started_at": started_at, **state}, *history]
    page = render_html(audits, changes=found_changes, history=chart_history(history),
                       title=f"Auditoría nocturna del {day}", generated_at=started_at)
    data = {"generated_at": started_at, "folder": folder, "news": news,
            "changes": found_changes, "reports": [audit.to_dict() for audit in audits]}
    dated = publish(options, day, page, data)
    store.record_nightly(started_at=started_at, folder=folder, state=state)
    back_up(store, db_path, options.backups)
    return NightlyResult(audits, news, dated)
