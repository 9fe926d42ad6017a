"""One line per organisasi: the summary of a kabupaten's files checked in one run."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .._text import format_number, format_percent
from ..coverage import coverage
from ..findings import Findings

__all__ = ["Ringkasan", "summary_row", "summary_text"]


@dataclass(frozen=True, slots=True)
class Ringkasan:
    """The counts of one organisasi's file (``tidak_terbaca`` set when it could not be read)."""

    berkas: str
    organisasi: str = ""
    jabatan: int = 0
    indikator: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    indikator_ke_iku: int = 0
    tidak_terbaca: str | None = None

    def to_record(self) -> dict[str, Any]:
        """A flat dict, for JSON."""
        return asdict(self)


def summary_row(berkas: str, findings: Findings) -> Ringkasan:
    """The summary line of one checked tree."""
    tree = findings.cascade.tree
    counts = findings.counts()
    total = coverage(findings.cascade).total
    return Ringkasan(
        berkas=berkas,
        organisasi=tree.organisasi.nama,
        jabatan=len(tree.jabatan),
        indikator=total.indikator,
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        indikator_ke_iku=total.indikator_reached,
    )


_HEAD = ("No", "Organisasi", "Berkas", "Jabatan", "Indikator", "Galat", "Peringatan", "Info")


def summary_text(rows: list[Ringkasan], *, reasons: bool = True) -> str:
    """The rows as an aligned table in Indonesian, with a total line.

    >>> print(summary_text([Ringkasan("a.yaml", "Kecamatan A", 2, 1000, 1, 0, 3, 800)]))
    Ringkasan per organisasi (1 berkas)
    No  Organisasi   Berkas  Jabatan  Indikator  Galat  Peringatan  Info  Indikator ke IKU
     1  Kecamatan A  a.yaml        2      1.000      1           0     3  800 (80,0%)
        Jumlah                     2      1.000      1           0     3  800 (80,0%)
    """
    good = [r for r in rows if r.tidak_terbaca is None]
    total = Ringkasan(
        "",
        "Jumlah",
        *(sum(getattr(r, f) for r in good) for f in _COUNTS),
    )
    table = [[*_HEAD, "Indikator ke IKU"]]
    for number, row in enumerate(rows, 1):
        table.append(_cells(str(number), row))
    table.append(_cells("", total))
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = [f"Ringkasan per organisasi ({format_number(len(rows))} berkas)"]
    for line in table:
        cells = [
            cell.ljust(width) if i in (1, 2, 8) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    if reasons:  # else the reasons went to standard error, once (QA #20)
        lines.extend(
            f"{r.berkas}: tidak terbaca: {r.tidak_terbaca}"
            for r in rows
            if r.tidak_terbaca is not None
        )
    return "\n".join(lines)


_COUNTS = ("jabatan", "indikator", "error", "warning", "info", "indikator_ke_iku")


def _cells(number: str, row: Ringkasan) -> list[str]:
    if row.tidak_terbaca is not None:
        return [number, "(tidak terbaca)", row.berkas, *[""] * 6]
    share = row.indikator_ke_iku / row.indikator if row.indikator else 0.0
    reached = f"{format_number(row.indikator_ke_iku)} ({format_percent(share)})"
    counts = (row.jabatan, row.indikator, row.error, row.warning, row.info)
    return [number, row.organisasi, row.berkas, *(format_number(n) for n in counts), reached]
