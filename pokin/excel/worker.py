"""Work done aside: a function's result computed in a forked process while this one goes on.

The export's Saran Tautan suggestions (:func:`pokin.link.suggest_links`) are pure
computation on the tree, independent of writing the rest of the workbook, and the
machine has a second core: :func:`aside` forks a child that runs the function and sends
its result back through a pipe (pickled), while the parent writes the sheets; the parent
waits only when it needs the result. Where forking is not safe or not worth it, the
function runs in this process when its result is asked for, so what the caller gets is
the same either way. It runs here when:

- the caller says the job is small (a fork costs a few milliseconds);
- the platform has no ``os.fork`` (Windows), or is macOS (forking a process that may
  have used the system's frameworks is unsafe there; Python no longer does it by default);
- other threads are running (a notebook kernel, a thread pool): a lock one of them holds
  at the fork would stay held in the child forever.

A child that fails in any way (an exception, killed, a result that cannot be pickled)
makes the parent run the function itself: an error is then raised here, as without the
fork. The child writes nothing but its pipe and leaves through ``os._exit`` (no buffer of
the parent flushed twice, no atexit handler run); a parent that stops early (an error, an
interrupt) kills and reaps it.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Generic, NoReturn, TypeVar

__all__ = ["Aside", "aside", "can_fork"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this process may fork a worker safely (see the module's notes)."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


class Aside(Generic[T]):
    """The result of ``work``, computed by a forked child or, failing that, here."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid: int | None = None
        self._pipe: int | None = None

    @property
    def forked(self) -> bool:
        """Whether a child is computing the result."""
        return self._pid is not None

    def start(self) -> None:
        """Fork the child (when :func:`can_fork`; else the work waits for :meth:`result`)."""
        if not can_fork():
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for a child: do the work here
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            os.close(read)
            _child(self._work, write)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self) -> T:
        """The child's result, once it is done; the work done here if there is no child or
        it failed."""
        if self._pid is not None:
            pipe, self._pipe = self._pipe, None
            try:
                with os.fdopen(pipe, "rb") as handle:  # type: ignore[arg-type]
                    data = handle.read()  # until the child closes its end
            except BaseException:  # interrupted while waiting: the child goes too
                self.stop()
                raise
            self._reap()
            with suppress(Exception):  # a killed child leaves a cut message
                done, value = pickle.loads(data)
                if done:
                    return value  # type: ignore[no-any-return]
        return self._work()

    def stop(self) -> None:
        """Kill the child if it still runs (the parent no longer wants its result)."""
        if self._pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None

    def _reap(self) -> None:
        pid, self._pid = self._pid, None
        if pid is not None:
            with suppress(ChildProcessError):
                os.waitpid(pid, 0)


@contextmanager
def aside(work: Callable[[], T], *, fork: bool = True) -> Iterator[Aside[T]]:
    """``work`` started in a forked child (``fork`` and :func:`can_fork`), its result
    read with :meth:`Aside.result`; the child is killed if the block ends without it."""
    pending = Aside(work)
    if fork:
        pending.start()
    try:
        yield pending
    finally:
        pending.stop()


def _child(work: Callable[[], object], pipe: int) -> NoReturn:
    """Run ``work`` in the forked child, send ``(done, result)`` down ``pipe``, exit."""
    code = 1
    try:
        try:
            message = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        except BaseException:  # the parent runs the work again and raises the error itself
            message = pickle.dumps((False, None))
        with os.fdopen(pipe, "wb") as handle:
            handle.write(message)
    finally:
        os._exit(code)
