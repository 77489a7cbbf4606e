"""A claim's number as a range: exact, or the bounds an approximate figure allows."""

from __future__ import annotations

import math

from cosecha.labels import number
from cosecha.model import Claim

ABOUT_SHARE = 0.2  # "alrededor de 15" holds within ±20 %, and at least ±1
_WORDS = {"more_than": "más de", "at_least": "al menos", "about": "alrededor de",
          "less_than": "menos de"}

Bounds = tuple[float, float]


def bounds(claim: Claim) -> Bounds:
    count = claim.count
    match claim.approximate:
        case "more_than":
            return count + 1, math.inf
        case "at_least":
            return count, math.inf
        case "about":
            slack = max(1, ABOUT_SHARE * count)
            return count - slack, count + slack
        case "less_than":
            return 0, count - 1
    return count, count


def summed(claims: list[Claim]) -> Bounds:
    ranges = [bounds(claim) for claim in claims]
    return sum(low for low, _ in ranges), sum(high for _, high in ranges)


def holds(value: float, allowed: Bounds) -> bool:
    return allowed[0] <= value <= allowed[1]


def overlap(one: Bounds, other: Bounds) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def figure(claims: list[Claim]) -> str:
    """How the claims' number reads: "5", "más de 30", "alrededor de 15 (en total)"."""
    total = sum(claim.count for claim in claims)
    kinds = {claim.approximate for claim in claims} - {None}
    if not kinds:
        return number(total)
    words = _WORDS[kinds.pop()] if len(kinds) == 1 else "alrededor de"
    return f"{words} {number(total)}"
