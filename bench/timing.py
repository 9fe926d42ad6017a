"""The one timing helper of the bench scripts: best of a few runs, printed as a figure."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def timed(label: str, fn: Callable[[], T], *, repeat: int = 3, seconds: bool = False) -> T:
    """Run ``fn`` ``repeat`` times, print the best time (ms, or s), return its last result."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    figure = f"{best:8.2f} s" if seconds else f"{best * 1000:9.1f} ms"
    print(f"  {label:<40} {figure}")
    return result
