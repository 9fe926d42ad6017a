"""The IKU table of a decree: sasaran strategis, their indicators, a target per year.

An e-SAKIP IKU page or a Renstra annex gives one target column per year and a penanggung
jawab; the year of the decree (else the first year) is the indicator's ``target``, every
year is kept (``IkuIndikator.per_tahun``, the tree's ``per_periode``), the penanggung
jawab goes to ``catatan``. A code before a text ("S.1", "I.K.S.1.1") is the id.
"""

from __future__ import annotations

from .document import TableRow
from .items import CODE_INDIKATOR, CODE_SASARAN, clean_item, split_catatan, split_code
from .pairing import split_unit, unit_in_target
from .parts import IkuIndikator, IkuSasaran, ParsedDecree

__all__ = [
    "add_coded_iku_row",
    "add_iku_row",
    "ends_iku",
    "iku_indikator",
    "pick_year",
    "same_sasaran",
]


def pick_year(years: dict[str, str], tahun: int | None) -> str:
    """The target of the decree's year, else the first year's; ``""`` when the periods
    are quarters only (their annual target is a column of its own, or none)."""
    if tahun is not None and years.get(str(tahun)):
        return years[str(tahun)]
    return next((v for k, v in years.items() if v and k.isdigit()), "")


def same_sasaran(iku: list[IkuSasaran], text: str, code: str | None) -> bool:
    """Whether a sasaran cell repeats the last sasaran of ``iku``: a cell merged down over
    its indicators (``rowspan``) that the table's grid, or a converter, wrote again on each
    row. The same words (spacing and case aside) and the same code, or a code on one only.

    >>> same_sasaran([IkuSasaran(1, "Meningkatnya  layanan", "S.1")], "meningkatnya layanan", None)
    True
    >>> same_sasaran([IkuSasaran(1, "Meningkatnya layanan", "S.1")], "Meningkatnya layanan", "S.2")
    False
    """
    if not iku:
        return False
    last = iku[-1]
    words = " ".join(text.casefold().split()) == " ".join(last.uraian.casefold().split())
    return words and (code is None or last.kode is None or code == last.kode)


def add_iku_row(
    decree: ParsedDecree,
    row: TableRow,
    roles: list[str],
    by_role: dict[str, str],
    years: dict[str, str],
) -> bool:
    """Add a row of the IKU table: a sasaran (with its first indicator), or one more
    indicator; ``False`` for an indicator before any sasaran (the caller reports it)."""
    iku = decree.iku
    sasaran = by_role.get("kinerja", "")
    column = roles.index("kinerja") if "kinerja" in roles else None
    merged_sasaran = column is not None and column < len(row.cells) and row.cells[column] is None
    if sasaran and not merged_sasaran:
        code, text = split_code(" ".join(sasaran.split()))
        if not same_sasaran(iku, text, code):
            iku.append(IkuSasaran(row.line, text, code))
    indikator = " ".join(by_role.get("indikator", "").split())
    if not indikator:
        return True
    code, text = split_code(clean_item(indikator))
    code = code or " ".join(by_role.get("kode", "").split()) or None  # a Kode column
    if code and not sasaran and CODE_SASARAN.fullmatch(code):
        iku.append(IkuSasaran(row.line, text, code))  # one text column: the code says
        return True
    if not iku:
        return False
    unit = unit_in_target(roles)
    iku[-1].indikator.append(
        iku_indikator(row.line, text, code, by_role, years, unit_in_target=unit)
    )
    return True


def iku_indikator(
    line: int,
    text: str,
    code: str | None,
    by_role: dict[str, str],
    years: dict[str, str],
    *,
    catatan: str = "",
    unit_in_target: bool = False,
) -> IkuIndikator:
    """One IKU indicator from its cells by role (``formulasi``, ``sumber_data``, ``satuan``,
    ``target``, ``penanggung_jawab``) and its targets per year (header year -> cell): the
    one mechanism every layout's IKU table goes through. ``catatan`` is what the layout
    itself noted on the row. With ``unit_in_target`` (a table without a Satuan column),
    targets written with their unit ("85%", "12 dokumen" in every year) give the satuan,
    as :func:`.pairing.split_unit` does for the positions' tables."""
    notes = [catatan] if catatan else []
    target = by_role.get("target", "")
    satuan = " ".join(by_role.get("satuan", "").split())
    if unit_in_target and not satuan:
        target, years, satuan = _units_out(target, years)
    if len(years) > 1:
        target = pick_year(years, None)  # the builder picks again once the year is known
    if by_role.get("penanggung_jawab"):
        notes.append("penanggung jawab: " + by_role["penanggung_jawab"].replace("\n", ", "))
    sumber, note = split_catatan(" ".join(by_role.get("sumber_data", "").split()))
    return IkuIndikator(
        line,
        text,
        code,
        " ".join(by_role.get("formulasi", "").split()),
        sumber,
        satuan,
        " ".join(target.split()),
        "; ".join([*notes, *([note] if note else [])]),
        dict(years) if len(years) > 1 else {},
    )


def add_coded_iku_row(decree: ParsedDecree, number: int, cells: list[str]) -> bool:
    """Add a row of a coded IKU table written as text (``S.1`` a sasaran, ``I.K.S.1.1`` its
    indicator, a row without a code going on the indicator above: its formula, or after a
    "Sumber Data" label its source); ``False`` when the row cannot be placed."""
    code, text = cells[0], " ".join(c for c in cells[1:] if c)
    iku = decree.iku
    if CODE_SASARAN.fullmatch(code):
        iku.append(IkuSasaran(number, text, code))
    elif CODE_INDIKATOR.fullmatch(code) and iku:
        iku[-1].indikator.append(IkuIndikator(number, text, code))
    elif not code and iku and iku[-1].indikator and text:
        indikator = iku[-1].indikator[-1]
        if text.lower() == "sumber data":
            indikator.sumber_data = "\x00"  # the label: the next line is the source
        elif indikator.sumber_data == "\x00":
            indikator.sumber_data = text
        elif indikator.sumber_data:
            indikator.sumber_data += " " + text
        else:
            indikator.formulasi = f"{indikator.formulasi} {text}".strip()
    else:
        return False
    return True


def ends_iku(roles: list[str], labels: list[str]) -> bool:
    """Whether a table header ends the IKU table being read: it heads a table of the
    positions' indicators (a ``Jabatan`` or ``Atasan`` column, or "Individu" in a label).
    Every reader (:mod:`.tablerows`, :mod:`.markdown`) ends it by this one rule.

    >>> ends_iku(["no", "jabatan", "kinerja", "indikator"], ["No", "Jabatan", "Kinerja", "IKI"])
    True
    >>> ends_iku(["kinerja", "indikator"], ["Sasaran", "Indikator Kinerja Individu"])
    True
    >>> ends_iku(["kinerja", "indikator"], ["Sasaran Strategis", "Indikator Kinerja Utama"])
    False
    """
    return "jabatan" in roles or "atasan" in roles or "INDIVIDU" in " ".join(labels).upper()


def _units_out(target: str, years: dict[str, str]) -> tuple[str, dict[str, str], str]:
    """The target and the targets per year without their unit, and the unit, when every
    one written carries the same unit; else all as they were, with no unit."""
    several = len(years) > 1  # the target is then picked from them (the cell joins them)
    values = [v for v in (years.values() if several else [target]) if v.strip()]
    found = [split_unit(v) for v in values]
    units = {f[1] for f in found if f}
    if not values or None in found or len(units) != 1:
        return target, years, ""
    bare = {value: f[0] for value, f in zip(values, found, strict=True) if f}
    return bare.get(target, target), {y: bare.get(v, v) for y, v in years.items()}, units.pop()
