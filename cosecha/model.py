"""What a report says, as plain data: phases, claims, breakdowns and links."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class BreakdownItem:
    label: str
    count: int
    line: int


@dataclass
class Claim:
    platform: str  # an adapter name ("x", "facebook", ...) or "all" for a total across networks
    count: float | int
    unit: str  # "posts" | "percent"
    line: int
    breakdown: list[BreakdownItem] = field(default_factory=list)
    covers: list[str] = field(default_factory=list)  # keys of the phases it counts or sums
    approximate: str | None = None  # None | "more_than" | "at_least" | "about" | "less_than"


@dataclass
class Link:
    url: str  # as found in the report (after trimming punctuation)
    platform: str
    listed_as: str | None
    post_id: str | None
    account: str | None
    canonical_url: str | None
    line: int


PHASE, SUMMARY, ANNEX = "phase", "summary", "annex"


@dataclass
class Phase:
    key: str
    title: str
    line: int | None
    claims: list[Claim] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    kind: str = PHASE  # PHASE | SUMMARY (restates the phases) | ANNEX (evidence after them)


@dataclass
class Period:
    label: str
    start: str  # ISO date
    end: str


@dataclass
class ReportWarning:
    line: int
    message: str  # Spanish, shown to the user


@dataclass
class Report:
    source: str
    title: str
    institution: str
    event_date: str | None = None
    report_date: str | None = None
    period: Period | None = None
    months_mentioned: list[str] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def links(self) -> list[Link]:
        return [link for phase in self.phases for link in phase.links]
