"""The tree as pandas DataFrames, and as Parquet or CSV files for DuckDB and Polars.

``pokin.frames(tree)`` gives six tables, each row carrying the organisasi and its year, so
the tables of many kecamatan concatenate (``pd.concat``) or are queried together from
files (``SELECT * FROM 'pokin/*/indikator.parquet'`` in DuckDB):

``jabatan``    one row per position: role, eselon, unit, atasan, row in the drawing
``kinerja``    one row per kinerja (and IKU sasaran), its owner, whether it reaches an IKU
``indikator``  one row per indicator, with formulasi, target, realisasi and capaian
``tautan``     one row per cascade link as written (rejected ones too), with its kind
``findings``   the check findings
``coverage``   coverage to the IKU per unit and in total

pandas is an optional extra: ``pip install 'pokin[pandas]'`` (pyarrow too, for Parquet).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._files import atomic_write
from .capaian import compute_capaian
from .checks import Findings, check
from .errors import PokinError
from .graph import Cascade
from .models import Jabatan, Kinerja, PohonKinerja, Sasaran
from .render.layout import tiers

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "Frames", "frames", "records", "write_tables"]

FORMATS = ("parquet", "csv")
"""The file formats :func:`write_tables` writes."""

_NEEDS = "pokin.frames memerlukan pandas: pasang dengan `pip install 'pokin[pandas]'`"


@dataclass(frozen=True)
class Frames:
    """The six tables of a tree (see the module's docstring)."""

    jabatan: pd.DataFrame
    kinerja: pd.DataFrame
    indikator: pd.DataFrame
    tautan: pd.DataFrame
    findings: pd.DataFrame
    coverage: pd.DataFrame

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """(name, table) pairs, in the order above."""
        for spec in fields(self):
            yield spec.name, getattr(self, spec.name)


def records(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> dict[str, Any]:
    """The six tables as lists of flat dicts (no pandas needed).

    >>> from pokin import datasets
    >>> tables = records(datasets.load("sambutan-2023"))
    >>> {name: len(rows) for name, rows in tables.items()}["indikator"]
    81
    """
    cascade = tree if isinstance(tree, Cascade) else Cascade(tree)
    if findings is None:
        findings = check(cascade)
    cascade = findings.cascade
    t = cascade.tree
    org = {"organisasi": t.organisasi.nama, "tahun": t.organisasi.tahun}
    kinerja, indikator = _nodes(cascade, org)
    return {
        "jabatan": _positions(cascade, org),
        "kinerja": kinerja,
        "indikator": indikator,
        "tautan": _links(cascade, org),
        "findings": [{**org, **f.to_record()} for f in findings],
        "coverage": [{**org, **r} for r in findings.coverage().to_records()],
    }


def _positions(cascade: Cascade, org: dict[str, Any]) -> list[dict[str, Any]]:
    rows = tiers(cascade)
    return [
        {
            **org,
            "id": j.id,
            "nama": j.nama,
            "peran": j.peran.value,
            "eselon": j.eselon,
            "unit": j.unit,
            "atasan": j.atasan,
            "baris": rows[str(j.id)],
            "kinerja": len(j.kinerja),
            "terhubung_iku": any(str(k.id) in cascade.reached for k in j.kinerja),
        }
        for j in cascade.tree.jabatan
    ]


def _nodes(cascade: Cascade, org: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The kinerja (and IKU sasaran) rows, and the indicator rows."""
    t, reached, capaian = cascade.tree, cascade.reached, compute_capaian(cascade)
    nodes: list[tuple[Jabatan | None, Sasaran | Kinerja, str]]
    nodes = [(None, s, "sasaran") for s in t.iku]
    nodes += [(j, k, "kinerja") for j, k in t.iter_kinerja()]
    kinerja, indikator = [], []
    for owner, node, jenis in nodes:
        where = {
            "jabatan": owner.id if owner else None,
            "unit": owner.unit if owner else None,
            "kinerja": node.id,
        }
        top = jenis == "sasaran"
        kinerja.append(
            {
                **org,
                "id": node.id,
                "jenis": jenis,
                "jabatan": where["jabatan"],
                "unit": where["unit"],
                "uraian": node.uraian,
                "indikator": len(node.indikator),
                "terhubung_iku": top or str(node.id) in reached,
            }
        )
        for i in node.indikator:
            value = capaian.get(str(i.id))
            indikator.append(
                {
                    **org,
                    "id": i.id,
                    **where,
                    **i.model_dump(include=_INDIKATOR),
                    "capaian": value.nilai if value else None,
                    "lampu": value.lampu if value else None,
                    "iku": top or str(i.id) in cascade.iku,
                    "terhubung_iku": str(i.id) in reached,
                }
            )
    return kinerja, indikator


_INDIKATOR = {"uraian", "formulasi", "sumber_data", "satuan", "target", "realisasi", "polaritas"}


def _links(cascade: Cascade, org: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for jabatan, kinerja in cascade.tree.iter_kinerja():
        for holder, link in kinerja.iter_links():
            known = link.ke is not None and link.ke in cascade
            out.append(
                {
                    **org,
                    "jabatan": jabatan.id,
                    "dari": holder.id,
                    "ke": link.ke,
                    "teks": link.teks,
                    "asal": link.asal.value,
                    "status": link.status.value if link.status else None,
                    "skor": link.skor,
                    "alasan": link.alasan,
                    "aktif": link.active,
                    "relasi": cascade.link_kind(link.ke, str(holder.id))
                    if known and link.ke
                    else None,
                }
            )
    return out


_COLUMNS = {  # the columns of an empty table, so every file of every kecamatan has them all
    "findings": ["organisasi", "tahun", "code", "severity", "where", "message", "hint"],
    "tautan": ["organisasi", "tahun", "jabatan", "dari", "ke", "asal", "status", "skor"],
}


def frames(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> Frames:
    """The tree as six pandas DataFrames (see the module's docstring).

    Raises:
        PokinError: pandas is not installed (``pip install 'pokin[pandas]'``).

    >>> from pokin import datasets
    >>> f = frames(datasets.load("sambutan-2023"))  # doctest: +SKIP
    >>> f.indikator.groupby("unit").terhubung_iku.mean()  # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError:
        raise PokinError(_NEEDS) from None
    tables = records(tree, findings=findings)
    built = {
        name: pd.DataFrame(rows) if rows else pd.DataFrame(columns=_COLUMNS.get(name, []))
        for name, rows in tables.items()
    }
    return Frames(**built)


def write_tables(
    tree: PohonKinerja | Cascade,
    folder: str | os.PathLike[str],
    *,
    format: str = "parquet",
    findings: Findings | None = None,
) -> list[Path]:
    """Write the six tables into ``folder`` as ``<table>.parquet`` or ``<table>.csv``.

    Each file is written atomically. Returns the paths written.

    Raises:
        PokinError: pandas (or, for Parquet, pyarrow) is not installed.
        ValueError: an unknown format.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise PokinError(_NEEDS.replace("pandas", "pyarrow")) from None
    target = Path(folder)
    written = []
    for name, table in frames(tree, findings=findings).items():
        path = target / f"{name}.{format}"
        with atomic_write(path, binary=format == "parquet") as handle:
            if format == "parquet":
                table.to_parquet(handle, index=False)
            else:
                _inert(table).to_csv(handle, index=False)
        written.append(path)
    return written


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell a spreadsheet would run as a formula (one starting
    with ``= + - @``, a tab or a carriage return, OWASP's CSV-injection rule) prefixed by
    ``'``: a planner double-clicks a CSV into Excel or LibreOffice, and a name like
    ``=HYPERLINK(...)`` in a decree must stay text there. A text that reads as a number
    (``-5``, ``+2,5``) is kept as it is; Parquet keeps every value unchanged."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":  # text (object or string dtype)
            out[column] = out[column].map(_inert_cell)
    return out


def _inert_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _numeric(value):
        return "'" + value
    return value


def _numeric(text: str) -> bool:
    try:
        float(text.replace(",", ".", 1))
    except ValueError:
        return False
    return True
