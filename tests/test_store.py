"""The store: named migrations, append-only history, clear refusals, settings at open, TTL
reuse, the latest check per link, and writers in two processes at once."""

import json
import multiprocessing
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from datos import StoreError, default_db_path, open_store
from datos.migrations import MIGRATIONS, NAMES

URL = "https://x.com/a/status/1"


def link(url=URL):
    return {"canonical_url": url, "platform": "x", "post_id": url.rsplit("/", 1)[-1],
            "account": "a"}


def hours_ago(hours: float) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def check(store, status="alive", url=URL, when=None, run_id=None, **extra):
    store.record_check(link=link(url), run_id=run_id, url=url, checked_at=when or hours_ago(0),
                       status=status, **extra)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "c.db")
    yield opened
    opened.close()


def test_a_store_opens_with_wal_a_busy_timeout_foreign_keys_and_its_schema_version(store):
    pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("busy_timeout") >= 30_000
    assert pragma("foreign_keys") == 1
    assert pragma("user_version") == len(NAMES)


def test_a_check_of_a_link_that_does_not_exist_is_rejected(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO checks (link_id, url, checked_at, status) "
                         "VALUES (999, 'u', 't', 'alive')")


def test_a_store_whose_schema_version_is_newer_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(NAMES) + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="versión más nueva"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_fresh_check_is_one_within_the_ttl(store):
    check(store, "alive", when=hours_ago(30))
    assert store.fresh_check(URL, ttl_hours=20) is None
    check(store, "broken", when=hours_ago(2))
    assert store.fresh_check(URL, ttl_hours=20)["status"] == "broken"
    assert store.fresh_check(URL, ttl_hours=1) is None
    assert store.fresh_check("https://x.com/a/status/2", ttl_hours=20) is None


def test_a_manual_confirmation_is_history_but_not_the_latest_automatic_check(store):
    check(store, "unverified", when=hours_ago(2), reason="login_wall")
    store.record_manual(link=link(), url=URL, status="alive", checked_by="ana", note="visto",
                        checked_at=hours_ago(1))
    assert store.latest_check(URL)["status"] == "unverified"
    assert store.latest_manual(URL)["checked_by"] == "ana"
    assert [row["source"] for row in store.history(URL)] == ["auto", "manual"]


def test_latest_checks_holds_one_row_per_link_the_newest(store):
    check(store, "alive", when=hours_ago(3))
    check(store, "broken", when=hours_ago(1), reason="deleted")
    check(store, "alive", url="https://x.com/a/status/2", when=hours_ago(5))
    rows = {row["canonical_url"]: row["status"]
            for row in store.db.query("SELECT * FROM latest_checks")}
    assert rows == {URL: "broken", "https://x.com/a/status/2": "alive"}


def test_a_share_link_keeps_what_the_platform_resolved_it_to(store):
    share = "https://www.facebook.com/share/p/abc/"
    store.record_check(link={**link(share), "resolved_id": "pfbid0abc",
                             "resolved_url": "https://www.facebook.com/c/posts/pfbid0abc"},
                       run_id=None, url=share, checked_at=hours_ago(1), status="alive")
    check(store, "unverified", url=share, reason="login_wall")  # resolved nothing this time
    [row] = store.db.query("SELECT resolved_id, resolved_url FROM links")
    assert row == {"resolved_id": "pfbid0abc",
                   "resolved_url": "https://www.facebook.com/c/posts/pfbid0abc"}


def test_a_run_records_its_command_and_counts(store):
    run_id = store.start_run("cosecha informe.md")
    check(store, run_id=run_id)
    store.finish_run(run_id, {"alive": 1})
    [run] = store.db.query("SELECT * FROM runs")
    assert run["command"] == "cosecha informe.md" and run["finished_at"]
    assert json.loads(run["counts"]) == {"alive": 1}


def test_the_default_store_is_cosecha_db_when_set(monkeypatch, tmp_path):
    monkeypatch.setenv("COSECHA_DB", str(tmp_path / "otra.db"))
    assert default_db_path() == tmp_path / "otra.db"
    monkeypatch.delenv("COSECHA_DB")
    assert default_db_path().name == "cosecha.db" and "cosecha" in default_db_path().parts


def write_checks(path: str, prefix: str, count: int) -> None:
    store = open_store(path)
    run_id = store.start_run(prefix)
    for n in range(count):
        check(store, url=f"https://x.com/{prefix}/status/{n % 50}", run_id=run_id)
    store.finish_run(run_id, {"alive": count})
    store.close()


def test_two_processes_writing_at_once_lose_no_check(tmp_path):
    path = str(tmp_path / "c.db")
    context = multiprocessing.get_context("spawn")  # two fresh interpreters, each opening cold
    writers = [context.Process(target=write_checks, args=(path, name, 200))
               for name in ("uno", "dos")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    store = open_store(path)
    one = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT count(*) FROM checks") == 400
    assert one("SELECT count(*) FROM links") == 100
    assert one("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == 2
    assert one("PRAGMA integrity_check") == "ok"
    store.close()


def open_new_stores(folder: str, trials: int, start) -> list[str]:
    """For each trial, waits for every opener, then opens (creating) the same new store."""
    failures = []
    for trial in range(trials):
        start.wait()
        try:
            store = open_store(f"{folder}/t{trial}.db")
            store.start_run("abrir")
            store.close()
        except StoreError as problem:
            failures.append(f"{trial}: {problem}")
    return failures


def test_many_processes_creating_one_new_store_at_once_all_wait_and_succeed(tmp_path):
    openers, trials = 5, 15
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(openers) as pool:
        start = manager.Barrier(openers)
        failures = pool.starmap(open_new_stores, [(str(tmp_path), trials, start)] * openers)
    assert [f for found in failures for f in found] == []
    for trial in range(trials):
        store = open_store(tmp_path / f"t{trial}.db")
        assert store.db.execute("SELECT count(*) FROM runs").fetchone()[0] == openers
        assert (store.db.journal_mode == "wal"
                and (tmp_path / f"t{trial}.db").stat().st_mode & 0o777 == 0o600)
        store.close()
    assert not list(tmp_path.glob(".*.nueva*"))


LINK = {"canonical_url": "https://x.com/a/status/1", "platform": "x", "post_id": "1",
        "account": "a", "resolved_id": None, "resolved_url": None}


def add_check(store, status="alive", url=LINK["canonical_url"], when="2026-01-01T00:00:00Z"):
    store.record_check(link={**LINK, "canonical_url": url}, run_id=None, url=url,
                       checked_at=when, status=status)


def test_every_migration_is_recorded_once_and_reopening_applies_nothing(tmp_path):
    open_store(tmp_path / "c.db").close()
    store = open_store(tmp_path / "c.db")
    applied = [m.name for m in MIGRATIONS.applied(store.db)]
    assert applied == NAMES
    store.close()


def test_a_store_from_the_first_version_is_migrated_in_place_without_losing_rows(tmp_path):
    path = tmp_path / "vieja.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=NAMES[1])
    old.execute("INSERT INTO links (canonical_url, platform, first_seen) VALUES ('u', 'x', 't')")
    old.execute("INSERT INTO checks (link_id, url, checked_at, status) "
                "VALUES (1, 'u', 't', 'alive')")
    old.conn.commit()
    old.close()
    store = open_store(path)
    assert [m.name for m in MIGRATIONS.applied(store.db)] == NAMES
    assert store.latest_check("u")["status"] == "alive"
    assert store.db["audits"].exists()
    store.close()


def test_a_store_from_a_newer_version_is_refused_in_spanish(tmp_path):
    store = open_store(tmp_path / "c.db")
    store.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('cosecha', 'm999_futuro', 'x')")
    store.close()
    with pytest.raises(StoreError, match="versión más nueva"):
        open_store(tmp_path / "c.db")


def test_checks_cannot_be_changed_or_deleted(tmp_path):
    store = open_store(tmp_path / "c.db")
    add_check(store)
    for sql in ("UPDATE checks SET status = 'broken'", "DELETE FROM checks"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.db.execute(sql)
    assert store.latest_check(LINK["canonical_url"])["status"] == "alive"
    store.close()


def test_history_keeps_every_check_and_latest_is_the_newest(tmp_path):
    store = open_store(tmp_path / "c.db")
    add_check(store, "alive", when="2026-01-01T00:00:00Z")
    add_check(store, "broken", when="2026-01-02T00:00:00Z")
    assert [c["status"] for c in store.history(LINK["canonical_url"])] == ["alive", "broken"]
    assert store.latest_check(LINK["canonical_url"])["status"] == "broken"
    assert store.status_changes() == [{"url": LINK["canonical_url"], "from": "alive",
                                       "to": "broken", "seen_at": "2026-01-02T00:00:00Z"}]
    store.close()


def test_a_full_disk_is_a_clear_error_and_leaves_the_store_intact(tmp_path):
    store = open_store(tmp_path / "c.db")
    add_check(store)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="espacio"):
        for n in range(2000):
            add_check(store, url=f"https://x.com/a/status/{n}" + "x" * 500)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_a_read_only_store_is_a_clear_error(tmp_path):
    open_store(tmp_path / "c.db").close()
    os.chmod(tmp_path / "c.db", 0o444)
    store = open_store(tmp_path / "c.db")
    with pytest.raises(StoreError, match="solo lectura"):
        add_check(store)


def test_a_read_only_connection_is_a_clear_error(tmp_path):
    open_store(tmp_path / "c.db").close()
    store = open_store(tmp_path / "c.db")
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="solo lectura"):
        add_check(store)
    store.close()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    (tmp_path / "c.db").write_bytes(b"no soy una base" * 200)
    with pytest.raises(StoreError, match="no es una base de datos SQLite"):
        open_store(tmp_path / "c.db")
