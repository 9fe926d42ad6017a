"""Rules PK701, PK702, PK704: result levels (``level_hasil``) down the cascade.

The levels come from :mod:`pokin.levels`: written in the file, or inferred from the owner's
eselon or role. Findings on inferred levels say so, so a planner knows to check the role
(or write ``level_hasil:``) rather than the link.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import itemgetter, lt
from typing import cast

from ..findings import Finding, Severity
from ..graph import Cascade
from ..levels import Level, Levels
from ..models import LevelHasil
from .measurability import pimpinan
from .registry import finding, rule, short
from .wording import _COUNT, activity_word, counts_activity

_M88 = "PermenPAN-RB 88/2021"
_COUNTS = _COUNT.match  # counts_activity, without a call of its own per indicator
_RANK = {level._value_: level.rank for level in LevelHasil}
""":attr:`LevelHasil.rank` by the level's text (a dict of texts, not of enum members, whose
hash is a Python call: PK701 compares the levels of every link)."""


@rule(
    "PK701",
    "Level hasil bawahan lebih tinggi dari yang didukung",
    "level-inversion",
    Severity.WARNING,
    "PermenPAN-RB 89/2021: a child never sits at a higher result level than what it supports.",
    sumber=f"PermenPAN-RB 89/2021; {_M88} LKE 1.b.8, KKE 2",
)
def _level_inversion(c: Cascade) -> Iterator[Finding]:
    levels = Levels(c)
    pairs = list(c.link_keys())
    uppers = levels.get_many(map(itemgetter(0), pairs))
    lowers = levels.get_many(map(itemgetter(1), pairs))
    # each end's rank, by the few Level objects there are (an end without one: no finding)
    known = dict(zip(map(id, uppers), uppers, strict=True))
    known.update(zip(map(id, lowers), lowers, strict=True))
    known.pop(id(None), None)
    rank = {key: _RANK[cast(Level, level).level._value_] for key, level in known.items()}
    upper_rank = map({**rank, id(None): -1}.__getitem__, map(id, uppers))
    lower_rank = map({**rank, id(None): 99}.__getitem__, map(id, lowers))
    down = {*c.links_of_kind("down"), *c.links_of_kind("self")}  # PK304 reports those
    inverted = {
        pairs[n]: (uppers[n], lowers[n])
        for n in compress(count(), map(lt, lower_rank, upper_rank))
        if pairs[n] not in down
    }
    for parent, child in c.in_link_order(inverted):
        upper, lower = cast(tuple[Level, Level], inverted[parent, child])
        owner = c.owner(child)
        above = c.owner(parent)
        yield finding(
            c,
            "PK701",
            child,
            f"{owner.nama if owner else 'IKU'}: «{short(c.uraian(child), 50)}» "
            f"({lower.label}) mendukung «{short(c.uraian(parent), 50)}» "
            f"milik {above.nama if above else 'tabel IKU'} ({upper.label}): level hasil "
            "bawahan lebih tinggi dari yang didukungnya",
            "turunkan rumusan hasil bawahan ke levelnya (kondisi yang lebih operasional), "
            "perbaiki `level_hasil:`, atau tautkan ke indikator yang setingkat di atasnya",
            jabatan=owner,
        )


@rule(
    "PK702",
    "IKU berupa output atau hitungan kegiatan",
    "iku-not-outcome",
    Severity.WARNING,
    "The IKU state the office's outcomes; an output or a count of activities is no IKU.",
    sumber=f"{_M88} LKE 1.b.4 dan 1.b.8, KKE 2",
)
def _iku_not_outcome(c: Cascade) -> Iterator[Finding]:
    levels = Levels(c)
    table = {str(i.id) for s in c.tree.iku for i in s.indikator}
    for ind_id in c.iku:
        text = c.uraian(ind_id)
        level = levels.of(ind_id)
        why = None
        if not level.inferred and not level.level.is_outcome:
            why = "ditandai sebagai output (`level_hasil: output`)"
        elif ind_id in table and counts_activity(text) and not _falls(c, ind_id):
            why = "menghitung kegiatan atau produk (output)"
        elif ind_id in table and (verb := activity_word(text)):
            why = f"diawali kata kerja kegiatan «{verb}»"
        if why is None:
            continue
        yield finding(
            c,
            "PK702",
            ind_id,
            f"IKU «{short(text)}» {why}, padahal IKU semestinya outcome",
            "rumuskan kondisi yang ingin dicapai organisasi (persentase, indeks, nilai, "
            "tingkat); hitungan kegiatan menjadi indikator staf yang mengerjakannya",
        )


def _falls(c: Cascade, ind_id: str) -> bool:
    """Whether an indicator is written to go down (``polaritas: turun``): a count of cases
    or incidents to reduce measures a condition, not how many things were done."""
    return getattr(c.node(ind_id), "polaritas", "naik") == "turun"


@rule(
    "PK704",
    "Hitungan kegiatan pada level outcome",
    "activity-count-at-outcome",
    Severity.WARNING,
    "An indicator at an outcome level measures a condition, not how many things were done.",
    sumber=f"PermenPAN-RB 89/2021; {_M88} LKE 1.b.5 dan 1.b.8, KKE 2",
)
def _count_at_outcome(c: Cascade) -> Iterator[Finding]:
    levels = Levels(c)
    # PK505 speaks for the camat, the sekretaris and eselon III
    covered = {jabatan.id for jabatan in c.derived(pimpinan)}
    rows, uraian = c.indikator_rows, c.column("uraian")
    # the indicators that count something, in one regex sweep of the column
    for jabatan, indikator in [rows[at] for at in compress(count(), map(_COUNTS, uraian))]:
        if jabatan is None or jabatan.id in covered or indikator.polaritas == "turun":
            continue  # a count written to go down (cases, incidents) is a condition
        level = levels.of(str(indikator.id))
        if level.level.is_outcome:
            yield finding(
                c,
                "PK704",
                str(indikator.id),
                f"{jabatan.nama}: «{short(indikator.uraian)}» menghitung kegiatan atau produk, "
                f"padahal indikator ini pada level {level.label}",
                "ukur kondisi yang dihasilkan (persentase ... yang ..., tingkat ...); "
                "hitungan produk menjadi indikator staf, atau tulis `level_hasil: output` "
                "bila jabatan ini memang pemilik output",
                jabatan=jabatan,
            )
