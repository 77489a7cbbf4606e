"""The HTTP layer's slot limits: never more holders than the limit, slots handed on fairly."""

import asyncio

from cosecha.http import HostLimit, SharedLimit


async def hold(limit, log, name, owner=None, seconds=0.01):
    async with limit.held(owner):
        log.append(("in", name, limit.active))
        await asyncio.sleep(seconds)


def test_a_host_never_has_more_requests_than_its_limit():
    async def scenario():
        limit, log = HostLimit(2), []
        await asyncio.gather(*(hold(limit, log, n) for n in range(6)))
        return limit, log

    limit, log = asyncio.run(scenario())
    assert max(active for _, _, active in log) == 2 and limit.active == 0


def test_after_a_429_the_host_limit_halves_for_the_next_requests():
    async def scenario():
        limit, log = HostLimit(4), []
        limit.slow_down()
        await asyncio.gather(*(hold(limit, log, n) for n in range(6)))
        return log

    assert max(active for _, _, active in asyncio.run(scenario())) == 2


def test_a_cancelled_waiter_gives_its_place_back():
    async def scenario():
        limit = HostLimit(1)
        first = asyncio.create_task(hold(limit, [], "a", seconds=0.05))
        await asyncio.sleep(0)
        waiting = asyncio.create_task(hold(limit, [], "b"))
        await asyncio.sleep(0.01)
        waiting.cancel()
        await asyncio.gather(first, waiting, return_exceptions=True)
        log = []
        await asyncio.wait_for(hold(limit, log, "c"), 1)
        return limit, log

    limit, log = asyncio.run(scenario())
    assert log == [("in", "c", 1)] and limit.active == 0 and not limit.waiting


def test_the_shared_limit_serves_the_host_with_the_longest_queue_first():
    async def scenario():
        shared, busy, small = SharedLimit(1), HostLimit(10), HostLimit(10)
        log = []
        blocker = asyncio.create_task(hold(shared, log, "blocker", seconds=0.02))
        await asyncio.sleep(0)
        # the busy host has three requests waiting for a global slot, the small one has one
        waiters = [asyncio.create_task(hold(shared, log, "small", small))]
        busy.waiting.extend([(None, None)] * 3)
        waiters.append(asyncio.create_task(hold(shared, log, "busy", busy)))
        await asyncio.gather(blocker, *waiters)
        return [name for _, name, _ in log]

    assert asyncio.run(scenario()) == ["blocker", "busy", "small"]
