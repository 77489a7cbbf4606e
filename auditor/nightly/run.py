"""The nightly audit of a folder of reports: unattended, incremental, quiet unless news.

"News" is what went wrong since the previous nightly run over the same folder: a link newly
broken, a new error finding, a report newly unreadable. Old errors stay in the page but do not
wake anyone up again. A finding is told apart from another by the report's path in the folder,
its code, phase, platform and link: never by line number or message, which move when a line is
inserted above.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import re
import shutil
import time
import zlib
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

from cosecha.cli_kit.progress import platform_progress
from cosecha.harvest import HarvestOptions, now_iso, targets_for
from cosecha.inputs import Entry, InputProblem, reports_in
from cosecha.labels import plural
from cosecha.reader.bounded import READ_SECONDS
from cosecha.schedule import run_order
from datos import evidence, fresh_file

from .model import ERROR, REVIEW, Audit, Finding
from .render.nightly_html import render_nightly_summary, render_report_page
from .review import ReadReport, audit_one, harvest, link_keys, read_entries
from .summary import platform_totals, report_row

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
READ_BATCH = 250  # reports read at once: the reading workers start once per batch
# how a stored state identifies findings (3: a digest of each finding's identity); a state
# stored another way is a baseline
IDENTITY = 3
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
    reports: int
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

    def finding(self, audit: Audit, finding: Finding) -> str:
        return self.named(self.report(audit), finding)

    @staticmethod
    def named(report: str, finding: Finding) -> str:
        """A finding's identity once its report's name is known: report, code, phase, platform
        and link, as a short digest (a national run holds 100,000 of them, twice)."""
        parts = (report, finding.code, finding.phase, finding.platform, finding.url)
        text = "\x1f".join("" if part is None else part for part in parts)
        return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


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
        stored = previous["findings"]
        return cls(previous["started_at"], False, frozenset(previous["reports"]),
                   frozenset(key for key, _ in stored),
                   frozenset(key for key, severity in stored if severity == ERROR))

    def is_new(self, key: str) -> bool:
        return self.previous_run is not None and not self.baseline and key not in self.findings


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


def chart_history(runs: list[dict]) -> list[dict]:
    """The chart's points, oldest run first, from runs' {started_at, totals}, newest first."""
    return [{"run": run["started_at"][:10], "platform": platform, **counts}
            for run in reversed(runs) for platform, counts in run["totals"].items()]


def recall(store, folder: str, keep: int) -> tuple[Known, list[dict]]:
    """What the previous run found, and the totals of the runs before this one, newest first:
    carried in the previous state, so a run loads one state, not `keep` of them (each names
    every finding of its night), and keeps none of it whole."""
    previous = next(iter(store.nightly_states(folder, 1)), None)
    if previous is None or "history" in previous:
        return Known.of(previous), (previous or {}).get("history", [])[:keep]
    earlier = [{"started_at": state["started_at"], "totals": state["totals"]}
               for state in store.nightly_states(folder, keep)]  # states stored before issue 13
    return Known.of(previous), earlier


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


@dataclass
class Packed:
    """A report as read, kept compressed between harvesting its links and auditing it, so the
    run holds every report small and one report whole at a time."""

    source: str
    sha256: str
    blob: bytes

    @classmethod
    def of(cls, read: ReadReport) -> Packed:
        return cls(read.report.source, read.sha256, zlib.compress(pickle.dumps(read.report)))

    def read(self) -> ReadReport:
        return ReadReport(pickle.loads(zlib.decompress(self.blob)), self.sha256)


def read_folder(options: NightlyOptions) -> tuple[list[Packed], list[InputProblem]]:
    """Every report of the folder read (a batch at a time, within the reading limits) and
    packed, and those that could not be read."""
    paths, problems = reports_in(options.folder)
    packed = []
    for start in range(0, len(paths), READ_BATCH):
        entries = [Entry("report", str(path)) for path in paths[start:start + READ_BATCH]]
        reads, unread = read_entries(entries, options.read_seconds)
        packed += map(Packed.of, reads)
        problems += unread
    return packed, problems


def harvest_folder(store, packed: list[Packed], options: NightlyOptions,
                   harvest_options: HarvestOptions) -> None:
    urls = [link.url for item in packed for link in item.read().report.links()]
    targets = targets_for(urls)
    # a run with a time limit asks first what its reports most need
    order = run_order([link_keys(item.read().report) for item in packed], store.history)
    position = {key: index for index, key in enumerate(order)}
    targets.sort(key=lambda target: position.get(target.key, len(position)))
    bounded = replace(harvest_options, deadline=time.monotonic() + options.minutes * 60)
    command = f"auditor nocturno {options.folder.resolve()}"
    with platform_progress(targets, enabled=options.progress) as advance:
        harvest(store, targets, bounded, command, on_done=advance)


class Night:
    """What the run found, gathered one report at a time: what is new, the state the next run
    compares with, the summary page's rows, totals and changes."""

    def __init__(self, names: Identities, known: Known, changed: list[dict]):
        self.names, self.known = names, known
        self.reports: list[str] = []
        self.findings: set[tuple[str, str]] = set()  # (identity, severity)
        self.totals: dict[str, dict] = {}
        self.rows: list[dict] = []
        self.fresh = 0
        self.news = {"previous_run": known.previous_run, "baseline": known.baseline,
                     "reports": [], "broken": {}, "errors": [], "unreadable": []}
        self.told = set(known.errors)
        self.changed = changed
        self.sources: dict[str, list[str]] = {change["url"]: [] for change in changed}

    def is_new(self, audit: Audit, finding: Finding) -> bool:
        return self.known.is_new(self.names.finding(audit, finding))

    def add(self, audit: Audit, data: dict, links: list[str], page: str) -> None:
        name = self.names.report(audit)
        self.reports.append(name)
        keys = [(self.names.named(name, f), f) for f in audit.findings]
        self.findings.update((key, f.severity) for key, f in keys)
        fresh = sum(self.known.is_new(key) for key, _ in keys)
        self.fresh += fresh
        self.totals = add_totals(self.totals, platform_totals([data]))
        self.rows.append({**report_row(data), "title": audit.title, "page": page, "new": fresh})
        if not self.known.baseline:
            for key, finding in keys:
                if finding.severity == ERROR and key not in self.told:
                    self.told.add(key)
                    add_news(self.news, name, finding)
        for url in links:
            if url in self.sources:
                self.sources[url].append(audit.source)

    def finish(self) -> dict:
        if not self.known.baseline:
            self.news["reports"] = sorted(set(self.reports) - self.known.reports)
        return self.news

    def changes(self) -> list[dict]:
        """Links whose status changed and the reports that list them; newly broken first."""
        found = [{**change, "sources": sorted(set(self.sources[change["url"]]))}
                 for change in self.changed if self.sources[change["url"]]]
        found.sort(key=lambda change: change["seen_at"], reverse=True)
        return sorted(found, key=lambda change: change["to"] != "broken")

    def state(self, started_at: str, earlier: list[dict], keep: int) -> dict:
        return {
            "identity": IDENTITY,
            "reports": sorted(self.reports),
            "findings": sorted(self.findings),
            "totals": self.totals,
            "history": [{"started_at": started_at, "totals": self.totals}, *earlier][:keep],
        }


def add_totals(totals: dict[str, dict], more: dict[str, dict]) -> dict[str, dict]:
    merged = {platform: dict(counts) for platform, counts in totals.items()}
    for platform, counts in more.items():
        into = merged.setdefault(platform, dict.fromkeys(counts, 0))
        for name, value in counts.items():
            into[name] += value
    return dict(sorted(merged.items()))


def back_up(store, db_path: Path, keep: int) -> None:
    """The copy is made under a name outside the rotation and renamed when whole, so a run
    killed while copying leaves no half copy counted among the backups."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    partial = db_path.with_name(f"{db_path.name}.respaldo.parcial")
    store.backup(partial)
    partial.replace(db_path.with_name(f"{db_path.name}.respaldo-{stamp}"))
    keep_latest(db_path.parent, rf"{re.escape(db_path.name)}\.respaldo-{STAMP}", keep)


def audit_reports(store, packed: list[Packed], problems: list[InputProblem], options:
                  NightlyOptions, started_at: str):
    """Each report audited in turn, in the order of their paths (an unreadable one as its
    finding), with the keys of its links and the fields of the records its links stand on;
    nothing of one is kept for the next."""
    items = sorted([*packed, *problems], key=lambda item: item.source)
    for item in items:
        if isinstance(item, InputProblem):
            yield unreadable_audit(item, started_at), [], {}
            continue
        read = item.read()
        audit = audit_one(store, read, accounts=options.accounts, window_days=options.window_days)
        records = evidence.fields_of(store, (link["evidence_sha256"] for link in audit.links))
        yield audit, link_keys(read.report), records


def publish_reports(night: Night, reports, out: Path, stem: str, started_at: str,
                    folder: str) -> None:
    """Each report's page into the run's folder and its audit into the run's JSON, as it is
    audited."""
    pages = out / stem
    pages.mkdir()
    stream = JsonStream(out / f"{stem}.json", {"generated_at": started_at, "folder": folder})
    for index, (audit, links, records) in enumerate(reports, 1):
        name = page_file(index, audit.source)
        write_atomically(pages / name, render_report_page(
            audit, title=f"{audit.source} · auditoría nocturna del {started_at[:10]}",
            generated_at=started_at, summary=f"../{stem}.html", is_new=night.is_new,
            records=records))
        data = audit.to_dict()
        stream.add(data)
        night.add(audit, data, links, f"{stem}/{name}")
    stream.close({"news": night.finish(), "changes": night.changes()})


def run_nightly(store, db_path: Path, options: NightlyOptions,
                harvest_options: HarvestOptions) -> NightlyResult:
    started_at = now_iso()
    folder = str(options.folder.resolve())
    store.check_intact()  # nothing is published from, or backed up of, a damaged store
    known, earlier = recall(store, folder, options.keep)
    packed, problems = read_folder(options)
    harvest_folder(store, packed, options, harvest_options)
    night = Night(Identities(options.folder), known, store.status_changes())
    out = options.out_dir
    out.mkdir(parents=True, exist_ok=True)
    stem = run_stem(out, started_at)
    publish_reports(night, audit_reports(store, packed, problems, options, started_at),
                    out, stem, started_at, folder)
    state = night.state(started_at, earlier, options.keep)
    page = render_nightly_summary(
        {"note": page_note(known, night.fresh), "news": night.news, "rows": night.rows,
         "totals": night.totals, "changes": night.changes(),
         "history": chart_history(state["history"])},
        title=f"Auditoría nocturna del {started_at[:10]}", generated_at=started_at)
    write_atomically(out / f"{stem}.html", page)
    copy_atomically(out / f"{stem}.json", out / "ultimo.json")
    write_atomically(out / "ultimo.html", page)
    keep_latest_runs(out, options.keep)
    store.record_nightly(started_at=started_at, folder=folder, state=state)
    back_up(store, db_path, options.backups)
    return NightlyResult(len(night.reports), night.news, out / f"{stem}.html", started_at)
