"""Where a command's text goes: standard output or a file, and the files refused before any work."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path


def write_output(text: str, salida: str | None) -> None:
    """Write `text` to the file `salida`, or to standard output when it is None or "-"; a
    final newline is added when missing. A file that cannot be written ends the command like
    a usage error: one line saying why, and exit 2."""
    if text and not text.endswith("\n"):
        text += "\n"
    if salida in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(salida).write_text(text, encoding="utf-8")
    except OSError as problem:
        print(f"error: {os_problem(problem, salida)}", file=sys.stderr)
        raise SystemExit(2) from None


def refuse_output(salida: str | None, sources: Iterable[str] = ()) -> bool:
    """Whether `--salida` must be refused before any work is done: it is one of the reports
    read (`sources`), a folder, or in a folder that is missing or cannot be written. If so,
    says why on one line."""
    problem = _output_problem(salida, [source for source in sources if source != "-"])
    if problem:
        print(f"error: {salida}: {problem}", file=sys.stderr)
    return problem is not None


def _output_problem(salida: str | None, sources: list[str]) -> str | None:
    if salida in (None, "-"):
        return None
    path = Path(salida)
    try:
        if not stat.S_ISDIR(path.parent.stat().st_mode):
            return OS_REASONS[errno.ENOTDIR]
        if path.is_dir():
            return OS_REASONS[errno.EISDIR]
        if path.exists() and any(os.path.exists(source) and os.path.samefile(source, path)
                                 for source in sources):
            return "es uno de los informes; no se sobrescribe"
    except OSError as problem:
        return OS_REASONS.get(problem.errno, OS_REASONS[errno.ENOENT])
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        read_only = os.statvfs(path.parent).f_flag & os.ST_RDONLY
        return OS_REASONS[errno.EROFS if read_only else errno.EACCES]
    return None


OS_REASONS = {
    errno.EROFS: "el disco es de solo lectura",
    errno.EACCES: "no hay permiso para escribir",
    errno.EPERM: "no hay permiso para escribir",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.ENOENT: "no existe la carpeta",
    errno.ENOTDIR: "parte de la ruta no es una carpeta",
    errno.EISDIR: "es una carpeta",
    errno.EEXIST: "apareció un archivo con ese nombre mientras se escribía",
}


def os_problem(problem: OSError, path: str | None = None) -> str:
    """A file that could not be written and why, in Spanish; `path` names it when the error
    does not (a full disk is often told when the file is closed)."""
    reason = OS_REASONS.get(problem.errno, f"error del sistema ({problem.strerror or problem})")
    name = problem.filename or path
    return f"{name}: {reason}" if name else reason
