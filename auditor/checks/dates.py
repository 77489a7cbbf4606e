"""Findings about dates: posts outside the report's window, activity outside its period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from cosecha.labels import day, month

from ..model import ERROR, WARNING, Finding
from .finding import about_link, about_report
from .subject import Entry, Subject

PERIOD_SLACK = timedelta(days=7)
# a report dated D may cite a post made late on D anywhere on Earth (UTC-12): posts are in UTC
LATEST_OFFSET = timedelta(days=1, hours=12)


def out_of_window(subject: Subject) -> Iterator[Finding]:
    for entry in subject.entries:
        if entry.listed_post and entry.published is not None:
            found = _window_finding(subject, entry)
            if found is not None:
                yield found


def period_mismatches(subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report.period is None:
        return
    period = report.period
    outside = [m for m in report.months_mentioned
               if m[:7] < period.start[:7] or m[:7] > period.end[:7]]
    if outside:
        months = ", ".join(month(m) for m in outside)
        start, end = _period(subject)
        span = (f"{day(start)} a {day(end)}" if start and end
                else f"{period.start} a {period.end}")
        yield about_report("period_mismatch", WARNING,
                           f"El texto sitúa actividad en {months}, fuera del periodo del informe "
                           f"({period.label}: {span})")


def _window_finding(subject: Subject, entry: Entry) -> Finding | None:
    report = subject.report
    posted = entry.published.astimezone(UTC)
    signed, event = _day(report.report_date), _day(report.event_date)
    said = f"Publicación del {day(posted.date())}{_source(entry)}"
    if signed and posted > _start_of(signed) + LATEST_OFFSET:
        return about_link("out_of_window", ERROR, entry,
                          f"{said}, posterior a la fecha del informe ({day(signed)})")
    if event:
        if posted.date() < event - timedelta(days=subject.window_days):
            return about_link("out_of_window", WARNING, entry,
                              f"{said}, más de {subject.window_days} días antes del evento "
                              f"({day(event)})")
        return None
    start, end = _period(subject)
    if start and end and not start - PERIOD_SLACK <= posted.date() <= end + PERIOD_SLACK:
        return about_link("out_of_window", WARNING, entry,
                          f"{said}, a más de 7 días del periodo del informe "
                          f"({subject.report.period.label})")
    return None


def _period(subject: Subject) -> tuple[date | None, date | None]:
    period = subject.report.period
    return (_day(period.start), _day(period.end)) if period else (None, None)


def _source(entry: Entry) -> str:
    return " (fecha deducida del enlace)" if entry.dated_offline else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
