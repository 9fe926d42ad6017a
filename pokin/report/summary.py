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
    """The counts of one organisasi's file (``tidak_terbaca`` set when it could not be read).

    ``tanpa_iku``: the tree has no IKU, so ``indikator_ke_iku`` counts the indicators that
    reach its top positions instead (kept out of the total's IKU figure). ``sama_dengan``:
    the file of the same organisasi and year met earlier in the run (this row is kept out of
    the totals, so a kecamatan is never counted twice).
    """

    berkas: str
    organisasi: str = ""
    jabatan: int = 0
    indikator: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    indikator_ke_iku: int = 0
    tidak_terbaca: str | None = None
    tahun: int | None = None
    tanpa_iku: bool = False
    sama_dengan: str | None = None

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
        tahun=tree.organisasi.tahun,
        tanpa_iku=not findings.cascade.has_iku,
    )


_HEAD = ("No", "Organisasi", "Berkas", "Jabatan", "Indikator", "Galat", "Peringatan", "Info")


def summary_text(rows: list[Ringkasan], *, reasons: bool = True) -> str:
    """The rows as an aligned table in Indonesian, with a total line.

    A row of an organisasi and year already listed, and the IKU figure of a tree without
    IKU, are marked and kept out of the total (each explained under the table).

    >>> print(summary_text([Ringkasan("a.yaml", "Kecamatan A", 2, 1000, 1, 0, 3, 800)]))
    Ringkasan per organisasi (1 berkas)
    No  Organisasi   Berkas  Jabatan  Indikator  Galat  Peringatan  Info  Indikator ke IKU
     1  Kecamatan A  a.yaml        2      1.000      1           0     3  800 (80,0%)
        Jumlah                     2      1.000      1           0     3  800 (80,0%)
    """
    good = [r for r in rows if r.tidak_terbaca is None and r.sama_dengan is None]
    with_iku = [r for r in good if not r.tanpa_iku]
    sums = {f: sum(getattr(r, f) for r in good) for f in _COUNTS}
    sums["indikator_ke_iku"] = sum(r.indikator_ke_iku for r in with_iku)
    total = Ringkasan("", "Jumlah", **sums)
    table = [[*_HEAD, "Indikator ke IKU"]]
    for number, row in enumerate(rows, 1):
        table.append(_cells(str(number), row, rows))
    table.append(_cells("", total, rows, indikator=sum(r.indikator for r in with_iku)))
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = [f"Ringkasan per organisasi ({format_number(len(rows))} berkas)"]
    for line in table:
        cells = [
            cell.ljust(width) if i in (1, 2, 8) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.extend(_footnotes(rows, good, with_iku))
    if reasons:  # else the reasons went to standard error, once (QA #20)
        lines.extend(
            f"{r.berkas}: tidak terbaca: {r.tidak_terbaca}"
            for r in rows
            if r.tidak_terbaca is not None
        )
    return "\n".join(lines)


_COUNTS = ("jabatan", "indikator", "error", "warning", "info", "indikator_ke_iku")
_TWICE = "*"
"""Marks the row of an organisasi and year listed before (not in the total)."""
_NO_IKU = "†"
"""Marks an IKU figure that counts the way to the top positions (the tree has no IKU)."""


def _cells(
    number: str, row: Ringkasan, rows: list[Ringkasan], *, indikator: int | None = None
) -> list[str]:
    if row.tidak_terbaca is not None:
        return [number, "(tidak terbaca)", row.berkas, *[""] * 6]
    base = row.indikator if indikator is None else indikator
    share = row.indikator_ke_iku / base if base else 0.0
    reached = f"{format_number(row.indikator_ke_iku)} ({format_percent(share)})"
    name = row.organisasi
    if row.sama_dengan is not None:
        first = next(n for n, r in enumerate(rows, 1) if r.berkas == row.sama_dengan)
        name = f"{name} {_TWICE}sama dengan no {first}"
    if row.tanpa_iku:
        reached += f" {_NO_IKU}"
    counts = (row.jabatan, row.indikator, row.error, row.warning, row.info)
    return [number, name, row.berkas, *(format_number(n) for n in counts), reached]


def _footnotes(
    rows: list[Ringkasan], good: list[Ringkasan], with_iku: list[Ringkasan]
) -> list[str]:
    """What the marks in the table mean (only the marks that appear)."""
    notes = []
    if any(r.sama_dengan is not None for r in rows):
        notes.append(
            f"{_TWICE} organisasi dan tahun yang sama sudah ada di baris sebelumnya: baris ini "
            "tidak dijumlahkan (periksa apakah salah satu berkas salinan)"
        )
    if any(r.tanpa_iku for r in good):
        notes.append(
            f"{_NO_IKU} tanpa IKU (PK103): dihitung sampai jabatan puncak, bukan ke IKU; tidak "
            f"termasuk Indikator ke IKU pada Jumlah ({format_number(len(with_iku))} dari "
            f"{format_number(len(good))} organisasi memiliki IKU)"
        )
    return notes
