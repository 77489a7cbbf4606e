"""When a link is due for another check: the older a live post, the longer its answer holds.

Everything here reads a link's checks as the store gives them (`Store.history`: oldest first),
and only the automatic ones: a person's confirmation is not the platform's answer, so it moves
nothing in the calendar. The intervals are data; the functions only pick a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

DAY = timedelta(days=1)
# a run that starts a little earlier than the night before still finds its links due: every
# interval is whole nights less this margin ("one night" is the 20 h of the flat window)
SLACK = timedelta(hours=4)
# a live post: (age below which this applies, nights between checks); the age is taken at its
# last check, since its publication date or, without one, since it was first seen alive
ALIVE_NIGHTS = ((timedelta(days=7), 1), (timedelta(days=30), 3), (timedelta.max, 7))
BROKEN_NIGHTS = 7
# the same wall at 1, 2, 3 and 4 or more checks running (platform answers that are not the post)
WALLS = ("login_wall", "consent_wall", "blocked")
WALL_NIGHTS = (1, 2, 4, 7)
CONCLUSIVE = ("alive", "broken")
NEVER = datetime.min.replace(tzinfo=UTC)  # the due date of a link never asked


def due_at(history: list[dict]) -> datetime | None:
    """When the link should be asked again; None if it never was (it is due now). Anything
    but a live post, a broken one or a wall (a timeout, the run's time limit...) is due at
    once, as every inconclusive check always was."""
    asked = [check for check in history if check.get("source", "auto") == "auto"]
    if not asked:
        return None
    return moment(asked[-1]["checked_at"]) + wait_of(asked)


def is_due(history: list[dict], now: datetime) -> bool:
    due = due_at(history)
    return due is None or now >= due


def wait_of(asked: list[dict]) -> timedelta:
    """How long the last automatic check holds."""
    last = asked[-1]
    if last["status"] == "alive":
        age = moment(last["checked_at"]) - born(asked)
        return nights(next(count for limit, count in ALIVE_NIGHTS if age < limit))
    if last["status"] == "broken":
        return nights(BROKEN_NIGHTS)
    if last["status"] == "unverified" and last.get("reason") in WALLS:
        return nights(WALL_NIGHTS[min(streak(asked), len(WALL_NIGHTS)) - 1])
    return timedelta(0)


def nights(count: int) -> timedelta:
    return count * DAY - SLACK


def born(asked: list[dict]) -> datetime:
    """The post's publication date (the latest one a check gave), else when first seen alive."""
    for check in reversed(asked):
        published = moment(check.get("published_at"))
        if published:
            return published
    return moment(next(check for check in asked if check["status"] == "alive")["checked_at"])


def streak(asked: list[dict]) -> int:
    """How many checks running, up to the last, met the same wall."""
    last = asked[-1]
    count = 0
    for check in reversed(asked):
        if (check["status"], check.get("reason")) != (last["status"], last.get("reason")):
            break
        count += 1
    return count


def moment(text: str | None) -> datetime | None:
    """A stored ISO 8601 time; one without a zone is UTC, one that is not a time is None."""
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def answered(history: list[dict]) -> bool:
    """Whether a conclusive answer stands for the link (a person's counts, as in the store)."""
    return any(check["status"] in CONCLUSIVE for check in history)


def run_order(reports: Iterable[list[str]], history: Callable[[str], list[dict]]) -> list[str]:
    """Every link key once, in the order a run with a time limit should ask them: the links
    of reports not yet conclusive (a link without a conclusive answer) first, then by due
    date, never-asked links before all; ties keep the reports' order. Each history is read
    once and only its verdict kept, so a folder of thousands of reports fits in memory."""
    reports = list(reports)
    known: dict[str, tuple[bool, datetime]] = {}
    for key in dict.fromkeys(key for keys in reports for key in keys):
        checks = history(key)
        known[key] = answered(checks), due_at(checks) or NEVER
    pending = {key for keys in reports if not all(known[k][0] for k in keys) for key in keys}
    return sorted(known, key=lambda key: (key not in pending, known[key][1]))
