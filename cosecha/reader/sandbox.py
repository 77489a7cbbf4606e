"""Reading reports within bounds: each report is read (extracted and analysed) in a worker
process with a time limit and a memory limit, so one hostile file (a form drawn millions of
times, a table cell spanning a billion columns) is an unreadable report, not a hung or dead
command. The workers are kept for the next report and replaced when one is stopped.

A worker is a fresh interpreter (`python -m cosecha.reader.sandbox FD`), not a fork of the
caller, which may run threads, nor a multiprocessing child, which would import the caller's
main module again.
"""

from __future__ import annotations

import gc
import os
import resource
import signal
import socket
import subprocess
import sys
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from time import monotonic

from cosecha.model import Report

from . import read_report, read_text
from .document import ReadError
from .extract import extract_bytes, sniff_kind

READ_SECONDS = 60.0  # default time limit per report (--limite-lectura)
MEMORY_LIMIT = 512 * 2**20  # address space of a reading worker, in bytes
MAX_WORKERS = 4
QUEUED = 2  # jobs sent ahead to each worker
TOO_COMPLEX = "demasiado grande o complejo para leerlo (límite de {})"
_PACKAGES = str(Path(__file__).resolve().parents[2])  # where a worker finds `cosecha`


@dataclass
class Job:
    source: str  # a report's path, or its name when `data` is given ("-")
    data: bytes | None = None  # the report's bytes, already read (standard input)

    @classmethod
    def of(cls, source: str) -> Job:
        """A report path, or "-": standard input, read here (a worker has its own)."""
        return cls(source, sys.stdin.buffer.read()) if source == "-" else cls(source)


def time_limit_text(seconds: float) -> str:
    return TOO_COMPLEX.format(f"{seconds:g} s".replace(".", ","))


MEMORY_TEXT = TOO_COMPLEX.format(f"{MEMORY_LIMIT // 2**20} MB de memoria")


def read_bounded(jobs: list[Job], seconds: float = READ_SECONDS) -> list[Report | ReadError]:
    """Each job's report, or the ReadError saying why it cannot be read, in the jobs' order.
    Reports are read in parallel, each within `seconds` and MEMORY_LIMIT."""
    results: list[Report | ReadError | None] = [None] * len(jobs)
    pending = deque(range(len(jobs)))
    workers = [_Worker() for _ in range(min(len(jobs), os.cpu_count() or 1, MAX_WORKERS))]
    try:
        while pending or any(worker.queued for worker in workers):
            _feed(workers, pending, jobs, seconds)
            for position, worker in enumerate(workers):
                if worker.queued and not worker.take(results, seconds):
                    pending.extendleft(reversed(worker.queued))  # read again by a new worker
                    worker.queued.clear()
                    if pending:
                        workers[position] = _Worker()
            _wait_for_any(workers)
    finally:
        for worker in workers:
            worker.stop()
    return results


def _feed(workers: list[_Worker], pending: deque[int], jobs: list[Job], seconds: float) -> None:
    """Send each worker jobs up to QUEUED; bytes only to an idle worker, which takes them at
    once (a busy one would leave us blocked in the sending, past its deadline)."""
    for worker in workers:
        while pending and len(worker.queued) < QUEUED:
            if worker.queued and jobs[pending[0]].data is not None:
                break
            index = pending.popleft()
            worker.send(index, jobs[index], seconds)


def _wait_for_any(workers: list[_Worker]) -> None:
    """Until a worker answers (or dies) or one's report is past its deadline."""
    busy = [worker for worker in workers if worker.queued]
    if busy:
        soonest = min(worker.deadline for worker in busy)
        wait([worker.connection for worker in busy], timeout=max(0.0, soonest - monotonic()))


class _Worker:
    """A reading process and the jobs sent to it, read in order; the first is being read. Two
    are queued so that it never waits for the caller between reports."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        path = os.pathsep.join(filter(None, [_PACKAGES, os.environ.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(theirs.fileno())], pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,  # a crash is said as a limit
            env={**os.environ, "PYTHONPATH": path})
        theirs.close()
        self.connection = Connection(ours.detach())
        self.queued: deque[int] = deque()  # indexes of the jobs sent, not yet answered
        self.deadline = 0.0  # for the first of them

    def send(self, index: int, job: Job, seconds: float) -> None:
        if not self.queued:
            self.deadline = monotonic() + seconds
        self.queued.append(index)
        self.connection.send((job.source, job.data))

    def take(self, results: list, seconds: float) -> bool:
        """Put the answers ready into `results`; False when the worker was stopped (a report past
        its deadline, or the worker died): its first job is unreadable, the others not read."""
        while self.queued and self.connection.poll():
            try:
                with _collector_paused():
                    kind, value = self.connection.recv()
            except (EOFError, OSError):  # the worker died: the memory limit, as a crash
                results[self.queued.popleft()] = ReadError(MEMORY_TEXT)
                self.kill()
                return False
            if kind == "bug":
                raise RuntimeError(f"el lector de informes falló:\n{value}")
            results[self.queued.popleft()] = value
            self.deadline = monotonic() + seconds
        if self.queued and monotonic() >= self.deadline:
            results[self.queued.popleft()] = ReadError(time_limit_text(seconds))
            self.kill()
            return False
        return True

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.connection.close()

    def stop(self) -> None:
        if not self.connection.closed:
            self.connection.close()  # the worker ends at the end of its input
        try:
            self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.kill()


@contextmanager
def _collector_paused():
    """Unpickling a report makes thousands of objects at once, and each time the collector would
    walk every report read before: a quarter of the reading time, for no garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _serve(connection: Connection) -> None:
    """The worker: read each job sent, answer ("report", Report) or ("error", ReadError)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller stops its workers on Ctrl-C
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    while True:
        try:
            source, data = connection.recv()
        except EOFError:
            return
        connection.send(_answer(Job(source, data)))


def _answer(job: Job) -> tuple[str, object]:
    try:
        return "report", _read(job)
    except ReadError as problem:
        return "error", problem
    except MemoryError:
        return "error", ReadError(MEMORY_TEXT)
    except Exception:  # our bug: shown to the caller, never taken for an unreadable report
        return "bug", traceback.format_exc()


def _read(job: Job) -> Report:
    if job.data is None:
        return read_report(job.source)
    return read_text(extract_bytes(job.data, sniff_kind(job.data)), job.source)


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
