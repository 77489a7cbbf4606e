"""The SQLite store: schema, migrations, writes and queries. Imports nothing of cosecha or
auditor."""

from .store import Store, StoreError, default_db_path, fresh_file, open_store, user_db_path

__all__ = ["Store", "StoreError", "default_db_path", "fresh_file", "open_store", "user_db_path"]
