"""The SQLite store: links, their append-only check history, runs and audits.

Every write is one short transaction committed as it happens, so a run killed at any moment
leaves a consistent database and loses at most the check it was writing. WAL lets readers
and one writer work at once; the busy timeout lets two writers take turns.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from .migrations import MIGRATIONS, NAMES

BUSY_TIMEOUT_S = 30
OWNER_ONLY = 0o600
CONCLUSIVE = ("alive", "broken")
CHECK_COLUMNS = ("status", "reason", "http_status", "author", "published_at", "title",
                 "final_url", "evidence_sha256")
DAMAGED = ("la base de datos está dañada (falla PRAGMA quick_check); no se tocó ningún "
           "respaldo: restaure el último respaldo bueno")


class StoreError(Exception):
    """The store cannot be used; the message is Spanish and says what to do."""


def user_db_path() -> Path:
    return Path(platformdirs.user_data_dir("cosecha")) / "cosecha.db"


def default_db_path() -> Path:
    env = os.environ.get("COSECHA_DB")
    return Path(env) if env else user_db_path()


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def explain(error: sqlite3.Error) -> str:
    text = str(error).lower()
    # a disk full to the last byte fails first on the -shm file: "disk I/O error" (IOERR_SHMSIZE)
    if "full" in text or getattr(error, "sqlite_errorname", "") == "SQLITE_IOERR_SHMSIZE":
        return "no queda espacio en el disco para la base de datos; no se guardó nada a medias"
    if "readonly" in text or "read-only" in text:
        return ("la base de datos es de solo lectura; use --db con una ruta en la que se pueda "
                "escribir")
    if "locked" in text or "busy" in text:
        return "la base de datos está ocupada por otro proceso; inténtelo de nuevo más tarde"
    if "not a database" in text:
        return "el archivo no es una base de datos SQLite válida"
    if "malformed" in text or "corrupt" in text:
        return "la base de datos está dañada; restaure el último respaldo bueno"
    if "unable to open" in text:
        return "no se pudo abrir la base de datos (¿existe la carpeta y hay permiso?)"
    if "disk i/o error" in text:
        return ("error de lectura o escritura en el disco de la base de datos; no se guardó nada "
                "a medias")
    # the driver's own text is English: the user gets the code, not the sentence
    return f"error de la base de datos ({getattr(error, 'sqlite_errorname', type(error).__name__)})"


def explain_os(problem: OSError) -> str:
    if problem.errno == errno.ENOSPC:
        return "no queda espacio en el disco para la base de datos; no se guardó nada a medias"
    if problem.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "no se pudo crear la base de datos: la carpeta es de solo lectura o no hay permiso"
    return (f"no se pudo crear la base de datos (error del sistema "
            f"{errno.errorcode.get(problem.errno, problem.errno)})")


@contextmanager
def translated_errors():
    try:
        yield
    except sqlite3.Error as error:
        raise StoreError(explain(error)) from None


def is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def fresh_file(path: Path, mode: int) -> int:
    """A new empty file at `path`, open for writing: whatever was there (a half copy, a planted
    symbolic link) is removed first, never written through, and O_EXCL refuses a race."""
    path.unlink(missing_ok=True)
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)


def damage(conn: sqlite3.Connection) -> bool:
    """Whether PRAGMA quick_check finds anything wrong (a page it cannot even read counts)."""
    try:
        return conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise
        return True


def open_store(path: str | Path, *, create: bool = True) -> Store:
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError("la base de datos no existe todavía (ejecute antes cosecha o "
                             "auditor revisar)")
        create_store(path)
    elif is_empty(path):
        raise StoreError("el archivo de la base está vacío (0 bytes) y no es una base de cosecha; "
                         "no se usó: indique otra ruta con --db")
    return connect(path)


def is_empty(path: Path) -> bool:
    """A zero-length file is not a store, unless a store killed before its first checkpoint
    still holds everything in its -wal (as stores made before creation was atomic could)."""
    wal = path.with_name(path.name + "-wal")
    return path.is_file() and path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size)


def create_store(path: Path) -> None:
    """A new store is built whole under a private name, owner-only, then linked into place:
    no one ever opens it half made, and of two processes creating it at once one link wins
    and the other opens the winner's."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".nueva", dir=path.parent)
        os.close(handle)
    except OSError as problem:
        raise StoreError(explain_os(problem)) from None
    temp = Path(name)
    try:
        connect(temp).close()
        put_in_place(temp, path)
    except OSError as problem:
        raise StoreError(explain_os(problem)) from None
    finally:
        wal, shm = temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")
        for leftover in (temp, wal, shm):
            leftover.unlink(missing_ok=True)


def put_in_place(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        pass  # another process created it first: its store is as good as ours
    except OSError as problem:
        # file systems without hard links (FAT): a plain rename, if the name is still free
        if problem.errno not in (errno.EPERM, errno.EOPNOTSUPP) or path.exists():
            raise
        os.rename(temp, path)


def connect(path: Path) -> Store:
    with translated_errors():
        # the busy timeout is set at connect, before anything else touches the file
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    store = Store(Database(conn), path)
    try:
        store.prepare()
    except BaseException:
        conn.close()
        raise
    return store


class Store:
    def __init__(self, db: Database, path: Path):
        self.db = db
        self.path = path

    def prepare(self) -> None:
        with translated_errors():
            self.db.execute("PRAGMA foreign_keys = ON")
            # with WAL, NORMAL survives a killed process intact; only a power cut may drop the
            # last commits (never corrupt), and each commit no longer waits for the disk
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.refuse_newer()
            if not MIGRATIONS.pending(self.db):
                return
            if self.db.journal_mode != "wal":
                self.enable_wal()
        with self.write():  # one opener migrates at a time; the others wait, then find none
            self.refuse_newer()
            MIGRATIONS.apply(self.db)
            # also for tools that only read user_version (and for versions that check it)
            self.db.execute(f"PRAGMA user_version = {len(NAMES)}")

    def enable_wal(self) -> None:
        """Switching to WAL needs the file to itself, and SQLite answers "busy" at once instead of
        using the busy timeout; so the switch is retried for as long as a write would wait."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def check_intact(self) -> None:
        with translated_errors():
            if damage(self.db.conn):
                raise StoreError(DAMAGED)

    def refuse_newer(self) -> None:
        newer = {m.name for m in MIGRATIONS.applied(self.db)} - set(NAMES)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if newer or version > len(NAMES):
            unknown = (f"migraciones desconocidas: {', '.join(sorted(newer))}" if newer
                       else f"esquema {version}, este programa conoce hasta {len(NAMES)}")
            raise StoreError("la base fue creada por una versión más nueva del programa "
                             f"({unknown}); actualice cosecha-auditor")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def write(self):
        """One immediate transaction: taken whole or not at all."""
        with translated_errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.db.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _one(self, sql: str, params=()) -> dict | None:
        with translated_errors():
            cursor = self.db.execute(sql, params)
            row = cursor.fetchone()
            if row is None:
                return None
            return dict(zip([d[0] for d in cursor.description], row))

    def _all(self, sql: str, params=()) -> list[dict]:
        with translated_errors():
            cursor = self.db.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    # runs

    def start_run(self, command: str) -> int:
        with self.write():
            return self.db.execute("INSERT INTO runs (started_at, command) VALUES (?, ?)",
                                   (now_iso(), command)).lastrowid

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self.write():
            self.db.execute("UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                            (now_iso(), json.dumps(counts), run_id))

    # links and checks

    def _upsert_link(self, canonical_url: str, platform: str, post_id: str | None,
                     account: str | None, resolved_id: str | None = None,
                     resolved_url: str | None = None) -> int:
        return self.db.execute(
            """INSERT INTO links (canonical_url, platform, post_id, account, first_seen,
                                  resolved_id, resolved_url)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (canonical_url) DO UPDATE SET
                   resolved_id = coalesce(excluded.resolved_id, resolved_id),
                   resolved_url = coalesce(excluded.resolved_url, resolved_url)
               RETURNING id""",
            (canonical_url, platform, post_id, account, now_iso(), resolved_id, resolved_url),
        ).fetchone()[0]

    def record_check(self, *, link: dict, run_id: int | None, url: str, checked_at: str,
                     elapsed_ms: int | None = None, source: str = "auto",
                     checked_by: str | None = None, note: str | None = None, **result) -> None:
        """The link (created or completed) and one more check of it, in one transaction."""
        with self.write():
            self._insert_check(link=link, run_id=run_id, url=url, checked_at=checked_at,
                               elapsed_ms=elapsed_ms, source=source, checked_by=checked_by,
                               note=note, **result)

    def _insert_check(self, *, link: dict, run_id: int | None, url: str, checked_at: str,
                      elapsed_ms: int | None, source: str, checked_by: str | None,
                      note: str | None, **result) -> None:
        values = {name: result.get(name) for name in CHECK_COLUMNS}
        columns = ("link_id", "run_id", "url", "checked_at", "elapsed_ms", "source",
                   "checked_by", "note", *CHECK_COLUMNS)
        link_id = self._upsert_link(**link)
        self.db.execute(
            f"INSERT INTO checks ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            (link_id, run_id, url, checked_at, elapsed_ms, source, checked_by, note,
             *values.values()),
        )

    def record_manual(self, *, link: dict, url: str, status: str, checked_by: str,
                      note: str | None, checked_at: str) -> None:
        self.record_manuals([{"link": link, "url": url, "status": status,
                              "checked_by": checked_by, "note": note, "checked_at": checked_at}])

    def record_manuals(self, confirmations: list[dict]) -> None:
        """People's confirmations (each with record_manual's arguments) in one transaction:
        all of them or none."""
        with self.write():
            for confirmation in confirmations:
                self._insert_check(run_id=None, elapsed_ms=None, source="manual",
                                   reason="manual", **confirmation)

    # checks are ordered by row id, never by checked_at: it has one-second resolution, and a
    # person's confirmation and an automatic check often share that second

    def _latest(self, canonical_url: str, condition: str = "", params: tuple = ()) -> dict | None:
        return self._one(
            f"""SELECT checks.* FROM checks JOIN links ON links.id = checks.link_id
                WHERE links.canonical_url = ? {condition} ORDER BY checks.id DESC LIMIT 1""",
            (canonical_url, *params),
        )

    def latest_check(self, canonical_url: str) -> dict | None:
        """The latest automatic check of a link."""
        return self._latest(canonical_url, "AND checks.source = 'auto'")

    def latest_manual(self, canonical_url: str) -> dict | None:
        return self._latest(canonical_url, "AND checks.source = 'manual'")

    def fresh_check(self, canonical_url: str, ttl_hours: float) -> dict | None:
        since = (datetime.now(UTC) - timedelta(hours=ttl_hours))
        return self._latest(canonical_url, "AND checks.source = 'auto' AND checks.checked_at >= ?",
                            (since.strftime("%Y-%m-%dT%H:%M:%SZ"),))

    def platform_verdict(self, canonical_url: str) -> dict | None:
        """The platform's own latest word on a link: its latest conclusive automatic check."""
        return self._latest(canonical_url,
                            f"AND checks.source = 'auto' AND checks.status IN {CONCLUSIVE}")

    def knows(self, canonical_url: str) -> bool:
        """Whether the link was ever harvested (every audited report's links are)."""
        return self._one("SELECT 1 AS known FROM links WHERE canonical_url = ?",
                         (canonical_url,)) is not None

    def history(self, canonical_url: str) -> list[dict]:
        return self._all(
            """SELECT checks.* FROM checks JOIN links ON links.id = checks.link_id
               WHERE links.canonical_url = ? ORDER BY checks.id""",
            (canonical_url,),
        )

    def standing(self, canonical_url: str) -> tuple[dict | None, dict | None]:
        """The check that stands for a link, and its last attempt: a newer inconclusive check,
        if any. The latest conclusive check (automatic or a person's) stands until a newer
        conclusive one; a link never conclusively checked stands on its latest check."""
        latest = self._latest(canonical_url)
        if latest is None or latest["status"] in CONCLUSIVE:
            return latest, None
        conclusive = self._latest(canonical_url, f"AND checks.status IN {CONCLUSIVE}")
        return (conclusive, latest) if conclusive else (latest, None)

    def status_changes(self) -> list[dict]:
        """Links whose last two conclusive checks (automatic or manual) disagree."""
        rows = self._all(
            f"""SELECT links.canonical_url AS url, checks.status, checks.checked_at
                FROM checks JOIN links ON links.id = checks.link_id
                WHERE checks.status IN {CONCLUSIVE}
                ORDER BY links.id, checks.id DESC""")
        changes, seen = [], {}
        for row in rows:
            seen.setdefault(row["url"], []).append(row)
        for url, checks in seen.items():
            if len(checks) >= 2 and checks[0]["status"] != checks[1]["status"]:
                changes.append({"url": url, "from": checks[1]["status"], "to": checks[0]["status"],
                                "seen_at": checks[0]["checked_at"]})
        return changes

    # audits

    def record_audit(self, audit: dict) -> None:
        with self.write():
            self.db.execute(
                """INSERT INTO audits (source, sha256, title, institution, report_date, verdict,
                                       audited_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (audit["source"], audit["sha256"], audit["title"], audit["institution"],
                 audit["report_date"], audit["verdict"], audit["audited_at"],
                 json.dumps(audit, ensure_ascii=False)),
            )

    def latest_audits(self) -> list[dict]:
        """The latest audited version of each report (by path)."""
        rows = self._all(
            """SELECT id, source, body FROM audits a WHERE a.id = (
                   SELECT b.id FROM audits b WHERE b.source = a.source
                   AND (a.source != '-' OR b.sha256 = a.sha256)  -- stdin: one per content
                   ORDER BY b.audited_at DESC, b.id DESC LIMIT 1)
               ORDER BY a.source""")
        return [stored_json(row["body"], f"la auditoría guardada de {row['source']} "
                                         f"(audits.id = {row['id']})") for row in rows]

    # nightly runs

    def record_nightly(self, *, started_at: str, folder: str, state: dict) -> None:
        with self.write():
            self.db.execute(
                "INSERT INTO nightly_runs (started_at, finished_at, folder, state) "
                "VALUES (?, ?, ?, ?)",
                (started_at, now_iso(), folder, json.dumps(state, ensure_ascii=False)))

    def nightly_states(self, folder: str, limit: int) -> list[dict]:
        """The states of the last `limit` nightly runs over `folder`, newest first."""
        rows = self._all("SELECT started_at, state FROM nightly_runs WHERE folder = ? "
                         "ORDER BY id DESC LIMIT ?", (folder, limit))
        return [{"started_at": row["started_at"],
                 **stored_json(row["state"], f"el estado de la auditoría nocturna del "
                                             f"{row['started_at']}")} for row in rows]

    def backup(self, target: Path) -> None:
        """A consistent copy through SQLite's backup API, even while others write, into a file
        made fresh for it and readable by its owner only. A copy that fails quick_check is
        removed, so it never takes the place of a good backup."""
        with translated_errors():
            os.close(fresh_file(target, OWNER_ONLY))
            copy = sqlite3.connect(target)
            try:
                self.db.conn.backup(copy)
                damaged = damage(copy)
            finally:
                copy.close()
        if damaged:
            target.unlink()
            raise StoreError(DAMAGED)


def stored_json(text: str, what: str) -> dict:
    """A JSON object the store holds; one edited or damaged by hand is named, in Spanish."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, dict):
        raise StoreError(f"{what}: su JSON está dañado y no se puede leer; corríjalo con "
                         "sqlite3 o restaure el último respaldo bueno")
    return value
