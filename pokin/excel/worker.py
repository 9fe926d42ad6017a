"""Two jobs on two cores: a forked child writes while this process computes what it needs.

The export's Saran Tautan suggestions (:func:`pokin.link.suggest_links`) are pure
computation on the tree, independent of writing the workbook until its last column, and
the machine has a second core: :func:`handed_over` forks a child that writes (the sheets,
then the package), while this process computes the suggestions; the child reads them
through a pipe when it reaches that column. The suggestions are computed *here*, not in
the child, so this process keeps what they learned (each text's phrase and roots, cached
by the lexicon): a second export, or a ``suggest_links`` after it, finds them, as without
the fork. Where forking is not safe or not worth it, both jobs run here, one after the
other, and the result is the same: when the caller says the job is small (a fork costs a
few milliseconds), or where :func:`pokin._fork.can_fork` says a fork is not safe.

The child shares nothing with this process but the file it writes into (opened here: see
:func:`pokin._files.atomic_write`, which moves it into place only here, once the child
exited cleanly) and the pipe; it leaves through ``os._exit`` (no buffer of this process
flushed twice, no atexit handler run). A child that fails in any way (an error, killed)
makes this process start the writing over itself: an error is then raised here, as
without the fork. An error here (or an interrupt) kills and reaps the child.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from contextlib import suppress
from typing import NoReturn, TypeVar

from .._fork import can_fork, reap

__all__ = ["handed_over"]

T = TypeVar("T")


def handed_over(
    write: Callable[[Callable[[], T]], None],
    compute: Callable[[], T],
    *,
    reset: Callable[[], None],
    fork: bool = True,
) -> bool:
    """``write(given)``, where ``given()`` returns ``compute()``: ``write`` in a forked
    child (``fork`` and :func:`can_fork`) while ``compute`` runs here; else both here.
    If the child fails, ``reset()`` undoes what it wrote and ``write`` runs here. Returns
    whether the writing was done by a child."""
    if not (fork and can_fork()):
        value = compute()
        write(lambda: value)
        return False
    read, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process left for a child: both jobs here
        os.close(read)
        os.close(send)
        value = compute()
        write(lambda: value)
        return False
    if pid == 0:
        os.close(send)
        _child(write, read)
    os.close(read)
    try:
        value = compute()
        with suppress(BrokenPipeError), os.fdopen(send, "wb") as pipe:
            send = -1
            pipe.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _, status = os.waitpid(pid, 0)
        pid = 0
    except BaseException:  # this process failed, or was interrupted: the child goes too
        if send >= 0:
            os.close(send)
        if pid:
            reap(pid)
        raise
    if os.waitstatus_to_exitcode(status) == 0:
        return True
    reset()  # the child failed, whatever it wrote is dropped: the writing is done here
    write(lambda: value)
    return False


def _child(write: Callable[[Callable[[], T]], None], pipe: int) -> NoReturn:
    """Run ``write`` in the forked child, its value read from ``pipe``; exit 0 if it
    wrote everything, 1 if not (this process then writes)."""
    code = 1
    try:

        def given() -> T:
            with os.fdopen(pipe, "rb") as handle:
                value: T = pickle.loads(handle.read())
            return value

        write(given)
        code = 0
    except BaseException:  # the parent writes again and raises the error itself
        pass
    finally:
        os._exit(code)
