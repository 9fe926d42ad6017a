"""Rule PK712: an indicator's ``polaritas`` against what its wording says is better.

``polaritas`` defaults to ``naik`` (higher is better), so an indicator worded as a backlog
or a harm (*Jumlah temuan BPK yang belum ditindaklanjuti*, *Rata-rata waktu penyelesaian
layanan*, *Angka kemiskinan*) gets its capaian turned upside down unless the planner writes
``polaritas: turun``: a service faster than planned shows red, twice the backlog green. The
wording is read in the order Indonesian builds an indicator: the measure word, the thing
measured, a clause on it. What is measured decides:

- a first word saying it should shrink (*Menurunnya ...*), a duration of a process
  (*waktu / lama penyelesaian*), a negated completion (*yang belum ditindaklanjuti*, *tidak
  layak huni*) or a harm noun (:data:`~.lexicon.LOWER_BETTER`) read **turun**;
- an action on the harm before it (*penanganan pengaduan*, *persentase penurunan angka
  stunting*), a completion after it (*pengaduan yang ditindaklanjuti*), a harm negated
  (*pegawai yang tidak terlambat*, *desa bebas konflik*), a ``yang`` clause of receiving
  after it (*warga miskin yang menerima bantuan*), a negated state handled later in the
  text (*berkas yang tidak lengkap dikembalikan tepat waktu*) or a good state
  (:data:`~.lexicon.HIGHER_BETTER`: *kehadiran*, *tepat waktu*) read **naik**.

The capaian keeps the polarity as written: a word list may be wrong about one indicator,
and numbers silently flipped on a guess would be a worse, invisible error than a finding.
The finding gives both capaian, as written and as the wording suggests, so the planner
sees what is at stake and decides.

>>> reading("Rata-rata waktu penyelesaian layanan PATEN")
('turun', 'waktu penyelesaian')
>>> reading("Jumlah temuan BPK yang belum ditindaklanjuti")
('turun', 'belum ditindaklanjuti')
>>> reading("Persentase penurunan angka stunting"), reading("Tingkat kehadiran pegawai")
(('naik', 'penurunan'), ('naik', 'kehadiran'))
>>> reading("Persentase pengaduan yang ditindaklanjuti"), reading("Jumlah dokumen Renja")
(('naik', 'ditindaklanjuti'), None)
>>> reading("Jumlah warga miskin yang menerima bantuan sosial")
('naik', 'menerima')
>>> reading("Persentase berkas yang tidak lengkap dikembalikan tepat waktu")
('naik', 'tepat waktu')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import Literal

from .._text import format_percent, words
from ..capaian import measured
from ..findings import Finding, Severity
from ..graph import Cascade
from ..models import Indikator
from .lexicon import (
    ACTION_ON,
    COUNTED_WORK,
    DECREASE_STATES,
    DETECTED,
    DONE_VERBS,
    HIGHER_BETTER,
    LOWER_BETTER,
    NOT_DURATION,
    NOT_HARM,
    NOT_SAID,
    RECEIVED,
    activity_word,
    lexicon,
)
from .registry import finding, rule, short

__all__ = ["reading"]

Arah = Literal["naik", "turun"]

_KINDS = (
    ("harm", LOWER_BETTER),
    ("good", HIGHER_BETTER),
    ("action", ACTION_ON),
    ("done", DONE_VERBS),
    ("received", RECEIVED),
    ("work", COUNTED_WORK),
    ("detected", DETECTED),
)
_KIND = {phrase: kind for kind, entries in reversed(_KINDS) for phrase in entries}
_PHRASE = re.compile(
    r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(_KIND, key=len, reverse=True))) + r")(?!\S)"
)


def _trie(entries: list[str]) -> str:
    """A regex alternation of ``entries`` (sorted), factored by their first letters.

    >>> _trie(["tak", "tidak", "tunggakan"])
    't(?:ak|idak|unggakan)'
    """
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry[:1], []).append(entry[1:])
    parts = []
    for head, rests in groups.items():
        if len(rests) == 1:
            parts.append(re.escape(head + rests[0]))
            continue
        inner = _trie([r for r in rests if r])
        parts.append(re.escape(head) + f"(?:{inner})" + ("?" if "" in rests else ""))
    return "|".join(parts)


_NOT = frozenset({"belum", "tidak", "bukan"})
_FREE_OF = frozenset({"tanpa", "bebas", "nihil", "zero"})
_DURATION = frozenset({"waktu", "lama", "lamanya", "durasi"})
_PROCESS = ACTION_ON | lexicon("proses pemrosesan tunggu menunggu tanggap pengurusan penerbitan")

_MAYBE_LOWER = re.compile(
    "(?:"
    + _trie(sorted({w.split()[0] for w in LOWER_BETTER} | DECREASE_STATES | _NOT | _DURATION))
    + r")[^\n]*"
)
"""On lower-case text, a word without which :func:`reading` cannot say ``turun``, or a word
holding it (*keputusan*), and the rest of its line: one sweep over all the texts, a text a
line (a trie, without word bounds: twice as fast), finds the few that :func:`reading` must
read, each once (the sweep skips the rest of a text once it holds one)."""


@lru_cache(maxsize=8192)
def reading(text: str) -> tuple[Arah, str] | None:
    """Whether the wording of an indicator says higher (``naik``) or lower (``turun``) is
    better, with the words that say so, or ``None`` when it does not tell."""
    tokens = words(text).split()
    if not tokens:
        return None
    if tokens[0] in DECREASE_STATES:
        return "turun", tokens[0]
    if activity_word(text) is not None:
        return None  # an activity, not a measure (PK703 names it)
    duration = _duration(tokens)
    if duration is not None:
        return "turun", duration
    joined = " ".join(tokens)
    found = [(m.start(), m.group(), _KIND[m.group()]) for m in _PHRASE.finditer(joined)]
    negated = _negation(tokens, joined, found)
    if negated is not None:
        return negated
    harms = [(at, phrase) for at, phrase, kind in found if kind == "harm"]
    if harms:
        at, harm = harms[0]
        before = joined[:at].split()
        if before and before[-1] in _FREE_OF:
            return "naik", f"{before[-1]} {harm}"
        acting = [p for a, p, kind in found if kind == "action" and a < at]
        done = [p for a, p, kind in found if kind == "done" and a > at]
        served = [
            p
            for a, p, kind in found
            if kind == "received" and a > at and "yang" in joined[at:a].split()
        ]
        if acting or done or served:
            return "naik", (acting or done or served)[0]
        if _about(found, joined, at):
            return None
        return "turun", harm
    positive = [p for _, p, kind in found if kind in ("good", "action", "done")]
    return ("naik", positive[0]) if positive else None


def _about(found: list[tuple[int, str, str]], joined: str, at: int) -> bool:
    """Whether the harm at ``at`` is what work or papers are about (*laporan pengaduan*,
    *identifikasi kesalahan*: no ``yang`` between them) or what was detected
    (*pelanggaran yang ditemukan*): then the count says no direction."""
    work = [a for a, _, kind in found if kind == "work" and a < at]
    if work and "yang" not in joined[work[-1] : at].split():
        return True
    return any(kind == "detected" and a > at for a, _, kind in found)


def _duration(tokens: list[str]) -> str | None:
    """``waktu penyelesaian`` when the text measures how long a process takes."""
    for n, token in enumerate(tokens):
        if token in _DURATION and (n == 0 or tokens[n - 1] not in NOT_DURATION):
            process = [t for t in tokens[n + 1 : n + 4] if t in _PROCESS]
            if process:
                return f"{token} {process[0]}"
    return None


def _negation(
    tokens: list[str], joined: str, found: list[tuple[int, str, str]]
) -> tuple[Arah, str] | None:
    """What a ``belum`` / ``tidak`` says: a harm negated is good (*tidak terlambat*), any
    other thing negated (*belum ditindaklanjuti*, *tidak layak huni*) is the backlog, unless
    an action on it comes first (*penanganan rumah tidak layak huni*)."""
    for n, token in enumerate(tokens[:-1]):
        if token not in _NOT:
            continue
        negated = tokens[n + 1]
        if negated in NOT_SAID:
            return None
        if negated in NOT_HARM:
            return "naik", f"{token} {negated}"
        at = len(" ".join(tokens[:n]))
        acting = [p for a, p, kind in found if kind == "action" and a < at]
        if acting:
            return "naik", acting[0]
        handled = _handled_after(tokens, n, found)
        if handled is not None:
            return "naik", handled
        return "turun", f"{token} {negated}"
    return None


def _handled_after(tokens: list[str], n: int, found: list[tuple[int, str, str]]) -> str | None:
    """A completion or a good state later than the state negated at ``tokens[n]``: the
    negation names what is handled (*berkas yang tidak lengkap dikembalikan tepat waktu*,
    *rumah tidak layak huni yang diperbaiki*), the handling is measured. Not when the
    negated word is itself the completion (*belum ditindaklanjuti*, *belum menerima*), nor
    a good state right after it, which qualifies it (*tidak hadir tepat waktu*)."""
    if tokens[n + 1] in DONE_VERBS or tokens[n + 1] in RECEIVED:
        return None
    after_negated = len(" ".join(tokens[: n + 2]))
    after_next = len(" ".join(tokens[: n + 3]))
    for a, phrase, kind in found:
        if kind in ("done", "received") and a > after_negated:
            return phrase
        if kind == "good" and a > after_next:
            return phrase
    return None


@rule(
    "PK712",
    "Polaritas indikator tampaknya terbalik",
    "polaritas-against-wording",
    Severity.WARNING,
    "Capaian inverts for lower-is-better indicators: a polaritas against the wording "
    "turns the capaian and its traffic light upside down.",
    sumber="PermenPAN-RB 88/2021 LKE 2.a.2 (cara pengukuran; kaitan ini tafsiran pokin)",
)
def _polaritas(c: Cascade) -> Iterator[Finding]:
    uraian, polaritas = c.column("uraian"), c.column("polaritas")
    maybe = _maybe_lower(list(set(uraian)))
    rows = c.indikator_rows
    found = list(compress(count(), map(maybe.__contains__, uraian))) if maybe else []
    if "turun" in polaritas:
        found = sorted({*found, *(n for n, p in enumerate(polaritas) if p == "turun")})
    for n in found:
        read = reading(uraian[n])
        if read is None or read[0] == polaritas[n]:
            continue
        owner, indikator = rows[n]
        yield finding(
            c,
            "PK712",
            str(indikator.id),
            _message(owner.nama if owner else "IKU", indikator, *read),
            _HINT[read[0]],
            jabatan=owner,
        )


def _maybe_lower(texts: list[str]) -> set[str]:
    """The ``texts`` holding a word of :data:`_MAYBE_LOWER`: one sweep over them all, a
    text a line, each match (to the end of its line) cut back out of the texts joined."""
    joined = "\n".join(texts)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter whose lower case is longer (İ): text by text
        return {text for text in texts if _MAYBE_LOWER.search(text.lower())}
    if joined.count("\n") >= len(texts):  # a text of several lines: traced by the lengths
        ends = list(accumulate(len(text) + 1 for text in texts))
        return {texts[bisect_right(ends, m.start())] for m in _MAYBE_LOWER.finditer(lowered)}
    line = lowered.rfind
    return {joined[line("\n", 0, m.start()) + 1 : m.end()] for m in _MAYBE_LOWER.finditer(lowered)}


def _message(who: str, indikator: Indikator, arah: Arah, cue: str) -> str:
    said = "makin kecil makin baik" if arah == "turun" else "makin besar makin baik"
    written = (
        "polaritasnya `naik` (bawaan bila tidak ditulis)"
        if arah == "turun"
        else "ditulis `polaritas: turun`"
    )
    text = f"{who}: indikator «{short(indikator.uraian, 60)}» tampaknya {said} («{cue}»), {written}"
    now, other = measured(indikator), measured(indikator, polaritas=arah)
    if now is None or other is None:
        return text
    return (
        f"{text}: capaian {format_percent(now / 100)} dihitung dengan polaritas tertulis, "
        f"{format_percent(other / 100)} dengan `polaritas: {arah}`"
    )


_HINT: dict[str, str] = {
    "turun": "tulis `polaritas: turun` bila makin kecil makin baik; bila memang makin besar "
    "makin baik, rumuskan indikatornya sebagai hal yang ditingkatkan (mis. «Persentase temuan "
    "yang ditindaklanjuti»)",
    "naik": "hapus `polaritas: turun` bila makin besar makin baik; bila memang makin kecil "
    "makin baik, rumuskan indikatornya sebagai hal yang diturunkan (mis. «Jumlah temuan yang "
    "belum ditindaklanjuti»)",
}
