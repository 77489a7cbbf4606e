"""The re-check schedule (cosecha/schedule.py): each rule at its boundaries, and the order of a
run with a time limit. The bench that measures it runs here small, with its targets."""

from datetime import UTC, datetime, timedelta

import pytest

from bench.calendario import simulate
from cosecha.schedule import due_at, is_due, run_order

NOW = datetime(2025, 6, 1, 2, 30, tzinfo=UTC)
H, D = timedelta(hours=1), timedelta(days=1)


def check(status="alive", at=NOW, reason=None, published=None, source="auto"):
    return {"status": status, "reason": reason, "published_at": published, "source": source,
            "checked_at": at.strftime("%Y-%m-%dT%H:%M:%SZ")}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def held(history):
    """How long the last check holds: from its time to when the link is due again."""
    return due_at(history) - NOW


def test_a_link_never_asked_is_due_now_even_if_a_person_confirmed_it():
    assert due_at([]) is None and is_due([], NOW)
    confirmed = [check("alive", reason="manual", source="manual")]
    assert due_at(confirmed) is None and is_due(confirmed, NOW)


@pytest.mark.parametrize("age, nights", [
    (6 * D + 23 * H, 1), (7 * D, 3), (29 * D + 23 * H, 3), (30 * D, 7), (400 * D, 7)])
def test_a_live_post_is_asked_again_after_one_three_or_seven_nights_by_its_age(age, nights):
    history = [check(published=iso(NOW - age))]
    assert held(history) == nights * D - 4 * H


def test_under_seven_days_old_a_live_post_is_due_after_20_hours_not_before():
    history = [check(published=iso(NOW - 2 * D))]
    assert not is_due(history, NOW + 20 * H - timedelta(seconds=1))
    assert is_due(history, NOW + 20 * H)


def test_a_run_a_few_minutes_earlier_three_nights_later_still_finds_a_three_night_post_due():
    history = [check(published=iso(NOW - 10 * D))]
    assert is_due(history, NOW + 3 * D - 15 * timedelta(minutes=1))


def test_without_a_date_the_age_counts_from_when_the_post_was_first_seen_alive():
    walled_then_alive = [check("unverified", NOW - 40 * D, reason="login_wall"),
                         check("alive", NOW - 10 * D), check("alive", NOW)]
    assert held(walled_then_alive) == 3 * D - 4 * H  # 10 days since first seen alive
    assert held([check("alive", NOW - 40 * D), check("alive", NOW)]) == 7 * D - 4 * H


def test_the_publication_date_wins_over_first_seen_and_the_latest_date_given_counts():
    first_seen_today = [check(published=iso(NOW - 60 * D))]
    assert held(first_seen_today) == 7 * D - 4 * H
    corrected = [check(NOW - 1 * D, published=iso(NOW - 60 * D)),
                 check(published=iso(NOW - 2 * D))]
    assert held(corrected) == 1 * D - 4 * H


@pytest.mark.parametrize("published", ["2025-05-30", "2025-05-30T10:00:00-05:00"])
def test_a_date_without_time_or_with_an_offset_is_read(published):
    assert held([check("alive", NOW - 60 * D), check(published=published)]) == 1 * D - 4 * H


def test_a_date_that_is_not_a_date_falls_back_to_first_seen_alive():
    assert held([check("alive", NOW - 60 * D), check(published="ayer")]) == 7 * D - 4 * H


@pytest.mark.parametrize("published", [None, iso(NOW - 1 * D)])
def test_a_broken_post_is_asked_again_weekly_whatever_its_age(published):
    assert held([check("broken", reason="deleted", published=published)]) == 7 * D - 4 * H


@pytest.mark.parametrize("running, nights", [(1, 1), (2, 2), (3, 4), (4, 7), (6, 7)])
def test_the_same_wall_night_after_night_backs_off_one_two_four_then_seven_nights(running, nights):
    history = [check("unverified", NOW - (running - 1 - n) * D, reason="login_wall")
               for n in range(running)]
    assert held(history) == nights * D - 4 * H


def test_the_backoff_starts_again_when_the_wall_changes():
    walls = [check("unverified", NOW - (3 - n) * D, reason="login_wall") for n in range(3)]
    assert held([*walls, check("unverified", reason="consent_wall")]) == 1 * D - 4 * H


def test_the_backoff_starts_again_after_a_conclusive_answer():
    walls = [check("unverified", NOW - (4 - n) * D, reason="login_wall") for n in range(3)]
    between = [*walls, check("alive", NOW - 1 * D), check("unverified", reason="login_wall")]
    assert held(between) == 1 * D - 4 * H


def test_a_persons_confirmation_does_not_break_a_walls_backoff():
    history = [check("unverified", NOW - 2 * D, reason="login_wall"),
               check("alive", NOW - 1 * D, reason="manual", source="manual"),
               check("unverified", reason="login_wall")]
    assert held(history) == 2 * D - 4 * H


@pytest.mark.parametrize("reason", ["timeout", "time_limit", "rate_limited", "offline",
                                    "unexpected: ValueError: x"])
def test_an_answer_that_is_no_wall_is_due_again_at_once(reason):
    history = [check("unverified", NOW - D, reason="login_wall"),
               check("unverified", reason=reason)]
    assert due_at(history) == NOW and is_due(history, NOW)


def test_a_run_with_a_time_limit_asks_links_of_reports_not_yet_conclusive_first_then_by_due_date():
    histories = {
        "viejo-vivo": [check("alive", NOW - 10 * D, published=iso(NOW - 90 * D))],  # due ~3 d ago
        "nuevo": [],
        "muro": [check("unverified", NOW - 2 * D, reason="login_wall")],  # due ~1 d ago
        "vivo": [check("alive", NOW - 3 * D, published=iso(NOW - 5 * D))],  # due ~2 d ago
        "confirmado": [check("unverified", NOW - 2 * D, reason="login_wall"),  # due ~1 d ago
                       check("alive", NOW - 1 * D, reason="manual", source="manual")],
    }
    reports = [["viejo-vivo", "confirmado"], ["vivo", "muro"], ["nuevo", "vivo"]]
    read = []
    order = run_order(reports, lambda key: read.append(key) or histories[key])
    assert order == ["nuevo", "vivo", "muro", "viejo-vivo", "confirmado"]
    assert sorted(read) == sorted(histories)  # each history read once, "vivo" in two reports


def test_the_bench_meets_its_targets_on_a_small_world():
    result = simulate(links=1500, nights=30, seed=3)
    assert result.ratio <= 0.35
    young, old = result.detection.values()
    assert young and old
    assert sorted(young)[len(young) // 2] <= 1 and sorted(old)[len(old) // 2] <= 7
