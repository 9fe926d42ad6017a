"""The cascade links a decree declares row by row: the superior's result a kinerja supports.

An SKP-style table (PermenPAN-RB 6/2022) names, on every row, the "Rencana Hasil Kerja
Pimpinan yang Diintervensi": the atasan's kinerja (or indicator) this row's kinerja
contributes to. Other offices write a "Kinerja Atasan" or "Indikator Atasan yang Didukung"
column. Such a cell is the decree *declaring* a cascade link, so the builder links it as
declared (``asal: deklarasi``) when the text names something the atasan holds:

- the text is compared word for word (case, spacing, punctuation and a list mark ignored)
  with the kinerja and indicators of the jabatan's atasan, then the atasan's atasan, up the
  chain, then the IKU; the nearest holder wins;
- a cell listing several results (one per line) links each one it names;
- a kinerja measured by a single indicator is linked through that indicator (so the
  checks see the indicator cascaded); with several, the link goes to the kinerja;
- the IKU is also looked up by its codes ("IKU.1"): an IKU table's Kode column gives its
  sasaran and indicators their ids;
- a position whose atasan the decree did not say (the builder guessed it: ``"atasan"`` in
  :attr:`~pokin.models.Jabatan.inferensi`) and whose cell names a result of exactly one
  other position, not below it, gets that position as its atasan and the link: the
  declared result says more than the guess. The jabatan and the import say so in a note;
- a text nobody above holds is never guessed at: the kinerja gets a ``catatan`` and the
  import prints a note with the line, so the planner links it (``pokin link --suggest``
  ranks the candidates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._text import words
from ..models import Indikator, Jabatan, Kinerja, PohonKinerja, Sasaran, Tautan
from ..models.references import atasan_chain

__all__ = ["Declared", "link_declared"]

_GUESS = re.compile(r"Atasan disimpulkan:[^()]*(?:\([^)]*\))?\.?\s*")
"""The builder's note on the atasan it guessed, replaced when a declared result moves it."""
_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•])\s+")


@dataclass(frozen=True)
class Declared:
    """A superior result one kinerja names, as the decree writes it, with its line."""

    line: int
    text: str


Holder = Kinerja | Indikator | Sasaran


def link_declared(
    tree: PohonKinerja, declared: dict[tuple[int, int], list[Declared]]
) -> list[tuple[int, str]]:
    """Add the links ``declared[(jabatan index, kinerja index)]`` names; return the notes
    (line, text) for the texts no superior holds, one per text and position. The tree must
    have its ids."""
    by_id = {j.id: j for j in tree.jabatan}
    iku = _index_iku(tree)
    notes: list[tuple[int, str]] = []
    said: set[tuple[str, str]] = set()
    for (j_no, k_no), texts in declared.items():
        jabatan = tree.jabatan[j_no]
        kinerja = jabatan.kinerja[k_no]
        chain = atasan_chain(jabatan, by_id)  # acyclic: the tree is validated
        levels = [_index(j) for j in chain] + [iku]
        linked = {link.ke for link in kinerja.mendukung}
        for item in texts:
            found, missing = _find(item.text, levels)
            if missing and "atasan" in jabatan.inferensi:
                guessed = chain[0].nama if chain else "-"
                moved = _declared_atasan(tree, jabatan, by_id, item.text)
                if moved is not None:
                    note = (
                        f"Atasan ditetapkan: {moved.nama}, bukan {guessed} yang ditebak: kolom "
                        "RHK pimpinan yang diintervensi menyebut "
                        f"«{' '.join(item.text.split())}» miliknya; periksa atasan jabatan ini."
                    )
                    kept = _GUESS.sub("", jabatan.catatan or "").strip()
                    jabatan.catatan = f"{kept} {note}" if kept else note
                    notes.append((item.line, note))
                    chain = atasan_chain(jabatan, by_id)
                    levels = [_index(j) for j in chain] + [iku]
                    found, missing = _find(item.text, levels)
            for holder in found:
                target = _measured_by(holder)
                if target.id not in linked:
                    linked.add(target.id)
                    kinerja.mendukung.append(Tautan(ke=target.id))
            for text in missing:
                note = _not_found(text, chain, has_iku=bool(tree.iku))
                kinerja.catatan = f"{kinerja.catatan} {note}" if kinerja.catatan else note
                if (str(jabatan.id), _key(text)) not in said:
                    said.add((str(jabatan.id), _key(text)))
                    notes.append((item.line, note))
    return notes


def _declared_atasan(
    tree: PohonKinerja, jabatan: Jabatan, by_id: dict[str | None, Jabatan], text: str
) -> Jabatan | None:
    """The one position outside ``jabatan``'s guessed chain holding ``text`` (not
    ``jabatan`` nor one below it), made its atasan; ``None`` (nothing changed) when no
    position or several hold it."""
    key = _key(text)
    holders = [
        j
        for j in tree.jabatan
        if j is not jabatan and jabatan not in atasan_chain(j, by_id) and key in _index(j)
    ]
    if len(holders) != 1:
        return None
    jabatan.atasan = holders[0].id
    return holders[0]


def _not_found(text: str, chain: list[Jabatan], *, has_iku: bool) -> str:
    """The note on a superior result nobody above holds, in the planner's words."""
    if not chain and not has_iku:  # the top position: its atasan is outside the decree
        return (
            f"RHK pimpinan yang diintervensi «{text}» milik atasan di luar keputusan ini "
            "(jabatan ini puncak pohon): dicatat, tidak ditautkan"
        )
    above = ", lalu ".join(j.nama for j in chain[:3]) or "IKU"
    return (
        f"RHK pimpinan yang diintervensi «{text}» tidak ditemukan pada atasan ({above}; "
        "tidak ada kinerja atau indikator dengan teks itu): tautkan sendiri, mis. dengan "
        "pokin link --suggest"
    )


def _measured_by(holder: Holder) -> Holder:
    """The node a link to ``holder`` means: a kinerja (or sasaran) measured by one
    indicator is that indicator; with several, the kinerja itself (the decree does not say
    which of them the row supports)."""
    if isinstance(holder, Kinerja | Sasaran) and len(holder.indikator) == 1:
        return holder.indikator[0]
    return holder


def _key(text: str) -> str:
    return words(_MARK.sub("", text))


def _index(jabatan: Jabatan) -> dict[str, list[Holder]]:
    """A jabatan's kinerja and indicators by their words (the kinerja before its own)."""
    index: dict[str, list[Holder]] = {}
    for kinerja in jabatan.kinerja:
        index.setdefault(_key(kinerja.uraian), []).append(kinerja)
    for kinerja in jabatan.kinerja:
        for indikator in kinerja.indikator:
            index.setdefault(_key(indikator.uraian), []).append(indikator)
    return index


def _index_iku(tree: PohonKinerja) -> dict[str, list[Holder]]:
    """The IKU's sasaran and indicators by their words, then by their ids ("IKU.1")."""
    index: dict[str, list[Holder]] = {}
    for sasaran in tree.iku:
        index.setdefault(_key(sasaran.uraian), []).append(sasaran)
        for indikator in sasaran.indikator:
            index.setdefault(_key(indikator.uraian), []).append(indikator)
    for sasaran in tree.iku:
        holders: list[Holder] = [sasaran, *sasaran.indikator]
        for holder in holders:
            if holder.id and _key(str(holder.id)):
                index.setdefault(_key(str(holder.id)), []).append(holder)
    return index


def _find(text: str, levels: list[dict[str, list[Holder]]]) -> tuple[list[Holder], list[str]]:
    """What the nearest level holds under the whole text; else, for a cell of several
    lines (one result a line), what the nearest level holds under each line. Returns the
    holders found and the texts not found."""
    for level in levels:
        whole = level.get(_key(text))
        if whole:
            return whole[:1], []
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return [], [" ".join(text.split())]
    found: dict[int, Holder] = {}
    missing = []
    for line in lines:
        holder = next((level[_key(line)][0] for level in levels if _key(line) in level), None)
        if holder is None:
            missing.append(line)
        else:
            found[id(holder)] = holder
    return list(found.values()), missing
