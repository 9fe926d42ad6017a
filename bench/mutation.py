"""Mutation score of pokin's core, checks, io, link and decree modules (mutmut); not in CI.

    .venv/bin/python bench/mutation.py                       # every module of MODULES
    .venv/bin/python bench/mutation.py pokin/capaian.py ...  # some modules only
    .venv/bin/python bench/mutation.py --jobs 2 --tests tests/test_checks.py ...

mutmut (``pip install mutmut``) changes one thing at a time in the code (``<`` for ``<=``,
``and`` for ``or``, a constant, a returned value...) and runs the tests that cover the
changed function; a mutant the tests still pass on "survived": a bug the suite would not
catch. The score is killed / (killed + survived); mutants that time out count as killed
(the suite noticed), mutants no test reaches count as survived.

The run happens in a copy of the repository in a temporary folder (mutmut writes a
``mutants/`` tree beside the code); the working tree is never touched. It is slow: the
whole list takes hours on two cores, one module minutes. Figures go in README, "Mutation
score".
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODULES = [
    "pokin/models/*",
    "pokin/io/*",
    "pokin/_files.py",
    "pokin/_text.py",
    "pokin/graph.py",
    "pokin/coverage.py",
    "pokin/capaian.py",
    "pokin/checks/*",
    "pokin/link/*",
    "pokin/decree/*",
]
"""What issue 12 asks to be measured: core (models, io, files, text, graph, coverage,
capaian), checks, io, link and decree."""

IGNORED = {".venv", "mutants", ".git", ".hypothesis", ".mypy_cache", ".ruff_cache", "__pycache__"}
TOP_ONLY = {"render"}  # the demo's drawings (pokin/render is code and is copied)


def _copy(target: Path) -> None:
    for item in ROOT.iterdir():
        if item.name in IGNORED | TOP_ONLY or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=shutil.ignore_patterns(*IGNORED))
        else:
            shutil.copy2(item, target / item.name)


_SKIPPED = [
    "--ignore=tests/test_lazy_import.py",  # inspects the import machinery mutmut rewires
    "--ignore=tests/test_notebooks.py",  # runs kernels: minutes per mutant
    "--ignore=tests/test_properties.py",  # hypothesis: hundreds of examples per mutant
]


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
    }
    lines = ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items()]
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def _stats(folder: Path) -> dict[str, int]:
    subprocess.run(
        [sys.executable, "-m", "mutmut", "export-cicd-stats"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    data: dict[str, int] = json.loads((folder / "mutants" / "mutmut-cicd-stats.json").read_text())
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files or globs under pokin/ (default: all)")
    parser.add_argument("--tests", nargs="*", default=["tests/"], help="tests to run")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument("--keep", action="store_true", help="keep the copy (print where)")
    parser.add_argument(
        "--budget", type=float, help="stop after this many seconds; score what was run"
    )
    args = parser.parse_args()
    if shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None:
        print("mutmut is not installed: .venv/bin/pip install mutmut", file=sys.stderr)
        return 2
    modules = args.modules or MODULES
    folder = Path(tempfile.mkdtemp(prefix="pokin-mutation-"))
    try:
        _copy(folder)
        _configure(folder, modules, args.tests)
        start = time.perf_counter()
        run = subprocess.Popen(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs)],
            cwd=folder,
            stdout=subprocess.DEVNULL,
        )
        try:
            run.wait(timeout=args.budget)
        except subprocess.TimeoutExpired:
            run.terminate()  # mutmut keeps each finished mutant's result on disk
            run.wait()
            print(f"stopped after the budget of {args.budget:g} s: a partial score")
        seconds = time.perf_counter() - start
        stats = _stats(folder)
    finally:
        if args.keep:
            print(f"copy kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    killed = stats.get("killed", 0) + stats.get("timeout", 0)
    survived = stats.get("survived", 0) + stats.get("no_tests", 0)
    score = killed / (killed + survived) if killed + survived else 0.0
    print(f"modules: {', '.join(modules)}")
    print(f"mutants: {stats.get('total', 0)} in {seconds:.0f} s ({killed + survived} run)")
    print(json.dumps(stats, sort_keys=True))
    print(f"mutation score: {score * 100:.1f}% ({killed} killed / {killed + survived})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
