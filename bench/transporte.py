"""The transport measurement behind cosecha/http.py: plain httpx against httpx over aiohttp.

    .venv/bin/python bench/transporte.py [--peticiones 1000] [--concurrencia 64] [--latencia 0.05]

N GETs to one origin of the local platform server (tests/local_platforms.py, in a process
of its own so that it takes no interpreter time from the client), each answered after L
seconds, at most C in flight: the bound is N·L/C. Plain
`httpx.AsyncClient` queues badly under concurrency (encode/httpx#3215); the aiohttp transport
keeps the httpx API and does not.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import httpx
from httpx_aiohttp import AiohttpTransport

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from local_platforms import PlatformServer


async def timed_gets(client: httpx.AsyncClient, urls: list[str], concurrency: int) -> float:
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str) -> None:
        async with gate:
            response = await client.get(url)
            response.raise_for_status()

    async with client:
        start = time.perf_counter()
        await asyncio.gather(*(one(url) for url in urls))
        return time.perf_counter() - start


def clients(concurrency: int) -> dict[str, Callable[[], httpx.AsyncClient]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return {
        "httpx.AsyncClient (transporte por omisión)": lambda: httpx.AsyncClient(limits=limits),
        "httpx sobre httpx_aiohttp.AiohttpTransport": lambda: httpx.AsyncClient(
            transport=AiohttpTransport(limits=limits)),
    }


def serve(latency: float, parent: Connection) -> None:
    """The server's process: tells its port, serves until the parent says stop."""
    server = PlatformServer().start()
    server.latency = latency
    parent.send(server.port)
    parent.recv()
    server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Compara los transportes de httpx contra el servidor local.")
    parser.add_argument("--peticiones", type=int, default=1000, help="cuántas peticiones GET")
    parser.add_argument("--concurrencia", type=int, default=64, help="peticiones a la vez")
    parser.add_argument("--latencia", type=float, default=0.05, help="segundos por respuesta")
    args = parser.parse_args()
    ours, theirs = multiprocessing.Pipe()
    child = multiprocessing.Process(target=serve, args=(args.latencia, theirs), daemon=True)
    child.start()
    port = ours.recv()
    urls = [f"http://127.0.0.1:{port}/sitio.gob.ec/pagina-{i}" for i in range(args.peticiones)]
    bound = args.peticiones * args.latencia / args.concurrencia
    print(f"{args.peticiones} GET, {args.concurrencia} a la vez, un origen, "
          f"latencia {args.latencia:g} s")
    print(f"cota N·L/C: {bound:.2f} s")
    try:
        for name, make in clients(args.concurrencia).items():
            elapsed = asyncio.run(timed_gets(make(), urls, args.concurrencia))
            print(f"{name}: {elapsed:.2f} s ({elapsed / bound:.2f}× la cota)")
    finally:
        ours.send("fin")
        child.join(10)


if __name__ == "__main__":
    main()
