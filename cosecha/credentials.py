"""The institution's own platform credentials: where they come from, and how a run uses them.

A secret only ever leaves this module as a request header value (`Keys.get`): it has no
readable `str` or `repr`, so no message, exception text, JSON or store row can carry it by
accident. A credential the platform refuses (quota, invalid or expired) is dropped for the rest
of the run, said once in one Spanish line, and its platform goes keyless.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CosechaError

ENVIRONMENT = {"youtube": "COSECHA_YOUTUBE_KEY", "meta": "COSECHA_META_TOKEN"}
# (TOML table, key) -> credential name
FILE_FIELDS = {("youtube", "clave"): "youtube", ("meta", "token"): "meta",
               ("archive", "clave"): "archive_key", ("archive", "secreto"): "archive_secret"}
NAMES = {"youtube": "la clave de YouTube", "meta": "el token de Meta"}


class CredentialsProblem(CosechaError, ValueError):
    """A credentials file we refuse to use; the message is for the user, in Spanish."""


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret(***)"

    __str__ = __repr__


@dataclass(frozen=True)
class Credentials:
    secrets: dict[str, Secret] = field(default_factory=dict)

    def __or__(self, other: Credentials) -> Credentials:
        """These, with `other`'s where both name one."""
        return Credentials({**self.secrets, **other.secrets})


def from_environment(environ: Mapping[str, str] = os.environ) -> Credentials:
    return Credentials({name: Secret(environ[variable].strip())
                        for name, variable in ENVIRONMENT.items()
                        if environ.get(variable, "").strip()})


def from_file(path: str | Path) -> Credentials:
    """The credentials of a TOML file only its owner can read or write."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            raise CredentialsProblem(
                f"{path}: el archivo de credenciales tiene permisos {stat.filemode(mode)}: solo su "
                f"dueño debe poder leerlo (chmod 600 {path})")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise CredentialsProblem(f"{path}: no se puede leer ({problem.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):  # the message may quote a line: a secret
        raise CredentialsProblem(f"{path}: no es un archivo TOML válido") from None
    return Credentials(_secrets(data, path))


def _secrets(data: dict, path: Path) -> dict[str, Secret]:
    found = {}
    for (table, key), name in FILE_FIELDS.items():
        value = (data.get(table) or {}).get(key) if isinstance(data.get(table), dict) else None
        if value is not None and not isinstance(value, str):
            raise CredentialsProblem(f"{path}: [{table}] {key} debe ser un texto entre comillas")
        if value and value.strip():
            found[name] = Secret(value.strip())
    return found


class Keys:
    """The credentials a run may still use."""

    def __init__(self, credentials: Credentials, notice: Callable[[str], None]):
        self._secrets = dict(credentials.secrets)
        self._notice = notice

    def get(self, name: str) -> str | None:
        secret = self._secrets.get(name)
        return secret.reveal() if secret else None

    def drop(self, name: str, why: str) -> None:
        if self._secrets.pop(name, None) is not None:
            self._notice(f"cosecha: {NAMES.get(name, name)} no sirve ({why}): el resto de la "
                         "ejecución verifica sin ella, como sin credenciales")
