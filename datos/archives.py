"""What the web archive holds of each link: suggestions for broken ones, captures of alive ones.

Rows are never changed or deleted (triggers). A suggestion recorded without a capture says the
archive had none when asked, so a broken link's lookup is made once, not every night.
"""

from __future__ import annotations

from .store import Store

SUGGESTED, SAVED = "suggested", "saved"


def record(store: Store, canonical_url: str, archived_url: str | None, captured_at: str | None,
           kind: str, recorded_at: str) -> None:
    with store.write():
        store.db.execute(
            "INSERT INTO archives (canonical_url, archived_url, captured_at, kind, recorded_at) "
            "VALUES (?, ?, ?, ?, ?)", (canonical_url, archived_url, captured_at, kind, recorded_at))


def known(store: Store, canonical_url: str, kind: str | None = None) -> bool:
    """Whether the archive was asked about this link (for `kind`, or at all) with an answer."""
    row = store._one("SELECT 1 AS found FROM archives WHERE canonical_url = ? "
                     "AND (? IS NULL OR kind = ?) LIMIT 1", (canonical_url, kind, kind))
    return row is not None


def latest(store: Store, canonical_url: str, until: str | None = None) -> str | None:
    """The newest capture known of a link (recorded by `until`, when given)."""
    row = store._one(
        "SELECT archived_url FROM archives WHERE canonical_url = ? AND archived_url IS NOT NULL "
        "AND (? IS NULL OR recorded_at <= ?) ORDER BY id DESC LIMIT 1",
        (canonical_url, until, until))
    return row["archived_url"] if row else None


def captures(store: Store, canonical_url: str) -> list[dict]:
    """Every capture known of a link, oldest first."""
    return store._all("SELECT archived_url, captured_at, kind, recorded_at FROM archives "
                      "WHERE canonical_url = ? AND archived_url IS NOT NULL ORDER BY id",
                      (canonical_url,))


def last_alive(store: Store, canonical_url: str) -> str | None:
    """When the link was last seen alive (by the platform or a person), if ever."""
    row = store._one(
        "SELECT checks.checked_at FROM checks JOIN links ON links.id = checks.link_id "
        "WHERE links.canonical_url = ? AND checks.status = 'alive' ORDER BY checks.id DESC "
        "LIMIT 1", (canonical_url,))
    return row["checked_at"] if row else None
