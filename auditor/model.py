"""The audit of one report, as plain data (the JSON of `auditor revisar`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ERROR, WARNING, INFO = "error", "warning", "info"

# verdict codes (JSON)
READY = "ready_to_sign"
RESERVATIONS = "sign_with_reservations"
REVIEW = "review_before_signing"


@dataclass
class Standing:
    """The latest word on one link: from the harvester, the store, or a person."""

    status: str  # alive | broken | unverified | invalid | refused
    reason: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601 UTC
    checked_at: str | None = None
    manual: bool = False  # confirmed by a person (`auditor confirmar`)
    # a newer inconclusive check than the one that stands: {checked_at, status, reason}
    last_attempt: dict | None = None
    title: str | None = None
    checked_by: str | None = None  # who confirmed it, when manual
    note: str | None = None  # what they wrote
    evidence_sha256: str | None = None  # the platform's record the check was read from
    archived_url: str | None = None  # the web archive's capture: a suggestion, never a status


@dataclass
class CoverageRow:
    phase: str
    platform: str
    claimed: float | int | None
    listed: int
    alive: int
    broken: int
    unverified: int


@dataclass
class Finding:
    code: str
    severity: str
    phase: str | None
    platform: str | None
    url: str | None
    line: int | None
    message: str  # Spanish
    last_attempt: dict | None = None  # of the link's evidence, when it has one
    archived_url: str | None = None  # a broken link's capture in the web archive, if any


@dataclass
class Audit:
    source: str
    sha256: str
    title: str
    institution: str
    event_date: str | None
    report_date: str | None
    verdict: str
    audited_at: str
    tool_version: str
    checks_from: str | None
    checks_to: str | None
    coverage: list[CoverageRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # every link as listed, with its evidence: {url, phase, platform, status, reason, author,
    # published_at, title, checked_at, manual: {by, at, note} | None, last_attempt,
    # evidence_sha256, archived_url}
    links: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        for finding in data["findings"]:  # the shape of issue 5, unless there is more to show
            for optional in ("last_attempt", "archived_url"):
                if finding[optional] is None:
                    del finding[optional]
        return data
