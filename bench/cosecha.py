"""Benchmark of the harvester against the local platform server, and of LinkChecker beside it.

    .venv/bin/python bench/cosecha.py [--enlaces 2000] [--latencia 0.05] [--sin-linkchecker]

The server (tests/local_platforms.py) runs in a process of its own, so that it takes no
interpreter time from the harvester, and answers every request after `--latencia` seconds. The
links: X statuses, YouTube videos, Facebook share links (a login
redirect, as robots see them: two requests each, unverified) and pages on 20 web hosts, about
5% of X, YouTube and web ones deleted or missing. The politeness bound is what no polite
harvester can beat: the larger of N·L/concurrency and, over hosts, n_host·L/per_host, counted
from the requests the server received. Targets: ratio ≤ 1.2, peak RSS < 150 MB, a warm
re-run that asks only about the links whose last status was unverified, and requests per link
per platform: ≤ 1.05 for X and YouTube keyless, ≤ 0.05 for YouTube with a Data API key (a run of
its own on a fresh store, the local server accepting the bench's key). The evidence: store bytes
per 1,000 alive posts with their records (< 4 MB), and what 10 re-check nights of posts whose
like counts change add to the records (< 5 %).

LinkChecker (a bench-only tool: `.venv/bin/pip install linkchecker`) gets the same links
rewritten to the server's address (it has no remap). Everything there is one host, so its
per-host throttle is lifted (a `LinkChecker` header and a high `maxrequestspersecond`), leaving
it 32 threads and one GET per link; redirects to the real platforms go to a dead proxy on
loopback, never out. Its time is compared with the first run and with one more run of ours
with no per-host limit either, engine against engine.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import multiprocessing
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from aiohttp import web

# this file's own folder comes first on sys.path, and its name would shadow the package
sys.path[0] = str(Path(__file__).resolve().parent.parent / "tests")

from local_platforms import PlatformServer  # noqa: E402

from cosecha.credentials import Credentials, Secret  # noqa: E402
from cosecha.harvest import Harvester, HarvestOptions, Outcome, targets_for  # noqa: E402
from cosecha.platforms import claimant  # noqa: E402
from datos import open_store  # noqa: E402

FIRST_X_ID = 1935399367130657167
WEB_HOSTS = 20
SHARES = {"x": 0.25, "youtube": 0.20, "facebook": 0.15}  # the rest: web pages
BROKEN_EVERY = 20
RATIO_TARGET = 1.2
PER_LINK_TARGETS = {"x": 1.05, "youtube": 1.05}
KEYED_TARGET = 0.05
BENCH_KEY = "clave-del-banco-de-pruebas"
REQUEST_PLATFORM = {"cdn.syndication.twimg.com": "x", "publish.twitter.com": "x",
                    "www.youtube.com": "youtube", "www.googleapis.com": "youtube",
                    "www.facebook.com": "facebook"}
RSS_TARGET_MB = 150
EVIDENCE_POSTS, EVIDENCE_NIGHTS = 1000, 10
STORE_TARGET_MB = 4.0  # per 1,000 alive posts with their records
RECHECK_TARGET = 0.05  # what 10 nights of unchanged posts may add to the evidence
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, nothing leaves


@dataclass
class Link:
    url: str
    ident: str  # what names this link in the requests it causes


class ServerProcess:
    """The local platform server in a child process, driven through a pipe: the scenario
    setters (`x`, `youtube`), `set(knob, value)`, `clear_requests()` and `received()`."""

    def __init__(self, latency: float):
        self.pipe, theirs = multiprocessing.Pipe()
        self.child = multiprocessing.Process(target=serve, args=(latency, theirs), daemon=True)
        self.child.start()
        self.port = self.pipe.recv()
        self.remap = rf"^https?://([^/]+)/?(.*)$ http://127.0.0.1:{self.port}/\1/\2"

    def _ask(self, name: str, *args):
        self.pipe.send((name, args))
        return self.pipe.recv()

    def x(self, post_id: str, kind: str) -> None:
        self._ask("x", post_id, kind)

    def youtube(self, video_id: str, kind: str) -> None:
        self._ask("youtube", video_id, kind)

    def set(self, knob: str, value) -> None:
        self._ask("set", knob, value)

    def clear_requests(self) -> None:
        self._ask("clear_requests")

    def received(self) -> list[tuple[str, str, str]]:
        return self._ask("received")

    def stop(self) -> None:
        self.pipe.send(None)
        self.child.join(10)


def serve(latency: float, parent) -> None:
    """The child: serves until told None, answering each request of the pipe."""
    server = PlatformServer().start()
    server.latency = latency
    parent.send(server.port)
    orders = {"set": lambda knob, value: setattr(server, knob, value),
              "clear_requests": server.requests.clear,
              "received": lambda: [tuple(r) for r in server.requests],
              "x": server.x, "youtube": server.youtube}
    while (order := parent.recv()) is not None:
        name, args = order
        parent.send(orders[name](*args))
    server.stop()


def generate(total: int, server) -> list[Link]:
    """The links, grouped by platform as a report lists them; some set up to be broken."""
    counts = {name: int(total * share) for name, share in SHARES.items()}
    links = []
    for i in range(counts["x"]):
        post_id = str(FIRST_X_ID + i)
        if i % BROKEN_EVERY == 7:
            server.x(post_id, "deleted")
        links.append(Link(f"https://x.com/CNE_StaElena/status/{post_id}", post_id))
    for i in range(counts["youtube"]):
        video_id = f"v{i:010d}"
        if i % BROKEN_EVERY == 7:
            server.youtube(video_id, "deleted")
        links.append(Link(f"https://www.youtube.com/watch?v={video_id}", video_id))
    for i in range(counts["facebook"]):
        token = f"Fb{i:08d}"
        links.append(Link(f"https://www.facebook.com/share/p/{token}/", token))
    for i in range(total - len(links)):
        host, k = f"sitio{i % WEB_HOSTS}.gob.ec", i // WEB_HOSTS
        path = "/no-existe" if k == 7 else f"/pagina-{i}"
        links.append(Link(f"https://{host}{path}", host + path))
    return links


def ident_of(host: str, path_qs: str) -> str:
    """The link a request to the local server was made for (see `generate`)."""
    parts = urlsplit(path_qs)
    query = parse_qs(parts.query)
    if "url" in query:  # an oEmbed endpoint: the post's own URL inside
        return ident_of("", urlsplit(query["url"][0])._replace(scheme="", netloc="").geturl())
    if "next" in query:  # a login wall: the post it would lead to
        return urlsplit(query["next"][0]).path.rstrip("/").rsplit("/", 1)[-1].removeprefix("pfbid0")
    for name in ("id", "v"):  # X's record endpoint, YouTube's watch page
        if name in query:
            return query[name][0]
    share = re.match(r"/share/p/([\w-]+)", parts.path)
    if share:
        return share.group(1)
    status = re.search(r"/status/(\d+)", parts.path)
    return status.group(1) if status else host + parts.path


def politeness_bound(requests: list[tuple[str, str, str]], latency: float,
                     options: HarvestOptions) -> float:
    per_host = Counter(host for _, host, _ in requests)
    return max(len(requests) * latency / options.concurrency,
               max(per_host.values(), default=0) * latency / options.per_host)


def harvest(links: list[Link], db: Path, server: ServerProcess,
            options: HarvestOptions) -> tuple[list[Outcome], float]:
    targets = targets_for(link.url for link in links)
    server.clear_requests()
    store = open_store(db)
    try:
        start = time.perf_counter()
        outcomes = asyncio.run(Harvester(store, options, command="bench/cosecha.py").run(targets))
        return outcomes, time.perf_counter() - start
    finally:
        store.close()


def cold_run(links: list[Link], db: Path, server: ServerProcess,
             latency: float) -> tuple[list[Outcome], float]:
    options = HarvestOptions(remaps=[server.remap])
    outcomes, elapsed = harvest(links, db, server, options)
    requests = server.received()
    bound = politeness_bound(requests, latency, options)
    host, most = Counter(host for _, host, _ in requests).most_common(1)[0]
    peak = peak_rss_mb()
    print("== Primera pasada (base vacía) ==")
    print(f"enlaces: {len(links)} ({statuses(outcomes)})")
    print(f"tiempo: {elapsed:.2f} s")
    print(f"peticiones hechas: {len(requests)} (la mayor parte a {host}: {most})")
    print(f"cota de cortesía: {bound:.2f} s")
    print(f"razón tiempo/cota: {elapsed / bound:.2f} (objetivo ≤ {RATIO_TARGET}: "
          f"{verdict(elapsed / bound <= RATIO_TARGET)})")
    print(f"memoria máxima (RSS, sin el servidor): {peak:.0f} MB "
          f"(objetivo < {RSS_TARGET_MB} MB: {verdict(peak < RSS_TARGET_MB)})")
    print_per_link("peticiones por enlace, sin credenciales", requests, links, PER_LINK_TARGETS)
    return outcomes, elapsed


def keyed_run(links: list[Link], server: ServerProcess) -> None:
    """YouTube with a Data API key, on a fresh store: how few requests its links cost."""
    server.set("youtube_key", BENCH_KEY)
    options = HarvestOptions(remaps=[server.remap],
                             credentials=Credentials({"youtube": Secret(BENCH_KEY)}))
    youtube = [link for link in links if claimant(link.url).name == "youtube"]
    with tempfile.TemporaryDirectory() as tmp:
        outcomes, elapsed = harvest(youtube, Path(tmp) / "clave.db", server, options)
    server.set("youtube_key", None)
    print("== YouTube con clave de la Data API (base vacía) ==")
    print(f"enlaces: {len(youtube)} ({statuses(outcomes)}); tiempo: {elapsed:.2f} s")
    print_per_link("peticiones por enlace, con clave", server.received(), youtube,
                   {"youtube": KEYED_TARGET})


def evidence_run(links: list[Link], server: ServerProcess) -> None:
    """1,000 alive posts (X and YouTube) on a fresh store, then re-checked night after night, their
    like counts changing every other night: the store's bytes, and what the records take."""
    posts = [link for link in links if claimant(link.url).name in ("x", "youtube")]
    alive = [link for i, link in enumerate(posts) if i % BROKEN_EVERY != 7][:EVIDENCE_POSTS]
    options = HarvestOptions(remaps=[server.remap], refresh=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "evidencia.db"
        harvest(alive, db, server, options)
        first, kept = store_bytes(db)
        for night in range(EVIDENCE_NIGHTS):
            for link in alive[:len(alive) // 2]:
                if claimant(link.url).name == "x":
                    server.x(link.ident, "liked" if night % 2 == 0 else "alive")
            harvest(alive, db, server, options)
        last, kept_last = store_bytes(db)
    per_thousand = first / len(alive) * 1000 / 1e6
    growth = (kept_last - kept) / kept
    print(f"== Registros de las plataformas ({len(alive)} publicaciones vivas) ==")
    print(f"base tras la primera noche: {per_thousand:.2f} MB por 1.000 publicaciones "
          f"(registros: {kept / 1e6:.2f} MB; objetivo < {STORE_TARGET_MB} MB: "
          f"{verdict(per_thousand < STORE_TARGET_MB)})")
    print(f"tras {EVIDENCE_NIGHTS} noches más (contadores cambiando): base {last / 1e6:.2f} MB, "
          f"registros +{growth:.1%} (objetivo < {RECHECK_TARGET:.0%}: "
          f"{verdict(growth < RECHECK_TARGET)}); el resto es el historial de verificaciones")


def store_bytes(db: Path) -> tuple[int, int]:
    """The store's pages in use, and those of the evidence table and its index."""
    conn = sqlite3.connect(db)
    try:
        total = conn.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
        kept = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN "
                            "('evidence', 'sqlite_autoindex_evidence_1')").fetchone()[0]
    finally:
        conn.close()
    return total, kept


def print_per_link(title: str, requests: list[tuple[str, str, str]], links: list[Link],
                   targets: dict[str, float]) -> None:
    asked = Counter(REQUEST_PLATFORM.get(host, "web") for _, host, _ in requests)
    listed = Counter(claimant(link.url).name for link in links)
    print(f"{title}:")
    for platform, count in sorted(listed.items()):
        ratio = asked[platform] / count
        goal = (f" (objetivo ≤ {targets[platform]}: {verdict(ratio <= targets[platform])})"
                if platform in targets else "")
        print(f"  {platform}: {ratio:.3f}{goal}")


def warm_run(links: list[Link], db: Path, server: ServerProcess, before: list[Outcome]) -> bool:
    unverified = {o.url for o in before if o.status == "unverified"}
    outcomes, elapsed = harvest(links, db, server, HarvestOptions(remaps=[server.remap]))
    requests = server.received()
    by_ident = {link.ident: link.url for link in links}
    asked = {by_ident.get(ident_of(host, path_qs), f"{host}{path_qs}")
             for _, host, path_qs in requests}
    rechecked = {o.url for o in outcomes if not o.from_cache}
    wrong = asked - unverified
    ok = not wrong and asked == unverified == rechecked
    print("== Segunda pasada (misma base) ==")
    print(f"tiempo: {elapsed:.2f} s")
    print(f"peticiones hechas: {len(requests)}, para {len(asked)} enlaces")
    print(f"enlaces sin verificar en la primera pasada: {len(unverified)}")
    print(f"enlaces vivos o rotos pedidos de nuevo: {len(wrong)} (objetivo 0: {verdict(ok)})")
    for url in sorted(wrong)[:5]:
        print(f"  pedido sin necesidad: {url}")
    return ok


def unthrottled_run(links: list[Link], server: ServerProcess, latency: float) -> float:
    """The same links with no per-host limit, as LinkChecker runs here: engine against engine."""
    options = HarvestOptions(remaps=[server.remap])
    options.per_host = options.concurrency
    with tempfile.TemporaryDirectory() as tmp:
        _outcomes, elapsed = harvest(links, Path(tmp) / "bench.db", server, options)
    requests = server.received()
    bound = politeness_bound(requests, latency, options)
    print(f"== Sin límite por host (--por-host {options.per_host}, base vacía) ==")
    print(f"tiempo: {elapsed:.2f} s")
    print(f"peticiones hechas: {len(requests)} ({len(requests) / elapsed:.0f} por segundo)")
    print(f"cota N·L/C: {bound:.2f} s; razón tiempo/cota: {elapsed / bound:.2f}")
    return elapsed


def linkchecker_run(links: list[Link], latency: float, ours: float, unthrottled: float) -> None:
    print("== LinkChecker (los mismos enlaces, reescritos al servidor local) ==")
    command = (shutil.which("linkchecker", path=str(Path(sys.executable).parent))
               or shutil.which("linkchecker"))
    if not command:
        print("linkchecker no está instalado: .venv/bin/pip install linkchecker")
        return
    server = AnnouncedServer().start()
    server.latency = latency
    generate(len(links), server)  # the same scenarios
    try:
        with tempfile.TemporaryDirectory() as tmp:
            page, config = write_inputs(Path(tmp), links, server.port)
            start = time.perf_counter()
            done = subprocess.run(
                [command, "--no-status", "--no-warnings", "--no-robots", "-r1", "--threads", "32",
                 "--check-extern", "-f", str(config), str(page)],
                capture_output=True, text=True, env=trapped_env())
            elapsed = time.perf_counter() - start
    finally:
        server.stop()
    summary = [line for line in done.stdout.splitlines() if "links in" in line]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"tiempo: {elapsed:.2f} s (salida {done.returncode})")
    print(f"peticiones hechas: {len(server.requests)} "
          f"({len(server.requests) / elapsed:.0f} por segundo)")
    print("resumen de linkchecker: "
          f"{summary[-1].strip() if summary else done.stderr.strip()[-300:]}")
    print(f"memoria máxima de linkchecker (RSS): {peak:.0f} MB")
    print("razón linkchecker/cosecha (primera pasada, con cortesía por host): "
          f"{elapsed / ours:.2f}")
    print(f"razón linkchecker/cosecha (sin límite por host, como linkchecker aquí): "
          f"{elapsed / unthrottled:.2f}")


class AnnouncedServer(PlatformServer):
    """The local server with the `LinkChecker` header that lifts LinkChecker's host throttle."""

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        try:
            response = await super()._dispatch(request)
        except web.HTTPException as answer:
            answer.headers["LinkChecker"] = "bench"
            raise
        response.headers["LinkChecker"] = "bench"
        return response


def write_inputs(folder: Path, links: list[Link], port: int) -> tuple[Path, Path]:
    rewrite, local = re.compile(r"^https?://([^/]+)/?(.*)$"), rf"http://127.0.0.1:{port}/\1/\2"
    anchors = "\n".join(f'<li><a href="{html.escape(rewrite.sub(local, link.url))}">{i}</a></li>'
                         for i, link in enumerate(links))
    page = folder / "enlaces.html"
    page.write_text(f"<!doctype html><html><body><ul>\n{anchors}\n</ul></body></html>\n",
                    encoding="utf-8")
    config = folder / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000000\n", encoding="utf-8")
    # run as root, linkchecker drops to `nobody`, who must be able to read both
    folder.chmod(0o755)
    for path in (page, config):
        path.chmod(0o644)
    return page, config


def trapped_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env[name] = DEAD_PROXY
    env["no_proxy"] = env["NO_PROXY"] = "127.0.0.1"
    return env


def statuses(outcomes: list[Outcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    return ", ".join(f"{status} {n}" for status, n in counts.most_common())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def verdict(ok: bool) -> str:
    return "cumple" if ok else "NO CUMPLE"


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Mide la cosecha contra el servidor local de plataformas.")
    parser.add_argument("--enlaces", type=int, default=2000, help="cuántos enlaces distintos")
    parser.add_argument("--latencia", type=float, default=0.05, help="segundos por respuesta")
    parser.add_argument("--sin-linkchecker", action="store_true", help="no medir LinkChecker")
    args = parser.parse_args()
    server = ServerProcess(args.latencia)
    try:
        links = generate(args.enlaces, server)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            outcomes, elapsed = cold_run(links, db, server, args.latencia)
            warm_ok = warm_run(links, db, server, outcomes)
        keyed_run(links, server)
        evidence_run(links, server)
        if not args.sin_linkchecker:
            unthrottled = unthrottled_run(links, server, args.latencia)
    finally:
        server.stop()
    if not args.sin_linkchecker:
        linkchecker_run(links, args.latencia, elapsed, unthrottled)
    if not warm_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
