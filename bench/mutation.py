"""Mutation score of pokin's core, checks, io, link and decree modules (mutmut); not in CI.

    nice -n 19 .venv/bin/python bench/mutation.py --sample 300 --seed 12   # sampled score
    nice -n 19 .venv/bin/python bench/mutation.py --full                   # every mutant (hours)
    nice -n 19 .venv/bin/python bench/mutation.py --list                   # mutant counts only
    nice -n 19 .venv/bin/python bench/mutation.py --resume /tmp/pokin-mutation-x  # after new tests
    .venv/bin/python bench/mutation.py --full pokin/capaian.py             # some modules only

mutmut (``pip install mutmut==3.8.1``) changes one thing at a time in the code (``<`` for
``<=``, ``and`` for ``or``, a constant, a returned value...) and runs the tests that cover
the changed function; a mutant the tests still pass on "survived": a bug the suite would
not catch. The score is killed / (killed + survived); mutants that time out count as killed
(the suite noticed), mutants no test reaches count as survived.

The whole list has thousands of mutants (hours on two cores), so the default measures a
seeded random sample, stratified by module group (``GROUPS``): the same number of mutants
from each group (fewer if a group has fewer), each group's score with a 95% Wilson interval,
and the overall score weighted by each group's share of all mutants, with a 95% interval
from the stratified variance (finite-population corrected). The same seed and code give the
same sample, so a before/after comparison measures the same mutants.

Mutants listed in ``EQUIVALENT`` (mutant name -> why no test can tell it apart) are left out
of the score and printed apart; each needs a reason a reviewer can check. Mutant names are
numbered per function: after the code changes, check the lists again.

Two things mutmut 3 cannot see, handled here: it never mutates a decorated function (every
``@rule`` check), so the copy writes those decorators as assignments (``undecorate``); and
code that runs while pokin is imported (a rule's registration) runs before a mutant is
picked: those mutants are listed in ``KILLED_ON_IMPORT`` once a test was seen failing with
the mutation applied by hand.

``--first FILE...`` tries a few fast test files on every mutant before mutmut (one process,
a fork per mutant): most mutants die there in a second instead of waiting for mutmut's
selection, which runs every test reaching the function (minutes for ``check``). Killed by
any test is killed, so the score is the same. ``--keep`` keeps the copy; ``--resume COPY``
later tries the test files changed since on its sample's survivors (the mutated modules
must be unchanged) and runs the mutants never run.

The run happens in a copy of the repository in a temporary folder (mutmut writes a
``mutants/`` tree beside the code); the working tree is never touched. Figures go in
README, "Mutation score".
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GROUPS: dict[str, list[str]] = {
    "core": [
        "pokin/models/*",
        "pokin/_files/*",
        "pokin/_text.py",
        "pokin/_references.py",
        "pokin/graph.py",
        "pokin/coverage.py",
        "pokin/capaian.py",
        "pokin/findings.py",
    ],
    "checks": ["pokin/checks/*"],
    "io": ["pokin/io/*"],
    "link": ["pokin/link/*"],
    "decree": ["pokin/decree/*"],
}
"""What issue 12 asks to be measured: core, checks, io, link and decree."""

MODULES = [pattern for patterns in GROUPS.values() for pattern in patterns]

EQUIVALENT: dict[str, str] = {
    "pokin.io.careful.x_explain__mutmut_39": "get_close_matches without n=1 returns up to 3 "
    "matches, best first (heapq.nlargest either way); only the first is used",
    "pokin.link.text.x_phrase__mutmut_2": "the phrase cache only saves time: _phrase is pure, "
    "so a phrase computed again equals the kept one",
    "pokin.checks.wording.x__formula_measure__mutmut_14": "jabatan=None makes finding() look "
    "the owner up by the indicator's id: the same jabatan (None for an IKU of the table)",
    "pokin.checks.years.x__target_below_realisasi__mutmut_73": "without jabatan=owner, "
    "finding() looks the owner up by the indicator's id: the same jabatan (or None)",
    "pokin.link.holds.xǁHoldsǁgeneric__mutmut_15": "postings sorted by length only to "
    "intersect from the smallest set: the intersection of all is the same in any order",
}

KILLED_ON_IMPORT: dict[str, str] = {
    "pokin.checks.registry.x_rule_across_years__mutmut_10": "tests/test_pinned_checks.py::"
    "test_rule_catalogue_entries fails with the mutation applied to the file",
    "pokin.checks.registry.x_rule_across_years__mutmut_18": "tests/test_pinned_checks.py::"
    "test_rule_catalogue_entries fails with the mutation applied to the file",
}
"""Mutants of code that runs while pokin is imported (rule registration): mutmut imports
once, then picks a mutant, so these can never be active in its runs. Each was applied to
the file by hand and the named test failed; they count as killed, and are printed apart."""
"""Mutants no behaviour can tell apart from the original, with the reason (see the doc)."""

IGNORED = {".venv", "mutants", ".git", ".hypothesis", ".mypy_cache", ".ruff_cache", "__pycache__"}
TOP_ONLY = {"render"}  # the demo's drawings (pokin/render is code and is copied)

_SKIPPED = [
    "--ignore=tests/test_lazy_import.py",  # inspects the import machinery mutmut rewires
    "--ignore=tests/test_notebooks.py",  # runs kernels: minutes per mutant
    "--ignore=tests/test_properties.py",  # hypothesis: hundreds of examples per mutant
]

KILLED = {1, 3, 36, -24, 24, 152, 255}  # mutmut's exit codes: test failure, error, timeout
SURVIVED = {0, 5, 33}  # tests pass, or no test reaches the mutant

_GENERATE = """
import os
from pathlib import Path
from mutmut.__main__ import (
    copy_src_dir, copy_also_copy_files, create_mutants, setup_source_paths,
)
from mutmut.mutation.trampoline import set_mutant_under_test
os.makedirs("mutants", exist_ok=True)
set_mutant_under_test("mutant_generation")
copy_src_dir()
copy_also_copy_files()
setup_source_paths()
create_mutants(2)
"""


def _copy(target: Path) -> None:
    for item in ROOT.iterdir():
        if item.name in IGNORED | TOP_ONLY or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=shutil.ignore_patterns(*IGNORED))
        else:
            shutil.copy2(item, target / item.name)


def undecorate(source: str) -> str:
    """``@deco(...)`` on a module-level function, rewritten as ``f = deco(...)(f)`` after it.

    mutmut 3 never mutates a decorated function (it would have to wrap the decorator's
    result), so every ``@rule`` check would count for nothing. Written as an assignment,
    the function is mutated like any other and the decorator receives mutmut's trampoline,
    which picks the mutant when a check runs, not when the module is imported. Same
    behaviour, done only in the copy.
    """
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    functions = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.decorator_list
    ]
    for node in reversed(functions):
        decorators = [ast.get_source_segment(source, d) or "" for d in node.decorator_list]
        wrapped = node.name
        for decorator in reversed(decorators):
            wrapped = f"({decorator})({wrapped})"
        first = min(d.lineno for d in node.decorator_list) - 1  # the first "@" line
        body_end = node.end_lineno or node.lineno
        lines[body_end:body_end] = [f"{node.name} = {wrapped}\n"]
        del lines[first : node.lineno - 1]
    return "".join(lines)


def _undecorate_all(folder: Path, modules: list[str]) -> None:
    for path in sorted((folder / "pokin").rglob("*.py")):
        relative = path.relative_to(folder).as_posix()
        if any(fnmatch.fnmatch(relative, pattern) for pattern in modules):
            path.write_text(undecorate(path.read_text(encoding="utf-8")), encoding="utf-8")


def _configure(folder: Path, modules: list[str], tests: list[str]) -> None:
    """Add mutmut's settings to the copy's pyproject.toml."""
    config = {
        "source_paths": ["pokin"],
        "only_mutate": modules,
        "also_copy": sorted(
            p.name for p in folder.iterdir() if p.name not in ("pokin", "tests", "pyproject.toml")
        ),
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-q", "-p", "no:cacheprovider", "-m", "not slow", *_SKIPPED],
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items()]
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def _results(folder: Path) -> dict[str, tuple[str, int | None]]:
    """Every mutant's (source file, exit code or None when not run yet); a mutant the
    prescreen killed (``prescreen.json``) counts as killed."""
    found: dict[str, tuple[str, int | None]] = {}
    for meta in sorted((folder / "mutants").rglob("*.py.meta")):
        source = meta.relative_to(folder / "mutants").as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            found[name] = (source, code)
    screened = folder / "prescreen.json"
    if screened.exists():
        for name, code in json.loads(screened.read_text(encoding="utf-8")).items():
            if name in found and code in (1, 3):
                found[name] = (found[name][0], 1)
    return found


def group_of(source: str) -> str:
    for group, patterns in GROUPS.items():
        if any(fnmatch.fnmatch(source, pattern) for pattern in patterns):
            return group
    return "other"


def sample(names: dict[str, str], size: int, seed: int) -> list[str]:
    """Up to ``size`` mutants per group, drawn with ``seed`` from the sorted names."""
    by_group: dict[str, list[str]] = {}
    for name in sorted(names):
        by_group.setdefault(names[name], []).append(name)
    rng = random.Random(seed)
    chosen: list[str] = []
    for group in sorted(by_group):
        members = by_group[group]
        chosen += rng.sample(members, min(size, len(members)))
    return sorted(chosen)


def wilson(killed: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of killed / total."""
    if total == 0:
        return (0.0, 1.0)
    p = killed / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class Stratum:
    group: str
    population: int  # every mutant of the group (less the equivalent ones)
    killed: int = 0
    survived: int = 0
    other: int = 0  # not run (budget), suspicious, segfault...

    @property
    def measured(self) -> int:
        return self.killed + self.survived


def stratified(strata: Iterable[Stratum], z: float = 1.96) -> tuple[float, float, float]:
    """Weighted score and its 95% interval (normal, finite-population corrected)."""
    measured = [s for s in strata if s.measured]
    total = sum(s.population for s in measured)
    score = variance = 0.0
    for s in measured:
        weight = s.population / total
        p = s.killed / s.measured
        correction = (s.population - s.measured) / max(s.population - 1, 1)
        score += weight * p
        variance += weight * weight * p * (1 - p) / s.measured * correction
    half = z * math.sqrt(variance)
    return score, max(0.0, score - half), min(1.0, score + half)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def report(
    results: dict[str, tuple[str, int | None]], chosen: list[str], full: bool
) -> list[Stratum]:
    strata: dict[str, Stratum] = {}
    for name, (source, _) in results.items():
        if name in EQUIVALENT:
            continue
        group = group_of(source)
        strata.setdefault(group, Stratum(group, 0)).population += 1
    survivors: list[str] = []
    for name in chosen:
        if name in EQUIVALENT:
            continue
        source, code = results[name]
        stratum = strata[group_of(source)]
        if code in KILLED or name in KILLED_ON_IMPORT:
            stratum.killed += 1
        elif code in SURVIVED:
            stratum.survived += 1
            survivors.append(name)
        else:
            stratum.other += 1
    ordered = [strata[g] for g in sorted(strata)]
    for s in ordered:
        low, high = wilson(s.killed, s.measured)
        score = s.killed / s.measured if s.measured else 0.0
        print(
            f"  {s.group:7} {s.killed:4} killed / {s.measured:4} measured"
            f" ({s.other} not measured) of {s.population:5} mutants:"
            f" {_pct(score)} [95% {_pct(low)} – {_pct(high)}]"
        )
    if full:
        killed = sum(s.killed for s in ordered)
        measured = sum(s.measured for s in ordered)
        print(f"mutation score: {_pct(killed / max(measured, 1))} ({killed} / {measured})")
    else:
        score, low, high = stratified(ordered)
        measured = sum(s.measured for s in ordered)
        print(
            f"mutation score (weighted by group size): {_pct(score)}"
            f" [95% {_pct(low)} – {_pct(high)}], {measured} sampled mutants"
        )
        if any(s.other for s in ordered):  # not run (budget): a floor counts them survived
            worst = [
                Stratum(s.group, s.population, s.killed, s.survived + s.other) for s in ordered
            ]
            floor, floor_low, _ = stratified(worst)
            print(
                f"  if the {sum(s.other for s in ordered)} not measured all survived:"
                f" {_pct(floor)} [95% from {_pct(floor_low)}]"
            )
    skipped = sorted(set(chosen) & set(EQUIVALENT))
    if skipped:
        print(f"equivalent (left out): {len(skipped)}")
        for name in skipped:
            print(f"  {name}: {EQUIVALENT[name]}")
    by_hand = sorted(set(chosen) & set(KILLED_ON_IMPORT))
    if by_hand:
        print(f"killed, checked by hand (run at import): {len(by_hand)}")
        for name in by_hand:
            print(f"  {name}: {KILLED_ON_IMPORT[name]}")
    print(f"survivors ({len(survivors)}):")
    for name in survivors:
        print(f"  {name}")
    return ordered


def _mutmut(folder: Path, *args: str, budget: float | None = None) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "mutmut", *args], cwd=folder, stdout=subprocess.DEVNULL
    )
    try:
        run.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        run.terminate()  # mutmut keeps each finished mutant's result on disk
        run.wait()
        print(f"stopped after the budget of {budget:g} s: a partial score")


def _prepare(folder: Path, modules: list[str], tests: list[str]) -> None:
    _copy(folder)
    _undecorate_all(folder, modules)
    _configure(folder, modules, tests)
    subprocess.run([sys.executable, "-c", _GENERATE], cwd=folder, check=True, capture_output=True)


def _resume(folder: Path, modules: list[str], only: list[str], moved: bool = False) -> list[str]:
    """Bring a kept copy's tests up to date and return the test files new or changed.

    Refuses if a mutated module changed (a fresh run is needed then). With that code
    unchanged and test files only added or extended, a mutant the kept copy saw killed
    stays killed, and one that survived the old suite is killed now only by a new or
    changed file: those are all a survivor needs to be tried on again. ``only``: copy
    just these test files (others changed beside them may need code the copy lacks).
    """
    for path in sorted((ROOT / "pokin").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not any(fnmatch.fnmatch(relative.as_posix(), m) for m in modules):
            continue
        copy = folder / relative
        expected = undecorate(path.read_text(encoding="utf-8"))
        if not copy.exists() or copy.read_text(encoding="utf-8") != expected:
            if not moved:
                raise SystemExit(f"{relative} changed since the kept copy: run afresh")
            print(f"{relative} changed since the kept copy: the copy's code is measured")
    changed = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        name = f"tests/{path.name}"
        old = folder / name
        if (not only or name in only) and (
            not old.exists() or old.read_bytes() != path.read_bytes()
        ):
            changed.append(name)
    for name in changed:
        for target in (folder / name, folder / "mutants" / name):
            shutil.copy2(ROOT / name, target)
    return changed


_PRESCREEN = """
import json, os, signal, sys
import pytest
names, tests, out = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
pytest.main(["-qq", "--collect-only", "-p", "no:cacheprovider", *tests])  # imports, once
codes = {}
for name in ["", *names]:  # "": no mutant, the files must pass
    pid = os.fork()
    if pid == 0:
        os.environ["MUTANT_UNDER_TEST"] = name
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1), os.dup2(null, 2)
        signal.alarm(300)
        os._exit(int(pytest.main(["-x", "-q", "-p", "no:cacheprovider", *tests])))
    codes[name] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if not name and codes[name] != 0:
        break
with open(out, "w") as handle:
    json.dump(codes, handle)
"""


def _prescreen(folder: Path, names: list[str], tests: list[str]) -> list[str]:
    """Try ``tests`` (a few fast files) on each mutant first; record those they kill.

    A mutant killed by any test of the suite is killed, so these need not wait for
    mutmut's selection of tests (minutes for a function every test reaches). One process
    imports once and forks a child per mutant, as mutmut does. The files must pass
    without a mutant, or nothing is recorded. Returns the mutants left.
    """
    out = folder / "prescreen-run.json"
    out.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-c", _PRESCREEN, json.dumps(names), json.dumps(tests), str(out)],
        cwd=folder / "mutants",
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        capture_output=True,
        check=False,
    )
    codes: dict[str, int] = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    if codes.get("") != 0:
        print(f"prescreen skipped: {' '.join(tests)} do not pass without a mutant")
        return names
    del codes[""]
    saved = folder / "prescreen.json"  # kept apart: a running mutmut rewrites its .meta files
    if saved.exists():
        codes = {**json.loads(saved.read_text(encoding="utf-8")), **codes}
    saved.write_text(json.dumps(codes, indent=1, sort_keys=True), encoding="utf-8")
    killed = [n for n in names if codes.get(n) in (1, 3)]
    print(f"prescreen: {len(killed)} of {len(names)} killed by {' '.join(tests)}")
    return [n for n in names if n not in killed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files or globs under pokin/ (default: all)")
    parser.add_argument("--tests", nargs="*", default=["tests/"], help="tests to run")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument("--sample", type=int, default=60, help="mutants drawn per group")
    parser.add_argument("--seed", type=int, default=12, help="seed of the sample")
    parser.add_argument("--full", action="store_true", help="run every mutant, no sample")
    parser.add_argument("--list", action="store_true", help="count the mutants, run nothing")
    parser.add_argument("--keep", action="store_true", help="keep the copy (print where)")
    parser.add_argument("--budget", type=float, help="stop after this many seconds")
    parser.add_argument(
        "--resume", type=Path, help="a copy kept by --keep: rerun its sample's unkilled mutants"
    )
    parser.add_argument(
        "--first",
        nargs="*",
        default=[],
        help="fast test files tried on each mutant first (with --resume: also those changed)",
    )
    parser.add_argument("--report", action="store_true", help="with --resume: report, run nothing")
    parser.add_argument(
        "--prescreen-only", action="store_true", help="with --resume: do not start mutmut"
    )
    parser.add_argument(
        "--code-moved",
        action="store_true",
        help="with --resume: measure the copy's code though the mutated modules changed since",
    )
    args = parser.parse_args()
    if shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None:
        print("mutmut is not installed: .venv/bin/pip install mutmut==3.8.1", file=sys.stderr)
        return 2
    modules = args.modules or MODULES
    folder = args.resume or Path(tempfile.mkdtemp(prefix="pokin-mutation-"))
    keep = args.keep or args.resume is not None
    try:
        first = list(args.first)
        if args.resume and not args.report:
            first = _resume(folder, modules, first, args.code_moved)
        elif not args.resume:
            _prepare(folder, modules, args.tests)
        results = _results(folder)
        groups = {name: group_of(source) for name, (source, _) in results.items()}
        counts: dict[str, int] = {}
        for group in groups.values():
            counts[group] = counts.get(group, 0) + 1
        print(f"modules: {', '.join(modules)}")
        print(f"mutants: {len(results)} ({json.dumps(dict(sorted(counts.items())))})")
        if args.list:
            return 0
        saved = folder / "sample.txt"
        if args.resume:
            chosen = saved.read_text(encoding="utf-8").split()
        else:
            chosen = sorted(results) if args.full else sample(groups, args.sample, args.seed)
            saved.write_text("\n".join(chosen) + "\n", encoding="utf-8")
        run_names = [] if args.full else [n for n in chosen if n not in EQUIVALENT]
        if args.resume:
            run_names = [n for n in run_names if results[n][1] not in KILLED]
        if args.report:
            report(results, chosen, args.full)
            return 0
        if first and run_names:
            run_names = _prescreen(folder, run_names, first)
        if args.resume:  # a survivor of the old suite that the new files spare survives
            run_names = [n for n in run_names if results[n][1] is None]
        if args.prescreen_only or (not run_names and not args.full):
            report(_results(folder), chosen, args.full)
            return 0
        start = time.perf_counter()
        _mutmut(folder, "run", "--max-children", str(args.jobs), *run_names, budget=args.budget)
        print(f"ran {len(run_names) or len(chosen)} mutants in {time.perf_counter() - start:.0f} s")
        report(_results(folder), chosen, args.full)
    finally:
        if keep:
            print(f"copy kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
