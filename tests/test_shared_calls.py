"""Request coalescing: one call per key in flight, shared by every caller, forgotten when it ends."""

from __future__ import annotations

import asyncio
import gc

import pytest

from bot.adapters.shared_calls import SharedCalls


class Gate:
    """A call that counts its starts and ends only when the test opens it."""

    def __init__(self) -> None:
        self.started = 0
        self.open = asyncio.Event()

    async def __call__(self) -> int:
        self.started += 1
        await self.open.wait()
        return self.started


async def test_callers_of_one_key_share_the_call_in_flight() -> None:
    calls: SharedCalls[str, int] = SharedCalls()
    gate = Gate()
    waiting = [asyncio.ensure_future(calls("k", gate)) for _ in range(3)]
    await asyncio.sleep(0)  # every caller reached the shared call
    gate.open.set()
    assert await asyncio.gather(*waiting) == [1, 1, 1]
    assert gate.started == 1


async def test_other_keys_get_their_own_call_and_an_ended_call_is_not_reused() -> None:
    calls: SharedCalls[str, int] = SharedCalls()
    gate = Gate()
    gate.open.set()
    assert await calls("a", gate) == 1
    assert await calls("b", gate) == 2
    await asyncio.sleep(0)  # the done callbacks ran
    assert await calls("a", gate) == 3


async def test_a_cancelled_caller_leaves_the_call_to_the_others() -> None:
    calls: SharedCalls[str, int] = SharedCalls()
    gate = Gate()
    first = asyncio.ensure_future(calls("k", gate))
    second = asyncio.ensure_future(calls("k", gate))
    await asyncio.sleep(0)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    gate.open.set()
    assert await second == 1


async def test_a_failing_call_fails_every_caller_and_is_forgotten() -> None:
    calls: SharedCalls[str, int] = SharedCalls()

    async def broken() -> int:
        raise RuntimeError("no answer")

    with pytest.raises(RuntimeError):
        await calls("k", broken)
    await asyncio.sleep(0)
    gate = Gate()
    gate.open.set()
    assert await calls("k", gate) == 1


async def test_a_call_that_fails_after_every_caller_left_is_not_reported_as_unretrieved() -> None:
    reported: list[str] = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: reported.append(context["message"]))
    calls: SharedCalls[str, int] = SharedCalls()
    started, fail = asyncio.Event(), asyncio.Event()

    async def failing() -> int:
        started.set()
        await fail.wait()
        raise RuntimeError("no answer")

    caller = asyncio.ensure_future(calls("k", failing))
    await started.wait()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    [call] = asyncio.all_tasks() - {asyncio.current_task()}
    fail.set()
    await asyncio.wait({call})  # waits without retrieving the exception; the done callbacks ran before
    del call
    gc.collect()  # a task whose exception nobody retrieved reports it when it is collected
    assert reported == []
