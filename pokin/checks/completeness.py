"""Rules PK4xx: every position has kinerja, every kinerja indicators, one top position."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter, not_

from .._text import words
from ..findings import Finding, Severity
from ..graph import Cascade
from ..models import Indikator, Peran
from .registry import finding, rule, short


@rule(
    "PK401",
    "Jabatan tanpa kinerja",
    "jabatan-without-kinerja",
    Severity.ERROR,
    "Every position signs a perjanjian kinerja: it needs at least one kinerja.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.10",
)
def _jabatan_without_kinerja(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        if not jabatan.kinerja:
            yield finding(
                c,
                "PK401",
                str(jabatan.id),
                f"{jabatan.nama} belum memiliki kinerja",
                "tambahkan kinerja dan indikator jabatan ini sesuai keputusan penetapannya",
                jabatan=jabatan,
            )


@rule(
    "PK402",
    "Kinerja tanpa indikator",
    "kinerja-without-indikator",
    Severity.ERROR,
    "A kinerja is measured by its indicators; without one it cannot be evaluated.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.10 dan 1.b.5, KKE 1",
)
def _kinerja_without_indikator(c: Cascade) -> Iterator[Finding]:
    rows = c.kinerja_rows
    empty = map(not_, map(_INDIKATOR, map(itemgetter(1), rows)))  # in one sweep (in C)
    for jabatan, kinerja in [rows[n] for n in compress(count(), empty)]:
        if not kinerja.indikator:
            yield finding(
                c,
                "PK402",
                str(kinerja.id),
                f"{jabatan.nama}: kinerja «{short(kinerja.uraian)}» belum memiliki indikator",
                "tambahkan sekurang-kurangnya satu indikator lengkap dengan formulasi, "
                "sumber data, dan target",
                jabatan=jabatan,
            )


@rule(
    "PK403",
    "Indikator ganda dalam satu jabatan",
    "duplicate-indikator",
    Severity.WARNING,
    "An indicator counted twice in one position inflates its performance agreement.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.5, KKE 1 Spesifik",
)
def _duplicates(c: Cascade) -> Iterator[Finding]:
    seen: dict[str, Indikator] = {}
    current = None
    uraians = c.column("uraian")
    maybe = _maybe_twice(uraians)
    rows = [(c.indikator_rows[n], uraians[n]) for n in maybe]
    for (jabatan, indikator), uraian in rows:  # a jabatan's indicators come together
        if jabatan is None:
            continue  # the IKU table's
        if jabatan is not current:
            seen, current = {}, jabatan
        key = words(uraian)
        if key in seen:
            yield finding(
                c,
                "PK403",
                str(indikator.id),
                f"{jabatan.nama}: indikator «{short(indikator.uraian)}» sama dengan {seen[key].id}",
                "gabungkan keduanya, atau ubah rumusan salah satunya bila keduanya "
                "mengukur hal yang berbeda",
                jabatan=jabatan,
            )
        else:
            seen[key] = indikator


_INDIKATOR = attrgetter("indikator")
_WORD_BYTES = bytes(b + 32 if 65 <= b <= 90 else b for b in range(256))
_NOT_WORD_BYTES = bytes(b for b in range(128) if not (chr(b).isalnum() or b == 95))


def _maybe_twice(texts: Sequence[str]) -> list[int]:
    """The positions of the texts whose :func:`~pokin._text.words` some other text may
    share: those with the same words with the spaces taken out (for ASCII text, its bytes
    lower-cased without those of no word, in C); the others have words of their own."""
    keys = list(
        map(bytes.translate, map(str.encode, texts), repeat(_WORD_BYTES), repeat(_NOT_WORD_BYTES))
    )
    if not all(map(str.isascii, texts)):  # words() of other text: casefold, Unicode \w
        for n in compress(count(), map(not_, map(str.isascii, texts))):
            keys[n] = words(texts[n]).replace(" ", "").encode()
    if len(set(keys)) == len(keys):
        return []
    twice = {key for key, seen in Counter(keys).items() if seen > 1}
    return list(compress(count(), map(twice.__contains__, keys)))


@rule(
    "PK404",
    "Lebih dari satu jabatan puncak",
    "several-tops",
    Severity.WARNING,
    "A kecamatan has one head; positions without atasan are cut off from the cascade.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _several_tops(c: Cascade) -> Iterator[Finding]:
    tops = c.top
    if len(tops) <= 1:
        return
    head = next((t for t in tops if t.peran is Peran.CAMAT), tops[0])
    for jabatan in tops:
        if jabatan is not head:
            yield finding(
                c,
                "PK404",
                str(jabatan.id),
                f"{jabatan.nama} tidak memiliki atasan, padahal {head.nama} sudah menjadi "
                "jabatan puncak",
                f"isi `atasan:` (misalnya `atasan: {head.id}`)",
                jabatan=jabatan,
            )
