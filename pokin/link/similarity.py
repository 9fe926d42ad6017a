"""Text similarity for cascade links: normalise decree wording, score two texts, say why.

The cascade rule says a superior's indicator text reappears as a subordinate's kinerja, but
decrees copy it imperfectly. :func:`phrase` reduces a text to what survives copying:

1. HTML remnants (``<p>``, ``&amp;``) and a leading list number (``1.``, ``a)``) go;
   case, punctuation and runs of spaces are ignored (``telepon/ internet`` = ``telepon/internet``).
2. Words are spelled one way (:data:`EJAAN`: ketentraman → ketenteraman, praktek → praktik,
   kwalitas → kualitas, analisa → analisis, ...; the KBBI form wins).
3. Common government abbreviations are written out (:data:`SINGKATAN`: trantibum →
   ketenteraman dan ketertiban umum, linmas → perlindungan masyarakat, PATEN → pelayanan
   administrasi terpadu kecamatan, ...), so "gangguan trantibum" meets "gangguan
   ketentraman dan ketertiban umum". A word one keystroke from an abbreviation of 7+
   letters (MUSRTENBANG) is read as it.
4. Small function words (:data:`STOPWORDS`: yang, dan, di, dengan, ...) are dropped.
5. The first word, when it is a verb form (Meningkatnya, Terlaksananya, Melaksanakan,
   Pelaksanaan, Lancarnya, ...), is set apart as the *lead verb*: decrees swap it freely
   (Melaksanakan → Menyiapkan). Its candidate roots come from a small affix stripper
   (:func:`verb_roots`: meN-/peN-/ter-/di-/ber- and -kan/-an/-i/-nya, with the meN-
   consonant rules), so Melaksanakan, Pelaksanaan and Terlaksananya share ``laksana``.

:func:`score` is a weighted Jaccard index of the two word sets, 0 to 1, each word weighted
by how rare it is in the tree (smoothed IDF), so the words that carry the meaning count more
than "kecamatan" or "pelayanan". The lead verb is a half-weight pseudo-word: the same verb
in another form matches, a swapped verb costs a little, antonyms (meningkat / menurun)
rule the pair out. In a text without a lead verb, a verbal noun of the other's lead
verb stands for it (an indicator "Persentase penurunan X" carries the kinerja "Menurunnya
X"), and one of its antonym rules the pair out. A word of 7+ letters one keystroke away
from a word of the other text (PENDATAAN / PENDATAN) counts as 0.8 of a match: a typo, but
not fully trusted, since some pairs are real words (penataan / pendataan). A typo of an
abbreviation (MUSRTENBANG) is read as the abbreviation: no real word is that close to one.

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
['ejaan ketentraman / ketenteraman']
>>> c = phrase("Menyiapkan bahan rapat koordinasi")
>>> round(score(phrase("Melaksanakan bahan rapat koordinasi"), c), 2)
0.75
>>> describe(phrase("Melaksanakan bahan rapat koordinasi"), c)
['kata kerja awal berbeda: Melaksanakan → Menyiapkan']
>>> d = phrase("Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas")
>>> score(d, phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))
0.0
>>> describe(d, phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))[0]
'tentang unit lain: kelurahan di sini, kecamatan di sana'
>>> score(phrase("Jumlah Rencana Program Kerja"), phrase("Jumlah Rencana Program Kerja Kecamatan"))
0.8
>>> t = phrase("Persentase penurunan gangguan trantibum")
>>> round(score(phrase("Menurunnya gangguan ketentraman dan ketertiban umum"), t), 2)
0.82
>>> describe(phrase("Gangguan ketentraman dan ketertiban umum"), phrase("Gangguan TRANTIBUM"))
['singkatan trantibum = ketenteraman dan ketertiban umum']

The notes of :func:`describe` are in Indonesian: they end up in a planner's report.
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
    "SINGKATAN",
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

SINGKATAN: dict[str, str] = {
    "trantibum": "ketenteraman dan ketertiban umum",
    "trantibmas": "ketenteraman dan ketertiban masyarakat",
    "trantib": "ketenteraman dan ketertiban",
    "linmas": "perlindungan masyarakat",
    "kesra": "kesejahteraan rakyat",
    "ekbang": "ekonomi dan pembangunan",
    "pemmas": "pemberdayaan masyarakat",
    "skm": "survei kepuasan masyarakat",
    "ikm": "indeks kepuasan masyarakat",
    "paten": "pelayanan administrasi terpadu kecamatan",
    "musrenbang": "musyawarah perencanaan pembangunan",
    "atk": "alat tulis kantor",
    "sop": "standar operasional prosedur",
    "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
    "lakip": "laporan akuntabilitas kinerja instansi pemerintah",
    "lkjip": "laporan kinerja instansi pemerintah",
    "renstra": "rencana strategis",
}
"""Government abbreviations (after :data:`EJAAN`) → what they stand for, written out.

Only abbreviations with one reading in a kecamatan decree. LAKIP and LKjIP name the same
yearly report under its old and new rule; each is written out as it reads (they then
share four words of five). Left out: *renja* (the formal Rencana Kerja of an office,
while "rencana kerja" is also any unit's work plan), and short words that are ordinary
Indonesian too.
"""

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
_NOMINAL = re.compile(r"^pe\w{3,}an$")
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

_LONG_SINGKATAN = tuple(s for s in SINGKATAN if len(s) >= _TYPO_LENGTH)

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
    # the verbal nouns among its words (penurunan, peningkatan) and their candidate roots
    nominal: tuple[tuple[str, frozenset[str]], ...] = ()

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
    surface = tuple(
        (c, shown)
        for w in written
        for c, shown in _expand(EJAAN.get(w, w), w)
        if c not in STOPWORDS
    )
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
        nominal=tuple(
            (c, verb_roots(c))
            for c in sorted(words)
            if _NOMINAL.match(c) and c not in _NOT_LEAD and c not in UNITS
        ),
    )


def _expand(word: str, written: str) -> list[tuple[str, str]]:
    """(canonical, as shown) of a word, written out when it is an abbreviation.

    An abbreviation's words are shown as ``trantibum=ketenteraman dan ketertiban umum``
    (see :func:`describe`); a typo of a long abbreviation as ``musrtenbang~musrenbang``.
    """
    short = word if word in SINGKATAN else _abbreviation_typo(word)
    if short is None:
        return [(word, written)]
    mark = f"{written}={SINGKATAN[short]}" if short == word else f"{written}~{short}"
    return [(EJAAN.get(w, w), mark) for w in SINGKATAN[short].split()]


def _abbreviation_typo(word: str) -> str | None:
    if len(word) < _TYPO_LENGTH:
        return None
    return next((s for s in _LONG_SINGKATAN if one_edit(word, s)), None)


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


def _verbal_noun(a: Phrase, b: Phrase) -> str | None:
    """The verbal noun of the phrase without a lead verb that is the other's lead verb.

    ``""`` when it is the lead verb's antonym; None when there is none.
    """
    noun, verb = (a, b) if a.lead is None else (b, a)
    for word, roots in noun.nominal:
        if word in verb.words:
            continue
        if roots & verb.roots:
            return word
        if any(frozenset((x, y)) in _ANTONYMS for x in roots for y in verb.roots):
            return ""
    return None


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
    verbal = _verbal_noun(a, b) if lead[1] == LEAD_WEIGHT and not lead[0] else None
    if verbal == "":
        return 0.0  # an antonym: "Menurunnya ..." / "Persentase peningkatan ..."
    if verbal:
        # "Persentase penurunan X" carries "Menurunnya X": the noun stands for the verb
        lead = (LEAD_WEIGHT, LEAD_WEIGHT)
        if a.lead is None:
            total_a -= w.get(verbal, 1.0)
        else:
            total_b -= w.get(verbal, 1.0)
    if not typos and (min(total_a, total_b) + lead[0]) < floor * (max(total_a, total_b) + lead[1]):
        return 0.0
    shared = a.words & b.words
    common = sum(w.get(t, 1.0) for t in shared)
    inter = common + lead[0]
    union = total_a + total_b - common + lead[1]
    long_a, long_b = (a.long - shared, b.long - shared) if typos else (frozenset(), frozenset())
    if verbal:
        long_a, long_b = long_a - {verbal}, long_b - {verbal}
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
    """How ``a`` differs from ``b``, in plain Indonesian words (empty: the same text)."""
    if a.plain == b.plain:
        return []
    notes: list[str] = []
    written_a, written_b = dict(a.surface), dict(b.surface)
    if other_unit(a, b):
        apart = a.subject and b.subject and not a.subject & b.subject
        here, there = (a.subject, b.subject) if apart else (a.level, b.level)
        notes.append(
            "tentang unit lain: "
            + ", ".join(_shown(written_a[c], c) for c in sorted(here))
            + " di sini, "
            + ", ".join(_shown(written_b[c], c) for c in sorted(there))
            + " di sana"
        )
    spelling: set[str] = set()
    short: set[str] = set()
    typos: list[tuple[str, ...]] = []
    for c in sorted(a.words & b.words):
        x, y = written_a[c], written_b[c]
        if x == y:
            continue
        marks = [m for m in (x, y) if "=" in m or "~" in m]
        if len(marks) == 1:  # an abbreviation here, written out there
            short.update(m if "=" in m else _written_out(m) for m in marks)
        for m in marks:
            if "~" in m and (pair := tuple(m.split("~", 1))) not in typos:
                typos.append(pair)
        if not marks:
            spelling.add(f"{x} / {y}")
    if short:
        notes.append("singkatan " + ", ".join(m.replace("=", " = ") for m in sorted(short)))
    if spelling:
        notes.append("ejaan " + ", ".join(sorted(spelling)))
    only_a, only_b = a.words - b.words, b.words - a.words
    word_typos = _typos(only_a & a.long, only_b & b.long)
    typos += [(written_a[x], written_b[y]) for x, y in word_typos]
    if typos:
        notes.append("salah ketik " + ", ".join(f"{x} / {y}" for x, y in typos))
        only_a -= {x for x, _ in word_typos}
        only_b -= {y for _, y in word_typos}
    if a.lead != b.lead:
        if a.lead and b.lead and a.roots & b.roots:
            notes.append(f"kata kerja sama, bentuk lain: {a.lead.title()} → {b.lead.title()}")
        elif a.lead and b.lead:
            notes.append(f"kata kerja awal berbeda: {a.lead.title()} → {b.lead.title()}")
        elif verbal := _verbal_noun(a, b):
            verb, noun = (a.lead, written_b[verbal]) if a.lead else (written_a[verbal], b.lead)
            notes.append(f"kata kerja sama, bentuk lain: {str(verb).title()} → {str(noun).title()}")
            only_a, only_b = only_a - {verbal}, only_b - {verbal}
        else:
            lead = str(a.lead or b.lead).title()
            notes.append(f"kata kerja awal hanya di {'sini' if a.lead else 'sana'}: {lead}")
    if only_a:
        notes.append(
            "kata hanya di sini: " + ", ".join(_shown(written_a[c], c) for c in sorted(only_a))
        )
    if only_b:
        notes.append(
            "kata hanya di sana: " + ", ".join(_shown(written_b[c], c) for c in sorted(only_b))
        )
    if not notes:
        notes.append("beda hanya pada huruf besar/kecil, tanda baca atau kata tugas")
    return notes


def _written_out(mark: str) -> str:
    """``musrtenbang~musrenbang`` → ``musrenbang=musyawarah perencanaan pembangunan``."""
    short = mark.split("~", 1)[1]
    return f"{short}={SINGKATAN[short]}"


def _shown(written: str, canonical: str) -> str:
    """A word as written, or, for a word of an abbreviation, the word and the abbreviation."""
    if "=" in written or "~" in written:
        return f"{canonical} ({written.split('=')[0].split('~')[0].upper()})"
    return written
