"""The one base of cosecha's own exceptions: a problem a person can act on, whose message is a
short Spanish phrase (a report that cannot be read, a credentials file refused)."""


class CosechaError(Exception):
    """A problem with what cosecha was given; the message is Spanish and says what is wrong."""
