"""The one base of the auditor's own exceptions, whose message is one Spanish line."""

from __future__ import annotations


class AuditorError(Exception):
    """A problem a person can act on; the message is Spanish and says what to do."""


class Refusal(AuditorError):
    """What was asked is refused: no acta for this report, a confirmation not recorded."""
