"""Rules PK1xx and PK2xx: every kinerja reaches an IKU, and every indicator is carried down."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import not_

from ..findings import RULES, Finding, LazyBatch, Severity, new_finding
from ..graph import ROOT, Cascade
from .registry import finding, owners_read, rule, short


@rule(
    "PK101",
    "Kinerja tidak sampai ke IKU (yatim)",
    "orphan-kinerja",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: every kinerja must support a superior's indicator, up to the IKU.",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _orphan_kinerja(c: Cascade) -> Iterator[Finding]:
    reached = c.reached_groups  # a kinerja is in it exactly when it is in c.reached
    rows = c.kinerja_rows
    # the kinerja not reached, in one sweep of the ids (in C); their findings made when
    # read (a LazyBatch), from what is read now: the texts, the owners as the check read
    # them, and the cascade (whose tables do not follow edits of the tree)
    orphans = [
        (id(j), j.atasan, str(k.id), k.uraian, len(k.indikator))
        for j, k in [
            rows[n] for n in compress(count(), map(not_, map(reached.__contains__, c.kinerja_ids)))
        ]
    ]
    if not orphans:
        return iter(())
    owners, jabatan = c.derived(owners_read), c.jabatan
    atasan = {a: owners[id(jabatan[a])] for a in {o[1] for o in orphans} if a is not None}
    severity = RULES["PK101"].severity

    def make() -> Iterator[Finding]:
        for owner, above, kinerja, uraian, n in orphans:
            nama, jabatan_id, unit = owners[owner]
            breaks = _break_points(c, kinerja)
            if breaks == [kinerja]:
                beserta = f" maupun {n} indikatornya" if n else ""
                message = (
                    f"{nama}: kinerja «{short(uraian)}»{beserta} tidak mendukung "
                    "indikator mana pun yang sampai ke IKU"
                )
                hint = _link_hint(atasan[above] if above is not None else None)
            else:
                message = (
                    f"{nama}: kinerja «{short(uraian)}» sudah ditautkan ke atas, "
                    f"tetapi rantainya terputus di atasnya, pada {', '.join(breaks[:3])}"
                )
                hint = "perbaiki tautan di titik putus itu; kinerja ini ikut tersambung kembali"
            yield new_finding("PK101", severity, kinerja, message, hint, jabatan_id, unit)

    return LazyBatch("PK101", severity, len(orphans), make)


def _break_points(c: Cascade, start: str) -> list[str]:
    """The kinerja above ``start`` where the links stop (start itself when it has none)."""
    return sorted(c.stops_above(start), key=lambda n: (n != start, n)) or [start]


def _link_hint(atasan: tuple[str, str | None, str | None] | None) -> str:
    """The hint of a kinerja linked to nothing, given its jabatan's atasan as the check
    read it (name, id, unit; ``None`` for a jabatan without atasan)."""
    if atasan is None:
        return "tautkan kinerja ini ke tabel IKU: `mendukung: [<id indikator IKU>]`"
    nama, id, _ = atasan
    return (
        f"tambahkan `mendukung: [<id>]` dengan id indikator {nama} ({id}) yang "
        "didukungnya, atau hapus kinerja ini bila tidak menunjang sasaran apa pun"
    )


@rule(
    "PK102",
    "Jabatan tidak terhubung ke IKU",
    "orphan-jabatan",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: every position's performance must cascade from the IKU.",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8 dan 1.b.10, KKE 2",
)
def _orphan_jabatan(c: Cascade) -> Iterator[Finding]:
    # the jabatan of a reached kinerja (a kinerja is reached when in c.reached_groups)
    linked = set(map(c.owner_ids.get, c.reached_groups))
    unlinked = map(not_, map(linked.__contains__, c.jabatan))  # in one sweep (in C)
    for jabatan in compress(c.jabatan.values(), unlinked):
        if jabatan.kinerja:
            n = len(jabatan.kinerja)
            yield finding(
                c,
                "PK102",
                str(jabatan.id),
                f"{jabatan.nama}: "
                + (f"tidak satu pun dari {n} kinerjanya" if n > 1 else "kinerjanya tidak")
                + " sampai ke IKU",
                "jabatan ini sama sekali tidak menunjang sasaran organisasi; tautkan "
                "kinerjanya ke indikator atasannya",
                jabatan=jabatan,
            )


@rule(
    "PK103",
    "Tidak ada IKU (tanpa tabel IKU maupun Camat)",
    "no-iku",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: the cascade starts from the office's IKU (or the Camat's IKI).",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _no_iku(c: Cascade) -> Iterator[Finding]:
    if c.has_iku:
        return
    tops = c.top
    names = ", ".join(t.nama for t in tops[:4]) + (" ..." if len(tops) > 4 else "")
    basis = (
        f"cakupan dihitung terhadap {len(tops)} jabatan tanpa atasan ({names}), seolah-olah "
        "indikatornya adalah IKU"
        if tops
        else "berkas juga tidak memuat jabatan, jadi cakupan tidak dapat dihitung"
    )
    yield finding(
        c,
        "PK103",
        ROOT,
        f"tidak ada IKU: berkas tidak memuat tabel IKU dan tidak ada Camat di puncak; {basis}",
        "tambahkan tabel IKU kecamatan (`iku:`), atau tambahkan Camat beserta indikatornya "
        "dan jadikan Camat sebagai `atasan` jabatan-jabatan puncak itu",
    )


@rule(
    "PK201",
    "IKU belum diturunkan ke bawahan",
    "iku-not-cascaded",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: each IKU must be carried by the units below the head.",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _iku_not_cascaded(c: Cascade) -> Iterator[Finding]:
    has_subordinates = any(c.bawahan(str(t.id)) for t in c.top) or bool(c.tree.iku)
    if not has_subordinates:
        return
    for ind_id in c.iku:
        if not c.supporters(ind_id):
            owner = c.owner(ind_id)
            who = "Camat" if owner is None else "bawahan"
            yield finding(
                c,
                "PK201",
                ind_id,
                f"IKU «{short(c.uraian(ind_id))}» belum diturunkan: tidak ada "
                f"kinerja {who} yang mendukungnya",
                "jadikan kinerja jabatan yang bertanggung jawab dan tautkan "
                f"(`mendukung: [{ind_id}]`)",
            )


@rule(
    "PK202",
    "Indikator belum diturunkan ke bawahan",
    "indikator-not-cascaded",
    Severity.WARNING,
    "Cascading: a superior's indicator becomes the kinerja of at least one subordinate.",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _indikator_not_cascaded(c: Cascade) -> Iterator[Finding]:
    iku = set(c.iku)
    supported = c.supported_ids
    atasan = {jabatan.atasan for jabatan in c.tree.jabatan}  # those with a subordinate
    # the IKU table's (PK201), and those of a position without subordinates, are not read
    held = [(j, k) for j, k in c.kinerja_rows if j.id in atasan]
    for jabatan, indikator in [
        (j, i) for j, k in held for i in k.indikator if i.id not in iku and i.id not in supported
    ]:
        yield finding(
            c,
            "PK202",
            str(indikator.id),
            f"{jabatan.nama}: indikator «{short(indikator.uraian)}» belum diturunkan: "
            "tidak ada bawahan yang mendukungnya",
            "jadikan kinerja bawahan yang mengerjakannya dan tautkan "
            f"(`mendukung: [{indikator.id}]`)",
            jabatan=jabatan,
        )
