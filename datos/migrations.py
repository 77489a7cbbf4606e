"""The store's schema, as named migrations applied in order at open, each in a transaction.

Never edit a migration that has shipped: add a new one. `checks` is append-only, enforced by
triggers, so no bug can rewrite history.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("cosecha")
NAMES: list[str] = []  # in order; a database that applied a name not here is from a newer version


def migration(name: str):
    NAMES.append(name)
    return MIGRATIONS(name=name)


@migration("m001_links_checks_runs")
def links_checks_runs(db: Database) -> None:
    db.executescript("""
        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            canonical_url TEXT NOT NULL UNIQUE,
            platform TEXT NOT NULL,
            post_id TEXT,
            account TEXT,
            first_seen TEXT NOT NULL,
            resolved_id TEXT,
            resolved_url TEXT
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            command TEXT NOT NULL,
            counts TEXT
        );
        CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES links(id),
            url TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            checked_at TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            http_status INTEGER,
            author TEXT,
            published_at TEXT,
            title TEXT,
            final_url TEXT,
            elapsed_ms INTEGER,
            source TEXT NOT NULL DEFAULT 'auto' CHECK (source IN ('auto', 'manual')),
            checked_by TEXT,
            note TEXT
        );
        CREATE INDEX checks_by_link ON checks(link_id, source, checked_at);
        CREATE TRIGGER checks_no_update BEFORE UPDATE ON checks
            BEGIN SELECT RAISE(ABORT, 'checks are append-only'); END;
        CREATE TRIGGER checks_no_delete BEFORE DELETE ON checks
            BEGIN SELECT RAISE(ABORT, 'checks are append-only'); END;
        CREATE VIEW latest_checks AS
            SELECT links.canonical_url, links.platform, links.post_id, links.account,
                   links.resolved_id, links.resolved_url, checks.*
            FROM checks JOIN links ON links.id = checks.link_id
            WHERE checks.id = (SELECT c.id FROM checks c WHERE c.link_id = checks.link_id
                               ORDER BY c.checked_at DESC, c.id DESC LIMIT 1);
    """)


@migration("m002_audits")
def audits(db: Database) -> None:
    db.executescript("""
        CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            title TEXT,
            institution TEXT,
            report_date TEXT,
            verdict TEXT NOT NULL,
            audited_at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX audits_by_source ON audits(source, audited_at);
    """)


@migration("m003_nightly_runs")
def nightly_runs(db: Database) -> None:
    db.executescript("""
        CREATE TABLE nightly_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            folder TEXT NOT NULL,
            state TEXT NOT NULL
        );
    """)


@migration("m004_standing_checks")
def standing_checks(db: Database) -> None:
    """Latest by row id (a second's timestamp ties), and the check that stands for a link: its
    latest conclusive one (alive or broken), else its latest."""
    db.executescript("""
        DROP VIEW latest_checks;
        CREATE VIEW latest_checks AS
            SELECT links.canonical_url, links.platform, links.post_id, links.account,
                   links.resolved_id, links.resolved_url, checks.*
            FROM checks JOIN links ON links.id = checks.link_id
            WHERE checks.id = (SELECT MAX(c.id) FROM checks c WHERE c.link_id = checks.link_id);
        CREATE VIEW standing_checks AS
            SELECT links.canonical_url, links.platform, links.post_id, links.account,
                   links.resolved_id, links.resolved_url, checks.*
            FROM checks JOIN links ON links.id = checks.link_id
            WHERE checks.id = COALESCE(
                (SELECT MAX(c.id) FROM checks c
                 WHERE c.link_id = checks.link_id AND c.status IN ('alive', 'broken')),
                (SELECT MAX(c.id) FROM checks c WHERE c.link_id = checks.link_id));
    """)


@migration("m005_actas")
def actas(db: Database) -> None:
    """Every acta issued (`auditor acta`), so a printed one can be checked by its fingerprint;
    append-only, as checks."""
    db.executescript("""
        CREATE TABLE actas (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE INDEX actas_by_fingerprint ON actas(fingerprint);
        CREATE TRIGGER actas_no_update BEFORE UPDATE ON actas
            BEGIN SELECT RAISE(ABORT, 'actas are append-only'); END;
        CREATE TRIGGER actas_no_delete BEFORE DELETE ON actas
            BEGIN SELECT RAISE(ABORT, 'actas are append-only'); END;
    """)


@migration("m006_evidence")
def evidence(db: Database) -> None:
    """What the platform said, kept once per distinct content (its sha256), never changed or
    deleted; each check names the record its verdict was read from."""
    db.executescript("""
        CREATE TABLE evidence (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            body BLOB NOT NULL,
            fields TEXT NOT NULL,
            first_seen TEXT NOT NULL
        );
        CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
        CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
        ALTER TABLE checks ADD COLUMN evidence_sha256 TEXT REFERENCES evidence(sha256);
    """)


@migration("m007_archives")
def archives(db: Database) -> None:
    """What the Wayback Machine holds of a link: the closest capture suggested for a broken one
    (`suggested`; archived_url NULL when it had none, so a link is asked once) and each capture
    Save Page Now made of an alive one (`saved`). Append-only, as checks."""
    db.executescript("""
        CREATE TABLE archives (
            id INTEGER PRIMARY KEY,
            canonical_url TEXT NOT NULL,
            archived_url TEXT,
            captured_at TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('suggested', 'saved')),
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX archives_by_link ON archives(canonical_url, id);
        CREATE TRIGGER archives_no_update BEFORE UPDATE ON archives
            BEGIN SELECT RAISE(ABORT, 'archives are append-only'); END;
        CREATE TRIGGER archives_no_delete BEFORE DELETE ON archives
            BEGIN SELECT RAISE(ABORT, 'archives are append-only'); END;
    """)
