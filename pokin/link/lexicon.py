"""The word lists link inference reads decree texts with, kept as data a planner extends.

The bundled lists live in ``lexicon.yaml`` beside this module (package data): spelling
variants (``ejaan``), government abbreviations (``singkatan``), function words
(``kata_tugas``), measure words (``kata_ukuran``: "Jumlah", "Persentase"...), words that
make a text relative to its holder (``kata_relatif``: bawahan, pimpinan), words of place
and time (``kata_keterangan``: wilayah, semester; ``kata_tempat``, those of place a
subordinate leaves out: wilayah, lingkungan), verbs that only say something happened
(``kerja_umum``: Terlaksananya, Terselenggaranya), light verbs whose noun is the verb
(``kerja_bantu``: menerima pendampingan, mengikuti pelatihan), words of aspect before a
passive verb (``kata_aspek``: yang selesai direkonsiliasi), role nouns after the noun
they name (``kata_peran``: rumah tangga penerima bantuan), outputs every office counts
(``kata_keluaran``: laporan, rapat, disusun), nouns a measured thing comes in
(``kata_wadah``: dokumen register risiko), ratings closing a text (``kata_mutu``:
predikat kinerja baik), bounds of a target (``kata_batas``: minimal lima orang),
opposite verbs (``antonim``), the two sides of one measured thing
(``kebalikan``: keterlambatan / tepat waktu), words of one meaning (``sinonim``: kehadiran
unsur / keterlibatan), words opening a clause a subordinate adds (``klausa``: dalam
rangka, untuk, melalui, sesuai), numbers written as words (``bilangan``: satu, sepuluh,
seratus), the theme map (``bidang``: pelayanan publik, kepegawaian, ketenteraman dan
ketertiban...) and what each supporting theme serves (``dukungan``: administrasi umum →
pelayanan publik), both used to rank suggestions only (:mod:`pokin.link.themes`). A
planner adds their own with a file of the same shape::

    pokin link tree.yaml --leksikon my-lexicon.yaml
    infer_links(tree, lexicon=load_lexicon("my-lexicon.yaml"))

Its entries are added to the bundled ones; a key given again replaces the bundled entry
(a list is extended). Words are compared in lower case.

>>> lexicon = load_lexicon()
>>> lexicon.singkatan["trantibum"]
'ketenteraman dan ketertiban umum'
>>> "jumlah" in lexicon.kata_ukuran
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from ..errors import PokinFileError

__all__ = ["DEFAULT", "Lexicon", "load_lexicon"]

_BUNDLED = Path(__file__).with_name("lexicon.yaml")
_KEYS = (
    "ejaan",
    "singkatan",
    "kata_tugas",
    "kata_ukuran",
    "kata_relatif",
    "kata_keterangan",
    "kata_tempat",
    "kerja_umum",
    "kerja_bantu",
    "kata_aspek",
    "kata_peran",
    "kata_keluaran",
    "kata_wadah",
    "kata_penilaian",
    "kata_mutu",
    "kata_batas",
    "antonim",
    "kebalikan",
    "sinonim",
    "bidang",
    "klausa",
    "bilangan",
    "dukungan",
)


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one reading of decree texts (see the module docstring)."""

    ejaan: dict[str, str] = field(default_factory=dict)
    singkatan: dict[str, str] = field(default_factory=dict)
    kata_tugas: frozenset[str] = frozenset()
    kata_ukuran: frozenset[str] = frozenset()
    kata_relatif: frozenset[str] = frozenset()
    kata_keterangan: frozenset[str] = frozenset()
    kata_tempat: frozenset[str] = frozenset()
    """Words of ``kata_keterangan`` saying where (wilayah): a subordinate leaves them out."""
    kerja_umum: frozenset[str] = frozenset()
    kerja_bantu: frozenset[str] = frozenset()
    """Light verbs whose noun is the real verb ("menerima pendampingan" = didampingi)."""
    kata_aspek: frozenset[str] = frozenset()
    """Words saying a verb's action is done, left out before a passive verb (selesai)."""
    kata_peran: frozenset[str] = frozenset()
    """Role nouns naming who a noun before them is ("rumah tangga penerima bantuan")."""
    kata_keluaran: frozenset[str] = frozenset()
    """Roots of the outputs and activities every office counts (laporan, rapat, susun)."""
    kata_wadah: frozenset[str] = frozenset()
    """Nouns a measured thing comes in (dokumen, data), left out heading it: "Jumlah
    dokumen register risiko" counts the "register risiko"."""
    kata_penilaian: frozenset[str] = frozenset()
    """Nouns of the appraisal a measure reads its value from (evaluasi), left out
    right after a leading measure word: "Nilai evaluasi akuntabilitas kinerja" measures
    the "akuntabilitas kinerja"."""
    kata_mutu: frozenset[str] = frozenset()
    """Ratings closing a text ("predikat kinerja baik"), left out: the grade aimed at."""
    kata_batas: tuple[str, ...] = ()
    """Words bounding a target ("minimal", "paling lama"): with a number after them
    closing a text, the bound is left out (see :func:`pokin.link.numbers.without_bound`)."""
    antonim: frozenset[frozenset[str]] = frozenset()
    kebalikan: tuple[tuple[str, str], ...] = ()
    """Pairs of the two sides of one thing an indicator measures (keterlambatan / tepat
    waktu): a child measuring the other side carries the same result (see
    :mod:`pokin.link.inverse`)."""
    sinonim: dict[str, str] = field(default_factory=dict)
    """Words (one or two, as written) read as another word of the same meaning
    ("kehadiran unsur" / "keterlibatan"), after ``ejaan``."""
    bidang: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The theme map: theme -> the words and phrases that signal it."""
    dukungan: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Supporting theme -> the themes it serves (each a key of :attr:`bidang`)."""
    klausa: tuple[str, ...] = ()
    """Words opening a clause a subordinate adds (dalam rangka, untuk, melalui), longest first."""
    bilangan: dict[str, int] = field(default_factory=dict)
    """Numbers written as words (satu, sepuluh, seratus) and their values."""
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """Texts and words already read with this lexicon (see :func:`pokin.link.text.phrase`)."""

    @cached_property
    def reading(self) -> dict[str, str]:
        """``ejaan`` and ``sinonim`` together: how a written word is read."""
        return {**self.ejaan, **self.sinonim}

    def __hash__(self) -> int:  # phrases are cached per lexicon
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The bundled lexicon, extended with the planner's file at ``path`` if given.

    Raises:
        PokinFileError: the file cannot be read or is not of the lexicon's shape (the
            message names the file and the field, and says how to fix it).
    """
    if path is None:
        return DEFAULT
    return _merge(_raw(_BUNDLED), _raw(Path(path)), Path(path))


def _raw(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise PokinFileError(
            f"leksikon tidak dapat dibaca: {err.strerror}", path=path, hint="periksa nama berkas"
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PokinFileError(
            "leksikon bukan YAML yang sah",
            path=path,
            line=mark.line + 1 if mark else None,
            hint="lihat pokin/link/lexicon.yaml untuk bentuknya",
        ) from None
    if not isinstance(data, dict) or set(data) - set(_KEYS):
        unknown = sorted(set(data) - set(_KEYS)) if isinstance(data, dict) else []
        raise PokinFileError(
            "leksikon berisi kunci yang tidak dikenal: " + ", ".join(map(str, unknown))
            if unknown
            else "leksikon harus berupa pemetaan (kunci: nilai)",
            path=path,
            hint="kunci yang dikenal: " + ", ".join(_KEYS),
        )
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any], path: Path) -> Lexicon:
    merged: dict[str, Any] = {}
    for key in _KEYS:
        a, b = base.get(key), extra.get(key)
        if b is None:
            merged[key] = a
        elif isinstance(a, dict) and isinstance(b, dict):
            merged[key] = {**a, **b}
        elif isinstance(a, list) and isinstance(b, list):
            merged[key] = [*a, *b]
        else:
            kind = "pemetaan" if isinstance(a, dict) else "daftar"
            raise PokinFileError(
                f"leksikon: {key} harus berupa {kind}",
                path=path,
                hint=f"tulis {key} seperti di pokin/link/lexicon.yaml",
            )
    return _build(merged, path)


def _build(data: dict[str, Any], path: Path) -> Lexicon:
    try:
        lexicon = Lexicon(
            ejaan={_low(k): _low(v) for k, v in (data.get("ejaan") or {}).items()},
            singkatan={_low(k): _low(v) for k, v in (data.get("singkatan") or {}).items()},
            kata_tugas=frozenset(map(_low, data.get("kata_tugas") or ())),
            kata_ukuran=frozenset(map(_low, data.get("kata_ukuran") or ())),
            kata_relatif=frozenset(map(_low, data.get("kata_relatif") or ())),
            kata_keterangan=frozenset(map(_low, data.get("kata_keterangan") or ())),
            kata_tempat=frozenset(map(_low, data.get("kata_tempat") or ())),
            kerja_umum=frozenset(map(_low, data.get("kerja_umum") or ())),
            kerja_bantu=frozenset(map(_low, data.get("kerja_bantu") or ())),
            kata_aspek=frozenset(map(_low, data.get("kata_aspek") or ())),
            kata_peran=frozenset(map(_low, data.get("kata_peran") or ())),
            kata_keluaran=frozenset(map(_low, data.get("kata_keluaran") or ())),
            kata_wadah=frozenset(map(_low, data.get("kata_wadah") or ())),
            kata_penilaian=frozenset(map(_low, data.get("kata_penilaian") or ())),
            kata_mutu=frozenset(map(_low, data.get("kata_mutu") or ())),
            kata_batas=tuple(map(_low, data.get("kata_batas") or ())),
            antonim=frozenset(frozenset(map(_low, pair)) for pair in data.get("antonim") or ()),
            kebalikan=tuple(_pair(pair) for pair in data.get("kebalikan") or ()),
            sinonim={_low(k): _low(v) for k, v in (data.get("sinonim") or {}).items()},
            bidang=_themes(data.get("bidang")),
            klausa=tuple(sorted(set(map(_low, data.get("klausa") or ())), key=lambda k: -len(k))),
            bilangan={_low(k): _number(v) for k, v in (data.get("bilangan") or {}).items()},
            dukungan=_themes(data.get("dukungan")),
        )
    except (AttributeError, TypeError, ValueError):
        raise PokinFileError(
            "leksikon: isinya tidak sesuai bentuk (kata harus berupa teks, bilangan angka bulat)",
            path=path,
            hint="lihat pokin/link/lexicon.yaml untuk bentuknya",
        ) from None
    _check_support(lexicon, path)
    return lexicon


def _themes(data: Any) -> dict[str, tuple[str, ...]]:
    """A mapping of names to lists of words (``bidang``, ``dukungan``), in lower case."""
    return {_low(k): tuple(map(_low, v)) for k, v in (data or {}).items()}


def _check_support(lexicon: Lexicon, path: Path) -> None:
    """Every theme ``dukungan`` names is a theme of ``bidang``."""
    for theme, served in lexicon.dukungan.items():
        unknown = sorted({theme, *served} - lexicon.bidang.keys())
        if unknown:
            raise PokinFileError(
                f"leksikon: dukungan «{theme}» menyebut tema yang tidak ada di bidang: "
                + ", ".join(unknown),
                path=path,
                hint="tambahkan tema itu ke bidang, atau perbaiki ejaannya",
            )


def _pair(pair: Any) -> tuple[str, str]:
    if not isinstance(pair, list) or len(pair) != 2:
        raise ValueError(pair)
    return _low(pair[0]), _low(pair[1])


def _number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)
    return value


def _low(word: Any) -> str:
    if not isinstance(word, str | int):
        raise TypeError(word)
    return " ".join(str(word).casefold().split())


@cache
def _bundled() -> Lexicon:
    return _build(_raw(_BUNDLED), _BUNDLED)


DEFAULT = _bundled()
"""The bundled lexicon (``lexicon.yaml``)."""
