"""Rules PK801–PK803: what the evaluator compares across years, given last year's tree.

They run only when :func:`pokin.check` is given ``previous=`` (``pokin check NEW --previous
OLD``): LKE 1.b.6 asks that the IKU do not change often within one Renstra period, 1.b.7 that
targets are achievable yet challenging (a target below last year's realisasi is a finding),
and a position whose every indicator changed breaks the comparison of realisasi across years
that 3.b.5 asks for. Positions and indicators of the two years are paired by id, then by
title and text (:func:`pokin._pairing.match_trees`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._pairing import TreeMatch, match_trees, pair, word_diff
from .._text import fold, format_decimal, words
from ..capaian import comparable, number
from ..errors import PreviousYearError
from ..findings import Finding, Severity
from ..graph import Cascade
from ..models import Indikator, Jabatan, Organisasi, PohonKinerja
from .registry import finding, rule_across_years, short

__all__ = ["iku_of", "last_realisasi", "require_earlier", "same_renstra"]

_MATCHES: dict[tuple[int, int], TreeMatch] = {}


def require_earlier(old: PohonKinerja, new: PohonKinerja) -> None:
    """Refuse ``old`` as last year's tree of ``new``: raise :class:`PreviousYearError`
    when it belongs to another organisasi (name, or kota/kabupaten when both say) or its
    ``tahun`` is not before ``new``'s. A missing ``tahun`` on either side cannot be
    compared and passes (PK801 says when the Renstra period is unknown).

    >>> from pokin.models import PohonKinerja as P
    >>> a = P.model_validate({"organisasi": {"nama": "Kecamatan X", "tahun": 2023}})
    >>> b = P.model_validate({"organisasi": {"nama": "KECAMATAN  X", "tahun": 2024}})
    >>> require_earlier(a, b)
    >>> try:
    ...     require_earlier(b, a)
    ... except PreviousYearError as error:
    ...     print(str(error).splitlines()[0])
    pohon pembanding (tahun lalu) bertahun 2024, tidak sebelum 2023 (tahun pohon yang diperiksa)
    """
    was, now = old.organisasi, new.organisasi
    other = fold(was.nama) != fold(now.nama) or (
        was.pemerintah and now.pemerintah and fold(was.pemerintah) != fold(now.pemerintah)
    )
    if other:
        raise PreviousYearError(
            f"pohon pembanding (tahun lalu) milik {_org(was)}, bukan {_org(now)}: "
            "perbandingan antartahun hanya untuk satu organisasi\n"
            f"  saran: berikan pohon kinerja {now.nama} tahun sebelumnya"
        )
    if was.tahun is not None and now.tahun is not None and was.tahun >= now.tahun:
        raise PreviousYearError(
            f"pohon pembanding (tahun lalu) bertahun {was.tahun}, tidak sebelum {now.tahun} "
            f"(tahun pohon yang diperiksa)\n  saran: berikan pohon kinerja tahun sebelum "
            f"{now.tahun}; bila urutannya tertukar, tukar kedua berkas"
        )


def _org(org: Organisasi) -> str:
    return f"{org.nama} ({org.pemerintah})" if org.pemerintah else org.nama


def _match(c: Cascade, previous: Cascade) -> TreeMatch:
    """One pairing per check run (the three rules share it)."""
    key = (id(previous.tree), id(c.tree))
    found = _MATCHES.get(key)
    if found is None or found.old is not previous.tree or found.new is not c.tree:
        _MATCHES.clear()
        found = _MATCHES[key] = match_trees(previous.tree, c.tree)
    return found


_PERIODE = re.compile(r"((?:19|20)\d\d)\s*[-–/s.d]+\s*((?:19|20)\d\d)")


def _renstra(org: Organisasi) -> tuple[int, int] | None:
    found = _PERIODE.search(org.periode or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def same_renstra(old: PohonKinerja, new: PohonKinerja) -> bool | None:
    """Whether both years fall in one Renstra period: ``None`` when the files do not say
    (no ``organisasi.periode`` / ``tahun``).

    >>> from pokin.models import PohonKinerja as P
    >>> a = P.model_validate({"organisasi": {"nama": "X", "tahun": 2023, "periode": "2021-2026"}})
    >>> b = P.model_validate({"organisasi": {"nama": "X", "tahun": 2027, "periode": "2027–2031"}})
    >>> same_renstra(a, a), same_renstra(a, b)
    (True, False)
    """
    span_old, span_new = _renstra(old.organisasi), _renstra(new.organisasi)
    if span_old and span_new and span_old != span_new:
        return False
    span = span_new or span_old
    years = (old.organisasi.tahun, new.organisasi.tahun)
    if span is None or None in years:
        return None if span is None else True
    return all(span[0] <= y <= span[1] for y in years if y is not None)


def iku_of(tree: PohonKinerja) -> list[Indikator]:
    """The indicators that play the IKU across years: the IKU table's, or without one the
    top positions' (the Camat's); empty for a tree that names neither."""
    if tree.iku:
        return [i for s in tree.iku for i in s.indikator]
    return [i for j in tree.top for i in j.iter_indikator()]


@rule_across_years(
    "PK801",
    "IKU berubah dalam satu periode Renstra",
    "iku-churn",
    Severity.WARNING,
    "LKE 1.b.6 (PermenPAN-RB 88/2021): the IKU should not change often within one Renstra "
    "period; a changed code or text breaks the series the evaluator compares.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.6",
)
def _iku_churn(c: Cascade, previous: Cascade) -> Iterator[Finding]:
    within = same_renstra(previous.tree, c.tree)
    if within is False:
        return
    caveat = "" if within else " (periode Renstra tidak dicantumkan)"
    hint = (
        "pertahankan kode dan rumusan IKU selama periode Renstra; bila perubahan ini "
        "ditetapkan dalam Renstra perubahan, catat dasar hukumnya di `catatan`"
        + ("" if within else "; bila tahun ini awal Renstra baru, isi `organisasi.periode`")
    )
    before = iku_of(previous.tree)
    if not before:
        return  # last year's tree names no IKU: nothing to compare (1.b.6 says so)
    pairs, dropped, added = pair(
        before, iku_of(c.tree), key=lambda i: i.id, text=lambda i: i.uraian
    )
    # Only one year has an IKU table: the other year's IKU are its Camat's indicators, which
    # are still his whether or not a table names them; the table's IKU alone are compared.
    table_then, table_now = bool(previous.tree.iku), bool(c.tree.iku)
    if table_now and not table_then:
        dropped, caveat = (
            [],
            caveat
            + " (tahun lalu tanpa tabel IKU: dibandingkan dengan indikator jabatan tertinggi)",
        )
    elif table_then and not table_now:
        added, caveat = (
            [],
            caveat
            + " (tahun ini tanpa tabel IKU: dibandingkan dengan indikator jabatan tertinggi)",
        )
    for p in pairs:
        changes = []
        if table_then and table_now and p.old.id != p.new.id:
            changes.append(f"kode {p.old.id} → {p.new.id}")
        if words(p.old.uraian) != words(p.new.uraian):
            changes.append(f"rumusan berubah: {short(word_diff(p.old.uraian, p.new.uraian), 160)}")
        if changes:
            yield finding(
                c,
                "PK801",
                str(p.new.id),
                f"IKU «{short(p.new.uraian)}» berubah dari tahun lalu{caveat}: "
                + "; ".join(changes),
                hint,
            )
    for old in dropped:
        yield finding(
            c,
            "PK801",
            str(old.id),
            f"IKU tahun lalu «{short(old.uraian)}» ({old.id}) tidak ada lagi{caveat}",
            hint,
        )
    for new in added:
        yield finding(
            c,
            "PK801",
            str(new.id),
            f"IKU «{short(new.uraian)}» baru, tidak ada pada tahun lalu{caveat}",
            hint,
        )


def last_realisasi(old: Indikator, new: Indikator, year: int | None) -> str | None:
    """Last year's realisasi of an indicator kept: the old tree's, or (without one) the new
    indicator's own record of it (``per_periode`` of the year before ``year``)."""
    if old.realisasi:
        return old.realisasi
    if year is None:
        return None
    entry = new.periode(str(year - 1))
    return entry.realisasi if entry else None


@rule_across_years(
    "PK802",
    "Target di bawah realisasi tahun lalu",
    "target-below-last-realisasi",
    Severity.WARNING,
    "LKE 1.b.7: a target must be challenging; one lower than last year's realisasi (higher "
    "for an indicator where lower is better) asks for less than was already achieved.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.7, KKE 1 Menantang",
)
def _target_below_realisasi(c: Cascade, previous: Cascade) -> Iterator[Finding]:
    match = _match(c, previous)
    olds = {str(i.id): i for _, i in previous.tree.iter_indikator()}
    news = {str(i.id): (owner, i) for owner, i in c.tree.iter_indikator()}
    for old_id, (new_id, _) in match.nodes.items():
        if old_id not in olds or new_id not in news:
            continue
        owner, new = news[new_id]
        real_text = last_realisasi(olds[old_id], new, c.tree.organisasi.tahun)
        values = comparable(new.target, real_text)
        if values is None:
            continue
        target, real = values
        # a predikat only rises (AA above A): "lower is better" reads numbers alone
        rising = new.polaritas == "naik" or number(new.target) is None
        if (target < real) if rising else (target > real):
            who = owner.nama if owner else "IKU"
            arah = "di bawah" if rising else "di atas"
            yield finding(
                c,
                "PK802",
                new_id,
                f"{who}: target «{short(new.uraian)}» {_value(new.target)} {arah} "
                f"realisasi tahun lalu {_value(real_text)}",
                "tetapkan target sekurang-kurangnya setara realisasi tahun lalu"
                if rising
                else "untuk indikator yang makin kecil makin baik, tetapkan target paling "
                "tinggi setara realisasi tahun lalu",
                jabatan=owner,
            )


def _value(text: str | None) -> str:
    """A target or realisasi as a planner reads it: a number the Indonesian way (1.350),
    a predikat as written."""
    value = number(text)
    return format_decimal(value) if value is not None else " ".join((text or "").split())


@rule_across_years(
    "PK803",
    "Semua indikator jabatan berganti",
    "all-indikator-changed",
    Severity.WARNING,
    "LKE 3.b.5 compares realisasi with earlier years: a position that keeps none of last "
    "year's indicators cannot show its trend.",
    sumber="PermenPAN-RB 88/2021 LKE 3.b.5",
)
def _all_changed(c: Cascade, previous: Cascade) -> Iterator[Finding]:
    match = _match(c, previous)
    paired = {new for new, _ in match.nodes.values()}
    for p in match.jabatan:
        before = [i.uraian for i in p.old.iter_indikator()]
        after = [i.uraian for i in p.new.iter_indikator()]
        if not before or not after:
            continue
        if {words(t) for t in before} & {words(t) for t in after}:
            continue
        reworded = sum(1 for i in p.new.iter_indikator() if str(i.id) in paired)
        yield finding(
            c,
            "PK803",
            str(p.new.id),
            f"{_name(p.new)}: tidak satu pun dari {len(before)} indikator tahun lalu "
            f"dipertahankan ({reworded} dirumuskan ulang, {len(after) - reworded} baru)",
            "pertahankan indikator yang masih relevan agar realisasinya dapat dibandingkan "
            "antartahun; bila memang berganti, jelaskan alasannya di `catatan`",
            jabatan=p.new,
        )


def _name(jabatan: Jabatan) -> str:
    return jabatan.nama
