"""The nightly audit of a folder of reports: unattended, incremental, quiet unless news.

"News" is what went wrong since the previous nightly run over the same folder: a link newly
broken, a new error finding, a report newly unreadable. Old errors stay in the page but do not
wake anyone up again. A finding is told apart from another by the report's path in the folder,
its code, phase, platform and link: never by line number or message, which move when a line is
inserted above.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

from cosecha.harvest import HarvestOptions, now_iso, targets_for
from cosecha.inputs import Entry, InputProblem, reports_in
from cosecha.progress import platform_progress
from cosecha.reader.bounded import READ_SECONDS
from datos import fresh_file

from .checks.spanish import plural
from .html import render_html
from .model import ERROR, REVIEW, Audit, Finding
from .review import link_keys, read_entries, review
from .summary import changes, platform_totals

LOCK_SUFFIX = ".nocturno.lock"
STAMP = r"\d{8}T\d{6}"
# a page's name: auditoria-AAAA-MM-DD-HHMMSS[-N].html/.json; auditoria-AAAA-MM-DD.html/.json
# before issue 10, still a run of ours
PAGE_NAME = re.compile(r"auditoria-(?P<day>\d{4}-\d{2}-\d{2})(?:-(?P<time>\d{6})"
                       r"(?:-(?P<clash>[2-9]|[1-9]\d+))?)?\.(?:html|json)")
# how a stored state identifies findings; states stored before issue 10 have none
IDENTITY = 2
ALARMS = ("broken", "errors", "unreadable")
BASELINE_TEXT = "Primera auditoría con este formato: línea de base, sin alarmas"
FIRST_TEXT = "Primera auditoría nocturna de esta carpeta"
NO_PREVIOUS = "no hay ejecución anterior con que comparar"


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
    progress: bool = False  # a bar per platform on standard error, for a person watching


@dataclass
class NightlyResult:
    audits: list[Audit]
    news: dict
    page: Path
    started_at: str

    @property
    def exit_code(self) -> int:
        return 1 if any(self.news[kind] for kind in ALARMS) else 0


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


class Identities:
    """Names reports by their path in the folder and findings by what they are about."""

    def __init__(self, folder: Path):
        self.folder = folder

    def report(self, audit: Audit) -> str:
        return Path(os.path.relpath(audit.source, self.folder)).as_posix()

    def finding(self, audit: Audit, finding: Finding) -> tuple:
        return (self.report(audit), finding.code, finding.phase, finding.platform, finding.url)


def state_of(audits: list[Audit], names: Identities) -> dict:
    seen = {(*names.finding(a, f), f.severity) for a in audits for f in a.findings}
    return {
        "identity": IDENTITY,
        "reports": sorted(names.report(a) for a in audits),
        "findings": sorted(seen, key=lambda key: [part or "" for part in key]),
        "totals": platform_totals([a.to_dict() for a in audits]),
    }


@dataclass
class Known:
    """What the previous run over the folder found; nothing when there was none, or when it was
    stored before findings had an identity (a baseline: nothing it found can be told new)."""

    previous_run: str | None = None
    baseline: bool = False
    reports: frozenset = frozenset()
    findings: frozenset = frozenset()
    errors: frozenset = frozenset()

    @classmethod
    def of(cls, previous: dict | None) -> Known:
        if previous is None:
            return cls()
        if previous.get("identity") != IDENTITY:
            return cls(previous["started_at"], baseline=True)
        stored = [(tuple(key[:5]), key[5]) for key in previous["findings"]]
        return cls(previous["started_at"], False, frozenset(previous["reports"]),
                   frozenset(key for key, _ in stored),
                   frozenset(key for key, severity in stored if severity == ERROR))

    def is_new(self, key: tuple) -> bool:
        return self.previous_run is not None and not self.baseline and key not in self.findings


def news_between(audits: list[Audit], names: Identities, known: Known) -> dict:
    news = {"previous_run": known.previous_run, "baseline": known.baseline, "reports": [],
            "broken": {}, "errors": [], "unreadable": []}
    if known.baseline:
        return news
    news["reports"] = sorted({names.report(a) for a in audits} - known.reports)
    told = set(known.errors)
    for audit in audits:
        for finding in audit.findings:
            key = names.finding(audit, finding)
            if finding.severity == ERROR and key not in told:
                told.add(key)
                add_news(news, key[0], finding)
    return news


def add_news(news: dict, source: str, finding: Finding) -> None:
    """Each new error once: a broken link under its link, an unreadable report under its name."""
    if finding.code == "broken_link":
        news["broken"].setdefault(finding.url, []).append(source)
    elif finding.code == "unreadable_report":
        news["unreadable"].append(source)
    else:
        news["errors"].append({"source": source, "code": finding.code, "phase": finding.phase,
                               "platform": finding.platform, "url": finding.url,
                               "message": finding.message})


def news_text(news: dict, day: str) -> str:
    """What someone must read in the morning; empty when nothing is new."""
    if news["baseline"]:
        return BASELINE_TEXT
    first = news["previous_run"] is None
    if not first and not any(news[kind] for kind in ALARMS):
        return ""
    lines = [f"Auditoría nocturna del {day}"]
    if first:
        reports = plural(len(news["reports"]), "informe", "informes")
        lines.append(f"{FIRST_TEXT} ({reports}): {NO_PREVIOUS}.")
    if news["broken"]:
        lines.append("Enlaces rotos desde la ejecución anterior:")
        lines += [f"  - {url} ({', '.join(sources)})" for url, sources in news["broken"].items()]
    if news["unreadable"]:
        lines.append("Informes que ya no se pueden leer:")
        lines += [f"  - {source}" for source in news["unreadable"]]
    if news["errors"]:
        lines.append("Errores nuevos:")
        lines += [f"  - {error['source']}: {error['message']}" for error in news["errors"]]
    if news["reports"] and not first:
        lines.append(f"Informes nuevos: {len(news['reports'])}")
        lines += [f"  - {source}" for source in news["reports"]]
    return "\n".join(lines)


def page_note(known: Known, new_findings: int) -> str:
    if known.previous_run is None:
        return f"{FIRST_TEXT}: {NO_PREVIOUS}."
    if known.baseline:
        return f"{BASELINE_TEXT}; lo nuevo se marca desde la próxima ejecución."
    found = plural(new_findings, "hallazgo nuevo", "hallazgos nuevos")
    return (f"Desde la ejecución del {known.previous_run}: {found}"
            f"{' (marcados «nuevo»)' if new_findings else ''}.")


def chart_history(states: list[dict]) -> list[dict]:
    return [{"run": state["started_at"][:10], "platform": platform, **counts}
            for state in reversed(states) for platform, counts in state["totals"].items()]


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
    """Removes the pages of all but the newest `keep` runs (a run's .html and .json together);
    only names the nightly run makes, so nothing else in the folder is ever removed."""
    runs: dict[tuple, list[str]] = {}
    for name in os.listdir(folder):
        match = PAGE_NAME.fullmatch(name)
        if match:
            runs.setdefault(page_order(match), []).append(name)
    for order in sorted(runs)[:-keep]:
        for name in runs[order]:
            (folder / name).unlink(missing_ok=True)


def run_stem(out: Path, started_at: str) -> str:
    """auditoria-AAAA-MM-DD-HHMMSS, with -2, -3... if a run of the same second wrote it."""
    stem = f"auditoria-{started_at[:10]}-{started_at[11:19].replace(':', '')}"
    candidates = (stem if clash == 1 else f"{stem}-{clash}" for clash in count(1))
    return next(name for name in candidates
                if not any((out / f"{name}{ext}").exists() for ext in (".html", ".json")))


def write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".parcial")
    with open(fresh_file(partial, 0o666), "w", encoding="utf-8") as handle:  # the umask applies
        handle.write(text)
    partial.replace(path)


def publish(options: NightlyOptions, started_at: str, page: str, data: dict) -> Path:
    out = options.out_dir
    out.mkdir(parents=True, exist_ok=True)
    stem = run_stem(out, started_at)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    for name, text in ((f"{stem}.html", page), (f"{stem}.json", body),
                       ("ultimo.html", page), ("ultimo.json", body)):
        write_atomically(out / name, text)
    keep_latest_runs(out, options.keep)
    return out / f"{stem}.html"


def back_up(store, db_path: Path, keep: int) -> None:
    """The copy is made under a name outside the rotation and renamed when whole, so a run
    killed while copying leaves no half copy counted among the backups."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    partial = db_path.with_name(f"{db_path.name}.respaldo.parcial")
    store.backup(partial)
    partial.replace(db_path.with_name(f"{db_path.name}.respaldo-{stamp}"))
    keep_latest(db_path.parent, rf"{re.escape(db_path.name)}\.respaldo-{STAMP}", keep)


def audit_folder(store, options: NightlyOptions, harvest: HarvestOptions, started_at: str
                 ) -> tuple[list[Audit], dict[str, list[str]]]:
    """Every report of the folder audited (an unreadable one as its finding), sorted by path,
    and the links of each report read."""
    folder = str(options.folder.resolve())
    paths, outside = reports_in(options.folder)
    reads, problems = read_entries([Entry("report", str(path)) for path in paths],
                                   options.read_seconds)
    problems += outside
    bounded = replace(harvest, deadline=time.monotonic() + options.minutes * 60)
    targets = targets_for([link.url for read in reads for link in read.report.links()])
    with platform_progress(targets, enabled=options.progress) as advance:
        audits = review(store, reads, bounded, command=f"auditor nocturno {folder}",
                        accounts=options.accounts, window_days=options.window_days,
                        on_done=advance)
    audits += [unreadable_audit(problem, started_at) for problem in problems]
    audits.sort(key=lambda audit: audit.source)
    return audits, {read.report.source: link_keys(read.report) for read in reads}


def run_nightly(store, db_path: Path, options: NightlyOptions,
                harvest: HarvestOptions) -> NightlyResult:
    started_at = now_iso()
    folder = str(options.folder.resolve())
    store.check_intact()  # nothing is published from, or backed up of, a damaged store
    audits, keys = audit_folder(store, options, harvest, started_at)
    names = Identities(options.folder)
    state = state_of(audits, names)
    history = store.nightly_states(folder, options.keep)
    known = Known.of(history[0] if history else None)
    news = news_between(audits, names, known)
    found_changes = changes(store, [{**a.to_dict(), "links": keys.get(a.source, [])}
                                    for a in audits])
    history = [{"started_at": started_at, **state}, *history]

    def is_new(audit: Audit, finding: Finding) -> bool:
        return known.is_new(names.finding(audit, finding))

    fresh = sum(is_new(a, f) for a in audits for f in a.findings)
    page = render_html(audits, changes=found_changes, history=chart_history(history),
                       title=f"Auditoría nocturna del {started_at[:10]}",
                       generated_at=started_at, is_new=is_new, note=page_note(known, fresh))
    data = {"generated_at": started_at, "folder": folder, "news": news,
            "changes": found_changes, "reports": [audit.to_dict() for audit in audits]}
    dated = publish(options, started_at, page, data)
    store.record_nightly(started_at=started_at, folder=folder, state=state)
    back_up(store, db_path, options.backups)
    return NightlyResult(audits, news, dated, started_at)
