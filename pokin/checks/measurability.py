"""Rules PK5xx: every indicator can be measured (formulasi, sumber data, satuan, target)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count

from .._text import fold
from ..findings import RULES, Finding, LazyBatch, Severity, new_finding
from ..graph import Cascade
from ..models import Jabatan
from .registry import finding, owners_read, rule, short

_BLANK = {"", "-", "–", "—", "n/a", "na", "tidak ada"}


def _missing(value: str | None) -> bool:
    return value is None or value.strip().casefold() in _BLANK


def _unmeasured(c: Cascade, code: str, field: str, label: str) -> Iterator[Finding]:
    """Every indicator whose ``field`` is missing (blank, "-", "n/a", "tidak ada"): counted
    now, the findings made when read (a :class:`LazyBatch`: a tree of 1e5 indicators
    without satuan has 1e5 of them)."""
    values = c.column(field)
    # texts repeat ("laporan bulanan"): each is judged once
    missing = {value for value in set(values) if _missing(value)}
    # the indicators found in one sweep of the column (in C); their findings made from
    # what is read now (the texts, the ids, the owners' names), whenever they are read
    found = list(compress(count(), map(missing.__contains__, values)))
    if not found:
        return iter(())
    rows, uraians, ids = c.indikator_rows, c.column("uraian"), c.column("id")
    if rows[found[0]][0] is None:  # the IKU table comes first
        found = [n for n in found if rows[n][0] is not None or not _given_below(c, n, field)]
        if not found:
            return iter(())
    owners = c.derived(owners_read)
    severity = RULES[code].severity
    hint = f"tambahkan `{field}:` sesuai keputusan atau perjanjian kinerja"

    def make() -> Iterator[Finding]:
        current: Jabatan | bool | None = False  # a jabatan's rows come together
        who, jabatan, unit = "IKU", None, None
        for n in found:
            owner, uraian, where = rows[n][0], uraians[n], ids[n]
            if owner is not current:
                current = owner
                who, jabatan, unit = owners[id(owner)] if owner else ("IKU", None, None)
            message = f"{who}: indikator «{short(uraian)}» belum memiliki {label}"
            yield new_finding(code, severity, where, message, hint, jabatan, unit)

    return LazyBatch(code, severity, len(found), make)


def _given_below(c: Cascade, n: int, field: str) -> bool:
    """Whether IKU indicator ``n`` (a row of :attr:`Cascade.indikator_rows`) has ``field``
    from the indicator that restates it below: an IKU table often lists only the
    indicators and targets, while the Camat's perjanjian kinerja, linked to it with the
    same text, gives the formulasi and sumber data. The indicator is defined in the tree
    once; a finding for the IKU row would be noise on every decree that does so."""
    iku = c.indikator[n]
    text = fold(iku.uraian)
    for child in c.children(str(iku.id)):
        node = c.node(child)
        if fold(node.uraian) == text and not _missing(getattr(node, field, None)):
            return True
    return False


# One function per rule (not a factory called at import): each runs ``_unmeasured`` when
# the check runs, which is also what a mutation tester's trampolines need to reach it.
@rule(
    "PK501",
    "Indikator tanpa formulasi",
    "no-formulasi",
    Severity.WARNING,
    "LKE SAKIP (PermenPAN-RB 88/2021): an indicator must say how it is computed.",
    sumber="PermenPAN-RB 88/2021 LKE 2.a.2, KKE 5 Formula; LKE 1.b.5, KKE 1 Dapat Diukur",
)
def _no_formulasi(c: Cascade) -> Iterator[Finding]:
    return _unmeasured(c, "PK501", "formulasi", "formulasi (rumus atau penjelasan)")


@rule(
    "PK502",
    "Indikator tanpa sumber data",
    "no-sumber-data",
    Severity.WARNING,
    "LKE SAKIP (PermenPAN-RB 88/2021): an indicator must name where its data comes from.",
    sumber="PermenPAN-RB 88/2021 LKE 2.a.2, KKE 5 Sumber Data",
)
def _no_sumber_data(c: Cascade) -> Iterator[Finding]:
    return _unmeasured(c, "PK502", "sumber_data", "sumber data")


@rule(
    "PK503",
    "Indikator tanpa satuan",
    "no-satuan",
    Severity.INFO,
    "An indicator's target and realisasi are compared in a unit (persen, dokumen, indeks).",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.5, KKE 1 Dapat Diukur",
)
def _no_satuan(c: Cascade) -> Iterator[Finding]:
    return _unmeasured(c, "PK503", "satuan", "satuan")


@rule(
    "PK504",
    "Indikator tanpa target",
    "no-target",
    Severity.WARNING,
    "LKE SAKIP: capaian is realisasi against target; without a target nothing is measured.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.5 dan 1.b.7, KKE 1 Dapat Diukur dan Dapat Dicapai",
)
def _no_target(c: Cascade) -> Iterator[Finding]:
    return _unmeasured(c, "PK504", "target", "target")


def at_pimpinan(jabatan: Jabatan) -> bool:
    """Whether PK505 covers the position: the camat, the sekretaris, or eselon III."""
    return jabatan.peran.is_pimpinan or (jabatan.eselon or "").upper().startswith("III")


def pimpinan(c: Cascade) -> list[Jabatan]:
    """The positions :func:`at_pimpinan` covers, in file order (judged once per eselon and
    role: PK505 and PK704 read them)."""
    judged: dict[tuple[str | None, str], bool] = {}
    found = []
    for jabatan in c.tree.jabatan:
        key = (jabatan.eselon, jabatan.peran._value_)
        covered = judged.get(key)
        if covered is None:
            covered = judged[key] = at_pimpinan(jabatan)
        if covered:
            found.append(jabatan)
    return found


_ACTIVITY = re.compile(r"^\s*(\d+[.)]\s*)?(jumlah|banyaknya|frekuensi)\b", re.IGNORECASE)


@rule(
    "PK505",
    "Indikator kegiatan (Jumlah ...) di tingkat Camat / eselon III",
    "activity-count-at-pimpinan",
    Severity.WARNING,
    "LKE SAKIP: eselon III indicators must be outcomes; 'Jumlah ...' counts activities (output).",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.4 dan 1.b.8, KKE 2",
)
def _activity_counts(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.derived(pimpinan):
        for indikator in jabatan.iter_indikator():
            # a count written to go down (cases, incidents) counts a condition, no activity
            if _ACTIVITY.match(indikator.uraian) and indikator.polaritas != "turun":
                yield finding(
                    c,
                    "PK505",
                    str(indikator.id),
                    f"{jabatan.nama}: «{short(indikator.uraian)}» menghitung kegiatan "
                    "(output), padahal indikator tingkat eselon III semestinya hasil (outcome)",
                    "rumuskan hasil yang dicapai (persentase, indeks, atau tingkat), dan "
                    "serahkan hitungan kegiatan kepada staf yang mengerjakannya",
                    jabatan=jabatan,
                )
