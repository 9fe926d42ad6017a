"""Decree wording reduced to what survives copying: :class:`Phrase` and :func:`phrase`.

The cascade rule says a superior's indicator text reappears as a subordinate's kinerja, but
decrees copy it imperfectly. :func:`phrase` reads a text the way a planner compares two:

1. HTML remnants (``<p>``, ``&amp;``) and a leading list number (``1.``, ``a)``) go; case,
   punctuation and runs of spaces are ignored.
2. Words are spelled one way and abbreviations written out, from the lexicon
   (:mod:`pokin.link.lexicon`: ketentraman → ketenteraman, trantibum → ketenteraman dan
   ketertiban umum, PATEN, SKM, IKM, BUMDes, Musrenbang...). A word of 7+ letters one
   keystroke from a long abbreviation (MUSRTENBANG) is read as it (rapidfuzz's
   optimal-string-alignment distance).
3. Function words ("yang", "dan", ...) and measure words ("Jumlah", "Persentase", ...)
   are left out: "Jumlah dokumen SKP" carries the kinerja "Tersusunnya dokumen SKP". So
   are light verbs before their noun ("yang menerima pendampingan" is "yang
   didampingi") and words of aspect before a passive verb ("yang selesai direkonsiliasi").
4. Every other word is reduced to its root by the Sastrawi stemmer (PySastrawi:
   meningkatnya / peningkatan / ditingkatkan → tingkat; :mod:`pokin.link.morph`), so a
   verb added, changed or turned into a noun, and reduplicated plurals
   (kegiatan-kegiatan), meet their root; an affixed compound gives both its roots
   (ditindaklanjuti → tindak lanjut).
5. The first word, when it is a verb form (Meningkatnya, Terlaksananya, Melaksanakan,
   Pelaksanaan...), is set apart as the *lead verb*: decrees swap it freely. A measure
   text has none, but the passive verb closing it says what was done ("Jumlah operasi
   yang digelar": :attr:`Phrase.done`).
6. A text listing items ("di bidang A, B, C dan D") keeps its list (:attr:`Phrase.chunks`),
   so a child keeping one item of its parent's list can be told from a mismatch; an item
   a "yang" opens is marked (:attr:`Phrase.qualifies`): it says what of the item before is
   measured, and a child dropping all of it keeps no item.

Words naming a unit or a level of government (:data:`UNITS`, :mod:`pokin.link.scope`) are
kept as written: they say *whose* result a text is (see
:func:`pokin.link.similarity.other_unit`).

>>> p = phrase("1. Meningkatnya Kwalitas  Pelayanan yang baik")
>>> sorted(p.words), p.lead, sorted(p.roots)
(['kualitas', 'layan'], 'meningkatnya', ['tingkat'])
>>> sorted(phrase("Jumlah kegiatan-kegiatan PATEN").words)
['administrasi', 'giat', 'kecamatan', 'layan', 'padu']
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

from .lexicon import DEFAULT, Lexicon
from .morph import TYPO_LENGTH, passive, roots_of, stem, synonym_roots, typo, verb_form
from .numbers import numbers, without_bound
from .scope import LEVEL, UNIT_WORDS, UNITS, levels, subject

__all__ = ["LEVEL", "UNITS", "Phrase", "lone_qualities", "phrase", "stem", "synonym_roots", "typo"]

_TAG = re.compile(r"<[^>]*>")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
# "e-SAKIP", "e-Kinerja": an application named after a thing, one word (not the thing)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\be-[^\W\d_]+|[^\W\d_]+|[,;:()]")
_BREAKS = frozenset({",", ";", ":", "(", ")", "dan", "serta", "atau", "maupun", "yang"})
_KEEP = 500_000
_NONE: frozenset[str] = frozenset()
"""The one empty set every phrase holds for an empty field: each ``frozenset()`` is an
object of its own that the cyclic collector walks (at 1e5 indicators, 600k of them were
over half of the objects a first :func:`~pokin.link.infer_links` left it)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text reduced for comparison (see the module docstring)."""

    plain: str  # case- and space-folded text, for "same text" checks
    words: frozenset[str]  # roots of the content words, the lead verb excluded
    surface: tuple[tuple[str, str], ...]  # (root, as written) for explanations
    lead: str | None  # the lead verb as written (lower case)
    roots: frozenset[str]  # the lead verb's root (empty without one)
    forms: tuple[tuple[str, str], ...]  # (root, spelled word) of the long words, for typos
    subject: frozenset[str]  # the most specific unit words it names (see UNITS)
    level: frozenset[str]  # the most specific level-of-government words it names
    chunks: tuple[frozenset[str], ...] = ()  # the items of a list it holds (roots)
    qualifies: tuple[bool, ...] = ()  # per chunk: a "yang" clause on the item before it
    parts: tuple[Phrase, ...] = ()  # the text before a clause it adds, and each clause
    done: frozenset[str] = frozenset()  # roots of the passive verb closing it (see _done)
    general: bool = False  # its lead verb only says something happened (Terlaksananya)
    expanded: frozenset[str] = frozenset()  # words only an abbreviation gives it
    abbreviations: frozenset[str] = frozenset()  # the abbreviations it writes

    @property
    def key(self) -> tuple[frozenset[str], bool]:
        """Equal for texts that differ only in spelling, small words and verb form."""
        return self.words, self.lead is not None


def phrase(text: str, lexicon: Lexicon = DEFAULT) -> Phrase:
    """Normalise a decree text for comparison (see the module docstring).

    Phrases are kept per lexicon (decrees repeat their texts), up to :data:`_KEEP`.
    """
    cache = lexicon.cache
    found = cache.get(text)
    if found is None:
        if len(cache) >= _KEEP:
            cache.clear()
        found = cache[text] = _phrase(text, lexicon)
    return found


def _phrase(text: str, lexicon: Lexicon) -> Phrase:
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub(" ", text))
    folded = (text if text.isascii() else unicodedata.normalize("NFKC", text)).casefold()
    plain = " ".join(folded.split())
    body = _NUMBERING.sub("", plain)
    tokens = _joined(_TOKEN.findall(body), lexicon)
    if not lexicon.bilangan.keys().isdisjoint(tokens):
        tokens = numbers(tokens, lexicon.bilangan)
    tokens = without_bound(tokens, lexicon.kata_batas, _BREAKS)
    if not _light(lexicon).isdisjoint(tokens[:-1]):
        tokens = _without_light_words(tokens, lexicon)
    segments = _clauses(tokens, lexicon)
    if len(segments) > 1:
        tokens = [t for segment in segments for t in segment]
    written = [t for t in tokens if t not in _BREAKS]
    lead = None
    if len(written) > 1 and verb_form(written[0]):
        lead, written = written[0], written[1:]
    trimmed = not (
        lexicon.kata_wadah.isdisjoint(written)
        and lexicon.kata_mutu.isdisjoint(written)
        and lexicon.kata_penilaian.isdisjoint(written[1:3])
    )
    if trimmed:
        written = _trimmed(written, lexicon, lead is not None or passive(written[-1]))
    read, found = _read_forms(written, lexicon)
    surface = tuple(read)
    words = frozenset(r for r, _ in surface)
    short = {(r, shown) for r, shown in surface if "=" in shown or "~" in shown}
    heads = frozenset(_head(shown, lexicon) for _, shown in short)
    canonical = (  # a unit word written out has itself as root: none in words, none here
        frozenset(
            lexicon.reading.get(shown, shown)
            for _, shown in surface
            if "=" not in shown and "~" not in shown
        )
        if not UNIT_WORDS.isdisjoint(words)
        else frozenset()
    )
    roots = _roots(lexicon.reading.get(lead, lead) if lead else None, lexicon)
    whole = Phrase(
        plain=plain,
        words=words,
        surface=surface,
        lead=lead,
        roots=roots or _NONE,  # (see _NONE)
        forms=tuple(sorted(found)) if len(found) > 1 else tuple(found),
        subject=(subject(canonical, body) or _NONE) if canonical & UNIT_WORDS else _NONE,
        level=(levels(canonical, body) or _NONE) if canonical & UNIT_WORDS else _NONE,
        done=(
            (_done(segments[0], lexicon) or _NONE)
            if lead is None and "yang" in segments[0]
            else _NONE
        ),
        general=bool(roots & lexicon.kerja_umum),
        expanded=_expanded(surface, short, heads, lexicon) or _NONE,
        abbreviations=heads or _NONE,
    )
    # a list is read in the main clause only: "yang"/"dan" in an added purpose clause
    # ("... dalam rangka mewujudkan X dan Y") make no list of the text's items
    if not _BREAKS.isdisjoint(segments[0]):
        chunks, qualifies = _chunks(segments[0], lead, lexicon)
        if trimmed:  # a container noun or a rating left out of the words is out of the list
            chunks = tuple(c & words for c in chunks)
        whole = replace(whole, chunks=chunks, qualifies=qualifies)
    return _with_parts(whole, segments, lexicon) if len(segments) > 1 else whole


def lone_qualities(p: Phrase) -> frozenset[str]:
    """The roots ``p`` writes only as a lone quality of the item before ("administrasi
    perkantoran yang tertib"). Such a root is no match for the same root an abbreviation
    gives another text (trantibum = ketenteraman dan ketertiban umum): an orderly filing is
    not public order, however the roots agree."""
    lone = [c for c, q in zip(p.chunks, p.qualifies, strict=True) if q and len(c) == 1]
    if not lone:
        return frozenset()
    held = [c for c, q in zip(p.chunks, p.qualifies, strict=True) if not q or len(c) > 1]
    return frozenset[str]().union(*lone).difference(*held)


def _head(shown: str, lexicon: Lexicon) -> str:
    """The first word of the abbreviation a word shown as ``x=...`` or ``x~y`` expands."""
    written, _, long = shown.partition("=")
    return (long or lexicon.singkatan[written.partition("~")[2]]).split()[0]


def _expanded(
    surface: tuple[tuple[str, str], ...],
    short: set[tuple[str, str]],
    heads: frozenset[str],
    lexicon: Lexicon,
) -> frozenset[str]:
    """The roots only an abbreviation gives a text; none when one of them names a measure
    (IKM: indeks ...), which another abbreviation's thing may well carry (SKM)."""
    if not short or not heads.isdisjoint(lexicon.kata_ukuran):
        return frozenset()
    return frozenset(r for r, _ in short) - {r for r, x in surface if (r, x) not in short}


def _with_parts(whole: Phrase, segments: list[list[str]], lexicon: Lexicon) -> Phrase:
    """``whole`` with the phrases of its clauses (see :func:`_clauses`); a clause naming
    no unit is about the unit the whole text names ("rencana operasional Subbagian ...
    dengan cara menjabarkan Program Kerja" is the Subbagian's work, not the kecamatan's)."""
    parts = []
    for segment in segments:
        part = phrase(" ".join(segment), lexicon)
        if part.words:
            subject, level = part.subject or whole.subject, part.level or whole.level
            parts.append(replace(part, subject=subject, level=level))
    return replace(whole, parts=tuple(parts)) if len(parts) > 1 else whole


def _clauses(tokens: list[str], lexicon: Lexicon) -> list[list[str]]:
    """The tokens before each clause the lexicon's ``klausa`` open, and each clause, the
    words opening them left out; one segment when the text adds no clause."""
    known = lexicon.cache.get(_CLAUSE)
    if known is None:
        found = (tuple(_TOKEN.findall(m)) for m in lexicon.klausa)  # longest first
        markers = tuple(m for m in found if m)
        known = lexicon.cache[_CLAUSE] = (markers, frozenset(m[0] for m in markers))
    markers, first = known
    if first.isdisjoint(tokens) or (tokens[0] in first and first.isdisjoint(tokens[1:])):
        return [tokens]
    segments, start, i = [], 0, 1
    while i < len(tokens):
        hit = next((m for m in markers if tuple(tokens[i : i + len(m)]) == m), None)
        if hit is None:
            i += 1
            continue
        segments.append(tokens[start:i])
        start = i = i + len(hit)
    segments.append(tokens[start:])
    return [s for s in segments if s]


_CLAUSE = ("klausa",)


def _roots(lead: str | None, lexicon: Lexicon) -> frozenset[str]:
    """The lead verb's root (two for a compound); a verb that only says something
    happened stands for all such."""
    if not lead:
        return frozenset()
    same = synonym_roots(lexicon)
    roots = frozenset(same.get(r, r) for r in roots_of(lead))
    return lexicon.kerja_umum | roots if roots & lexicon.kerja_umum else roots


def _light(lexicon: Lexicon) -> frozenset[str]:
    """The words :func:`_without_light_words` may set aside (kept with the lexicon)."""
    found = lexicon.cache.get(_LIGHT)
    if found is None:
        found = lexicon.cache[_LIGHT] = (
            lexicon.kerja_bantu | lexicon.kata_aspek | lexicon.kata_peran
        )
    return found


_LIGHT = ("light",)


def _without_light_words(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """``tokens`` without the light verbs (``kerja_bantu``) a word follows ("yang
    menerima pendampingan" says "yang didampingi": the noun is the verb) and the words of
    aspect (``kata_aspek``) a verb follows ("yang selesai direkonsiliasi" says "yang
    direkonsiliasi", "yang telah menetapkan" says "yang menetapkan"), and the role nouns
    (``kata_peran``) between a noun and its object ("rumah tangga penerima bantuan")."""
    light, aspect, role = lexicon.kerja_bantu, lexicon.kata_aspek, lexicon.kata_peran
    skip = _BREAKS | lexicon.kata_ukuran
    return [
        t
        for t, before, after in zip(tokens, ["", *tokens], [*tokens[1:], ""], strict=False)
        if not after
        or not (
            t in light
            or (t in aspect and (verb_form(after) or passive(after)))
            or (t in role and before and before not in skip and after not in _BREAKS)
        )
    ]


def _trimmed(written: list[str], lexicon: Lexicon, acted: bool) -> list[str]:
    """``written`` without a noun the measured thing comes in heading it (``kata_wadah``:
    "Jumlah dokumen register risiko", "Ditetapkannya dokumen perencanaan kinerja") when two
    words of the thing follow it ("dokumen SAKIP yang disusun" keeps it: one word, an
    abbreviation of a system, is no thing that stands without its container) and the
    text says what was done to the thing (``acted``: a lead verb, or a passive verb closing
    it; "dokumen administrasi selesai" keeps it), without the appraisal nouns after a
    leading measure word (``kata_penilaian``: "Nilai evaluasi akuntabilitas kinerja") when
    two words follow them, and without the ratings closing it (``kata_mutu``: "predikat
    kinerja sangat baik")."""
    measure, small = lexicon.kata_ukuran, lexicon.kata_tugas
    at = next((i for i, t in enumerate(written) if t not in measure), len(written))
    if at:  # "Nilai evaluasi X Y": the value of X Y
        appraisal = lexicon.kata_penilaian
        end = next((i for i in range(at, len(written)) if written[i] not in appraisal), at)
        if end > at and len(written) - end >= 2 and written[end] not in small:
            written = written[:at] + written[end:]
    thing = written[at + 1 : at + 3]
    if (
        acted
        and written[at : at + 1]
        and written[at] in lexicon.kata_wadah
        and len(thing) == 2
        and not any(t in small or t in measure or verb_form(t) or passive(t) for t in thing)
    ):
        written = written[:at] + written[at + 1 :]
    end = len(written)
    while end > at + 1 and written[end - 1] in lexicon.kata_mutu:
        end -= 1
    return written[:end]


def _done(tokens: list[str], lexicon: Lexicon) -> frozenset[str]:
    """The roots of the passive verb closing a measure text: "Jumlah operasi penertiban
    yang digelar" (the verb right after its last "yang"). Such a verb says the measured
    thing was done, as a lead verb of :attr:`~Lexicon.kerja_umum` does."""
    at = len(tokens) - 1 - tokens[::-1].index("yang")
    clause = tokens[at + 1 : at + 2]
    return frozenset(roots_of(clause[0])) if clause and passive(clause[0]) else frozenset()


def _read(written: list[str], lexicon: Lexicon) -> list[tuple[str, str]]:
    """(root, as shown) of each content word; an abbreviation's words shown as ``x=...``."""
    return _read_forms(written, lexicon)[0]


def _read_forms(
    written: list[str], lexicon: Lexicon
) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """:func:`_read`, and (root, spelled word) of the long words written as such (not
    abbreviations): the forms a typo is looked for in."""
    cache = lexicon.cache
    out: list[tuple[str, str]] = []
    forms: set[tuple[str, str]] = set()
    for w in written:
        found = cache.get((w,))
        if found is None:
            found = cache[(w,)] = _word(w, lexicon)
        out.extend(found[0])
        forms.update(found[1])
    return out, forms


def _word(
    w: str, lexicon: Lexicon
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """:func:`_read_forms` of one word (kept: decrees repeat their words). A number
    ("100", "2026", "satu" read as "1") is no word: two texts with the same target or
    year say nothing alike by it."""
    out: list[tuple[str, str]] = []
    for part in lexicon.reading.get(w, w).split():
        out.extend(_expand(part, w, lexicon))
    same = synonym_roots(lexicon)
    pairs = tuple(
        (same.get(root, root), shown)
        for c, shown in out
        if c not in lexicon.kata_tugas and c not in lexicon.kata_ukuran and not c[:1].isdigit()
        for root in roots_of(c)
    )
    forms = tuple(
        (root, lexicon.reading.get(shown, shown))
        for root, shown in pairs
        if len(shown) >= TYPO_LENGTH and "=" not in shown and "~" not in shown
    )
    return pairs, forms


def _expand(word: str, written: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    short = word if word in lexicon.singkatan else _abbreviation_typo(word, lexicon)
    if short is None:
        return [(word, written)]
    mark = f"{written}={lexicon.singkatan[short]}" if short == word else f"{written}~{short}"
    long = numbers(lexicon.singkatan[short].split(), lexicon.bilangan)  # as texts are read
    return [(lexicon.reading.get(w, w), mark) for w in long]


def _abbreviation_typo(word: str, lexicon: Lexicon) -> str | None:
    if len(word) < TYPO_LENGTH:
        return None
    return next((s for s in lexicon.singkatan if len(s) >= TYPO_LENGTH and typo(word, s)), None)


def _joined(written: list[str], lexicon: Lexicon) -> list[str]:
    """Two words the lexicon's ``ejaan`` or ``sinonim`` reads as one (``sub bagian``,
    ``wilayah kerja``, ``kehadiran unsur``) merged into one token, read as its entry."""
    known = lexicon.cache.get(_PAIRS)
    if known is None:
        pairs: dict[str, set[str]] = {}
        for key in lexicon.reading:
            first, _, second = key.partition(" ")
            if second and " " not in second:
                pairs.setdefault(first, set()).add(second)
        known = lexicon.cache[_PAIRS] = pairs
    if known.keys().isdisjoint(written):
        return written
    merged: list[str] = []
    for w in written:
        if merged and w in known.get(merged[-1], ()):
            merged[-1] = f"{merged[-1]} {w}"
        else:
            merged.append(w)
    return merged


_PAIRS = ("ejaan", "pairs")


def _chunks(
    tokens: list[str], lead: str | None, lexicon: Lexicon
) -> tuple[tuple[frozenset[str], ...], tuple[bool, ...]]:
    """The items of a list the text holds ("A, B dan C"), as sets of roots, and for each
    whether a "yang" opens it (what is said of the item before: "UMKM binaan yang naik
    kelas"); ``((), ())`` without a list."""
    chunks, qualifies, part, opener = [], [], list[str](), None
    for token in [*tokens, ","]:
        if token not in _BREAKS:
            part.append(token)
            continue
        if part and part[0] == lead:
            part = part[1:]
        roots = frozenset(r for r, _ in _read(part, lexicon))
        if roots:
            chunks.append(roots)
            qualifies.append(opener == "yang" and len(chunks) > 1)
        part, opener = [], token
    return (tuple(chunks), tuple(qualifies)) if len(chunks) >= 2 else ((), ())
