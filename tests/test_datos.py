"""The store: named migrations, append-only history, and clear refusals."""

import os
import sqlite3

import pytest
from sqlite_utils import Database

from datos import StoreError, open_store
from datos.migrations import MIGRATIONS, NAMES

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
    old.execute("INSERT INTO checks (link_id, url, checked_at, status) VALUES (1, 'u', 't', 'alive')")
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
