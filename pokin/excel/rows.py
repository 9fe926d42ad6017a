"""Rows of the matrix and IKU sheets into kinerja (or sasaran) with their indicators.

A row belongs to the kinerja named by its ``ID Kinerja``; a row without one starts a new
kinerja, unless the row above is of the same jabatan and has the same kinerja text and no
id either (a planner's new kinerja with several indicators). A row with an indicator but no
kinerja at all continues the kinerja of the row above (the layout of a decree's table,
where the kinerja is written once). The kinerja's own cells may be left empty on all but
one of its rows; two different values are an error.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .._text import fold
from .cells import Loc, Reader, Table
from .layout import FIELDS, lines, quoted, read_periods

__all__ = ["iku_data", "links", "matrix_data", "provenance"]

Provenance = dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]

_IND_KEYS = tuple(FIELDS["indikator"].values())


@dataclass
class _Group:
    """A kinerja (or sasaran) being gathered from its rows."""

    data: dict[str, Any]
    loc: Loc
    owner: str | None  # the jabatan id (None in the IKU table)
    rows: dict[str, int] = field(default_factory=dict)  # field -> the row it was read from


class _Grouping:
    def __init__(self, reader: Reader, table: Table, kind: str) -> None:
        self.reader = reader
        self.table = table
        self.kind = kind
        self.fields = {f: k for f, k in FIELDS[kind].items() if k in table.columns}
        self.by_id: dict[str, _Group] = {}
        self.groups: list[_Group] = []
        self.last: _Group | None = None

    def find(
        self, row: int, values: dict[str, Any], owner: str | None, loc: Loc, indikator: bool
    ) -> _Group | None:
        """The group of this row (``None`` for a jabatan-only row); ``loc`` if it is new."""
        gid = _strip(values[self.fields["id"]])
        text = values[self.fields["uraian"]]
        if not any(values[k] is not None for k in self.fields.values()):
            if not indikator:
                self.last = None
                return None
            if self.last is None or self.last.owner != owner:
                raise self.reader.error(
                    self.table,
                    row,
                    self.fields["uraian"],
                    f"indikator ini tidak punya {self.kind}",
                    f"tulis teks {self.kind}-nya (atau ID-nya) di baris ini",
                )
            return self.last
        group = self.by_id.get(gid) if gid else None
        last = self.last
        if group is None and gid is None and last is not None and text is not None:
            same_text = fold(last.data.get("uraian")) == fold(text)
            if last.owner == owner and "id" not in last.data and same_text:
                group = last
        if group is None:
            group = _Group({"indikator": []}, loc, owner)
            self.reader.marks[loc] = (self.table, row, None, self.kind)
            self.groups.append(group)
            if gid:
                self.by_id[gid] = group
        elif group.owner != owner:
            raise self.reader.error(
                self.table,
                row,
                "jabatan_id",
                f"{self.kind} {gid!r} milik jabatan {group.owner!r} "
                f"(baris {self.reader.marks[group.loc][1]}), tetapi baris ini menyebut {owner!r}",
                "satu kinerja milik satu jabatan: perbaiki 'ID Jabatan', atau kosongkan "
                "'ID Kinerja' untuk membuat kinerja baru",
            )
        self._merge(group, row, values)
        self.last = group
        return group

    def _merge(self, group: _Group, row: int, values: dict[str, Any]) -> None:
        for name, key in self.fields.items():
            value = values[key]
            if value is None:
                continue
            old = group.data.get(name)
            if old == value:
                continue  # the same cell again: the common case, kept cheap
            if old is None:
                group.data[name] = value
                group.rows[name] = row
                self.reader.marks[(*group.loc, name)] = (self.table, row, key, None)
            elif _same(name, old, value) is False:
                raise self.reader.error(
                    self.table,
                    row,
                    key,
                    f"{value!r} berbeda dari {old!r} di baris {group.rows[name]}, "
                    f"dalam {self.kind} yang sama",
                    f"sel sebuah {self.kind} harus sama di setiap barisnya (atau kosong di "
                    f"semua baris kecuali satu); untuk membuat {self.kind} baru, kosongkan ID-nya",
                )

    def finish(self) -> None:
        """Turn the link cells into links, now that every group is known."""
        for group in self.groups:
            raw = group.data.pop("mendukung", None)
            if raw is not None:
                group.data["mendukung"] = links(
                    self.reader,
                    raw,
                    _strip(group.data.get("id")),
                    group.loc,
                    self.table,
                    group.rows["mendukung"],
                    self.fields["mendukung"],
                )


def _strip(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _link_key(line: str) -> str:
    """A link as the Tautan sheet writes it: ``"text"`` in straight quotes, or the id."""
    text = quoted(line)
    return f'"{text}"' if text is not None else line


def _same(name: str, old: Any, new: Any) -> bool:
    if name == "mendukung":
        return [_link_key(s) for s in lines(old)] == [_link_key(s) for s in lines(new)]
    return str(old).strip() == str(new).strip()


def _indikator(
    reader: Reader, table: Table, row: int, values: dict[str, Any], loc: Loc
) -> dict[str, Any]:
    """The indicator of a row that has one."""
    item = {
        name: values[key]
        for name, key in FIELDS["indikator"].items()
        if name != "mendukung" and values[key] is not None
    }
    for key in ("polaritas", "akumulasi"):
        if isinstance(item.get(key), str):
            item[key] = item[key].strip().casefold()
    if isinstance(item.get("per_periode"), str):
        item["per_periode"] = read_periods(item["per_periode"])
    item["mendukung"] = links(
        reader,
        values["indikator_mendukung"],
        _strip(values["indikator_id"]),
        loc,
        table,
        row,
        "indikator_mendukung",
    )
    reader.marks[loc] = (table, row, None, "indikator")
    return item


def matrix_data(reader: Reader, table: Table, jabatan: list[dict[str, Any]]) -> None:
    """Add the kinerja of the matrix rows to the positions of the Jabatan sheet."""
    index: dict[str, int] = {}
    for number, item in enumerate(jabatan):
        key = _strip(item.get("id"))
        if key is not None:
            index.setdefault(key, number)
    grouping = _Grouping(reader, table, "kinerja")
    for row, values in table.rows:
        jid = _strip(values["jabatan_id"])
        if jid is None or jid not in index:
            close = difflib.get_close_matches(jid or "", list(index), n=3)
            raise reader.error(
                table,
                row,
                "jabatan_id",
                f"tidak ada jabatan di lembar 'Jabatan' dengan ID {jid!r}"
                if jid
                else "baris ini tidak menyebut jabatan",
                (f"maksudnya {', '.join(map(repr, close))}? " if close else "")
                + "tulis ID sebuah jabatan dari lembar 'Jabatan' (kolom 'ID Jabatan'), atau "
                "tambahkan jabatannya di sana",
            )
        j_no = index[jid]
        kinerja = jabatan[j_no].setdefault("kinerja", [])
        loc: Loc = ("jabatan", j_no, "kinerja", len(kinerja))
        _place(reader, table, grouping, row, values, jid, loc, kinerja)
    grouping.finish()


def iku_data(reader: Reader, table: Table) -> list[dict[str, Any]]:
    """The IKU table: sasaran with their indicators."""
    sasaran: list[dict[str, Any]] = []
    grouping = _Grouping(reader, table, "sasaran")
    for row, values in table.rows:
        _place(reader, table, grouping, row, values, None, ("iku", len(sasaran)), sasaran)
    return sasaran


def _place(
    reader: Reader,
    table: Table,
    grouping: _Grouping,
    row: int,
    values: dict[str, Any],
    owner: str | None,
    loc: Loc,
    groups: list[dict[str, Any]],
) -> None:
    """Put one row in place: its kinerja (or sasaran), new at ``loc`` in ``groups`` or
    continued from the rows above, and its indicator under it."""
    has_indikator = any(values[k] is not None for k in _IND_KEYS)
    group = grouping.find(row, values, owner, loc, has_indikator)
    if group is None:
        return
    if group.loc == loc:
        groups.append(group.data)
    if has_indikator:
        indikator = group.data["indikator"]
        loc = (*group.loc, "indikator", len(indikator))
        indikator.append(_indikator(reader, table, row, values, loc))


_YA_TIDAK: dict[Any, bool | None] = {"ya": True, "y": True, "tidak": False, "t": False, "": None}
"""The Komponen Formula cell as a planner types it (``ya`` / ``tidak``)."""


def provenance(reader: Reader, table: Table) -> Provenance:
    """The Tautan sheet: asal, skor, status and alasan by (owner id, link as written)."""
    found: Provenance = {}
    for row, values in table.rows:
        owner, ke = values["pemilik"], values["ke"]
        if owner is None or ke is None:
            raise reader.error(
                table,
                row,
                "pemilik" if owner is None else "ke",
                "tautan perlu ID pemiliknya dan ID yang didukungnya",
                "isi keduanya, atau hapus baris ini",
            )
        fields = {k: values[k] for k in ("asal", "skor", "status", "alasan", "komponen")}
        for k in ("asal", "status", "komponen"):
            if isinstance(fields[k], str):
                fields[k] = fields[k].strip().casefold()
        fields["komponen"] = _YA_TIDAK.get(fields["komponen"], fields["komponen"])
        if isinstance(fields["skor"], str):  # a number is read with the decimal comma
            fields["skor"] = fields["skor"].strip().replace(",", ".")
        fields = {k: v for k, v in fields.items() if v is not None}
        key = (str(owner).strip(), _link_key(str(ke).strip()))
        found.setdefault(key, []).append((row, fields))
    return found


def links(
    reader: Reader,
    cell: str | None,
    owner: str | None,
    loc: Loc,
    table: Table,
    row: int,
    key: str,
) -> list[dict[str, Any]]:
    """The links written in a ``Mendukung (ID)`` cell, with their provenance.

    A line is an id, or an indicator's text in quotes: straight ``"..."`` as pokin writes
    them, or the curly ones autocorrect types (``“...”``, ``„...“``, ``«...»``, ``‘...’``,
    ``'...'``).
    """
    result: list[dict[str, Any]] = []
    if cell is None:
        return result  # most cells: no link written
    for number, line in enumerate(lines(cell)):
        text = quoted(line)
        link: dict[str, Any] = {"teks": text} if text is not None else {"ke": line}
        where = (*loc, "mendukung", number)
        rows = reader.provenance.get((owner, _link_key(line)), []) if owner else []
        if rows:
            tautan_row, fields = rows.pop(0)
            link.update(fields)
            assert reader.tautan is not None
            reader.marks[where] = (reader.tautan, tautan_row, None, "tautan")
            reader.marks[(*where, "ke")] = (table, row, key, None)
            reader.marks[(*where, "teks")] = (table, row, key, None)
        else:
            reader.marks[where] = (table, row, key, None)
        result.append(link)
    return result
