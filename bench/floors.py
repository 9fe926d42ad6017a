"""Floors for bench_scale.py: the least work each operation must do, on plain dicts.

A floor is timed in the same run as the operation it stands under, so the ratio between
the two means something on a noisy, shared machine where absolute seconds do not.
"""

from __future__ import annotations

import csv
import io
from collections import deque
from typing import Any

_FIELDS = ("formulasi", "sumber_data", "satuan", "target")


def check_floor(data: dict[str, Any]) -> tuple[int, int, int]:
    """The plain-dict floor of ``pokin.check``: kinerja that reach the top (an orphan scan),
    links that skip a level, indicators missing a field. Returns the three counts."""
    owner: dict[str, str] = {}
    atasan: dict[str, str | None] = {}
    below: dict[str, list[str]] = {}
    kinerja_of: dict[str, str] = {}
    tops: list[str] = []
    missing = 0
    for jabatan in data["jabatan"]:
        jid = jabatan["id"]
        atasan[jid] = jabatan.get("atasan")
        for kinerja in jabatan.get("kinerja", ()):
            kid = kinerja["id"]
            owner[kid] = jid
            if jabatan.get("atasan") is None:
                tops.append(kid)
            for indikator in kinerja.get("indikator", ()):
                owner[indikator["id"]] = jid
                kinerja_of[indikator["id"]] = kid
                below.setdefault(kid, []).append(indikator["id"])
                missing += sum(1 for f in _FIELDS if not indikator.get(f))
            for link in kinerja.get("mendukung", ()):
                below.setdefault(link if isinstance(link, str) else link["ke"], []).append(kid)
    seen = set(tops)
    queue = deque(tops)
    while queue:
        for nxt in below.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    reached = sum(1 for k in owner if k in seen and k not in kinerja_of)
    skips = sum(
        1
        for parent, children in below.items()
        for child in children
        if parent in kinerja_of and atasan[owner[child]] not in (owner[parent], None)
    )
    return reached, skips, missing


def walk_floor(data: dict[str, Any]) -> int:
    """The floor of a planning step (paginate, infer_links): one pass over every node that
    formats a line of text for it, as a drawing or an index must at least do."""
    out = []
    for jabatan in data["jabatan"]:
        out.append(f'"{jabatan["id"]}" [label="{jabatan["nama"]}"]')
        for kinerja in jabatan.get("kinerja", ()):
            out.append(f'"{kinerja["id"]}" [label="{kinerja["uraian"]}"]')
            out.extend(
                f'"{indikator["id"]}" [label="{indikator["uraian"]}"]'
                for indikator in kinerja.get("indikator", ())
            )
    return len("\n".join(out))


def rows(data: dict[str, Any]) -> list[list[Any]]:
    """One row of twelve cells per indicator, as the Excel matrix has."""
    table: list[list[Any]] = []
    for jabatan in data["jabatan"]:
        for kinerja in jabatan.get("kinerja", ()):
            table.extend(
                [
                    jabatan.get("unit"),
                    jabatan["id"],
                    jabatan["nama"],
                    kinerja["id"],
                    kinerja["uraian"],
                    indikator["id"],
                    indikator["uraian"],
                    *(indikator.get(f) for f in _FIELDS),
                    ", ".join(str(x) for x in kinerja.get("mendukung", ())),
                    None,
                ]
                for indikator in kinerja.get("indikator", ())
            )
    return table


def csv_write_floor(table: list[list[Any]]) -> str:
    """The floor of an Excel export: the same cells written as CSV."""
    out = io.StringIO()
    csv.writer(out).writerows(table)
    return out.getvalue()


def csv_read_floor(text: str) -> int:
    """The floor of an Excel read: the same cells read back from CSV."""
    return sum(1 for _ in csv.reader(io.StringIO(text)))
