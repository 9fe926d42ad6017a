"""What the checks find: :class:`Finding` records, the :class:`Rule` registry, and
:class:`Findings`, which filters, counts, summarises and prints them.

The rules themselves live in :mod:`pokin.checks`, which registers each one in
:data:`RULES` when it is imported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any, overload

from ._text import format_number
from .coverage import Coverage, coverage

if TYPE_CHECKING:
    from .graph import Cascade

__all__ = [
    "RULES",
    "SEVERITY_LABELS",
    "CheckFn",
    "Chunk",
    "CompareFn",
    "Finding",
    "Findings",
    "LazyBatch",
    "Rule",
    "Severity",
    "counts_text",
    "new_finding",
    "select_rules",
]


class Severity(IntEnum):
    """How much a finding matters; ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        """The word a planner reads for it (``galat``, ``peringatan``, ``info``); ``str()``
        stays the English key that options (``--severity``) and JSON use."""
        return SEVERITY_LABELS[str(self)]

    @classmethod
    def parse(cls, value: Severity | str) -> Severity:
        """``"error"``, ``"WARNING"``, the planner's word (``"galat"``, ``"peringatan"``)
        or a :class:`Severity`; anything else is a ``ValueError`` in the planner's words."""
        if isinstance(value, Severity):
            return value
        word = str(value).strip().lower()
        for key, label in SEVERITY_LABELS.items():
            if word in (key, label):
                return cls[key.upper()]
        raise ValueError(
            f"tingkat temuan {value!r} tidak dikenal (unknown severity): pakai error "
            "(galat), warning (peringatan) atau info"
        )


SEVERITY_LABELS = {"error": "galat", "warning": "peringatan", "info": "info"}
"""The planner's word for each severity key, most severe first."""


def counts_text(counts: dict[str, int]) -> str:
    """Counts per severity (:meth:`Findings.counts`) in the planner's words.

    >>> counts_text({"error": 2, "warning": 4432, "info": 0})
    '2 galat, 4.432 peringatan, 0 info'
    """
    return ", ".join(
        f"{format_number(counts.get(key, 0))} {word}" for key, word in SEVERITY_LABELS.items()
    )


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: where, what, and how to fix it."""

    code: str
    severity: Severity
    where: str  # the id of the node (or jabatan) concerned
    message: str
    hint: str
    jabatan: str | None = None  # the owning jabatan's id
    unit: str | None = None

    def to_record(self) -> dict[str, Any]:
        """A flat dict (for a table, JSON or a spreadsheet)."""
        record = asdict(self)
        record["severity"] = str(self.severity)
        return record

    def __str__(self) -> str:
        return f"{self.code} {self.severity.label}: {self.message} [{self.where}]"


def new_finding(
    code: str,
    severity: Severity,
    where: str,
    message: str,
    hint: str,
    jabatan: str | None = None,
    unit: str | None = None,
) -> Finding:
    """``Finding(code, severity, where, message, hint, jabatan, unit)``, made without the
    frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field): the checks make
    a finding per indicator of a large tree, and this takes half the time."""
    made = _new(Finding)
    _code(made, code)
    _severity(made, severity)
    _where(made, where)
    _message(made, message)
    _hint(made, hint)
    _jabatan(made, jabatan)
    _unit(made, unit)
    return made


_new = object.__new__
_code, _severity, _where, _message, _hint, _jabatan, _unit = (
    Finding.__dict__[name].__set__
    for name in ("code", "severity", "where", "message", "hint", "jabatan", "unit")
)


class LazyBatch(Iterator[Finding]):
    """The findings of one rule, all of one code and severity, counted when the rule runs
    and made (:class:`Finding` objects, their messages) when first read.

    A rule that finds something about most indicators of a large tree (a missing satuan:
    1e5 findings) returns one, so :func:`pokin.check` and :class:`Findings` count, sort
    and filter them by code and severity without making them. ``make`` must read only what
    the rule captured when it ran (texts, ids, a snapshot of the owners), never the
    models, so the findings are the same whenever they are read. As an iterator it gives
    the findings like any rule's generator.
    """

    __slots__ = ("_made", "code", "count", "make", "severity")

    def __init__(
        self, code: str, severity: Severity, count: int, make: Callable[[], Iterable[Finding]]
    ) -> None:
        self.code, self.severity, self.count, self.make = code, severity, count, make
        self._made: Iterator[Finding] | None = None

    def findings(self) -> list[Finding]:
        """Every finding of the batch, made now."""
        made = list(self.make())
        if len(made) != self.count:  # pragma: no cover (a rule's bug, not a planner's)
            raise AssertionError(f"{self.code}: {len(made)} findings made, {self.count} counted")
        return made

    def __next__(self) -> Finding:
        if self._made is None:
            self._made = iter(self.findings())
        return next(self._made)


CheckFn = Callable[["Cascade"], Iterator[Finding]]
CompareFn = Callable[["Cascade", "Cascade"], Iterator[Finding]]
"""A rule across years: this year's cascade, then the previous year's."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A check: a stable code, a severity, a rationale and the function that runs it."""

    code: str
    name: str
    severity: Severity
    rationale: str
    run: CheckFn
    judul: str = ""  # the rule's title in Indonesian, for planners' reports
    sumber: str = ""  # the regulation and LKE criterion / KKE column the rule serves
    compare: CompareFn | None = None  # set for rules across years (run given `previous=`)

    @property
    def across_years(self) -> bool:
        """Whether the rule compares with the previous year (runs only when given one)."""
        return self.compare is not None


RULES: dict[str, Rule] = {}
"""Every rule, by code."""


def _codes(spec: Iterable[str] | str | None) -> list[str]:
    if spec is None:
        return []
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    codes = [s.strip().upper() for s in items if s.strip()]
    if not codes:
        raise ValueError(
            f"{spec!r} tidak menyebut kode pemeriksaan: tulis kode atau awalannya, "
            "mis. PK1,PK502 (`pokin rules` mendaftar semuanya)"
        )
    for code in codes:
        if not any(rule.startswith(code) for rule in RULES):
            raise ValueError(
                f"tidak ada pemeriksaan berkode {code!r}; kode yang ada: {', '.join(sorted(RULES))}"
            )
    return codes


def select_rules(
    select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None
) -> list[Rule]:
    """The rules whose code starts with one of ``select`` (all when empty), minus ``ignore``.

    >>> [r.code for r in select_rules(select="PK50", ignore="PK503")]
    ['PK501', 'PK502', 'PK504', 'PK505']
    """
    chosen, dropped = _codes(select), _codes(ignore)
    return [
        rule
        for code, rule in sorted(RULES.items())
        if (not chosen or any(code.startswith(s) for s in chosen))
        and not any(code.startswith(i) for i in dropped)
    ]


Chunk = list[Finding] | LazyBatch
"""The findings of one rule: made, or counted and made when first read."""


def _kind(chunk: Chunk) -> tuple[str, Severity, int] | None:
    """The code, severity and number of a rule's findings (``None``: it found nothing)."""
    if isinstance(chunk, LazyBatch):
        return (chunk.code, chunk.severity, chunk.count) if chunk.count else None
    return (chunk[0].code, chunk[0].severity, len(chunk)) if chunk else None


class Findings(Sequence[Finding]):
    """The findings of a check run, with the cascade they were computed on.

    :func:`pokin.check` gives the findings of each rule, most severe first; those of a
    :class:`LazyBatch` are made when first read. Their number, :meth:`counts`,
    :meth:`by_code` and a :meth:`filter` by code or severity are answered without making
    them; reading, iterating or indexing makes them all (once).
    """

    def __init__(self, findings: Iterable[Finding], cascade: Cascade) -> None:
        self._made: list[Finding] | None = list(findings)
        self._chunks: list[Chunk] = []
        self.cascade = cascade

    @classmethod
    def of_chunks(cls, chunks: list[Chunk], cascade: Cascade) -> Findings:
        """The findings of rules, each chunk the findings of one code and severity, in the
        order given (:func:`pokin.check` sorts them)."""
        made = cls((), cascade)
        made._made, made._chunks = None, chunks
        return made

    def __eq__(self, other: object) -> bool:
        """The same findings in the same order, whichever cascade they were computed on
        (``pokin.check(tree) == pokin.check(tree)``); a list of findings compares too."""
        if isinstance(other, Findings):
            return len(self) == len(other) and self._items == other._items
        if isinstance(other, list):
            return self._items == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # findings are compared, not hashed

    @property
    def _items(self) -> list[Finding]:
        if self._made is None:
            self._made = [
                f
                for chunk in self._chunks
                for f in (chunk.findings() if isinstance(chunk, LazyBatch) else chunk)
            ]
            self._chunks = []
        return self._made

    def _kinds(self) -> list[tuple[str, Severity, int]] | None:
        """(code, severity, how many) per chunk while the findings are not made yet."""
        if self._made is not None:
            return None
        return [kind for kind in map(_kind, self._chunks) if kind is not None]

    def __getstate__(self) -> dict[str, Any]:
        return {"_made": self._items, "_chunks": [], "cascade": self.cascade}

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self._items[index], self.cascade)
        return self._items[index]

    def __len__(self) -> int:
        kinds = self._kinds()
        if kinds is not None:
            return sum(count for *_, count in kinds)
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Findings: {counts_text(self.counts())}>"

    def filter(
        self,
        *,
        select: Iterable[str] | str | None = None,
        ignore: Iterable[str] | str | None = None,
        severity: Severity | str = Severity.INFO,
        jabatan: str | None = None,
    ) -> Findings:
        """The findings matching all the given conditions."""
        codes = {r.code for r in select_rules(select, ignore)}
        floor = Severity.parse(severity)
        if self._made is None and jabatan is None:  # each chunk kept or left whole
            kept = [
                chunk
                for chunk in self._chunks
                if (kind := _kind(chunk)) is not None and kind[0] in codes and kind[1] >= floor
            ]
            return Findings.of_chunks(kept, self.cascade)
        return Findings(
            (
                f
                for f in self._items
                if f.code in codes
                and f.severity >= floor
                and (jabatan is None or f.jabatan == jabatan)
            ),
            self.cascade,
        )

    @property
    def errors(self) -> Findings:
        """Only the errors."""
        return self.filter(severity=Severity.ERROR)

    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        kinds = self._kinds()
        tally: Counter[str] = Counter()
        if kinds is None:
            tally.update(str(f.severity) for f in self._items)
        for _, severity, count in kinds or ():
            tally[str(severity)] += count
        return {name: tally.get(name, 0) for name in ("error", "warning", "info")}

    def by_code(self) -> dict[str, int]:
        """How many findings of each code, by code."""
        kinds = self._kinds()
        tally: Counter[str] = Counter()
        if kinds is None:
            tally.update(f.code for f in self._items)
        for code, _, count in kinds or ():
            tally[code] += count
        return dict(sorted(tally.items()))

    def codes_of(self, node_id: str) -> list[str]:
        """The codes of the findings about one node."""
        return sorted({f.code for f in self._items if f.where == node_id})

    def to_records(self) -> list[dict[str, Any]]:
        """The findings as a list of flat dicts (a table without pandas)."""
        return [f.to_record() for f in self._items]

    def coverage(self) -> Coverage:
        """How much of each unit reaches an IKU."""
        return coverage(self.cascade)
