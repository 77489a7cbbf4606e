"""What changed between nightly runs: findings told apart by identity (report, code, phase,
platform and link), what the previous run over the folder knew, the data of the news (what is new
since then) and the runs' totals for the chart."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import ERROR, Audit, Finding

# how a stored state identifies findings (3: a digest of each finding's identity); a state
# stored another way is a baseline
IDENTITY = 3
ALARMS = ("broken", "errors", "unreadable")


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
