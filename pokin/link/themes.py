"""The lexicon's theme map read: the themes of kecamatan performance a text names.

Many links hold by meaning only: "Tertatanya arsip dinamis" supports "Indeks Kepuasan
Masyarakat" though the two share no word, because archives are one of the supporting
functions that serve public service. The lexicon's ``bidang`` lists the themes a kecamatan
answers for (pelayanan publik, ketenteraman dan ketertiban, kepegawaian...) with the words
and phrases signalling each; ``dukungan`` says which themes a supporting function serves
(administrasi umum → pelayanan publik, akuntabilitas kinerja). :class:`ThemeReader` reads
a text's themes, a node's themes from its weighted texts, and how near a kinerja's themes
are to a candidate's (:meth:`ThemeReader.affinity`): a theme both hold counts
:data:`SAME`, a theme the kinerja's supporting theme serves :data:`SUPPORT`. Used only to
rank suggestions (:func:`~pokin.link.suggest_links`), never to propose a link.

Texts are read as link inference reads them (:func:`~pokin.link.text.phrase`: spelling,
abbreviations written out, roots), and a phrase of several words is read before its words:
"tertib administrasi" is office administration, not public order.

>>> reader = ThemeReader(DEFAULT)
>>> sorted(reader.of_text("Meningkatnya kesiapsiagaan anggota Linmas"))
['ketenteraman dan ketertiban']
>>> reader.of_text("Meningkatnya tertib administrasi perkantoran")
{'administrasi umum': 'tertib administrasi'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import DEFAULT, Lexicon
from .morph import roots_of
from .text import lone_qualities, phrase

__all__ = ["NONE", "SAME", "SUPPORT", "Affinity", "ThemeReader", "Themes", "reason"]

SAME = 1.0
"""The affinity of a theme the kinerja and the candidate both hold."""
SUPPORT = 0.7
"""The affinity of a candidate's theme the kinerja's supporting theme serves."""

Themes = dict[str, tuple[float, str, bool]]
"""A node's themes: theme -> (weight of the strongest text naming it, the words naming it
as written there, whether that text is the position's unit rather than its own)."""


@dataclass(frozen=True, slots=True)
class Affinity:
    """How near a kinerja's themes are to a candidate's, and through which themes."""

    value: float  # 0 to 1
    theme: str  # the candidate's theme
    via: tuple[str, ...] = ()  # the kinerja's supporting themes serving it (none: both hold it)


NONE = Affinity(0.0, "")
"""No affinity: the themes say nothing of the pair."""


class ThemeReader:
    """The theme map of one lexicon, compiled once (kept in the lexicon's cache)."""

    def __init__(self, lexicon: Lexicon = DEFAULT) -> None:
        self.lexicon = lexicon
        compiled: _Compiled | None = lexicon.cache.get(_MAP)
        if compiled is None:
            compiled = lexicon.cache[_MAP] = _compile(lexicon)
        self._entries, self._lengths = compiled
        self._texts: dict[str, dict[str, str]] = lexicon.cache.setdefault(_TEXTS, {})
        self.serves = {k: frozenset(v) for k, v in lexicon.dukungan.items()}
        self._pairs: dict[tuple[object, object], Affinity] = {}

    def of_text(self, text: str) -> dict[str, str]:
        """The themes ``text`` names: theme -> the words naming it, as written."""
        found = self._texts.get(text)
        if found is None:
            found = self._texts[text] = self._read(_sequence(text, self.lexicon))
        return found

    def _read(self, seq: list[tuple[str, str]]) -> dict[str, str]:
        """Longest entry first at each word; the words an entry reads are not read again."""
        found: dict[str, str] = {}
        i = 0
        while i < len(seq):
            for n in self._lengths.get(seq[i][0], ()):  # longest first
                themes = self._entries.get(tuple(r for r, _ in seq[i : i + n]))
                if themes is not None:
                    shown = " ".join(dict.fromkeys(w for _, w in seq[i : i + n]))
                    for theme in themes:
                        found.setdefault(theme, shown)
                    i += n
                    break
            else:
                i += 1
        return found

    def of(self, texts: Iterable[tuple[str | None, float, bool]]) -> Themes:
        """A node's themes from its ``(text, weight, unit)`` texts (see :data:`Themes`)."""
        themes: Themes = {}
        for text, weight, unit in texts:
            if not text:
                continue
            for theme, shown in self.of_text(text).items():
                if theme not in themes or themes[theme][0] < weight:
                    themes[theme] = (weight, shown, unit)
        return themes

    def affinity(self, mine: Themes, theirs: Themes) -> Affinity:
        """How near the kinerja's themes ``mine`` are to a candidate's ``theirs``: the best
        of a theme both hold (:data:`SAME`) and a theme of theirs one of mine serves
        (:data:`SUPPORT`), each times the lesser of the two weights."""
        if not mine or not theirs:
            return NONE
        key = (_signature(mine), _signature(theirs))
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._affinity(mine, theirs)
        return found

    def _affinity(self, mine: Themes, theirs: Themes) -> Affinity:
        best = NONE
        for theme in sorted(theirs):
            weight = theirs[theme][0]
            if theme in mine:
                value = SAME * min(weight, mine[theme][0])
                if value > best.value:
                    best = Affinity(value, theme)
            via = [own for own in sorted(mine) if theme in self.serves.get(own, ())]
            if via:
                value = SUPPORT * min(weight, max(mine[own][0] for own in via))
                if value > best.value:
                    strong = tuple(own for own in via if mine[own][0] >= value / SUPPORT)
                    best = Affinity(value, theme, strong)
        return best


def reason(found: Affinity, mine: Themes) -> str:
    """``found`` in a planner's words: "tema sama: pelayanan publik", "fungsi pendukung:
    sarana kantor → pelayanan publik"; "" when the themes say nothing."""
    if not found.value:
        return ""
    if not found.via:
        unit = " (unit kerja)" if mine[found.theme][2] else ""
        return f"tema sama: {found.theme}{unit}"
    shown = ", ".join(dict.fromkeys(mine[own][1] for own in found.via))
    by_unit = all(mine[own][2] for own in found.via)
    return f"fungsi pendukung: {shown} → {found.theme}" + (" (unit kerja)" if by_unit else "")


def _signature(themes: Themes) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((theme, w) for theme, (w, _, _) in themes.items()))


def _sequence(text: str, lexicon: Lexicon, lead: bool = False) -> list[tuple[str, str]]:
    """(root, as written) of a text's words in order: its content words, after its lead
    verb's unless that only says what becomes of the matter ("Tertibnya pengelolaan
    arsip" is about archives, not public order; "Terlaksananya"), but for a theme map's
    entries (``lead``) and a lead noun of action ("Pengamanan kantor"). A lone quality of
    the matter is left out the same way ("administrasi perkantoran yang tertib" is about
    office administration: :func:`~pokin.link.text.lone_qualities`)."""
    p = phrase(text, lexicon)
    seq: list[tuple[str, str]] = []
    if p.lead and (lead or not (p.general or p.lead.endswith("nya"))):
        seq = [(r, p.lead) for r in roots_of(lexicon.ejaan.get(p.lead, p.lead))]
    quality = lone_qualities(p) if not lead else frozenset[str]()
    return seq + [(r, w.split("=")[0].split("~")[0]) for r, w in p.surface if r not in quality]


_Compiled = tuple[dict[tuple[str, ...], tuple[str, ...]], dict[str, tuple[int, ...]]]
"""The theme map compiled: entries (roots in order -> themes), lengths per first root."""


def _compile(lexicon: Lexicon) -> _Compiled:
    """The entries (roots in order -> the themes they signal) and, per first root, the
    lengths of the entries it opens, longest first."""
    entries: dict[tuple[str, ...], list[str]] = {}
    for theme, words in lexicon.bidang.items():
        for word in words:
            key = tuple(r for r, _ in _sequence(word, lexicon, lead=True))
            if key and theme not in entries.setdefault(key, []):
                entries[key].append(theme)
    lengths: dict[str, set[int]] = {}
    for key in entries:
        lengths.setdefault(key[0], set()).add(len(key))
    return (
        {k: tuple(v) for k, v in entries.items()},
        {r: tuple(sorted(n, reverse=True)) for r, n in lengths.items()},
    )


_MAP = ("tema", "map")
_TEXTS = ("tema", "texts")
