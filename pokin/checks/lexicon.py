"""The words that tell an activity from a result (:mod:`pokin.checks.wording` reads them):
a nominalised activity (*pelaksanaan*, *penyusunan* ...) or an active ``me-`` verb without
the ``-nya`` that makes *meningkatnya* a state, as the first word of a text.

>>> activity_words(["Melaksanakan rapat", "Meningkatnya mutu", "2. Penyusunan Renja"])
{0: 'melaksanakan', 2: 'penyusunan'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from operator import not_

__all__ = [
    "ACTION_ON",
    "COUNTED_WORK",
    "DECREASE_STATES",
    "DETECTED",
    "DONE_VERBS",
    "HIGHER_BETTER",
    "LOWER_BETTER",
    "NOT_DURATION",
    "NOT_HARM",
    "NOT_SAID",
    "RECEIVED",
    "activity_word",
    "activity_words",
    "first_word",
    "lexicon",
]


def lexicon(text: str, sep: str | None = None) -> frozenset[str]:
    """The entries of a word list written as one text (split on ``sep``, stripped)."""
    return frozenset(item.strip() for item in text.split(sep))


_NOT_VERBS = lexicon(
    "media menara meja metode mekanisme merek menu mental meter medis mesin menteri menit "
    "mei melati merah mekar megah"
)
_NOMINAL = lexicon(
    "pelaksanaan penyusunan penyelenggaraan fasilitasi koordinasi pengoordinasian "
    "pengkoordinasian pengelolaan pembinaan pemantauan pendampingan penyiapan pembuatan "
    "pengumpulan penyampaian penginputan pengadministrasian penyaluran pendistribusian "
    "penatausahaan pengurusan pemrosesan penginventarisasian inventarisasi rekapitulasi "
    "kegiatan rapat"
)
_VERB = re.compile(r"^(?:me|mem|men|meng|meny|menge)[a-z]{3,}$")
_LEAD = re.compile(r"^\s*(?:\(?[0-9a-z]{1,3}[.)]\s+)")
_ASCII_HEAD = re.compile(r"(?>(?:\s*(?:\(?[0-9a-z]{1,3}[.)]\s+))?)[^A-Za-z0-9_]*([A-Za-z0-9_]+)")
"""On ASCII text, :data:`_LEAD` when it matches (atomic: never given back) and the first
word after it, as :func:`first_word` finds it (casefold is lower, ``\\w`` is
``[A-Za-z0-9_]``)."""


_WORD = re.compile(r"\w+")


def first_word(text: str) -> str:
    """The first of :func:`~pokin._text.words` of ``text`` ('' when none), without the rest.

    >>> first_word(" «Persentase» capaian"), first_word("--")
    ('persentase', '')
    """
    found = _WORD.search(text.casefold())
    return found.group() if found else ""


def activity_word(text: str) -> str | None:
    """The first word of ``text`` when it names an activity rather than a result."""
    if text.isascii():  # one match: the lead (kept once found, as below), then the word
        head = _ASCII_HEAD.match(text)
        first = head.group(1).lower() if head else ""
    else:
        lead = _LEAD.match(text)
        first = first_word(text[lead.end() :] if lead else text)
    if first in _NOMINAL:
        return first
    if first.endswith("nya") or first in _NOT_VERBS or not _VERB.match(first):
        return None
    return first


def _by_prefix(entries: frozenset[str]) -> str:
    """A regex alternation of ``entries``, case-insensitive, grouped by the first two
    letters (Python's ``re`` tries each alternative in turn)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(entries, key=len, reverse=True):
        groups.setdefault(word[:2], []).append(re.escape(word[2:]))
    return "|".join(f"(?i:{head})(?i:{'|'.join(rest)})" for head, rest in groups.items())


_MAYBE_ACTIVITY = re.compile(
    r"(?>(?:\s*(?:\(?[0-9a-z]{1,3}[.)]\s+))?)[^A-Za-z0-9_]*(?:"
    + _by_prefix(_NOMINAL)
    + r"|(?i:me)[A-Za-z]{3,}(?<![Nn][Yy][Aa]))(?![A-Za-z0-9_])"
)
"""On ASCII text, :data:`_ASCII_HEAD` where its word may name an activity (a nominalised
activity, or ``me-`` and three letters more without ``-nya``): the texts
:func:`activity_word` must read, of many."""


def activity_words(texts: Sequence[str]) -> dict[int, str]:
    """:func:`activity_word` of each of ``texts`` that names an activity, by position: one
    regex sweep (in C) finds the few it must read."""
    n = len(texts)
    maybe = set(compress(range(n), map(_MAYBE_ACTIVITY.match, texts)))
    if not all(map(str.isascii, texts)):  # the sweep reads ASCII text
        maybe.update(compress(range(n), map(not_, map(str.isascii, texts))))
    found = {at: activity_word(texts[at]) for at in sorted(maybe)}
    return {at: word for at, word in found.items() if word is not None}


# Polarity (PK712, :mod:`pokin.checks.polarity`): the words that say whether a smaller or a
# larger value of an indicator is better. The one list: the link lexicon's ``kebalikan``
# pairs (pokin/link/lexicon.yaml) put a word of ``LOWER_BETTER`` first and one of
# ``HIGHER_BETTER`` second (tests/test_polarity.py holds them to it).
LOWER_BETTER = lexicon(
    "keterlambatan, terlambat, temuan, tunggakan, menunggak, pelanggaran, keluhan, pengaduan, "
    "kemiskinan, miskin, pengangguran, stunting, kasus, gangguan, kesalahan, kerusakan, "
    "penundaan, sisa, putus, buta, kumuh, kecelakaan, kematian, kebakaran, banjir, genangan, "
    "sengketa, konflik, kriminalitas, kejahatan, kesakitan, prevalensi, gizi buruk, gizi kurang, "
    "wasting, underweight, silpa, piutang, penyimpangan, kebocoran, keberatan, komplain, "
    "sanggahan, kekerasan, pernikahan dini, perkawinan anak, disparitas, ketimpangan",
    sep=",",
)
"""Nouns of a harm, a backlog or a failure: an indicator counting them is better smaller
(unless an action on them is what is counted: *penanganan pengaduan*)."""

HIGHER_BETTER = lexicon(
    "kepuasan, kehadiran, ketepatan, tepat waktu, ketepatan waktu, kepatuhan, ketaatan, "
    "partisipasi, realisasi, serapan, akurasi, kondusif, kondisi baik, melek, layak huni, "
    "kelengkapan, kesesuaian, ketersediaan, keterlibatan, pelunasan, cakupan, opini wtp, "
    "predikat, kualitas, kemandirian",
    sep=",",
)
"""Nouns of a good state or an attainment: an indicator measuring them is better larger."""

ACTION_ON = lexicon(
    "penyelesaian, penanganan, tindak lanjut, tindaklanjut, penurunan, pengurangan, "
    "penanggulangan, pengentasan, pemberantasan, pencegahan, penindakan, pelunasan, "
    "perbaikan, pemulihan, penertiban, penegakan, penagihan, penghapusan, pengendalian, "
    "pelayanan, respon, respons, rehabilitasi, pembebasan",
    sep=",",
)
"""Actions on a harm: *penanganan pengaduan*, *penurunan angka stunting* measure the work
done against it, better larger; after *waktu* / *lama* (*waktu penyelesaian*) a duration."""

DONE_VERBS = lexicon(
    "ditindaklanjuti, tertindaklanjuti, diselesaikan, terselesaikan, selesai, ditangani, "
    "tertangani, dilayani, terlayani, direspon, direspons, ditanggapi, tertanggapi, "
    "dituntaskan, tuntas, tertuntaskan, diatasi, teratasi, dipulihkan, pulih, diperbaiki, "
    "ditindak, diproses, terproses, diverifikasi, terverifikasi, dikendalikan, terkendali, "
    "dilunasi, terlunasi, ditagih, tertagih, dibina, terbina, dikelola, terkelola, "
    "direhabilitasi, terehabilitasi, dientaskan, terentaskan, dicegah, tercegah, diputus, "
    "diterbitkan, terbit, tersalurkan, disalurkan, diproses, tepat waktu, dijawab, "
    "terjawab, dibalas, terbalas",
    sep=",",
)
"""Verbs of completion: *pengaduan yang ditindaklanjuti* is better larger; written after
*belum* / *tidak* (*temuan yang belum ditindaklanjuti*) the backlog, better smaller."""

RECEIVED = lexicon(
    "menerima, mendapat, mendapatkan, memperoleh, dilayani, terlayani, difasilitasi, "
    "terfasilitasi, ditangani, tertangani, dibantu, terbantu, terbantukan, dijangkau, "
    "terjangkau, tersentuh, terlindungi, dilindungi, terpenuhi",
    sep=",",
)
"""Verbs of receiving or being served: in a ``yang`` clause after a harm (*warga miskin
yang menerima bantuan sosial*) the harm only names who benefits, and the count of those
served is better larger. (*terdata* stays in :data:`DETECTED`: found, no direction.)"""

NOT_HARM = lexicon(
    "melanggar, terlambat, bermasalah, menunggak, mangkir, terjadi, mengalami, ada, terdapat, "
    "terkena, putus, kumuh, miskin",
    sep=",",
)
"""Words after *tidak* / *belum* that turn the negation into a good state: *pegawai yang
tidak terlambat*, *desa yang tidak mengalami konflik*."""

NOT_SAID = lexicon("tertulis ditulis diisi terisi tercantum dicantumkan disebut disebutkan")
"""Words after *tidak* that say a text is missing, not what is measured: pokin's own
placeholder *(indikator tidak tertulis)*."""

DECREASE_STATES = lexicon("menurunnya turunnya berkurangnya menurun berkurang")
"""A first word saying that what follows should shrink: *Menurunnya angka kemiskinan*."""

COUNTED_WORK = lexicon(
    "identifikasi, pengidentifikasian, pendataan, pencatatan, pelaporan, laporan, dokumen, "
    "data, rekap, rekapitulasi, surat, berkas, register, daftar, notulen, pemantauan, "
    "monitoring, pengawasan, verifikasi, inventarisasi, fasilitasi, pembinaan, sosialisasi, "
    "evaluasi, analisis, kajian, rapat, kegiatan, usulan, pemetaan, peta, sistem, aplikasi",
    sep=",",
)
"""Work or papers about a harm: *Jumlah laporan pengaduan*, *identifikasi kesalahan*
count the work done or the documents made, not the harm, and say no direction."""

DETECTED = lexicon(
    "ditemukan, teridentifikasi, diidentifikasi, terdata, didata, tercatat, dicatat, "
    "dilaporkan, terlapor, terdeteksi, dideteksi",
    sep=",",
)
"""Verbs of detection after a harm (*pelanggaran yang ditemukan*): more found may be better
work or a worse state; the wording does not tell."""

NOT_DURATION = lexicon("tepat ketepatan target jadwal batas standar")
"""Words before *waktu* that make it no duration: *ketepatan waktu penyelesaian*, *target
waktu penyelesaian*."""
