"""Benchmark of the nightly run at national scale: a folder of 2,000 reports with 50 links each
(100,000 distinct links), audited offline twice over the same store (cold, then warm).

    .venv/bin/python -m bench.escala [--informes 2000] [--enlaces 50] [--carpeta DIR]

Each run is a fresh `auditor nocturno --sin-red` process. Printed per run: its time, the peak
resident memory of the largest process of its tree (ru_maxrss of the run and of the reading
workers it waited for), the peak of the whole tree's resident memory added up (sampled every
20 ms from /proc), the size of `ultimo.html` and of the largest report page. Targets at
100,000 links: under 300 MB, `ultimo.html` and every report page under 2 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
PLATFORMS = (("X (antes Twitter)", "https://x.com/CNE_StaElena/status/{}"),
             ("Facebook", "https://www.facebook.com/CNE.StaElena/posts/{}"),
             ("YouTube", "https://www.youtube.com/watch?v={}"))
PHASES = "ABCDE"


def video_id(number: int) -> str:
    """An 11-character YouTube id made from a number."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    digits = []
    for _ in range(11):
        number, digit = divmod(number, 64)
        digits.append(alphabet[digit])
    return "".join(digits)


def post_url(platform: int, number: int) -> str:
    ident = video_id(number) if platform == 2 else 1900000000000000000 + number
    return PLATFORMS[platform][1].format(ident)


def report_text(index: int, links: int) -> str:
    """A report of a delegation: five phases, the links spread over X, Facebook and YouTube,
    each platform's count declared."""
    lines = [f"INFORME DE DIFUSIÓN DE LA RENDICIÓN DE CUENTAS 2024 N.º {index}",
             f"Delegación Provincial Electoral {index}", "",
             "Fecha del evento: Jueves, 3 de julio de 2025", ""]
    numbers = iter(range(index * links, (index + 1) * links))
    per_phase = [links // len(PHASES) + (p < links % len(PHASES)) for p in range(len(PHASES))]
    for key, count in zip(PHASES, per_phase):
        lines += [f"{key}. Difusión de la fase {key}", ""]
        shares = [count // 3 + (p < count % 3) for p in range(3)]
        lines += [f"{PLATFORMS[p][0]}: {n} publicaciones." for p, n in enumerate(shares) if n]
        lines += ["", "Enlaces:", ""]
        lines += [post_url(p, next(numbers)) for p, n in enumerate(shares) for _ in range(n)]
        lines.append("")
    return "\n".join(lines) + "\n"


def generate(folder: Path, reports: int, links: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(reports):
        path = folder / f"provincia-{index // 100:02d}" / f"informe-{index:04d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(report_text(index, links), encoding="utf-8")


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, now."""
    children: dict[int, list[int]] = {}
    resident: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
        resident[int(entry)] = int(statm.split()[1]) * PAGE_SIZE
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += resident.get(pid, 0)
        pending += children.get(pid, [])
    return total


def nightly(folder: Path, db: Path, out: Path) -> dict:
    command = [sys.executable, "-m", "auditor.cli", "nocturno", str(folder), "--db", str(db),
               "--salida-dir", str(out), "--sin-red"]
    start = time.perf_counter()
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss(run.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(run.pid, 0)  # usage: the run and the children it waited for
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    run.returncode = os.waitstatus_to_exitcode(status)
    if run.returncode not in (0, 1):
        sys.exit(f"auditor nocturno salió con {run.returncode}: {run.stderr.read().decode()}")
    return {"seconds": elapsed, "largest": usage.ru_maxrss * 1024, "tree": peak[0],
            "code": run.returncode, **page_sizes(out)}


def page_sizes(out: Path) -> dict:
    """ultimo.html, and the pages of the run it links to (the newest run's folder)."""
    summary = out / "ultimo.html"
    newest = max(out.glob("auditoria-*.html"), key=lambda page: page.stat().st_mtime)
    pages = [p.stat().st_size for p in (out / newest.stem).glob("*.html")]
    return {"summary": summary.stat().st_size, "pages": len(pages),
            "largest_page": max(pages, default=0), "json": (out / "ultimo.json").stat().st_size}


def megabytes(size: int) -> str:
    return f"{size / 2**20:.2f} MB".replace(".", ",")


def line(name: str, run: dict) -> str:
    return (f"{name}: {run['seconds']:.1f} s (salida {run['code']}); memoria máxima: proceso "
            f"mayor {megabytes(run['largest'])}, árbol entero {megabytes(run['tree'])}; "
            f"ultimo.html {megabytes(run['summary'])}, {run['pages']} páginas de informe, la "
            f"mayor {megabytes(run['largest_page'])}; ultimo.json {megabytes(run['json'])}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Mide auditor nocturno --sin-red a escala nacional.")
    parser.add_argument("--informes", type=int, default=2000, help="cuántos informes generar")
    parser.add_argument("--enlaces", type=int, default=50, help="enlaces por informe")
    parser.add_argument("--carpeta", type=Path, help="dónde dejar la carpeta, la base y las "
                                                     "páginas (por defecto, una temporal)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        place = args.carpeta or Path(scratch)
        folder, db, out = place / "informes", place / "escala.db", place / "publicado"
        generate(folder, args.informes, args.enlaces)
        print(f"{args.informes} informes × {args.enlaces} enlaces = "
              f"{args.informes * args.enlaces} enlaces")
        print(line("en frío (base vacía)", nightly(folder, db, out)), flush=True)
        print(line("en caliente (segunda ejecución)", nightly(folder, db, out)))


if __name__ == "__main__":
    main()
