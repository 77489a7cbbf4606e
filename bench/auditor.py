"""Benchmark of `auditor revisar --sin-red` over generated reports with a warm store.

    .venv/bin/python -m bench.auditor [--informes 500] [--semilla 7]

A first run warms the store (every link gets its offline check); the second, timed run is the
one a supervisor re-running an audit sees. Target: 500 reports in under 10 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import tempfile
import time
from pathlib import Path

from auditor.cli import main as auditor
from bench.leer import generate


def revisar(folder: Path, db: Path, out: Path) -> int:
    with contextlib.redirect_stderr(io.StringIO()):
        return auditor(["revisar", str(folder), "--sin-red", "--db", str(db),
                        "--formato", "json", "--salida", str(out)])


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Mide auditor revisar --sin-red con la base caliente.")
    parser.add_argument("--informes", type=int, default=500, help="cuántos informes generar")
    parser.add_argument("--semilla", type=int, default=7, help="semilla del generador")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "informes"
        folder.mkdir()
        generate(folder, args.informes, args.semilla)
        db, out = Path(tmp) / "bench.db", Path(tmp) / "salida.json"
        start = time.perf_counter()
        revisar(folder, db, out)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        code = revisar(folder, db, out)
        warm = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.informes} informes: primera pasada {cold:.2f} s; con la base caliente "
          f"{warm:.2f} s ({args.informes / warm:.0f} informes/s; salida {code}); "
          f"memoria máxima {peak:.0f} MB")


if __name__ == "__main__":
    main()
