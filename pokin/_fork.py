"""Pure work split over the machine's cores by forking, where that is safe.

A forked child starts with everything this process built (a read-only index of a whole
tree, say) without copying or pickling any of it, so work that only reads such a structure
can be cut in parts, each worked in a child of its own, and only the parts' answers come
back (pickled through a pipe). The callers here are pure: the answer is the same whoever
computes it, so every fallback below works the part in this process instead, and the
result never depends on whether a fork happened. No fork where it is not safe:

- the platform has no ``os.fork`` (Windows), or is macOS (forking a process that may have
  used the system's frameworks is unsafe there; Python no longer does it by default);
- other threads are running (a notebook kernel, a thread pool): a lock one of them holds
  at the fork would stay held in the child forever.

A child leaves through ``os._exit`` (no buffer of this process flushed twice, no atexit
handler run). A child that fails in any way (an error, killed, an answer that does not
unpickle) has its part worked again here, so an error is raised here, as without the
fork. An error here (or an interrupt) kills and reaps every child.
"""

from __future__ import annotations

import bisect
import itertools
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import NoReturn, TypeVar

__all__ = ["can_fork", "cores", "cut", "in_parts", "reap"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this process may fork a worker safely (see the module's notes)."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover (Linux has sched_getaffinity)


def cut(sizes: Sequence[int], parts: int) -> list[int]:
    """Where to cut items of ``sizes`` into ``parts`` runs of about the same total size:
    ``parts + 1`` positions, from 0 to ``len(sizes)``.

    >>> cut([1, 1, 1, 1, 4], 2)
    [0, 4, 5]
    """
    ends = list(itertools.accumulate(sizes))
    total = ends[-1] if ends else 0
    inner = [bisect.bisect_left(ends, total * part / parts) for part in range(1, parts)]
    return [0, *(min(i + 1, len(sizes)) for i in inner), len(sizes)]


def in_parts(work: Callable[[int], T], parts: int) -> list[T]:
    """``[work(0), ..., work(parts - 1)]``: each part from 1 on worked in a forked child
    (when :func:`can_fork`) while part 0 is worked here; else, or for a part whose child
    failed, worked here. ``work`` must be pure, its answer picklable."""
    if parts <= 1 or not can_fork():
        return [work(part) for part in range(parts)]
    children: dict[int, tuple[int, int]] = {}  # part: (pid, the pipe's reading end)
    try:
        for part in range(1, parts):
            read, send = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no memory or process left for a child: worked here
                os.close(read)
                os.close(send)
                break
            if pid == 0:
                os.close(read)
                _child(work, part, send)
            os.close(send)
            children[part] = (pid, read)
        answers = {0: work(0)}
        for part, (pid, read) in list(children.items()):
            answer: tuple[T] | None = _answer(pid, read)
            del children[part]
            answers[part] = answer[0] if answer else work(part)
        return [answers[part] if part in answers else work(part) for part in range(parts)]
    finally:  # an error or an interrupt here: no child left behind
        for pid, read in children.values():
            with suppress(OSError):  # (closed already if reading it was interrupted)
                os.close(read)
            reap(pid)


def reap(pid: int) -> None:
    """Kill the child ``pid`` and wait for it: none is left behind, whether it still ran,
    had exited, or was reaped already."""
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _answer(pid: int, read: int) -> tuple[T] | None:
    """The child's answer (in a tuple), read whole before the child is reaped; ``None``
    if the child failed."""
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        return (pickle.loads(data),)
    except Exception:  # a cut or broken answer: worked again here
        return None


def _child(work: Callable[[int], T], part: int, send: int) -> NoReturn:
    """Work ``part`` in the forked child, its answer pickled into ``send``; exit 0 if it
    was all sent, 1 if not (this process then works the part)."""
    code = 1
    try:
        with os.fdopen(send, "wb") as pipe:
            pipe.write(pickle.dumps(work(part), protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    except BaseException:  # the parent works the part again and raises the error itself
        pass
    finally:
        os._exit(code)
