"""The history of one link, from the store only: every check (automatic or a person's) with
the platform's record it was read from and the web archive's captures; what `auditor evidencia`
shows."""

from __future__ import annotations

from cosecha import platforms
from datos import archives, evidence

FIELDS = ("text", "author", "published_at", "title")
CONCLUSIVE = ("alive", "broken")


def link_history(store, url: str) -> dict | None:
    """The JSON of `evidencia`: the link and every check of it, or None when never stored."""
    canonical = platforms.identify(url).canonical_url or url
    link = evidence.find_link(store, canonical)
    if link is None:
        return None
    checks = [check_json(row) for row in evidence.history(store, link["id"])]
    for capture in archives.captures(store, link["canonical_url"]):
        # a capture belongs to the check it followed: the latest made by then
        made = [check for check in checks if check["checked_at"] <= capture["recorded_at"]]
        if made:
            made[-1]["archived_url"] = capture["archived_url"]
    return {"url": url, "canonical_url": link["canonical_url"], "platform": link["platform"],
            "post_id": link["post_id"], "checks": checks}


def check_json(row: dict) -> dict:
    manual = ({"by": row["checked_by"], "at": row["checked_at"], "note": row["note"]}
              if row["source"] == "manual" else None)
    record = None
    if row["evidence_sha256"]:
        record = {"sha256": row["evidence_sha256"], "media_type": row["media_type"],
                  "size": row["size"], "fields": {name: row["fields"].get(name) for name in FIELDS}}
    return {"checked_at": row["checked_at"], "status": row["status"], "reason": row["reason"],
            "source": row["source"], "manual": manual, "evidence": record, "archived_url": None}


def kept(found: dict) -> dict[str, dict]:
    """Each distinct record of the history, first seen first."""
    records: dict[str, dict] = {}
    for check in found["checks"]:
        if check["evidence"]:
            records.setdefault(check["evidence"]["sha256"], check["evidence"])
    return records


def last_record(found: dict) -> dict | None:
    return next((c["evidence"] for c in reversed(found["checks"]) if c["evidence"]), None)
