"""The checks a planner runs before the SAKIP evaluation.

Each check is a small rule with a stable code, a severity, an Indonesian title and a
one-line rationale, declared once where the rule is written (``pokin rules`` lists them;
the README's table is tested against :data:`RULES`). Running them gives :class:`Finding`
records (frozen data, never exceptions), gathered in :class:`Findings`, which filters,
summarises and prints them. The rules live by family: :mod:`.reach` (PK1xx, PK2xx),
:mod:`.links` (PK3xx), :mod:`.completeness` (PK4xx), :mod:`.measurability` (PK5xx),
:mod:`.review` (PK6xx), :mod:`.levels` (PK701, PK702, PK704: result levels),
:mod:`.wording` (PK703, PK705–PK710: results, not activities; measurable targets),
:mod:`.realisasi` (PK711), :mod:`.polarity` (PK712), :mod:`.periods` (PK811) and, given
the previous year's tree, :mod:`.years` (PK801–PK803).
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from .._gc import collector_paused
from ..findings import RULES, Chunk, Finding, Findings, LazyBatch, Rule, Severity, select_rules
from ..graph import Cascade
from ..models import PohonKinerja
from . import (  # noqa: F401  (they register)
    completeness,
    levels,
    links,
    measurability,
    periods,
    polarity,
    reach,
    realisasi,
    review,
    wording,
    years,
)

__all__ = ["RULES", "Finding", "Findings", "Rule", "Severity", "check", "select_rules"]


def check(
    tree: PohonKinerja | Cascade,
    *,
    previous: PohonKinerja | Cascade | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    severity: Severity | str = Severity.INFO,
) -> Findings:
    """Run the checks on a tree; return its findings, most severe first.

    ``select`` / ``ignore`` take codes or code prefixes (``"PK5"`` = measurability), as a
    list or a comma-separated text; ``severity`` keeps findings at or above that level.
    ``previous`` (last year's tree) also runs the rules across years (PK801–PK803); one
    of another organisasi, or not of an earlier year, raises
    :class:`~pokin.errors.PreviousYearError`.
    """
    with collector_paused():
        return _check(tree, previous, Severity.parse(severity), select_rules(select, ignore))


def _check(
    tree: PohonKinerja | Cascade,
    previous: PohonKinerja | Cascade | None,
    floor: Severity,
    rules: list[Rule],
) -> Findings:
    cascade = Cascade.of(tree)
    before = previous if previous is None or isinstance(previous, Cascade) else Cascade.of(previous)
    if before is not None:
        years.require_earlier(before.tree, cascade.tree)
    found: list[Chunk] = []
    for rule in rules:
        if rule.severity < floor:
            continue
        if rule.compare is None:
            made = rule.run(cascade)
            found.append(made if isinstance(made, LazyBatch) else list(made))
        elif before is not None:
            found.append(list(rule.compare(cascade, before)))
    return _most_severe_first(found, cascade)


def _most_severe_first(found: list[Chunk], cascade: Cascade) -> Findings:
    """The findings of every rule, most severe first, then by code, each rule's in the
    order it gave them (a stable sort). A rule gives findings of its own code and severity:
    its list (or its :class:`LazyBatch`, not made yet) is sorted as a whole, without a key
    per finding."""
    chunks: list[tuple[int, str, Chunk]] = []
    for chunk in found:
        if isinstance(chunk, LazyBatch):
            if chunk.count:
                chunks.append((-chunk.severity, chunk.code, chunk))
            continue
        if not chunk:
            continue
        codes = set(map(_CODE, chunk))
        severities = set(map(_SEVERITY, chunk))
        if len(codes) > 1 or len(severities) > 1:
            flat = [f for chunk in found for f in chunk]
            flat.sort(key=lambda f: (-f.severity, f.code))
            return Findings(flat, cascade)
        chunks.append((-severities.pop(), codes.pop(), chunk))
    chunks.sort(key=lambda item: item[:2])
    return Findings.of_chunks([chunk for *_, chunk in chunks], cascade)


_CODE = attrgetter("code")
_SEVERITY = attrgetter("severity")
