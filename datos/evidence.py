"""The evidence store: what a platform said, kept beside the checks that read it.

A record is content-addressed: its sha256 (of the uncompressed bytes) is its key, so every check
that saw the same content names the same row and a night of unchanged posts adds no record. Rows
are never changed or deleted (triggers, as for `checks`). Records are untrusted bytes: whoever
shows one escapes it.
"""

from __future__ import annotations

import hashlib
import json
import zlib

from .store import Store, stored_json, translated_errors

COMPRESSION_LEVEL = 9


def record_check(store: Store, record, **check) -> None:
    """One automatic check and the record it was read from (an object with `media_type`, `body`
    and `fields`, or None), in one transaction: a run killed between the two writes keeps
    neither, never a check naming a record that is not there."""
    with store.write():
        sha256 = keep(store, record, check["checked_at"]) if record is not None else None
        store._insert_check(source="auto", checked_by=None, note=None,
                            evidence_sha256=sha256, **check)


def keep(store: Store, record, seen_at: str) -> str:
    """The record's sha256, storing it if this content was never seen."""
    sha256 = hashlib.sha256(record.body).hexdigest()
    store.db.execute(
        """INSERT INTO evidence (sha256, size, media_type, body, fields, first_seen)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING""",
        (sha256, len(record.body), record.media_type,
         zlib.compress(record.body, COMPRESSION_LEVEL),
         json.dumps(record.fields, ensure_ascii=False), seen_at))
    return sha256


def find_link(store: Store, canonical_url: str) -> dict | None:
    """The stored link with this canonical URL, or the share link that resolved to it."""
    return store._one(
        """SELECT * FROM links WHERE canonical_url = ? OR resolved_url = ?
           ORDER BY canonical_url = ? DESC, id LIMIT 1""",
        (canonical_url, canonical_url, canonical_url))


def history(store: Store, link_id: int) -> list[dict]:
    """Every check of a link in the order recorded, with its record's media type, size and
    fields (None when the check kept none)."""
    rows = store._all(
        """SELECT checks.*, evidence.media_type, evidence.size, evidence.fields
           FROM checks LEFT JOIN evidence ON evidence.sha256 = checks.evidence_sha256
           WHERE checks.link_id = ? ORDER BY checks.id""", (link_id,))
    for row in rows:
        if row["fields"] is not None:
            row["fields"] = stored_json(row["fields"],
                                        f"los campos del registro {row['evidence_sha256']}")
    return rows


def body(store: Store, sha256: str) -> bytes:
    """A record's bytes as they were hashed."""
    with translated_errors():
        row = store.db.execute("SELECT body FROM evidence WHERE sha256 = ?", (sha256,)).fetchone()
    return zlib.decompress(row[0])


def fields_of(store: Store, shas) -> dict[str, dict]:
    """The fields read from each of these records, by sha256."""
    wanted = sorted({sha for sha in shas if sha})
    rows = store._all(f"SELECT sha256, fields FROM evidence WHERE sha256 IN "
                      f"({', '.join('?' * len(wanted))})", wanted) if wanted else []
    return {row["sha256"]: stored_json(row["fields"], f"los campos del registro {row['sha256']}")
            for row in rows}
