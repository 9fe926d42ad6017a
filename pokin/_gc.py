"""The cyclic garbage collector held off while pokin builds a large structure.

Building a tree of 1e5 indicators allocates millions of objects that all stay alive; the
collector, triggered by allocation counts, walks every one of them again and again while
they are made (a tenth of a check's time at 1e5). None of them is garbage, and reference
counting still frees everything else at once: the collector runs again when the work is
done, as it was before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic collector off inside the block (re-entrant; restores its state)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
