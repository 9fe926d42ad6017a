"""The rule registry: each check declares its code, title, severity and rationale once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter

from ..findings import RULES, CheckFn, CompareFn, Finding, Rule, Severity, new_finding
from ..graph import Cascade
from ..models import Jabatan

__all__ = ["finding", "owners_read", "rule", "rule_across_years", "short"]


def rule(
    code: str,
    judul: str,
    name: str,
    severity: Severity,
    rationale: str,
    *,
    sumber: str = "",
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check ``code`` in :data:`RULES`.

    ``judul`` is the rule's title in Indonesian, as reports show it; ``name`` a short
    English slug; ``rationale`` one English line saying what the rule enforces and why;
    ``sumber`` the regulation and the LKE criterion (and KKE column) it serves, as cited
    (``"PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2"``).
    """

    def register(fn: CheckFn) -> CheckFn:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        RULES[code] = Rule(code, name, severity, rationale, fn, judul, sumber)
        return fn

    return register


def rule_across_years(
    code: str,
    judul: str,
    name: str,
    severity: Severity,
    rationale: str,
    *,
    sumber: str = "",
) -> Callable[[CompareFn], CompareFn]:
    """Register the decorated function as the check ``code`` across years: it is given this
    year's cascade and the previous year's, and runs only when :func:`pokin.check` is
    given ``previous=``."""

    def register(fn: CompareFn) -> CompareFn:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        RULES[code] = Rule(code, name, severity, rationale, _alone, judul, sumber, compare=fn)
        return fn

    return register


def _alone(c: Cascade) -> Iterator[Finding]:
    """A rule across years run without a previous year: there is nothing to compare."""
    return iter(())


def finding(
    c: Cascade, code: str, where: str, message: str, hint: str, *, jabatan: Jabatan | None = None
) -> Finding:
    """The finding ``code`` about the node (or jabatan) ``where``, owned by ``jabatan`` (by
    default the node's owner, none for the organisasi and the IKU table)."""
    owner = jabatan if jabatan is not None else c.owner(where) if where in c else None
    severity = RULES[code].severity
    if owner is None:
        return new_finding(code, severity, where, message, hint)
    return new_finding(code, severity, where, message, hint, owner.id, owner.unit)


def short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def owners_read(c: Cascade) -> dict[int, tuple[str, str | None, str | None]]:
    """The name, id and unit of every jabatan as the check read them, by ``id()`` of the
    jabatan (``c.derived(owners_read)``): the findings of a :class:`~pokin.findings.LazyBatch`
    made later say what the tree said when it was checked."""
    jabatan = c.tree.jabatan
    return dict(zip(map(id, jabatan), map(_NAMA_ID_UNIT, jabatan), strict=True))


_NAMA_ID_UNIT = attrgetter("nama", "id", "unit")
