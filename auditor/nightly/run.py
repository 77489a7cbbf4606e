"""The nightly run itself: the folder read and packed, its links harvested within the time
limit, each report audited and published in turn, the summary page, the state the next run
compares with, the rotation and the backup."""

from __future__ import annotations

import pickle
import time
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from cosecha.cli_kit.progress import platform_progress
from cosecha.harvest import HarvestOptions, targets_for
from cosecha.inputs import Entry, InputProblem, reports_in
from cosecha.reader.sandbox import READ_SECONDS
from cosecha.schedule import run_order
from datos import evidence
from datos.store import now_iso

from ..model import ERROR, REVIEW, Audit, Finding
from ..render.nightly_html import render_nightly_summary, render_report_page
from ..render.nightly_text import page_note
from ..review import ReadReport, audit_one, harvest, link_keys, read_entries
from ..summary import platform_totals, report_row
from .files import (
    JsonStream,
    back_up,
    copy_atomically,
    keep_latest_runs,
    page_file,
    run_stem,
    write_atomically,
)
from .news import ALARMS, IDENTITY, Identities, Known, add_news, chart_history, recall

READ_BATCH = 250  # reports read at once: the reading workers start once per batch


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


def unreadable_audit(problem: InputProblem, audited_at: str) -> Audit:
    finding = Finding("unreadable_report", ERROR, None, None, None, None,
                      f"No se pudo leer el informe: {problem.message}")
    return Audit(problem.source, "", "", "", None, None, REVIEW, audited_at, "", None, None,
                 [], [finding])


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
    note = page_note(known.previous_run, known.baseline, night.fresh)
    page = render_nightly_summary(
        {"note": note, "news": night.news, "rows": night.rows,
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
