"""What the acta reads and writes: the latest audit of a report's content, the files audited
before, and the append-only record of every acta issued (the actas table)."""

from __future__ import annotations

from .store import Store


def latest_audit_of(store: Store, sha256: str) -> dict | None:
    """The newest stored audit of this content (id, source, body), if any."""
    rows = store._all("SELECT id, source, body FROM audits WHERE sha256 = ? "
                      "ORDER BY audited_at DESC, id DESC LIMIT 1", (sha256,))
    return rows[0] if rows else None


def audited_files(store: Store) -> list[dict]:
    """Every audit's source and sha256, newest first."""
    return store._all("SELECT source, sha256 FROM audits ORDER BY audited_at DESC, id DESC")


def record(store: Store, acta: dict) -> None:
    with store.write():
        store.db.execute("INSERT INTO actas (fingerprint, issued_at, source, sha256) "
                         "VALUES (?, ?, ?, ?)",
                         (acta["fingerprint"], acta["issued_at"], acta["source"], acta["sha256"]))


def issues_of(store: Store, fingerprint: str) -> list[dict]:
    """Every time an acta with this fingerprint was issued, oldest first."""
    return store._all("SELECT fingerprint, issued_at, source, sha256 FROM actas "
                      "WHERE fingerprint = ? ORDER BY id", (fingerprint,))
