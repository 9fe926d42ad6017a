"""Rules PK703, PK705–PK710: indicators and sasaran worded as results, and measurable.

The evaluator's first question of a kinerja or an indikator is whether it names a result
(a condition: *Meningkatnya ...*, *Persentase ...*, *Indeks ...*) or an activity
(*Melaksanakan rapat*, *Penyusunan laporan*). The lexicon here reads Indonesian morphology
rather than a fixed list: an active verb (``me-``, ``mem-``, ``men-``, ``meng-``, ``meny-``
without the ``-nya`` that makes *meningkatnya* a state) or a nominalised activity
(*pelaksanaan*, *penyusunan*, *fasilitasi* ...) as the first word.

>>> activity_word("Melaksanakan rapat koordinasi"), activity_word("Meningkatnya pelayanan")
('melaksanakan', None)
>>> activity_word("2. Penyusunan dokumen Renja"), activity_word("Media informasi publik")
('penyusunan', None)
>>> has_measure("Jumlah surat / jumlah permohonan x 100%"), has_measure("Laporan kegiatan")
(True, False)
>>> target_problem("81,35"), target_problem("Baik"), target_problem("4 jenis, 12 bulan")
(None, None, 'memuat lebih dari satu angka')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count
from operator import not_

from .._text import words
from ..capaian import approximate, english_number, number
from ..findings import Finding, Severity
from ..graph import ROOT, Cascade
from ..models import Indikator
from .lexicon import activity_word, activity_words, first_word, lexicon
from .registry import finding, rule, short

__all__ = [
    "activity_word",
    "activity_words",
    "first_word",
    "has_measure",
    "is_percent",
    "target_problem",
]

_M88 = "PermenPAN-RB 88/2021"


_COUNT = re.compile(r"^\s*(?:\(?[0-9a-z]{1,3}[.)]\s+)?(jumlah|banyaknya|frekuensi)\b", re.I)
_OPERATOR = re.compile(r"[/:×*÷%+=]|\s[x-]\s|\d")
_MEASURE_WORDS = lexicon(
    "jumlah banyaknya total persentase persen prosentase rasio rata rerata nilai indeks "
    "skor dibagi bagi dikali dikalikan kali perbandingan selisih frekuensi capaian "
    "tingkat predikat opini angka"
)


def counts_activity(text: str) -> bool:
    """Whether an indicator counts things (``Jumlah ...``, ``Banyaknya ...``): an output."""
    return bool(_COUNT.match(text))


def has_measure(formulasi: str) -> bool:
    """Whether a formula says how a value is obtained: an operator, a number, or a measure
    word (jumlah, persentase, rata-rata, nilai, indeks, dibagi ...)."""
    if _OPERATOR.search(f" {formulasi} "):
        return True
    return bool(_MEASURE_WORDS & set(words(formulasi).split()))


_PREDIKAT = lexicon(
    "aa, a, bb, b, cc, c, d, e, wtp, wdp, tw, baik, sangat baik, cukup, cukup baik, kurang, "
    "memuaskan, sangat memuaskan, tepat waktu, tinggi, sedang, rendah",
    sep=",",
)
_NUMBER = re.compile(r"\d[\d.,]*")


def target_problem(target: str) -> str | None:
    """Why a target text is neither one number nor a known predikat, or ``None``."""
    if number(target) is not None or words(target) in _PREDIKAT:
        return None
    found = _NUMBER.findall(target)
    if len(found) > 1:
        return "memuat lebih dari satu angka"
    if found and (indonesian := english_number(found[0])) is not None:
        return f"memakai pemisah cara Inggris (koma ribuan, titik desimal): tulis {indonesian}"
    if found and approximate(target):
        return "memuat tanda ± (perkiraan), bukan satu angka"
    return "bukan angka dan bukan predikat yang dikenal (AA–D, WTP, Baik, Tepat Waktu ...)"


def is_percent(indikator: Indikator) -> bool:
    """Whether an indicator is a share: satuan persen, a ``%`` target, or named so."""
    satuan = words(indikator.satuan) if indikator.satuan else ""
    first = first_word(indikator.uraian)
    return (
        satuan in {"persen", "prosen"}
        or "%" in (indikator.satuan or "")
        or "%" in (indikator.target or "")
        or first in _SHARES
    )


def _percentages(c: Cascade) -> list[bool]:
    """:func:`is_percent` of every indicator of ``c``, in :attr:`Cascade.indikator` order
    (PK707 and PK709 read it); each satuan and target text is judged once."""
    satuans, targets = c.column("satuan"), c.column("target")
    satuan = {
        text
        for text in set(satuans)
        if text and (words(text) in {"persen", "prosen"} or "%" in text)
    }
    target = {text for text in set(targets) if text and "%" in text}
    uraian = c.column("uraian")
    named = list(map(bool, map(_SHARE_HEAD.match, uraian)))  # _named_share of ASCII text
    if not all(map(str.isascii, uraian)):
        for n in compress(count(), map(not_, map(str.isascii, uraian))):
            named[n] = _named_share(uraian[n])
    # satuan persen, or a % target, or named a share
    return [
        s in satuan or t in target or n for s, t, n in zip(satuans, targets, named, strict=True)
    ]


_SHARES = frozenset({"persentase", "prosentase", "rasio", "proporsi", "cakupan"})
_SHARE_HEAD = re.compile(
    r"[^a-z0-9_]*(?:persentase|prosentase|rasio|proporsi|cakupan)(?![a-z0-9_])", re.I | re.A
)


def _named_share(text: str) -> bool:
    """Whether :func:`first_word` of ``text`` is in ``_SHARES``; for ASCII text (where
    casefold is lower and ``\\w`` is ``[A-Za-z0-9_]``) one match at the start does it."""
    if text.isascii():
        return _SHARE_HEAD.match(text) is not None
    return first_word(text) in _SHARES


def _who(c: Cascade, indikator: Indikator) -> str:
    owner = c.owner(str(indikator.id))
    return owner.nama if owner else "IKU"


def _table_iku(c: Cascade) -> set[str]:
    return {str(i.id) for s in c.tree.iku for i in s.indikator}


@rule(
    "PK703",
    "Indikator berupa kegiatan, bukan hasil",
    "indikator-is-activity",
    Severity.WARNING,
    "An indicator measures a result; one opening with an activity verb describes work done.",
    sumber=f"{_M88} LKE 1.b.5, KKE 1 Spesifik",
)
def _indikator_activity(c: Cascade) -> Iterator[Finding]:
    skip = _table_iku(c)  # an IKU worded as an activity is PK702
    rows = c.indikator_rows
    for at, verb in activity_words(c.column("uraian")).items():
        owner, indikator = rows[at]
        if str(indikator.id) in skip:
            continue
        yield finding(
            c,
            "PK703",
            str(indikator.id),
            f"{_who(c, indikator)}: indikator «{short(indikator.uraian)}» diawali kata kerja "
            f"kegiatan «{verb}», bukan ukuran hasil",
            "rumuskan sebagai ukuran hasil: «Persentase ...», «Jumlah ... yang ...», "
            "«Indeks ...», «Nilai ...», atau «Tingkat ...»",
            jabatan=owner,
        )


@rule(
    "PK705",
    "Formulasi tanpa ukuran",
    "formulasi-without-measure",
    Severity.WARNING,
    "A formula states how the value is computed; a bare noun ('Laporan kegiatan') does not.",
    sumber=f"{_M88} LKE 2.a.2, KKE 5 Formula",
)
def _formula_measure(c: Cascade) -> Iterator[Finding]:
    formulas = c.column("formulasi")
    texts = {text for text in set(formulas) if text}  # formulas repeat: each judged once
    unmeasured = {
        text for text in texts if len(text.strip()) >= 2 and not has_measure(text.strip())
    }
    rows = c.indikator_rows
    for owner, indikator in [
        rows[n] for n in compress(count(), map(unmeasured.__contains__, formulas))
    ]:
        formula = (indikator.formulasi or "").strip()
        yield finding(
            c,
            "PK705",
            str(indikator.id),
            f"{_who(c, indikator)}: formulasi «{short(formula, 50)}» untuk indikator "
            f"«{short(indikator.uraian, 50)}» tidak menyebut cara menghitung",
            "tuliskan rumus atau cara hitungnya, misalnya «jumlah ... yang ... / jumlah ... "
            "× 100%» atau «jumlah ... yang diselesaikan dalam satu tahun»",
            jabatan=owner,
        )


@rule(
    "PK706",
    "Target bukan angka atau predikat",
    "target-not-a-number",
    Severity.WARNING,
    "A target is one number or a known predikat, so realisasi can be compared against it.",
    sumber=f"{_M88} LKE 1.b.5 dan 1.b.7, KKE 1 Dapat Diukur",
)
def _target_number(c: Cascade) -> Iterator[Finding]:
    targets = c.column("target")
    texts = {text for text in set(targets) if text}  # targets repeat: each judged once
    problems = {text: target_problem(text.strip()) for text in texts if text.strip()}
    wrong = {text for text, problem in problems.items() if problem is not None}
    rows = c.indikator_rows
    for owner, indikator in [rows[n] for n in compress(count(), map(wrong.__contains__, targets))]:
        problem = problems[indikator.target]
        target = (indikator.target or "").strip()
        yield finding(
            c,
            "PK706",
            str(indikator.id),
            f"{_who(c, indikator)}: target «{short(target, 40)}» indikator "
            f"«{short(indikator.uraian, 50)}» {problem}",
            "tuliskan satu angka (satuannya di `satuan:`), atau pecah menjadi beberapa "
            "indikator bila targetnya lebih dari satu",
            jabatan=owner,
        )


@rule(
    "PK707",
    "Target persentase di luar 0–100",
    "percent-target-out-of-range",
    Severity.WARNING,
    "A share above 100% cannot be reached; 0% is no target when higher is better.",
    sumber=f"{_M88} LKE 1.b.7, KKE 1 Dapat Dicapai",
)
def _percent_range(c: Cascade) -> Iterator[Finding]:
    percent = c.derived(_percentages)
    targets = c.column("target")
    values = {text: number(text) for text in set(targets)}
    # a share whose target is over 100, or 0 (meaningless when higher is better)
    edge = {
        text for text, value in values.items() if value is not None and (value > 100 or not value)
    }
    rows = c.indikator_rows
    found = [n for n in compress(count(), map(edge.__contains__, targets)) if percent[n]]
    for owner, indikator in [rows[n] for n in found]:
        value = values[indikator.target]
        assert value is not None  # the target is in edge
        if value > 100 or (value == 0 and indikator.polaritas == "naik"):
            yield finding(
                c,
                "PK707",
                str(indikator.id),
                f"{_who(c, indikator)}: target {indikator.target} untuk persentase "
                f"«{short(indikator.uraian, 50)}» tidak mungkin atau tidak bermakna",
                "tetapkan target antara 0 dan 100 persen; bila makin kecil makin baik, isi "
                "`polaritas: turun`",
                jabatan=owner,
            )


@rule(
    "PK708",
    "Pohon kinerja tanpa tahun",
    "no-tahun",
    Severity.WARNING,
    "A target is set for a period: without tahun or periode no indicator is time-bound.",
    sumber=f"{_M88} LKE 1.b.5, KKE 1 Berbatas Waktu",
)
def _no_tahun(c: Cascade) -> Iterator[Finding]:
    org = c.tree.organisasi
    if org.tahun is None and org.periode is None:
        yield finding(
            c,
            "PK708",
            ROOT,
            f"{org.nama}: tahun atau periode perjanjian kinerja tidak disebut, sehingga "
            "target tidak berbatas waktu",
            "isi `organisasi.tahun:` (misalnya 2024) atau `organisasi.periode:`",
        )


@rule(
    "PK709",
    "Persentase tanpa pembilang dan penyebut",
    "percent-without-components",
    Severity.WARNING,
    "A share is a numerator over a denominator; its formula must name both components.",
    sumber=f"{_M88} LKE 2.a.2, KKE 5 Komponen Pembentuk",
)
def _percent_components(c: Cascade) -> Iterator[Finding]:
    percent = c.derived(_percentages)
    formulas = c.column("formulasi")
    divided = {text for text in set(formulas) if text and _DIVISION.search(text)}
    rows = c.indikator_rows
    # a formula given, not dividing, of a share
    found = [n for n, text in enumerate(formulas) if text and text not in divided and percent[n]]
    for owner, indikator in [rows[n] for n in found]:
        formula = indikator.formulasi or ""
        yield finding(
            c,
            "PK709",
            str(indikator.id),
            f"{_who(c, indikator)}: indikator persentase «{short(indikator.uraian, 50)}» "
            f"berformulasi «{short(formula, 40)}» tanpa pembilang dan penyebut",
            "tuliskan «(jumlah ... yang ...) / (jumlah seluruh ...) × 100%»",
            jabatan=owner,
        )


_DIVISION = re.compile(r"[/:÷]|\bdibagi\b|\bper\b|\bbanding|\bdari\b", re.I)


@rule(
    "PK710",
    "Kinerja (sasaran) berupa kegiatan, bukan hasil",
    "kinerja-is-activity",
    Severity.WARNING,
    "A sasaran describes a condition to reach ('Meningkatnya ...'), not the work to do.",
    sumber=f"{_M88} LKE 1.b.4",
)
def _kinerja_activity(c: Cascade) -> Iterator[Finding]:
    for sasaran in c.tree.iku:
        verb = activity_word(sasaran.uraian)
        if verb is not None:
            yield _activity_finding(c, str(sasaran.id), "IKU", sasaran.uraian, verb)
    rows = c.kinerja_rows
    for at, verb in activity_words([kinerja.uraian for _, kinerja in rows]).items():
        jabatan, kinerja = rows[at]
        yield _activity_finding(c, str(kinerja.id), jabatan.nama, kinerja.uraian, verb)


def _activity_finding(c: Cascade, where: str, who: str, text: str, verb: str) -> Finding:
    return finding(
        c,
        "PK710",
        where,
        f"{who}: sasaran «{short(text)}» diawali «{verb}»: menggambarkan kegiatan, bukan "
        "kondisi yang ingin dicapai",
        "rumuskan sebagai hasil: «Meningkatnya ...», «Terwujudnya ...», «Tersedianya ...»",
    )
