"""Rules PK3xx: the shape of the links (cycles, level skips, crosscutting, links down)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ..graph import Cascade
from .registry import finding, rule, short


@rule(
    "PK301",
    "Tautan membentuk siklus",
    "cycle",
    Severity.ERROR,
    "A cascade is a tree: support flows from the IKU down, never back round.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _cycles(c: Cascade) -> Iterator[Finding]:
    for members in c.cycles():
        yield finding(
            c,
            "PK301",
            members[0],
            f"kinerja/indikator berikut saling mendukung dan membentuk siklus: "
            f"{', '.join(members[:8])}" + ("…" * (len(members) > 8)),
            "hapus tautan yang mengarah balik ke atas di dalam siklus itu",
        )


def _links_of(c: Cascade, kind: str) -> Iterator[tuple[str, str]]:
    yield from c.links_of_kind(kind)


@rule(
    "PK302",
    "Tautan melompati jenjang",
    "level-skip",
    Severity.WARNING,
    "PermenPAN-RB 89/2021: cascading goes one level at a time; a skip hides the level between.",
    sumber="PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _level_skips(c: Cascade) -> Iterator[Finding]:
    for parent, child in _links_of(c, "skip"):
        upper, lower = c.owner(parent), c.owner(child)
        assert lower is not None
        between = lower.atasan
        yield finding(
            c,
            "PK302",
            child,
            f"{lower.nama} langsung mendukung «{short(c.uraian(parent), 50)}» "
            f"milik {upper.nama if upper else 'tabel IKU'}, melompati jenjang atasannya "
            f"({between})",
            f"turunkan melalui {between}: jadikan indikator ini kinerja {between}, lalu tautkan "
            "ke indikator kinerja itu; atau pastikan lompatan jenjang ini memang disengaja",
            jabatan=lower,
        )


@rule(
    "PK303",
    "Tautan lintas unit (crosscutting)",
    "crosscutting",
    Severity.INFO,
    "Crosscutting support from another unit is allowed but must be visible.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.9",
)
def _crosscutting(c: Cascade) -> Iterator[Finding]:
    for parent, child in _links_of(c, "cross"):
        upper, lower = c.owner(parent), c.owner(child)
        assert upper is not None
        assert lower is not None
        yield finding(
            c,
            "PK303",
            child,
            f"{lower.nama} ({lower.unit}) mendukung «{short(c.uraian(parent), 50)}»"
            f" milik {upper.nama} ({upper.unit}), di luar garis atasannya",
            "wajar bila pekerjaan itu memang dikerjakan bersama lintas unit; bila tidak, "
            "tautkan ke indikator atasan",
            jabatan=lower,
        )


@rule(
    "PK304",
    "Tautan mengarah ke bawahan sendiri",
    "link-points-down",
    Severity.ERROR,
    "Support flows up the chain: a position cannot carry its own or a subordinate's indicator.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _links_down(c: Cascade) -> Iterator[Finding]:
    for kind in ("down", "self"):
        for parent, child in _links_of(c, kind):
            lower = c.owner(child)
            assert lower is not None
            milik = "jabatan itu sendiri" if kind == "self" else "bawahannya"
            yield finding(
                c,
                "PK304",
                child,
                f"{lower.nama}: «{short(c.uraian(child), 50)}» mendukung "
                f"{c.jenis(parent)} {parent} milik {milik}",
                "arahkan tautan ke indikator atasan",
                jabatan=lower,
            )
