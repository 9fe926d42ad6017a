"""Pure work split over forked children (pokin._fork) and infer_links searched that way:
the same answers as worked here, in the same order, whatever a child does; never a child
left behind; all here where forking is unsafe."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

import pokin.link
from pokin import datasets
from pokin._fork import can_fork, cut, in_parts
from pokin.link import infer_links, strip_links

from .forking import forking, no_child_left
from .scripts import load_script


@forking
def test_each_part_is_worked_by_a_child_and_comes_back_in_order() -> None:
    here = os.getpid()
    answers = in_parts(lambda part: (part, os.getpid(), list(range(part * 50_000))), 3)
    assert [a[0] for a in answers] == [0, 1, 2]
    assert answers[0][1] == here
    assert here not in {answers[1][1], answers[2][1]}
    assert answers[2][2] == list(range(100_000))  # more than a pipe's buffer
    assert no_child_left()


@forking
def test_a_part_whose_child_dies_is_worked_here() -> None:
    here = os.getpid()

    def work(part: int) -> tuple[int, int]:
        if part == 1 and os.getpid() != here:
            os._exit(3)  # killed, out of memory...
        return part, os.getpid()

    assert in_parts(work, 3)[:2] == [(0, here), (1, here)]
    assert no_child_left()


@forking
def test_an_error_in_a_part_is_raised_here() -> None:
    calls: list[int] = []

    def work(part: int) -> int:
        calls.append(part)
        if part == 2:
            raise ValueError("part 2")
        return part

    with pytest.raises(ValueError, match="part 2"):
        in_parts(work, 3)
    assert calls == [0, 2]  # the children's calls stay in the children; part 2 again here
    assert no_child_left()


@forking
def test_an_error_here_leaves_no_child() -> None:
    here = os.getpid()

    def work(part: int) -> int:
        if os.getpid() == here:
            raise KeyboardInterrupt
        return part

    with pytest.raises(KeyboardInterrupt):
        in_parts(work, 2)
    assert no_child_left()


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert in_parts(lambda part: (part, os.getpid()), 2) == [(0, os.getpid()), (1, os.getpid())]
    finally:
        stop.set()
        thread.join()


def test_no_fork_where_the_platform_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    assert not can_fork()
    assert in_parts(lambda part: part, 2) == [0, 1]
    monkeypatch.undo()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not can_fork()


@pytest.mark.parametrize(
    ("sizes", "parts"),
    [
        ([], 2),
        ([5], 2),
        ([1] * 10, 3),
        ([1, 1, 1, 1, 4], 2),
        ([9, 1, 1, 1], 2),
        ([3, 2, 7, 1, 1, 5], 4),
    ],
)
def test_cuts_cover_everything_in_order_about_evenly(sizes: list[int], parts: int) -> None:
    cuts = cut(sizes, parts)
    assert len(cuts) == parts + 1
    assert (cuts[0], cuts[-1]) == (0, len(sizes))
    assert cuts == sorted(cuts)
    total = sum(sizes)
    for n in range(1, parts):  # each cut as near the even share as an item allows
        before = sum(sizes[: cuts[n]])
        assert before >= total * n / parts
        assert cuts[n] == 0 or before - sizes[cuts[n] - 1] < total * n / parts


@forking
@pytest.mark.parametrize(
    "options",
    [{}, {"template": True}, {"crosscutting": False, "indikator": False}, {"threshold": 0.6}],
)
def test_infer_links_forked_proposes_what_it_proposes_here(
    monkeypatch: pytest.MonkeyPatch, options: dict[str, object]
) -> None:
    """The search cut in parts on forked children (forced on small trees): the same
    proposals in the same order, the same matches held back; crosscutting cycles are
    dropped over all parts together."""
    kabupaten = load_script(Path(__file__).resolve().parents[1] / "bench" / "kabupaten.py")
    trees = [
        strip_links(datasets.load("kebomas-2023")),
        datasets.load("kebomas-2023"),  # links there: settled and supported targets
        kabupaten.kabupaten(2500),
    ]
    here = [infer_links(t, **options) for t in trees]  # type: ignore[arg-type]
    monkeypatch.setattr(pokin.link, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pokin.link, "cores", lambda: 3)
    forked = [infer_links(t, **options) for t in trees]  # type: ignore[arg-type]
    for mine, theirs in zip(here, forked, strict=True):
        assert [repr(p) for p in theirs] == [repr(p) for p in mine]
        assert theirs.ditahan == mine.ditahan
    assert sum(len(p) for p in here) > 100
    assert no_child_left()
