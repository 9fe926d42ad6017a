"""Text similarity for cascade links: normalise decree wording, score two texts, say why.

The cascade rule says a superior's indicator text reappears as a subordinate's kinerja, but
decrees copy it imperfectly. :func:`phrase` reduces a text to what survives copying:

1. HTML remnants (``<p>``, ``&amp;``) and a leading list number (``1.``, ``a)``) go;
   case, punctuation and runs of spaces are ignored (``telepon/ internet`` = ``telepon/internet``).
2. Words are spelled one way (:data:`EJAAN`: ketentraman → ketenteraman, praktek → praktik,
   kwalitas → kualitas, analisa → analisis, ...; the KBBI form wins).
3. Small function words (:data:`STOPWORDS`: yang, dan, di, dengan, ...) are dropped.
4. The first word, when it is a verb form (Meningkatnya, Terlaksananya, Melaksanakan,
   Pelaksanaan, Lancarnya, ...), is set apart as the *lead verb*: decrees swap it freely
   (Melaksanakan → Menyiapkan). Its candidate roots come from a small affix stripper
   (:func:`verb_roots`: meN-/peN-/ter-/di-/ber- and -kan/-an/-i/-nya, with the meN-
   consonant rules), so Melaksanakan, Pelaksanaan and Terlaksananya share ``laksana``.

:func:`score` is a weighted Jaccard index of the two word sets, 0 to 1, each word weighted
by how rare it is in the tree (smoothed IDF), so the words that carry the meaning count more
than "kecamatan" or "pelayanan". The lead verb is a half-weight pseudo-word: the same verb
in another form matches, a swapped verb costs a little, antonyms (meningkat / menurun)
rule the pair out. A word of 7+ letters one keystroke away from a word of the other text
(MUSRTENBANG / MUSRENBANG) counts as 0.8 of a match: a typo, but not fully trusted, since
some pairs are real words (penataan / pendataan).

Words naming a unit or a level of government (:data:`UNITS`: seksi, sub bagian, sekretariat,
desa, kelurahan, kecamatan, kabupaten, kota, provinsi) say *whose* result a text is, so
they are no ordinary words. A text is about the most specific unit it names ("Rencana
Program Kerja Kelurahan Kecamatan Kebomas" is the kelurahan's plan, in Kecamatan Kebomas):
two texts about different units (kelurahan / kecamatan, sekretariat / seksi, Sekretariat
Kelurahan / Sekretariat Kecamatan) rule the pair out, like antonyms. A text naming no unit
is not contradicted: staff often drop the "Kecamatan" of their superior's indicator.

>>> a = phrase("Terpeliharanya ketentraman dan ketertiban")
>>> b = phrase("<p>Terpeliharanya KETENTERAMAN dan ketertiban.</p>")
>>> score(a, b)
1.0
>>> describe(a, b)
['spelling ketentraman / ketenteraman']
>>> c = phrase("Menyiapkan bahan rapat koordinasi")
>>> round(score(phrase("Melaksanakan bahan rapat koordinasi"), c), 2)
0.75
>>> describe(phrase("Melaksanakan bahan rapat koordinasi"), c)
['leading verb swapped: Melaksanakan → Menyiapkan']
>>> d = phrase("Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas")
>>> score(d, phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))
0.0
>>> describe(d, phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))[0]
'about another unit: kelurahan here, kecamatan there'
>>> score(phrase("Jumlah Rencana Program Kerja"), phrase("Jumlah Rencana Program Kerja Kecamatan"))
0.8
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "EJAAN",
    "LEVEL",
    "STOPWORDS",
    "UNITS",
    "Phrase",
    "describe",
    "idf",
    "other_unit",
    "phrase",
    "score",
    "total",
    "verb_roots",
]

EJAAN: dict[str, str] = {
    "ketentraman": "ketenteraman",
    "ketengtraman": "ketenteraman",
    "tentram": "tenteram",
    "praktek": "praktik",
    "kwalitas": "kualitas",
    "kwantitas": "kuantitas",
    "analisa": "analisis",
    "sistim": "sistem",
    "resiko": "risiko",
    "jadual": "jadwal",
    "propinsi": "provinsi",
    "nasehat": "nasihat",
    "aktifitas": "aktivitas",
    "efektifitas": "efektivitas",
    "produktifitas": "produktivitas",
    "kreatifitas": "kreativitas",
    "obyek": "objek",
    "subyek": "subjek",
    "ijin": "izin",
    "perijinan": "perizinan",
    "survey": "survei",
    "sekertariat": "sekretariat",
    "sekertaris": "sekretaris",
    "kordinasi": "koordinasi",
    "pengkoordinasian": "pengoordinasian",
    "standarisasi": "standardisasi",
    "karir": "karier",
    "hutang": "utang",
    "apotik": "apotek",
    "merubah": "mengubah",
    "trampil": "terampil",
    "ketrampilan": "keterampilan",
    "pemukiman": "permukiman",
    "telpon": "telepon",
    "tehnis": "teknis",
    "tekhnis": "teknis",
    "ekstrim": "ekstrem",
    "nopember": "november",
    "pebruari": "februari",
    "kwitansi": "kuitansi",
    "frekwensi": "frekuensi",
    "musrenbangkel": "musrenbang",
    "subbag": "subbagian",
    "sub bagian": "subbagian",
    "sub bag": "subbagian",
}
"""Spelling variants seen in decrees → the standard (KBBI) spelling."""

STOPWORDS = frozenset(
    {
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "dalam",
        "dengan",
        "untuk",
        "pada",
        "serta",
        "atau",
        "oleh",
        "bagi",
        "atas",
        "terhadap",
        "secara",
        "agar",
        "akan",
        "para",
        "se",
        "nya",
    }
)
"""Function words left out of the comparison."""

UNITS: dict[str, int] = {
    "subbagian": 0,  # within the sekretariat ("sub bagian", "subbag" are read as one word)
    "seksi": 1,
    "sekretariat": 1,
    "desa": 2,
    "kelurahan": 2,
    "kecamatan": 3,
    "kabupaten": 4,
    "kota": 4,
    "provinsi": 5,
}
"""Words naming a unit (below :data:`LEVEL`) or a level of government, most specific first."""
LEVEL = 2
"""The rank from which :data:`UNITS` names a level of government (desa, kelurahan, ...)."""

_TAG = re.compile(r"<[^>]*>")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_TYPO_LENGTH = 7
_LEAD = re.compile(r"^(?:(?:ter|ber)\w{3,}|me\w{4,}|di\w{3,}(?:kan|i|nya)|pe\w{3,}an|\w{4,}nya)$")
_NOT_LEAD = frozenset(  # nouns that look like verb forms
    {
        "persentase",
        "pemerintahan",
        "pembangunan",
        "pendapatan",
        "perencanaan",
        "pelayanan",
        "perumahan",
        "permukiman",
        "pendidikan",
        "penduduk",
        "pegawai",
        "perangkat",
        "peraturan",
        "media",
        "menara",
        "meter",
        "metode",
        "mekanisme",
        "dinas",
        "dokumen",
        "data",
    }
)
_ANTONYMS = {frozenset(p) for p in (("tingkat", "turun"), ("naik", "turun"), ("tambah", "kurang"))}

LEAD_WEIGHT = 0.5
"""The weight of the lead verb, as a fraction of the lightest word's."""
TYPO_CREDIT = 0.8
"""How much a one-keystroke pair of long words counts, against 1 for the same word."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text reduced for comparison (see the module docstring)."""

    plain: str  # case- and space-folded text, for "same text" checks
    words: frozenset[str]  # canonical content words, the lead verb excluded
    surface: tuple[tuple[str, str], ...]  # (canonical, as written), for explanations
    lead: str | None  # the lead verb as written (lower case)
    roots: frozenset[str]  # its candidate roots
    long: frozenset[str]  # the words long enough for a typo to be forgiven
    subject: frozenset[str]  # the most specific unit words it names (see :data:`UNITS`)
    level: frozenset[str]  # the most specific level-of-government words it names

    @property
    def key(self) -> tuple[frozenset[str], bool]:
        """Equal for texts that differ only in spelling, small words and verb form."""
        return self.words, self.lead is not None


def phrase(text: str) -> Phrase:
    """Normalise a decree text for comparison.

    >>> p = phrase("1. Meningkatnya Kwalitas  Pelayanan yang baik")
    >>> sorted(p.words), p.lead, "tingkat" in p.roots
    (['baik', 'kualitas', 'pelayanan'], 'meningkatnya', True)
    """
    text = unicodedata.normalize("NFKC", html.unescape(_TAG.sub(" ", text))).casefold()
    plain = " ".join(text.split())
    written = _sub_bagian(_WORD.findall(_NUMBERING.sub("", plain)))
    lead = None
    if len(written) > 1 and _LEAD.match(written[0]) and written[0] not in _NOT_LEAD:
        lead, written = written[0], written[1:]
    surface = tuple((EJAAN.get(w, w), w) for w in written if EJAAN.get(w, w) not in STOPWORDS)
    words = frozenset(c for c, _ in surface)
    return Phrase(
        plain=plain,
        words=words,
        surface=surface,
        lead=lead,
        roots=verb_roots(lead) if lead else frozenset(),
        long=frozenset(c for c, _ in surface if len(c) >= _TYPO_LENGTH and not c.isdigit()),
        subject=_most_specific(words, 0),
        level=_most_specific(words, LEVEL),
    )


def _sub_bagian(written: list[str]) -> list[str]:
    """``sub bagian`` / ``sub bag`` as one word, as ``subbagian`` is written too."""
    merged: list[str] = []
    for w in written:
        if merged and merged[-1] == "sub" and w in ("bagian", "bag"):
            merged[-1] = "sub " + w
        else:
            merged.append(w)
    return merged


def _most_specific(words: frozenset[str], rank: int) -> frozenset[str]:
    """The words of :data:`UNITS` from ``rank`` on that name the most specific unit."""
    ranks = {w: UNITS[w] for w in words if UNITS.get(w, -1) >= rank}
    low = min(ranks.values(), default=None)
    return frozenset(w for w, r in ranks.items() if r == low)


def other_unit(a: Phrase, b: Phrase) -> bool:
    """Whether two texts are about different units or levels (see the module docstring)."""
    return bool(
        (a.subject and b.subject and not a.subject & b.subject)
        or (a.level and b.level and not a.level & b.level)
    )


_SUFFIXES = ("kannya", "nya", "kan", "an", "i")
# (prefix, letter restored before a vowel): meN-/peN- drop the first consonant of the root.
_PREFIXES = (
    ("meny", "s"),
    ("meng", "k"),
    ("mem", "p"),
    ("men", "t"),
    ("me", ""),
    ("peny", "s"),
    ("peng", "k"),
    ("pem", "p"),
    ("pen", "t"),
    ("per", ""),
    ("pe", ""),
    ("ter", ""),
    ("ber", ""),
    ("di", ""),
)


def verb_roots(word: str) -> frozenset[str]:
    """Candidate roots of an Indonesian verb form; two forms are one verb if these meet.

    >>> sorted(verb_roots("melaksanakan") & verb_roots("terlaksananya"))
    ['laksana']
    >>> sorted(verb_roots("meningkatnya") & verb_roots("peningkatan"))
    ['ingkat', 'ningkat', 'tingkat']
    >>> verb_roots("menyiapkan") & verb_roots("melaksanakan")
    frozenset()
    """
    stems = {word}
    for suffix in _SUFFIXES:
        cut = len(suffix)
        stems |= {s[:-cut] for s in stems if s.endswith(suffix) and len(s) - cut >= 4}
    roots: set[str] = set()
    for stem in stems:
        for prefix, restored in _PREFIXES:
            rest = stem[len(prefix) :]
            if stem.startswith(prefix) and len(rest) >= 3:
                roots.add(rest)
                if restored and rest[0] in "aeiou":
                    roots.add(restored + rest)
    return frozenset(roots or {word})


def idf(texts: Iterable[Phrase]) -> dict[str, float]:
    """Smoothed inverse document frequency of each word: ``1 + ln((n + 1) / (df + 1))``."""
    df: Counter[str] = Counter()
    n = 0
    for p in texts:
        n += 1
        df.update(p.words)
    return {w: 1.0 + math.log((n + 1) / (c + 1)) for w, c in df.items()}


def _lead(a: Phrase, b: Phrase) -> tuple[float, float] | None:
    """(shared, union) weight of the lead verbs; None for antonyms."""
    if a.lead is None and b.lead is None:
        return 0.0, 0.0
    if a.lead is None or b.lead is None:
        return 0.0, LEAD_WEIGHT
    if a.roots & b.roots:
        return LEAD_WEIGHT, LEAD_WEIGHT
    if any(frozenset((x, y)) in _ANTONYMS for x in a.roots for y in b.roots):
        return None
    return 0.0, 2 * LEAD_WEIGHT


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swap = a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]
        return a[i + 1 :] == b[i + 1 :] or swap
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _typos(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of words one keystroke apart, each word used once."""
    xs, ys = sorted(a), sorted(b)
    pairs: list[tuple[str, str]] = []
    for x in xs:
        for y in ys:
            if one_edit(x, y):
                pairs.append((x, y))
                ys.remove(y)
                break
    return pairs


def score(
    a: Phrase,
    b: Phrase,
    weights: Mapping[str, float] | None = None,
    floor: float = 0.0,
    *,
    totals: tuple[float, float] | None = None,
    typos: bool = True,
) -> float:
    """The similarity of two phrases, 0 to 1 (1: the same after normalisation).

    ``weights`` maps words to weights (1 for a word not in it; see :func:`idf`).
    Returns 0 early when the pair cannot reach ``floor`` (a speed-up for searches);
    ``totals``, the summed weights of both phrases' words, saves summing them again.
    ``typos=False`` counts exact words only (then texts of unlike length are ruled out
    before any word is compared).
    """
    lead = _lead(a, b)
    if lead is None or other_unit(a, b):
        return 0.0
    w = weights or {}
    total_a, total_b = totals or (total(a, w), total(b, w))
    if not typos and (min(total_a, total_b) + lead[0]) < floor * (max(total_a, total_b) + lead[1]):
        return 0.0
    shared = a.words & b.words
    common = sum(w.get(t, 1.0) for t in shared)
    inter = common + lead[0]
    union = total_a + total_b - common + lead[1]
    long_a, long_b = (a.long - shared, b.long - shared) if typos else ((), ())
    if long_a and long_b:
        # a typo can make a pair of lone words (almost) one: bound the gain first
        most = (sum(w.get(t, 1.0) for t in long_a) + sum(w.get(t, 1.0) for t in long_b)) / 2
        if (inter + TYPO_CREDIT * most) / (union - most) < floor:
            return 0.0
        for x, y in _typos(long_a, long_b):
            mean = (w.get(x, 1.0) + w.get(y, 1.0)) / 2
            inter += TYPO_CREDIT * mean
            union -= mean
    elif union and inter / union < floor:
        return 0.0
    return inter / union if union else 0.0


def total(p: Phrase, weights: Mapping[str, float] | None = None) -> float:
    """The summed weight of a phrase's words (the lead verb left out)."""
    w = weights or {}
    return sum(w.get(t, 1.0) for t in p.words)


def describe(a: Phrase, b: Phrase) -> list[str]:
    """How ``a`` differs from ``b``, in plain words (empty: the same text)."""
    if a.plain == b.plain:
        return []
    notes: list[str] = []
    written_a, written_b = dict(a.surface), dict(b.surface)
    if other_unit(a, b):
        apart = a.subject and b.subject and not a.subject & b.subject
        here, there = (a.subject, b.subject) if apart else (a.level, b.level)
        notes.append(
            "about another unit: "
            + ", ".join(written_a[c] for c in sorted(here))
            + " here, "
            + ", ".join(written_b[c] for c in sorted(there))
            + " there"
        )
    spelling = sorted(
        f"{written_a[c]} / {written_b[c]}"
        for c in a.words & b.words
        if written_a[c] != written_b[c]
    )
    if spelling:
        notes.append("spelling " + ", ".join(spelling))
    only_a, only_b = a.words - b.words, b.words - a.words
    typos = _typos(only_a & a.long, only_b & b.long)
    if typos:
        notes.append("typo " + ", ".join(f"{written_a[x]} / {written_b[y]}" for x, y in typos))
        only_a -= {x for x, _ in typos}
        only_b -= {y for _, y in typos}
    if a.lead != b.lead:
        if a.lead and b.lead and a.roots & b.roots:
            notes.append(f"same verb in another form: {a.lead.title()} → {b.lead.title()}")
        elif a.lead and b.lead:
            notes.append(f"leading verb swapped: {a.lead.title()} → {b.lead.title()}")
        else:
            lead = str(a.lead or b.lead).title()
            notes.append(f"leading verb {'dropped' if a.lead else 'added'}: {lead}")
    if only_a:
        notes.append("words only here: " + ", ".join(written_a[c] for c in sorted(only_a)))
    if only_b:
        notes.append("words only there: " + ", ".join(written_b[c] for c in sorted(only_b)))
    if not notes:
        notes.append("differs only in case, punctuation or small words")
    return notes
