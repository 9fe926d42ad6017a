"""The checks a planner runs before the SAKIP evaluation.

Each check is a small rule with a stable code, a severity and a one-line rationale citing
what it enforces. Running them gives :class:`Finding` records (frozen data, never
exceptions), gathered in :class:`Findings`, which filters, summarises and prints them.

========  ========  =====================================================================
code      severity  rule
========  ========  =====================================================================
PK101     error     kinerja with no path up to an IKU (orphan)
PK102     error     jabatan whose kinerja all fail to reach an IKU
PK103     error     no IKU at all: no IKU table and no Camat at the top
PK201     error     IKU indicator that no subordinate carries
PK202     warning   indicator of a position with subordinates that none of them carries
PK301     error     cycle in the cascade links
PK302     warning   link that skips a level of the atasan chain
PK303     info      crosscutting link: support from outside the atasan chain
PK304     error     link that points down or sideways into one's own subordinates
PK401     error     jabatan without kinerja
PK402     error     kinerja without indikator
PK403     warning   the same indicator twice in one position
PK404     warning   more than one jabatan without atasan
PK501     warning   indikator without formulasi
PK502     warning   indikator without sumber data
PK503     info      indikator without satuan
PK504     warning   indikator without target
PK505     warning   activity count ("Jumlah ...") as an indicator of camat / eselon III
PK601     info      inferred link awaiting a planner's review
========  ========  =====================================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import networkx as nx

from ._text import words
from .findings import RULES, CheckFn, Finding, Findings, Rule, Severity, select_rules
from .graph import ROOT, Cascade
from .models import Indikator, Jabatan, Kinerja, Peran, PohonKinerja

__all__ = ["RULES", "Finding", "Findings", "Rule", "Severity", "check", "select_rules"]


JUDUL = {
    "PK101": "Kinerja tidak sampai ke IKU (yatim)",
    "PK102": "Jabatan tidak terhubung ke IKU",
    "PK103": "Tidak ada IKU (tanpa tabel IKU maupun Camat)",
    "PK201": "IKU belum diturunkan ke bawahan",
    "PK202": "Indikator belum diturunkan ke bawahan",
    "PK301": "Tautan membentuk siklus",
    "PK302": "Tautan melompati jenjang",
    "PK303": "Tautan lintas unit (crosscutting)",
    "PK304": "Tautan mengarah ke bawahan sendiri",
    "PK401": "Jabatan tanpa kinerja",
    "PK402": "Kinerja tanpa indikator",
    "PK403": "Indikator ganda dalam satu jabatan",
    "PK404": "Lebih dari satu jabatan puncak",
    "PK501": "Indikator tanpa formulasi",
    "PK502": "Indikator tanpa sumber data",
    "PK503": "Indikator tanpa satuan",
    "PK504": "Indikator tanpa target",
    "PK505": "Indikator kegiatan (Jumlah ...) di tingkat Camat / eselon III",
    "PK601": "Tautan usulan menunggu konfirmasi",
}
"""The title of each rule in Indonesian, as planners' reports show it."""


def _rule(code: str, name: str, severity: Severity, rationale: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        RULES[code] = Rule(code, name, severity, rationale, fn, JUDUL[code])
        return fn

    return register


def _finding(
    c: Cascade, code: str, where: str, message: str, hint: str, *, jabatan: Jabatan | None = None
) -> Finding:
    owner = jabatan if jabatan is not None else c.owner(where) if where in c.graph else None
    return Finding(
        code=code,
        severity=RULES[code].severity,
        where=where,
        message=message,
        hint=hint,
        jabatan=owner.id if owner else None,
        unit=owner.unit if owner else None,
    )


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- cascade: reaching the IKU ------------------------------------------------------------


@_rule(
    "PK101",
    "orphan-kinerja",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: every kinerja must support a superior's indicator, up to the IKU.",
)
def _orphan_kinerja(c: Cascade) -> Iterator[Finding]:
    for jabatan, kinerja in c.tree.iter_kinerja():
        if kinerja.id in c.reached:
            continue
        breaks = _break_points(c, str(kinerja.id))
        if breaks == [kinerja.id]:
            n = len(kinerja.indikator)
            beserta = f" maupun {n} indikatornya" if n else ""
            message = (
                f"{jabatan.nama}: kinerja «{_short(kinerja.uraian)}»{beserta} tidak mendukung "
                "indikator mana pun yang sampai ke IKU"
            )
            hint = _link_hint(c, jabatan)
        else:
            message = (
                f"{jabatan.nama}: kinerja «{_short(kinerja.uraian)}» sudah ditautkan ke atas, "
                f"tetapi rantainya terputus di atasnya, pada {', '.join(breaks[:3])}"
            )
            hint = "perbaiki tautan di titik putus itu; kinerja ini ikut tersambung kembali"
        yield _finding(c, "PK101", str(kinerja.id), message, hint, jabatan=jabatan)


def _break_points(c: Cascade, start: str) -> list[str]:
    """The kinerja above ``start`` where the links stop (start itself when it has none)."""
    seen, stack, tops = {start}, [start], []
    while stack:
        node = stack.pop()
        if c.graph.nodes[node]["jenis"] == "kinerja" and not _linked(c, node):
            tops.append(node)
        for parent in c.up(node):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return sorted(tops, key=lambda n: (n != start, n)) or [start]


def _linked(c: Cascade, kinerja_id: str) -> bool:
    """Whether a kinerja, or one of its indicators, supports something above."""
    kinerja = c.node(kinerja_id)
    assert isinstance(kinerja, Kinerja)
    return bool(c.supported(kinerja_id)) or any(c.supported(str(i.id)) for i in kinerja.indikator)


def _link_hint(c: Cascade, jabatan: Jabatan) -> str:
    if jabatan.atasan is None:
        return "tautkan kinerja ini ke tabel IKU: `mendukung: [<id indikator IKU>]`"
    atasan = c.jabatan[jabatan.atasan]
    return (
        f"tambahkan `mendukung: [<id>]` dengan id indikator {atasan.nama} ({atasan.id}) yang "
        "didukungnya, atau hapus kinerja ini bila tidak menunjang sasaran apa pun"
    )


@_rule(
    "PK102",
    "orphan-jabatan",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: every position's performance must cascade from the IKU.",
)
def _orphan_jabatan(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        if jabatan.kinerja and not any(k.id in c.reached for k in jabatan.kinerja):
            n = len(jabatan.kinerja)
            yield _finding(
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


@_rule(
    "PK103",
    "no-iku",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: the cascade starts from the office's IKU (or the Camat's IKI).",
)
def _no_iku(c: Cascade) -> Iterator[Finding]:
    if c.has_iku:
        return
    tops = c.tree.top
    names = ", ".join(t.nama for t in tops[:4]) + (" ..." if len(tops) > 4 else "")
    yield _finding(
        c,
        "PK103",
        ROOT,
        f"tidak ada IKU: berkas tidak memuat tabel IKU dan tidak ada Camat di puncak; cakupan "
        f"dihitung terhadap {len(tops)} jabatan tanpa atasan ({names}), seolah-olah "
        "indikatornya adalah IKU",
        "tambahkan tabel IKU kecamatan (`iku:`), atau tambahkan Camat beserta indikatornya "
        "dan jadikan Camat sebagai `atasan` jabatan-jabatan puncak itu",
    )


@_rule(
    "PK201",
    "iku-not-cascaded",
    Severity.ERROR,
    "PermenPAN-RB 89/2021: each IKU must be carried by the units below the head.",
)
def _iku_not_cascaded(c: Cascade) -> Iterator[Finding]:
    has_subordinates = any(c.bawahan(str(t.id)) for t in c.tree.top) or bool(c.tree.iku)
    if not has_subordinates:
        return
    for ind_id in c.iku:
        if not c.supporters(ind_id):
            owner = c.owner(ind_id)
            who = "Camat" if owner is None else "bawahan"
            yield _finding(
                c,
                "PK201",
                ind_id,
                f"IKU «{_short(c.graph.nodes[ind_id]['uraian'])}» belum diturunkan: tidak ada "
                f"kinerja {who} yang mendukungnya",
                "jadikan kinerja jabatan yang bertanggung jawab dan tautkan "
                f"(`mendukung: [{ind_id}]`)",
            )


@_rule(
    "PK202",
    "indikator-not-cascaded",
    Severity.WARNING,
    "Cascading: a superior's indicator becomes the kinerja of at least one subordinate.",
)
def _indikator_not_cascaded(c: Cascade) -> Iterator[Finding]:
    iku = set(c.iku)
    for jabatan in c.tree.jabatan:
        if not c.bawahan(str(jabatan.id)):
            continue
        for indikator in jabatan.iter_indikator():
            if indikator.id not in iku and not c.supporters(str(indikator.id)):
                yield _finding(
                    c,
                    "PK202",
                    str(indikator.id),
                    f"{jabatan.nama}: indikator «{_short(indikator.uraian)}» belum diturunkan: "
                    "tidak ada bawahan yang mendukungnya",
                    "jadikan kinerja bawahan yang mengerjakannya dan tautkan "
                    f"(`mendukung: [{indikator.id}]`)",
                    jabatan=jabatan,
                )


# -- cascade: the shape of links ------------------------------------------------------------


@_rule(
    "PK301",
    "cycle",
    Severity.ERROR,
    "A cascade is a tree: support flows from the IKU down, never back round.",
)
def _cycles(c: Cascade) -> Iterator[Finding]:
    for component in nx.strongly_connected_components(c.graph):
        if len(component) > 1:
            members = sorted(component)
            yield _finding(
                c,
                "PK301",
                members[0],
                f"kinerja/indikator berikut saling mendukung dan membentuk siklus: "
                f"{', '.join(members[:8])}" + ("…" * (len(members) > 8)),
                "hapus tautan yang mengarah balik ke atas di dalam siklus itu",
            )


def _links_of(c: Cascade, kind: str) -> Iterator[tuple[str, str]]:
    for parent, child, _ in c.links():
        if c.link_kind(parent, child) == kind:
            yield parent, child


@_rule(
    "PK302",
    "level-skip",
    Severity.WARNING,
    "PermenPAN-RB 89/2021: cascading goes one level at a time; a skip hides the level between.",
)
def _level_skips(c: Cascade) -> Iterator[Finding]:
    for parent, child in _links_of(c, "skip"):
        upper, lower = c.owner(parent), c.owner(child)
        assert lower is not None
        between = lower.atasan
        yield _finding(
            c,
            "PK302",
            child,
            f"{lower.nama} langsung mendukung «{_short(c.graph.nodes[parent]['uraian'], 50)}» "
            f"milik {upper.nama if upper else 'tabel IKU'}, melompati jenjang atasannya "
            f"({between})",
            f"turunkan melalui {between}: jadikan indikator ini kinerja {between}, lalu tautkan "
            "ke indikator kinerja itu; atau pastikan lompatan jenjang ini memang disengaja",
            jabatan=lower,
        )


@_rule(
    "PK303",
    "crosscutting",
    Severity.INFO,
    "Crosscutting support from another unit is allowed but must be visible.",
)
def _crosscutting(c: Cascade) -> Iterator[Finding]:
    for parent, child in _links_of(c, "cross"):
        upper, lower = c.owner(parent), c.owner(child)
        assert upper is not None
        assert lower is not None
        yield _finding(
            c,
            "PK303",
            child,
            f"{lower.nama} ({lower.unit}) mendukung «{_short(c.graph.nodes[parent]['uraian'], 50)}»"
            f" milik {upper.nama} ({upper.unit}), di luar garis atasannya",
            "wajar bila pekerjaan itu memang dikerjakan bersama lintas unit; bila tidak, "
            "tautkan ke indikator atasan",
            jabatan=lower,
        )


@_rule(
    "PK304",
    "link-points-down",
    Severity.ERROR,
    "Support flows up the chain: a position cannot carry its own or a subordinate's indicator.",
)
def _links_down(c: Cascade) -> Iterator[Finding]:
    for kind in ("down", "self"):
        for parent, child in _links_of(c, kind):
            lower = c.owner(child)
            assert lower is not None
            milik = "jabatan itu sendiri" if kind == "self" else "bawahannya"
            yield _finding(
                c,
                "PK304",
                child,
                f"{lower.nama}: «{_short(c.graph.nodes[child]['uraian'], 50)}» mendukung "
                f"{c.graph.nodes[parent]['jenis']} {parent} milik {milik}",
                "arahkan tautan ke indikator atasan",
                jabatan=lower,
            )


# -- completeness ---------------------------------------------------------------------------


@_rule(
    "PK401",
    "jabatan-without-kinerja",
    Severity.ERROR,
    "Every position signs a perjanjian kinerja: it needs at least one kinerja.",
)
def _jabatan_without_kinerja(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        if not jabatan.kinerja:
            yield _finding(
                c,
                "PK401",
                str(jabatan.id),
                f"{jabatan.nama} belum memiliki kinerja",
                "tambahkan kinerja dan indikator jabatan ini sesuai keputusan penetapannya",
                jabatan=jabatan,
            )


@_rule(
    "PK402",
    "kinerja-without-indikator",
    Severity.ERROR,
    "A kinerja is measured by its indicators; without one it cannot be evaluated.",
)
def _kinerja_without_indikator(c: Cascade) -> Iterator[Finding]:
    for jabatan, kinerja in c.tree.iter_kinerja():
        if not kinerja.indikator:
            yield _finding(
                c,
                "PK402",
                str(kinerja.id),
                f"{jabatan.nama}: kinerja «{_short(kinerja.uraian)}» belum memiliki indikator",
                "tambahkan sekurang-kurangnya satu indikator lengkap dengan formulasi, "
                "sumber data, dan target",
                jabatan=jabatan,
            )


@_rule(
    "PK403",
    "duplicate-indikator",
    Severity.WARNING,
    "An indicator counted twice in one position inflates its performance agreement.",
)
def _duplicates(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        seen: dict[str, Indikator] = {}
        for indikator in jabatan.iter_indikator():
            key = words(indikator.uraian)
            if key in seen:
                yield _finding(
                    c,
                    "PK403",
                    str(indikator.id),
                    f"{jabatan.nama}: indikator «{_short(indikator.uraian)}» sama dengan "
                    f"{seen[key].id}",
                    "gabungkan keduanya, atau ubah rumusan salah satunya bila keduanya "
                    "mengukur hal yang berbeda",
                    jabatan=jabatan,
                )
            else:
                seen[key] = indikator


@_rule(
    "PK404",
    "several-tops",
    Severity.WARNING,
    "A kecamatan has one head; positions without atasan are cut off from the cascade.",
)
def _several_tops(c: Cascade) -> Iterator[Finding]:
    tops = c.tree.top
    if len(tops) <= 1:
        return
    head = next((t for t in tops if t.peran is Peran.CAMAT), tops[0])
    for jabatan in tops:
        if jabatan is not head:
            yield _finding(
                c,
                "PK404",
                str(jabatan.id),
                f"{jabatan.nama} tidak memiliki atasan, padahal {head.nama} sudah menjadi "
                "jabatan puncak",
                f"isi `atasan:` (misalnya `atasan: {head.id}`)",
                jabatan=jabatan,
            )


# -- measurability --------------------------------------------------------------------------

_BLANK = {"", "-", "–", "—", "n/a", "na", "tidak ada"}


def _missing(value: str | None) -> bool:
    return value is None or value.strip().casefold() in _BLANK


def _measurability(code: str, field: str, label: str) -> CheckFn:
    def run(c: Cascade) -> Iterator[Finding]:
        for owner, indikator in c.tree.iter_indikator():
            if _missing(getattr(indikator, field)):
                who = owner.nama if owner else "IKU"
                yield _finding(
                    c,
                    code,
                    str(indikator.id),
                    f"{who}: indikator «{_short(indikator.uraian)}» belum memiliki {label}",
                    f"tambahkan `{field}:` sesuai keputusan atau perjanjian kinerja",
                    jabatan=owner,
                )

    return run


_rule(
    "PK501",
    "no-formulasi",
    Severity.WARNING,
    "LKE SAKIP (PermenPAN-RB 88/2021): an indicator must say how it is computed.",
)(_measurability("PK501", "formulasi", "formulasi (rumus atau penjelasan)"))
_rule(
    "PK502",
    "no-sumber-data",
    Severity.WARNING,
    "LKE SAKIP (PermenPAN-RB 88/2021): an indicator must name where its data comes from.",
)(_measurability("PK502", "sumber_data", "sumber data"))
_rule(
    "PK503",
    "no-satuan",
    Severity.INFO,
    "An indicator's target and realisasi are compared in a unit (persen, dokumen, indeks).",
)(_measurability("PK503", "satuan", "satuan"))
_rule(
    "PK504",
    "no-target",
    Severity.WARNING,
    "LKE SAKIP: capaian is realisasi against target; without a target nothing is measured.",
)(_measurability("PK504", "target", "target"))

_ACTIVITY = re.compile(r"^\s*(\d+[.)]\s*)?(jumlah|banyaknya|frekuensi)\b", re.IGNORECASE)


@_rule(
    "PK505",
    "activity-count-at-pimpinan",
    Severity.WARNING,
    "LKE SAKIP: eselon III indicators must be outcomes; 'Jumlah ...' counts activities (output).",
)
def _activity_counts(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        if not (jabatan.peran.is_pimpinan or (jabatan.eselon or "").upper().startswith("III")):
            continue
        for indikator in jabatan.iter_indikator():
            if _ACTIVITY.match(indikator.uraian):
                yield _finding(
                    c,
                    "PK505",
                    str(indikator.id),
                    f"{jabatan.nama}: «{_short(indikator.uraian)}» menghitung kegiatan "
                    "(output), padahal indikator tingkat eselon III semestinya hasil (outcome)",
                    "rumuskan hasil yang dicapai (persentase, indeks, atau tingkat), dan "
                    "serahkan hitungan kegiatan kepada staf yang mengerjakannya",
                    jabatan=jabatan,
                )


# -- review ---------------------------------------------------------------------------------


@_rule(
    "PK601",
    "inferred-link-pending",
    Severity.INFO,
    "An inferred link is a proposal: a planner must confirm it before it counts as evidence.",
)
def _pending(c: Cascade) -> Iterator[Finding]:
    for _, kinerja in c.tree.iter_kinerja():
        for holder, link in kinerja.iter_links():
            if link.pending:
                score = (
                    f" (skor {link.skor:.2f})".replace(".", ",") if link.skor is not None else ""
                )
                yield _finding(
                    c,
                    "PK601",
                    str(holder.id),
                    f"«{_short(holder.uraian, 50)}» → {link.ke}: tautan hasil inferensi{score}, "
                    "menunggu pemeriksaan perencana",
                    "isi `status: diterima` untuk menyetujui atau `status: ditolak` untuk menolak",
                )


# -- running --------------------------------------------------------------------------------


def check(
    tree: PohonKinerja | Cascade,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    severity: Severity | str = Severity.INFO,
) -> Findings:
    """Run the checks on a tree; return its findings, most severe first.

    ``select`` / ``ignore`` take codes or code prefixes (``"PK5"`` = measurability), as a
    list or a comma-separated text; ``severity`` keeps findings at or above that level.
    """
    cascade = tree if isinstance(tree, Cascade) else Cascade(tree)
    floor = Severity.parse(severity)
    found = [
        finding
        for rule in select_rules(select, ignore)
        if rule.severity >= floor
        for finding in rule.run(cascade)
    ]
    found.sort(key=lambda f: (-f.severity, f.code))
    return Findings(found, cascade)
