"""Simulated nights of the re-check schedule (cosecha/schedule.py) beside a flat 20 h window.

    .venv/bin/python -m bench.calendario [--enlaces 10000] [--noches 30] [--semilla 11]

No network and no store: every link keeps a history in the store's shape, and each night a
link is asked when `cosecha.schedule.is_due` says so, the very question the harvester asks
(the flat window: when its last conclusive answer is older than 20 h, as `--ttl 20` does).

The world, the same for both: publication dates spread over the 60 days before the first night
and the nights simulated, a link known from the first night after its publication (its report
came in); 70 % of posts give their date, 15 % none (age since first seen alive), 15 % sit
behind a login wall for good (keyless Facebook). 2 % of posts die, each at a random moment
after it was published and before the last night; a dead post answers broken (behind a wall,
the wall again: no schedule can see that). 1 % of requests time out. A night starts at 02:30
± 10 minutes and asks its links within the next hour.

Targets: from the 8th night on, ≤ 35 % of the flat window's requests; median days from a death
to its detection ≤ 1 for posts under 7 days old, ≤ 7 for older ones (a death not yet seen by
the last night counts as never seen).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cosecha.harvest import REUSABLE
from cosecha.schedule import is_due, moment

START = datetime(2025, 3, 1, tzinfo=UTC)
NIGHT = timedelta(hours=2, minutes=30)
DAY = timedelta(days=1)
PAST_DAYS = 60
KINDS = (("dated", 0.70), ("undated", 0.15), ("walled", 0.15))
DYING = 0.02
TIMEOUTS = 0.01
FLAT = timedelta(hours=20)
WARMUP = 7  # nights before the requests are compared
RATIO_TARGET = 0.35
DETECTION_TARGETS = {"menos de 7 días": 1.0, "7 días o más": 7.0}


@dataclass
class Post:
    kind: str
    published: datetime
    known: int  # the first night it is asked about
    death: datetime | None = None
    history: list[dict] = field(default_factory=list)


@dataclass
class Night:
    start: datetime
    offsets: list[float]  # minutes into the night each link is asked
    timeouts: set[int]  # links whose request times out tonight


def stamp(moment_: datetime) -> str:
    return moment_.strftime("%Y-%m-%dT%H:%M:%SZ")


def world(links: int, nights: int, rng: random.Random) -> list[Post]:
    kinds = rng.choices([kind for kind, _ in KINDS], [share for _, share in KINDS], k=links)
    first, end = START - PAST_DAYS * DAY, START + (nights - 1) * DAY + NIGHT
    posts = []
    for kind in kinds:
        published = first + (end - first) * rng.random()
        posts.append(Post(kind, published, known=max(0, (published - START).days + 1)))
    for post in rng.sample(posts, round(links * DYING)):
        since = max(post.published, START)
        post.death = since + (end - since) * rng.random()
    return posts


def night_plan(links: int, nights: int, rng: random.Random) -> list[Night]:
    plan = []
    for night in range(nights):
        start = START + night * DAY + NIGHT + timedelta(minutes=rng.uniform(-10, 10))
        offsets = [rng.uniform(0, 60) for _ in range(links)]
        timeouts = {i for i in range(links) if rng.random() < TIMEOUTS}
        plan.append(Night(start, offsets, timeouts))
    return plan


def answer(post: Post, when: datetime, timed_out: bool) -> dict:
    """What the platform tells at `when`, as a stored check."""
    if timed_out:
        status, reason = "unverified", "timeout"
    elif post.kind == "walled":
        status, reason = "unverified", "login_wall"
    elif post.death and post.death <= when:
        status, reason = "broken", "deleted"
    else:
        status, reason = "alive", None
    published = stamp(post.published) if post.kind == "dated" and not timed_out else None
    return {"status": status, "reason": reason, "checked_at": stamp(when),
            "published_at": published, "source": "auto"}


def flat_due(history: list[dict], now: datetime) -> bool:
    last = history[-1] if history else None
    return not (last and last["status"] in REUSABLE and now - moment(last["checked_at"]) < FLAT)


def run(posts: list[Post], plan: list[Night], due) -> list[int]:
    """Requests per night under one policy; each post's history is filled."""
    asked = []
    for number, night in enumerate(plan):
        count = 0
        for i, post in enumerate(posts):
            if post.known > number:
                continue
            now = night.start + timedelta(minutes=night.offsets[i])
            if due(post.history, now):
                post.history.append(answer(post, now, i in night.timeouts))
                count += 1
        asked.append(count)
    return asked


def detection_days(post: Post) -> float:
    """Days from the post's death to the first check that saw it broken; inf if none did."""
    seen = next((moment(c["checked_at"]) for c in post.history if c["status"] == "broken"), None)
    return (seen - post.death) / DAY if seen else float("inf")


def age_class(post: Post) -> str:
    return "menos de 7 días" if post.death - post.published < 7 * DAY else "7 días o más"


@dataclass
class Result:
    known: list[int]
    flat: list[int]
    scheduled: list[int]
    detection: dict[str, list[float]]  # age class at death: days to detection, scheduled
    flat_detection: dict[str, list[float]]
    walled_deaths: int

    @property
    def ratio(self) -> float:
        return sum(self.scheduled[WARMUP:]) / sum(self.flat[WARMUP:])


def detections(posts: list[Post]) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {name: [] for name in DETECTION_TARGETS}
    for post in posts:
        if post.death and post.kind != "walled":
            found[age_class(post)].append(detection_days(post))
    return found


def simulate(links: int, nights: int, seed: int) -> Result:
    rng = random.Random(seed)
    posts = world(links, nights, rng)
    plan = night_plan(links, nights, rng)
    flat = run(posts, plan, flat_due)
    flat_detection = detections(posts)
    for post in posts:
        post.history = []
    scheduled = run(posts, plan, is_due)
    known = [sum(post.known <= night for post in posts) for night in range(nights)]
    return Result(known, flat, scheduled, detections(posts), flat_detection,
                  sum(1 for post in posts if post.death and post.kind == "walled"))


def verdict(ok: bool) -> str:
    return "cumple" if ok else "NO CUMPLE"


def days(value: float) -> str:
    return "nunca" if value == float("inf") else f"{value:.1f} días".replace(".", ",")


def percent(value: float) -> str:
    return f"{value:.1%}".replace(".", ",").replace("%", " %")


def detection_ok(result: Result) -> bool:
    return all(statistics.median(result.detection[name]) <= limit
               for name, limit in DETECTION_TARGETS.items() if result.detection[name])


def report(result: Result) -> None:
    print(f"{'noche':>5} {'conocidos':>9} {'ventana 20 h':>12} {'calendario':>10} "
          f"{'proporción':>10}")
    for night, (known, flat, scheduled) in enumerate(zip(result.known, result.flat,
                                                         result.scheduled), start=1):
        print(f"{night:>5} {known:>9} {flat:>12} {scheduled:>10} {scheduled / flat:>9.0%}")
    print(f"Desde la noche {WARMUP + 1}: el calendario pide {sum(result.scheduled[WARMUP:])} "
          f"consultas y la ventana de 20 h {sum(result.flat[WARMUP:])}: {percent(result.ratio)} "
          f"(objetivo ≤ {percent(RATIO_TARGET)}: {verdict(result.ratio <= RATIO_TARGET)})")
    print("Días desde que una publicación muere hasta que una verificación la ve rota:")
    for name, limit in DETECTION_TARGETS.items():
        found, flat = result.detection[name], result.flat_detection[name]
        median = statistics.median(found) if found else float("inf")
        p90 = statistics.quantiles(found, n=10)[-1] if len(found) > 1 else median
        print(f"  publicadas hace {name} al morir: {len(found)} muertes, mediana "
              f"{days(median)} (ventana de 20 h: "
              f"{days(statistics.median(flat)) if flat else '-'}), "
              f"p90 {days(p90)}, sin ver antes de la última noche "
              f"{sum(value == float('inf') for value in found)} (objetivo de la mediana ≤ "
              f"{days(limit)}: {verdict(median <= limit)})")
    print(f"  tras un muro de inicio de sesión: {result.walled_deaths} muertes que ninguna "
          "verificación sin credenciales ve, con calendario o sin él")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Simula noches del calendario de verificación frente a una ventana fija "
                    "de 20 h.")
    parser.add_argument("--enlaces", type=int, default=10_000, help="cuántos enlaces (10000)")
    parser.add_argument("--noches", type=int, default=30, help="cuántas noches (30)")
    parser.add_argument("--semilla", type=int, default=11, help="semilla del azar (11)")
    args = parser.parse_args()
    print(f"Calendario de verificación: {args.enlaces} enlaces, {args.noches} noches, "
          f"semilla {args.semilla}")
    result = simulate(args.enlaces, args.noches, args.semilla)
    report(result)
    if result.ratio > RATIO_TARGET or not detection_ok(result):
        sys.exit(1)


if __name__ == "__main__":
    main()
