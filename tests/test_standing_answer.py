"""A known answer is never forgotten: the latest conclusive check stands until a newer
conclusive one, and a newer inconclusive check is shown beside it as the last attempt."""

import json
import time
from datetime import UTC, datetime

import pytest

from auditor.cli import main as auditor
from cosecha.cli import main as cosecha
from datos import open_store

DELETED = "1940055112992317884"
TWEET = f"https://x.com/CNE_StaElena/status/{DELETED}"
REPORT = f"Informe de rendición de cuentas\n\nFase A: convocatoria\nX: 1 publicación.\n{TWEET}\n"


def link():
    return {"canonical_url": TWEET, "platform": "x", "post_id": DELETED, "account": "CNE_StaElena"}


def check(store, status, reason=None, when="2025-11-29T07:31:00Z"):
    store.record_check(link=link(), run_id=None, url=TWEET, checked_at=when, status=status,
                       reason=reason)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "c.db")
    yield opened
    opened.close()


@pytest.fixture
def quito(monkeypatch):
    """Local time is Ecuador's (UTC-5), whatever the machine's."""
    monkeypatch.setenv("TZ", "America/Guayaquil")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def local(checked_at: str) -> str:
    moment = datetime.strptime(checked_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m %H:%M")


# the store


def test_a_broken_link_stays_broken_after_an_inconclusive_check(store):
    check(store, "broken", "deleted", when="2025-11-28T07:00:00Z")
    check(store, "unverified", "rate_limited")
    row, attempt = store.standing(TWEET)
    assert (row["status"], row["reason"]) == ("broken", "deleted")
    assert (attempt["status"], attempt["reason"]) == ("unverified", "rate_limited")


def test_the_store_views_show_the_standing_and_the_latest_check_apart(store):
    check(store, "broken", "deleted")
    check(store, "unverified", "rate_limited")  # the same second: the row id orders them
    view = {name: store.db.execute(f"SELECT status FROM {name}").fetchall()
            for name in ("standing_checks", "latest_checks")}
    assert view == {"standing_checks": [("broken",)], "latest_checks": [("unverified",)]}


def test_a_newer_conclusive_check_replaces_the_standing_one_and_clears_the_attempt(store):
    check(store, "broken", "deleted")
    check(store, "unverified", "timeout")
    check(store, "alive")
    row, attempt = store.standing(TWEET)
    assert row["status"] == "alive" and attempt is None


def test_a_link_never_conclusively_checked_stands_on_its_latest_check(store):
    check(store, "unverified", "login_wall")
    check(store, "unverified", "rate_limited")
    row, attempt = store.standing(TWEET)
    assert row["reason"] == "rate_limited" and attempt is None


@pytest.mark.parametrize("first, then", [("manual", "auto"), ("auto", "manual")])
def test_checks_in_the_same_second_are_ordered_as_they_were_recorded(store, first, then):
    same_second = "2025-11-29T07:31:00Z"
    said = {"manual": "alive", "auto": "broken"}
    for source in (first, then):
        if source == "manual":
            store.record_manual(link=link(), url=TWEET, status="alive", checked_by="ana",
                                note=None, checked_at=same_second)
        else:
            check(store, "broken", "deleted", when=same_second)
    row, _ = store.standing(TWEET)
    assert (row["source"], row["status"]) == (then, said[then])
    assert [c["source"] for c in store.history(TWEET)] == [first, then]


# the commands


def deleted_then_limited(plataformas, run):
    """A run that finds the post deleted, then one answered 429: the second run's result."""
    plataformas.x_scenario(DELETED, "deleted")
    assert run("--refrescar")[0] == 1
    plataformas.x_scenario(DELETED, "rate_limited")
    return run("--refrescar", "--reintentos", "0")


def printing(main, capsys):
    def run(*argv):
        code = main(list(argv))
        return code, capsys.readouterr().out
    return run


def test_cosecha_shows_the_standing_answer_and_its_last_attempt(plataformas, tmp_path, capsys,
                                                                quito):
    command = printing(cosecha, capsys)
    base = (TWEET, "--db", str(tmp_path / "c.db"), "--remap", plataformas.remap)

    code, out = deleted_then_limited(plataformas,
                                     lambda *o: command(*base, "--formato", "json", *o))
    [row] = json.loads(out)
    assert code == 1 and (row["status"], row["reason"]) == ("broken", "deleted")
    attempt = row["last_attempt"]
    assert (attempt["status"], attempt["reason"]) == ("unverified", "rate_limited")
    code, out = command(*base, "--sin-red")  # from the store: the same attempt
    assert code == 1
    assert (f"roto: {TWEET} (eliminado por su autor · la última consulta fue limitada, "
            f"{local(attempt['checked_at'])})") in out


def test_revisar_keeps_the_broken_verdict_and_says_the_last_attempt(plataformas, tmp_path,
                                                                   capsys, quito):
    report = tmp_path / "informe.txt"
    report.write_text(REPORT, encoding="utf-8")
    command = printing(auditor, capsys)
    base = ("revisar", str(report), "--db", str(tmp_path / "c.db"), "--remap", plataformas.remap)

    code, out = deleted_then_limited(plataformas,
                                     lambda *o: command(*base, "--formato", "json", *o))
    [broken] = [f for f in json.loads(out)["reports"][0]["findings"] if f["code"] == "broken_link"]
    assert code == 1 and broken["last_attempt"]["reason"] == "rate_limited"
    code, out = command(*base, "--formato", "markdown", "--sin-red")
    assert code == 1
    assert (f"Enlace roto: eliminado por su autor · la última consulta fue limitada, "
            f"{local(broken['last_attempt']['checked_at'])}") in out
