"""What the reader itself flagged while reading the report (a link cut by export spaces)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import WARNING, Finding
from .subject import Subject


def reader_warnings(subject: Subject) -> Iterator[Finding]:
    """The reader's warnings, so the audit (and every table made from it) shows them too."""
    at_line = {link.line: (phase.key, link)
               for phase in subject.report.phases for link in phase.links}
    for warning in subject.report.warnings:
        phase, link = at_line.get(warning.line, (None, None))
        yield Finding("reader_warning", WARNING, phase, link.platform if link else None,
                      link.url if link else None, warning.line, warning.message)
