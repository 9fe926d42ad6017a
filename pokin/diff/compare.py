"""What changed between two versions of a pohon kinerja: :func:`diff` and its records."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .._pairing import Pair, TreeMatch, match_trees, word_diff
from .._text import fold, words
from ..checks import Finding, Findings, check
from ..coverage import Coverage, coverage
from ..graph import Cascade
from ..models import Indikator, Jabatan, Kinerja, PohonKinerja, Sasaran

__all__ = ["Diff", "JabatanDiff", "LinkDiff", "NodeDiff", "Ubah", "diff"]

Status = Literal["tambah", "hapus", "ubah"]


@dataclass(frozen=True, slots=True)
class Ubah:
    """One field that changed: its name, the old value and the new one."""

    kolom: str
    lama: str | None
    baru: str | None


@dataclass(frozen=True, slots=True)
class JabatanDiff:
    """A position added, removed, changed (renamed, moved) or merged into another."""

    status: Literal["tambah", "hapus", "ubah", "gabung"]
    lama: str | None  # old id
    baru: str | None  # new id
    nama_lama: str | None
    nama_baru: str | None
    skor: float | None = None
    kolom: tuple[Ubah, ...] = ()


@dataclass(frozen=True, slots=True)
class NodeDiff:
    """A sasaran, kinerja or indikator added, removed or changed (reworded, re-targeted)."""

    jenis: Literal["sasaran", "kinerja", "indikator"]
    status: Status
    lama: str | None
    baru: str | None
    jabatan: str  # the owner's name ("IKU" for the IKU table), new where there is one
    uraian_lama: str | None
    uraian_baru: str | None
    skor: float | None = None
    kata: str | None = None  # the word-level diff of a reworded text
    kolom: tuple[Ubah, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkDiff:
    """A cascade link added, removed, or re-pointed to another superior node."""

    status: Literal["tambah", "hapus", "pindah"]
    dari: str  # the node holding the link (new id, or old id when it is gone)
    ke_lama: str | None
    ke_baru: str | None
    uraian: str  # the holder's text


@dataclass
class Diff:
    """The changes from ``old`` to ``new``, with coverage and findings before and after."""

    old: PohonKinerja
    new: PohonKinerja
    match: TreeMatch
    jabatan: list[JabatanDiff] = field(default_factory=list)
    unit: list[tuple[str, str, int]] = field(default_factory=list)  # renamed units, how many
    nodes: list[NodeDiff] = field(default_factory=list)
    links: list[LinkDiff] = field(default_factory=list)
    findings_before: Findings | None = None
    findings_after: Findings | None = None
    fixed: list[Finding] = field(default_factory=list)
    appeared: list[Finding] = field(default_factory=list)
    gone: list[Finding] = field(default_factory=list)
    """Findings of last year on a position or node that is no longer there: not fixed."""
    realisasi_lalu: list[str] = field(default_factory=list)
    """New ids of the indicators whose realisasi of last year is not repeated in the later
    year's tree: its own realisasi is not known yet, so that is no change (not listed)."""

    @property
    def coverage_before(self) -> Coverage:
        """Coverage to the IKU of the old tree."""
        assert self.findings_before is not None
        return coverage(self.findings_before.cascade)

    @property
    def coverage_after(self) -> Coverage:
        """Coverage to the IKU of the new tree."""
        assert self.findings_after is not None
        return coverage(self.findings_after.cascade)

    def changed(self, side: Literal["lama", "baru"]) -> dict[str, str]:
        """The node ids of one side that changed, with how (``tambah``, ``hapus``,
        ``ubah``): what a drawing highlights."""
        out: dict[str, str] = {}
        for node in self.nodes:
            key = node.lama if side == "lama" else node.baru
            if key is not None:
                out[key] = node.status
        for link in self.links:
            holder = link.dari if side == "baru" else self.match.old_id(link.dari) or link.dari
            out.setdefault(holder, "ubah")
        return out

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (``jabatan tambah``, ``indikator ubah``...)."""
        tally: Counter[str] = Counter()
        tally.update(f"jabatan {j.status}" for j in self.jabatan)
        tally.update(f"{n.jenis} {n.status}" for n in self.nodes)
        tally.update(f"tautan {link.status}" for link in self.links)
        return dict(sorted(tally.items()))

    def __len__(self) -> int:
        return len(self.jabatan) + len(self.unit) + len(self.nodes) + len(self.links)

    def to_dict(self) -> dict[str, Any]:
        """The changes as plain data (JSON)."""
        before, after = self.coverage_before.total, self.coverage_after.total
        return {
            "lama": _title(self.old),
            "baru": _title(self.new),
            "ringkasan": {"lama": self.old.summary(), "baru": self.new.summary()},
            "jumlah": self.counts(),
            "jabatan": [asdict(j) for j in self.jabatan],
            "unit": [{"lama": a, "baru": b, "jabatan": n} for a, b, n in self.unit],
            "node": [asdict(n) for n in self.nodes],
            "realisasi_tahun_lalu": list(self.realisasi_lalu),
            "tautan": [asdict(link) for link in self.links],
            "cakupan": {"lama": before.to_record(), "baru": after.to_record()},
            "temuan": {
                "lama": self.findings_before.counts() if self.findings_before is not None else {},
                "baru": self.findings_after.counts() if self.findings_after is not None else {},
                "diperbaiki": [f.to_record() for f in self.fixed],
                "hilang_bersama_yang_dihapus": [f.to_record() for f in self.gone],
                "baru_muncul": [f.to_record() for f in self.appeared],
            },
        }

    def __repr__(self) -> str:
        return f"<Diff {_title(self.old)} → {_title(self.new)}: {len(self)} perubahan>"


def _title(tree: PohonKinerja) -> str:
    org = tree.organisasi
    return org.nama + (f" {org.tahun}" if org.tahun else "")


def diff(old: PohonKinerja, new: PohonKinerja) -> Diff:
    """What changed from ``old`` (last year's tree) to ``new``.

    Positions are paired by id, then by title and the words of their kinerja (a renamed
    position keeps its work, with the score); kinerja and indicators within paired positions
    by id, then by text. Texts are compared word by word (case and punctuation ignored).
    """
    match = match_trees(old, new)
    result = Diff(old, new, match)
    result.jabatan = _jabatan(match)
    result.unit = _units(match.jabatan)
    result.nodes, result.realisasi_lalu = _nodes(match)
    result.links = _links(match)
    before, after = check(Cascade(old)), check(Cascade(new))
    result.findings_before, result.findings_after = before, after
    result.fixed, result.gone, result.appeared = _findings(match, before, after)
    return result


# -- positions --------------------------------------------------------------------------------


def _jabatan(match: TreeMatch) -> list[JabatanDiff]:
    out: list[JabatanDiff] = []
    new_ids = {str(p.old.id): str(p.new.id) for p in match.jabatan}
    for p in match.jabatan:
        changes = [
            Ubah(name, a, b)
            for name, a, b in (
                ("nama", p.old.nama, p.new.nama),
                ("unit", p.old.unit, p.new.unit),
                ("atasan", new_ids.get(p.old.atasan or "", p.old.atasan), p.new.atasan),
                ("peran", p.old.peran.value, p.new.peran.value),
                ("eselon", p.old.eselon, p.new.eselon),
            )
            if fold(a or "") != fold(b or "")
        ]
        if changes or p.old.id != p.new.id:
            out.append(
                JabatanDiff(
                    "ubah",
                    str(p.old.id),
                    str(p.new.id),
                    p.old.nama,
                    p.new.nama,
                    round(p.skor, 3),
                    tuple(changes),
                )
            )
    names = {str(j.id): j.nama for j in match.new.jabatan}
    for old in match.old.jabatan:
        into = match.merged.get(str(old.id))
        if into is not None:
            out.append(JabatanDiff("gabung", str(old.id), into, old.nama, names[into]))
    out.extend(JabatanDiff("hapus", str(j.id), None, j.nama, None) for j in match.removed)
    out.extend(JabatanDiff("tambah", None, str(j.id), None, j.nama) for j in match.added)
    return out


def _units(pairs: list[Pair[Jabatan]]) -> list[tuple[str, str, int]]:
    """Units renamed: an old unit name whose positions now all sit in one new unit name."""
    moves: dict[str, Counter[str]] = {}
    for p in pairs:
        moves.setdefault(p.old.unit or "", Counter())[p.new.unit or ""] += 1
    out = []
    for old, targets in moves.items():
        (new, n), *others = targets.most_common()
        if old and new and not others and fold(old) != fold(new):
            out.append((old, new, n))
    return out


# -- kinerja and indicators -------------------------------------------------------------------

_FIELDS = ("formulasi", "sumber_data", "satuan", "target", "realisasi", "polaritas", "akumulasi")


def _periods(indikator: Indikator) -> str | None:
    rows = [f"{p.periode}: {p.target or '–'}/{p.realisasi or '–'}" for p in indikator.per_periode]
    return "; ".join(rows) or None


def _fields(old: Indikator, new: Indikator, *, later: bool = False) -> list[Ubah]:
    """The fields that changed; with ``later`` (the new tree is a later year) a realisasi
    left blank is this year's, not known yet, and no change."""
    out = [
        Ubah(name, str(getattr(old, name) or "") or None, str(getattr(new, name) or "") or None)
        for name in _FIELDS
        if " ".join(str(getattr(old, name) or "").split())
        != " ".join(str(getattr(new, name) or "").split())
        and not (later and name == "realisasi" and not (new.realisasi or "").strip())
    ]
    if _periods(old) != _periods(new):
        out.append(Ubah("per_periode", _periods(old), _periods(new)))
    return out


Node = Sasaran | Kinerja | Indikator


def _index(tree: PohonKinerja) -> dict[str, tuple[str, str, Node, str]]:
    """Node id → (jenis, owner name, node, owner id)."""
    out: dict[str, tuple[str, str, Node, str]] = {}
    for sasaran in tree.iku:
        out[str(sasaran.id)] = ("sasaran", "IKU", sasaran, "")
        for indikator in sasaran.indikator:
            out[str(indikator.id)] = ("indikator", "IKU", indikator, "")
    for jabatan, kinerja in tree.iter_kinerja():
        owner = str(jabatan.id)
        out[str(kinerja.id)] = ("kinerja", jabatan.nama, kinerja, owner)
        for indikator in kinerja.indikator:
            out[str(indikator.id)] = ("indikator", jabatan.nama, indikator, owner)
    return out


def _later(match: TreeMatch) -> bool:
    """Whether the new tree is a later year than the old one (both years known)."""
    was, now = match.old.organisasi.tahun, match.new.organisasi.tahun
    return was is not None and now is not None and now > was


def _nodes(match: TreeMatch) -> tuple[list[NodeDiff], list[str]]:
    """The nodes changed, and the indicators whose realisasi of last year is not repeated."""
    old, new = _index(match.old), _index(match.new)
    paired_new = {n for n, _ in match.nodes.values()}
    later = _later(match)
    carried: list[str] = []
    out: list[NodeDiff] = []
    for old_id, (jenis, owner, node, owner_id) in old.items():
        if old_id not in match.nodes:
            out.append(NodeDiff(jenis, "hapus", old_id, None, owner, node.uraian, None))  # type: ignore[arg-type]
            continue
        new_id, skor = match.nodes[old_id]
        _, new_owner, other, new_owner_id = new[new_id]
        changes: list[Ubah] = []
        if isinstance(node, Indikator) and isinstance(other, Indikator):
            changes = _fields(node, other, later=later)
            if later and (node.realisasi or "").strip() and not (other.realisasi or "").strip():
                carried.append(new_id)
        if (match.new_id(owner_id) or "") != new_owner_id:
            changes.insert(0, Ubah("jabatan", owner, new_owner))
        if not owner_id and not new_owner_id and old_id != new_id:
            # an IKU table's codes are the decree's own (S.1, I.K.S.1.1), not file ids:
            # a changed code is a change the evaluator sees (LKE 1.b.6)
            changes.insert(0, Ubah("kode", old_id, new_id))
        reworded = words(node.uraian) != words(other.uraian)
        if reworded or changes:
            out.append(
                NodeDiff(
                    jenis,  # type: ignore[arg-type]
                    "ubah",
                    old_id,
                    new_id,
                    new_owner,
                    node.uraian,
                    other.uraian,
                    skor,
                    word_diff(node.uraian, other.uraian) if reworded else None,
                    tuple(changes),
                )
            )
    for new_id, (jenis, owner, node, _) in new.items():
        if new_id not in paired_new:
            out.append(NodeDiff(jenis, "tambah", None, new_id, owner, None, node.uraian))  # type: ignore[arg-type]
    order = {key: n for n, key in enumerate(new)}
    return sorted(out, key=lambda d: order.get(d.baru or "", len(order))), carried


# -- links and findings -----------------------------------------------------------------------


def _link_sets(tree: PohonKinerja) -> dict[str, tuple[str, set[str]]]:
    """Holder id → (holder text, ids it supports), active links only."""
    out: dict[str, tuple[str, set[str]]] = {}
    for _, kinerja in tree.iter_kinerja():
        for holder, link in kinerja.iter_links():
            if link.active and link.ke is not None:
                out.setdefault(str(holder.id), (holder.uraian, set()))[1].add(link.ke)
    return out


def _links(match: TreeMatch) -> list[LinkDiff]:
    before, after = _link_sets(match.old), _link_sets(match.new)
    out: list[LinkDiff] = []
    seen: set[str] = set()
    for old_holder, (text, targets) in before.items():
        holder = match.new_id(old_holder)
        mapped = {match.new_id(t) or f"(lama) {t}" for t in targets}
        now = after.get(holder or "", ("", set()))[1]
        gone, came = sorted(mapped - now), sorted(now - mapped)
        if holder is None:
            continue  # the node itself was removed: listed with the nodes
        seen.add(holder)
        for a, b in zip(gone, came, strict=False):
            out.append(LinkDiff("pindah", holder, a, b, text))
        out.extend(LinkDiff("hapus", holder, a, None, text) for a in gone[len(came) :])
        out.extend(LinkDiff("tambah", holder, None, b, text) for b in came[len(gone) :])
    for holder, (text, targets) in after.items():
        if holder not in seen:
            out.extend(LinkDiff("tambah", holder, None, b, text) for b in sorted(targets))
    return out


def _findings(
    match: TreeMatch, before: Findings, after: Findings
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """The findings of last year that are fixed, those gone with the position or node they
    were on (removed, or merged away: not fixed), and those that are new."""
    kept = {*after.cascade.nodes(), *after.cascade.jabatan}

    def where_now(f: Finding) -> str | None:
        return match.new_id(f.where) or (f.where if f.where in kept else None)

    old_keys = {(f.code, where_now(f)) for f in before}
    new_keys = {(f.code, f.where) for f in after}
    fixed = [
        f for f in before if where_now(f) is not None and (f.code, where_now(f)) not in new_keys
    ]
    gone = [f for f in before if where_now(f) is None]
    appeared = [f for f in after if (f.code, f.where) not in old_keys]
    return fixed, gone, appeared
