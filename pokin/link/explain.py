"""Say in plain Indonesian how two decree texts differ (the reasons a planner reads).

>>> from pokin.link.text import phrase
>>> a = phrase("Terpeliharanya ketentraman dan ketertiban")
>>> describe(a, phrase("Terpeliharanya KETENTERAMAN dan ketertiban"))
['ejaan ketentraman / ketenteraman']
>>> describe(phrase("Melaksanakan bahan rapat koordinasi"),
...          phrase("Menyiapkan bahan rapat koordinasi"))
['kata kerja awal berbeda: Melaksanakan → Menyiapkan']
>>> describe(phrase("Gangguan ketentraman dan ketertiban umum"), phrase("Gangguan TRANTIBUM"))
['singkatan trantibum = ketenteraman dan ketertiban umum']
>>> describe(phrase("Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas"),
...          phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))[0]
'tentang unit lain: kelurahan di sini, kecamatan di sana'
"""

from __future__ import annotations

from .inverse import inverse_side
from .lexicon import DEFAULT, Lexicon
from .similarity import kept_items, other_unit, typos
from .text import Phrase, stem, synonym_roots

__all__ = ["describe"]

SAME = "beda hanya pada huruf besar/kecil, tanda baca atau kata tugas"


def describe(a: Phrase, b: Phrase, lexicon: Lexicon = DEFAULT) -> list[str]:
    """How ``a`` differs from ``b``, in plain Indonesian words (empty: the same text)."""
    if a.plain == b.plain:
        return []
    shown_a, shown_b = dict(a.surface), dict(b.surface)
    notes = _unit(a, b, shown_a, shown_b) + _spelling(a, b, shown_a, shown_b, lexicon)
    pairs = typos(a, b)
    typed = [(shown_a[x], shown_b[y]) for x, y in pairs]
    typed += [p for p in _abbreviation_typos(a, b) if p not in typed]
    if typed:
        notes.append("salah ketik " + ", ".join(f"{x} / {y}" for x, y in typed))
    only_a = a.words - b.words - {x for x, _ in pairs} - b.roots
    only_b = b.words - a.words - {y for _, y in pairs} - a.roots
    turned = _inverse(a, b, lexicon)
    if turned:
        notes.append(f"indikator kebalikan: {turned[0]} ~ {turned[1]}")
        only_a, only_b = only_a - turned[2], only_b - turned[3]
    general = _general(a, b, shown_a, shown_b)
    if general:
        notes.append(general[0])
        only_a, only_b = only_a - general[1], only_b - general[1]
    else:
        notes += _lead(a, b, shown_a, shown_b)
    for lister, keeper, shown in ((b, a, shown_b), (a, b, shown_a)):
        left = kept_items(lister, keeper)
        if left:
            here = "sana" if lister is b else "sini"
            notes.append(
                f"hanya sebagian daftar di {here} yang dimuat; tidak dimuat: "
                + ", ".join(_shown(shown.get(c, c), c) for c in sorted(left))
            )
            only_a, only_b = only_a - left, only_b - left
    if only_a:
        notes.append(
            "kata hanya di sini: " + ", ".join(_shown(shown_a[c], c) for c in sorted(only_a))
        )
    if only_b:
        notes.append(
            "kata hanya di sana: " + ", ".join(_shown(shown_b[c], c) for c in sorted(only_b))
        )
    return notes or [SAME]


def _unit(a: Phrase, b: Phrase, shown_a: dict[str, str], shown_b: dict[str, str]) -> list[str]:
    if not other_unit(a, b):
        return []
    apart = a.subject and b.subject and not a.subject & b.subject
    here, there = (a.subject, b.subject) if apart else (a.level, b.level)
    return [
        "tentang unit lain: "
        + ", ".join(sorted(here))
        + " di sini, "
        + ", ".join(sorted(there))
        + " di sana"
    ]


def _spelling(
    a: Phrase, b: Phrase, shown_a: dict[str, str], shown_b: dict[str, str], lexicon: Lexicon
) -> list[str]:
    """Notes on shared roots written differently: an abbreviation, a spelling variant, a
    synonym (``sinonim``)."""
    short: set[str] = set()
    spelling: set[str] = set()
    meaning: set[str] = set()
    for root in sorted(a.words & b.words):
        x, y = shown_a[root], shown_b[root]
        marks = [m for m in (x, y) if "=" in m or "~" in m]
        if len(marks) == 1 and "=" in marks[0]:
            short.add(marks[0].replace("=", " = "))
        elif not marks and x != y and lexicon.ejaan.get(x, x) == lexicon.ejaan.get(y, y):
            spelling.add(f"{x} / {y}")
        elif not marks and x != y and lexicon.reading.get(x, x) == lexicon.reading.get(y, y):
            meaning.add(f"{x} / {y}")
        elif not marks and root in synonym_roots(lexicon).values() and stem(x) != stem(y):
            meaning.add(f"{x} / {y}")  # two words of one meaning, read by their roots
    notes = []
    if short:
        notes.append("singkatan " + ", ".join(sorted(short)))
    if spelling:
        notes.append("ejaan " + ", ".join(sorted(spelling)))
    if meaning:
        notes.append("sinonim " + ", ".join(sorted(meaning)))
    return notes


def _inverse(
    a: Phrase, b: Phrase, lexicon: Lexicon
) -> tuple[str, str, frozenset[str], frozenset[str]] | None:
    """The sides of an inverse pair ``a`` and ``b`` are read by (as the lexicon writes
    them, here then there), and the roots of each side, if any."""
    for x, y, flip in ((a, b, False), (b, a, True)):
        pair = inverse_side(x, y, lexicon)
        if pair is not None:
            x_roots, y_roots, x_side, y_side = pair
            here, there = (y_side, x_side) if flip else (x_side, y_side)
            here_roots, there_roots = (y_roots, x_roots) if flip else (x_roots, y_roots)
            mine = frozenset(r for r in a.words if r in here_roots)
            theirs = frozenset(r for r in b.words if r in there_roots)
            return here, there, mine, theirs
    return None


def _general(
    a: Phrase, b: Phrase, shown_a: dict[str, str], shown_b: dict[str, str]
) -> tuple[str, frozenset[str]] | None:
    """A lead verb saying only that something happened (Terlaksananya) standing for the
    verb closing the other text, a measure text ("... yang digelar"): the note saying
    which verb stood for which, and that verb's roots."""
    for verb, other, shown in ((a, b, shown_b), (b, a, shown_a)):
        done = other.done & other.words - verb.words
        if verb.lead and verb.general and not other.lead and done:
            forms = (str(verb.lead).title(), shown[min(done)])
            pair = forms if verb is a else forms[::-1]
            return "kata kerja umum {} ~ {}".format(*pair), done
    return None


def _abbreviation_typos(a: Phrase, b: Phrase) -> list[tuple[str, str]]:
    """``(MUSRTENBANG, musrenbang)``: a typo of an abbreviation, read as it."""
    found = []
    for p in (a, b):
        for _, shown in p.surface:
            if "~" in shown and tuple(shown.split("~", 1)) not in found:
                found.append((shown.split("~", 1)[0], shown.split("~", 1)[1]))
    return found


def _lead(a: Phrase, b: Phrase, shown_a: dict[str, str], shown_b: dict[str, str]) -> list[str]:
    if a.lead == b.lead:
        return []
    if a.lead and b.lead:
        same = "kata kerja sama, bentuk lain" if a.roots & b.roots else "kata kerja awal berbeda"
        return [f"{same}: {a.lead.title()} → {b.lead.title()}"]
    verb, noun, shown = (a, b, shown_b) if a.lead else (b, a, shown_a)
    found = sorted(verb.roots & noun.words)
    if found:
        forms = (str(verb.lead).title(), shown[found[0]].title())
        if forms[0] == forms[1]:  # "Permohonan X" / "... permohonan X": the same word
            return []
        return ["kata kerja sama, bentuk lain: {} → {}".format(*(forms if a.lead else forms[::-1]))]
    return [f"kata kerja awal hanya di {'sini' if a.lead else 'sana'}: {str(verb.lead).title()}"]


def _shown(written: str, root: str) -> str:
    """A word as written, or, for a word of an abbreviation, the root and the abbreviation."""
    if "=" in written or "~" in written:
        return f"{root} ({written.split('=')[0].split('~')[0].upper()})"
    return written
